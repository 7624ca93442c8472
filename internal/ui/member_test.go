package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// TestMemberPages: the office enters a member (refused until it asks for
// his person to be entered), records an activity; the list and the file
// count his attendance from the meetings register and explain each
// point; the export, the settings (a bad scheme named by its line) and
// the import (a bad row named, nothing written); a leader reads, a
// member reads only his own file at /my/record.
func TestMemberPages(t *testing.T) {
	e := newFormEnv(t)
	r, _, _, _ := e.seed()
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	u, _ := e.st.Unit(ctx, r.UnitID)
	as := func(l *testkit.Login) *formEnv {
		return &formEnv{t: t, dir: e.dir, st: e.st, srv: e.srv, c: &http.Client{CheckRedirect: e.c.CheckRedirect,
			Jar: testkit.Jar(t, e.srv.URL, l)}}
	}
	clerk := as(testkit.SignIn(t, e.st, zhenggai.RoleUnitAdmin, u.Name, "办公室"))
	leader := as(testkit.SignIn(t, e.st, zhenggai.RoleLeader, u.Name, "张主席"))
	memberLogin := testkit.SignIn(t, e.st, zhenggai.RoleMember, u.Name, "王明")
	member := as(memberLogin)

	resp, body := clerk.get("/members")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, `href="/members"`) || !strings.Contains(body, "没有委员") {
		t.Fatalf("empty list, or no menu link:\n%s", excerptOf(body))
	}
	form := url.Values{"name": {"王明"}, "term": {"第九届"}, "sector": {"中共"}, "committee": {"经济委"}, "status": {"active"},
		"joined_on": {"2019-01-05"}, "standing": {"1"}}
	resp, body = clerk.post("/members", form)
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "人员名册中没有“王明”") {
		t.Fatalf("an unknown person is not asked about:\n%s", excerptOf(body))
	}
	form.Set("new_person", "1")
	resp, body = clerk.post("/members", form)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("create: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	ms, _ := e.st.CPPCCMembers(ctx, r.UnitID, "第九届", false)
	if len(ms) != 1 || resp.Header.Get("Location") != fmt.Sprintf("/members/%d", ms[0].ID) {
		t.Fatalf("saved %v to %s", ms, resp.Header.Get("Location"))
	}
	wang := ms[0]
	file := fmt.Sprintf("/members/%d", wang.ID)
	for i, p := range []zhenggai.Presence{zhenggai.Present, zhenggai.AbsentNoLeave} {
		m := &zhenggai.Meeting{UnitID: r.UnitID, Type: "全体会议", Date: zhenggai.NewDate(2020, 3+i, 1),
			Attendance: []zhenggai.Attendance{{Name: "王明", Presence: p}}}
		if err := e.st.SaveMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	resp, body = clerk.post(file+"/activities", url.Values{"kind": {"research"}, "title": {"乡村振兴专题调研"}, "on": {"2020-05-06"}})
	if resp.StatusCode != http.StatusSeeOther || strings.Contains(resp.Header.Get("Location"), "refused") {
		t.Fatalf("activity: %d %v", resp.StatusCode, resp.Header)
	}
	resp, body = clerk.post(file+"/activities", url.Values{"kind": {"research"}, "title": {""}, "on": {"2020-05-06"}})
	if acts, _ := e.st.MemberActivities(ctx, r.UnitID, wang.ID, 0); len(acts) != 1 {
		t.Fatalf("activities %v", acts)
	}

	resp, body = leader.get("/members")
	wantStatus(t, resp, body, http.StatusOK)
	for _, want := range []string{`id="member-` + fmt.Sprint(wang.ID), `data-label="出席全会">1<`, `data-label="缺席">1<`, `data-label="得分">2<`, "不合格"} {
		if !strings.Contains(body, want) {
			t.Errorf("the list lacks %q:\n%s", want, excerptOf(body))
		}
	}
	if strings.Contains(body, "/members/new") {
		t.Error("a leader is offered the form")
	}
	resp, body = leader.get(file)
	wantStatus(t, resp, body, http.StatusOK)
	for _, want := range []string{"王明 委员履职档案", "出席全体会议 1次 × 10分 = 10分", "全体会议无故缺席 1次 × −10分 = −10分",
		"参加调研 1次 × 2分 = 2分", "2020年：2分，不合格", "2020年第2次全体会议", "乡村振兴专题调研", "经济委"} {
		if !strings.Contains(body, want) {
			t.Errorf("the file lacks %q:\n%s", want, excerptOf(body))
		}
	}
	resp, body = clerk.get("/members.xlsx?term=" + url.QueryEscape("第九届"))
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.HasPrefix(body, "PK") {
		t.Error("the export is no workbook")
	}

	resp, body = clerk.get("/members/settings")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "出席全体会议 | plenary_present | 10 | 40") {
		t.Fatalf("the settings do not show the default scheme:\n%s", excerptOf(body))
	}
	resp, body = clerk.post("/members/settings", url.Values{"score": {"出席 | nothing | 10 | 40\n等次 | 合格 | 0\n合格线 | 0"}, "leave_max": {"2"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "统计项“nothing”") {
		t.Fatalf("a bad scheme is not named:\n%s", excerptOf(body))
	}
	resp, _ = clerk.post("/members/settings", url.Values{"score": {"出席 | plenary_present | 50 | 0\n等次 | 合格 | 50\n等次 | 不合格 | 0\n合格线 | 50"},
		"leave_max": {"2"}, "plenary_types": {"全体会议"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save settings: %d", resp.StatusCode)
	}
	resp, body = leader.get(file)
	if !strings.Contains(body, "出席 1次 × 50分 = 50分") {
		t.Errorf("the new scheme is not used:\n%s", excerptOf(body))
	}

	csv := "姓名,届次,界别,状态\n李华,第九届,教育界,在任\n赵强,第九届,经济界,退休\n"
	resp, body = clerk.postMultipart("/members/import", url.Values{"what": {"members"}, "new_persons": {"1"}}, upFile{"file", "名单.csv", []byte(csv)})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "第3行“状态”") {
		t.Fatalf("the bad row is not named:\n%s", excerptOf(body))
	}
	if ms, _ := e.st.CPPCCMembers(ctx, r.UnitID, "", false); len(ms) != 1 {
		t.Fatalf("a refused import wrote: %v", ms)
	}
	resp, body = clerk.postMultipart("/members/import", url.Values{"what": {"members"}, "new_persons": {"1"}},
		upFile{"file", "名单.csv", []byte(strings.Replace(csv, "退休", "暂停履职", 1))})
	if ms, _ := e.st.CPPCCMembers(ctx, r.UnitID, "第九届", false); resp.StatusCode != http.StatusSeeOther || len(ms) != 3 {
		t.Fatalf("import: %d, %d members\n%s", resp.StatusCode, len(ms), excerptOf(body))
	}

	// The member: no file until his account has his person; then his own, read only.
	resp, body = member.get("/my/record")
	wantStatus(t, resp, body, http.StatusNotFound)
	acct, err := e.st.User(ctx, memberLogin.User.ID)
	if err != nil {
		t.Fatal(err)
	}
	acct.PersonID = wang.PersonID
	if err := e.st.UpdateUser(ctx, acct); err != nil {
		t.Fatal(err)
	}
	resp, body = member.get("/my/record")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "王明 委员履职档案") || !strings.Contains(body, `href="/my/record"`) || strings.Contains(body, "activity-form") ||
		strings.Contains(body, file+"/edit") || strings.Contains(body, `href="/meetings/`) {
		t.Errorf("his own file, read only:\n%s", excerptOf(body))
	}
	resp, body = member.get(file)
	wantStatus(t, resp, body, http.StatusForbidden)
	resp, body = member.get("/members")
	wantStatus(t, resp, body, http.StatusForbidden)
}
