package store

import (
	"fmt"
	"testing"

	"zhenggai"
)

// rounds makes n round summaries: unit i has i problems, i%3 red
// measures, and round i's feedback is on day i of 2026.
func testRounds(n int) []*zhenggai.RoundSummary {
	var out []*zhenggai.RoundSummary
	for i := 1; i <= n; i++ {
		counts := zhenggai.NewStatusCounts()
		counts[zhenggai.Completed] = i / 2
		counts[zhenggai.InProgress] = i - i/2
		out = append(out, &zhenggai.RoundSummary{
			Round: &zhenggai.Round{ID: int64(i), Unit: fmt.Sprintf("单位%03d", i), Inspector: "县委第一巡察组",
				FeedbackDate: zhenggai.NewDate(2026, 1, 1).AddDays(i)},
			Problems: i, ProblemCounts: counts, CompletionRate: (i / 2) * 100 / i,
			ColourCounts: zhenggai.ColourCounts{zhenggai.Red: i % 3},
		})
	}
	return out
}

// TestRoundQueryPage: the Go way of RoundPage (the reference the SQL way
// is held to, and the way of lists by colour) narrows, orders and cuts as
// the office's list needs.
func TestRoundQueryPage(t *testing.T) {
	all := testRounds(120)
	tests := []struct {
		q           RoundQuery
		kept, rows  int
		first, last int64 // round IDs of the page's first and last rows
		offset      int
	}{
		{RoundQuery{Sort: "date", Desc: true}, 120, 50, 120, 71, 0},                      // newest feedback first
		{RoundQuery{Sort: "date", Desc: true, Offset: 100}, 120, 20, 20, 1, 100},         // the last page
		{RoundQuery{Sort: "date", Desc: true, Offset: 400}, 120, 20, 20, 1, 100},         // past the end: the last page
		{RoundQuery{Sort: "date", Desc: true, Offset: -50}, 120, 50, 120, 71, 0},         // nonsense: the first
		{RoundQuery{Sort: "date"}, 120, 50, 1, 50, 0},                                    // oldest first
		{RoundQuery{Sort: "unit"}, 120, 50, 1, 50, 0},                                    // by name, A to Z
		{RoundQuery{Sort: "problems", Desc: true}, 120, 50, 120, 71, 0},                  // most problems first
		{RoundQuery{Sort: "red", Desc: true}, 120, 50, 119, 91, 0},                       // most overdue first, then newest
		{RoundQuery{Q: " 单位00 ", Sort: "date", Desc: true}, 9, 9, 9, 1, 0},               // part of the unit's name
		{RoundQuery{Q: "没有这个单位"}, 0, 0, 0, 0, 0},                                         // nothing found
		{RoundQuery{Colour: zhenggai.Red, Sort: "date", Desc: true}, 80, 50, 119, 46, 0}, // rounds with an overdue measure
		{RoundQuery{Sort: "nonsense", Desc: true}, 120, 50, 120, 71, 0},                  // an unknown order: by date
	}
	for _, tt := range tests {
		tt.q.Limit = 50
		p := tt.q.clean().page(all, nil)
		if p.Kept != tt.kept || len(p.Rows) != tt.rows || p.Offset != tt.offset || p.All != 120 {
			t.Errorf("%+v: kept %d of %d, rows %d from %d, want %d %d %d", tt.q, p.Kept, p.All, len(p.Rows), p.Offset,
				tt.kept, tt.rows, tt.offset)
			continue
		}
		if len(p.Rows) > 0 && (p.Rows[0].Round.ID != tt.first || p.Rows[len(p.Rows)-1].Round.ID != tt.last) {
			t.Errorf("%+v: rows #%d…#%d, want #%d…#%d", tt.q, p.Rows[0].Round.ID, p.Rows[len(p.Rows)-1].Round.ID, tt.first, tt.last)
		}
	}
	// The totals are over every kept round, not the page.
	p := RoundQuery{Limit: 50}.page(all, map[int64]int{3: 2, 100: 1})
	if p.Problems != 120*121/2 || p.Pending != 3 || p.Colours[zhenggai.Red] != 120 {
		t.Errorf("totals: %d problems, %d pending, %v", p.Problems, p.Pending, p.Colours)
	}
}
