package api

import (
	"net/http"

	"zhenggai/internal/auth"
)

// ListRounds is GET /api/v1/rounds: every round, newest feedback first,
// each with its figures.
func (h *Handler) ListRounds(w http.ResponseWriter, r *http.Request) {
	rounds, err := h.Store.Rounds(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := []*roundJSON{}
	u := auth.UserFrom(r.Context())
	for _, rd := range rounds {
		if !h.Auth.CanRead(r.Context(), u, rd.UnitID) {
			continue
		}
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
