package api_test

import (
	"strings"
	"testing"
)

// TestVoidAndRestore: voiding and restoring over the API, with the
// refusals in Chinese, on both backends; a voided measure leaves its
// problem's list and its history says who voided it and why.
func TestVoidAndRestore(t *testing.T) { backends(t, testVoidAndRestore) }

func testVoidAndRestore(t *testing.T, e *env) {
	f := e.fixture("某单位")
	ms := e.measure(f.problem, obj{})
	id := num(ms["id"])
	list := func() int {
		return len(arr(e.must(200, "GET", path("/api/v1/problems/%d/measures", f.problem), nil)["measures"]))
	}
	if list() != 1 {
		t.Fatal("measure not listed")
	}
	refused := func(status int, p string, body any, want string) {
		t.Helper()
		code, out := e.call("POST", p, body)
		msg, _ := m(out["error"])["message"].(string)
		if code != status || !strings.Contains(msg, want) {
			t.Errorf("POST %s: %d %v, want %d with %q", p, code, out, status, want)
		}
	}
	void, restore := path("/api/v1/measures/%d/void", id), path("/api/v1/measures/%d/restore", id)
	refused(422, void, obj{"reason": " "}, "作废理由")
	refused(409, restore, nil, "没有作废")
	out := e.must(200, "POST", void, obj{"reason": "重复录入"})
	if out["voided"] != true || num(out["id"]) != id {
		t.Errorf("void answered %v", out)
	}
	if list() != 0 {
		t.Error("a voided measure is still listed")
	}
	refused(409, void, obj{"reason": "重复录入"}, "已经作废")
	if code, _ := e.call("GET", path("/api/v1/measures/%d", id), nil); code != 404 {
		t.Errorf("GET a voided measure: %d", code)
	}
	h := e.must(200, "GET", path("/api/v1/history/measures/%d", id), nil)
	entries := arr(h["entries"])
	last := m(m(entries[len(entries)-1])["after"])
	if last["void_reason"] != "重复录入" || last["voided_at"] == nil {
		t.Errorf("history's last entry: %v", last)
	}
	// Voiding the problem takes nothing back; restoring the measure under
	// it waits for the problem.
	e.must(200, "POST", path("/api/v1/problems/%d/void", f.problem), obj{"reason": "与其他问题重复"})
	refused(409, restore, nil, "请先恢复具体问题")
	e.must(200, "POST", path("/api/v1/problems/%d/restore", f.problem), nil)
	out = e.must(200, "POST", restore, nil)
	if out["voided"] != false || list() != 1 {
		t.Errorf("restore answered %v, %d listed", out, list())
	}
}
