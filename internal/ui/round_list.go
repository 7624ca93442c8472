package ui

import (
	"net/url"
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
var roundSorts = store.RoundSorts

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

// roundList is one page of the list with what the page shows around it.
type roundList struct {
	Filter       roundFilter
	Rows         []*zhenggai.RoundSummary
	First        int // 序号 of the first row
	Total, Pages int
	Totals       roundTotals
	All          int                  // rounds before filtering
	Ranking      []*zhenggai.UnitRank // an office's units, ranked (ranking.go); nil for others
}

// roundTotals are the figures of every round the filter keeps.
type roundTotals struct {
	Rounds, Problems int
	Counts           zhenggai.StatusCounts
	Colours          zhenggai.ColourCounts
	Pending          int
	Rate             int
}

// query is the filter as the store's query for its page (every page
// from the first when every is true: the export).
func (f roundFilter) query(every bool) store.RoundQuery {
	q := store.RoundQuery{Q: f.Q, Colour: zhenggai.Colour(f.Colour), Open: f.Open, Sort: f.Sort, Desc: f.Desc,
		Offset: (f.Page - 1) * roundListSize, Limit: roundListSize}
	if every {
		q.Offset, q.Limit = 0, 0
	}
	return q
}

// list is the page the store answered, as the template shows it.
func (f roundFilter) list(p *store.RoundPage) *roundList {
	l := &roundList{Filter: f, Rows: p.Rows, All: p.All, Total: p.Kept,
		Totals: roundTotals{Rounds: p.Kept, Problems: p.Problems, Counts: p.Counts, Colours: p.Colours, Pending: p.Pending}}
	if p.Problems > 0 {
		l.Totals.Rate = p.Counts.CompletionRate()
	}
	l.Pages = max(1, (l.Total+roundListSize-1)/roundListSize)
	l.Filter.Page = min(p.Offset/roundListSize+1, l.Pages)
	l.First = p.Offset + 1
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
