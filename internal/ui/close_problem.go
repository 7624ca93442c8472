package ui

import (
	"fmt"
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
)

// CloseProblem takes a closing step on a problem: the office accepts or
// rejects it, the unit reopens it.
func (h *Handler) CloseProblem(a zhenggai.CloseAction) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, ok := h.pathID(w, r)
		if !ok {
			return
		}
		u := auth.UserFrom(r.Context())
		_, err := h.Store.CloseProblem(r.Context(), id, a, u.DisplayName, r.PostFormValue("reason"))
		h.closeDone(w, r, id, fmt.Sprintf("/problems/%d#closing", id), a.Label(), err)
	}
}
