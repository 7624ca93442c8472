package ui

import (
	"net/http"

	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

// acceptancePage is the data of acceptance_show.html.
type acceptancePage struct {
	Pending []*store.PendingProblem
	// Recorded are the open problems whose status an imported ledger
	// recorded (原台账记载), by round, for the office to accept in bulk.
	Recorded []*recordedRound
}

// recordedRound is one round's problems of the 原台账记载 queue.
type recordedRound struct {
	RoundID         int64
	Unit, Inspector string
	Problems        []*store.PendingProblem
}

// ShowAcceptance lists the problems waiting for the office's acceptance
// in what the user may see: for an office, every unit below it; and the
// problems an imported ledger recorded, which it may accept in bulk.
func (h *Handler) ShowAcceptance(w http.ResponseWriter, r *http.Request) {
	h.renderAcceptance(w, r, http.StatusOK, nil, nil)
}

func (h *Handler) renderAcceptance(w http.ResponseWriter, r *http.Request, status int, form, errs map[string]string) {
	d := &acceptancePage{Pending: []*store.PendingProblem{}}
	if sc, ok := auth.Scope(auth.UserFrom(r.Context())); ok {
		list, err := h.Store.PendingAcceptance(r.Context(), sc)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		d.Pending = append(d.Pending, list...)
		rec, err := h.Store.RecordedAcceptance(r.Context(), sc)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		for _, p := range rec {
			if n := len(d.Recorded); n == 0 || d.Recorded[n-1].RoundID != p.Problem.RoundID {
				d.Recorded = append(d.Recorded, &recordedRound{RoundID: p.Problem.RoundID, Unit: p.Unit, Inspector: p.Inspector})
			}
			g := d.Recorded[len(d.Recorded)-1]
			g.Problems = append(g.Problems, p)
		}
	}
	h.render(w, r, status, "acceptance_show", &page{Title: "待验收销号", Nav: "acceptance", Data: d, Form: form, Errors: errs})
}
