package api_test

import (
	"reflect"
	"testing"
)

// TestMeasureOutcomes: a measure's outcomes go in and out of the API as
// the fields say (rule names cleaned of 《》, money in fen), are kept when
// an update leaves them out, are summed on the round, and a bad figure is
// a 422 naming its field, with nothing written.
func TestMeasureOutcomes(t *testing.T) { backends(t, testMeasureOutcomes) }

func testMeasureOutcomes(t *testing.T, e *env) {
	r := e.must(201, "POST", "/api/v1/rounds", obj{"unit_parent": e.office(), "unit": "某局党组", "inspector": "县委第一巡察组", "kind": "巡察"})
	rid := num(r["id"])
	c := e.must(201, "POST", path("/api/v1/rounds/%d/categories", rid), obj{"seq": 1, "title": "财经纪律执行不严"})
	p := e.must(201, "POST", path("/api/v1/rounds/%d/problems", rid), obj{"category_id": num(c["id"]), "seq": 1, "title": "超标准发放补贴"})
	pid := num(p["id"])
	m1 := e.measure(pid, obj{"content": "清退超标准发放的补贴，修订完善制度",
		"rule_names":   []string{"《财务管理制度》", " 档案管理制度。", "《财务管理制度》"},
		"refunded_fen": 1_260_000, "talks": 2, "disciplinary": 1})
	if !reflect.DeepEqual(arr(m1["rule_names"]), []any{"财务管理制度", "档案管理制度"}) || num(m1["refunded_fen"]) != 1_260_000 ||
		num(m1["talks"]) != 2 || num(m1["disciplinary"]) != 1 || num(m1["recovered_fen"]) != 0 {
		t.Fatalf("created measure %v", m1)
	}
	m2 := e.measure(pid, obj{"content": "追回违规报销资金"})
	if rn, ok := m2["rule_names"].([]any); !ok || len(rn) != 0 || num(m2["saved_fen"]) != 0 {
		t.Errorf("a measure without outcomes: rule_names %#v, saved_fen %v", m2["rule_names"], m2["saved_fen"])
	}
	mid := num(m2["id"])
	upd := obj{"seq": 2, "content": "追回违规报销资金", "kind": "immediate", "status": "in_progress", "version": num(m2["version"]),
		"recovered_fen": 50_050, "organisational": 1, "rule_names": []string{"财务管理制度"}}
	m2 = e.must(200, "PUT", path("/api/v1/measures/%d", mid), upd)
	// Outcomes left out of an update are kept.
	m2 = e.must(200, "PUT", path("/api/v1/measures/%d", mid), obj{"seq": 2, "content": "追回违规报销资金，已全部追回",
		"kind": "immediate", "status": "in_progress", "version": num(m2["version"])})
	if num(m2["recovered_fen"]) != 50_050 || num(m2["organisational"]) != 1 || len(arr(m2["rule_names"])) != 1 {
		t.Errorf("outcomes lost by an update that left them out: %v", m2)
	}

	got := e.must(200, "GET", path("/api/v1/rounds/%d", rid), nil)
	o := m(got["outcomes"])
	for k, want := range map[string]int64{"rules": 2, "refunded_fen": 1_260_000, "recovered_fen": 50_050, "saved_fen": 0,
		"talks": 2, "organisational": 1, "disciplinary": 1} {
		if num(o[k]) != want {
			t.Errorf("round outcomes %s = %v, want %d", k, o[k], want)
		}
	}
	if !reflect.DeepEqual(arr(got["rule_names"]), []any{"财务管理制度", "档案管理制度"}) {
		t.Errorf("round rule_names %v", got["rule_names"])
	}

	before := e.snapshot()
	for _, tt := range []struct {
		body  obj
		field string
	}{
		{obj{"refunded_fen": -1}, "refunded_fen"},
		{obj{"saved_fen": 1_000_000_000_001}, "saved_fen"},
		{obj{"talks": -3}, "talks"},
		{obj{"disciplinary": 10001}, "disciplinary"},
		{obj{"rule_names": []string{"档案\n管理制度"}}, "rule_names"},
	} {
		body := obj{"seq": 2, "content": "追回违规报销资金", "kind": "immediate", "status": "in_progress", "version": num(m2["version"])}
		for k, v := range tt.body {
			body[k] = v
		}
		code, out := e.call("PUT", path("/api/v1/measures/%d", mid), body)
		fields := arr(m(out["error"])["fields"])
		if code != 422 || len(fields) == 0 || m(fields[0])["field"] != tt.field {
			t.Errorf("%v: %d %v, want 422 naming %s", tt.body, code, out, tt.field)
		}
	}
	if e.snapshot() != before {
		t.Error("a refused update wrote something")
	}
}
