package ui

import (
	"net/http"

	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

// Home lists the rounds the user may see, with their figures: for an
// inspection office, every round of every unit below it.
func (h *Handler) Home(w http.ResponseWriter, r *http.Request) {
	var rows []*store.RoundSummary
	if sc, ok := auth.Scope(auth.UserFrom(r.Context())); ok {
		var err error
		if rows, err = h.Store.RoundSummaries(r.Context(), sc, h.today()); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	h.render(w, r, http.StatusOK, "home", &page{Title: "巡察轮次", Nav: "home", Data: rows})
}
