package api

import (
	"net/http"

	"zhenggai/internal/auth"
)

// ApprovePublication is POST /api/v1/publications/{id}/approve: the
// reviewer, never the drafter, puts it on the public site.
func (h *Handler) ApprovePublication(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	if err := h.Store.ApprovePublication(r.Context(), id, auth.UserFrom(r.Context())); err != nil {
		h.fail(w, r, err)
		return
	}
	h.answerPublication(w, r, http.StatusOK, id)
}
