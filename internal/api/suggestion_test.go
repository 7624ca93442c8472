package api_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// TestSuggestionsAPI: a suggestion is created, counted by level, listed by
// the filters, replaced at its version (stale: 409), refused with the
// field named, voided and restored.
func TestSuggestionsAPI(t *testing.T) {
	e := newEnv(t)
	body := obj{"name": "王明", "kind": "sqmy", "via": "platform", "title": "关于饮水安全的建议", "on": "2024-03-04",
		"adopted": "city", "adopted_on": "2024-04-01", "adopted_by": "《社情民意》第3期"}
	got := e.must(http.StatusCreated, "POST", "/api/v1/suggestions", body)
	id := num(got["id"])
	if num(got["version"]) != 1 || got["adopted"] != "city" || got["on"] != "2024-03-04" {
		t.Fatalf("created %v", got)
	}
	e.must(http.StatusCreated, "POST", "/api/v1/suggestions", obj{"name": "李华", "kind": "micro", "title": "路灯", "on": "2024-05-01"})
	list := e.must(http.StatusOK, "GET", "/api/v1/suggestions?year=2024", nil)
	c := m(list["counts"])
	if num(c["total"]) != 2 || num(c["city"]) != 1 || num(c["adopted"]) != 1 || num(c["platform"]) != 1 || num(c["paper"]) != 1 {
		t.Fatalf("counts %v", c)
	}
	if ss := arr(e.must(http.StatusOK, "GET", "/api/v1/suggestions?adopted=none", nil)["suggestions"]); len(ss) != 1 || m(ss[0])["title"] != "路灯" {
		t.Errorf("adopted=none: %v", ss)
	}
	if status, out := e.call("GET", "/api/v1/suggestions?adopted=town", nil); status != http.StatusUnprocessableEntity {
		t.Errorf("bad filter: %d %v", status, out)
	}
	status, out := e.call("POST", "/api/v1/suggestions", obj{"name": "王明", "kind": "sqmy", "title": "x", "on": "2024-03-04", "adopted": "national"})
	if status != http.StatusUnprocessableEntity || !strings.Contains(fmt.Sprint(out), "adopted_on") {
		t.Errorf("adopted without a date: %d %v", status, out)
	}
	body["version"] = 1
	body["instruction"], body["instructed_by"], body["instructed_on"] = "请水利局办理", "李县长", "2024-04-10"
	got = e.must(http.StatusOK, "PUT", path("/api/v1/suggestions/%d", id), body)
	if got["instructed_by"] != "李县长" || num(got["version"]) != 2 {
		t.Fatalf("updated %v", got)
	}
	status, out = e.call("PUT", path("/api/v1/suggestions/%d", id), body)
	if status != http.StatusConflict || num(m(out["current"])["version"]) != 2 {
		t.Errorf("stale: %d %v", status, out)
	}
	e.must(http.StatusOK, "POST", path("/api/v1/suggestions/%d/void", id), obj{"reason": "重复录入"})
	if ss := arr(e.must(http.StatusOK, "GET", "/api/v1/suggestions", nil)["suggestions"]); len(ss) != 1 {
		t.Errorf("voided still listed: %v", ss)
	}
	e.must(http.StatusOK, "POST", path("/api/v1/suggestions/%d/restore", id), nil)
}

// TestTownshipsAPI: a township with its group, the vacancy read from its
// posts, a new leader ending it by PUT (children by id), an overlap
// refused, voided and restored.
func TestTownshipsAPI(t *testing.T) {
	e := newEnv(t)
	got := e.must(http.StatusCreated, "POST", "/api/v1/townships", obj{"name": "澧源镇", "since": "2016-05-01",
		"posts":       []obj{{"name": "王明", "role": "leader", "from": "2016-05-01", "to": "2018-03-15"}, {"name": "张三", "role": "member"}},
		"invitations": []obj{{"kind": "inspection", "title": "交通视察", "on": "2017-06-01", "attended": true}}})
	id := num(got["id"])
	if got["vacant"] != true || got["vacant_since"] != "2018-03-15" || len(arr(got["posts"])) != 2 || m(arr(got["invitations"])[0])["name"] != "王明" {
		t.Fatalf("created %v", got)
	}
	posts := arr(got["posts"])
	put := obj{"version": 1, "name": "澧源镇", "since": "2016-05-01",
		"posts":       []obj{m(posts[0]), {"name": "李华", "role": "leader", "from": "2018-03-15"}},
		"invitations": arr(got["invitations"])}
	got = e.must(http.StatusOK, "PUT", path("/api/v1/townships/%d", id), put)
	if got["vacant"] != false || got["leader"] != "李华" || len(arr(got["posts"])) != 2 || num(m(arr(got["posts"])[0])["id"]) != num(m(posts[0])["id"]) {
		t.Fatalf("updated %v", got)
	}
	put["version"] = 2
	put["posts"] = []obj{m(posts[0]), {"name": "李华", "role": "leader", "from": "2018-03-01"}}
	status, out := e.call("PUT", path("/api/v1/townships/%d", id), put)
	if status != http.StatusUnprocessableEntity || !strings.Contains(fmt.Sprint(out), "任期重叠") {
		t.Errorf("overlap: %d %v", status, out)
	}
	list := e.must(http.StatusOK, "GET", "/api/v1/townships", nil)
	if num(list["vacant"]) != 0 || len(arr(list["townships"])) != 1 {
		t.Errorf("list %v", list)
	}
	e.must(http.StatusOK, "POST", path("/api/v1/townships/%d/void", id), obj{"reason": "重复录入"})
	if ts := arr(e.must(http.StatusOK, "GET", "/api/v1/townships", nil)["townships"]); len(ts) != 0 {
		t.Errorf("voided still listed: %v", ts)
	}
	e.must(http.StatusOK, "POST", path("/api/v1/townships/%d/restore", id), nil)
}
