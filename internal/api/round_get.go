package api

import "net/http"

// GetRound is GET /api/v1/rounds/{id}: the round with its figures.
func (h *Handler) GetRound(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	out, err := h.roundObject(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}
