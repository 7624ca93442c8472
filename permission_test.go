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
	byOffice := Target{UnitID: 2, Reviewer: ReviewerOffice}
	principal := user(RoleLeader, 2, "向建国")
	principal.Principal = true
	member := func(unit, person int64) *User { return &User{ID: 1, UnitID: unit, Role: RoleMember, PersonID: person} }
	staff := func(r Role, unit, person int64) *User { return &User{ID: 1, UnitID: unit, Role: r, PersonID: person} }
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
		// An opinion given to a leader or owner (user ID 1) is his to read
		// and answer; not another's, nor in another unit.
		{"assignee reads his opinion", user(RoleResponsible, 2, "覃丽"), PermOpinionRead, Target{UnitID: 2, Assignee: 1}, true},
		{"owner not an opinion of another", user(RoleResponsible, 2, "覃丽"), PermOpinionRead, Target{UnitID: 2, Assignee: 5}, false},
		{"owner not an unassigned opinion", user(RoleResponsible, 2, "覃丽"), PermOpinionRead, Target{UnitID: 2}, false},
		{"assignee elsewhere", user(RoleLeader, 3, "向建国"), PermOpinionRead, Target{UnitID: 2, Assignee: 1}, false},
		{"unit admin reads any of his unit", user(RoleUnitAdmin, 2, ""), PermOpinionRead, mine, true},
		{"supervisor reads below", user(RoleSupervisor, 1, ""), PermOpinionRead, mine, true},
		{"assignee drafts", user(RoleLeader, 2, "向建国"), PermOpinionDraft, Target{UnitID: 2, Assignee: 1}, true},
		{"unit admin drafts only his own", user(RoleUnitAdmin, 2, ""), PermOpinionDraft, Target{UnitID: 2, Assignee: 5}, false},
		{"supervisor does not draft", user(RoleSupervisor, 1, ""), PermOpinionDraft, Target{UnitID: 2, Assignee: 1}, false},
		{"unit admin restores own voided", user(RoleUnitAdmin, 2, ""), PermRestore, mine, true},
		{"unit admin not another's", user(RoleUnitAdmin, 3, ""), PermRestore, mine, false},
		{"supervisor does not restore", user(RoleSupervisor, 1, ""), PermRestore, mine, false},
		{"owner does not restore", user(RoleResponsible, 2, "覃丽"), PermRestore, mine, false},
		{"leader does not restore", user(RoleLeader, 2, "向建国"), PermRestore, mine, false},
		{"admin restores", user(RoleAdmin, 1, ""), PermRestore, other, true},
		// Review before publishing: the principal leader by default, the
		// office above when the unit so sets; never the drafter.
		{"principal reviews", principal, PermReview, mine, true},
		{"other leader does not review", user(RoleLeader, 2, "王志华"), PermReview, mine, false},
		{"principal not another unit", principal, PermReview, other, false},
		{"unit admin does not review", user(RoleUnitAdmin, 2, ""), PermReview, mine, false},
		{"office does not review by default", user(RoleSupervisor, 1, ""), PermReview, mine, false},
		{"office reviews when set", user(RoleSupervisor, 1, ""), PermReview, byOffice, true},
		{"principal not when the office is set", principal, PermReview, byOffice, false},
		{"office not outside", user(RoleSupervisor, 1, ""), PermReview, Target{UnitID: 3, Reviewer: ReviewerOffice}, false},
		{"drafter never reviews", principal, PermReview, Target{UnitID: 2, DrafterID: 1}, false},
		{"drafting admin never reviews", user(RoleAdmin, 1, ""), PermReview, Target{UnitID: 2, DrafterID: 1}, false},
		{"admin reviews another's draft", user(RoleAdmin, 1, ""), PermReview, Target{UnitID: 2, DrafterID: 9}, true},
		// Proposals: a member submits for his unit, and acts on one only
		// as its signer (his person); the unit's office acts on every one.
		{"member submits a new proposal", member(2, 7), PermPropose, Target{UnitID: 2}, true},
		{"member not for another unit", member(3, 7), PermPropose, Target{UnitID: 2}, false},
		{"member acts as its signer", member(2, 7), PermPropose, Target{UnitID: 2, Persons: []int64{5, 7}}, true},
		{"member not on another's proposal", member(2, 7), PermPropose, Target{UnitID: 2, Persons: []int64{5}}, false},
		{"member without a person signs nothing", member(2, 0), PermPropose, Target{UnitID: 2, Persons: []int64{5}}, false},
		{"member without a person on no signer", member(2, 0), PermPropose, Target{UnitID: 2, Persons: []int64{}}, false},
		{"office acts for proposers", user(RoleUnitAdmin, 2, ""), PermPropose, Target{UnitID: 2, Persons: []int64{5}}, true},
		{"office not another unit's", user(RoleUnitAdmin, 3, ""), PermPropose, Target{UnitID: 2}, false},
		{"leader does not propose", user(RoleLeader, 2, "向建国"), PermPropose, Target{UnitID: 2}, false},
		{"supervisor does not propose", user(RoleSupervisor, 1, ""), PermPropose, Target{UnitID: 2}, false},
		{"admin may propose", user(RoleAdmin, 1, ""), PermPropose, Target{UnitID: 2, Persons: []int64{5}}, true},
		{"handling unit's keeper handles", user(RoleUnitAdmin, 3, ""), PermHandle, Target{UnitID: 3}, true},
		{"handling unit's owner handles", user(RoleResponsible, 3, "覃丽"), PermHandle, Target{UnitID: 3}, true},
		{"another unit's keeper does not", user(RoleUnitAdmin, 2, ""), PermHandle, Target{UnitID: 3}, false},
		{"leader does not handle", user(RoleLeader, 3, "向建国"), PermHandle, Target{UnitID: 3}, false},
		{"member does not handle", member(3, 7), PermHandle, Target{UnitID: 3}, false},
		{"supervisor does not handle", user(RoleSupervisor, 1, ""), PermHandle, Target{UnitID: 2}, false},
		{"no handling unit, nobody handles", user(RoleUnitAdmin, 2, ""), PermHandle, Target{}, false},
		{"staff asks for leave", staff(RoleResponsible, 2, 7), PermLeave, Target{UnitID: 2}, true},
		{"a leader asks for his own leave", staff(RoleLeader, 2, 7), PermLeave, Target{UnitID: 2}, true},
		{"member with a person asks for leave", member(2, 7), PermLeave, Target{UnitID: 2}, true},
		{"staff withdraws his own leave", staff(RoleResponsible, 2, 7), PermLeave, Target{UnitID: 2, Persons: []int64{7}}, true},
		{"staff not on another's leave", staff(RoleResponsible, 2, 7), PermLeave, Target{UnitID: 2, Persons: []int64{5}}, false},
		{"staff not on a leave of nobody", staff(RoleResponsible, 2, 7), PermLeave, Target{UnitID: 2, Persons: []int64{}}, false},
		{"staff not in another unit", staff(RoleResponsible, 3, 7), PermLeave, Target{UnitID: 2}, false},
		{"account without a person asks nothing", staff(RoleResponsible, 2, 0), PermLeave, Target{UnitID: 2}, false},
		{"leader without a person asks nothing", user(RoleLeader, 2, "向建国"), PermLeave, Target{UnitID: 2}, false},
		{"office asks for anyone", user(RoleUnitAdmin, 2, ""), PermLeave, Target{UnitID: 2, Persons: []int64{5}}, true},
		{"office not another unit's", user(RoleUnitAdmin, 3, ""), PermLeave, Target{UnitID: 2, Persons: []int64{5}}, false},
		{"supervisor not a unit's leave below", staff(RoleSupervisor, 1, 7), PermLeave, Target{UnitID: 2, Persons: []int64{7}}, false},
		{"disabled staff asks nothing", &User{UnitID: 2, Role: RoleResponsible, PersonID: 7, Disabled: true}, PermLeave, Target{UnitID: 2}, false},
		{"admin may", user(RoleAdmin, 1, ""), PermLeave, Target{UnitID: 2, Persons: []int64{5}}, true},
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
