package ui_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"html"
	"io"
	"io/fs"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"zhenggai/internal/testkit"

	"zhenggai"
	"zhenggai/internal/attach"
	"zhenggai/internal/sample"
	"zhenggai/internal/store"
)

// formEnv is a real server over a real SQLite store in a temporary folder,
// with a client that does not follow redirects.
type formEnv struct {
	t   *testing.T
	dir string
	st  *store.Store
	srv *httptest.Server
	c   *http.Client
	// office is the administrator's unit, which he chooses as the parent
	// of a unit a test registers by its first round.
	office string
}

func formClock() time.Time { return time.Date(2020, 10, 28, 10, 0, 0, 0, zhenggai.Shanghai) }

func newFormEnv(t *testing.T) *formEnv {
	t.Helper()
	env := testkit.Open(t)
	srv := env.Serve(t, formClock)
	admin := testkit.Admin(t, env.Store)
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Jar: testkit.Jar(t, srv.URL, admin)}
	return &formEnv{t: t, dir: env.Dir, st: env.Store, srv: srv, c: c, office: fmt.Sprint(admin.User.UnitID)}
}

func (e *formEnv) do(req *http.Request) (*http.Response, string) {
	e.t.Helper()
	resp, err := e.c.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	return resp, string(b)
}

func (e *formEnv) get(path string) (*http.Response, string) {
	e.t.Helper()
	req, _ := http.NewRequest("GET", e.srv.URL+path, nil)
	return e.do(req)
}

func (e *formEnv) post(path string, v url.Values) (*http.Response, string) {
	e.t.Helper()
	req, _ := http.NewRequest("POST", e.srv.URL+path, strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return e.do(req)
}

type upFile struct {
	field, name string
	data        []byte
}

func (e *formEnv) postMultipart(path string, v url.Values, files ...upFile) (*http.Response, string) {
	e.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range v {
		for _, s := range vs {
			mw.WriteField(k, s)
		}
	}
	for _, f := range files {
		w, err := mw.CreateFormFile(f.field, f.name)
		if err != nil {
			e.t.Fatal(err)
		}
		w.Write(f.data)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", e.srv.URL+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return e.do(req)
}

// seed makes a round with one category, one problem and one measure.
func (e *formEnv) seed() (*zhenggai.Round, *zhenggai.Category, *zhenggai.Problem, *zhenggai.Measure) {
	e.t.Helper()
	ctx := context.Background()
	r := &zhenggai.Round{Unit: "桑植县政协党组", Inspector: "市委第七巡察组", Kind: zhenggai.KindInspection,
		Onsite: zhenggai.Period{Start: zhenggai.NewDate(2020, 5, 11), End: zhenggai.NewDate(2020, 6, 19)}, FeedbackDate: zhenggai.NewDate(2020, 7, 27)}
	if err := e.st.CreateRound(ctx, r); err != nil {
		e.t.Fatal(err)
	}
	c := &zhenggai.Category{RoundID: r.ID, Seq: 1, Title: "反馈问题：学习贯彻不深入"}
	if err := e.st.CreateCategory(ctx, c); err != nil {
		e.t.Fatal(err)
	}
	p := &zhenggai.Problem{CategoryID: c.ID, Seq: 1, Title: "学习停留在表面，没有学深学透。"}
	if err := e.st.CreateProblem(ctx, p); err != nil {
		e.t.Fatal(err)
	}
	m := &zhenggai.Measure{ProblemID: p.ID, Seq: 1, Content: "组织机关党员干部认真学习", Leader: "张主席", Office: "办公室",
		Owner: "李四", Deadline: zhenggai.NewDate(2020, 12, 31), Kind: zhenggai.MeasureImmediate, Status: zhenggai.InProgress}
	if err := e.st.CreateMeasure(ctx, m); err != nil {
		e.t.Fatal(err)
	}
	return r, c, p, m
}

// report files a progress report on m that sets no status: what 基本完成
// set by hand needs first.
func (e *formEnv) report(m *zhenggai.Measure) {
	e.t.Helper()
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	if err := e.st.AddProgress(ctx, &zhenggai.Progress{MeasureID: m.ID, Date: zhenggai.NewDate(2020, 10, 1),
		Content: "已组织集中学习"}, m.Version); err != nil {
		e.t.Fatal(err)
	}
}

// counts is how many rows of each kind the store holds.
func (e *formEnv) counts() [5]int {
	e.t.Helper()
	ctx := context.Background()
	var n [5]int
	rounds, err := e.st.Rounds(ctx)
	if err != nil {
		e.t.Fatal(err)
	}
	n[0] = len(rounds)
	for _, r := range rounds {
		cats, _ := e.st.Categories(ctx, r.ID)
		probs, _ := e.st.Problems(ctx, r.ID)
		ms, _ := e.st.Measures(ctx, r.ID)
		pr, _ := e.st.Progress(ctx, r.ID, 0)
		n[1] += len(cats)
		n[2] += len(probs)
		n[3] += len(ms)
		n[4] += len(pr)
	}
	return n
}

// storedFiles lists what is under dir/files.
func (e *formEnv) storedFiles() []string {
	e.t.Helper()
	var out []string
	filepath.WalkDir(filepath.Join(e.dir, "files"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return nil
	})
	return out
}

func wantStatus(t *testing.T, resp *http.Response, body string, want int) {
	t.Helper()
	if resp.StatusCode != want {
		t.Fatalf("status %d, want %d; body:\n%s", resp.StatusCode, want, excerptOf(body))
	}
}

func wantRedirect(t *testing.T, resp *http.Response, body, to string) {
	t.Helper()
	wantStatus(t, resp, body, http.StatusSeeOther)
	if loc := resp.Header.Get("Location"); loc != to {
		t.Fatalf("Location %q, want %q", loc, to)
	}
}

func excerptOf(s string) string {
	if i := strings.Index(s, "<main>"); i >= 0 {
		s = s[i:]
	}
	if len(s) > 3000 {
		s = s[:3000]
	}
	return s
}

// flashOf decodes the flash cookie a redirect set.
func flashOf(t *testing.T, resp *http.Response) string {
	t.Helper()
	for _, c := range resp.Cookies() {
		if c.Name == "flash" {
			b, err := base64.RawURLEncoding.DecodeString(c.Value)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatal("no flash cookie")
	return ""
}

// nearField is the part of the page from the field with that id to the
// next form row: where its reason must be.
func nearField(t *testing.T, body, id string) string {
	t.Helper()
	i := strings.Index(body, `id="`+id+`"`)
	if i < 0 {
		t.Fatalf("no field %q in page:\n%s", id, excerptOf(body))
	}
	rest := body[i:]
	end := len(rest)
	for _, stop := range []string{`class="row`, `</form>`, `<fieldset`} {
		if j := strings.Index(rest[1:], stop); j >= 0 && j+1 < end {
			end = j + 1
		}
	}
	return rest[:end]
}

func wantReason(t *testing.T, body, id, reason string) {
	t.Helper()
	near := nearField(t, body, id)
	if !strings.Contains(near, reason) {
		t.Errorf("reason %q not next to field %q; near it:\n%s", reason, id, near)
	}
	if !strings.Contains(near, "field-error") {
		t.Errorf("no field-error next to %q", id)
	}
}

func merge(base url.Values, kv ...string) url.Values {
	v := url.Values{}
	for k, vs := range base {
		v[k] = append([]string(nil), vs...)
	}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return v
}

func TestRoundCreate(t *testing.T) {
	e := newFormEnv(t)
	resp, body := e.get("/rounds/new")
	wantStatus(t, resp, body, 200)
	for _, s := range []string{`<label for="unit">`, `<label for="inspector">`, `<label for="onsite_start">`, `type="date"`,
		"公布的整改数字（可选）", `<option value="巡察" selected>`, "保存", "取消"} {
		if !strings.Contains(body, s) {
			t.Errorf("new round form lacks %q", s)
		}
	}
	good := url.Values{"unit": {"桑植县政协党组"}, "unit_parent": {e.office}, "inspector": {"市委第七巡察组"}, "kind": {"巡察"},
		"onsite_start": {"2020-05-11"}, "onsite_end": {"2020-06-19"}, "feedback_date": {"2020-07-27"},
		"declared_categories": {"14"}, "declared_problems": {"38"}, "declared_completed": {"35"},
		"declared_basically_completed": {"3"}, "note": {""}}

	bad := []struct {
		name, field, reason string
		kv                  []string
		kept                string
	}{
		{"empty inspector", "inspector", "巡察组不能为空", []string{"inspector", " "}, `value="桑植县政协党组"`},
		{"no such day", "onsite_start", "进驻日期不是有效日期", []string{"onsite_start", "2020-02-30"}, `value="2020-02-30"`},
		{"end before start", "onsite_end", "结束日期不能早于进驻日期", []string{"onsite_end", "2020-05-01"}, `value="2020-05-01"`},
		{"number not a number", "declared_problems", "具体问题数须为整数", []string{"declared_problems", "三十八"}, `value="三十八"`},
		{"long unit", "unit", "被巡察单位过长（最多100字）", []string{"unit", strings.Repeat("政", 101)}, strings.Repeat("政", 101)},
		{"long note", "note", "备注过长（最多1000字）", []string{"note", strings.Repeat("备", 1001)}, strings.Repeat("备", 1001)},
		{"unknown kind", "kind", "类型须为巡察、巡视或自查", []string{"kind", "检查"}, `value="市委第七巡察组"`},
		{"negative figure", "declared_completed", "公布的数字须在0至100000之间", []string{"declared_completed", "-1"}, `value="-1"`},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			resp, body := e.post("/rounds", merge(good, c.kv...))
			wantStatus(t, resp, body, http.StatusUnprocessableEntity)
			if c.field == "declared_completed" {
				// The domain names the whole group of figures.
				if !strings.Contains(body, c.reason) {
					t.Errorf("no reason %q", c.reason)
				}
			} else {
				wantReason(t, body, c.field, c.reason)
			}
			if !strings.Contains(body, c.kept) {
				t.Errorf("typed value %q not kept", c.kept)
			}
			if !strings.Contains(body, "has-error") || !strings.Contains(body, "form-alert") {
				t.Error("no has-error row or summary")
			}
			if n := e.counts(); n[0] != 0 {
				t.Errorf("a refused form saved a round: %v", n)
			}
		})
	}

	resp, body = e.post("/rounds", good)
	wantRedirect(t, resp, body, "/rounds/1")
	if f := flashOf(t, resp); !strings.Contains(f, "已新建") {
		t.Errorf("flash %q", f)
	}
	r, err := e.st.Round(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if r.Unit != "桑植县政协党组" || r.Inspector != "市委第七巡察组" || r.Onsite.Start != zhenggai.NewDate(2020, 5, 11) ||
		r.FeedbackDate != zhenggai.NewDate(2020, 7, 27) || r.Declared.Problems != 38 || r.Declared.BasicallyCompleted != 3 {
		t.Errorf("stored %+v", r)
	}

	// A script is a name like any other: stored as typed, shown as text.
	xss := "<script>alert(1)</script>"
	resp, body = e.post("/rounds", merge(good, "inspector", xss, "unit", "某单位"+xss))
	wantRedirect(t, resp, body, "/rounds/2")
	r, _ = e.st.Round(context.Background(), 2)
	if r.Inspector != xss {
		t.Errorf("stored %q", r.Inspector)
	}
	_, body = e.get("/rounds/2/edit")
	if strings.Contains(body, xss) || !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("script not escaped:\n%s", excerptOf(body))
	}
	resp, body = e.post("/rounds", merge(good, "inspector", xss, "onsite_start", "2020-02-30"))
	wantStatus(t, resp, body, 422)
	if strings.Contains(body, xss) || !strings.Contains(body, "&lt;script&gt;") {
		t.Error("script not escaped in a refused form")
	}
}

func TestRoundUpdate(t *testing.T) {
	e := newFormEnv(t)
	ctx := context.Background()
	r, _, _, _ := e.seed()
	resp, body := e.get(fmt.Sprintf("/rounds/%d/edit", r.ID))
	wantStatus(t, resp, body, 200)
	for _, s := range []string{`name="version" value="1"`, `value="市委第七巡察组"`, `value="2020-05-11"`, "readonly", "整改总览"} {
		if !strings.Contains(body, s) {
			t.Errorf("edit form lacks %q", s)
		}
	}
	form := url.Values{"version": {"1"}, "unit": {"别的单位"}, "inspector": {"市委第七巡察组"}, "kind": {"巡察"},
		"onsite_start": {"2020-05-11"}, "onsite_end": {"2020-06-19"}, "feedback_date": {"2020-07-28"},
		"declared_categories": {"14"}, "declared_problems": {"38"}, "declared_completed": {""}, "declared_basically_completed": {""}}

	before, _ := e.st.Round(ctx, r.ID)
	for _, kv := range [][]string{{"feedback_date", "2020-13-01"}, {"inspector", ""}, {"onsite_end", "2020-01-01"}} {
		resp, body = e.post(fmt.Sprintf("/rounds/%d", r.ID), merge(form, kv...))
		wantStatus(t, resp, body, 422)
		if !strings.Contains(body, `name="version" value="1"`) {
			t.Error("version not kept")
		}
		after, _ := e.st.Round(ctx, r.ID)
		if !reflect.DeepEqual(before, after) {
			t.Errorf("refused update changed the round:\n%+v\n%+v", before, after)
		}
	}

	resp, body = e.post(fmt.Sprintf("/rounds/%d", r.ID), form)
	wantRedirect(t, resp, body, fmt.Sprintf("/rounds/%d", r.ID))
	if f := flashOf(t, resp); f != "已保存" {
		t.Errorf("flash %q", f)
	}
	got, _ := e.st.Round(ctx, r.ID)
	if got.Version != 2 || got.FeedbackDate != zhenggai.NewDate(2020, 7, 28) || got.Declared.Categories != 14 || got.Unit != "桑植县政协党组" {
		t.Errorf("after update %+v", got)
	}

	// Someone else saves version 2; a form still at version 1 is refused.
	other := *got
	other.Inspector = "省委第一巡视组"
	if err := e.st.UpdateRound(ctx, &other); err != nil {
		t.Fatal(err)
	}
	before, _ = e.st.Round(ctx, r.ID)
	resp, body = e.post(fmt.Sprintf("/rounds/%d", r.ID), merge(form, "version", "2", "inspector", "市委第八巡察组"))
	wantStatus(t, resp, body, http.StatusConflict)
	for _, s := range []string{"该记录已被他人修改，请刷新后再保存", "省委第一巡视组", `value="市委第八巡察组"`, `name="version" value="3"`, `class="differs"`} {
		if !strings.Contains(body, s) {
			t.Errorf("conflict page lacks %q", s)
		}
	}
	after, _ := e.st.Round(ctx, r.ID)
	if !reflect.DeepEqual(before, after) {
		t.Errorf("stale update changed the round:\n%+v\n%+v", before, after)
	}

	resp, body = e.get("/rounds/999/edit")
	wantStatus(t, resp, body, 404)
	resp, body = e.post("/rounds/999", form)
	wantStatus(t, resp, body, 404)
}

func TestCategoryForms(t *testing.T) {
	e := newFormEnv(t)
	ctx := context.Background()
	r, c, _, _ := e.seed()
	resp, body := e.get(fmt.Sprintf("/rounds/%d/categories/new", r.ID))
	wantStatus(t, resp, body, 200)
	if !strings.Contains(body, `id="seq" name="seq" value="2"`) || !strings.Contains(body, `<label for="title">`) {
		t.Errorf("new category form:\n%s", excerptOf(body))
	}
	path := fmt.Sprintf("/rounds/%d/categories", r.ID)
	for _, b := range []struct{ seq, title, field, reason string }{
		{"2", "", "title", "问题类别不能为空"},
		{"二", "某问题", "seq", "序号须为整数"},
		{"1", "某问题", "seq", "已被“反馈问题：学习贯彻不深入”使用"},
		{"0", "某问题", "seq", "序号须在1至999之间"},
		{"2", strings.Repeat("题", 1001), "title", "问题类别过长"},
	} {
		resp, body = e.post(path, url.Values{"seq": {b.seq}, "title": {b.title}})
		wantStatus(t, resp, body, 422)
		wantReason(t, body, b.field, b.reason)
		if !strings.Contains(body, `value="`+b.seq+`"`) {
			t.Errorf("seq %q not kept", b.seq)
		}
		if n := e.counts(); n[1] != 1 {
			t.Fatalf("refused category saved: %v", n)
		}
	}
	xss := "<script>alert(1)</script>"
	resp, body = e.post(path, url.Values{"seq": {"2"}, "title": {xss}})
	wantRedirect(t, resp, body, fmt.Sprintf("/rounds/%d/tree", r.ID))
	cats, _ := e.st.Categories(ctx, r.ID)
	if len(cats) != 2 || cats[1].Title != xss || cats[1].Seq != 2 {
		t.Fatalf("categories %+v", cats)
	}
	resp, body = e.get(fmt.Sprintf("/categories/%d/edit", cats[1].ID))
	wantStatus(t, resp, body, 200)
	if strings.Contains(body, xss) || !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;</textarea>") {
		t.Errorf("title not escaped:\n%s", excerptOf(body))
	}

	upd := fmt.Sprintf("/categories/%d", c.ID)
	resp, body = e.post(upd, url.Values{"seq": {"2"}, "title": {"改过的"}, "version": {"1"}})
	wantStatus(t, resp, body, 422)
	wantReason(t, body, "seq", "已被")
	resp, body = e.post(upd, url.Values{"seq": {"3"}, "title": {"改过的"}, "version": {"1"}})
	wantRedirect(t, resp, body, fmt.Sprintf("/rounds/%d/tree", r.ID))
	got, _ := e.st.Category(ctx, c.ID)
	if got.Seq != 3 || got.Title != "改过的" || got.Version != 2 {
		t.Errorf("after update %+v", got)
	}
	resp, body = e.post(upd, url.Values{"seq": {"3"}, "title": {"再改"}, "version": {"1"}})
	wantStatus(t, resp, body, 409)
	if !strings.Contains(body, "该记录已被他人修改，请刷新后再保存") || !strings.Contains(body, "再改") {
		t.Error("conflict page lacks message or typed value")
	}
	after, _ := e.st.Category(ctx, c.ID)
	if !reflect.DeepEqual(got, after) {
		t.Errorf("stale update changed the category")
	}
}

func TestProblemForms(t *testing.T) {
	e := newFormEnv(t)
	ctx := context.Background()
	r, c, p, _ := e.seed()
	c2 := &zhenggai.Category{RoundID: r.ID, Seq: 2, Title: "第二类"}
	if err := e.st.CreateCategory(ctx, c2); err != nil {
		t.Fatal(err)
	}
	// A category of another round must not be accepted.
	r2 := &zhenggai.Round{Unit: "别的单位", Inspector: "市委第一巡察组", Kind: zhenggai.KindInspection}
	e.st.CreateRound(ctx, r2)
	foreign := &zhenggai.Category{RoundID: r2.ID, Seq: 1, Title: "别轮的类别"}
	e.st.CreateCategory(ctx, foreign)

	resp, body := e.get(fmt.Sprintf("/rounds/%d/problems/new?category=%d", r.ID, c2.ID))
	wantStatus(t, resp, body, 200)
	if !strings.Contains(body, fmt.Sprintf(`<option value="%d" selected>（二）第二类`, c2.ID)) || !strings.Contains(body, `name="seq" value="2"`) {
		t.Errorf("new problem form:\n%s", excerptOf(body))
	}
	if strings.Contains(body, "别轮的类别") {
		t.Error("another round's category offered")
	}
	path := fmt.Sprintf("/rounds/%d/problems", r.ID)
	good := url.Values{"category_id": {fmt.Sprint(c2.ID)}, "seq": {"2"}, "title": {"中心组学习流于形式。"}, "rectification": {"一是……二是……"}}
	for _, b := range []struct {
		kv            []string
		field, reason string
	}{
		{[]string{"title", ""}, "title", "具体问题不能为空"},
		{[]string{"seq", "x"}, "seq", "序号须为整数"},
		{[]string{"seq", "1"}, "seq", "序号1已被本轮的"},
		{[]string{"category_id", fmt.Sprint(foreign.ID)}, "category_id", "只能选择本轮巡察的问题类别"},
		{[]string{"category_id", ""}, "category_id", "请选择问题类别"},
		{[]string{"title", strings.Repeat("问", 1001)}, "title", "具体问题过长（最多1000字）"},
		{[]string{"rectification", strings.Repeat("改", 20001)}, "rectification", "整改情况过长"},
	} {
		resp, body = e.post(path, merge(good, b.kv...))
		wantStatus(t, resp, body, 422)
		wantReason(t, body, b.field, b.reason)
		if b.field != "title" && !strings.Contains(body, "中心组学习流于形式。</textarea>") {
			t.Error("title not kept")
		}
		if n := e.counts(); n[2] != 1 {
			t.Fatalf("refused problem saved: %v", n)
		}
	}
	resp, body = e.post(path, good)
	wantRedirect(t, resp, body, "/problems/2")
	if f := flashOf(t, resp); f != "已新增具体问题2" {
		t.Errorf("flash %q", f)
	}
	np, _ := e.st.Problem(ctx, 2)
	if np.CategoryID != c2.ID || np.Title != "中心组学习流于形式。" || np.Rectification != "一是……二是……" {
		t.Errorf("stored %+v", np)
	}

	resp, body = e.get(fmt.Sprintf("/problems/%d/edit", p.ID))
	wantStatus(t, resp, body, 200)
	if !strings.Contains(body, fmt.Sprintf(`<option value="%d" selected>`, c.ID)) {
		t.Error("edit form does not select the category")
	}
	upd := fmt.Sprintf("/problems/%d", p.ID)
	ev := url.Values{"category_id": {fmt.Sprint(c2.ID)}, "seq": {"1"}, "title": {"<b>移到第二类</b>"}, "version": {"1"}}
	resp, body = e.post(upd, ev)
	wantRedirect(t, resp, body, upd)
	got, _ := e.st.Problem(ctx, p.ID)
	if got.CategoryID != c2.ID || got.Title != "<b>移到第二类</b>" || got.Version != 2 {
		t.Errorf("after update %+v", got)
	}
	resp, body = e.post(upd, merge(ev, "title", "又改"))
	wantStatus(t, resp, body, 409)
	if !strings.Contains(body, "该记录已被他人修改") || !strings.Contains(body, "&lt;b&gt;移到第二类&lt;/b&gt;") {
		t.Errorf("conflict page:\n%s", excerptOf(body))
	}
	after, _ := e.st.Problem(ctx, p.ID)
	if !reflect.DeepEqual(got, after) {
		t.Error("stale update changed the problem")
	}
}

func TestMeasureForms(t *testing.T) {
	e := newFormEnv(t)
	ctx := context.Background()
	_, _, p, m := e.seed()
	resp, body := e.get(fmt.Sprintf("/problems/%d/measures/new", p.ID))
	wantStatus(t, resp, body, 200)
	for _, s := range []string{`name="seq" value="2"`, `value="李四"`, `value="2020-12-31"`, "已按上一项措施预填",
		`id="kind-immediate" name="kind" value="immediate" checked`, `<label for="kind-mechanism">长效机制</label>`,
		`<option value="not_started" selected>未启动</option>`, "长期坚持", "学习停留在表面", `<datalist id="owners"><option value="李四" label="李四（未列入人员名册）">`} {
		if !strings.Contains(body, s) {
			t.Errorf("new measure form lacks %q", s)
		}
	}
	path := fmt.Sprintf("/problems/%d/measures", p.ID)
	good := url.Values{"seq": {"2"}, "content": {"建立学习笔记检查制度"}, "leader": {"张主席"}, "office": {"办公室"},
		"owner": {"王五"}, "deadline": {"2020-11-30"}, "kind": {"mechanism"}, "status": {"completed"}}
	for _, b := range []struct {
		kv            []string
		field, reason string
	}{
		{[]string{"content", ""}, "content", "整改措施不能为空"},
		{[]string{"deadline", "2020-02-30"}, "deadline", "整改时限不是有效日期"},
		{[]string{"deadline", "1900-01-01"}, "deadline", "年份应在1949至2100之间"},
		{[]string{"seq", "1"}, "seq", "本问题已有第1项措施"},
		{[]string{"seq", "2.5"}, "seq", "序号须为整数"},
		{[]string{"owner", strings.Repeat("人", 101)}, "owner", "责任人过长（最多100字）"},
		{[]string{"kind", "other"}, "kind-immediate", "措施类型须为立行立改或长效机制"},
		{[]string{"status", "done"}, "status", "完成情况须为"},
	} {
		resp, body = e.post(path, merge(good, b.kv...))
		wantStatus(t, resp, body, 422)
		if b.field == "kind-immediate" {
			if !strings.Contains(body, b.reason) {
				t.Errorf("no reason %q", b.reason)
			}
		} else {
			wantReason(t, body, b.field, b.reason)
		}
		if !strings.Contains(body, "建立学习笔记检查制度</textarea>") && b.field != "content" {
			t.Error("content not kept")
		}
		if n := e.counts(); n[3] != 1 {
			t.Fatalf("refused measure saved: %v", n)
		}
	}
	// 已完成 is the office's acceptance: refused on a new measure.
	resp, body = e.post(path, merge(good, "status", "已完成"))
	wantStatus(t, resp, body, 422)
	if !strings.Contains(body, "巡察办验收销号后自动生成") {
		t.Errorf("已完成 by hand:\n%s", excerptOf(body))
	}
	// 基本完成 says what was done: a new measure has no report yet.
	resp, body = e.post(path, merge(good, "status", "基本完成"))
	wantStatus(t, resp, body, 422)
	if !strings.Contains(body, "请先报送一条写明已做工作的整改进展") {
		t.Errorf("基本完成 on a new measure:\n%s", excerptOf(body))
	}
	resp, body = e.post(path, merge(good, "status", "正在整改"))
	wantRedirect(t, resp, body, fmt.Sprintf("/problems/%d", p.ID))
	ms, _ := e.st.ProblemMeasures(ctx, p.ID)
	if len(ms) != 2 || ms[1].Owner != "王五" || ms[1].Kind != zhenggai.MeasureMechanism || ms[1].Status != zhenggai.InProgress ||
		ms[1].Deadline != zhenggai.NewDate(2020, 11, 30) {
		t.Fatalf("measures %+v", ms[1])
	}

	resp, body = e.get(fmt.Sprintf("/measures/%d/edit", m.ID))
	wantStatus(t, resp, body, 200)
	if !strings.Contains(body, `<option value="in_progress" selected>`) || !strings.Contains(body, `name="version" value="1"`) {
		t.Error("edit form does not show the stored status and version")
	}
	upd := fmt.Sprintf("/measures/%d", m.ID)
	e.report(m)
	ev := url.Values{"seq": {"1"}, "content": {"组织机关党员干部认真学习四次"}, "owner": {"李四"}, "deadline": {""},
		"kind": {"immediate"}, "status": {"basically_completed"}, "version": {"1"}}
	resp, body = e.post(upd, merge(ev, "content", ""))
	wantStatus(t, resp, body, 422)
	resp, body = e.post(upd, ev)
	wantRedirect(t, resp, body, fmt.Sprintf("/problems/%d", p.ID))
	got, _ := e.st.Measure(ctx, m.ID)
	if got.Version != 2 || got.Status != zhenggai.BasicallyCompleted || !got.Deadline.IsZero() || got.Leader != "" {
		t.Errorf("after update %+v", got)
	}
	resp, body = e.post(upd, merge(ev, "owner", "赵六"))
	wantStatus(t, resp, body, 409)
	for _, s := range []string{"该记录已被他人修改，请刷新后再保存", `value="赵六"`, `name="version" value="2"`, "基本完成"} {
		if !strings.Contains(body, s) {
			t.Errorf("conflict page lacks %q", s)
		}
	}
	after, _ := e.st.Measure(ctx, m.ID)
	if !reflect.DeepEqual(got, after) {
		t.Error("stale update changed the measure")
	}
}

func TestMeasureStatus(t *testing.T) {
	e := newFormEnv(t)
	ctx := context.Background()
	_, _, p, m := e.seed()
	path := fmt.Sprintf("/measures/%d/status", m.ID)
	resp, body := e.post(path, url.Values{"status": {"basically_completed"}, "version": {"1"}})
	wantStatus(t, resp, body, 422)
	if !strings.Contains(body, "请先报送一条写明已做工作的整改进展") {
		t.Errorf("基本完成 without a report:\n%s", excerptOf(body))
	}
	e.report(m)
	resp, body = e.post(path, url.Values{"status": {"basically_completed"}, "version": {"1"}})
	wantRedirect(t, resp, body, fmt.Sprintf("/problems/%d", p.ID))
	if f := flashOf(t, resp); f != "已将第1项措施改为基本完成" {
		t.Errorf("flash %q", f)
	}
	got, _ := e.st.Measure(ctx, m.ID)
	if got.Status != zhenggai.BasicallyCompleted || got.Version != 2 {
		t.Errorf("after status change %+v", got)
	}
	resp, body = e.post(path, url.Values{"status": {"ongoing"}, "version": {"1"}})
	wantStatus(t, resp, body, 409)
	if !strings.Contains(body, "已被他人修改") || !strings.Contains(body, "刷新") {
		t.Errorf("stale status page:\n%s", excerptOf(body))
	}
	resp, body = e.post(path, url.Values{"status": {"finished"}, "version": {"2"}})
	wantStatus(t, resp, body, 422)
	resp, body = e.post(path, url.Values{"status": {"ongoing"}})
	wantStatus(t, resp, body, 422)
	after, _ := e.st.Measure(ctx, m.ID)
	if !reflect.DeepEqual(got, after) {
		t.Error("refused status change changed the measure")
	}
}

func TestProgressForm(t *testing.T) {
	e := newFormEnv(t)
	ctx := context.Background()
	r, _, p, m := e.seed()
	resp, body := e.get(fmt.Sprintf("/measures/%d/progress/new", m.ID))
	wantStatus(t, resp, body, 200)
	for _, s := range []string{`enctype="multipart/form-data"`, `value="2020-10-28"`, `type="file" id="files" name="files" multiple`,
		`name="measure_version" value="1"`, "不改变（现为正在整改）", `value="李四"`, "组织机关党员干部认真学习"} {
		if !strings.Contains(body, s) {
			t.Errorf("progress form lacks %q", s)
		}
	}
	path := fmt.Sprintf("/measures/%d/progress", m.ID)
	good := url.Values{"date": {"2020-10-20"}, "content": {"9月4日集中收看直播"}, "author": {"李四"}, "status": {""}, "measure_version": {"1"}}
	pdf := []byte("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n")
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")

	for _, b := range []struct {
		kv            []string
		field, reason string
	}{
		{[]string{"content", ""}, "content", "整改进展不能为空"},
		{[]string{"date", "2020-02-30"}, "date", "日期不是有效日期"},
		{[]string{"date", "2020-10-29"}, "date", "日期不能晚于今天"},
		{[]string{"status", "done"}, "status", "完成情况不正确"},
	} {
		resp, body = e.postMultipart(path, merge(good, b.kv...), upFile{"files", "签到表.pdf", pdf})
		wantStatus(t, resp, body, 422)
		wantReason(t, body, b.field, b.reason)
		wantReason(t, body, "files", "请重新选择文件")
		if n := e.counts(); n[4] != 0 {
			t.Fatalf("refused progress saved: %v", n)
		}
		if f := e.storedFiles(); len(f) != 0 {
			t.Fatalf("refused progress stored files %v", f)
		}
	}

	// A file over the limit: refused, nothing written. 33 MiB takes well
	// under a second through a local server.
	big := bytes.Repeat([]byte("x"), attach.MaxSize+1<<20)
	resp, body = e.postMultipart(path, good, upFile{"files", "扫描件.pdf", pdf}, upFile{"files", "录像.mp4", big})
	wantStatus(t, resp, body, 422)
	wantReason(t, body, "files", "“录像.mp4”过大（33MB），单个文件最大32MB")
	if !strings.Contains(body, "9月4日集中收看直播</textarea>") {
		t.Error("content not kept")
	}
	if n := e.counts(); n[4] != 0 {
		t.Fatalf("refused progress saved: %v", n)
	}
	if f := e.storedFiles(); len(f) != 0 {
		t.Fatalf("refused progress stored files %v", f)
	}

	// A web page named .pdf: refused by its content, nothing written.
	resp, body = e.postMultipart(path, good, upFile{"files", "扫描件.pdf", pdf}, upFile{"files", "会议纪要.pdf", testkit.EvidenceHTML})
	wantStatus(t, resp, body, 422)
	wantReason(t, body, "files", "“会议纪要.pdf”的内容不是PDF文件（实际是网页（HTML））")
	if n := e.counts(); n[4] != 0 || len(e.storedFiles()) != 0 {
		t.Fatal("a web page named .pdf wrote something")
	}

	// Over the unit's evidence quota (1 MB): refused, saying how much is used.
	set, _ := e.st.Settings(ctx, r.UnitID)
	set.EvidenceQuotaMB = 1
	if err := e.st.SaveSettings(ctx, r.UnitID, set); err != nil {
		t.Fatal(err)
	}
	resp, body = e.postMultipart(path, good, upFile{"files", "扫描件.pdf", append(pdf, bytes.Repeat([]byte("x"), 1<<20)...)})
	wantStatus(t, resp, body, 422)
	wantReason(t, body, "files", "本单位的佐证材料存储空间不足：上限1MB，已用0字节，本次上传1MB")
	if n := e.counts(); n[4] != 0 || len(e.storedFiles()) != 0 {
		t.Fatal("an upload over the quota wrote something")
	}
	set.EvidenceQuotaMB = zhenggai.DefaultEvidenceQuotaMB
	if err := e.st.SaveSettings(ctx, r.UnitID, set); err != nil {
		t.Fatal(err)
	}

	// More than 64 MiB in all: the body is cut off and refused.
	part := big[:22<<20]
	resp, body = e.postMultipart(path, good, upFile{"files", "a.bin", part}, upFile{"files", "b.bin", part}, upFile{"files", "c.bin", part})
	wantStatus(t, resp, body, http.StatusRequestEntityTooLarge)
	wantReason(t, body, "files", "合计超过64MB")
	if n := e.counts(); n[4] != 0 || len(e.storedFiles()) != 0 {
		t.Fatal("an oversized request wrote something")
	}

	// A stale status change: refused before anything is stored.
	if err := e.st.SetMeasureStatus(ctx, m.ID, 1, zhenggai.NotStarted); err != nil {
		t.Fatal(err)
	}
	resp, body = e.postMultipart(path, merge(good, "status", "in_progress"), upFile{"files", "a.pdf", pdf})
	wantStatus(t, resp, body, 409)
	if !strings.Contains(body, "已被他人修改（现为“未启动”）") || !strings.Contains(body, `name="measure_version" value="2"`) {
		t.Errorf("stale progress page:\n%s", excerptOf(body))
	}
	if n := e.counts(); n[4] != 0 || len(e.storedFiles()) != 0 {
		t.Fatal("stale progress wrote something")
	}

	resp, body = e.postMultipart(path, merge(good, "status", "in_progress", "measure_version", "2"),
		upFile{"files", `C:\Users\张三\Desktop\..\签到表.pdf`, pdf}, upFile{"files", "../../etc/照片.png", png}, upFile{"files", "", nil})
	wantRedirect(t, resp, body, fmt.Sprintf("/problems/%d", p.ID))
	if f := flashOf(t, resp); f != "已填报第1项措施的整改进展，附佐证材料2份，完成情况改为正在整改" {
		t.Errorf("flash %q", f)
	}
	entries, err := e.st.Progress(ctx, r.ID, 0)
	if err != nil || len(entries) != 1 {
		t.Fatalf("progress %v %v", entries, err)
	}
	pe := entries[0]
	if pe.Content != "9月4日集中收看直播" || pe.Date != zhenggai.NewDate(2020, 10, 20) || pe.Author != "李四" || pe.Status != zhenggai.InProgress {
		t.Errorf("entry %+v", pe)
	}
	if len(pe.Files) != 2 {
		t.Fatalf("files %+v", pe.Files)
	}
	want := []struct{ name, ct string }{{"签到表.pdf", "application/pdf"}, {"照片.png", "image/png"}}
	for i, f := range pe.Files {
		if f.Name != want[i].name || f.ContentType != want[i].ct {
			t.Errorf("file %d: %+v", i, f)
		}
		b, err := os.ReadFile(filepath.Join(e.dir, "files", f.SHA256[:2], f.SHA256))
		if err != nil || int64(len(b)) != f.Size {
			t.Errorf("file %s not stored: %v", f.Name, err)
		}
	}
	got, _ := e.st.Measure(ctx, m.ID)
	if got.Status != zhenggai.InProgress {
		t.Errorf("status %s", got.Status)
	}

	// Without files and without a status change.
	resp, body = e.postMultipart(path, merge(good, "measure_version", "1", "content", "又学习一次"))
	wantRedirect(t, resp, body, fmt.Sprintf("/problems/%d", p.ID))
	if f := flashOf(t, resp); f != "已填报第1项措施的整改进展" {
		t.Errorf("flash %q", f)
	}
}

func TestImport(t *testing.T) {
	e := newFormEnv(t)
	ctx := context.Background()
	resp, body := e.get("/import")
	wantStatus(t, resp, body, 200)
	for _, s := range []string{`<textarea id="text" name="text"`, `type="file" id="file" name="file"`, `enctype="multipart/form-data"`, "识别并预览"} {
		if !strings.Contains(body, s) {
			t.Errorf("import form lacks %q", s)
		}
	}

	resp, body = e.postMultipart("/import", url.Values{"text": {sample.Sangzhi}})
	wantStatus(t, resp, body, 200)
	for _, s := range []string{"确认导入", `name="confirm" value="1"`, "市委第七巡察组", "桑植县政协党组", "2020年5月11日至6月19日",
		"2020年7月27日", "14个问题、38个具体问题", "（十四）", "学习停留在表面", "尚未保存",
		"<dt>落款</dt><dd>中共政协桑植县委员会党组 2020年10月28日</dd>", "“组织整改落实情况”各段和“后续整改”各段"} {
		if !strings.Contains(body, s) {
			t.Errorf("preview lacks %q", s)
		}
	}
	if n := strings.Count(body, `<tr class="cat">`); n != 14 {
		t.Errorf("%d categories in preview, want 14", n)
	}
	if n := strings.Count(body, "<tr><td class=\"num\">"); n != 38 {
		t.Errorf("%d problems in preview, want 38", n)
	}
	if n := e.counts(); n[0] != 0 {
		t.Fatal("preview wrote a round")
	}
	// The confirm form carries the text back unchanged.
	const mark = `<input type="hidden" name="text" value="`
	i := strings.Index(body, mark)
	if i < 0 {
		t.Fatal("no hidden text in the preview")
	}
	hidden := body[i+len(mark):]
	hidden = html.UnescapeString(hidden[:strings.IndexByte(hidden, '"')])
	if hidden != sample.Sangzhi {
		t.Error("hidden text differs from the report")
	}

	// The same through a file, with a byte order mark and Windows lines.
	file := "\xef\xbb\xbf" + strings.ReplaceAll(sample.Sangzhi, "\n", "\r\n")
	resp, body = e.postMultipart("/import", url.Values{"text": {""}}, upFile{"file", "桑植.txt", []byte(file)})
	wantStatus(t, resp, body, 200)
	if n := strings.Count(body, `<tr class="cat">`); n != 14 {
		t.Errorf("%d categories from the file, want 14", n)
	}

	// Back to the form keeps the text.
	resp, body = e.postMultipart("/import", url.Values{"text": {sample.Sangzhi}, "confirm": {"1"}, "back": {"1"}})
	wantStatus(t, resp, body, 200)
	if !strings.Contains(body, "根据市委统一部署") || !strings.Contains(body, `<textarea id="text"`) || e.counts()[0] != 0 {
		t.Error("back did not show the form with the text")
	}

	resp, body = e.postMultipart("/import", url.Values{"text": {sample.Sangzhi}, "confirm": {"1"}, "unit_parent": {e.office}})
	wantRedirect(t, resp, body, "/rounds/1")
	if f := flashOf(t, resp); !strings.HasPrefix(f, "已导入：14个问题、38个具体问题") {
		t.Errorf("flash %q", f)
	}
	n := e.counts()
	if n[0] != 1 || n[1] != 14 || n[2] != 38 || n[3] == 0 {
		t.Errorf("after import %v", n)
	}
	rd, _ := e.st.Round(ctx, 1)
	if rd.Inspector != "市委第七巡察组" || rd.Unit != "桑植县政协党组" || rd.Declared.Completed != 35 ||
		rd.ReportSignature != "中共政协桑植县委员会党组" || !strings.HasPrefix(rd.ReportFollowUp, "市委此次巡察") {
		t.Errorf("round %+v", rd)
	}

	// A second preview of the same report says it was imported before.
	resp, body = e.postMultipart("/import", url.Values{"text": {sample.Sangzhi}})
	wantStatus(t, resp, body, 200)
	if !strings.Contains(body, "该报告可能已经导入过") || !strings.Contains(body, `href="/rounds/1"`) {
		t.Error("no notice of an earlier import")
	}

	for _, b := range []struct {
		name, text string
		file       []byte
		field      string
		reason     string
	}{
		{"garbage", "今天天气很好。\n明天开会。", nil, "text", "未能识别为巡察整改进展情况报告"},
		{"compilation", "市财政局党组\n1.预算执行偏慢。\n整改情况：已整改。\n市审计局党组\n1.整改跟踪不到位。\n整改情况：已整改。", nil, "text",
			"这份文本汇编了2个单位的整改情况（市财政局党组、市审计局党组）"},
		{"empty", "  \n ", nil, "text", "请粘贴报告全文"},
		{"gbk file", "", []byte("\xb8\xf9\xbe\xdd\xca\xd0\xce\xaf"), "file", "UTF-8"},
		{"too long", strings.Repeat("字", 1<<20), nil, "text", "内容过长（最多2MB）"},
	} {
		t.Run(b.name, func(t *testing.T) {
			var files []upFile
			if b.file != nil {
				files = append(files, upFile{"file", "报告.txt", b.file})
			}
			resp, body := e.postMultipart("/import", url.Values{"text": {b.text}, "confirm": {"1"}, "unit_parent": {e.office}}, files...)
			wantStatus(t, resp, body, 422)
			wantReason(t, body, b.field, b.reason)
			if b.name == "garbage" && !strings.Contains(body, "今天天气很好。\n明天开会。</textarea>") {
				t.Error("text not kept")
			}
			if n := e.counts(); n[0] != 1 {
				t.Errorf("refused import wrote: %v", n)
			}
		})
	}
}
