package ui

import (
	"net/http"

	"zhenggai/internal/auth"
)

// Home lists the rounds the user may see, with their figures: for an
// inspection office, every round of every unit below it, filtered,
// sorted and a page at a time (round_list.go).
func (h *Handler) Home(w http.ResponseWriter, r *http.Request) {
	f := parseRoundFilter(r.URL.Query())
	var l *roundList
	if sc, ok := auth.Scope(auth.UserFrom(r.Context())); ok {
		rows, err := h.Store.RoundSummaries(r.Context(), sc, h.today())
		if err != nil {
			h.fail(w, r, err)
			return
		}
		l = f.list(rows, nil)
	} else {
		l = f.list(nil, nil)
	}
	h.render(w, r, http.StatusOK, "home", &page{Title: "巡察轮次", Nav: "home", Data: l})
}
