package zhenggai

import (
	"strings"
	"time"
	"unicode"
)

// Role is what a user may do, always within one unit (DESIGN.md §1).
type Role string

const (
	RoleAdmin       Role = "admin"       // 系统管理员: everything
	RoleSupervisor  Role = "supervisor"  // 巡察办: reads every unit under its office
	RoleUnitAdmin   Role = "unit_admin"  // 单位管理员: keeps the unit's ledger
	RoleLeader      Role = "leader"      // 责任领导: reads the unit, reports on what he leads
	RoleResponsible Role = "responsible" // 责任人: reports on his own measures only
	RoleMember      Role = "member"      // 委员: his own performance record
)

// Roles lists every role, most powerful first.
var Roles = []Role{RoleAdmin, RoleSupervisor, RoleUnitAdmin, RoleLeader, RoleResponsible, RoleMember}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, x := range Roles {
		if r == x {
			return true
		}
	}
	return false
}

// Label is the Chinese name of the role.
func (r Role) Label() string {
	switch r {
	case RoleAdmin:
		return "系统管理员"
	case RoleSupervisor:
		return "巡察办"
	case RoleUnitAdmin:
		return "单位管理员"
	case RoleLeader:
		return "责任领导"
	case RoleResponsible:
		return "责任人"
	case RoleMember:
		return "委员"
	}
	return string(r)
}

// User is an account. DisplayName is the person's name as the ledger
// writes it in 责任领导 and 责任人, which is how a leader or an owner is
// matched with his measures: within a unit, no two leaders or owners may
// share one (the store refuses it).
type User struct {
	ID          int64     `json:"id"`
	UnitID      int64     `json:"unit_id"`
	Unit        string    `json:"unit"`
	Name        string    `json:"name"`
	DisplayName string    `json:"display_name"`
	Role        Role      `json:"role"`
	Disabled    bool      `json:"disabled"`
	Email       string    `json:"email,omitempty"` // where warnings are e-mailed, if SMTP is set up
	Principal   bool      `json:"principal"`       // the unit's principal leader (主要负责人): red warnings reach him
	Version     int64     `json:"version"`
	CreatedAt   time.Time `json:"created_at"`
	// PersonID is his person of the roster (人员名册), 0 for none.
	PersonID int64 `json:"person_id,omitempty"`
	// LedgerName is the name that matches him with the measures he leads
	// or owns, as read from the store: his display name if he is a leader
	// or an owner and holds it in his unit; "" otherwise, and for an
	// account made before names were unique whose name an older account
	// of the unit holds (he has no rights by name until renamed).
	LedgerName string `json:"-"`
	// MustChangePassword: his password was set by an administrator (user
	// add, a reset), who therefore knows it; he changes it at sign-in
	// before anything else.
	MustChangePassword bool `json:"must_change_password"`
}

// NamedByLedger reports whether the role is matched with measures by name:
// leaders (责任领导) and owners (责任人).
func (r Role) NamedByLedger() bool { return r == RoleLeader || r == RoleResponsible }

// NameWithheld reports whether u is an enabled leader or owner whose name
// an older account of his unit holds: he has no rights by name until
// renamed.
func (u *User) NameWithheld() bool {
	return u.Role.NamedByLedger() && !u.Disabled && u.LedgerName == ""
}

// Validate checks a user before it is saved.
func (u *User) Validate() error {
	v := &ValidationError{}
	switch {
	case u.Name == "":
		v.Add("name", "登录名不能为空")
	case len(u.Name) > 64 || !loginName(u.Name):
		v.Add("name", "登录名只能使用字母、数字、点、下划线和连字符，最长64个字符")
	}
	checkText(v, "display_name", "姓名", u.DisplayName, true, MaxName)
	if strings.TrimSpace(u.DisplayName) != u.DisplayName {
		v.Add("display_name", "姓名前后不能有空格")
	}
	if !u.Role.Valid() {
		v.Add("role", "角色不正确")
	}
	if u.Email != "" && !emailAddress(u.Email) {
		v.Add("email", "电子邮箱格式不正确")
	}
	if u.UnitID <= 0 {
		v.Add("unit_id", "请选择所属单位")
	}
	return v.Err()
}

func loginName(s string) bool {
	for _, c := range s {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// emailAddress is a plain check: one @, something on each side, no
// spaces or line breaks (which could smuggle headers into a message).
func emailAddress(s string) bool {
	at := strings.IndexByte(s, '@')
	return len(s) <= 254 && at > 0 && at < len(s)-1 && strings.Count(s, "@") == 1 &&
		!strings.ContainsAny(s, " \t\r\n<>,;\"") && !strings.ContainsFunc(s, Invisible) &&
		!strings.ContainsFunc(s, unicode.IsControl)
}
