package api

import (
	"net/http"

	"zhenggai/internal/auth"
)

// ListRounds is GET /api/v1/rounds: every round, newest feedback first,
// each with its figures.
func (h *Handler) ListRounds(w http.ResponseWriter, r *http.Request) {
	out := []*roundJSON{}
	sc, ok := auth.Scope(auth.UserFrom(r.Context()))
	if !ok {
		writeJSON(w, http.StatusOK, map[string]any{"rounds": out})
		return
	}
	rounds, err := h.Store.RoundSummaries(r.Context(), sc, h.today())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	for _, rs := range rounds {
		rd := rs.Round
		// One ledger per round: the store has no query for the figures of
		// many rounds at once.
		rj, err := h.roundObject(r.Context(), rd.ID)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		out = append(out, rj)
	}
	writeJSON(w, http.StatusOK, map[string]any{"rounds": out})
}
