package zhenggai

import (
	"strings"
	"time"
	"unicode"
)

// PersonKind sorts the persons of a unit's roster (人员名册).
type PersonKind string

const (
	PersonStaff   PersonKind = "staff"   // 干部职工
	PersonLeader  PersonKind = "leader"  // 领导班子成员
	PersonCPPCC   PersonKind = "cppcc"   // 政协委员
	PersonRetired PersonKind = "retired" // 离退休干部
)

// PersonKinds are the kinds in the order forms offer them.
var PersonKinds = []PersonKind{PersonLeader, PersonStaff, PersonCPPCC, PersonRetired}

// Label is the Chinese name of the kind.
func (k PersonKind) Label() string {
	switch k {
	case PersonStaff:
		return "干部职工"
	case PersonLeader:
		return "领导班子成员"
	case PersonCPPCC:
		return "政协委员"
	case PersonRetired:
		return "离退休干部"
	}
	return string(k)
}

// Valid reports whether k is a known kind.
func (k PersonKind) Valid() bool {
	for _, x := range PersonKinds {
		if k == x {
			return true
		}
	}
	return false
}

// Person is one person of a unit's roster. Records name persons by ID
// (a measure's leader and owner, a user account); Name is as the ledger
// writes it.
type Person struct {
	ID      int64      `json:"id"`
	UnitID  int64      `json:"unit_id"`
	Name    string     `json:"name"`  // 姓名
	Kind    PersonKind `json:"kind"`  // 人员类别
	Rank    string     `json:"rank"`  // 职务/职级
	Party   string     `json:"party"` // 政治面貌: 中共党员, 群众…
	Phone   string     `json:"phone"` // 联系电话
	Note    string     `json:"note"`  // 备注
	Version int64      `json:"version"`
	// CreatedAt is when the person was entered; Voided when he was
	// struck off (作废), and he then leaves the roster and resolves no
	// name.
	CreatedAt time.Time `json:"created_at"`
	Voided    bool      `json:"voided,omitempty"`
}

// Validate checks a person before he is saved.
func (p *Person) Validate() error {
	v := &ValidationError{}
	checkText(v, "name", "姓名", p.Name, true, MaxName)
	if PersonKey(p.Name) != "" && strings.TrimFunc(p.Name, unicode.IsSpace) != p.Name {
		v.Add("name", "姓名前后不能有空格")
	}
	if !p.Kind.Valid() {
		v.Add("kind", "人员类别须为领导班子成员、干部职工、政协委员或离退休干部")
	}
	checkText(v, "rank", "职务/职级", p.Rank, false, MaxName)
	checkText(v, "party", "政治面貌", p.Party, false, MaxName)
	checkText(v, "phone", "联系电话", p.Phone, false, 40)
	checkText(v, "note", "备注", p.Note, false, MaxTitle)
	if p.UnitID <= 0 {
		v.Add("unit_id", "请选择所属单位")
	}
	return v.Err()
}

// PersonKey is a name as persons are matched by it: without the spaces,
// half- or full-width, that ledgers put in and around two-character names
// to align them (“王  明”, “　王明”).
func PersonKey(name string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || Invisible(r) {
			return -1
		}
		return r
	}, name)
}

// ResolvePerson finds, among a unit's persons, the one a ledger's name
// means: one person (p), none (nil, nil: the name stays a name), or, when
// more than one bears the name, the candidates to choose from.
func ResolvePerson(persons []*Person, name string) (p *Person, candidates []*Person) {
	key := PersonKey(name)
	if key == "" {
		return nil, nil
	}
	for _, x := range persons {
		if !x.Voided && PersonKey(x.Name) == key {
			candidates = append(candidates, x)
		}
	}
	if len(candidates) == 1 {
		return candidates[0], nil
	}
	return nil, candidates
}

// ErrSameName is the message for a name two persons of the unit bear.
func ErrSameName(name string) string {
	return "本单位有两名“" + strings.TrimFunc(name, unicode.IsSpace) + "”，请在人员名册中区分（如注明职务）后再选"
}
