package api_test

import (
	"slices"
	"testing"
)

// TestOngoingErrorsAtOnce: a measure saved as 长期坚持 without its
// mechanism and period, with other mistakes too, is refused once with
// every reason, new or changed, and nothing is written.
func TestOngoingErrorsAtOnce(t *testing.T) {
	e := newEnv(t)
	f := e.fixture("桑植县政协党组")
	ms := e.measure(f.problem, obj{})
	before := e.snapshot()
	bad := obj{"content": "", "kind": "mechanism", "status": "ongoing", "deadline": "2020-02-30"}
	for _, c := range []struct {
		method, path string
		body         obj
	}{
		{"POST", path("/api/v1/problems/%d/measures", f.problem), bad},
		{"PUT", path("/api/v1/measures/%d", num(ms["id"])), obj{"seq": 1, "version": 1, "content": "", "kind": "mechanism",
			"status": "ongoing", "deadline": "2020-02-30"}},
	} {
		code, out := e.call(c.method, c.path, c.body)
		var got []string
		for _, fe := range arr(m(out["error"])["fields"]) {
			got = append(got, m(fe)["field"].(string))
		}
		for _, want := range []string{"deadline", "content", "mechanism", "report_every"} {
			if !slices.Contains(got, want) {
				t.Errorf("%s %s: %d, fields %v lack %s", c.method, c.path, code, got, want)
			}
		}
	}
	if e.snapshot() != before {
		t.Error("a refused measure wrote something")
	}
}
