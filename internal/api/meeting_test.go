package api_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// TestMeetingsAPI: a meeting is created whole, numbered, read, listed,
// replaced at its version (a stale one is 409 with the current), refused
// with the field named, voided and restored.
func TestMeetingsAPI(t *testing.T) {
	e := newEnv(t)
	body := obj{"type": "党组会议", "date": "2024-03-04", "chair_name": "王明",
		"attendance": []obj{{"name": "王明", "presence": "present"}, {"name": "李华", "presence": "written", "note": "同意"}},
		"items": []obj{{"seq": 1, "title": "购置公务用车", "kind": "large_fund", "amount": 2500000,
			"statements": []obj{{"seq": 1, "name": "王明", "position": "agree", "summary": "同意"}}}}}
	got := e.must(http.StatusCreated, "POST", "/api/v1/meetings", body)
	id := num(got["id"])
	if num(got["number"]) != 1 || num(got["version"]) != 1 || len(arr(got["attendance"])) != 2 ||
		num(m(arr(got["items"])[0])["amount"]) != 2500000 || len(arr(m(arr(got["items"])[0])["statements"])) != 1 {
		t.Fatalf("created %v", got)
	}
	list := e.must(http.StatusOK, "GET", "/api/v1/meetings?year=2024", nil)
	ms := arr(list["meetings"])
	if len(ms) != 1 || m(ms[0])["label"] != "2024年第1次党组会议" || num(m(ms[0])["present"]) != 1 || num(m(ms[0])["expected"]) != 2 {
		t.Fatalf("list %v", list)
	}
	if b := m(arr(list["books"])[0]); b["type"] != "党组会议" || num(b["meetings"]) != 1 || num(b["triple_one_items"]) != 1 {
		t.Errorf("books %v", list["books"])
	}
	bad := obj{"type": "党组会议", "date": "2024-03-05", "items": []obj{{"title": "x", "kind": "large_fund"}}}
	status, out := e.call("POST", "/api/v1/meetings", bad)
	if status != http.StatusUnprocessableEntity || !strings.Contains(fmt.Sprint(out), "items.0.amount") {
		t.Errorf("a fund without amount: %d %v", status, out)
	}
	body["version"] = 1
	body["place"] = "三楼会议室"
	body["number"] = 1
	got = e.must(http.StatusOK, "PUT", path("/api/v1/meetings/%d", id), body)
	if got["place"] != "三楼会议室" || num(got["version"]) != 2 {
		t.Fatalf("updated %v", got)
	}
	status, out = e.call("PUT", path("/api/v1/meetings/%d", id), body)
	if status != http.StatusConflict || num(m(out["current"])["version"]) != 2 {
		t.Errorf("stale: %d %v", status, out)
	}
	e.must(http.StatusOK, "POST", path("/api/v1/meetings/%d/void", id), obj{"reason": "重复录入"})
	if ms := arr(e.must(http.StatusOK, "GET", "/api/v1/meetings", nil)["meetings"]); len(ms) != 0 {
		t.Errorf("voided still listed: %v", ms)
	}
	e.must(http.StatusOK, "POST", path("/api/v1/meetings/%d/restore", id), nil)
	if got := e.must(http.StatusOK, "GET", path("/api/v1/meetings/%d", id), nil); got["voided"] != nil {
		t.Errorf("restored: %v", got)
	}
}
