package ui

import (
	"net/http"

	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

// Home lists the rounds the user may see, with their figures: for an
// inspection office, every round of every unit below it, filtered,
// sorted and a page at a time (round_list.go).
func (h *Handler) Home(w http.ResponseWriter, r *http.Request) {
	l, err := h.roundList(r, false)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "home", &page{Title: "巡察轮次", Nav: "home", Data: l})
}

// roundList is the list of rounds the request's user may see, narrowed,
// ordered and cut as its query says (every page when every is true).
func (h *Handler) roundList(r *http.Request, every bool) (*roundList, error) {
	f := parseRoundFilter(r.URL.Query())
	sc, ok := auth.Scope(auth.UserFrom(r.Context()))
	if !ok {
		return f.list(&store.RoundPage{}), nil
	}
	p, err := h.Store.RoundPage(r.Context(), sc, h.today(), f.query(every))
	if err != nil {
		return nil, err
	}
	return f.list(p), nil
}
