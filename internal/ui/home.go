package ui

import (
	"net/http"

	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

// Home is where a user starts: 我的任务 for a leader or an owner, the
// rounds for everyone else.
func (h *Handler) Home(w http.ResponseWriter, r *http.Request) {
	if tasksHome(auth.UserFrom(r.Context())) {
		http.Redirect(w, r, "/tasks", http.StatusSeeOther)
		return
	}
	h.Cached(h.ListRounds)(w, r)
}

// ListRounds lists the rounds the user may see, with their figures: for an
// inspection office, every round of every unit below it, filtered,
// sorted and a page at a time (round_list.go), and its units ranked
// (ranking.go).
func (h *Handler) ListRounds(w http.ResponseWriter, r *http.Request) {
	l, err := h.roundList(r, false)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	// The ranking is of the whole scope: a filtered list does not show it.
	if ranks(auth.UserFrom(r.Context())) && !l.Filter.Filtered() {
		if l.Ranking, err = h.ranking(r); err != nil {
			h.fail(w, r, err)
			return
		}
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
