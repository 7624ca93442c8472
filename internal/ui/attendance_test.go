package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// TestAttendancePages: the office imports a punch list (a stranger's row
// refused by row, nothing written), the month's grid shows each day's
// state — a 调休 Saturday missed is 缺卡, a holiday 节假日, approved leave
// 请假 —; a leave is asked for on the phone-sized form, approved and
// returned (销假); a year's calendar is saved (a bad line named).
func TestAttendancePages(t *testing.T) {
	e := newFormEnv(t)
	r, _, _, _ := e.seed()
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	u, _ := e.st.Unit(ctx, r.UnitID)
	clerk := &formEnv{t: t, dir: e.dir, st: e.st, srv: e.srv, c: &http.Client{CheckRedirect: e.c.CheckRedirect,
		Jar: testkit.Jar(t, e.srv.URL, testkit.SignIn(t, e.st, zhenggai.RoleUnitAdmin, u.Name, "办公室"))}}
	for _, p := range []zhenggai.Person{{Name: "王明", Kind: zhenggai.PersonLeader, Rank: "主席"}, {Name: "李华", Kind: zhenggai.PersonStaff}} {
		p.UnitID = r.UnitID
		if err := e.st.SavePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	bad := "姓名,部门,打卡时间\n王明,办公室,2020-09-28 08:01\n赵六,办公室,2020-09-28 08:02\n"
	resp, body := clerk.postMultipart("/attendance/import", nil, upFile{"file", "打卡.csv", []byte(bad)})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "第3行：姓名“赵六”不在本单位人员名册中") {
		t.Errorf("a stranger's row is not named:\n%s", excerptOf(body))
	}
	if l, _ := e.st.SignIns(ctx, store.SignInQuery{UnitID: r.UnitID}); len(l) != 0 {
		t.Fatal("a refused import wrote sign-ins")
	}
	good := "姓名,部门,打卡时间\n王明,办公室,2020-09-28 08:01\n王明,办公室,2020-09-28 17:40\n李华,办公室,2020-09-28 07:55\n" +
		"李华,办公室,2020-09-29 07:55\n王明,办公室,2020-09-29 08:05\n"
	resp, body = clerk.postMultipart("/attendance/import", nil, upFile{"file", "打卡.csv", []byte(good)})
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/attendance?month=2020-09") {
		t.Fatalf("import: %d %s\n%s", resp.StatusCode, resp.Header.Get("Location"), excerptOf(body))
	}
	// 李华 on sick leave 9月30日 (approved); the 10月 grid: 10月1日 a holiday.
	resp, body = clerk.post("/leaves", url.Values{"name": {"李华"}, "kind": {"sick"}, "from": {"2020-09-30"}, "to": {"2020-09-30"},
		"reason": {"发烧就医"}, "approved_by": {"王明"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("leave: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	resp, body = clerk.post("/leaves", url.Values{"name": {"查无此人"}, "kind": {"sick"}, "from": {"2020-09-30"}, "to": {"2020-09-29"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "不在本单位人员名册中") || !strings.Contains(body, "结束日期早于开始日期") {
		t.Errorf("a bad leave is not refused by field:\n%s", excerptOf(body))
	}
	resp, body = clerk.get("/attendance?month=2020-09")
	wantStatus(t, resp, body, http.StatusOK)
	for _, want := range []string{`class="list rowcards" id="sign-in-grid"`, `data-label="姓名"`, `class="day signed" title="2020年9月28日 已签到 08:01—17:40"`,
		`class="day gap" title="2020年9月27日 既无签到也无批准的请假（调休上班）"`, `class="day leave" title="2020年9月30日 病假"`, `class="day off"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the grid lacks %q", want)
		}
	}
	if !strings.Contains(body, `class="day gap" title="2020年9月27日`) {
		t.Errorf("the 调休 Sunday 9月27日 missed is not 缺卡:\n%s", excerptOf(body))
	}
	resp, body = clerk.get("/leaves")
	wantStatus(t, resp, body, http.StatusOK)
	ls, _ := e.st.Leaves(ctx, store.LeaveQuery{UnitID: r.UnitID})
	if len(ls) != 1 || !ls[0].Approved() || !strings.Contains(body, "未销假") || !strings.Contains(body, "2020年10月9日") {
		t.Fatalf("leaves %+v\n%s", ls, excerptOf(body))
	}
	resp, body = clerk.post(fmt.Sprintf("/leaves/%d/return", ls[0].ID), url.Values{"version": {fmt.Sprint(ls[0].Version)}, "returned_on": {"2020-10-09"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("return: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	if l, _ := e.st.Leave(ctx, ls[0].ID); l.ReturnedOn != zhenggai.NewDate(2020, 10, 9) {
		t.Fatalf("not returned: %+v", l)
	}
	resp, body = clerk.get("/leaves/new")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, `class="edit narrow"`) || !strings.Contains(body, `<option value="王明">`) {
		t.Errorf("the leave form:\n%s", excerptOf(body))
	}
	// The clerk's account is linked to no person of the roster: the
	// form names no one for him (not his account's name).
	if !strings.Contains(body, `name="name" value=""`) {
		t.Errorf("the leave form offers a name that is no one's:\n%s", excerptOf(body))
	}
	resp, body = clerk.get("/attendance/calendar?year=2020")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "2020-10-10 班 国庆节、中秋节调休") {
		t.Errorf("the built-in 2020:\n%s", excerptOf(body))
	}
	resp, body = clerk.post("/attendance/calendar", url.Values{"year": {"2020"}, "version": {"0"}, "days": {"2020-10-01 休 国庆节\n2020-10-33 休"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "第2行") {
		t.Errorf("a bad line is not named:\n%s", excerptOf(body))
	}
	resp, _ = clerk.post("/attendance/calendar", url.Values{"year": {"2020"}, "version": {"0"}, "days": {"2020-10-01 休 国庆节\n2020-09-28 休 本地假日"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("calendar save: %d", resp.StatusCode)
	}
	if cal, _ := e.st.WorkCalendar(ctx, r.UnitID); cal.WorkingDay(zhenggai.NewDate(2020, 9, 28)) {
		t.Error("the unit's day off is a working day")
	}
	resp, body = clerk.get("/attendance.xlsx?month=2020-09")
	wantStatus(t, resp, body, http.StatusOK)
	// A day entered by hand (补录): 李华's 10月9日.
	resp, body = clerk.post("/attendance/sign-ins", url.Values{"name": {"李华"}, "on": {"2020-10-09"}, "first_in": {"08:10"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("entry: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	if l, _ := e.st.SignIns(ctx, store.SignInQuery{UnitID: r.UnitID, From: zhenggai.NewDate(2020, 10, 9)}); len(l) != 1 || l[0].FirstIn != 490 ||
		l[0].Source != "手工录入" {
		t.Fatalf("entered %+v", l)
	}
	// An office app's month matrix, through the same form: 王明's 正常 is
	// a day signed without a time.
	matrix := "2020年10月考勤月报\n姓名,部门,12,13,出勤天数\n王明,办公室,正常,√,2\n李华,办公室,08:10 17:30,事假,1\n"
	resp, body = clerk.postMultipart("/attendance/import", nil, upFile{"file", "10月考勤月报.csv", []byte(matrix)})
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/attendance?month=2020-10") {
		t.Fatalf("matrix import: %d %s\n%s", resp.StatusCode, resp.Header.Get("Location"), excerptOf(body))
	}
	resp, body = clerk.get("/attendance?month=2020-10")
	wantStatus(t, resp, body, http.StatusOK)
	for _, want := range []string{"每人一行、每天一列的月度汇总", `title="2020年10月12日 已签到（未记打卡时间）"`, `title="2020年10月13日 已签到（未记打卡时间）"`,
		`title="2020年10月12日 已签到 08:10—17:30"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the month matrix's days: the grid lacks %q", want)
		}
	}
	// The inspection office reads the unit's, without its forms.
	resp, body = e.get(fmt.Sprintf("/units/%d/attendance?month=2020-09", r.UnitID))
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, `class="day signed"`) || strings.Contains(body, `action="/attendance/import"`) ||
		!strings.Contains(body, fmt.Sprintf(`href="/units/%d/leaves"`, r.UnitID)) {
		t.Errorf("the office's view of the unit:\n%s", excerptOf(body))
	}
	resp, body = e.get(fmt.Sprintf("/units/%d/leaves", r.UnitID))
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "发烧就医") || strings.Contains(body, `/return"`) {
		t.Errorf("the office's view of the leaves:\n%s", excerptOf(body))
	}
}
