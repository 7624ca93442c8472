package api_test

import (
	"fmt"
	"testing"
)

// TestListRoundsPages: the list comes a page at a time, newest feedback
// first, with the total; bad page parameters are refused by name.
func TestListRoundsPages(t *testing.T) {
	e := newEnv(t)
	for i := 1; i <= 5; i++ {
		e.must(201, "POST", "/api/v1/rounds", obj{"unit_parent": e.office(), "unit": fmt.Sprintf("单位%d", i), "inspector": "县委第一巡察组",
			"kind": "巡察", "feedback_date": fmt.Sprintf("2021-0%d-01", i)})
	}
	l := e.must(200, "GET", "/api/v1/rounds?per_page=2&page=2", nil)
	rs := arr(l["rounds"])
	if num(l["total"]) != 5 || num(l["page"]) != 2 || num(l["per_page"]) != 2 || len(rs) != 2 ||
		m(rs[0])["unit"] != "单位3" || m(rs[1])["unit"] != "单位2" {
		t.Errorf("page 2 of 2 a page: %v", l)
	}
	if l := e.must(200, "GET", "/api/v1/rounds?per_page=2&page=4", nil); len(arr(l["rounds"])) != 0 || num(l["total"]) != 5 {
		t.Errorf("past the end: %v", l)
	}
	if l := e.must(200, "GET", "/api/v1/rounds", nil); len(arr(l["rounds"])) != 5 || num(l["per_page"]) != 100 {
		t.Errorf("default: %v", l)
	}
	for _, q := range []string{"page=0", "page=x", "page=4611686018427387904", "per_page=501", "per_page=0"} {
		if code, body := e.call("GET", "/api/v1/rounds?"+q, nil); code != 422 {
			t.Errorf("%s: %d %v", q, code, body)
		}
	}
}
