package api_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"zhenggai"
	"zhenggai/internal/httpd"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"

	_ "modernc.org/sqlite"
)

// fuzzServer is the whole program over a real store, called in-process
// (no sockets), signed in as an administrator, with a round, a category,
// a problem and a measure to write to.
type fuzzServer struct {
	h                                 http.Handler
	st                                *store.Store
	raw                               *sql.DB // plain SQL on the same file, for counting
	dir                               string
	login                             *testkit.Login
	round, category, problem, measure int64
}

func newFuzzServer(tb testing.TB) *fuzzServer {
	tb.Helper()
	env := testkit.Open(tb)
	st := env.Store
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test:fuzz"})
	s := &fuzzServer{st: st, raw: env.Raw(tb).DB, dir: env.Dir, login: testkit.Admin(tb, st)}
	// No log: a fuzz target may not log through tb.
	cfg := env.Config(tb, func() time.Time { return fixedNow })
	cfg.Log = slog.New(slog.DiscardHandler)
	s.h = httpd.New(cfg)
	r := &zhenggai.Round{Unit: "桑植县政协党组", Inspector: "市委第七巡察组", Kind: zhenggai.KindInspection,
		Onsite: zhenggai.Period{Start: zhenggai.NewDate(2020, 5, 11), End: zhenggai.NewDate(2020, 6, 19)}, FeedbackDate: zhenggai.NewDate(2020, 7, 27)}
	if err := st.CreateRound(ctx, r); err != nil {
		tb.Fatal(err)
	}
	c := &zhenggai.Category{RoundID: r.ID, Seq: 1, Title: "学习贯彻不深入"}
	if err := st.CreateCategory(ctx, c); err != nil {
		tb.Fatal(err)
	}
	p := &zhenggai.Problem{CategoryID: c.ID, Seq: 1, Title: "学习停留在表面"}
	if err := st.CreateProblem(ctx, p); err != nil {
		tb.Fatal(err)
	}
	m := &zhenggai.Measure{ProblemID: p.ID, Seq: 1, Content: "制定学习计划", Owner: "李四", Deadline: zhenggai.NewDate(2024, 6, 30),
		Kind: zhenggai.MeasureImmediate, Status: zhenggai.InProgress}
	if err := st.CreateMeasure(ctx, m); err != nil {
		tb.Fatal(err)
	}
	s.round, s.category, s.problem, s.measure = r.ID, c.ID, p.ID, m.ID
	return s
}

// state is a fingerprint of everything stored (testkit.Fingerprint).
func (s *fuzzServer) state(tb testing.TB) string {
	tb.Helper()
	return testkit.Fingerprint(tb, s.raw, s.dir)
}

// send calls the program with the administrator's token.
func (s *fuzzServer) send(method, path, ctype string, body []byte) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, bytes.NewReader(body))
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	s.login.Bearer(req)
	w := httptest.NewRecorder()
	s.h.ServeHTTP(w, req)
	return w
}

// fuzzEndpoints are the API's writing endpoints; {r} is the round, {c}
// the category, {p} the problem, {m} the measure.
var fuzzEndpoints = []struct{ method, path string }{
	{"POST", "/api/v1/rounds"},
	{"PUT", "/api/v1/rounds/{r}"},
	{"POST", "/api/v1/rounds/{r}/categories"},
	{"PUT", "/api/v1/categories/{c}"},
	{"POST", "/api/v1/rounds/{r}/problems"},
	{"PUT", "/api/v1/problems/{p}"},
	{"POST", "/api/v1/problems/{p}/measures"},
	{"PUT", "/api/v1/measures/{m}"},
	{"PUT", "/api/v1/measures/{m}/status"},
	{"POST", "/api/v1/measures/{m}/progress"},
	{"POST", "/api/v1/imports"},
}

// fuzzMultipart is a multipart progress report with one file, for seeds.
func fuzzMultipart(fields [][2]string, name string, data []byte) (string, []byte) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.SetBoundary("zhenggaiFuzzBoundary")
	for _, f := range fields {
		mw.WriteField(f[0], f[1])
	}
	if name != "" {
		w, _ := mw.CreateFormFile("files", name)
		w.Write(data)
	}
	mw.Close()
	return mw.FormDataContentType(), buf.Bytes()
}

// FuzzAPIDecode posts arbitrary bodies to every writing endpoint of the
// API. Whatever the body, the answer is never a 5xx (a panic is one: the
// server turns it into a 500), it is JSON, and an answer other than 2xx
// has written nothing.
func FuzzAPIDecode(f *testing.F) {
	j := "application/json"
	seeds := []struct {
		ep    int
		ctype string
		body  string
	}{
		{0, j, `{"unit":"慈利县政协党组","inspector":"市委第七巡察组","kind":"巡察","onsite_start":"2020-05-11","onsite_end":"2020-06-19","feedback_date":"2020-07-27"}`},
		{0, j, `{"unit":"<script>alert(1)</script>","inspector":"\"><img src=x onerror=alert(1)>","kind":"巡视"}`},
		{0, j, `{"unit":"x","inspector":"y","kind":"巡察","onsite_start":"2020-02-30"}`},
		{0, j, `{"unit":"x","inspector":"y","kind":"巡察","onsite_start":"0000-01-01","feedback_date":"99999-01-01"}`},
		{0, j, `{"unit":"x","inspector":"y","kind":"巡察","declared":{"as_of":"2020-10-28","categories":14,"problems":38,"completed":35}}`},
		{0, j, `{"unit":"\u0000","inspector":"\u202e","kind":"巡察"}`},
		{0, j, "{\"unit\":\"\xff\xfe\",\"inspector\":\"y\",\"kind\":\"巡察\"}"},
		{0, j, `{"unit":1e400}`},
		{0, j, `[1,2,3]`},
		{0, j, `null`},
		{0, j, `{"unit":"x"}{"unit":"y"}`},
		{1, j, `{"inspector":"市委第八巡察组","kind":"巡察","version":1}`},
		{1, j, `{"inspector":"市委第八巡察组","kind":"巡察","version":-9223372036854775808}`},
		{2, j, `{"seq":2,"title":"落实主体责任不到位"}`},
		{2, j, `{"seq":9223372036854775807,"title":"x"}`},
		{2, j, `{"seq":2.5,"title":"x"}`},
		{3, j, `{"seq":1,"title":"改过的标题","version":1}`},
		{4, j, fmt.Sprintf(`{"category_id":%d,"seq":2,"title":"问题","rectification":"整改情况"}`, 1)},
		{4, j, `{"category_id":999999,"seq":3,"title":"x"}`},
		{5, j, `{"category_id":1,"seq":1,"title":"x","rectification":"","version":1}`},
		{6, j, `{"seq":2,"content":"措施","leader":"张","office":"办公室","owner":"李","deadline":"2024-12-31","kind":"mechanism","status":"not_started"}`},
		{6, j, `{"seq":3,"content":"措施","kind":"immediate","status":"已完成"}`},
		{7, j, `{"seq":1,"content":"措施","kind":"immediate","status":"completed","version":1}`},
		{8, j, `{"status":"completed","version":1}`},
		{8, j, `{"status":"ongoing","version":"1"}`},
		{9, j, `{"date":"2024-05-20","content":"已召开专题会议","author":"李四"}`},
		{9, j, `{"date":"2024-05-20","content":"完成","status":"completed","measure_version":1}`},
		{9, j, `{"date":"2099-01-01","content":"未来"}`},
		{10, j, `{"text":"桑植县政协党组关于巡察整改进展情况的通报\n一、反馈问题：学习不深入\n1.学习停留在表面。\n整改情况：已完成。"}`},
		{10, j, `{"text":""}`},
	}
	for _, s := range seeds {
		f.Add(uint8(s.ep), s.ctype, []byte(s.body))
	}
	for _, name := range []string{"证明.pdf", "../../etc/passwd", `C:\Windows\x.exe`, "a\x00b.txt", strings.Repeat("长", 300) + ".txt"} {
		ct, body := fuzzMultipart([][2]string{{"date", "2024-05-20"}, {"content", "附证明"}}, name, []byte("%PDF-1.4 evidence"))
		f.Add(uint8(9), ct, body)
	}
	ct, body := fuzzMultipart([][2]string{{"date", "2024-05-20"}, {"content", "x"}, {"colour", "red"}}, "", nil)
	f.Add(uint8(9), ct, body)
	ct, body = fuzzMultipart([][2]string{{"date", "2024-05-20"}, {"content", "x"}, {"status", "completed"}, {"measure_version", "x"}}, "a.txt", []byte("a"))
	f.Add(uint8(9), ct, body)
	f.Add(uint8(9), "multipart/form-data; boundary=zhenggaiFuzzBoundary", []byte("--zhenggaiFuzzBoundary\r\nContent-Disposition: form-data; name=\"files\"; filename=\"x\"\r\n\r\nabc"))

	s := newFuzzServer(f)
	f.Fuzz(func(t *testing.T, ep uint8, ctype string, body []byte) {
		e := fuzzEndpoints[int(ep)%len(fuzzEndpoints)]
		path := strings.NewReplacer("{r}", fmt.Sprint(s.round), "{c}", fmt.Sprint(s.category),
			"{p}", fmt.Sprint(s.problem), "{m}", fmt.Sprint(s.measure)).Replace(e.path)
		before := s.state(t)
		w := s.send(e.method, path, ctype, body)
		code := w.Code
		t.Logf("%s %s: %d", e.method, path, code)
		if code >= 500 {
			t.Fatalf("%s %s (%q): status %d\n%s", e.method, path, ctype, code, w.Body.String())
		}
		if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Fatalf("%s %s: status %d with content type %q", e.method, path, code, ct)
		}
		var answer map[string]any
		if err := json.Unmarshal(w.Body.Bytes(), &answer); err != nil {
			t.Fatalf("%s %s: status %d, answer is not a JSON object: %v\n%s", e.method, path, code, err, w.Body.String())
		}
		if code < 200 || code > 299 {
			if after := s.state(t); after != before {
				t.Fatalf("%s %s: status %d wrote something:\nbefore %s\nafter  %s\n%s", e.method, path, code, before, after, w.Body.String())
			}
			eb, _ := answer["error"].(map[string]any)
			msg, _ := eb["message"].(string)
			if !utf8.ValidString(msg) || !hasHan(msg) {
				t.Fatalf("%s %s: status %d without a Chinese message: %s", e.method, path, code, w.Body.String())
			}
		}
	})
}
