package api_test

import (
	"encoding/json"
	"fmt"
	"io/fs"
	pathpkg "path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"zhenggai/internal/attach"
	"zhenggai/internal/testkit"
)

// Hostile input through the API: refused with a 4xx, a Chinese message
// and nothing written, or stored exactly as sent and answered as JSON
// text, never as markup; uploaded files are kept under their hash only.

const (
	hScript = "<script>alert(1)</script>"
	hImg    = `"><img src=x onerror=alert(1)>`
	hRLO    = "\u202e"
)

func decodeObj(t *testing.T, b []byte) map[string]any {
	t.Helper()
	var o map[string]any
	if err := json.Unmarshal(b, &o); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b)
	}
	return o
}

func TestAPIHostileTextIsStoredAsSent(t *testing.T) {
	s := newFuzzServer(t)
	j := "application/json"
	body, _ := json.Marshal(map[string]any{"unit": hScript, "inspector": hImg, "kind": "巡察", "note": "ab<txt>.exe",
		"unit_parent": s.login.User.UnitID})
	w := s.send("POST", "/api/v1/rounds", j, body)
	if w.Code != 201 {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	raw := w.Body.String()
	for _, tag := range []string{"<script", "<img"} {
		if strings.Contains(raw, tag) {
			t.Errorf("the answer holds %q as it is; JSON answers escape < and >", tag)
		}
	}
	o := decodeObj(t, w.Body.Bytes())
	if o["unit"] != hScript || o["inspector"] != hImg || o["note"] != "ab<txt>.exe" {
		t.Errorf("not stored as sent: %v", o)
	}
	id := int64(o["id"].(float64))
	g := s.send("GET", fmt.Sprintf("/api/v1/rounds/%d", id), "", nil)
	if g.Code != 200 || strings.Contains(g.Body.String(), "<script") {
		t.Errorf("GET: %d %s", g.Code, g.Body)
	}
	if ct := g.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") || g.Header().Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("GET served as %q without nosniff", ct)
	}
	if o := decodeObj(t, g.Body.Bytes()); o["unit"] != hScript {
		t.Errorf("read back %v", o["unit"])
	}
}

func TestAPIHostileInputIsRefused(t *testing.T) {
	s := newFuzzServer(t)
	long := strings.Repeat("长", 100000)
	js := func(v map[string]any) string { b, _ := json.Marshal(v); return string(b) }
	round := func(k string, v any) string {
		o := map[string]any{"unit": "慈利县政协党组", "inspector": "市委第七巡察组", "kind": "巡察"}
		o[k] = v
		return js(o)
	}
	measure := func(k string, v any) string {
		o := map[string]any{"seq": 9, "content": "措施", "kind": "immediate", "status": "not_started"}
		o[k] = v
		return js(o)
	}
	progress := func(k string, v any) string {
		o := map[string]any{"date": "2024-05-20", "content": "进展"}
		o[k] = v
		return js(o)
	}
	cats := fmt.Sprintf("/api/v1/rounds/%d/categories", s.round)
	meas := fmt.Sprintf("/api/v1/problems/%d/measures", s.problem)
	prog := fmt.Sprintf("/api/v1/measures/%d/progress", s.measure)
	cases := []struct {
		name, path, body string
		status           int
		field            string // of a 422
	}{
		{"overlong unit", "/api/v1/rounds", round("unit", long), 422, "unit"},
		{"overlong note", "/api/v1/rounds", round("note", long), 422, "note"},
		{"overlong category", cats, js(map[string]any{"seq": 5, "title": long}), 422, "title"},
		{"overlong measure", meas, measure("content", long), 422, "content"},
		{"overlong progress", prog, progress("content", long), 422, "content"},
		{"30 February", "/api/v1/rounds", round("onsite_start", "2020-02-30"), 422, "onsite_start"},
		{"year 0", "/api/v1/rounds", round("feedback_date", "0000-01-01"), 422, "feedback_date"},
		{"year 99999", "/api/v1/rounds", round("onsite_end", "99999-01-01"), 422, "onsite_end"},
		{"deadline 30 February", meas, measure("deadline", "2020-02-30"), 422, "deadline"},
		{"progress year 0", prog, progress("date", "0000-01-01"), 422, "date"},
		{"not UTF-8", "/api/v1/rounds", strings.Replace(round("unit", "X"), "X", "\xff\xfe", 1), 400, ""},
		{"GBK", cats, "{\"seq\":5,\"title\":\"\xd5\xfb\xb8\xc4\"}", 400, ""},
		{"over 1 MB", cats, js(map[string]any{"seq": 5, "title": strings.Repeat("x", 2<<20)}), 400, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := s.state(t)
			w := s.send("POST", c.path, "application/json", []byte(c.body))
			if w.Code != c.status {
				t.Fatalf("status %d, want %d: %s", w.Code, c.status, w.Body)
			}
			o := decodeObj(t, w.Body.Bytes())
			e, _ := o["error"].(map[string]any)
			msg, _ := e["message"].(string)
			if !strings.ContainsFunc(msg, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
				t.Errorf("message %q", msg)
			}
			if c.field != "" {
				fields, _ := e["fields"].([]any)
				if len(fields) == 0 || fields[0].(map[string]any)["field"] != c.field {
					t.Errorf("fields %v, want %s first", fields, c.field)
				}
			}
			if after := s.state(t); after != before {
				t.Errorf("refused input wrote something:\n%s\n%s", before, after)
			}
		})
	}
}

// evidenceNamed is a file whose content is of the type name says (the
// content check is not what these tests are about), with extra after it.
func evidenceNamed(t *testing.T, name string, extra []byte) []byte {
	ext := strings.ToLower(pathpkg.Ext(attach.CleanName(name)))
	if !slices.Contains(testkit.EvidenceExts, ext) {
		return extra
	}
	return append(testkit.Evidence(t, ext), extra...)
}

var apiHashPath = regexp.MustCompile(`^[0-9a-f]{2}/[0-9a-f]{64}$`)

func TestAPIHostileUploadNames(t *testing.T) {
	s := newFuzzServer(t)
	// Path tricks with an evidence extension are kept under a cleaned name;
	// programs and web pages (the RLO one is really .exe) are refused.
	names := []string{"../../etc/passwd.pdf", `C:\Windows\x.pdf`, `..\..\a.txt`, "/etc/shadow.jpg", "a\x00b.txt",
		strings.Repeat("名", 300) + ".pdf", "\xff\xfe.txt", hScript + ".docx"}
	refused := []string{`C:\Windows\x.exe`, "invoice" + hRLO + "fdp.exe", hScript + ".html", "..", "passwd"}
	for _, n := range refused {
		ct, body := fuzzMultipart([][2]string{{"date", "2024-05-20"}, {"content", "佐证材料"}}, n, []byte("x"))
		before := s.state(t)
		w := s.send("POST", fmt.Sprintf("/api/v1/measures/%d/progress", s.measure), ct, body)
		if w.Code != 422 || !strings.Contains(w.Body.String(), "文件类型不能作为佐证材料") || s.state(t) != before {
			t.Errorf("%q: %d %s, want 422 naming the file type and nothing written", n, w.Code, w.Body)
		}
	}
	kept := 0
	for i, n := range names {
		ct, body := fuzzMultipart([][2]string{{"date", "2024-05-20"}, {"content", fmt.Sprintf("佐证材料 %d", i)}}, n,
			evidenceNamed(t, n, []byte(fmt.Sprintf("佐证材料 %d", i))))
		before := s.state(t)
		w := s.send("POST", fmt.Sprintf("/api/v1/measures/%d/progress", s.measure), ct, body)
		if w.Code >= 400 && w.Code < 500 {
			if s.state(t) != before {
				t.Errorf("%q refused with %d but something was written", n, w.Code)
			}
			t.Logf("%q refused: %d %s", n, w.Code, w.Body)
			continue
		}
		if w.Code != 201 {
			t.Errorf("%q: status %d %s", n, w.Code, w.Body)
			continue
		}
		kept++
		var p struct {
			Files []struct {
				Name   string `json:"name"`
				SHA256 string `json:"sha256"`
			} `json:"files"`
		}
		json.Unmarshal(w.Body.Bytes(), &p)
		if len(p.Files) != 1 {
			t.Fatalf("%q: files %v", n, p.Files)
		}
		name := p.Files[0].Name
		if strings.ContainsAny(name, `/\`) || name == ".." || name == "." || !utf8.ValidString(name) ||
			utf8.RuneCountInString(name) > 200 || strings.ContainsFunc(name, func(r rune) bool {
			return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r)
		}) {
			t.Errorf("%q stored as %q", n, name)
		}
		if strings.Contains(w.Body.String(), "<script") {
			t.Errorf("%q: the answer holds markup as it is", n)
		}
	}
	if kept < len(names)-1 {
		t.Errorf("only %d of %d uploads kept", kept, len(names))
	}
	root := filepath.Join(s.dir, "files")
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		if !apiHashPath.MatchString(filepath.ToSlash(rel)) {
			t.Errorf("file %s in the files folder", rel)
		}
		return nil
	})
}
