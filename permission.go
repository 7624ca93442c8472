package zhenggai

// Perm is what a route asks of its caller. Every route declares one; the
// zero value is no declaration, which the route table refuses.
type Perm int

const (
	PermUndeclared Perm = iota
	PermPublic          // anyone, signed in or not
	PermSignedIn        // any signed-in user; what it lists is filtered
	PermRead            // read the unit the record belongs to
	PermEdit            // keep the unit's ledger: rounds, problems, measures, imports
	PermReport          // report progress and change status on a measure
	PermAdmin           // units, users, settings
	PermOpinions        // read the public's opinions on the unit's reports, contacts included
)

// String names the permission in tests and logs.
func (p Perm) String() string {
	return [...]string{"undeclared", "public", "signed-in", "read", "edit", "report", "admin", "opinions"}[p]
}

// Target is what a permission is checked against: the unit a record
// belongs to and, for a measure, its leader and owner.
type Target struct {
	UnitID int64
	Leader string
	Owner  string
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
	case PermEdit:
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
	case PermReport:
		switch u.Role {
		case RoleUnitAdmin:
			return own
		case RoleLeader:
			return own && t.Leader != "" && t.Leader == u.DisplayName
		case RoleResponsible:
			return own && t.Owner != "" && t.Owner == u.DisplayName
		}
	}
	return false
}
