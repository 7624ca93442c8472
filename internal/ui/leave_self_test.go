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

// TestLeaveSelfService: over real HTTP, a staff member tied to his person
// of the roster asks for leave on his own form; for another he is refused
// with nothing written; his request waits in 我的请假, he withdraws it, he
// cannot withdraw one approved nor touch another's; the office turns one
// down (已退回), finds the withdrawn one with 显示已作废 and restores it,
// audited.
func TestLeaveSelfService(t *testing.T) {
	e := newFormEnv(t)
	r, _, _, _ := e.seed()
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	u, _ := e.st.Unit(ctx, r.UnitID)
	li := &zhenggai.Person{UnitID: u.ID, Name: "李华", Kind: zhenggai.PersonStaff}
	zhang := &zhenggai.Person{UnitID: u.ID, Name: "张强", Kind: zhenggai.PersonStaff}
	for _, p := range []*zhenggai.Person{li, zhang} {
		if err := e.st.SavePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	as := func(l *testkit.Login) *formEnv {
		return &formEnv{t: t, dir: e.dir, st: e.st, srv: e.srv, c: &http.Client{CheckRedirect: e.c.CheckRedirect, Jar: testkit.Jar(t, e.srv.URL, l)}}
	}
	staffLogin := testkit.SignIn(t, e.st, zhenggai.RoleResponsible, u.Name, "李华")
	staffLogin.User.PersonID = li.ID
	if err := e.st.UpdateUser(ctx, staffLogin.User); err != nil {
		t.Fatal(err)
	}
	staff := as(staffLogin)
	clerkLogin := testkit.SignIn(t, e.st, zhenggai.RoleUnitAdmin, u.Name, "办公室")
	clerk := as(clerkLogin)
	leaves := func(q store.LeaveQuery) []*zhenggai.Leave {
		t.Helper()
		q.UnitID = u.ID
		ls, err := e.st.Leaves(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return ls
	}

	// His form: his own name, fixed; no one else's, no approval.
	resp, body := staff.get("/leaves/new")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, `name="name" value="李华" readonly`) || strings.Contains(body, "张强") || strings.Contains(body, `name="approved_by"`) ||
		!strings.Contains(body, `href="/leaves/mine"`) {
		t.Errorf("the staff's form:\n%s", excerptOf(body))
	}
	// For another: refused, named, nothing written.
	resp, body = staff.post("/leaves", url.Values{"name": {"张强"}, "kind": {"personal"}, "from": {"2020-10-12"}, "to": {"2020-10-12"}, "reason": {"代请"}})
	wantStatus(t, resp, body, http.StatusForbidden)
	if !strings.Contains(body, "只能为本人请假") {
		t.Errorf("another's leave:\n%s", excerptOf(body))
	}
	if ls := leaves(store.LeaveQuery{Voided: true}); len(ls) != 0 {
		t.Fatalf("a refused leave was written: %+v", ls)
	}
	// For himself: saved waiting for approval, whatever approval he posts.
	resp, body = staff.post("/leaves", url.Values{"name": {"李华"}, "kind": {"sick"}, "from": {"2020-10-12"}, "to": {"2020-10-13"},
		"reason": {"发烧就医"}, "approved_by": {"李华"}, "expected_return": {"2020-10-20"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	if loc := resp.Header.Get("Location"); loc != "/leaves/mine" {
		t.Fatalf("after asking: %q", loc)
	}
	ls := leaves(store.LeaveQuery{})
	if len(ls) != 1 || ls[0].PersonID != li.ID || ls[0].Approved() || !ls[0].ExpectedReturn.IsZero() || ls[0].Reason != "发烧就医" {
		t.Fatalf("his leave: %+v", ls)
	}
	sick := ls[0]
	resp, body = staff.get("/leaves/mine")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "已提交，待审批：李华病假（2020年10月12日至10月13日）") || !strings.Contains(body, `<span class="state">待审批</span>`) ||
		!strings.Contains(body, fmt.Sprintf(`action="/leaves/%d/void"`, sick.ID)) || !strings.Contains(body, `id="my-leaves-link"`) {
		t.Errorf("我的请假 after asking:\n%s", excerptOf(body))
	}
	// An empty name is his own too.
	resp, body = staff.post("/leaves", url.Values{"kind": {"annual"}, "from": {"2020-11-02"}, "to": {"2020-11-06"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	annual := leaves(store.LeaveQuery{From: zhenggai.NewDate(2020, 11, 1)})
	if len(annual) != 1 || annual[0].PersonID != li.ID {
		t.Fatalf("annual leave: %+v", annual)
	}

	// He withdraws the pending one.
	resp, body = staff.post(fmt.Sprintf("/leaves/%d/void", sick.ID), url.Values{"reason": {"本人撤回"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	if got, _ := e.st.Leave(ctx, sick.ID); !got.Voided || got.VoidedBy != staffLogin.User.Name {
		t.Fatalf("withdrawn: %+v", got)
	}
	if _, body = staff.get("/leaves/mine"); !strings.Contains(body, `<span class="state">已撤回</span>`) {
		t.Errorf("我的请假 after withdrawing:\n%s", excerptOf(body))
	}
	// Approved, the annual leave is no longer his to withdraw.
	resp, body = clerk.post(fmt.Sprintf("/leaves/%d/approve", annual[0].ID), url.Values{"version": {fmt.Sprint(annual[0].Version)}, "approved_by": {"王明"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	resp, body = staff.post(fmt.Sprintf("/leaves/%d/void", annual[0].ID), url.Values{"reason": {"本人撤回"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	if got, _ := e.st.Leave(ctx, annual[0].ID); got.Voided {
		t.Fatal("an approved leave was withdrawn")
	}
	if _, body = staff.get("/leaves/mine"); !strings.Contains(body, "未能撤回：该请假已批准，不能撤回") ||
		!strings.Contains(body, `<span class="state">已批准</span>`) {
		t.Errorf("withdrawing an approved leave:\n%s", excerptOf(body))
	}
	// Another's leave, registered by the office, is not his to touch.
	other := &zhenggai.Leave{UnitID: u.ID, Name: "张强", Kind: zhenggai.LeavePersonal, From: zhenggai.NewDate(2020, 10, 15), To: zhenggai.NewDate(2020, 10, 15)}
	if err := e.st.SaveLeave(ctx, other); err != nil {
		t.Fatal(err)
	}
	resp, body = staff.post(fmt.Sprintf("/leaves/%d/void", other.ID), url.Values{"reason": {"撤回"}})
	wantStatus(t, resp, body, http.StatusForbidden)
	if got, _ := e.st.Leave(ctx, other.ID); got.Voided {
		t.Fatal("another's leave was voided by a staff member")
	}
	if _, body = staff.get("/leaves/mine"); strings.Contains(body, "张强") {
		t.Errorf("我的请假 lists another's leave:\n%s", excerptOf(body))
	}

	// The office turns 张强's down; he would see 已退回.
	resp, body = clerk.post(fmt.Sprintf("/leaves/%d/void", other.ID), url.Values{"reason": {"工作安排冲突，请改期"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	if got, _ := e.st.Leave(ctx, other.ID); !got.Voided || got.State("zhang") != "已退回" || got.VoidReason != "工作安排冲突，请改期" {
		t.Errorf("turned down: %+v", got)
	}
	// The list hides the voided; asked, shows them with 恢复.
	resp, body = clerk.get("/leaves")
	wantStatus(t, resp, body, http.StatusOK)
	if strings.Contains(body, fmt.Sprintf(`id="leave-%d"`, sick.ID)) || !strings.Contains(body, `name="voided"`) {
		t.Errorf("the list without the voided:\n%s", excerptOf(body))
	}
	resp, body = clerk.get("/leaves?voided=1")
	wantStatus(t, resp, body, http.StatusOK)
	restore := fmt.Sprintf(`action="/leaves/%d/restore"`, sick.ID)
	if !strings.Contains(body, fmt.Sprintf(`id="leave-%d" class="voided"`, sick.ID)) || !strings.Contains(body, restore) ||
		!strings.Contains(body, "作废理由：本人撤回") {
		t.Errorf("the list with the voided:\n%s", excerptOf(body))
	}
	// Staff who read the unit see no voided and no 恢复, even asking.
	if _, body = staff.get("/leaves?voided=1"); strings.Contains(body, restore) || strings.Contains(body, fmt.Sprintf(`id="leave-%d"`, sick.ID)) {
		t.Errorf("a reader is shown the voided:\n%s", excerptOf(body))
	}
	resp, body = staff.post(fmt.Sprintf("/leaves/%d/restore", sick.ID), nil)
	wantStatus(t, resp, body, http.StatusForbidden)
	before, err := e.st.History(ctx, "leaves", sick.ID)
	if err != nil {
		t.Fatal(err)
	}
	resp, body = clerk.post(fmt.Sprintf("/leaves/%d/restore", sick.ID), nil)
	wantStatus(t, resp, body, http.StatusSeeOther)
	if got, _ := e.st.Leave(ctx, sick.ID); got.Voided {
		t.Fatal("not restored")
	}
	if _, body = clerk.get(resp.Header.Get("Location")); !strings.Contains(body, "已恢复该请假记录") {
		t.Errorf("after restoring:\n%s", excerptOf(body))
	}
	after, err := e.st.History(ctx, "leaves", sick.ID)
	if err != nil || len(after) != len(before)+1 || after[len(after)-1].Actor.Name != clerkLogin.User.Name {
		t.Errorf("the restore's audit: %d entries, then %d (%v)", len(before), len(after), err)
	}
	if _, body = staff.get("/leaves/mine"); !strings.Contains(body, fmt.Sprintf(`action="/leaves/%d/void"`, sick.ID)) {
		t.Errorf("restored, his leave waits again:\n%s", excerptOf(body))
	}
}

// TestLeaveWithoutPerson: an account tied to no person of the roster is
// refused leave of its own, and the office's 我的请假 says why.
func TestLeaveWithoutPerson(t *testing.T) {
	e := newFormEnv(t)
	r, _, _, _ := e.seed()
	u, _ := e.st.Unit(context.Background(), r.UnitID)
	owner := &formEnv{t: t, dir: e.dir, st: e.st, srv: e.srv, c: &http.Client{CheckRedirect: e.c.CheckRedirect,
		Jar: testkit.Jar(t, e.srv.URL, testkit.SignIn(t, e.st, zhenggai.RoleResponsible, u.Name, "覃丽"))}}
	resp, body := owner.post("/leaves", url.Values{"name": {"覃丽"}, "kind": {"personal"}, "from": {"2020-10-12"}, "to": {"2020-10-12"}})
	wantStatus(t, resp, body, http.StatusForbidden)
	clerk := &formEnv{t: t, dir: e.dir, st: e.st, srv: e.srv, c: &http.Client{CheckRedirect: e.c.CheckRedirect,
		Jar: testkit.Jar(t, e.srv.URL, testkit.SignIn(t, e.st, zhenggai.RoleUnitAdmin, u.Name, "办公室"))}}
	resp, body = clerk.get("/leaves/mine")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "您的账号未关联本单位人员名册中的人员") || strings.Contains(body, `id="my-leaves-link"`) {
		t.Errorf("the office's 我的请假:\n%s", excerptOf(body))
	}
}
