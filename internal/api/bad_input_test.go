package api_test

import (
	"encoding/json"
	"io"
	"strings"
	"testing"
)

func TestBadInput(t *testing.T) {
	e := newEnv(t)
	f := e.fixture("桑植县政协党组")
	other := e.fixture("慈利县政协党组")
	mid := num(e.measure(f.problem, obj{"deadline": "2024-06-10"})["id"])

	js := func(v any) string {
		b, _ := json.Marshal(v)
		return string(b)
	}
	round := func(over obj) string {
		o := obj{"unit": "桑植县政协党组", "inspector": "市委第七巡察组", "kind": "巡察",
			"onsite_start": "2020-05-11", "onsite_end": "2020-06-19", "feedback_date": "2020-07-27"}
		for k, v := range over {
			o[k] = v
		}
		return js(o)
	}
	measure := func(over obj) string {
		o := obj{"seq": 7, "content": "措施", "leader": "", "office": "", "owner": "", "deadline": "",
			"kind": "immediate", "status": "not_started"}
		for k, v := range over {
			o[k] = v
		}
		return js(o)
	}
	formBody := func(fields [][2]string, files ...file) (string, string) {
		r, ct := form(t, fields, files...)
		b, _ := io.ReadAll(r)
		return string(b), ct
	}
	unknownForm, unknownCT := formBody([][2]string{{"date", "2024-05-20"}, {"content", "x"}, {"colour", "red"}})
	staleForm, staleCT := formBody([][2]string{{"date", "2024-05-20"}, {"content", "x"}, {"status", "basically_completed"},
		{"measure_version", "9"}}, file{"a.txt", []byte("evidence")})
	noVersionForm, noVersionCT := formBody([][2]string{{"date", "2024-05-20"}, {"content", "x"}, {"status", "basically_completed"}},
		file{"a.txt", []byte("evidence")})
	badDateForm, badDateCT := formBody([][2]string{{"date", "2024-02-30"}, {"content", "x"}}, file{"a.txt", []byte("evidence")})
	emptyFileForm, emptyFileCT := formBody([][2]string{{"date", "2024-05-20"}, {"content", "x"}}, file{"a.txt", nil})

	cats := path("/api/v1/rounds/%d/categories", f.round)
	probs := path("/api/v1/rounds/%d/problems", f.round)
	meas := path("/api/v1/problems/%d/measures", f.problem)
	prog := path("/api/v1/measures/%d/progress", mid)
	cases := []struct {
		name, method, path, body string
		ctype                    string // application/json unless set
		status                   int
		field                    string // fields[0].field of a 422
		current                  bool   // a 409 carries the current record
	}{
		{"malformed JSON", "POST", "/api/v1/rounds", `{"unit":`, "", 400, "", false},
		{"trailing data", "POST", "/api/v1/rounds", round(nil) + `{}`, "", 400, "", false},
		{"empty body", "POST", cats, ``, "", 400, "", false},
		{"unknown field", "POST", "/api/v1/rounds", round(obj{"colour": "red"}), "", 400, "", false},
		{"client sets id", "POST", "/api/v1/rounds", round(obj{"id": 5}), "", 400, "", false},
		{"client sets version on create", "POST", cats, `{"seq":2,"title":"x","version":3}`, "", 400, "", false},
		{"wrong type", "POST", "/api/v1/rounds", round(obj{"unit": 12}), "", 400, "", false},
		{"date of wrong type", "POST", "/api/v1/rounds", round(obj{"onsite_start": 20200511}), "", 400, "", false},
		{"empty title", "POST", cats, `{"seq":2,"title":"  "}`, "", 422, "title", false},
		{"seq out of range", "POST", cats, `{"seq":0,"title":"x"}`, "", 422, "seq", false},
		{"duplicate seq", "POST", cats, `{"seq":1,"title":"x"}`, "", 422, "seq", false},
		{"empty inspector", "POST", "/api/v1/rounds", round(obj{"inspector": ""}), "", 422, "inspector", false},
		{"invalid date", "POST", "/api/v1/rounds", round(obj{"onsite_start": "2020-02-30"}), "", 422, "onsite_start", false},
		{"not a date", "POST", "/api/v1/rounds", round(obj{"feedback_date": "7月27日"}), "", 422, "feedback_date", false},
		{"invalid declared date", "POST", "/api/v1/rounds", round(obj{"declared": obj{"as_of": "2020-13-01"}}), "", 422, "declared.as_of", false},
		{"end before start", "POST", "/api/v1/rounds", round(obj{"onsite_end": "2020-05-01"}), "", 422, "onsite_end", false},
		{"wrong kind", "POST", "/api/v1/rounds", round(obj{"kind": "检查"}), "", 422, "kind", false},
		{"wrong measure kind", "POST", meas, measure(obj{"kind": "quick"}), "", 422, "kind", false},
		{"invalid deadline", "POST", meas, measure(obj{"deadline": "2024-02-30"}), "", 422, "deadline", false},
		{"bad measure status", "POST", meas, measure(obj{"status": "done"}), "", 422, "status", false},
		{"bad status", "PUT", path("/api/v1/measures/%d/status", mid), `{"status":"done","version":1}`, "", 422, "status", false},
		{"status without version", "PUT", path("/api/v1/measures/%d/status", mid), `{"status":"basically_completed"}`, "", 422, "version", false},
		{"category of another round", "POST", probs, js(obj{"category_id": other.category, "seq": 5, "title": "x"}), "", 422, "category_id", false},
		{"unknown category", "POST", probs, js(obj{"category_id": 9999, "seq": 5, "title": "x"}), "", 422, "category_id", false},
		{"move to another round's category", "PUT", path("/api/v1/problems/%d", f.problem),
			js(obj{"category_id": other.category, "seq": 1, "title": "x", "version": 1}), "", 422, "category_id", false},
		{"change unit", "PUT", path("/api/v1/rounds/%d", f.round), round(obj{"unit": "别的单位", "version": 1}), "", 422, "unit", false},
		{"update without version", "PUT", path("/api/v1/categories/%d", f.category), `{"seq":1,"title":"x"}`, "", 422, "version", false},
		{"measure update without kind", "PUT", path("/api/v1/measures/%d", mid), measure(obj{"kind": "", "version": 1}), "", 422, "kind", false},
		{"non-numeric id", "GET", "/api/v1/rounds/abc", "", "", 404, "", false},
		{"non-numeric id on PUT", "PUT", "/api/v1/measures/x1/status", `{"status":"basically_completed","version":1}`, "", 404, "", false},
		{"negative id", "GET", "/api/v1/problems/-1", "", "", 404, "", false},
		{"unknown round", "GET", "/api/v1/rounds/999", "", "", 404, "", false},
		{"unknown round ledger", "GET", "/api/v1/rounds/999/ledger", "", "", 404, "", false},
		{"unknown round categories", "POST", "/api/v1/rounds/999/categories", `{"seq":1,"title":"x"}`, "", 404, "", false},
		{"unknown category", "PUT", "/api/v1/categories/999", `{"seq":1,"title":"x","version":1}`, "", 404, "", false},
		{"unknown problem", "POST", "/api/v1/problems/999/measures", measure(nil), "", 404, "", false},
		{"unknown measure", "POST", "/api/v1/measures/999/progress", `{"date":"2024-05-20","content":"x"}`, "", 404, "", false},
		{"unknown path", "GET", "/api/v1/nothing", "", "", 404, "", false},
		{"stale round", "PUT", path("/api/v1/rounds/%d", f.round), round(obj{"version": 7}), "", 409, "", true},
		{"stale category", "PUT", path("/api/v1/categories/%d", f.category), `{"seq":1,"title":"x","version":2}`, "", 409, "", true},
		{"stale problem", "PUT", path("/api/v1/problems/%d", f.problem),
			js(obj{"category_id": f.category, "seq": 1, "title": "x", "version": 5}), "", 409, "", true},
		{"stale measure", "PUT", path("/api/v1/measures/%d", mid), measure(obj{"version": 3}), "", 409, "", true},
		{"stale status", "PUT", path("/api/v1/measures/%d/status", mid), `{"status":"basically_completed","version":4}`, "", 409, "", true},
		{"progress: empty content", "POST", prog, `{"date":"2024-05-20","content":""}`, "", 422, "content", false},
		{"progress: invalid date", "POST", prog, `{"date":"2024-02-30","content":"x"}`, "", 422, "date", false},
		{"progress: future date", "POST", prog, `{"date":"2024-06-02","content":"x"}`, "", 422, "date", false},
		{"progress: status without version", "POST", prog, `{"date":"2024-05-20","content":"x","status":"basically_completed"}`, "", 422, "measure_version", false},
		{"progress: bad status", "POST", prog, `{"date":"2024-05-20","content":"x","status":"done","measure_version":1}`, "", 422, "status", false},
		{"progress: stale version", "POST", prog, `{"date":"2024-05-20","content":"x","status":"basically_completed","measure_version":3}`, "", 409, "", true},
		{"progress: unknown field", "POST", prog, `{"date":"2024-05-20","content":"x","files":[]}`, "", 400, "", false},
		{"progress form: unknown field", "POST", prog, unknownForm, unknownCT, 400, "", false},
		{"progress form: stale version", "POST", prog, staleForm, staleCT, 409, "", true},
		{"progress form: status without version", "POST", prog, noVersionForm, noVersionCT, 422, "measure_version", false},
		{"progress form: invalid date", "POST", prog, badDateForm, badDateCT, 422, "date", false},
		{"progress form: empty file", "POST", prog, emptyFileForm, emptyFileCT, 422, "files", false},
		{"progress form: broken", "POST", prog, "--x\r\nnot a form", "multipart/form-data; boundary=x", 400, "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e.t = t
			before := e.snapshot()
			ctype := c.ctype
			if ctype == "" {
				ctype = "application/json"
			}
			var body io.Reader
			if c.body != "" || c.method != "GET" {
				body = strings.NewReader(c.body)
			}
			code, out := e.raw(c.method, c.path, ctype, body)
			if code != c.status {
				t.Fatalf("status %d, want %d: %v", code, c.status, out)
			}
			er := m(out["error"])
			if er["code"] == "" || er["code"] == nil || !hasHan(er["message"].(string)) {
				t.Errorf("error body: %v", out)
			}
			if c.field != "" {
				fs := arr(er["fields"])
				if len(fs) == 0 || m(fs[0])["field"] != c.field || !hasHan(m(fs[0])["message"].(string)) {
					t.Errorf("fields %v, want %s first", er["fields"], c.field)
				}
			}
			if c.current {
				cur := m(out["current"])
				if num(cur["id"]) <= 0 || num(cur["version"]) <= 0 {
					t.Errorf("409 without the current record: %v", out)
				}
			} else if _, ok := out["current"]; ok {
				t.Errorf("unexpected current: %v", out)
			}
			if after := e.snapshot(); after != before {
				t.Errorf("something was written:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}
