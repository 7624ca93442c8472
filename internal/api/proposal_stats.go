package api

import (
	"net/http"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

// rateJSON is a rate with its counts and what its denominator counts.
type rateJSON struct {
	zhenggai.Rate
	Percent string `json:"percent"` // "" without a denominator
	Over    string `json:"over"`    // 收回的意见表, 立案的提案
}

// proposalStatsJSON answers GET /api/v1/proposals/stats.
type proposalStatsJSON struct {
	UnitID    int64                  `json:"unit_id"`
	Session   string                 `json:"session,omitempty"`
	Year      int                    `json:"year,omitempty"`
	Counts    zhenggai.ProposalStats `json:"counts"`
	Rates     []rateJSON             `json:"rates"`
	Sentences []string               `json:"sentences"`
}

// GetProposalStats is GET /api/v1/proposals/stats?session=|year=: the
// caller's unit's proposal counts of a session or a year (without
// either, the latest session, else the latest year), every rate with its numerator and denominator, and the
// sentences a report uses.
func (h *Handler) GetProposalStats(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	sc := store.ProposalScope{Session: strings.TrimSpace(q.Get("session"))}
	if y := strings.TrimSpace(q.Get("year")); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 1949 || n > 2100 {
			h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "year 须为1949至2100之间的年份"))
			return
		}
		sc.Year = n
	}
	unitID := auth.UserFrom(ctx).UnitID
	if sc.Session == "" && sc.Year == 0 {
		// As the page: the latest session, else the latest year, else this year.
		sessions, years, err := h.Store.ProposalSessions(ctx, unitID)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		switch {
		case len(sessions) > 0:
			sc.Session = sessions[0]
		case len(years) > 0:
			sc.Year = years[0]
		default:
			sc.Year = h.today().Year()
		}
	}
	st, err := h.Store.ProposalCounts(ctx, unitID, sc)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := proposalStatsJSON{UnitID: unitID, Session: sc.Session, Year: sc.Year, Counts: st, Sentences: st.Sentences()}
	for _, rt := range st.Rates() {
		out.Rates = append(out.Rates, rateJSON{Rate: rt, Percent: rt.Percent(), Over: rt.DenName()})
	}
	writeJSON(w, http.StatusOK, out)
}
