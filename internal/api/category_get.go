package api

import "net/http"

// GetCategory is GET /api/v1/categories/{id}.
func (h *Handler) GetCategory(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	c, err := h.Store.Category(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newCategoryJSON(c))
}
