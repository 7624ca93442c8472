package api

import (
	"net/http"

	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

// searchJSON is the answer of GET /api/v1/search.
type searchJSON struct {
	Q    string             `json:"q"`
	Hits []*store.SearchHit `json:"hits"`
}

// Search is GET /api/v1/search?q=: the problems, measures and (for those
// who may read them) opinions whose text holds q, within the caller's
// units; at most store.SearchLimit of each kind.
func (h *Handler) Search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	out := searchJSON{Q: q, Hits: []*store.SearchHit{}}
	if sc, opinions, ok := h.Auth.SearchScope(r.Context(), auth.UserFrom(r.Context())); ok {
		hits, err := h.Store.Search(r.Context(), sc, q, opinions)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		out.Hits = hits
	}
	writeJSON(w, http.StatusOK, out)
}
