package ui_test

import (
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
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

// Hostile input in the pages: what a user types is either refused with a
// Chinese reason and nothing written, or stored and shown as text, never
// as markup; uploaded files live only under their hash and go out only as
// downloads.

const (
	scriptTag = "<script>alert(1)</script>"
	imgTag    = `"><img src=x onerror=alert(1)>`
	rlo       = "\u202e" // RIGHT-TO-LEFT OVERRIDE
)

// wantText checks that a page shows the hostile strings escaped and never
// as markup.
func wantText(t *testing.T, what, body string) {
	t.Helper()
	low := strings.ToLower(body)
	for _, raw := range []string{"<script>alert(1)", "<img src=x"} {
		if strings.Contains(low, raw) {
			t.Errorf("%s holds %q unescaped", what, raw)
		}
	}
	if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("%s does not show the script tag as text", what)
	}
	if !strings.Contains(body, "&lt;img src=x onerror=alert(1)&gt;") {
		t.Errorf("%s does not show the img tag as text", what)
	}
	if strings.ContainsRune(body, 0) {
		t.Errorf("%s holds a NUL byte", what)
	}
}

func created(t *testing.T, w interface {
	Result() *http.Response
}, what string) string {
	t.Helper()
	res := w.Result()
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("%s: status %d", what, res.StatusCode)
	}
	return res.Header.Get("Location")
}

func TestHostileTextIsShownAsText(t *testing.T) {
	s := newPageServer(t)
	loc := created(t, s.postForm("/rounds", url.Values{"unit": {scriptTag}, "unit_parent": {fmt.Sprint(s.login.User.UnitID)}, "inspector": {imgTag}, "kind": {"巡察"},
		"onsite_start": {"2020-05-11"}, "note": {"ab<txt>.exe"}}), "round")
	// A character that turns the text around it (ab‮txt.exe reads
	// abexe.txt) is refused, with the field named, and nothing saved.
	if w := s.postForm("/rounds", url.Values{"unit": {"甲单位"}, "unit_parent": {fmt.Sprint(s.login.User.UnitID)}, "inspector": {"市委第一巡察组"}, "kind": {"巡察"},
		"note": {"ab" + rlo + "txt.exe"}}); w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "备注含有不可见的字符（U&#43;202E") {
		t.Errorf("note with U+202E: %d", w.Code)
	}
	var round int64
	if _, err := fmt.Sscanf(loc, "/rounds/%d", &round); err != nil {
		t.Fatalf("location %q", loc)
	}
	created(t, s.postForm(fmt.Sprintf("/rounds/%d/categories", round), url.Values{"seq": {"1"}, "title": {scriptTag + imgTag}}), "category")
	var cat int64
	s.raw.QueryRow(`SELECT id FROM categories WHERE round_id = ?`, round).Scan(&cat)
	created(t, s.postForm(fmt.Sprintf("/rounds/%d/problems", round), url.Values{"category_id": {fmt.Sprint(cat)}, "seq": {"1"},
		"title": {imgTag + scriptTag}, "rectification": {scriptTag + "\n" + imgTag}}), "problem")
	var prob int64
	s.raw.QueryRow(`SELECT id FROM problems WHERE round_id = ?`, round).Scan(&prob)
	created(t, s.postForm(fmt.Sprintf("/problems/%d/measures", prob), url.Values{"seq": {"1"}, "content": {scriptTag},
		"leader": {imgTag}, "office": {scriptTag}, "owner": {imgTag}, "deadline": {"2020-12-31"}, "kind": {"immediate"},
		"status": {"in_progress"}}), "measure")
	var meas int64
	s.raw.QueryRow(`SELECT id FROM measures WHERE problem_id = ?`, prob).Scan(&meas)
	created(t, s.postMultipart(fmt.Sprintf("/measures/%d/progress", meas), url.Values{"date": {"2020-10-20"},
		"content": {scriptTag + imgTag}, "author": {imgTag}}, upload{scriptTag + ".pdf", []byte("%PDF-1.4\n")}), "progress")

	// Stored as typed: nothing is "cleaned" away from a record.
	var unit, note string
	s.raw.QueryRow(`SELECT u.name, r.note FROM rounds r JOIN units u ON u.id = r.unit_id WHERE r.id = ?`, round).Scan(&unit, &note)
	if unit != scriptTag || note != "ab<txt>.exe" {
		t.Errorf("stored unit %q note %q", unit, note)
	}

	pages := []string{"/", fmt.Sprintf("/rounds/%d", round), fmt.Sprintf("/rounds/%d/edit", round), fmt.Sprintf("/rounds/%d/tree", round),
		fmt.Sprintf("/rounds/%d/ledger", round), fmt.Sprintf("/problems/%d", prob), fmt.Sprintf("/problems/%d/edit", prob),
		fmt.Sprintf("/measures/%d/edit", meas), fmt.Sprintf("/measures/%d/progress/new", meas), fmt.Sprintf("/categories/%d/edit", cat)}
	for _, p := range pages {
		w := s.send("GET", p, "", nil)
		if w.Code != 200 {
			t.Errorf("GET %s: %d", p, w.Code)
			continue
		}
		body := w.Body.String()
		low := strings.ToLower(body)
		for _, raw := range []string{"<script>alert(1)", "<img src=x"} {
			if strings.Contains(low, raw) {
				t.Errorf("GET %s holds %q unescaped", p, raw)
			}
		}
		if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("GET %s does not show the script tag as text", p)
		}
		if strings.ContainsRune(body, 0) {
			t.Errorf("GET %s holds a NUL byte", p)
		}
		csp := w.Header().Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("GET %s: Content-Security-Policy %q", p, csp)
		}
	}
	for _, p := range []string{fmt.Sprintf("/rounds/%d", round), fmt.Sprintf("/problems/%d", prob)} {
		_, body := s.get(t, p)
		wantText(t, p, body)
	}
}

// TestHostileInputIsRefused posts what no record may hold: overlong
// fields, days that do not exist, years out of range, bytes that are not
// UTF-8. Each is refused with a Chinese reason, and nothing is written.
func TestHostileInputIsRefused(t *testing.T) {
	s := newPageServer(t)
	long := strings.Repeat("长", 100000)
	round := func(kv ...string) url.Values {
		v := url.Values{"unit": {"慈利县政协党组"}, "inspector": {"市委第七巡察组"}, "kind": {"巡察"}}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return v
	}
	measure := func(kv ...string) url.Values {
		v := url.Values{"seq": {"9"}, "content": {"措施"}, "kind": {"immediate"}, "status": {"not_started"}}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return v
	}
	progress := func(kv ...string) url.Values {
		v := url.Values{"date": {"2020-10-20"}, "content": {"进展"}}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return v
	}
	rounds := "/rounds"
	cats := fmt.Sprintf("/rounds/%d/categories", s.round)
	meas := fmt.Sprintf("/problems/%d/measures", s.problem)
	prog := fmt.Sprintf("/measures/%d/progress", s.measure)
	cases := []struct {
		name, path string
		v          url.Values
		multipart  bool
		reason     string
	}{
		{"overlong unit", rounds, round("unit", long), false, "过长"},
		{"overlong inspector", rounds, round("inspector", long), false, "过长"},
		{"overlong note", rounds, round("note", long), false, "过长"},
		{"overlong category", cats, url.Values{"seq": {"5"}, "title": {long}}, false, "过长"},
		{"overlong measure", meas, measure("content", long), false, "过长"},
		{"overlong owner", meas, measure("owner", long), false, "过长"},
		{"overlong progress", prog, progress("content", long), true, "过长"},
		{"overlong author", prog, progress("author", long), true, "过长"},
		{"30 February", rounds, round("onsite_start", "2020-02-30"), false, "不是有效日期"},
		{"year 0", rounds, round("feedback_date", "0000-01-01"), false, "1949"},
		{"year 99999", rounds, round("onsite_end", "99999-01-01"), false, "不是有效日期"},
		{"deadline 30 February", meas, measure("deadline", "2020-02-30"), false, "不是有效日期"},
		{"deadline year 0", meas, measure("deadline", "0000-01-01"), false, "1949"},
		{"progress 30 February", prog, progress("date", "2020-02-30"), true, "不是有效日期"},
		{"progress year 99999", prog, progress("date", "99999-01-01"), true, "不是有效日期"},
		{"not UTF-8 unit", rounds, round("unit", "\xff\xfe桑植"), false, "无法识别"},
		{"not UTF-8 title", cats, url.Values{"seq": {"5"}, "title": {"\xc0\xaf"}}, false, "无法识别"},
		{"not UTF-8 progress", prog, progress("content", "进展\xff"), true, "无法识别"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := s.state(t)
			var w interface{ Result() *http.Response }
			var body string
			if c.multipart {
				r := s.postMultipart(c.path, c.v)
				w, body = r, r.Body.String()
			} else {
				r := s.postForm(c.path, c.v)
				w, body = r, r.Body.String()
			}
			if code := w.Result().StatusCode; code != http.StatusUnprocessableEntity {
				t.Errorf("status %d, want 422", code)
			}
			if !strings.Contains(body, c.reason) {
				t.Errorf("the page does not say %q", c.reason)
			}
			if after := s.state(t); after != before {
				t.Errorf("refused input wrote something:\n%s\n%s", before, after)
			}
			if len(body) > 2<<20 {
				t.Errorf("the answer is %d bytes", len(body))
			}
		})
	}
}

// evidenceNamed is a file whose content is of the type name says (the
// content check is not what these tests are about), with extra after it.
func evidenceNamed(t *testing.T, name string, extra []byte) []byte {
	ext := strings.ToLower(path.Ext(attach.CleanName(name)))
	if !slices.Contains(testkit.EvidenceExts, ext) {
		return extra
	}
	return append(testkit.Evidence(t, ext), extra...)
}

var hashPath = regexp.MustCompile(`^[0-9a-f]{2}/[0-9a-f]{64}$`)

// TestHostileUploadNames uploads evidence under names that try to be
// paths, carry NUL or control characters, hide their extension behind a
// right-to-left override, or are too long. Each file is stored under its
// hash only, listed under a harmless name, and served as a download.
func TestHostileUploadNames(t *testing.T) {
	s := newPageServer(t)
	// Programs and web pages (.exe, .html, no extension) are refused by
	// type; the rest are kept under a cleaned name.
	names := []string{
		"../../etc/passwd.pdf",
		`C:\Windows\x.pdf`,
		`..\..\a.txt`,
		"/etc/shadow.jpg",
		"a\x00b.txt",
		"a\x01\x1f\x7fb.txt",
		"invoice" + rlo + "fdp.exe",
		strings.Repeat("名", 300) + ".pdf",
		strings.Repeat("a", 300) + ".png",
		scriptTag + ".docx",
		scriptTag + ".html",
		"\xff\xfe.txt",
	}
	type kept struct {
		id   int64
		name string
		data []byte
	}
	var all []kept
	for i, n := range names {
		data := evidenceNamed(t, n, []byte(fmt.Sprintf("证明材料 %d <script>alert(1)</script>", i)))
		before := s.state(t)
		w := s.postMultipart(fmt.Sprintf("/measures/%d/progress", s.measure), url.Values{"date": {"2020-10-20"},
			"content": {fmt.Sprintf("附件 %d", i)}}, upload{n, data})
		switch {
		case w.Code == http.StatusSeeOther:
			var id int64
			var name string
			if err := s.raw.QueryRow(`SELECT id, name FROM attachments ORDER BY id DESC LIMIT 1`).Scan(&id, &name); err != nil {
				t.Fatal(err)
			}
			all = append(all, kept{id, name, data})
		case w.Code >= 400 && w.Code < 500:
			if s.state(t) != before {
				t.Errorf("%q refused with %d but something was written", n, w.Code)
			}
			if !strings.ContainsFunc(w.Body.String(), func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
				t.Errorf("%q refused with %d without a Chinese message", n, w.Code)
			}
			t.Logf("%q refused: %d", n, w.Code)
		default:
			t.Errorf("%q: status %d", n, w.Code)
		}
	}
	// Four are refused: two by type, and two whose control characters in
	// the name make Go's multipart reader refuse the whole upload.
	if len(all) < len(names)-4 {
		t.Errorf("only %d of %d uploads were kept", len(all), len(names))
	}
	for _, k := range all {
		if strings.ContainsAny(k.name, `/\`) || k.name == ".." || k.name == "." || strings.TrimSpace(k.name) == "" {
			t.Errorf("stored name %q is a path", k.name)
		}
		if !utf8.ValidString(k.name) || utf8.RuneCountInString(k.name) > 200 {
			t.Errorf("stored name %q is not valid or too long (%d)", k.name, utf8.RuneCountInString(k.name))
		}
		for _, r := range k.name {
			if unicode.IsControl(r) || unicode.In(r, unicode.Bidi_Control) {
				t.Errorf("stored name %q holds control character %U", k.name, r)
			}
		}
		w := s.send("GET", fmt.Sprintf("/files/%d", k.id), "", nil)
		if w.Code != 200 || w.Body.String() != string(k.data) {
			t.Errorf("GET /files/%d: %d %q", k.id, w.Code, w.Body.String())
			continue
		}
		h := w.Header()
		if cd := h.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment") {
			t.Errorf("file %q served with Content-Disposition %q", k.name, cd)
		}
		if ct := h.Get("Content-Type"); ct != "application/octet-stream" {
			t.Errorf("file %q served as %q", k.name, ct)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(h.Get("Content-Security-Policy"), "sandbox") {
			t.Errorf("file %q served without nosniff and sandbox: %v", k.name, h)
		}
	}
	// The problem page lists them as text.
	_, body := s.get(t, fmt.Sprintf("/problems/%d", s.problem))
	if strings.Contains(body, "<script>alert(1)") {
		t.Error("the problem page shows a file name as markup")
	}
	// Only hash-named files in the files folder; nothing next to the data
	// folder or above it.
	root := filepath.Join(s.dir, "files")
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		if !hashPath.MatchString(filepath.ToSlash(rel)) {
			t.Errorf("file %s in the files folder", rel)
		}
		return nil
	})
	entries, _ := os.ReadDir(s.dir)
	for _, e := range entries {
		switch n := e.Name(); {
		case n == "files", strings.HasPrefix(n, "zhenggai.db"):
		default:
			t.Errorf("%s in the data folder", n)
		}
	}
	for _, p := range []string{filepath.Join(s.dir, "..", "etc"), filepath.Join(s.dir, "..", "..", "etc", "passwd"),
		filepath.Join(s.dir, "..", "a"), filepath.Join(s.dir, "..", "..", "a")} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s exists", p)
		}
	}
}
