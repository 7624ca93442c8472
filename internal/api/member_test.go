package api_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// TestMembersAPI: a member is refused until asked to be entered in the
// roster, created, given an activity, listed with his counts and every
// point explained, read with his years, imported (a bad row a 422 naming
// it, a dry run writing nothing), voided.
func TestMembersAPI(t *testing.T) {
	e := newEnv(t)
	body := obj{"name": "王明", "term": "第九届", "sector": "中共", "joined_on": "2023-01-05"}
	status, out := e.call("POST", "/api/v1/members", body)
	if status != http.StatusUnprocessableEntity || !strings.Contains(fmt.Sprint(out), "人员名册中没有") {
		t.Fatalf("unknown person: %d %v", status, out)
	}
	body["new_person"] = true
	got := e.must(http.StatusCreated, "POST", "/api/v1/members", body)
	member := m(got["member"])
	id := num(member["id"])
	if member["term"] != "第九届" || num(member["person_id"]) == 0 || len(arr(m(got["score"])["lines"])) != 10 {
		t.Fatalf("created %v", got)
	}
	e.must(http.StatusCreated, "POST", path("/api/v1/members/%d/activities", id), obj{"kind": "research", "title": "调研", "on": "2024-01-05"})
	list := e.must(http.StatusOK, "GET", "/api/v1/members?year=2024", nil)
	ms := arr(list["members"])
	if list["term"] != "第九届" || len(ms) != 1 || num(m(m(ms[0])["counts"])["research"]) != 1 || num(m(m(ms[0])["score"])["total"]) != 2 {
		t.Fatalf("list %v", list)
	}
	lines := arr(m(m(ms[0])["score"])["lines"])
	if !strings.Contains(fmt.Sprint(lines), "参加调研 1次 × 2分 = 2分") {
		t.Errorf("lines %v", lines)
	}
	one := e.must(http.StatusOK, "GET", path("/api/v1/members/%d?year=2024", id), nil)
	if len(arr(one["years"])) != 2 {
		t.Errorf("years %v", one["years"])
	}
	csv := "姓名,届次,状态\n李华,第九届,在任\n赵强,第九届,退休\n"
	status, out = e.raw("POST", "/api/v1/members/import?new_persons=1", "text/csv", strings.NewReader(csv))
	if status != http.StatusUnprocessableEntity || !strings.Contains(fmt.Sprint(out), "第3行") {
		t.Fatalf("bad import: %d %v", status, out)
	}
	good := strings.Replace(csv, "退休", "在任", 1)
	status, out = e.raw("POST", "/api/v1/members/import?new_persons=1&dry_run=1", "text/csv", strings.NewReader(good))
	if status != http.StatusOK || num(out["rows"]) != 2 {
		t.Fatalf("dry run: %d %v", status, out)
	}
	if ms := arr(e.must(http.StatusOK, "GET", "/api/v1/members", nil)["members"]); len(ms) != 1 {
		t.Fatalf("a dry run wrote: %v", ms)
	}
	status, out = e.raw("POST", "/api/v1/members/import?new_persons=1", "text/csv", strings.NewReader(good))
	if status != http.StatusCreated {
		t.Fatalf("import: %d %v", status, out)
	}
	e.must(http.StatusOK, "POST", path("/api/v1/members/%d/void", id), obj{"reason": "重复录入"})
	if ms := arr(e.must(http.StatusOK, "GET", "/api/v1/members", nil)["members"]); len(ms) != 2 {
		t.Errorf("after void: %v", ms)
	}
}
