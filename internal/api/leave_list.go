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

// CreateLeave is POST /api/v1/leaves.
func (h *Handler) CreateLeave(w http.ResponseWriter, r *http.Request) {
	var req leaveRequest
	if !h.decode(w, r, &req) {
		return
	}
	ctx := r.Context()
	l := &zhenggai.Leave{UnitID: auth.UserFrom(ctx).UnitID}
	req.apply(l)
	if err := h.Store.SaveLeave(ctx, l); err != nil {
		h.fail(w, r, err)
		return
	}
	h.writeLeave(w, r, http.StatusCreated, l.ID)
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
