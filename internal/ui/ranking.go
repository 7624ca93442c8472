package ui

import (
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
)

// ranks tells whether a user's home shows the ranking of units: the
// inspection offices, and the administrator who sees them all.
func ranks(u *zhenggai.User) bool {
	return u != nil && (u.Role == zhenggai.RoleSupervisor || u.Role == zhenggai.RoleAdmin)
}

// ranking is the units the user may see ranked by completion rate and
// overdue measures, from every round of his scope (a ranking of part of
// the units would mislead: the list shows it only unfiltered).
func (h *Handler) ranking(r *http.Request) ([]*zhenggai.UnitRank, error) {
	sc, ok := auth.Scope(auth.UserFrom(r.Context()))
	if !ok {
		return []*zhenggai.UnitRank{}, nil
	}
	return h.Store.UnitRanking(r.Context(), sc, h.today())
}

// rankChartData feeds the ranking's chart (app.js, data-chart="ranking").
type rankChartData struct {
	Labels  []string `json:"labels"`
	Rate    []int    `json:"rate"`
	Overdue []int    `json:"overdue"`
}

func rankChart(rs []*zhenggai.UnitRank) rankChartData {
	d := rankChartData{Labels: []string{}, Rate: []int{}, Overdue: []int{}}
	for _, r := range rs {
		d.Labels = append(d.Labels, r.Unit)
		d.Rate = append(d.Rate, r.Rate)
		d.Overdue = append(d.Overdue, r.Overdue)
	}
	return d
}
