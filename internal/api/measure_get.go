package api

import "net/http"

// GetMeasure is GET /api/v1/measures/{id}.
func (h *Handler) GetMeasure(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	out, err := h.measureObject(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}
