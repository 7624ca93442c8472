package ui_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/httpd"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"

	_ "modernc.org/sqlite"
)

// pageServer is the whole program over a real store, called in-process,
// signed in as an administrator by session cookie, with a round, a
// category, a problem and a measure to write to.
type pageServer struct {
	h                                 http.Handler
	st                                *store.Store
	raw                               *sql.DB
	dir                               string
	login                             *testkit.Login
	round, category, problem, measure int64
}

func newPageServer(tb testing.TB) *pageServer {
	tb.Helper()
	// Two levels below the test's own folder, so that what a hostile file
	// name could reach above the data folder is the test's, not /tmp's.
	env := testkit.OpenIn(tb, filepath.Join(tb.TempDir(), "above", "data"))
	st := env.Store
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test:pages"})
	s := &pageServer{st: st, dir: env.Dir, login: testkit.Admin(tb, st)}
	// No log: a fuzz target may not log through tb.
	cfg := env.Config(tb, formClock)
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
	m := &zhenggai.Measure{ProblemID: p.ID, Seq: 1, Content: "组织集中学习", Owner: "李四", Deadline: zhenggai.NewDate(2020, 12, 31),
		Kind: zhenggai.MeasureImmediate, Status: zhenggai.InProgress}
	if err := st.CreateMeasure(ctx, m); err != nil {
		tb.Fatal(err)
	}
	s.round, s.category, s.problem, s.measure = r.ID, c.ID, p.ID, m.ID
	s.raw = env.Raw(tb).DB
	return s
}

// send calls the program with the administrator's session.
func (s *pageServer) send(method, path, ctype string, body []byte) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, bytes.NewReader(body))
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	req.AddCookie(s.login.Cookie)
	w := httptest.NewRecorder()
	s.h.ServeHTTP(w, req)
	return w
}

func (s *pageServer) get(tb testing.TB, path string) (int, string) {
	tb.Helper()
	w := s.send("GET", path, "", nil)
	return w.Code, w.Body.String()
}

func (s *pageServer) postForm(path string, v url.Values) *httptest.ResponseRecorder {
	return s.send("POST", path, "application/x-www-form-urlencoded", []byte(v.Encode()))
}

// upload is one file of a multipart form.
type upload struct {
	name string
	data []byte
}

func (s *pageServer) postMultipart(path string, v url.Values, files ...upload) *httptest.ResponseRecorder {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range v {
		for _, x := range vs {
			mw.WriteField(k, x)
		}
	}
	for _, f := range files {
		w, _ := mw.CreateFormFile("files", f.name)
		w.Write(f.data)
	}
	mw.Close()
	return s.send("POST", path, mw.FormDataContentType(), buf.Bytes())
}

// state is a fingerprint of everything stored (testkit.Fingerprint).
func (s *pageServer) state(tb testing.TB) string {
	tb.Helper()
	return testkit.Fingerprint(tb, s.raw, s.dir)
}

// version is the stored version of a record, for forms that carry one.
func (s *pageServer) version(tb testing.TB, table string, id int64) string {
	tb.Helper()
	var v int64
	if err := s.raw.QueryRow(`SELECT version FROM `+table+` WHERE id = ?`, id).Scan(&v); err != nil {
		tb.Fatal(err)
	}
	return fmt.Sprint(v)
}

// injected are markup a user may type that must never come back as
// markup; the templates themselves contain none of them.
var injected = []string{"<script>alert", "<img src=x", "<svg onload", "<iframe"}

// FuzzFormPost posts arbitrary values to the page forms: round, category,
// problem, measure, status, progress (with a file) and a raw body. The
// answer is never a 5xx (a panic is one), an answer that is not a success
// (303) has written nothing, and no typed markup comes back unescaped.
// A value "{v}" stands for the record's current version, so that updates
// get past the version check.
func FuzzFormPost(f *testing.F) {
	script := "<script>alert(1)</script>"
	img := `"><img src=x onerror=alert(1)>`
	f.Add(uint8(0), "慈利县政协党组", "市委第七巡察组", "巡察", "2020-05-11", "2020-06-19", "2020-07-27")
	f.Add(uint8(0), script, img, "巡视", "2020-02-30", "0000-01-01", "99999-01-01")
	f.Add(uint8(0), "a\x00b", "\u202e反向", "自查", "", "", "")
	f.Add(uint8(0), "\xff\xfe", strings.Repeat("长", 100001), "巡察", "2020-13-01", "2020-05-11", "2019-01-01")
	f.Add(uint8(1), "桑植县政协党组", "市委第八巡察组", "巡察", "2020-05-11", "2020-06-19", "{v}")
	f.Add(uint8(1), "", img, "巡察", "", "", "1")
	f.Add(uint8(2), "2", "落实主体责任不到位", "", "", "", "")
	f.Add(uint8(2), "1", script, "", "", "", "")
	f.Add(uint8(2), "99999999999999999999", "x", "", "", "", "")
	f.Add(uint8(3), "{c}", "2", "问题", "整改情况", "", "")
	f.Add(uint8(3), "abc", "-1", script, img, "", "")
	f.Add(uint8(4), "2", "措施", "张主席", "2020-12-31", "immediate", "not_started")
	f.Add(uint8(4), "3", script, img, "2020-02-30", "mechanism", "已完成")
	f.Add(uint8(4), "4", "x", "y", "", "quick", "done")
	f.Add(uint8(5), "1", "改过的措施", "张主席", "2021-01-31", "mechanism", "{v}")
	f.Add(uint8(5), "1", "x", "", "", "immediate", "0")
	f.Add(uint8(6), "completed", "{v}", "", "", "", "")
	f.Add(uint8(6), "长期坚持", "{v}", "", "", "", "")
	f.Add(uint8(6), "done", "x", "", "", "", "")
	f.Add(uint8(7), "2020-10-20", "已召开专题会议", "李四", "", "", "证明.pdf")
	f.Add(uint8(7), "2020-10-20", "完成", "李四", "completed", "{v}", "../../etc/passwd")
	f.Add(uint8(7), "2099-01-01", script, img, "basically_completed", "1", `C:\Windows\x.exe`)
	f.Add(uint8(7), "2020-10-20", "x", "", "", "", "a\x00b.txt")
	f.Add(uint8(7), "2020-10-20", "x", "", "", "", strings.Repeat("名", 300)+".pdf")
	f.Add(uint8(7), "2020-10-20", "x", "", "", "", "invoice\u202etxt.exe")
	f.Add(uint8(9), "1.26万", "《档案管理制度》\n财务管理制度、考勤制度", "２人", "3,860.50", "", "{v}")
	f.Add(uint8(9), "12.345", strings.Repeat("《制度》", 60), "-1", "1e5", "99999999999999999999", "{v}")
	f.Add(uint8(9), "￥0.5元", "《a》《b》"+script, "10001", "－5", "１２．３", "{v}")
	f.Add(uint8(9), "\x00", "\xff\xfe《", img, "..", "万元", "{v}")
	f.Add(uint8(8), "unit=a&inspector=b&kind=%E5%B7%A1%E5%AF%9F", "application/x-www-form-urlencoded", "", "", "", "")
	f.Add(uint8(8), "unit=%zz&&&==", "application/x-www-form-urlencoded", "", "", "", "")
	f.Add(uint8(8), "--x\r\nContent-Disposition: form-data; name=\"unit\"\r\n\r\nabc", "multipart/form-data; boundary=x", "", "", "", "")

	s := newPageServer(f)
	f.Fuzz(func(t *testing.T, form uint8, a, b, c, d, e, g string) {
		vals := []string{a, b, c, d, e, g}
		for i, x := range vals {
			switch x {
			case "{c}":
				vals[i] = fmt.Sprint(s.category)
			case "{v}":
				switch form % 10 {
				case 1:
					vals[i] = s.version(t, "rounds", s.round)
				default:
					vals[i] = s.version(t, "measures", s.measure)
				}
			}
		}
		a, b, c, d, e, g = vals[0], vals[1], vals[2], vals[3], vals[4], vals[5]
		var path string
		var w *httptest.ResponseRecorder
		before := s.state(t)
		switch form % 10 {
		case 0:
			path = "/rounds"
			w = s.postForm(path, url.Values{"unit": {a}, "inspector": {b}, "kind": {c}, "onsite_start": {d}, "onsite_end": {e},
				"feedback_date": {g}, "declared_problems": {fmt.Sprint(len(a) % 50)}, "note": {a + b}})
		case 1:
			path = fmt.Sprintf("/rounds/%d", s.round)
			w = s.postForm(path, url.Values{"inspector": {b}, "kind": {c}, "onsite_start": {d}, "onsite_end": {e},
				"declared_completed": {fmt.Sprint(len(b) % 50)}, "note": {a}, "version": {g}})
		case 2:
			path = fmt.Sprintf("/rounds/%d/categories", s.round)
			w = s.postForm(path, url.Values{"seq": {a}, "title": {b}})
		case 3:
			path = fmt.Sprintf("/rounds/%d/problems", s.round)
			w = s.postForm(path, url.Values{"category_id": {a}, "seq": {b}, "title": {c}, "rectification": {d}})
		case 4:
			path = fmt.Sprintf("/problems/%d/measures", s.problem)
			w = s.postForm(path, url.Values{"seq": {a}, "content": {b}, "leader": {c}, "office": {c}, "owner": {c},
				"deadline": {d}, "kind": {e}, "status": {g}})
		case 5:
			path = fmt.Sprintf("/measures/%d", s.measure)
			w = s.postForm(path, url.Values{"seq": {a}, "content": {b}, "leader": {c}, "deadline": {d}, "kind": {e},
				"status": {"in_progress"}, "version": {g}})
		case 6:
			path = fmt.Sprintf("/measures/%d/status", s.measure)
			w = s.postForm(path, url.Values{"status": {a}, "version": {b}})
		case 7:
			path = fmt.Sprintf("/measures/%d/progress", s.measure)
			w = s.postMultipart(path, url.Values{"date": {a}, "content": {b}, "author": {c}, "status": {d}, "measure_version": {e}},
				upload{g, []byte(b + "证明材料")})
		case 8:
			path = "/rounds"
			w = s.send("POST", path, b, []byte(a))
		case 9:
			path = fmt.Sprintf("/measures/%d", s.measure)
			w = s.postForm(path, url.Values{"seq": {"1"}, "content": {"措施"}, "kind": {"immediate"}, "status": {"in_progress"},
				"refunded": {a}, "rule_names": {b}, "talks": {c}, "recovered": {d}, "saved": {e}, "version": {g}})
		}
		code := w.Code
		t.Logf("POST %s: %d", path, code)
		if code >= 500 {
			t.Fatalf("POST %s: status %d\n%s", path, code, w.Body.String())
		}
		body := w.Body.String()
		if code == http.StatusSeeOther {
			loc := w.Header().Get("Location")
			if !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "/login") {
				t.Fatalf("POST %s: sent to %q", path, loc)
			}
			// The page the user lands on shows what was saved.
			g := s.send("GET", loc, "", nil)
			if g.Code != http.StatusOK {
				t.Fatalf("POST %s, then GET %s: status %d\n%s", path, loc, g.Code, g.Body.String())
			}
			body += g.Body.String()
		} else if after := s.state(t); after != before {
			t.Fatalf("POST %s: status %d wrote something:\nbefore %s\nafter  %s", path, code, before, after)
		}
		for _, bad := range injected {
			if strings.Contains(strings.ToLower(body), bad) {
				t.Fatalf("POST %s: status %d, the answer holds %q unescaped", path, code, bad)
			}
		}
	})
}
