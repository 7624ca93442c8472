package zhenggai

import (
	"reflect"
	"strings"
	"testing"
)

// TestWorkdays: Monday to Friday count, the weekend does not.
func TestWorkdays(t *testing.T) {
	cases := []struct {
		from Date
		n    int
		want Date
	}{
		{NewDate(2020, 10, 28), 0, NewDate(2020, 10, 28)},  // Wednesday
		{NewDate(2020, 10, 28), 2, NewDate(2020, 10, 30)},  // Friday
		{NewDate(2020, 10, 28), 3, NewDate(2020, 11, 2)},   // over the weekend
		{NewDate(2020, 10, 31), 1, NewDate(2020, 11, 2)},   // from a Saturday
		{NewDate(2020, 10, 28), 15, NewDate(2020, 11, 18)}, // three weeks
	}
	for _, c := range cases {
		if got := c.from.AddWorkdays(c.n); got != c.want {
			t.Errorf("%s + %d working days = %s, want %s", c.from, c.n, got, c.want)
		}
		if got := c.from.WorkdaysUntil(c.want); c.from != NewDate(2020, 10, 31) && got != c.n {
			t.Errorf("working days from %s to %s: %d, want %d", c.from, c.want, got, c.n)
		}
	}
	if n := NewDate(2020, 11, 2).WorkdaysUntil(NewDate(2020, 10, 28)); n != 0 {
		t.Errorf("working days backwards: %d", n)
	}
	if got := DefaultSettings().OpinionDue(NewDate(2020, 10, 28)); got != NewDate(2020, 11, 18) {
		t.Errorf("default deadline %s", got)
	}
	if got := (Settings{OpinionDays: 5}).OpinionDue(NewDate(2020, 10, 28)); got != NewDate(2020, 11, 4) {
		t.Errorf("5-day deadline %s", got)
	}
}

// TestOpinionColour: green in time, yellow in the last five working days,
// red once past; none once answered, or without a deadline.
func TestOpinionColour(t *testing.T) {
	due := NewDate(2020, 11, 18) // a Wednesday
	cases := []struct {
		status OpinionStatus
		due    Date
		today  Date
		want   Colour
	}{
		{OpinionNew, due, NewDate(2020, 10, 28), Green},
		{OpinionAssigned, due, NewDate(2020, 11, 10), Green}, // six working days left
		{OpinionAssigned, due, NewDate(2020, 11, 11), Yellow},
		{OpinionReview, due, due, Yellow},
		{OpinionNew, due, NewDate(2020, 11, 19), Red},
		{OpinionAnswered, due, NewDate(2020, 11, 19), NoColour},
		{OpinionClosed, due, NewDate(2020, 11, 19), NoColour},
		{OpinionNew, Date{}, NewDate(2020, 11, 19), NoColour},
	}
	for _, c := range cases {
		o := &Opinion{Status: c.status, DueOn: c.due}
		if got := o.Colour(c.today); got != c.want {
			t.Errorf("%s due %s on %s: %q, want %q", c.status, c.due, c.today, got, c.want)
		}
	}
}

// TestOpinionAssignable: the unit's office, or a leader or owner the
// problem's measures name; nobody of another unit, disabled, or not named.
func TestOpinionAssignable(t *testing.T) {
	o := &Opinion{UnitID: 7, ProblemID: 5}
	whole := &Opinion{UnitID: 7}
	leaders, owners := []string{"李四"}, []string{" 王五 "}
	cases := []struct {
		u    *User
		o    *Opinion
		want bool
	}{
		{&User{UnitID: 7, Role: RoleUnitAdmin}, o, true},
		{&User{UnitID: 7, Role: RoleUnitAdmin}, whole, true},
		{&User{UnitID: 8, Role: RoleUnitAdmin}, o, false},
		{&User{UnitID: 7, Role: RoleUnitAdmin, Disabled: true}, o, false},
		{&User{UnitID: 7, Role: RoleLeader, LedgerName: "李四"}, o, true},
		{&User{UnitID: 7, Role: RoleLeader, LedgerName: "李四"}, whole, false},
		{&User{UnitID: 7, Role: RoleLeader, LedgerName: "王五"}, o, false}, // an owner's name, a leader's role
		{&User{UnitID: 7, Role: RoleResponsible, LedgerName: "王五"}, o, true},
		{&User{UnitID: 7, Role: RoleResponsible, LedgerName: ""}, o, false},
		{&User{UnitID: 7, Role: RoleSupervisor}, o, false},
		{nil, o, false},
	}
	for i, c := range cases {
		if got := OpinionAssignable(c.u, c.o, leaders, owners); got != c.want {
			t.Errorf("case %d (%+v): %v, want %v", i, c.u, got, c.want)
		}
	}
}

// TestOpinionNotices: each step tells whom it should, refers to the
// opinion, is e-mailed, and never carries the sender's name or contact.
func TestOpinionNotices(t *testing.T) {
	o := &Opinion{ID: 9, UnitID: 7, Ref: "YJ20201028-K7M3-Q9XD", Problem: "具体问题1：学习停留在表面", Content: "学习记录应当公开",
		Name: "张三", Contact: "13800000000", AssigneeID: 42, DueOn: NewDate(2020, 11, 18), Draft: "已公开学习记录"}
	admins, assignee := Audience{Unit: 7, UnitAdmins: true}, Audience{Unit: 7, Users: []int64{42}}
	cases := []struct {
		step    OpinionStep
		to      Audience
		subject string
		body    []string
	}{
		{OpinionReceived, admins, "收到群众意见建议：YJ20201028-K7M3-Q9XD", []string{"针对：具体问题1", "学习记录应当公开", "答复期限：2020年11月18日"}},
		{OpinionGiven, assignee, "请办理意见建议：YJ20201028-K7M3-Q9XD", []string{"办公室甲请您办理", "经单位管理员审核"}},
		{OpinionDrafted, admins, "请审核意见建议的答复：YJ20201028-K7M3-Q9XD", []string{"办公室甲拟写了答复", "拟答复：已公开学习记录"}},
		{OpinionApproved, assignee, "答复已审核同意：YJ20201028-K7M3-Q9XD", []string{"办公室甲同意"}},
		{OpinionReturned, assignee, "答复被退回：YJ20201028-K7M3-Q9XD", []string{"理由：写明时间"}},
	}
	for _, c := range cases {
		got := OpinionNotices(c.step, o, "办公室甲", "写明时间")
		if len(got) != 1 {
			t.Fatalf("%s: %+v", c.step, got)
		}
		n := got[0]
		if !reflect.DeepEqual(n.To, c.to) || n.Subject != c.subject || n.Kind != NoticeOpinion || n.RecordKind != RecordOpinion ||
			n.RecordID != 9 || !n.Email {
			t.Errorf("%s: %+v", c.step, n)
		}
		for _, b := range c.body {
			if !strings.Contains(n.Body, b) {
				t.Errorf("%s: body %q lacks %q", c.step, n.Body, b)
			}
		}
		if strings.Contains(n.Body+n.Subject, "张三") || strings.Contains(n.Body+n.Subject, "13800000000") {
			t.Errorf("%s tells the sender's name or contact: %q", c.step, n.Body)
		}
	}
	unassigned := *o
	unassigned.AssigneeID = 0
	if got := OpinionNotices(OpinionGiven, &unassigned, "办公室甲", ""); got != nil {
		t.Errorf("assigned to nobody: %+v", got)
	}
}
