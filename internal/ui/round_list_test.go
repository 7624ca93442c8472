package ui

import (
	"net/url"
	"testing"
)

// TestRoundFilterLinks: a column head's link turns the order round when it
// is the current one; the pager keeps the filter.
func TestRoundFilterLinks(t *testing.T) {
	f := parseRoundFilter(url.Values{"sort": {"rate"}, "dir": {"asc"}, "q": {"单位"}, "page": {"2"}})
	if got := f.SortLink("rate"); got != "?dir=desc&q=%E5%8D%95%E4%BD%8D&sort=rate" {
		t.Errorf("sort link %s", got)
	}
	if got := f.Query("page", "3"); got != "?dir=asc&page=3&q=%E5%8D%95%E4%BD%8D&sort=rate" {
		t.Errorf("page link %s", got)
	}
	if q := f.query(false); q.Offset != 50 || q.Limit != 50 || q.Sort != "rate" || q.Desc || q.Q != "单位" {
		t.Errorf("page 2 asks the store for %+v", q)
	}
	if q := f.query(true); q.Offset != 0 || q.Limit != 0 {
		t.Errorf("the export asks the store for %+v", q)
	}
	if f := parseRoundFilter(url.Values{"page": {"-3"}, "sort": {"nonsense"}, "colour": {"purple"}}); f.Page != 1 || f.Sort != "date" || !f.Desc || f.Colour != "" {
		t.Errorf("nonsense read as %+v", f)
	}
}
