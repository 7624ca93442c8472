package ui

import (
	"net/http"

	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

// ShowAcceptance lists the problems waiting for the office's acceptance
// in what the user may see: for an office, every unit below it.
func (h *Handler) ShowAcceptance(w http.ResponseWriter, r *http.Request) {
	rows := []*store.PendingProblem{}
	if sc, ok := auth.Scope(auth.UserFrom(r.Context())); ok {
		list, err := h.Store.PendingAcceptance(r.Context(), sc)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		rows = append(rows, list...)
	}
	h.render(w, r, http.StatusOK, "acceptance_show", &page{Title: "待验收销号", Nav: "acceptance", Data: rows})
}
