package zhenggai

import (
	"slices"
	"strings"
)

// Perm is what a route asks of its caller. Every route declares one; the
// zero value is no declaration, which the route table refuses.
type Perm int

const (
	PermUndeclared   Perm = iota
	PermPublic            // anyone, signed in or not
	PermSignedIn          // any signed-in user; what it lists is filtered
	PermRead              // read the unit the record belongs to
	PermEdit              // keep the unit's ledger: rounds, problems, measures, imports
	PermReport            // report progress and change status on a measure
	PermAdmin             // units, users, settings
	PermOpinions          // read the public's opinions on the unit's reports, contacts included
	PermRequestClose      // ask to close (销号) a measure: its owner, or the unit's office for him
	PermApprove           // approve or return a closing request: the measure's leader
	PermAccept            // accept or reject a problem's closing: the inspection office above the unit
	PermReopen            // reopen a closed problem: the unit's office
	PermOpinionRead       // read an opinion: those with PermOpinions, and its assignee (the sender's contact withheld)
	PermOpinionDraft      // draft the answer to an opinion: its assignee
	PermRestore           // restore a voided (作废) record: the unit's office
	PermReview            // approve or return a publication: its unit's reviewer, never its drafter
	PermPropose           // submit a proposal, co-sign it, return its feedback form: a member of the unit (for himself: Target.Persons), or its office
	PermHandle            // reply to a proposal assigned to a handling unit, or return the assignment: that unit's keeper or owners (Target.UnitID is the handling unit)
	PermLeave             // ask for leave, see and withdraw one's requests: a person of the unit's roster (for himself: Target.Persons), or its office
)

// String names the permission in tests and logs.
func (p Perm) String() string {
	return [...]string{"undeclared", "public", "signed-in", "read", "edit", "report", "admin", "opinions",
		"request-close", "approve", "accept", "reopen", "opinion-read", "opinion-draft", "restore", "review",
		"propose", "handle", "leave"}[p]
}

// Target is what a permission is checked against: the unit a record
// belongs to and, for a measure, its leader and owner; for an opinion,
// the account it is assigned to.
type Target struct {
	UnitID   int64
	Leader   string
	Owner    string
	Assignee int64
	// A publication's: who reviews its unit's publications, and who
	// drafted it.
	Reviewer  PublicationReviewer
	DrafterID int64
	// A proposal's signers (persons of the roster): a member acts on it
	// as its proposer only if he is one. Nil for a new proposal, which
	// any member of the unit may submit. A leave's applicant, likewise:
	// nil for a new request, which he may only make for himself.
	Persons []int64
}

// Can decides whether u may do p on t. under reports whether a unit is the
// given office or lies below it in the unit tree. This is the only place
// where roles become rights.
func Can(u *User, p Perm, t Target, under func(office, unit int64) bool) bool {
	if p == PermPublic {
		return true
	}
	if u == nil || u.Disabled || p == PermUndeclared {
		return false
	}
	if p == PermReview && t.DrafterID != 0 && t.DrafterID == u.ID {
		return false // a second person's review, whoever the drafter is
	}
	if p == PermSignedIn || u.Role == RoleAdmin {
		return true
	}
	own := t.UnitID != 0 && t.UnitID == u.UnitID
	switch p {
	case PermRead:
		switch u.Role {
		case RoleSupervisor:
			return t.UnitID != 0 && under(u.UnitID, t.UnitID)
		case RoleUnitAdmin, RoleLeader, RoleResponsible:
			return own
		}
	case PermEdit, PermReopen, PermRestore:
		return u.Role == RoleUnitAdmin && own
	case PermOpinions:
		// The unit's office handles them; the inspection office above
		// reads them. Leaders and owners do not see the public's contacts.
		switch u.Role {
		case RoleSupervisor:
			return t.UnitID != 0 && under(u.UnitID, t.UnitID)
		case RoleUnitAdmin:
			return own
		}
	case PermOpinionRead:
		// The leader or owner given an opinion reads it to answer it.
		return Can(u, PermOpinions, t, under) || own && t.Assignee != 0 && t.Assignee == u.ID
	case PermOpinionDraft:
		return own && t.Assignee != 0 && t.Assignee == u.ID
	case PermRequestClose:
		switch u.Role {
		case RoleUnitAdmin:
			return own
		case RoleResponsible:
			return own && named(t.Owner, u)
		}
	case PermApprove:
		return u.Role == RoleLeader && own && named(t.Leader, u)
	case PermAccept:
		// Only from above: an office never accepts its own unit's closing.
		return u.Role == RoleSupervisor && t.UnitID != 0 && !own && under(u.UnitID, t.UnitID)
	case PermReview:
		if t.Reviewer == ReviewerOffice {
			return u.Role == RoleSupervisor && t.UnitID != 0 && !own && under(u.UnitID, t.UnitID)
		}
		return u.Role == RoleLeader && own && u.Principal
	case PermPropose:
		switch u.Role {
		case RoleUnitAdmin:
			return own
		case RoleMember:
			return own && (t.Persons == nil || u.PersonID != 0 && slices.Contains(t.Persons, u.PersonID))
		}
	case PermLeave:
		// Any account tied to a person of the unit's roster asks for his
		// own leave, whatever his role; the office does it for anyone.
		if u.Role == RoleUnitAdmin {
			return own
		}
		return own && u.PersonID != 0 && (t.Persons == nil || slices.Contains(t.Persons, u.PersonID))
	case PermHandle:
		return (u.Role == RoleUnitAdmin || u.Role == RoleResponsible) && own
	case PermReport:
		switch u.Role {
		case RoleUnitAdmin:
			return own
		case RoleLeader:
			return own && named(t.Leader, u)
		case RoleResponsible:
			return own && named(t.Owner, u)
		}
	}
	return false
}

// TakesAcceptances reports whether u accepts closings (销号验收) at all:
// an inspection office, for the units below it, or an administrator. The
// menu shows the acceptance queue to them only; each acceptance asks
// PermAccept of its problem's unit.
func TakesAcceptances(u *User) bool {
	return u != nil && !u.Disabled && (u.Role == RoleSupervisor || u.Role == RoleAdmin)
}

// named reports whether a measure's 责任领导 or 责任人 names u: by the name
// he holds in his unit (User.LedgerName), which no other account of the
// unit can hold; spaces around the name in the ledger do not count.
func named(who string, u *User) bool {
	return u.LedgerName != "" && strings.TrimSpace(who) == u.LedgerName
}
