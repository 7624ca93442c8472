package ui

import (
	"net/http"

	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

// searchPage is the data of search_show.html.
type searchPage struct {
	Q        string
	Searched bool
	Problems []*store.SearchHit
	Measures []*store.SearchHit
	Opinions []*store.SearchHit
}

// ShowSearch is /search?q=: the problems, measures and (for those who may
// read them) opinions whose text holds the keyword, within what the user
// may see.
func (h *Handler) ShowSearch(w http.ResponseWriter, r *http.Request) {
	d := &searchPage{Q: r.URL.Query().Get("q")}
	hits, err := h.search(r, d.Q)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d.Searched = hits != nil
	for _, hit := range hits {
		switch hit.Kind {
		case "problem":
			d.Problems = append(d.Problems, hit)
		case "measure":
			d.Measures = append(d.Measures, hit)
		case "opinion":
			d.Opinions = append(d.Opinions, hit)
		}
	}
	h.render(w, r, http.StatusOK, "search_show", &page{Title: "搜索", Nav: "search", Data: d})
}

// search runs a keyword search for the request's user (auth.SearchScope);
// nil when there is nothing to search for.
func (h *Handler) search(r *http.Request, q string) ([]*store.SearchHit, error) {
	sc, opinions, ok := h.Auth.SearchScope(r.Context(), auth.UserFrom(r.Context()))
	if !ok || q == "" {
		return nil, nil
	}
	return h.Store.Search(r.Context(), sc, q, opinions)
}
