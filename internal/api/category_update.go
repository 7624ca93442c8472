package api

import (
	"context"
	"net/http"

	"zhenggai"
)

// categoryUpdateRequest is a category request with its version.
type categoryUpdateRequest struct {
	categoryRequest
	Version int64 `json:"version"`
}

// UpdateCategory is PUT /api/v1/categories/{id}.
func (h *Handler) UpdateCategory(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	var req categoryUpdateRequest
	if !h.decode(w, r, &req) {
		return
	}
	c, err := h.Store.Category(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	c.Seq, c.Title, c.Version = req.Seq, req.Title, req.Version
	v := &zhenggai.ValidationError{}
	requireVersion(v, "version", req.Version)
	if err := merge(v, c.Validate()); err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.Store.UpdateCategory(r.Context(), c); err != nil {
		h.failSave(w, r, err, req.Version, func(ctx context.Context) (any, int64, error) {
			cur, err := h.Store.Category(ctx, id)
			if err != nil {
				return nil, 0, err
			}
			return newCategoryJSON(cur), cur.Version, nil
		})
		return
	}
	writeJSON(w, http.StatusOK, newCategoryJSON(c))
}
