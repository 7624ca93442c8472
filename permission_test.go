package zhenggai

import "testing"

func TestCan(t *testing.T) {
	// Units: 1 市委巡察办 above 2 桑植县政协党组; 3 another county unit not under 1.
	under := func(office, unit int64) bool { return office == unit || office == 1 && unit == 2 }
	user := func(r Role, unit int64, name string) *User {
		u := &User{ID: 1, UnitID: unit, Role: r, DisplayName: name}
		if r.NamedByLedger() {
			u.LedgerName = name // as the store reads a name he holds
		}
		return u
	}
	mine := Target{UnitID: 2, Leader: "向建国", Owner: "覃丽"}
	other := Target{UnitID: 3, Leader: "向建国", Owner: "覃丽"}
	tests := []struct {
		name string
		u    *User
		p    Perm
		t    Target
		want bool
	}{
		{"public needs nobody", nil, PermPublic, Target{}, true},
		{"anonymous reads nothing", nil, PermRead, mine, false},
		{"undeclared is refused even to admin", user(RoleAdmin, 1, "管理员"), PermUndeclared, mine, false},
		{"disabled admin", &User{Role: RoleAdmin, Disabled: true}, PermRead, mine, false},
		{"admin everything", user(RoleAdmin, 1, ""), PermAdmin, other, true},
		{"unit admin cannot admin", user(RoleUnitAdmin, 2, ""), PermAdmin, mine, false},
		{"unit admin edits own", user(RoleUnitAdmin, 2, ""), PermEdit, mine, true},
		{"unit admin not other", user(RoleUnitAdmin, 2, ""), PermEdit, other, false},
		{"unit admin reports own unit", user(RoleUnitAdmin, 2, ""), PermReport, mine, true},
		{"supervisor reads below", user(RoleSupervisor, 1, ""), PermRead, mine, true},
		{"supervisor not outside", user(RoleSupervisor, 1, ""), PermRead, other, false},
		{"supervisor does not edit", user(RoleSupervisor, 1, ""), PermEdit, mine, false},
		{"supervisor does not report", user(RoleSupervisor, 1, ""), PermReport, mine, false},
		{"unit admin reads own opinions", user(RoleUnitAdmin, 2, ""), PermOpinions, mine, true},
		{"unit admin not other's opinions", user(RoleUnitAdmin, 2, ""), PermOpinions, other, false},
		{"supervisor reads opinions below", user(RoleSupervisor, 1, ""), PermOpinions, mine, true},
		{"supervisor not opinions outside", user(RoleSupervisor, 1, ""), PermOpinions, other, false},
		{"leader does not read opinions", user(RoleLeader, 2, "向建国"), PermOpinions, mine, false},
		{"owner does not read opinions", user(RoleResponsible, 2, "覃丽"), PermOpinions, mine, false},
		{"leader reads own unit", user(RoleLeader, 2, "王志华"), PermRead, mine, true},
		{"leader reports what he leads", user(RoleLeader, 2, "向建国"), PermReport, mine, true},
		{"leader not what another leads", user(RoleLeader, 2, "王志华"), PermReport, mine, false},
		{"leader not another unit", user(RoleLeader, 3, "向建国"), PermReport, mine, false},
		{"leader does not edit", user(RoleLeader, 2, "向建国"), PermEdit, mine, false},
		{"owner reports his own", user(RoleResponsible, 2, "覃丽"), PermReport, mine, true},
		{"owner not another's", user(RoleResponsible, 2, "陈伟"), PermReport, mine, false},
		{"owner with empty name matches nothing", user(RoleResponsible, 2, ""), PermReport, Target{UnitID: 2}, false},
		{"owner reads own unit", user(RoleResponsible, 2, "陈伟"), PermRead, mine, true},
		{"owner not other unit", user(RoleResponsible, 2, "覃丽"), PermRead, other, false},
		{"member reads no ledger", user(RoleMember, 2, "委员"), PermRead, mine, false},
		{"member is signed in", user(RoleMember, 2, "委员"), PermSignedIn, Target{}, true},
		{"zero unit is nobody's", user(RoleUnitAdmin, 2, ""), PermRead, Target{}, false},
		// A name an older account of the unit holds gives no rights by
		// name, however it is written; spaces around the ledger's name do
		// not hide the owner.
		{"owner whose name another holds", &User{UnitID: 2, Role: RoleResponsible, DisplayName: "覃丽"}, PermReport, mine, false},
		{"leader whose name another holds", &User{UnitID: 2, Role: RoleLeader, DisplayName: "向建国"}, PermApprove, mine, false},
		{"ledger name with spaces", user(RoleResponsible, 2, "覃丽"), PermRequestClose, Target{UnitID: 2, Owner: " 覃丽 "}, true},
		{"leader approves what he leads", user(RoleLeader, 2, "向建国"), PermApprove, mine, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Can(tt.u, tt.p, tt.t, under); got != tt.want {
				t.Errorf("Can = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestTakesAcceptances(t *testing.T) {
	for _, tt := range []struct {
		u    *User
		want bool
	}{
		{&User{Role: RoleSupervisor}, true},
		{&User{Role: RoleAdmin}, true},
		{&User{Role: RoleSupervisor, Disabled: true}, false},
		{&User{Role: RoleUnitAdmin}, false},
		{&User{Role: RoleLeader}, false},
		{&User{Role: RoleResponsible}, false},
		{&User{Role: RoleMember}, false},
		{nil, false},
	} {
		if got := TakesAcceptances(tt.u); got != tt.want {
			t.Errorf("%+v: %v, want %v", tt.u, got, tt.want)
		}
	}
}
