package api

import (
	"net/http"
	"strconv"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

// Pages of GET /api/v1/rounds: each round's figures come from its whole
// ledger, so a province's thousands of rounds come a page at a time.
const (
	defaultPerPage = 100
	maxPerPage     = 500
)

// ListRounds is GET /api/v1/rounds[?page=N&per_page=M]: the rounds the
// caller may see, newest feedback first, each with its figures, a page at
// a time, with the total.
func (h *Handler) ListRounds(w http.ResponseWriter, r *http.Request) {
	page, perPage, err := pageParams(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := []*roundJSON{}
	sc, ok := auth.Scope(auth.UserFrom(r.Context()))
	if !ok {
		writeJSON(w, http.StatusOK, roundListJSON{Rounds: out, Page: page, PerPage: perPage})
		return
	}
	p, err := h.Store.RoundPage(r.Context(), sc, h.today(),
		store.RoundQuery{Sort: "date", Desc: true, Offset: (page - 1) * perPage, Limit: perPage})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if p.Offset != (page-1)*perPage {
		p.Rows = nil // past the end: an empty page, not the last one
	}
	for _, rs := range p.Rows {
		rj, err := h.roundObject(r.Context(), rs.Round.ID)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		out = append(out, rj)
	}
	writeJSON(w, http.StatusOK, roundListJSON{Rounds: out, Total: p.Kept, Page: page, PerPage: perPage})
}

// pageParams reads page (from 1) and per_page (1 to maxPerPage).
func pageParams(r *http.Request) (page, perPage int, err error) {
	page, perPage = 1, defaultPerPage
	v := &zhenggai.ValidationError{}
	if s := r.URL.Query().Get("page"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 1_000_000 {
			v.Add("page", "page 须为1至1000000之间的整数")
		}
		page = n
	}
	if s := r.URL.Query().Get("per_page"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > maxPerPage {
			v.Add("per_page", "per_page 须为1至"+strconv.Itoa(maxPerPage)+"之间的整数")
		}
		perPage = n
	}
	return page, perPage, v.Err()
}
