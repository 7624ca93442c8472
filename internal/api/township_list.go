package api

import (
	"context"
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
)

// townshipJSON is a township with its group as today stands.
type townshipJSON struct {
	*zhenggai.Township
	Leader      string        `json:"leader,omitempty"` // today's
	Vacant      bool          `json:"vacant"`
	VacantSince zhenggai.Date `json:"vacant_since,omitzero"`
	// InvitedThisYear counts this year's invitations by kind.
	InvitedThisYear map[zhenggai.InvitationKind]int `json:"invited_this_year"`
}

// townshipListJSON answers GET /api/v1/townships.
type townshipListJSON struct {
	UnitID    int64          `json:"unit_id"`
	Today     zhenggai.Date  `json:"today"`
	Vacant    int            `json:"vacant"`
	Townships []townshipJSON `json:"townships"`
}

func (h *Handler) townshipOut(t *zhenggai.Township, today zhenggai.Date) townshipJSON {
	out := townshipJSON{Township: t, InvitedThisYear: map[zhenggai.InvitationKind]int{}}
	if t.Posts == nil {
		t.Posts = []zhenggai.LiaisonPost{}
	}
	if t.Invitations == nil {
		t.Invitations = []zhenggai.LiaisonInvitation{}
	}
	if l := t.LeaderOn(today); l != nil {
		out.Leader = l.Name
	}
	out.VacantSince, out.Vacant = t.VacantSince(today)
	for _, in := range t.Invitations {
		if in.On.Year() == today.Year() {
			out.InvitedThisYear[in.Kind]++
		}
	}
	return out
}

// ListTownships is GET /api/v1/townships: every township of the caller's
// unit with its group, today's leader or the vacancy, and this year's
// invitations by kind.
func (h *Handler) ListTownships(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	unitID := auth.UserFrom(ctx).UnitID
	ts, err := h.Store.Townships(ctx, unitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	today := h.today()
	out := townshipListJSON{UnitID: unitID, Today: today, Townships: []townshipJSON{}}
	for _, t := range ts {
		o := h.townshipOut(t, today)
		if o.Vacant {
			out.Vacant++
		}
		out.Townships = append(out.Townships, o)
	}
	writeJSON(w, http.StatusOK, out)
}

// townshipRequest is a township with its whole group as a client sends
// it: a post or invitation with the id of one of the township's changes
// it, one without is new, one left out is deleted.
type townshipRequest struct {
	Name        string                       `json:"name"`
	Seq         int                          `json:"seq"`
	Note        string                       `json:"note"`
	Since       zhenggai.Date                `json:"since"`
	Posts       []zhenggai.LiaisonPost       `json:"posts"`
	Invitations []zhenggai.LiaisonInvitation `json:"invitations"`
}

type townshipUpdateRequest struct {
	townshipRequest
	Version int64 `json:"version"`
}

func (req *townshipRequest) apply(t *zhenggai.Township) {
	t.Name, t.Seq, t.Note, t.Since, t.Posts, t.Invitations = req.Name, req.Seq, req.Note, req.Since, req.Posts, req.Invitations
}

// CreateTownship is POST /api/v1/townships.
func (h *Handler) CreateTownship(w http.ResponseWriter, r *http.Request) {
	var req townshipRequest
	if !h.decode(w, r, &req) {
		return
	}
	ctx := r.Context()
	t := &zhenggai.Township{UnitID: auth.UserFrom(ctx).UnitID}
	req.apply(t)
	for i := range t.Posts {
		t.Posts[i].ID = 0
	}
	for i := range t.Invitations {
		t.Invitations[i].ID = 0
	}
	if err := h.Store.SaveTownship(ctx, t); err != nil {
		h.fail(w, r, err)
		return
	}
	h.writeTownship(w, r, http.StatusCreated, t.ID)
}

// GetTownship is GET /api/v1/townships/{id}.
func (h *Handler) GetTownship(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	h.writeTownship(w, r, http.StatusOK, id)
}

// UpdateTownship is PUT /api/v1/townships/{id}: the township and its
// group replaced at its current version.
func (h *Handler) UpdateTownship(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	var req townshipUpdateRequest
	if !h.decode(w, r, &req) {
		return
	}
	ctx := r.Context()
	stored, err := h.Store.Township(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := &zhenggai.ValidationError{}
	requireVersion(v, "version", req.Version)
	if err := v.Err(); err != nil {
		h.fail(w, r, err)
		return
	}
	t := &zhenggai.Township{ID: id, UnitID: stored.UnitID, Sample: stored.Sample, Version: req.Version}
	req.apply(t)
	if err := h.Store.SaveTownship(ctx, t); err != nil {
		h.failSave(w, r, err, req.Version, func(ctx context.Context) (any, int64, error) {
			cur, err := h.Store.Township(ctx, id)
			if err != nil {
				return nil, 0, err
			}
			return cur, cur.Version, nil
		})
		return
	}
	h.writeTownship(w, r, http.StatusOK, id)
}

func (h *Handler) writeTownship(w http.ResponseWriter, r *http.Request, status int, id int64) {
	t, err := h.Store.Township(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, status, h.townshipOut(t, h.today()))
}

func init() {
	apiOps["GET /api/v1/townships"] = apiOp{summary: "本单位的乡镇政协联络组：每个乡镇的联络组长（或空缺及起始日期）、成员、任职记录、受邀活动，及本年度按类别的受邀次数",
		response: (*townshipListJSON)(nil)}
	apiOps["POST /api/v1/townships"] = apiOp{summary: "登记一个乡镇联络组及其任职记录（组长任职起止不得与另一组长重叠）和受邀活动（视察、调研、列席常委会议）；同名乡镇为422",
		request: (*townshipRequest)(nil), response: (*townshipJSON)(nil), created: true}
	apiOps["GET /api/v1/townships/{id}"] = apiOp{summary: "一个乡镇联络组及其任职记录和受邀活动", response: (*townshipJSON)(nil)}
	apiOps["PUT /api/v1/townships/{id}"] = apiOp{summary: "修改乡镇联络组（整条替换，须带当前 version）：带 id 的任职记录或受邀活动为修改，不带 id 的为新增，未列出的删除",
		request: (*townshipUpdateRequest)(nil), response: (*townshipJSON)(nil)}
	apiOps["POST /api/v1/townships/{id}/void"] = apiOp{summary: "作废乡镇联络组（须写明理由 reason）；已作废为409",
		request: (*voidRequest)(nil), response: (*voidJSON)(nil)}
	apiOps["POST /api/v1/townships/{id}/restore"] = apiOp{summary: "单位管理员恢复已作废的乡镇联络组；未作废为409", response: (*voidJSON)(nil)}
}
