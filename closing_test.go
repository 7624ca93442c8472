package zhenggai

import (
	"strings"
	"testing"
)

// TestCloseTransitions runs every step from every state: exactly the
// table's transitions are allowed, every other is refused: as locked from
// a problem's closed or waiting state, as a conflict from the others.
func TestCloseTransitions(t *testing.T) {
	states := []CloseState{CloseOpen, CloseRequested, CloseApproved, CloseSubmitted, CloseAccepted}
	allowed := map[CloseAction]map[CloseState]CloseState{
		CloseRequest: {CloseOpen: CloseRequested},
		CloseApprove: {CloseRequested: CloseApproved},
		CloseReturn:  {CloseRequested: CloseOpen},
		CloseSubmit:  {CloseOpen: CloseSubmitted},
		CloseAccept:  {CloseSubmitted: CloseAccepted},
		CloseReject:  {CloseSubmitted: CloseOpen},
		CloseReopen:  {CloseAccepted: CloseOpen},
	}
	for a, row := range allowed {
		for _, from := range states {
			to, err := NextCloseState(a, from, "理由")
			want, ok := row[from]
			switch {
			case ok && (err != nil || to != want):
				t.Errorf("%s from %q: got %q, %v; want %q", a, from, to, err, want)
			case !ok && (from == CloseAccepted || from == CloseSubmitted) && ErrorCode(err) != ELOCKED:
				t.Errorf("%s from %q: got %q, %v; want locked", a, from, to, err)
			case !ok && from != CloseAccepted && from != CloseSubmitted && ErrorCode(err) != ECONFLICT:
				t.Errorf("%s from %q: got %q, %v; want a conflict", a, from, to, err)
			}
		}
	}
	if _, err := NextCloseState("close-everything", CloseOpen, ""); ErrorCode(err) != EINVALID {
		t.Errorf("unknown step: %v", err)
	}
}

func TestCloseReasons(t *testing.T) {
	tests := []struct {
		a      CloseAction
		from   CloseState
		reason string
		ok     bool
	}{
		{CloseReturn, CloseRequested, "", false},
		{CloseReturn, CloseRequested, "  ", false},
		{CloseReturn, CloseRequested, "佐证材料不全", true},
		{CloseReject, CloseSubmitted, "", false},
		{CloseReject, CloseSubmitted, "整改不到位", true},
		{CloseReopen, CloseAccepted, "", false},
		{CloseReopen, CloseAccepted, "发现问题反弹", true},
		{CloseRequest, CloseOpen, "", true},
		{CloseApprove, CloseRequested, "", true},
		{CloseAccept, CloseSubmitted, "", true},
		{CloseRequest, CloseOpen, "bad\x00", false},
	}
	for _, tt := range tests {
		_, err := NextCloseState(tt.a, tt.from, tt.reason)
		if (err == nil) != tt.ok {
			t.Errorf("%s with reason %q: %v", tt.a, tt.reason, err)
		}
		if err != nil && ErrorCode(err) != EINVALID {
			t.Errorf("%s with reason %q: code %s, want invalid", tt.a, tt.reason, ErrorCode(err))
		}
	}
}

// checkClose decides as the program does whether u may take step a on a
// record in state from: the route asks Can for the step's right, the store
// NextCloseState. EFORBID when his role does not allow it, ECONFLICT when
// the state does not, EINVALID when a reason is missing.
func checkClose(u *User, a CloseAction, from CloseState, t Target, reason string, under func(office, unit int64) bool) (CloseState, error) {
	if !a.Valid() {
		return "", Errorf(EINVALID, "销号操作不正确")
	}
	if !Can(u, a.Perm(), t, under) {
		return "", Errorf(EFORBID, "您没有权限%s", a.Label())
	}
	return NextCloseState(a, from, reason)
}

// TestCheckCloseRoles: who may take which step, in the state it needs.
func TestCheckCloseRoles(t *testing.T) {
	// 1 巡察办 above 2 the unit; 3 another office not above 2.
	under := func(office, unit int64) bool { return office == unit || office == 1 && unit == 2 }
	u := func(r Role, unit int64, name string) *User {
		return &User{ID: 9, UnitID: unit, Role: r, DisplayName: name, LedgerName: name}
	}
	m := Target{UnitID: 2, Leader: "向建国", Owner: "覃丽"}
	p := Target{UnitID: 2}
	var (
		admin     = u(RoleAdmin, 1, "管理员")
		office    = u(RoleSupervisor, 1, "巡察办")
		stranger  = u(RoleSupervisor, 3, "别处巡察办")
		ownOffice = u(RoleSupervisor, 2, "本单位")
		unitAdmin = u(RoleUnitAdmin, 2, "办公室")
		leader    = u(RoleLeader, 2, "向建国")
		otherLead = u(RoleLeader, 2, "王志华")
		owner     = u(RoleResponsible, 2, "覃丽")
		otherOwn  = u(RoleResponsible, 2, "陈伟")
		member    = u(RoleMember, 2, "委员")
	)
	type step struct {
		a    CloseAction
		from CloseState
		t    Target
	}
	request := step{CloseRequest, CloseOpen, m}
	approve := step{CloseApprove, CloseRequested, m}
	ret := step{CloseReturn, CloseRequested, m}
	accept := step{CloseAccept, CloseSubmitted, p}
	reject := step{CloseReject, CloseSubmitted, p}
	reopen := step{CloseReopen, CloseAccepted, p}
	tests := []struct {
		name string
		u    *User
		s    step
		want string // "" allowed, else the error code
	}{
		{"owner asks", owner, request, ""},
		{"another owner may not ask", otherOwn, request, EFORBID},
		{"unit office asks for the owner", unitAdmin, request, ""},
		{"leader does not ask", leader, request, EFORBID},
		{"office does not ask", office, request, EFORBID},
		{"member does not ask", member, request, EFORBID},
		{"anonymous does not ask", nil, request, EFORBID},
		{"leader approves", leader, approve, ""},
		{"leader returns", leader, ret, ""},
		{"another leader may not approve", otherLead, approve, EFORBID},
		{"owner may not approve himself", owner, approve, EFORBID},
		{"unit office may not approve", unitAdmin, approve, EFORBID},
		{"office may not approve for the leader", office, approve, EFORBID},
		{"office accepts", office, accept, ""},
		{"office rejects", office, reject, ""},
		{"office of another tree may not accept", stranger, accept, EFORBID},
		{"a supervisor in the unit itself may not accept", ownOffice, accept, EFORBID},
		{"leader may not accept", leader, accept, EFORBID},
		{"unit office may not accept", unitAdmin, accept, EFORBID},
		{"unit office reopens", unitAdmin, reopen, ""},
		{"office does not reopen", office, reopen, EFORBID},
		{"owner does not reopen", owner, reopen, EFORBID},
		{"admin reopens", admin, reopen, ""},
		{"admin accepts", admin, accept, ""},
		{"right role, wrong state: approve before asking", leader, step{CloseApprove, CloseOpen, m}, ECONFLICT},
		{"right role, wrong state: ask twice", owner, step{CloseRequest, CloseRequested, m}, ECONFLICT},
		{"right role, wrong state: accept before submission", office, step{CloseAccept, CloseOpen, p}, ECONFLICT},
		{"right role, wrong state: accept twice", office, step{CloseAccept, CloseAccepted, p}, ELOCKED},
		{"right role, wrong state: reopen an open problem", unitAdmin, step{CloseReopen, CloseOpen, p}, ECONFLICT},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := checkClose(tt.u, tt.s.a, tt.s.from, tt.s.t, "理由", under)
			if got := ErrorCode(err); got != tt.want {
				t.Errorf("got %q (%v), want %q", got, err, tt.want)
			}
		})
	}
}

func TestCheckStatusChange(t *testing.T) {
	tests := []struct {
		name   string
		m      Measure
		old    Status
		fields []string
	}{
		{"in progress is free", Measure{Status: InProgress}, NotStarted, nil},
		{"basically completed after a report", Measure{Status: BasicallyCompleted}, InProgress, nil},
		{"completed by hand is refused", Measure{Status: Completed}, BasicallyCompleted, []string{"status"}},
		{"completed on a new measure is refused", Measure{Status: Completed}, "", []string{"status"}},
		{"completed kept as imported passes", Measure{Status: Completed}, Completed, nil},
		{"ongoing without mechanism or period", Measure{Status: Ongoing}, InProgress, []string{"mechanism", "report_every"}},
		{"ongoing without period", Measure{Status: Ongoing, Mechanism: "《档案管理制度》"}, InProgress, []string{"report_every"}},
		{"ongoing with both", Measure{Status: Ongoing, Mechanism: "《档案管理制度》", ReportEvery: 90}, InProgress, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckStatusChange(&tt.m, tt.old, true)
			var got []string
			if v, ok := err.(*ValidationError); ok {
				for _, f := range v.Fields {
					got = append(got, f.Field)
				}
			} else if err != nil {
				t.Fatalf("not a validation error: %v", err)
			}
			if len(got) != len(tt.fields) {
				t.Fatalf("fields %v, want %v", got, tt.fields)
			}
			for i := range got {
				if got[i] != tt.fields[i] {
					t.Errorf("fields %v, want %v", got, tt.fields)
				}
			}
		})
	}
}

// TestBasicallyCompletedNeedsAReport: 基本完成 set by hand on a measure
// nobody reported on is refused; kept as it was, or with a report, passes.
func TestBasicallyCompletedNeedsAReport(t *testing.T) {
	for _, tt := range []struct {
		old      Status
		reported bool
		refused  bool
	}{
		{InProgress, false, true},
		{"", false, true},
		{NotStarted, false, true},
		{InProgress, true, false},
		{BasicallyCompleted, false, false}, // imported so: other edits pass
	} {
		err := CheckStatusChange(&Measure{Status: BasicallyCompleted}, tt.old, tt.reported)
		msg := fieldMessage(err, "status")
		if tt.refused != (msg != "") || tt.refused && !strings.Contains(msg, "请先报送一条写明已做工作的整改进展") {
			t.Errorf("from %q, reported %v: %v", tt.old, tt.reported, err)
		}
	}
}

// TestValidateChangeTellsEverything: a 长期坚持 measure without mechanism
// and period, with an empty content and a bad number, hears of all four
// at once.
func TestValidateChangeTellsEverything(t *testing.T) {
	m := &Measure{Seq: 0, Content: "", Kind: MeasureMechanism, Status: Ongoing}
	err := m.ValidateChange(InProgress, true)
	for _, f := range []string{"seq", "content", "mechanism", "report_every"} {
		if fieldMessage(err, f) == "" {
			t.Errorf("no message for %s in %v", f, err)
		}
	}
}

func TestAcceptedAndReopenedStatus(t *testing.T) {
	for _, tt := range []struct{ in, accepted, reopened Status }{
		{BasicallyCompleted, Completed, BasicallyCompleted},
		{InProgress, Completed, InProgress},
		{Ongoing, Ongoing, Ongoing},
		{Completed, Completed, BasicallyCompleted},
	} {
		if got := AcceptedStatus(tt.in); got != tt.accepted {
			t.Errorf("AcceptedStatus(%s) = %s", tt.in, got)
		}
		if got := ReopenedStatus(tt.in); got != tt.reopened {
			t.Errorf("ReopenedStatus(%s) = %s", tt.in, got)
		}
	}
}
