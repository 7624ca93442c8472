package ui

import (
	"net/http"
	"zhenggai/internal/auth"

	"zhenggai"
)

// roundRow is one line of the list of rounds.
type roundRow struct {
	Round   *zhenggai.Round
	Summary zhenggai.Summary
}

// Home lists the rounds with their progress.
func (h *Handler) Home(w http.ResponseWriter, r *http.Request) {
	rounds, err := h.Store.Rounds(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	rows := make([]roundRow, 0, len(rounds))
	u := auth.UserFrom(r.Context())
	for _, rd := range rounds {
		if !h.Auth.CanRead(r.Context(), u, rd.UnitID) {
			continue
		}
		l, err := h.Store.Ledger(r.Context(), rd.ID, h.today())
		if err != nil {
			h.fail(w, r, err)
			return
		}
		rows = append(rows, roundRow{rd, l.Summary})
	}
	h.render(w, r, http.StatusOK, "home", &page{Title: "巡察轮次", Nav: "home", Data: rows})
}
