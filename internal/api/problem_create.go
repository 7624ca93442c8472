package api

import (
	"context"
	"net/http"
	"strconv"

	"zhenggai"
)

// problemRequest is what a client may send about a problem.
type problemRequest struct {
	CategoryID    int64  `json:"category_id"`
	Seq           int    `json:"seq"`
	Title         string `json:"title"`
	Rectification string `json:"rectification"`
	// Withheld from published reports, with the reason; omitted, a new
	// problem is published and an update keeps what is stored.
	Withheld       *bool   `json:"withheld"`
	WithheldReason *string `json:"withheld_reason"`
}

// applyWithheld writes the withholding of the request onto p.
func (req *problemRequest) applyWithheld(p *zhenggai.Problem) {
	if req.Withheld != nil {
		p.Withheld = *req.Withheld
	}
	if req.WithheldReason != nil {
		p.WithheldReason = *req.WithheldReason
	}
}

// checkCategory adds a field error unless category id belongs to round.
// An unknown category is a wrong value, not a missing resource: 422.
func (h *Handler) checkCategory(ctx context.Context, v *zhenggai.ValidationError, id, round int64) error {
	if id <= 0 {
		return nil // the domain's Validate names it
	}
	c, err := h.Store.Category(ctx, id)
	switch {
	case zhenggai.ErrorCode(err) == zhenggai.ENOTFOUND:
		v.Add("category_id", "问题类别不存在")
	case err != nil:
		return err
	case c.RoundID != round:
		v.Add("category_id", "只能选择本轮巡察的问题类别")
	}
	return nil
}

// CreateProblem is POST /api/v1/rounds/{id}/problems.
func (h *Handler) CreateProblem(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	var req problemRequest
	if !h.decode(w, r, &req) {
		return
	}
	ctx := r.Context()
	if _, err := h.Store.Round(ctx, id); err != nil {
		h.fail(w, r, err)
		return
	}
	v := &zhenggai.ValidationError{}
	if err := h.checkCategory(ctx, v, req.CategoryID, id); err != nil {
		h.fail(w, r, err)
		return
	}
	p := &zhenggai.Problem{CategoryID: req.CategoryID, Seq: req.Seq, Title: req.Title, Rectification: req.Rectification}
	req.applyWithheld(p)
	if err := merge(v, p.Validate()); err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.Store.CreateProblem(ctx, p); err != nil {
		h.fail(w, r, err)
		return
	}
	out, err := h.problemObject(ctx, p.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/problems/"+strconv.FormatInt(p.ID, 10))
	writeJSON(w, http.StatusCreated, out)
}
