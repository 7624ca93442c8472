package ui

import (
	"net/http"

	"zhenggai/internal/auth"
)

// Home lists the rounds the user may see, with their figures: for an
// inspection office, every round of every unit below it, filtered,
// sorted and a page at a time (round_list.go).
func (h *Handler) Home(w http.ResponseWriter, r *http.Request) {
	l, err := h.roundList(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "home", &page{Title: "巡察轮次", Nav: "home", Data: l})
}

// roundList is the list of rounds the request's user may see, narrowed,
// ordered and cut as its query says; each round with the number of its
// problems waiting for the inspection office's acceptance.
func (h *Handler) roundList(r *http.Request) (*roundList, error) {
	f := parseRoundFilter(r.URL.Query())
	sc, ok := auth.Scope(auth.UserFrom(r.Context()))
	if !ok {
		return f.list(nil, nil), nil
	}
	rows, err := h.Store.RoundSummaries(r.Context(), sc, h.today())
	if err != nil {
		return nil, err
	}
	waiting, err := h.Store.PendingAcceptance(r.Context(), sc)
	if err != nil {
		return nil, err
	}
	pending := map[int64]int{}
	for _, p := range waiting {
		pending[p.Problem.RoundID]++
	}
	return f.list(rows, pending), nil
}
