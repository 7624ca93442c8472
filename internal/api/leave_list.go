package api

import (
	"net/http"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

// leaveListJSON answers GET /api/v1/leaves.
type leaveListJSON struct {
	UnitID int64             `json:"unit_id"`
	Leaves []*zhenggai.Leave `json:"leaves"`
}

// ListLeaves is GET /api/v1/leaves?year=&state=.
func (h *Handler) ListLeaves(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	lq := store.LeaveQuery{UnitID: auth.UserFrom(r.Context()).UnitID}
	v := &zhenggai.ValidationError{}
	if y := q.Get("year"); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 1949 || n > 2100 {
			v.Add("year", "year 须为1949至2100之间的年份")
		}
		lq.From, lq.To = zhenggai.NewDate(n, 1, 1), zhenggai.NewDate(n, 12, 31)
	}
	switch s := q.Get("state"); s {
	case "", "pending", "out", "returned":
		lq.State = s
	default:
		v.Add("state", "state 须为 pending、out 或 returned")
	}
	if err := v.Err(); err != nil {
		h.fail(w, r, err)
		return
	}
	list, err := h.Store.Leaves(r.Context(), lq)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if list == nil {
		list = []*zhenggai.Leave{}
	}
	writeJSON(w, http.StatusOK, leaveListJSON{UnitID: lq.UnitID, Leaves: list})
}

// leaveRequest is a leave request as a client sends it.
type leaveRequest struct {
	Name           string             `json:"name"`
	Kind           zhenggai.LeaveKind `json:"kind"`
	From           zhenggai.Date      `json:"from"`
	To             zhenggai.Date      `json:"to"`
	Reason         string             `json:"reason"`
	ApprovedBy     string             `json:"approved_by"`
	ApprovedOn     zhenggai.Date      `json:"approved_on"`
	ExpectedReturn zhenggai.Date      `json:"expected_return"`
	ReturnedOn     zhenggai.Date      `json:"returned_on"`
}

type leaveUpdateRequest struct {
	leaveRequest
	Version int64 `json:"version"`
}

func (req *leaveRequest) apply(l *zhenggai.Leave) {
	l.Name, l.Kind, l.From, l.To, l.Reason = strings.TrimSpace(req.Name), req.Kind, req.From, req.To, req.Reason
	l.ApprovedBy, l.ApprovedOn, l.ExpectedReturn, l.ReturnedOn = req.ApprovedBy, req.ApprovedOn, req.ExpectedReturn, req.ReturnedOn
}

// CreateLeave is POST /api/v1/leaves. A staff member's request is his own
// (name empty or his), waiting for approval: the office's fields are
// refused, not dropped, and nothing is written.
func (h *Handler) CreateLeave(w http.ResponseWriter, r *http.Request) {
	var req leaveRequest
	if !h.decode(w, r, &req) {
		return
	}
	ctx := r.Context()
	self, own, err := h.Auth.LeaveSelf(ctx, auth.UserFrom(ctx))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if self {
		switch {
		case strings.TrimSpace(req.Name) != "" && strings.TrimSpace(req.Name) != own:
			h.fail(w, r, zhenggai.Errorf(zhenggai.EFORBID, "只能为本人请假：%s。为他人请假请找单位管理员登记", own))
			return
		case req.ApprovedBy != "" || !req.ApprovedOn.IsZero() || !req.ExpectedReturn.IsZero() || !req.ReturnedOn.IsZero():
			h.fail(w, r, zhenggai.Errorf(zhenggai.EFORBID, "批准人、批准日期、应销假日期和销假日期由单位管理员填写"))
			return
		}
		req.Name = own
	}
	l := &zhenggai.Leave{UnitID: auth.UserFrom(ctx).UnitID}
	req.apply(l)
	if err := h.Store.SaveLeave(ctx, l); err != nil {
		h.fail(w, r, err)
		return
	}
	h.writeLeave(w, r, http.StatusCreated, l.ID)
}

// VoidLeave is POST /api/v1/leaves/{id}/void: the office voids any leave
// with a reason; a staff member withdraws his own while it waits for
// approval (the route's PermLeave lets him at his own only).
func (h *Handler) VoidLeave(w http.ResponseWriter, r *http.Request) {
	self, _, err := h.Auth.LeaveSelf(r.Context(), auth.UserFrom(r.Context()))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !self {
		h.VoidRecord("leave")(w, r)
		return
	}
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	var req voidRequest
	if !h.decode(w, r, &req) {
		return
	}
	if err := h.Store.WithdrawLeave(r.Context(), id, req.Reason); err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, voidJSON{Kind: "leave", ID: id, Voided: true})
}

// GetLeave is GET /api/v1/leaves/{id}.
func (h *Handler) GetLeave(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	h.writeLeave(w, r, http.StatusOK, id)
}

// UpdateLeave is PUT /api/v1/leaves/{id} at its current version.
func (h *Handler) UpdateLeave(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	var req leaveUpdateRequest
	if !h.decode(w, r, &req) {
		return
	}
	ctx := r.Context()
	cur, err := h.Store.Leave(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	l := &zhenggai.Leave{ID: id, UnitID: cur.UnitID, Version: req.Version, PersonID: cur.PersonID, Sample: cur.Sample}
	req.apply(l)
	if err := h.Store.SaveLeave(ctx, l); err != nil {
		h.fail(w, r, err)
		return
	}
	h.writeLeave(w, r, http.StatusOK, id)
}

func (h *Handler) writeLeave(w http.ResponseWriter, r *http.Request, status int, id int64) {
	l, err := h.Store.Leave(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, status, l)
}
