package ui_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// tasksEnv is a unit under an inspection office with a round whose
// measures name an owner and a leader, on 2020年10月28日 (formClock).
type tasksEnv struct {
	t      *testing.T
	st     *store.Store
	srv    *httptest.Server
	round  *zhenggai.Round
	prob   *zhenggai.Problem
	ms     []*zhenggai.Measure // 覃丽's overdue one led by 向建国, 覃丽's yellow one, 陈伟's
	logins map[string]*testkit.Login
}

func newTasksEnv(t *testing.T, env *testkit.Env) *tasksEnv {
	t.Helper()
	st := env.Store
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	e := &tasksEnv{t: t, st: st, logins: map[string]*testkit.Login{}}
	e.logins["office"] = testkit.SignIn(t, st, zhenggai.RoleSupervisor, "县委巡察办", "巡察办李明")
	e.round = &zhenggai.Round{Unit: "桑植县政协党组", Inspector: "县委第一巡察组", Kind: zhenggai.KindInspection, FeedbackDate: zhenggai.NewDate(2020, 7, 27)}
	if err := st.CreateRound(ctx, e.round); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveUnit(ctx, &zhenggai.Unit{ID: e.round.UnitID, Name: e.round.Unit, ParentID: e.logins["office"].User.UnitID}); err != nil {
		t.Fatal(err)
	}
	c := &zhenggai.Category{RoundID: e.round.ID, Seq: 1, Title: "学习贯彻不深入"}
	if err := st.CreateCategory(ctx, c); err != nil {
		t.Fatal(err)
	}
	e.prob = &zhenggai.Problem{CategoryID: c.ID, Seq: 1, Title: "学习停留在表面"}
	if err := st.CreateProblem(ctx, e.prob); err != nil {
		t.Fatal(err)
	}
	for i, m := range []*zhenggai.Measure{
		{Content: "组织集中学习", Leader: "向建国", Owner: "覃丽", Deadline: zhenggai.NewDate(2020, 10, 20)},
		{Content: "建立学习台账", Leader: "王志华", Owner: "覃丽", Deadline: zhenggai.NewDate(2020, 11, 5)},
		{Content: "开展专题研讨", Leader: "向建国", Owner: "陈伟", Deadline: zhenggai.NewDate(2020, 12, 31)},
	} {
		m.ProblemID, m.Seq, m.Kind, m.Status = e.prob.ID, i+1, zhenggai.MeasureImmediate, zhenggai.InProgress
		if err := st.CreateMeasure(ctx, m); err != nil {
			t.Fatal(err)
		}
		e.ms = append(e.ms, m)
	}
	e.logins["owner"] = testkit.SignIn(t, st, zhenggai.RoleResponsible, e.round.Unit, "覃丽")
	e.logins["leader"] = testkit.SignIn(t, st, zhenggai.RoleLeader, e.round.Unit, "向建国")
	e.logins["unit-admin"] = testkit.SignIn(t, st, zhenggai.RoleUnitAdmin, e.round.Unit, "办公室甲")
	e.logins["admin"] = testkit.Admin(t, st)
	// 覃丽 reports with evidence and asks to close the overdue one.
	m, err := st.Measure(ctx, e.ms[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.AddProgress(ctx, &zhenggai.Progress{MeasureID: m.ID, Date: zhenggai.NewDate(2020, 10, 26), Content: "已组织集中学习三次",
		Author: "覃丽", Files: []zhenggai.Attachment{{Name: "签到表.pdf",
			SHA256: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", Size: 3, ContentType: "application/pdf"}}},
		m.Version); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CloseMeasure(ctx, m.ID, zhenggai.CloseRequest, "覃丽", ""); err != nil {
		t.Fatal(err)
	}
	e.srv = env.Serve(t, formClock)
	return e
}

// get answers the path for a login without following redirects.
func (e *tasksEnv) get(who, path string) (*http.Response, string) {
	e.t.Helper()
	c := &http.Client{Jar: testkit.Jar(e.t, e.srv.URL, e.logins[who]),
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(e.srv.URL + path)
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

func (e *tasksEnv) page(who, path string) string {
	e.t.Helper()
	resp, body := e.get(who, path)
	if resp.StatusCode != 200 {
		e.t.Fatalf("%s %s: %d %s", who, path, resp.StatusCode, excerptOf(body))
	}
	return body
}

var taskRow = regexp.MustCompile(`(?s)<tr>\s*<td class="num"[^>]*>(\d+)</td>.*?</tr>`)

// rowsOf is the text of the rows of the table with the id, tags dropped.
func rowsOf(body, id string) []string {
	i := strings.Index(body, `id="`+id+`"`)
	if i < 0 {
		return nil
	}
	table := body[i:]
	table = table[:strings.Index(table, "</table>")]
	var out []string
	for _, m := range taskRow.FindAllString(table, -1) {
		out = append(out, strings.Join(strings.Fields(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(m, " ")), " "))
	}
	return out
}

// TestTasksPage: an owner and a leader start on 我的任务, which lists their
// measures worst first and what waits for them, counted in the menu; the
// rounds stay a click away; others keep the rounds as their home.
func TestTasksPage(t *testing.T) {
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		e := newTasksEnv(t, env)
		for _, who := range []string{"owner", "leader"} {
			if resp, _ := e.get(who, "/"); resp.StatusCode != 303 || resp.Header.Get("Location") != "/tasks" {
				t.Errorf("%s's home: %d → %q", who, resp.StatusCode, resp.Header.Get("Location"))
			}
			if !strings.Contains(e.page(who, "/rounds"), "县委第一巡察组") {
				t.Errorf("%s cannot list the rounds", who)
			}
		}
		for _, who := range []string{"office", "unit-admin", "admin"} {
			if resp, body := e.get(who, "/"); resp.StatusCode != 200 || !strings.Contains(body, "<h1>巡察轮次</h1>") {
				t.Errorf("%s's home: %d", who, resp.StatusCode)
			}
		}

		owner := e.page("owner", "/tasks")
		rows := rowsOf(owner, "tasks-measures")
		if len(rows) != 2 || !strings.HasPrefix(rows[0], "1 县委第一巡察组巡察桑植县政协党组 1.学习停留在表面 组织集中学习 责任人 2020年10月20日") ||
			!strings.Contains(rows[0], "逾期8天") || !strings.Contains(rows[0], "已申请销号") ||
			!strings.HasPrefix(rows[1], "2 ") || !strings.Contains(rows[1], "建立学习台账") || !strings.Contains(rows[1], "剩8天") {
			t.Errorf("owner's measures: %q", rows)
		}
		if strings.Contains(owner, "开展专题研讨") || strings.Contains(owner, `id="tasks-approve"`) {
			t.Error("the owner sees another's measure or closings to approve")
		}
		// Waiting: one overdue measure.
		if !strings.Contains(owner, `<span class="count" id="tasks-count">1</span>`) {
			t.Errorf("owner's menu count: %s", excerptOf(owner))
		}
		if !strings.Contains(owner, fmt.Sprintf(`href="/measures/%d/progress/new"`, e.ms[1].ID)) {
			t.Error("the owner is not offered to report on his measure")
		}

		leader := e.page("leader", "/tasks")
		if rows := rowsOf(leader, "tasks-approve"); len(rows) != 1 || !strings.Contains(rows[0], "组织集中学习 覃丽") {
			t.Errorf("leader's closings to approve: %q", rows)
		}
		if rows := rowsOf(leader, "tasks-progress"); len(rows) != 1 || !strings.Contains(rows[0], "2020年10月26日 覃丽") ||
			!strings.Contains(rows[0], "已组织集中学习三次") {
			t.Errorf("leader's progress to look at: %q", rows)
		}
		if rows := rowsOf(leader, "tasks-measures"); len(rows) != 2 || !strings.Contains(rows[0], "组织集中学习 责任领导") ||
			!strings.Contains(rows[1], "开展专题研讨") {
			t.Errorf("leader's measures: %q", rows)
		}
		// Waiting: the closing and the overdue measure.
		if !strings.Contains(leader, `id="tasks-count">2</span>`) {
			t.Error("leader's menu count is not 2")
		}
		// The unit's office has no link until something is assigned to it.
		if strings.Contains(e.page("unit-admin", "/rounds"), `id="tasks-link"`) {
			t.Error("the unit's office is shown an empty 我的任务")
		}

		// The API says the same.
		var api struct {
			Waiting  int
			Colours  map[string]int
			Measures []struct {
				ID       int64
				Content  string
				Colour   string
				DaysLeft int `json:"days_left"`
				Round    string
				Leads    bool
				Owns     bool
			}
			Approve  []struct{ ID int64 }
			Progress []struct {
				Content string
				Measure struct{ ID int64 }
			}
			Opinions []any
		}
		getJSON(t, e.srv.URL+"/api/v1/tasks", e.logins["leader"], &api)
		if api.Waiting != 2 || api.Colours["red"] != 1 || len(api.Measures) != 2 || api.Measures[0].ID != e.ms[0].ID ||
			api.Measures[0].Colour != "red" || api.Measures[0].DaysLeft != -8 || !api.Measures[0].Leads || api.Measures[0].Owns ||
			len(api.Approve) != 1 || api.Approve[0].ID != e.ms[0].ID || len(api.Progress) != 1 || api.Progress[0].Measure.ID != e.ms[0].ID ||
			api.Opinions == nil {
			t.Errorf("GET /api/v1/tasks: %+v", api)
		}
	})
}

// getJSON reads an API answer for a login into v.
func getJSON(t *testing.T, url string, l *testkit.Login, v any) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	l.Bearer(req)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %s", url, resp.StatusCode, b)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("GET %s: %v in %s", url, err, b)
	}
}

// book is a downloaded list opened back with excelize.
type book struct {
	t     *testing.T
	f     *excelize.File
	sheet string
	rows  [][]string
}

// download fetches a list's export as who and checks what every list
// shares: a workbook named for what it holds (filename* in UTF-8, an
// ASCII fallback), a title row, the header with 序号 first and the given
// columns, and 序号 numbered 1… as numbers.
func (e *tasksEnv) download(who, path, sheet string, name []string, header ...string) *book {
	e.t.Helper()
	resp, body := e.get(who, path)
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Type"), "spreadsheetml") {
		e.t.Fatalf("%s %s: %d %s %s", who, path, resp.StatusCode, resp.Header.Get("Content-Type"), excerptOf(body))
	}
	cd := resp.Header.Get("Content-Disposition")
	disp, params, err := mime.ParseMediaType(cd)
	if err != nil || disp != "attachment" || !strings.Contains(cd, "filename*=UTF-8''") || !strings.Contains(cd, `filename="zhenggai-`) {
		e.t.Errorf("%s: Content-Disposition %q (%v)", path, cd, err)
	}
	want := strings.Join(name, "-") + "-2020-10-28.xlsx"
	if params["filename"] != want {
		e.t.Errorf("%s: file name %q, want %q", path, params["filename"], want)
	}
	f, err := excelize.OpenReader(strings.NewReader(body))
	if err != nil {
		e.t.Fatalf("%s: %v", path, err)
	}
	e.t.Cleanup(func() { f.Close() })
	rows, err := f.GetRows(sheet)
	if err != nil {
		e.t.Fatalf("%s: sheet %s: %v", path, sheet, err)
	}
	if len(rows) < 2 || !strings.Contains(rows[0][0], "截至2020年10月28日") {
		e.t.Fatalf("%s: no title row: %q", path, rows)
	}
	if got, want := strings.Join(rows[1], "|"), "序号|"+strings.Join(header, "|"); got != want {
		e.t.Errorf("%s: header %q, want %q", path, got, want)
	}
	b := &book{t: e.t, f: f, sheet: sheet, rows: rows[2:]}
	for i := range b.rows {
		if n := b.num(i, 0); n != float64(i+1) {
			e.t.Errorf("%s: 序号 of row %d is %v", path, i+1, n)
		}
	}
	return b
}

// num is the number in a data row's column (from 0), failing when the
// cell holds text.
func (b *book) num(row, col int) float64 {
	b.t.Helper()
	cell, _ := excelize.CoordinatesToCellName(col+1, row+3)
	typ, err := b.f.GetCellType(b.sheet, cell)
	if err != nil {
		b.t.Fatal(err)
	}
	raw, err := b.f.GetCellValue(b.sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		b.t.Fatal(err)
	}
	v, perr := strconv.ParseFloat(raw, 64)
	if (typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber) || perr != nil {
		b.t.Errorf("%s!%s holds %q (type %v), not a number", b.sheet, cell, raw, typ)
	}
	return v
}

// shown is a data cell as Excel shows it (a percentage with its sign).
func (b *book) shown(row, col int) string {
	b.t.Helper()
	cell, _ := excelize.CoordinatesToCellName(col+1, row+3)
	v, err := b.f.GetCellValue(b.sheet, cell)
	if err != nil {
		b.t.Fatal(err)
	}
	return v
}

// TestListExports: every list's 导出Excel opens back with its columns,
// 序号 and numbers as numbers, named for the unit, the round and the day.
func TestListExports(t *testing.T) {
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		e := newTasksEnv(t, env)
		rid := e.round.ID

		b := e.download("owner", "/tasks.xlsx", "我的任务", []string{"桑植县政协党组", "覃丽", "我的任务"},
			"巡察轮次", "具体问题", "整改措施", "责任领导", "责任人", "整改时限", "剩余天数", "完成情况", "销号情况", "预警")
		if len(b.rows) != 2 || b.rows[0][3] != "组织集中学习" || b.num(0, 7) != -8 || b.num(1, 7) != 8 || b.rows[0][10] != "红色预警(逾期)" {
			t.Errorf("tasks: %q", b.rows)
		}

		b = e.download("leader", fmt.Sprintf("/rounds/%d/problems.xlsx", rid), "问题清单", []string{"桑植县政协党组", "县委第一巡察组", "问题清单"},
			"问题类别", "问题序号", "具体问题", "整改措施", "已完成措施", "逾期措施", "完成情况", "预警", "销号情况")
		if len(b.rows) != 1 || b.rows[0][1] != "(一)学习贯彻不深入" || b.num(0, 2) != 1 || b.num(0, 4) != 3 || b.num(0, 5) != 0 ||
			b.num(0, 6) != 1 || b.rows[0][7] != "正在整改" {
			t.Errorf("problems: %q", b.rows)
		}

		// With the page's filter, which its link carries.
		tree := e.page("leader", fmt.Sprintf("/rounds/%d/tree?person=%s", rid, url.QueryEscape("陈伟")))
		if !strings.Contains(tree, fmt.Sprintf(`href="/rounds/%d/problems.xlsx?person=%%E9%%99%%88%%E4%%BC%%9F"`, rid)) {
			t.Error("the problem list's export link does not carry its filter")
		}
		b = e.download("leader", fmt.Sprintf("/rounds/%d/problems.xlsx?person=%s", rid, url.QueryEscape("陈伟")), "问题清单",
			[]string{"桑植县政协党组", "县委第一巡察组", "问题清单"},
			"问题类别", "问题序号", "具体问题", "整改措施", "已完成措施", "逾期措施", "完成情况", "预警", "销号情况")
		if len(b.rows) != 1 || b.num(0, 4) != 1 || b.num(0, 6) != 0 {
			t.Errorf("problems of 陈伟's measures: %q", b.rows)
		}

		b = e.download("office", fmt.Sprintf("/rounds/%d/warnings.xlsx", rid), "预警措施", []string{"桑植县政协党组", "县委第一巡察组", "整改预警"},
			"具体问题", "整改措施", "责任领导", "责任委室", "责任人", "整改时限", "剩余天数", "完成情况", "预警")
		if len(b.rows) != 2 || b.rows[0][2] != "组织集中学习" || b.num(0, 7) != -8 || b.rows[1][2] != "建立学习台账" || b.rows[1][9] != "黄色预警" {
			t.Errorf("warnings: %q", b.rows)
		}

		b = e.download("office", "/ranking.xlsx", "整改情况排名", []string{"县委巡察办", "整改情况排名"},
			"被巡察单位", "巡察轮次", "具体问题", "已完成", "完成率", "逾期措施")
		if len(b.rows) != 1 || b.rows[0][1] != "桑植县政协党组" || b.num(0, 2) != 1 || b.num(0, 3) != 1 || b.num(0, 5) != 0 ||
			b.shown(0, 5) != "0%" || b.num(0, 6) != 1 {
			t.Errorf("ranking: %q", b.rows)
		}

		b = e.download("office", "/acceptance.xlsx", "待验收销号", []string{"县委巡察办", "待验收销号"},
			"被巡察单位", "巡察组", "问题序号", "具体问题", "报送时间")
		if len(b.rows) != 0 {
			t.Errorf("acceptance before any submission: %q", b.rows)
		}

		b = e.download("admin", "/admin/units.xlsx", "单位", []string{"系统管理", "单位"},
			"单位名称", "上级单位", "层级", "下级单位", "用户", "巡察轮次")
		found := false
		for i, r := range b.rows {
			if strings.TrimSpace(r[1]) == "桑植县政协党组" {
				found = r[2] == "县委巡察办" && b.num(i, 3) == 2 && b.num(i, 5) == 3 && b.num(i, 6) == 1
			}
		}
		if !found {
			t.Errorf("units: %q", b.rows)
		}

		b = e.download("admin", "/admin/users.xlsx", "用户", []string{"系统管理", "用户"},
			"单位", "登录名", "姓名", "角色", "主要负责人", "电子邮箱", "状态", "创建时间")
		if len(b.rows) != 5 || !strings.Contains(fmt.Sprint(b.rows), "覃丽 责任人") {
			t.Errorf("users: %q", b.rows)
		}

		b = e.download("unit-admin", "/opinions.xlsx", "意见建议", []string{"桑植县政协党组", "意见建议"},
			"编号", "涉及问题", "意见建议", "姓名", "联系方式", "收到时间", "状态", "承办人", "答复", "答复时间")
		if len(b.rows) != 0 {
			t.Errorf("opinions: %q", b.rows)
		}
		// Who may not read a list may not export it.
		for who, path := range map[string]string{"owner": "/opinions.xlsx", "leader": "/admin/users.xlsx", "unit-admin": "/admin/units.xlsx"} {
			if resp, _ := e.get(who, path); resp.StatusCode != 403 {
				t.Errorf("%s %s: %d", who, path, resp.StatusCode)
			}
		}
	})
}

// TestSearchAndLedgerFilters: a keyword of two characters finds the
// problems and measures of what the user may see, opinions only for those
// who may read them, page and API alike; the ledger narrows by status,
// colour, person and category.
func TestSearchAndLedgerFilters(t *testing.T) {
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		e := newTasksEnv(t, env)
		pub := testkit.Publish(t, e.st, e.round.ID, zhenggai.NewDate(2020, 10, 28))
		if err := e.st.CreateOpinion(context.Background(), &zhenggai.Opinion{PublicationID: pub.ID, Content: "学习记录应当公开"}); err != nil {
			t.Fatal(err)
		}
		q := "/search?q=" + url.QueryEscape("学习")
		owner := e.page("owner", q)
		if rows := rowsOf(owner, "search-problems"); len(rows) != 1 || !strings.Contains(rows[0], "1.学习停留在表面") {
			t.Errorf("owner's problems found: %q", rows)
		}
		if rows := rowsOf(owner, "search-measures"); len(rows) != 2 || !strings.Contains(rows[0], "组织集中学习") || !strings.Contains(rows[1], "建立学习台账") {
			t.Errorf("owner's measures found: %q", rows)
		}
		if strings.Contains(owner, `id="search-opinions"`) {
			t.Error("an owner finds the public's opinions")
		}
		if rows := rowsOf(e.page("unit-admin", q), "search-opinions"); len(rows) != 1 || !strings.Contains(rows[0], "学习记录应当公开") {
			t.Errorf("the unit's office's opinions found: %q", rows)
		}
		if body := e.page("owner", "/search?q="+url.QueryEscape("财务")); !strings.Contains(body, "没有找到包含“财务”的内容") {
			t.Error("a search that finds nothing does not say so")
		}
		var api struct {
			Hits []struct{ Kind, Text string }
		}
		getJSON(t, e.srv.URL+"/api/v1/search?q="+url.QueryEscape("研讨"), e.logins["office"], &api)
		if len(api.Hits) != 1 || api.Hits[0].Kind != "measure" || api.Hits[0].Text != "开展专题研讨" {
			t.Errorf("API search: %+v", api)
		}

		ledger := fmt.Sprintf("/rounds/%d/ledger", e.round.ID)
		for _, c := range []struct {
			query string
			want  []string
		}{
			{"", []string{"组织集中学习", "建立学习台账", "开展专题研讨"}},
			{"?colour=red", []string{"组织集中学习"}},
			{"?colour=yellow", []string{"建立学习台账"}},
			{"?person=" + url.QueryEscape("向建国"), []string{"组织集中学习", "开展专题研讨"}},
			{"?person=" + url.QueryEscape("陈"), []string{"开展专题研讨"}},
			{"?status=in_progress&person=" + url.QueryEscape("覃丽"), []string{"组织集中学习", "建立学习台账"}},
			{"?status=completed", nil},
			{"?category=99999", nil},
			{"?status=bogus", []string{"组织集中学习", "建立学习台账", "开展专题研讨"}},
		} {
			body := e.page("office", ledger+c.query)
			var got []string
			for _, m := range []string{"组织集中学习", "建立学习台账", "开展专题研讨"} {
				if strings.Contains(body, `<td class="content">`+m+`</td>`) {
					got = append(got, m)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Errorf("ledger%s: %q, want %q", c.query, got, c.want)
			}
			if c.want == nil && !strings.Contains(body, "没有符合筛选条件的整改措施") {
				t.Errorf("ledger%s does not say nothing is kept", c.query)
			}
		}

		// Every list offers its export.
		for who, pages := range map[string][]string{
			"office": {fmt.Sprintf("/rounds/%d/tree", e.round.ID) + ">export-problems", fmt.Sprintf("/rounds/%d", e.round.ID) + ">export-warnings",
				"/acceptance>export-acceptance", "/opinions>export-opinions", "/>export-ranking"},
			"admin": {"/admin/units>export-units", "/admin/users>export-users"},
			"owner": {"/tasks>export-tasks"},
		} {
			for _, p := range pages {
				path, id, _ := strings.Cut(p, ">")
				if !strings.Contains(e.page(who, path), `id="`+id+`"`) {
					t.Errorf("%s's %s lacks its 导出Excel", who, path)
				}
			}
		}
	})
}
