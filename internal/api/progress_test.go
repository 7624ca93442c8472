package api_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	"zhenggai/internal/attach"
)

func TestProgress(t *testing.T) { backends(t, testProgress) }

func testProgress(t *testing.T, e *env) {
	f := e.fixture("桑植县政协党组")
	mo := e.measure(f.problem, obj{})
	mid := num(mo["id"])

	// JSON, with a status change at the measure's version.
	j := e.must(201, "POST", path("/api/v1/measures/%d/progress", mid), obj{
		"date": "2024-05-20", "content": "召开专题会议", "author": "李四", "status": "in_progress", "measure_version": 1,
	})
	if j["date"] != "2024-05-20" || j["status"] != "in_progress" || len(arr(j["files"])) != 0 || j["files"] == nil {
		t.Fatalf("json progress: %v", j)
	}
	if mg := e.must(200, "GET", path("/api/v1/measures/%d", mid), nil); mg["status"] != "in_progress" || num(mg["version"]) != 2 {
		t.Fatalf("measure after progress: %v", mg)
	}

	// Multipart with two files, one named with a Windows path.
	pdf := append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("证据"), 1000)...)
	png := []byte("\x89PNG\r\n\x1a\n" + "not really")
	body, ctype := form(t, [][2]string{{"date", "2024-05-25"}, {"content", "上传会议记录"}, {"author", "李四"}},
		file{`C:\Users\li\会议记录.pdf`, pdf}, file{"../../etc/photo.png", png})
	code, mp := e.raw("POST", path("/api/v1/measures/%d/progress", mid), ctype, body)
	if code != 201 {
		t.Fatalf("multipart progress: %d %v", code, mp)
	}
	files := arr(mp["files"])
	if len(files) != 2 {
		t.Fatalf("files: %v", mp)
	}
	sum := sha256.Sum256(pdf)
	want := hex.EncodeToString(sum[:])
	f0 := m(files[0])
	if f0["name"] != "会议记录.pdf" || f0["sha256"] != want || num(f0["size"]) != int64(len(pdf)) ||
		f0["content_type"] != "application/pdf" || num(f0["id"]) <= 0 {
		t.Errorf("file 0: %v", f0)
	}
	if f1 := m(files[1]); f1["name"] != "photo.png" || f1["content_type"] != "image/png" {
		t.Errorf("file 1: %v", f1)
	}
	if mp["status"] != "" {
		t.Errorf("status without change: %v", mp["status"])
	}

	// The problem shows both entries, newest first, with the file.
	p := e.must(200, "GET", path("/api/v1/problems/%d", f.problem), nil)
	entries := arr(p["progress"])
	if len(entries) != 2 || m(entries[0])["date"] != "2024-05-25" || m(entries[1])["date"] != "2024-05-20" {
		t.Fatalf("problem progress: %v", entries)
	}
	pf := m(arr(m(entries[0])["files"])[0])
	if pf["sha256"] != want || num(pf["size"]) != int64(len(pdf)) {
		t.Errorf("problem progress file: %v", pf)
	}
	if p["status"] != "in_progress" {
		t.Errorf("problem status: %v", p["status"])
	}
	lp := e.must(200, "GET", path("/api/v1/problems/%d/progress", f.problem), nil)
	if len(arr(lp["progress"])) != 2 || m(arr(lp["progress"])[0])["content"] != "上传会议记录" {
		t.Errorf("progress list: %v", lp)
	}

	// The file is on disk under its hash, with the same content.
	onDisk, err := os.ReadFile(filepath.Join(e.dir, "files", want[:2], want))
	if err != nil || !bytes.Equal(onDisk, pdf) {
		t.Errorf("file on disk: %v", err)
	}

	// Multipart with a status change needs the version too.
	body, ctype = form(t, [][2]string{{"date", "2024-05-30"}, {"content", "基本完成"}, {"status", "basically_completed"},
		{"measure_version", "2"}})
	if code, out := e.raw("POST", path("/api/v1/measures/%d/progress", mid), ctype, body); code != 201 || out["status"] != "basically_completed" {
		t.Fatalf("multipart status: %d %v", code, out)
	}
	if p := e.must(200, "GET", path("/api/v1/problems/%d", f.problem), nil); p["status"] != "basically_completed" {
		t.Errorf("problem after the report: %v", p["status"])
	}
}

func TestProgressFileTooLarge(t *testing.T) {
	e := newEnv(t)
	f := e.fixture("桑植县政协党组")
	mid := num(e.measure(f.problem, obj{})["id"])
	before := e.snapshot()
	big := make([]byte, attach.MaxSize+1)
	body, ctype := form(t, [][2]string{{"date", "2024-05-20"}, {"content", "大文件"}}, file{"scan.pdf", big})
	code, out := e.raw("POST", path("/api/v1/measures/%d/progress", mid), ctype, body)
	if code != 413 || !hasHan(m(out["error"])["message"].(string)) {
		t.Fatalf("too large: %d %v", code, out)
	}
	if after := e.snapshot(); after != before {
		t.Errorf("something was written:\n%s\n%s", before, after)
	}
}
