package ui

import (
	"cmp"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/store"
)

// roundListSize is how many rounds a page of the list shows: an office
// above a thousand units has thousands of rounds, and a page of them all
// is megabytes no one reads.
const roundListSize = 50

// roundFilter is what the list of rounds is narrowed and ordered by, read
// from the query string so that every view has an address to bookmark.
type roundFilter struct {
	Q      string // part of the unit's name or the inspection group's
	Colour string // "red", "yellow", "green": rounds with at least one; "" any
	Open   bool   // only rounds with problems not yet completed
	Sort   string // one of roundSorts
	Desc   bool
	Page   int // from 1
}

// roundSorts are the columns the list sorts by, with the order a click
// on the column starts with.
var roundSorts = map[string]bool{
	"date": true, "unit": false, "problems": true, "rate": false, "red": true, "yellow": true, "pending": true,
}

func parseRoundFilter(v url.Values) roundFilter {
	f := roundFilter{Q: strings.TrimSpace(v.Get("q")), Sort: v.Get("sort"), Open: v.Get("open") == "1"}
	if len([]rune(f.Q)) > 50 {
		f.Q = string([]rune(f.Q)[:50])
	}
	switch c := v.Get("colour"); c {
	case "red", "yellow", "green":
		f.Colour = c
	}
	if _, ok := roundSorts[f.Sort]; !ok {
		f.Sort = "date"
	}
	switch v.Get("dir") {
	case "asc":
		f.Desc = false
	case "desc":
		f.Desc = true
	default:
		f.Desc = roundSorts[f.Sort]
	}
	f.Page, _ = strconv.Atoi(v.Get("page"))
	f.Page = max(f.Page, 1)
	return f
}

// Query is the filter as a query string, with some values changed: the
// links of the column heads, the pager and the export.
func (f roundFilter) Query(kv ...string) string {
	v := url.Values{}
	set := func(k, val string) {
		if val != "" {
			v.Set(k, val)
		}
	}
	set("q", f.Q)
	set("colour", f.Colour)
	if f.Open {
		v.Set("open", "1")
	}
	if f.Sort != "date" || !f.Desc {
		v.Set("sort", f.Sort)
		v.Set("dir", map[bool]string{true: "desc", false: "asc"}[f.Desc])
	}
	if f.Page > 1 {
		v.Set("page", strconv.Itoa(f.Page))
	}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "" {
			v.Del(kv[i])
		} else {
			v.Set(kv[i], kv[i+1])
		}
	}
	if len(v) == 0 {
		return "?"
	}
	return "?" + v.Encode()
}

// SortLink is the address of a column head: the column sorted its natural
// way, or, when it is the current one, the other way; back to page 1.
func (f roundFilter) SortLink(col string) string {
	dir := roundSorts[col]
	if f.Sort == col {
		dir = !f.Desc
	}
	return f.Query("sort", col, "dir", map[bool]string{true: "desc", false: "asc"}[dir], "page", "")
}

// SortMark is the arrow a column head shows when the list is sorted by it.
func (f roundFilter) SortMark(col string) string {
	switch {
	case f.Sort != col:
		return ""
	case f.Desc:
		return "↓"
	}
	return "↑"
}

// Filtered reports whether anything narrows the list.
func (f roundFilter) Filtered() bool { return f.Q != "" || f.Colour != "" || f.Open }

// roundTotals are the figures of every round the filter keeps.
type roundTotals struct {
	Rounds, Problems int
	Counts           zhenggai.StatusCounts
	Colours          zhenggai.ColourCounts
	Pending          int
	Rate             int
}

// roundList is one page of the list with what the page shows around it.
type roundList struct {
	Filter         roundFilter
	Rows           []*store.RoundSummary
	First          int // 序号 of the first row
	Total, Pages   int
	Totals         roundTotals
	All            int // rounds before filtering
	PendingByRound map[int64]int
	all            []*store.RoundSummary // every kept round, in order: the export
}

// keep reports whether the filter keeps a round.
func (f roundFilter) keep(rs *store.RoundSummary) bool {
	if f.Q != "" && !strings.Contains(rs.Round.Unit, f.Q) && !strings.Contains(rs.Round.Inspector, f.Q) {
		return false
	}
	if f.Colour != "" && rs.ColourCounts[zhenggai.Colour(f.Colour)] == 0 {
		return false
	}
	if f.Open && rs.ProblemCounts[zhenggai.Completed]+rs.ProblemCounts[zhenggai.Ongoing] >= rs.Problems && rs.Problems > 0 {
		return false
	}
	return true
}

// list narrows, totals, orders and cuts the rounds; pending counts each
// round's problems waiting for the office's acceptance.
func (f roundFilter) list(all []*store.RoundSummary, pending map[int64]int) *roundList {
	l := &roundList{Filter: f, All: len(all), PendingByRound: pending,
		Totals: roundTotals{Counts: zhenggai.NewStatusCounts(), Colours: zhenggai.ColourCounts{}}}
	var kept []*store.RoundSummary
	for _, rs := range all {
		if !f.keep(rs) {
			continue
		}
		kept = append(kept, rs)
		t := &l.Totals
		t.Rounds++
		t.Problems += rs.Problems
		for s, n := range rs.ProblemCounts {
			t.Counts[s] += n
		}
		for c, n := range rs.ColourCounts {
			t.Colours[c] += n
		}
		t.Pending += pending[rs.Round.ID]
	}
	if l.Totals.Problems > 0 {
		l.Totals.Rate = l.Totals.Counts.CompletionRate()
	}
	slices.SortStableFunc(kept, func(a, b *store.RoundSummary) int {
		var c int
		switch f.Sort {
		case "unit":
			c = cmp.Compare(a.Round.Unit, b.Round.Unit)
		case "problems":
			c = cmp.Compare(a.Problems, b.Problems)
		case "rate":
			c = cmp.Compare(a.CompletionRate, b.CompletionRate)
		case "red":
			c = cmp.Compare(a.ColourCounts[zhenggai.Red], b.ColourCounts[zhenggai.Red])
		case "yellow":
			c = cmp.Compare(a.ColourCounts[zhenggai.Yellow], b.ColourCounts[zhenggai.Yellow])
		case "pending":
			c = cmp.Compare(pending[a.Round.ID], pending[b.Round.ID])
		}
		if c == 0 {
			// Ties, and the date column itself: newest feedback first.
			c = cmp.Or(cmp.Compare(a.Round.FeedbackDate.String(), b.Round.FeedbackDate.String()), cmp.Compare(a.Round.ID, b.Round.ID))
			if f.Sort != "date" {
				return -c
			}
		}
		if f.Desc {
			return -c
		}
		return c
	})
	l.all = kept
	l.Total = len(kept)
	l.Pages = max(1, (l.Total+roundListSize-1)/roundListSize)
	f.Page = min(f.Page, l.Pages)
	l.Filter.Page = f.Page
	from := (f.Page - 1) * roundListSize
	l.First = from + 1
	l.Rows = kept[from:min(from+roundListSize, l.Total)]
	return l
}

// PageLinks are the pager's pages: the first, the last and those near
// the current one, 0 standing for a gap.
func (l *roundList) PageLinks() []int {
	var out []int
	for p := 1; p <= l.Pages; p++ {
		if p == 1 || p == l.Pages || (p >= l.Filter.Page-2 && p <= l.Filter.Page+2) {
			out = append(out, p)
		} else if len(out) > 0 && out[len(out)-1] != 0 {
			out = append(out, 0)
		}
	}
	return out
}
