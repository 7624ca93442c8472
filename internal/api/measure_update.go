package api

import (
	"context"
	"net/http"

	"zhenggai"
)

// measureUpdateRequest is a measure request with its version.
type measureUpdateRequest struct {
	measureRequest
	Version int64 `json:"version"`
}

// currentMeasure loads a measure for a 409 answer.
func (h *Handler) currentMeasure(id int64) func(context.Context) (any, int64, error) {
	return func(ctx context.Context) (any, int64, error) {
		cur, err := h.measureObject(ctx, id)
		if err != nil {
			return nil, 0, err
		}
		return cur, cur.Version, nil
	}
}

// UpdateMeasure is PUT /api/v1/measures/{id}: every field is replaced; an
// omitted seq, kind or status is a 422, not a default.
func (h *Handler) UpdateMeasure(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	var req measureUpdateRequest
	if !h.decode(w, r, &req) {
		return
	}
	ctx := r.Context()
	m, err := h.Store.Measure(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := &zhenggai.ValidationError{}
	requireVersion(v, "version", req.Version)
	m.Seq, m.Version = 0, req.Version
	if err := req.apply(v, m); err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.Store.UpdateMeasure(ctx, m); err != nil {
		h.failSave(w, r, err, req.Version, h.currentMeasure(id))
		return
	}
	out, err := h.measureObject(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}
