package api

import "net/http"

// SubmitPublication is POST /api/v1/publications/{id}/submit: a draft (or
// one returned) goes to its reviewer.
func (h *Handler) SubmitPublication(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	if err := h.Store.SubmitPublication(r.Context(), id); err != nil {
		h.fail(w, r, err)
		return
	}
	h.answerPublication(w, r, http.StatusOK, id)
}
