package api_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// TestAttendanceAPI: an export imported (dry run, then for real; a
// stranger refused by row), the sign-ins listed; a leave asked for,
// refused by field, approved, returned (销假: twice is 409), voided.
func TestAttendanceAPI(t *testing.T) {
	e := newEnv(t)
	for _, n := range []string{"王明", "李华"} {
		if err := e.st.SavePerson(t.Context(), &zhenggai.Person{UnitID: e.office(), Name: n, Kind: zhenggai.PersonStaff}); err != nil {
			t.Fatal(err)
		}
	}
	sheet := "姓名,日期,上班打卡,下班打卡\n王明,2020-07-28,08:01,17:40\n李华,2020-07-28,07:58,缺卡\n"
	code, out := e.raw("POST", "/api/v1/sign-ins/import?dry_run=1&name=考勤.csv", "text/csv", strings.NewReader(sheet))
	if code != http.StatusOK || num(out["sign_ins"]) != 2 {
		t.Fatalf("dry run: %d %v", code, out)
	}
	code, out = e.raw("POST", "/api/v1/sign-ins/import?name=坏.csv", "text/csv", strings.NewReader(sheet+"赵六,2020-07-28,08:00,\n"))
	if code != http.StatusUnprocessableEntity || !strings.Contains(fmt.Sprint(out), "第4行：姓名“赵六”不在本单位人员名册中") {
		t.Fatalf("stranger: %d %v", code, out)
	}
	code, out = e.raw("POST", "/api/v1/sign-ins/import?name=考勤.csv", "text/csv", strings.NewReader(sheet))
	if code != http.StatusCreated || num(out["import_id"]) == 0 {
		t.Fatalf("import: %d %v", code, out)
	}
	ss := arr(e.must(http.StatusOK, "GET", "/api/v1/sign-ins?from=2020-07-01&to=2020-07-31", nil)["sign_ins"])
	if len(ss) != 2 || num(m(ss[1])["first_in"]) != 478 || num(m(ss[1])["last_out"]) != -1 {
		t.Fatalf("sign-ins %v", ss)
	}
	status, out := e.call("POST", "/api/v1/leaves", obj{"name": "李华", "kind": "holiday", "from": "2020-07-20", "to": "2020-07-24"})
	if status != http.StatusUnprocessableEntity || !strings.Contains(fmt.Sprint(out), "kind") {
		t.Errorf("bad kind: %d %v", status, out)
	}
	got := e.must(http.StatusCreated, "POST", "/api/v1/leaves", obj{"name": "李华", "kind": "trip", "from": "2020-07-20", "to": "2020-07-24",
		"reason": "赴市政协学习"})
	id := num(got["id"])
	if status, out := e.call("POST", path("/api/v1/leaves/%d/return", id), obj{"version": 1}); status != http.StatusUnprocessableEntity {
		t.Errorf("return before approval: %d %v", status, out)
	}
	got = e.must(http.StatusOK, "POST", path("/api/v1/leaves/%d/approve", id), obj{"version": 1, "approved_by": "王明", "approved_on": "2020-07-19"})
	if got["approved_by"] != "王明" || num(got["version"]) != 2 {
		t.Fatalf("approved %v", got)
	}
	if l := arr(e.must(http.StatusOK, "GET", "/api/v1/leaves?state=out", nil)["leaves"]); len(l) != 1 {
		t.Errorf("out: %v", l)
	}
	got = e.must(http.StatusOK, "POST", path("/api/v1/leaves/%d/return", id), obj{"version": 2, "returned_on": "2020-07-27"})
	if got["returned_on"] != "2020-07-27" {
		t.Fatalf("returned %v", got)
	}
	if status, _ := e.call("POST", path("/api/v1/leaves/%d/return", id), obj{"version": 3, "returned_on": "2020-07-28"}); status != http.StatusConflict {
		t.Errorf("returned twice: %d", status)
	}
	e.must(http.StatusOK, "POST", path("/api/v1/leaves/%d/void", id), obj{"reason": "重复录入"})
	if l := arr(e.must(http.StatusOK, "GET", "/api/v1/leaves", nil)["leaves"]); len(l) != 0 {
		t.Errorf("voided still listed: %v", l)
	}
}

// TestLeaveAPISelf: a staff member's token asks for leave for himself
// only, never with the office's fields, and withdraws it while pending;
// an account linked to no roster person cannot ask at all.
func TestLeaveAPISelf(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	li := &zhenggai.Person{UnitID: e.office(), Name: "李华", Kind: zhenggai.PersonStaff}
	wang := &zhenggai.Person{UnitID: e.office(), Name: "王明", Kind: zhenggai.PersonStaff}
	for _, p := range []*zhenggai.Person{li, wang} {
		if err := e.st.SavePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	unit, _ := e.st.Unit(ctx, e.office())
	login := testkit.SignIn(t, e.st, zhenggai.RoleResponsible, unit.Name, "李华")
	login.User.PersonID = li.ID
	if err := e.st.UpdateUser(zhenggai.WithActor(ctx, zhenggai.Actor{Name: "test"}), login.User); err != nil {
		t.Fatal(err)
	}
	staff := e.as(login)
	count := func() int {
		ls, err := e.st.Leaves(ctx, store.LeaveQuery{UnitID: e.office()})
		if err != nil {
			t.Fatal(err)
		}
		return len(ls)
	}
	for _, tc := range []struct {
		body obj
		want string
	}{
		{obj{"name": "王明", "kind": "personal", "from": "2020-07-20", "to": "2020-07-20"}, "只能为本人请假：李华"},
		{obj{"kind": "personal", "from": "2020-07-20", "to": "2020-07-20", "approved_by": "李华"}, "由单位管理员填写"},
		{obj{"kind": "personal", "from": "2020-07-20", "to": "2020-07-20", "returned_on": "2020-07-21"}, "由单位管理员填写"},
	} {
		if status, out := staff.call("POST", "/api/v1/leaves", tc.body); status != http.StatusForbidden || !strings.Contains(fmt.Sprint(out), tc.want) {
			t.Errorf("%v: %d %v", tc.body, status, out)
		}
	}
	if n := count(); n != 0 {
		t.Fatalf("%d leaves written by refused requests", n)
	}
	got := staff.must(http.StatusCreated, "POST", "/api/v1/leaves", obj{"kind": "sick", "from": "2020-07-20", "to": "2020-07-21", "reason": "发烧"})
	if got["name"] != "李华" || got["approved_by"] != "" {
		t.Fatalf("own leave %v", got)
	}
	id := num(got["id"])
	// The office approves another; the staff member cannot withdraw it.
	other := e.must(http.StatusCreated, "POST", "/api/v1/leaves", obj{"name": "李华", "kind": "personal", "from": "2020-08-03", "to": "2020-08-03"})
	e.must(http.StatusOK, "POST", path("/api/v1/leaves/%d/approve", num(other["id"])), obj{"version": 1, "approved_by": "王明", "approved_on": "2020-08-01"})
	if status, out := staff.call("POST", path("/api/v1/leaves/%d/void", num(other["id"])), obj{"reason": "不去了"}); status == http.StatusOK {
		t.Errorf("approved leave withdrawn: %d %v", status, out)
	}
	staff.must(http.StatusOK, "POST", path("/api/v1/leaves/%d/void", id), obj{})
	if n := count(); n != 1 {
		t.Errorf("%d live leaves after the withdrawal, want the approved one", n)
	}
	// No person linked: no leave of his own to ask for (PermLeave).
	bare := e.as(testkit.SignIn(t, e.st, zhenggai.RoleResponsible, unit.Name, "赵六"))
	if status, out := bare.call("POST", "/api/v1/leaves", obj{"kind": "personal", "from": "2020-07-20", "to": "2020-07-20"}); status != http.StatusForbidden {
		t.Errorf("no person: %d %v", status, out)
	}
	if n := count(); n != 1 {
		t.Errorf("%d live leaves after a refused request", n)
	}
}
