package api

import "net/http"

// ListCategories is GET /api/v1/rounds/{id}/categories, in order.
func (h *Handler) ListCategories(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	if _, err := h.Store.Round(r.Context(), id); err != nil {
		h.fail(w, r, err)
		return
	}
	cats, err := h.Store.Categories(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := []*categoryJSON{}
	for _, c := range cats {
		out = append(out, newCategoryJSON(c))
	}
	writeJSON(w, http.StatusOK, categoryListJSON{Categories: out})
}
