package api_test

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
)

// TestArchivesAPI: an election file is created (without its day: 422),
// a scan uploaded and a paper original recorded against its slots (a
// slot the kind lacks: 422), the list says what it lacks; a kind saved;
// a stale update 409; void.
func TestArchivesAPI(t *testing.T) {
	e := newEnv(t)
	status, out := e.call("POST", "/api/v1/archives", obj{"kind": "election", "title": "机关党委换届选举"})
	if status != http.StatusUnprocessableEntity || !strings.Contains(fmt.Sprint(out), "event_on") {
		t.Fatalf("no day: %d %v", status, out)
	}
	got := e.must(http.StatusCreated, "POST", "/api/v1/archives", obj{"kind": "election", "title": "机关党委换届选举", "event_on": "2017-10-27"})
	id := num(got["id"])
	if num(got["year"]) != 2017 || got["complete"] != false || len(arr(got["missing"])) != 5 {
		t.Fatalf("created %v", got)
	}
	upload := func(fields map[string]string, name string, data []byte) (int, obj) {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		for k, v := range fields {
			mw.WriteField(k, v)
		}
		if name != "" {
			w, _ := mw.CreateFormFile("file", name)
			w.Write(data)
		}
		mw.Close()
		return e.raw("POST", path("/api/v1/archives/%d/documents", id), mw.FormDataContentType(), &buf)
	}
	if status, out := upload(map[string]string{"slot": "请示"}, "请示.pdf", []byte("%PDF-1.4\n请示\n%%EOF")); status != http.StatusCreated || len(fmt.Sprint(out["sha256"])) != 64 {
		t.Fatalf("upload: %d %v", status, out)
	}
	if status, out := upload(map[string]string{"slot": "选票", "paper": "1", "place": "办公室档案柜", "checked_by": "覃丽", "checked_on": "2020-09-01"}, "", nil); status != http.StatusCreated {
		t.Fatalf("paper: %d %v", status, out)
	}
	if status, out := upload(map[string]string{"slot": "会议纪要", "paper": "1", "place": "办公室", "checked_by": "覃丽", "checked_on": "2020-09-01"}, "", nil); status != http.StatusUnprocessableEntity {
		t.Errorf("a slot the kind lacks: %d %v", status, out)
	}
	list := e.must(http.StatusOK, "GET", "/api/v1/archives?year=2017", nil)
	fs := arr(list["files"])
	if len(fs) != 1 || fmt.Sprint(m(fs[0])["missing"]) != "[批复 选举办法 候选人名单]" || len(arr(list["kinds"])) != 5 {
		t.Fatalf("list %v", list)
	}
	k := e.must(http.StatusOK, "PUT", "/api/v1/archives/kinds", obj{"code": "branch_handbook", "name": "党支部工作手册", "documents": []string{"党支部工作手册"},
		"yearly": true, "per_holder": true, "holders": []string{"机关第一党支部"}, "seq": 2})
	if num(k["id"]) == 0 {
		t.Fatalf("kind %v", k)
	}
	body := obj{"kind": "election", "title": "机关党委换届", "event_on": "2017-10-27", "version": 1}
	e.must(http.StatusOK, "PUT", path("/api/v1/archives/%d", id), body)
	if status, out := e.call("PUT", path("/api/v1/archives/%d", id), body); status != http.StatusConflict {
		t.Errorf("stale: %d %v", status, out)
	}
	e.must(http.StatusOK, "POST", path("/api/v1/archives/%d/void", id), obj{"reason": "重复录入"})
	if fs := arr(e.must(http.StatusOK, "GET", "/api/v1/archives", nil)["files"]); len(fs) != 0 {
		t.Errorf("voided listed: %v", fs)
	}
}
