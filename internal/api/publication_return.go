package api

import "net/http"

// ReturnPublication is POST /api/v1/publications/{id}/return with
// {"reason": "…"}: the reviewer sends it back to the drafter.
func (h *Handler) ReturnPublication(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	var req closeRequest
	if !h.decode(w, r, &req) {
		return
	}
	if err := h.Store.ReturnPublication(r.Context(), id, req.Reason); err != nil {
		h.fail(w, r, err)
		return
	}
	h.answerPublication(w, r, http.StatusOK, id)
}
