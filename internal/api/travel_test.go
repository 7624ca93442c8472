package api_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// TestTravelAPI: a ledger line with a document, a trip and its move is
// created, listed, replaced at its version (stale: 409), refused with the
// field named, voided and restored.
func TestTravelAPI(t *testing.T) {
	e := newEnv(t)
	body := obj{"name": "王明", "rank": "干部", "scope_from": "2016-01-01", "registered_on": "2020-08-20",
		"documents": []any{obj{"kind": "passport", "number": "E1", "issued_on": "2017-03-01", "handed_in": "2020-08-25"}},
		"trips":     []any{obj{"seq": 1, "destination": "泰国", "from": "2020-09-04", "to": "2020-09-11", "approved_on": "2020-08-28", "document": "passport"}},
		"moves":     []any{obj{"document": "passport", "trip": 1, "out": "2020-09-01", "back": "2020-09-18"}}}
	got := e.must(http.StatusCreated, "POST", "/api/v1/travel", body)
	id := num(got["id"])
	if num(got["version"]) != 1 || len(arr(got["moves"])) != 1 || got["scope_from"] != "2016-01-01" {
		t.Fatalf("created %v", got)
	}
	if ps := arr(e.must(http.StatusOK, "GET", "/api/v1/travel", nil)["persons"]); len(ps) != 1 {
		t.Fatalf("list %v", ps)
	}
	status, out := e.call("POST", "/api/v1/travel", obj{"name": "李华", "scope_from": "2016-01-01",
		"moves": []any{obj{"document": "taiwan", "out": "2020-09-01"}}})
	if status != http.StatusUnprocessableEntity || !strings.Contains(fmt.Sprint(out), "moves.0.document") {
		t.Errorf("a move of no document: %d %v", status, out)
	}
	body["version"] = 1
	body["note"] = "已集中保管"
	if got = e.must(http.StatusOK, "PUT", path("/api/v1/travel/%d", id), body); num(got["version"]) != 2 {
		t.Fatalf("updated %v", got)
	}
	if status, out = e.call("PUT", path("/api/v1/travel/%d", id), body); status != http.StatusConflict {
		t.Errorf("stale: %d %v", status, out)
	}
	e.must(http.StatusOK, "POST", path("/api/v1/travel/%d/void", id), obj{"reason": "重复录入"})
	if ps := arr(e.must(http.StatusOK, "GET", "/api/v1/travel", nil)["persons"]); len(ps) != 0 {
		t.Errorf("voided still listed: %v", ps)
	}
	e.must(http.StatusOK, "POST", path("/api/v1/travel/%d/restore", id), nil)
}

// TestRetiredAPI: a retired cadre's post created (pay in fen), listed,
// replaced at its version, refused with the field named, voided.
func TestRetiredAPI(t *testing.T) {
	e := newEnv(t)
	body := obj{"name": "李四", "born": "1958-11-01", "former_rank": "县政协副主席", "org": "县城投公司", "post": "顾问", "kind": "rehired",
		"from": "2019-04-01", "pay": 3600000}
	got := e.must(http.StatusCreated, "POST", "/api/v1/retired", body)
	id := num(got["id"])
	if num(got["term"]) != 1 || num(got["pay"]) != 3600000 {
		t.Fatalf("created %v", got)
	}
	status, out := e.call("POST", "/api/v1/retired", obj{"name": "张三", "born": "1950-01-01", "org": "x", "post": "y", "kind": "hired", "from": "2019-01-01"})
	if status != http.StatusUnprocessableEntity || !strings.Contains(fmt.Sprint(out), "kind") {
		t.Errorf("bad kind: %d %v", status, out)
	}
	body["version"], body["to"], body["filed_on"], body["filing_no"], body["pay"] = 1, "2020-09-10", "2020-09-15", "组干备〔2020〕27号", 0
	if got = e.must(http.StatusOK, "PUT", path("/api/v1/retired/%d", id), body); got["filing_no"] != "组干备〔2020〕27号" || num(got["version"]) != 2 {
		t.Fatalf("updated %v", got)
	}
	if ps := arr(e.must(http.StatusOK, "GET", "/api/v1/retired", nil)["posts"]); len(ps) != 1 {
		t.Fatalf("list %v", ps)
	}
	e.must(http.StatusOK, "POST", path("/api/v1/retired/%d/void", id), obj{"reason": "录入错误"})
	if ps := arr(e.must(http.StatusOK, "GET", "/api/v1/retired", nil)["posts"]); len(ps) != 0 {
		t.Errorf("voided still listed: %v", ps)
	}
}
