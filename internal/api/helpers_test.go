package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"
	"zhenggai/internal/testkit"

	"zhenggai"
	"zhenggai/internal/store"
)

// fixedNow is the clock of every test: 2024-06-01 in Shanghai. It lies in
// the past so that the domain's own "not after today" check on progress
// dates, which reads the real clock, agrees with the server's.
var fixedNow = time.Date(2024, 6, 1, 10, 0, 0, 0, zhenggai.Shanghai)

type obj = map[string]any

type env struct {
	t     *testing.T
	srv   *httptest.Server
	st    *store.Store
	dir   string
	login *testkit.Login
}

// newEnv is the program over HTTP on a fresh SQLite installation, at
// fixedNow, with an administrator signed in by token.
func newEnv(t *testing.T) *env { return serve(t, testkit.Open(t)) }

// backends runs body on each backend the program runs on (SQLite and
// PostgreSQL), as a subtest with its own server and database.
func backends(t *testing.T, body func(t *testing.T, e *env)) {
	testkit.EachBackend(t, func(t *testing.T, k *testkit.Env) { body(t, serve(t, k)) })
}

func serve(t *testing.T, k *testkit.Env) *env {
	t.Helper()
	srv := k.Serve(t, func() time.Time { return fixedNow })
	return &env{t: t, srv: srv, st: k.Store, dir: k.Dir, login: testkit.Admin(t, k.Store)}
}

// raw sends body with the given content type and decodes a JSON answer.
func (e *env) raw(method, path, ctype string, body io.Reader) (int, obj) {
	e.t.Helper()
	req, err := http.NewRequest(method, e.srv.URL+path, body)
	if err != nil {
		e.t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	e.login.Bearer(req)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		e.t.Fatalf("%s %s: content type %q, body %s", method, path, ct, b)
	}
	var out obj
	if err := json.Unmarshal(b, &out); err != nil {
		e.t.Fatalf("%s %s: answer is not a JSON object: %v\n%s", method, path, err, b)
	}
	return res.StatusCode, out
}

// call sends body as JSON (a string is sent as it is).
func (e *env) call(method, path string, body any) (int, obj) {
	e.t.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		r = strings.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			e.t.Fatal(err)
		}
		r = bytes.NewReader(j)
	}
	return e.raw(method, path, "application/json", r)
}

// must calls and fails the test unless the answer has status want.
func (e *env) must(want int, method, path string, body any) obj {
	e.t.Helper()
	code, out := e.call(method, path, body)
	if code != want {
		e.t.Fatalf("%s %s: status %d, want %d: %v", method, path, code, want, out)
	}
	return out
}

type file struct {
	name string
	data []byte
}

// form builds a multipart body with fields and files in field "files".
func form(t *testing.T, fields [][2]string, files ...file) (io.Reader, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for _, f := range fields {
		if err := mw.WriteField(f[0], f[1]); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range files {
		w, err := mw.CreateFormFile("files", f.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(f.data)
	}
	mw.Close()
	return &buf, mw.FormDataContentType()
}

func num(v any) int64 {
	f, ok := v.(float64)
	if !ok {
		panic(fmt.Sprintf("not a number: %#v", v))
	}
	return int64(f)
}

func path(format string, args ...any) string { return fmt.Sprintf(format, args...) }

func arr(v any) []any { a, _ := v.([]any); return a }

func m(v any) obj { o, _ := v.(obj); return o }

// snapshot is everything stored, as one string, and the files kept: two
// snapshots are equal when nothing was written between them.
func (e *env) snapshot() string {
	e.t.Helper()
	ctx := context.Background()
	var all []any
	units, err := e.st.Units(ctx)
	if err != nil {
		e.t.Fatal(err)
	}
	rounds, err := e.st.Rounds(ctx)
	if err != nil {
		e.t.Fatal(err)
	}
	all = append(all, units, rounds)
	for _, r := range rounds {
		c, err1 := e.st.Categories(ctx, r.ID)
		p, err2 := e.st.Problems(ctx, r.ID)
		ms, err3 := e.st.Measures(ctx, r.ID)
		pr, err4 := e.st.Progress(ctx, r.ID, 0)
		for _, err := range []error{err1, err2, err3, err4} {
			if err != nil {
				e.t.Fatal(err)
			}
		}
		all = append(all, c, p, ms, pr)
	}
	all = append(all, e.storedFiles())
	b, err := json.Marshal(all)
	if err != nil {
		e.t.Fatal(err)
	}
	return string(b)
}

// storedFiles lists every file under dir/files, temporary ones included.
func (e *env) storedFiles() []string {
	var out []string
	root := filepath.Join(e.dir, "files")
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(root, p)
			out = append(out, rel)
		}
		return nil
	})
	sort.Strings(out)
	return out
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// fixture is a round with one category, one problem and no measures.
type fixture struct {
	round, category, problem int64
}

func (e *env) fixture(unit string) fixture {
	e.t.Helper()
	r := e.must(201, "POST", "/api/v1/rounds", obj{
		"unit": unit, "unit_parent": e.office(), "inspector": "市委第七巡察组", "kind": "巡察",
		"onsite_start": "2020-05-11", "onsite_end": "2020-06-19", "feedback_date": "2020-07-27",
	})
	rid := num(r["id"])
	c := e.must(201, "POST", path("/api/v1/rounds/%d/categories", rid), obj{"seq": 1, "title": "学习贯彻不深入"})
	p := e.must(201, "POST", path("/api/v1/rounds/%d/problems", rid), obj{
		"category_id": num(c["id"]), "seq": 1, "title": "学习停留在表面", "rectification": "",
	})
	return fixture{rid, num(c["id"]), num(p["id"])}
}

func (e *env) measure(problem int64, body obj) obj {
	e.t.Helper()
	if body["content"] == nil {
		body["content"] = "制定学习计划"
	}
	return e.must(201, "POST", path("/api/v1/problems/%d/measures", problem), body)
}

// office is the administrator's own unit: the parent he chooses for a
// unit the tests register by creating its first round.
func (e *env) office() int64 { return e.login.User.UnitID }

func (e *env) officeID() string { return fmt.Sprint(e.office()) }
