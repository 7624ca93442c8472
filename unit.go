package zhenggai

import (
	"strconv"
	"strings"
	"unicode"
)

// Unit is an organisation: an inspected unit or an inspection office.
// Documents name it by its short name (桑植县政协党组), its full name
// (全称, as its signature reads: 中共政协桑植县委员会党组) or any alias an
// office has used; all of them, and forms that differ from them only in
// the usual ways (UnitKey), find it.
type Unit struct {
	ID       int64    `json:"id"`
	ParentID int64    `json:"parent_id,omitempty"`
	Name     string   `json:"name"`
	FullName string   `json:"full_name"`
	Aliases  []string `json:"aliases"`
}

// MaxAliases bounds the aliases of one unit.
const MaxAliases = 20

// Names are every name the unit answers to: short, full, aliases.
func (u *Unit) Names() []string {
	out := []string{u.Name}
	if u.FullName != "" {
		out = append(out, u.FullName)
	}
	return append(out, u.Aliases...)
}

// Answers reports whether name is one of the unit's names, up to UnitKey.
func (u *Unit) Answers(name string) bool {
	k := UnitKey(name)
	if k == "" {
		return false
	}
	for _, n := range u.Names() {
		if UnitKey(n) == k {
			return true
		}
	}
	return false
}

// Validate checks a unit before it is saved: its names are typed text, and
// no two of them are the same name written differently.
func (u *Unit) Validate() error {
	v := &ValidationError{}
	checkText(v, "name", "单位名称", u.Name, true, MaxName)
	checkText(v, "full_name", "全称", u.FullName, false, MaxName)
	if len(u.Aliases) > MaxAliases {
		v.Add("aliases", "别名过多（最多"+strconv.Itoa(MaxAliases)+"个）")
	}
	seen := map[string]string{UnitKey(u.Name): "单位名称"}
	if k := UnitKey(u.FullName); k != "" && seen[k] == "" {
		seen[k] = "全称"
	}
	for _, a := range u.Aliases {
		checkText(v, "aliases", "别名“"+a+"”", a, true, MaxName)
		if strings.ContainsAny(a, "\r\n") { // one a line, as they are kept
			v.Add("aliases", "别名“"+Clip(a, 20)+"”不能换行，每行填写一个")
			continue
		}
		k := UnitKey(a)
		if prev := seen[k]; prev != "" && k != "" {
			v.Add("aliases", "别名“"+a+"”与"+prev+"相同，不必再列")
			continue
		}
		seen[k] = "别名“" + a + "”"
	}
	if u.ParentID != 0 && u.ParentID == u.ID {
		v.Add("parent_id", "上级单位不能是本单位")
	}
	return v.Err()
}

// SplitAliases reads aliases typed one a line (or separated by 、，; as
// offices list them), trimmed, without empty ones or repeats.
func SplitAliases(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return r == '\n' || r == '\r' || r == '、' || r == '，' || r == ',' || r == '；' || r == ';'
	})
	out := []string{}
	seen := map[string]bool{}
	for _, a := range f {
		a = strings.TrimSpace(a)
		if a == "" || seen[a] {
			continue
		}
		seen[a] = true
		out = append(out, a)
	}
	return out
}

// unitRewrites turn the long forms of a name into the short ones offices
// also write; applied in order, after the party prefix is gone.
var unitRewrites = []struct{ long, short string }{
	{"中国人民政治协商会议", "政协"},
	{"人民代表大会常务委员会", "人大常委会"},
	{"人民代表大会", "人大"},
	{"纪律检查委员会", "纪委"},
	{"人民政府", "政府"},
}

// UnitKey is the form of a unit's name that compares equal for the ways
// one body is written: widths and spaces do not count; the party prefix
// (中共, 中国共产党) is dropped; 中国人民政治协商会议 is 政协, and
// 政协X委员会 is X政协; 委员会 is 委 (中共桑植县委员会 = 桑植县委); 人民代表大会
// 常务委员会 is 人大常委会, 人民政府 政府. What the body is stays apart:
// 党组 and 党委, 县委 and 县政协 differ.
func UnitKey(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case r == '\u3000' || unicode.IsSpace(r) || Invisible(r):
			continue
		case r >= '！' && r <= '～': // full-width ASCII
			r -= '！' - '!'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	s := b.String()
	for _, p := range []string{"中国共产党", "中共"} {
		if t, ok := strings.CutPrefix(s, p); ok && t != "" {
			s = t
			break
		}
	}
	for _, rw := range unitRewrites {
		s = strings.ReplaceAll(s, rw.long, rw.short)
	}
	// 政协桑植县委员会 → 桑植县政协: the place comes first in the short form.
	if rest, ok := strings.CutPrefix(s, "政协"); ok {
		if i := strings.Index(rest, "委员会"); i > 0 {
			s = rest[:i] + "政协" + rest[i+len("委员会"):]
		}
	}
	s = strings.ReplaceAll(s, "委员会", "委")
	s = strings.NewReplacer("(", "（", ")", "）").Replace(s)
	return s
}

// FindUnit returns the unit that answers to name, or nil.
func FindUnit(units []Unit, name string) *Unit {
	for i := range units {
		if units[i].Answers(name) {
			return &units[i]
		}
	}
	return nil
}

// UnitChoice is what a user answered when the unit a report names was not
// plainly his or was unknown: Mine, the name is his own unit's (kept as an
// alias); ParentID, the office under which to register a new unit.
type UnitChoice struct {
	Mine     bool
	ParentID int64
}

// UnitPlace is where a new round goes: UnitID, an existing unit, given
// Alias as one more name when not empty; or, UnitID 0, a new unit of the
// round's name under ParentID.
type UnitPlace struct {
	UnitID   int64
	Alias    string
	ParentID int64
}

// Questions asked back by PlaceRound, as the fields of its validation
// error: the forms show them as a choice, the API names them.
const (
	FieldUnitMine   = "unit_mine"
	FieldUnitParent = "unit_parent"
)

// PlaceRound decides which unit a new round named name belongs to, for u
// (nil: the command line, trusted). A unit's own people keep rounds of
// their unit only: a name that is not one of its names is asked about
// (FieldUnitMine) and, answered, becomes its alias; a name of another
// registered unit is refused. An administrator's unknown name is a new
// unit, but only under a parent he chose (FieldUnitParent): never a
// top-level unit no inspection office sees. signedBy is the report's
// signature (落款), "" for none: a name no unit answers to, in a report
// signed with a unit's name, is that unit's, and becomes its alias.
func PlaceRound(u *User, units []Unit, name, signedBy string, c UnitChoice) (UnitPlace, error) {
	name = strings.TrimSpace(name)
	found := FindUnit(units, name)
	alias := ""
	if found == nil && strings.TrimSpace(signedBy) != "" {
		if found = FindUnit(units, signedBy); found != nil {
			alias = name
		}
	}
	v := &ValidationError{}
	if name == "" {
		v.Add("unit", "被巡察单位不能为空")
		return UnitPlace{}, v
	}
	if u != nil && u.Role != RoleAdmin {
		own := unitByID(units, u.UnitID)
		switch {
		case found != nil && found.ID == u.UnitID:
			return UnitPlace{UnitID: u.UnitID, Alias: alias}, nil
		case found != nil:
			v.Add("unit", "“"+name+"”是另一已登记单位（"+found.Name+"），只能为本单位（"+u.Unit+"）新建巡察轮次")
		case u.Role != RoleUnitAdmin || own == nil:
			v.Add("unit", "只能为本单位（"+u.Unit+"）新建巡察轮次")
		case c.Mine:
			return UnitPlace{UnitID: u.UnitID, Alias: name}, nil
		default:
			v.Add(FieldUnitMine, "报告中的被巡察单位“"+name+"”不是本单位（"+u.Unit+"）登记的名称；如确是本单位，请确认，该名称将记为本单位的别名")
		}
		return UnitPlace{}, v
	}
	if found != nil {
		return UnitPlace{UnitID: found.ID, Alias: alias}, nil
	}
	if c.ParentID != 0 {
		if unitByID(units, c.ParentID) == nil {
			v.Add(FieldUnitParent, "所选的上级单位不存在")
			return UnitPlace{}, v
		}
		return UnitPlace{ParentID: c.ParentID}, nil
	}
	if u == nil {
		return UnitPlace{}, nil // the command line registers it as it is
	}
	v.Add(FieldUnitParent, "被巡察单位“"+name+"”尚未登记，请选择它的上级单位（巡察办）后再导入")
	return UnitPlace{}, v
}

func unitByID(units []Unit, id int64) *Unit {
	for i := range units {
		if units[i].ID == id {
			return &units[i]
		}
	}
	return nil
}
