package api

import (
	"context"
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
)

// retiredRequest is a retired cadre's post as a client sends it: the
// person by name (matched to the roster), pay in fen (0: unpaid).
type retiredRequest struct {
	Name       string                   `json:"name"`
	Born       zhenggai.Date            `json:"born"`
	FormerRank string                   `json:"former_rank"`
	RetiredOn  zhenggai.Date            `json:"retired_on"`
	Org        string                   `json:"org"`
	Post       string                   `json:"post"`
	Kind       zhenggai.RetiredPostKind `json:"kind"`
	ApprovedBy string                   `json:"approved_by"`
	ApprovedOn zhenggai.Date            `json:"approved_on"`
	FiledOn    zhenggai.Date            `json:"filed_on"`
	FilingNo   string                   `json:"filing_no"`
	From       zhenggai.Date            `json:"from"`
	To         zhenggai.Date            `json:"to"`
	Term       int                      `json:"term"`
	Pay        zhenggai.Fen             `json:"pay"`
	Note       string                   `json:"note"`
}

type retiredUpdateRequest struct {
	retiredRequest
	Version int64 `json:"version"`
}

func (req *retiredRequest) apply(p *zhenggai.RetiredPost) {
	p.Name, p.Born, p.FormerRank, p.RetiredOn, p.Org, p.Post, p.Kind = req.Name, req.Born, req.FormerRank, req.RetiredOn, req.Org, req.Post, req.Kind
	p.ApprovedBy, p.ApprovedOn, p.FiledOn, p.FilingNo = req.ApprovedBy, req.ApprovedOn, req.FiledOn, req.FilingNo
	p.From, p.To, p.Term, p.Pay, p.Note = req.From, req.To, req.Term, req.Pay, req.Note
}

// CreateRetired is POST /api/v1/retired.
func (h *Handler) CreateRetired(w http.ResponseWriter, r *http.Request) {
	var req retiredRequest
	if !h.decode(w, r, &req) {
		return
	}
	ctx := r.Context()
	p := &zhenggai.RetiredPost{UnitID: auth.UserFrom(ctx).UnitID}
	req.apply(p)
	if err := h.Store.SaveRetiredPost(ctx, p); err != nil {
		h.fail(w, r, err)
		return
	}
	h.writeRetired(w, r, http.StatusCreated, p.ID)
}

// GetRetired is GET /api/v1/retired/{id}.
func (h *Handler) GetRetired(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	h.writeRetired(w, r, http.StatusOK, id)
}

// UpdateRetired is PUT /api/v1/retired/{id}: the whole post replaced at
// its current version.
func (h *Handler) UpdateRetired(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	var req retiredUpdateRequest
	if !h.decode(w, r, &req) {
		return
	}
	ctx := r.Context()
	stored, err := h.Store.RetiredPost(ctx, id)
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
	p := &zhenggai.RetiredPost{ID: id, UnitID: stored.UnitID, PersonID: stored.PersonID, Sample: stored.Sample, Version: req.Version}
	req.apply(p)
	if err := h.Store.SaveRetiredPost(ctx, p); err != nil {
		h.failSave(w, r, err, req.Version, func(ctx context.Context) (any, int64, error) {
			cur, err := h.Store.RetiredPost(ctx, id)
			if err != nil {
				return nil, 0, err
			}
			return cur, cur.Version, nil
		})
		return
	}
	h.writeRetired(w, r, http.StatusOK, id)
}

func (h *Handler) writeRetired(w http.ResponseWriter, r *http.Request, status int, id int64) {
	p, err := h.Store.RetiredPost(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, status, p)
}

func init() {
	apiOps["POST /api/v1/retired"] = apiOp{summary: "登记一条退休干部兼职(返聘)：kind 为 parttime 兼职或 rehired 返聘；组织部备案日期和文号；报酬以分计，0为不取酬",
		request: (*retiredRequest)(nil), response: (*zhenggai.RetiredPost)(nil), created: true}
	apiOps["GET /api/v1/retired/{id}"] = apiOp{summary: "一条退休干部兼职(返聘)记录", response: (*zhenggai.RetiredPost)(nil)}
	apiOps["PUT /api/v1/retired/{id}"] = apiOp{summary: "修改退休干部兼职(返聘)记录（整条替换，须带当前 version）",
		request: (*retiredUpdateRequest)(nil), response: (*zhenggai.RetiredPost)(nil)}
}
