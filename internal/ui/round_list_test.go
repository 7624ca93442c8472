package ui

import (
	"fmt"
	"net/url"
	"testing"

	"zhenggai"
	"zhenggai/internal/store"
)

// rounds makes n round summaries: unit i has i problems, i%3 red
// measures, and round i's feedback is on day i of 2026.
func testRounds(n int) []*store.RoundSummary {
	var out []*store.RoundSummary
	for i := 1; i <= n; i++ {
		counts := zhenggai.NewStatusCounts()
		counts[zhenggai.Completed] = i / 2
		counts[zhenggai.InProgress] = i - i/2
		out = append(out, &store.RoundSummary{
			Round: &zhenggai.Round{ID: int64(i), Unit: fmt.Sprintf("单位%03d", i), Inspector: "县委第一巡察组",
				FeedbackDate: zhenggai.NewDate(2026, 1, 1).AddDays(i)},
			Problems: i, ProblemCounts: counts, CompletionRate: (i / 2) * 100 / i,
			ColourCounts: zhenggai.ColourCounts{zhenggai.Red: i % 3},
		})
	}
	return out
}

func TestRoundList(t *testing.T) {
	all := testRounds(120)
	tests := []struct {
		query       string
		total, rows int
		first, last int64 // round IDs of the page's first and last rows
		page, pages int
	}{
		{"", 120, 50, 120, 71, 1, 3},                            // newest feedback first
		{"page=3", 120, 20, 20, 1, 3, 3},                        // the last page
		{"page=9", 120, 20, 20, 1, 3, 3},                        // past the end: the last page
		{"page=-1", 120, 50, 120, 71, 1, 3},                     // nonsense: the first
		{"sort=date&dir=asc", 120, 50, 1, 50, 1, 3},             // oldest first
		{"sort=unit", 120, 50, 1, 50, 1, 3},                     // by name, A to Z
		{"sort=problems", 120, 50, 120, 71, 1, 3},               // most problems first
		{"sort=red&page=1", 120, 50, 119, 91, 1, 3},             // most overdue first, then newest
		{"q=单位00", 9, 9, 9, 1, 1, 1},                            // part of the unit's name
		{"q=没有这个单位", 0, 0, 0, 0, 1, 1},                          // nothing found
		{"colour=red", 80, 50, 119, 46, 1, 2},                   // rounds with an overdue measure
		{"sort=nonsense&colour=purple", 120, 50, 120, 71, 1, 3}, // unknown values ignored
	}
	for _, tt := range tests {
		v, _ := url.ParseQuery(tt.query)
		l := parseRoundFilter(v).list(all, nil)
		if l.Total != tt.total || len(l.Rows) != tt.rows || l.Filter.Page != tt.page || l.Pages != tt.pages {
			t.Errorf("%q: total %d rows %d page %d/%d, want %d %d %d/%d", tt.query, l.Total, len(l.Rows),
				l.Filter.Page, l.Pages, tt.total, tt.rows, tt.page, tt.pages)
			continue
		}
		if len(l.Rows) > 0 && (l.Rows[0].Round.ID != tt.first || l.Rows[len(l.Rows)-1].Round.ID != tt.last) {
			t.Errorf("%q: rows #%d…#%d, want #%d…#%d", tt.query, l.Rows[0].Round.ID, l.Rows[len(l.Rows)-1].Round.ID, tt.first, tt.last)
		}
		if l.Totals.Rounds != tt.total {
			t.Errorf("%q: totals over %d rounds", tt.query, l.Totals.Rounds)
		}
	}
	// The totals are over every kept round, not the page.
	l := parseRoundFilter(url.Values{}).list(all, nil)
	if l.Totals.Problems != 120*121/2 {
		t.Errorf("problems total %d", l.Totals.Problems)
	}
	// A column head's link turns the order round when it is the current one.
	f := parseRoundFilter(url.Values{"sort": {"rate"}, "dir": {"asc"}, "q": {"单位"}, "page": {"2"}})
	if got := f.SortLink("rate"); got != "?dir=desc&q=%E5%8D%95%E4%BD%8D&sort=rate" {
		t.Errorf("sort link %s", got)
	}
	if got := f.Query("page", "3"); got != "?dir=asc&page=3&q=%E5%8D%95%E4%BD%8D&sort=rate" {
		t.Errorf("page link %s", got)
	}
}
