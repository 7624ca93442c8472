package api

import (
	"context"
	"net/http"

	"zhenggai"
)

// problemUpdateRequest is a problem request with its version.
type problemUpdateRequest struct {
	problemRequest
	Version int64 `json:"version"`
}

// UpdateProblem is PUT /api/v1/problems/{id}. A problem may move to another
// category of its own round.
func (h *Handler) UpdateProblem(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	var req problemUpdateRequest
	if !h.decode(w, r, &req) {
		return
	}
	ctx := r.Context()
	p, err := h.Store.Problem(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := &zhenggai.ValidationError{}
	requireVersion(v, "version", req.Version)
	if err := h.checkCategory(ctx, v, req.CategoryID, p.RoundID); err != nil {
		h.fail(w, r, err)
		return
	}
	p.CategoryID, p.Seq, p.Title, p.Rectification, p.Version = req.CategoryID, req.Seq, req.Title, req.Rectification, req.Version
	req.applyWithheld(p)
	if err := merge(v, p.Validate()); err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.Store.UpdateProblem(ctx, p); err != nil {
		h.failSave(w, r, err, req.Version, func(ctx context.Context) (any, int64, error) {
			cur, err := h.problemObject(ctx, id)
			if err != nil {
				return nil, 0, err
			}
			return cur, cur.Version, nil
		})
		return
	}
	out, err := h.problemObject(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}
