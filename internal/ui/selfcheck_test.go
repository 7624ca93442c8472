package ui_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// TestSelfCheckPages: the unit's office sees its findings by area with
// their records' links, sets a rule's threshold, and turns the findings
// into a round of 自查 whose problem shows its records as 佐证; a leader
// may look but not do so; the administrator sees every unit's counts.
func TestSelfCheckPages(t *testing.T) {
	e := newFormEnv(t)
	r, _, _, _ := e.seed()
	ctx := context.Background()
	u, _ := e.st.Unit(ctx, r.UnitID)
	as := func(role zhenggai.Role, name string) *formEnv {
		return &formEnv{t: t, dir: e.dir, st: e.st, srv: e.srv, c: &http.Client{CheckRedirect: e.c.CheckRedirect,
			Jar: testkit.Jar(t, e.srv.URL, testkit.SignIn(t, e.st, role, u.Name, name))}}
	}
	clerk, leader := as(zhenggai.RoleUnitAdmin, "办公室"), as(zhenggai.RoleLeader, "张主席")

	// An unsigned voucher of 2万元 buying souvenirs, behind the program's back.
	db, err := sql.Open("sqlite", "file:"+filepath.Join(e.dir, store.DBFile)+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	res, err := db.Exec(`INSERT INTO vouchers (unit_id, period, date, word, number, summary, attachments, imported_at)
		VALUES (?, '2019-03', '2019-03-05', '记', 15, '购买纪念品', 2, '2020-01-01T00:00:00Z')`, r.UnitID)
	if err != nil {
		t.Fatal(err)
	}
	vid, _ := res.LastInsertId()
	if _, err := db.Exec(`INSERT INTO voucher_lines (unit_id, voucher_id, seq, summary, account_code, debit) VALUES (?, ?, 1, '购买纪念品', '5101', 2000000)`, r.UnitID, vid); err != nil {
		t.Fatal(err)
	}
	db.Close()

	page := fmt.Sprintf("/selfcheck?unit=%d&from=2016-01-01&to=2020-12-31", r.UnitID)
	resp, body := clerk.get(page)
	wantStatus(t, resp, body, http.StatusOK)
	for _, want := range []string{`href="/selfcheck"`, "发现问题3个", "<h3>三重一大（1）</h3>", "<h3>财务管理（2）</h3>",
		"2019年有1笔单笔1万元以上开支未经党组会议研究，金额合计2万元", fmt.Sprintf(`<a href="/vouchers/%d">记-15号（2019年3月）</a>`, vid),
		`class="list rowcards selfcheck-findings"`, `data-label="发现的问题"`, `name="selfcheck.large_expense.threshold" value="10000"`, "生成自查整改轮次"} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %q:\n%s", want, excerptOf(body))
		}
	}
	resp, body = clerk.get(fmt.Sprintf("/selfcheck.xlsx?unit=%d", r.UnitID))
	wantStatus(t, resp, body, http.StatusOK)

	// The threshold raised to 5万元: the expense is no finding.
	resp, body = clerk.post("/selfcheck/settings", url.Values{"unit": {fmt.Sprint(r.UnitID)}, "selfcheck.large_expense.threshold": {"50000"},
		"selfcheck.forbidden_purpose.words": {"纪念品\n礼品\n购物卡\n土特产\n高档烟酒\n烟酒\n消费卡\n礼金"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("settings: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	if got, _ := e.st.NamedSettings(ctx, r.UnitID, "selfcheck."); got["selfcheck.large_expense.threshold"] != "50000" || got["selfcheck.forbidden_purpose.words"] != "" {
		t.Errorf("settings stored: %v (the default kept as a default)", got)
	}
	if _, body = clerk.get(page); strings.Contains(body, "未经党组会议研究") || !strings.Contains(body, `value="50000"`) {
		t.Errorf("the threshold set is not applied:\n%s", excerptOf(body))
	}
	if resp, _ := leader.post("/selfcheck/settings", url.Values{"unit": {fmt.Sprint(r.UnitID)}, "selfcheck.large_expense.threshold": {"1"}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a leader sets the rules: %d", resp.StatusCode)
	}
	clerk.post("/selfcheck/settings", url.Values{"unit": {fmt.Sprint(r.UnitID)}, "selfcheck.large_expense.threshold": {""}})

	// A leader reads, without the choice; he may not make a round.
	resp, body = leader.get(page)
	wantStatus(t, resp, body, http.StatusOK)
	if strings.Contains(body, `name="key"`) {
		t.Error("a leader is offered to make a round")
	}
	form := url.Values{"unit": {fmt.Sprint(r.UnitID)}, "from": {"2016-01-01"}, "to": {"2020-12-31"}, "key": {"voucher_approval-1", "large_expense-1"}}
	if resp, _ := leader.post("/selfcheck/round", form); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a leader makes a round: %d", resp.StatusCode)
	}
	resp, body = clerk.post("/selfcheck/round", url.Values{"unit": {fmt.Sprint(r.UnitID)}})
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/selfcheck?") {
		t.Errorf("a round of nothing: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	resp, body = clerk.post("/selfcheck/round", form)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("round: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	m := regexp.MustCompile(`^/rounds/(\d+)$`).FindStringSubmatch(resp.Header.Get("Location"))
	if m == nil {
		t.Fatalf("redirected to %q", resp.Header.Get("Location"))
	}
	var id int64
	fmt.Sscan(m[1], &id)
	l, err := e.st.Ledger(ctx, id, zhenggai.NewDate(2020, 10, 28))
	if err != nil {
		t.Fatal(err)
	}
	if l.Round.Kind != zhenggai.KindSelfInspection || len(l.Categories) != 2 || l.Categories[0].Title != "三重一大" ||
		len(l.Categories[1].Problems) != 1 {
		t.Fatalf("round %+v with %d categories", l.Round, len(l.Categories))
	}
	pb := l.Categories[0].Problems[0]
	resp, body = clerk.get(fmt.Sprintf("/problems/%d", pb.ID))
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "佐证（自查发现的记录，1条）") || !strings.Contains(body, fmt.Sprintf(`<a href="/vouchers/%d">`, vid)) {
		t.Errorf("the problem does not link its record:\n%s", excerptOf(body))
	}

	// Another unit's findings are not the clerk's; the administrator sees
	// every unit's counts.
	if resp, _ := clerk.get("/selfcheck?unit=" + e.office); resp.StatusCode != http.StatusForbidden {
		t.Errorf("the clerk reads another unit's findings: %d", resp.StatusCode)
	}
	resp, body = e.get("/selfcheck/units?from=2016-01-01&to=2020-12-31")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, fmt.Sprintf(`<a href="/selfcheck?unit=%d&amp;from=2016-01-01&amp;to=2020-12-31">%s</a>`, r.UnitID, u.Name)) ||
		!strings.Contains(body, `<td class="num" data-label="财务管理">2</td>`) {
		t.Errorf("the units' table:\n%s", excerptOf(body))
	}
	if resp, body := clerk.get("/selfcheck?unit=" + fmt.Sprint(r.UnitID) + "&from=2020-01-01&to=2019-01-01"); resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "截止日期不能早于起始日期") {
		t.Errorf("a period backwards: %d", resp.StatusCode)
	}
}

// TestSelfCheckLinksToTheUnit: the inspection office's self-check of a
// unit under it links the attendance and leave findings to that unit's
// pages (/units/{id}/attendance, /units/{id}/leaves), which answer him;
// the unit's own clerk is linked to his own (/attendance).
func TestSelfCheckLinksToTheUnit(t *testing.T) {
	e := newFormEnv(t)
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	office := e.adminUnit("县委巡察办", 0)
	unit := e.adminUnit("甲单位", office.ID)
	wang := &zhenggai.Person{UnitID: unit.ID, Name: "王明", Kind: zhenggai.PersonLeader, Rank: "主席"}
	li := &zhenggai.Person{UnitID: unit.ID, Name: "李华", Kind: zhenggai.PersonStaff}
	for _, p := range []*zhenggai.Person{wang, li} {
		if err := e.st.SavePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	// 王明 signs every working day of 2020年9月 (the 调休 Sunday 9月27日
	// too); 李华 only on the first and the last: a gap of 20 working days.
	im := &store.SignInImport{UnitID: unit.ID, FileName: "打卡.csv", Source: "考勤机"}
	cal := zhenggai.NewWorkCalendar(nil)
	for d := zhenggai.NewDate(2020, 9, 1); !zhenggai.NewDate(2020, 9, 30).Before(d); d = d.AddDays(1) {
		if !cal.WorkingDay(d) {
			continue
		}
		im.Rows = append(im.Rows, store.SignInRow{Name: "王明", On: d, FirstIn: 480, LastOut: 1050})
		if d.Day() == 1 || d.Day() == 30 {
			im.Rows = append(im.Rows, store.SignInRow{Name: "李华", On: d, FirstIn: 475, LastOut: 1060})
		}
	}
	if _, err := e.st.ImportSignIns(ctx, im, false); err != nil {
		t.Fatal(err)
	}
	// 王明's day of approved leave, never returned (未销假).
	leave := &zhenggai.Leave{UnitID: unit.ID, Name: "王明", Kind: zhenggai.LeavePersonal, From: zhenggai.NewDate(2020, 9, 10),
		To: zhenggai.NewDate(2020, 9, 10), Reason: "家中有事", ApprovedBy: "张书记", ApprovedOn: zhenggai.NewDate(2020, 9, 9)}
	if err := e.st.SaveLeave(ctx, leave); err != nil {
		t.Fatal(err)
	}
	as := func(role zhenggai.Role, u *zhenggai.Unit, name string) *formEnv {
		return &formEnv{t: t, dir: e.dir, st: e.st, srv: e.srv, c: &http.Client{CheckRedirect: e.c.CheckRedirect,
			Jar: testkit.Jar(t, e.srv.URL, testkit.SignIn(t, e.st, role, u.Name, name))}}
	}
	sup, clerk := as(zhenggai.RoleSupervisor, office, "巡察办李明"), as(zhenggai.RoleUnitAdmin, unit, "办公室")

	// From the table of units to the unit's findings.
	resp, body := sup.get("/selfcheck/units?from=2020-09-01&to=2020-09-30")
	wantStatus(t, resp, body, http.StatusOK)
	page := fmt.Sprintf("/selfcheck?unit=%d&amp;from=2020-09-01&amp;to=2020-09-30", unit.ID)
	if !strings.Contains(body, `href="`+page+`"`) {
		t.Fatalf("the table of units does not link the unit's findings %s:\n%s", page, excerptOf(body))
	}
	resp, body = sup.get(strings.ReplaceAll(page, "&amp;", "&"))
	wantStatus(t, resp, body, http.StatusOK)
	attendance := fmt.Sprintf("/units/%d/attendance#person-%d", unit.ID, li.ID)
	leaves := fmt.Sprintf("/units/%d/leaves#leave-%d", unit.ID, leave.ID)
	for _, want := range []string{"李华在2020年9月1日至9月30日", `href="` + attendance + `"`, "未销假", `href="` + leaves + `"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the office's self-check of the unit lacks %q:\n%s", want, excerptOf(body))
		}
	}
	if strings.Contains(body, `href="/attendance#`) || strings.Contains(body, `href="/leaves#`) {
		t.Errorf("the office is linked to its own unit's registers:\n%s", excerptOf(body))
	}
	// The links answer him, with the unit's rows.
	for _, c := range []struct{ href, want string }{
		{attendance, fmt.Sprintf(`id="person-%d"`, li.ID)},
		{leaves, fmt.Sprintf(`id="leave-%d"`, leave.ID)},
	} {
		path, _, _ := strings.Cut(c.href, "#")
		if strings.Contains(path, "attendance") {
			path += "?month=2020-09"
		} else {
			path += "?year=2020"
		}
		resp, body := sup.get(path)
		wantStatus(t, resp, body, http.StatusOK)
		if !strings.Contains(body, c.want) {
			t.Errorf("%s lacks the linked row %s:\n%s", path, c.want, excerptOf(body))
		}
	}
	// The unit's own clerk is linked to his own registers.
	resp, body = clerk.get("/selfcheck?from=2020-09-01&to=2020-09-30")
	wantStatus(t, resp, body, http.StatusOK)
	for _, want := range []string{fmt.Sprintf(`href="/attendance#person-%d"`, li.ID), fmt.Sprintf(`href="/leaves#leave-%d"`, leave.ID)} {
		if !strings.Contains(body, want) {
			t.Errorf("the clerk's self-check lacks %q:\n%s", want, excerptOf(body))
		}
	}
	// The gap made a problem of a 自查 round: its 佐证 links the same way,
	// the unit's list for the office, the clerk's own for him.
	resp, body = clerk.post("/selfcheck/round", url.Values{"unit": {fmt.Sprint(unit.ID)}, "from": {"2020-09-01"}, "to": {"2020-09-30"},
		"key": {"attendance_gap-1"}})
	m := regexp.MustCompile(`^/rounds/(\d+)$`).FindStringSubmatch(resp.Header.Get("Location"))
	if resp.StatusCode != http.StatusSeeOther || m == nil {
		t.Fatalf("round: %d %s\n%s", resp.StatusCode, resp.Header.Get("Location"), excerptOf(body))
	}
	var id int64
	fmt.Sscan(m[1], &id)
	l, err := e.st.Ledger(ctx, id, zhenggai.NewDate(2020, 10, 28))
	if err != nil || len(l.Categories) != 1 || len(l.Categories[0].Problems) != 1 {
		t.Fatalf("round %d: %v", id, err)
	}
	problem := fmt.Sprintf("/problems/%d", l.Categories[0].Problems[0].ID)
	for _, c := range []struct {
		who  *formEnv
		href string
	}{{sup, attendance}, {clerk, fmt.Sprintf("/attendance#person-%d", li.ID)}} {
		resp, body := c.who.get(problem)
		wantStatus(t, resp, body, http.StatusOK)
		if !strings.Contains(body, `<a href="`+c.href+`">李华</a>`) {
			t.Errorf("the problem does not link %s:\n%s", c.href, excerptOf(body))
		}
	}
}
