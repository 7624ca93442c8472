package api

import (
	"net/http"

	"zhenggai"
)

// measureStatusRequest changes only a measure's status.
type measureStatusRequest struct {
	Status  string `json:"status"`
	Version int64  `json:"version"`
}

// UpdateMeasureStatus is PUT /api/v1/measures/{id}/status.
func (h *Handler) UpdateMeasureStatus(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	var req measureStatusRequest
	if !h.decode(w, r, &req) {
		return
	}
	ctx := r.Context()
	if _, err := h.Store.Measure(ctx, id); err != nil {
		h.fail(w, r, err)
		return
	}
	v := &zhenggai.ValidationError{}
	requireVersion(v, "version", req.Version)
	st := zhenggai.Status(req.Status)
	if !st.Valid() {
		v.Add("status", "完成情况须为not_started、in_progress、basically_completed、completed或ongoing")
	}
	if err := v.Err(); err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.Store.SetMeasureStatus(ctx, id, req.Version, st); err != nil {
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
