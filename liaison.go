package zhenggai

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Township liaison groups (乡镇政协联络组): the seed finds 8 of 23
// townships without a group leader, one since 2018, and leaders seldom
// invited to inspections, research or the standing committee (problem 15).

// Township is one township of the county with its liaison group.
type Township struct {
	ID     int64  `json:"id"`
	UnitID int64  `json:"unit_id"`
	Name   string `json:"name"` // 澧源镇
	Seq    int    `json:"seq"`
	Note   string `json:"note"`
	// Since is when the group was set up (成立日期): a group never led is
	// vacant since then.
	Since   Date  `json:"since"`
	Sample  bool  `json:"sample,omitempty"`
	Version int64 `json:"version"`
	// The group: its leader over time and its members.
	Posts       []LiaisonPost       `json:"posts"`
	Invitations []LiaisonInvitation `json:"invitations"`
	CreatedAt   time.Time           `json:"created_at"`
	Voided      bool                `json:"voided,omitempty"`
}

// LiaisonRole is a post in a township's group.
type LiaisonRole string

const (
	LiaisonLeader LiaisonRole = "leader" // 联络组长
	LiaisonDeputy LiaisonRole = "deputy" // 副组长
	LiaisonMember LiaisonRole = "member" // 成员
)

// LiaisonPost is one person holding a post in a group from a date to a
// date ("" while he holds it): a township's leader is vacant since the
// last leader's To when no later leader holds the post.
type LiaisonPost struct {
	ID       int64       `json:"id"`
	PersonID int64       `json:"person_id,omitempty"`
	MemberID int64       `json:"member_id,omitempty"` // the CPPCC member, if he is one
	Name     string      `json:"name"`
	Role     LiaisonRole `json:"role"`
	From     Date        `json:"from"`
	To       Date        `json:"to"`
}

// InvitationKind is what a liaison leader was invited to.
type InvitationKind string

const (
	InviteInspection InvitationKind = "inspection" // 视察
	InviteResearch   InvitationKind = "research"   // 调研
	InviteStanding   InvitationKind = "standing"   // 列席常委会议
)

// LiaisonInvitation is one invitation of a township's group.
type LiaisonInvitation struct {
	ID       int64          `json:"id"`
	Kind     InvitationKind `json:"kind"`
	Title    string         `json:"title"`
	On       Date           `json:"on"`
	Name     string         `json:"name"` // who was invited
	PersonID int64          `json:"person_id,omitempty"`
	Attended bool           `json:"attended"`
}

// LiaisonRoles in the order forms offer them.
var LiaisonRoles = []LiaisonRole{LiaisonLeader, LiaisonDeputy, LiaisonMember}

// Label is the Chinese name of r.
func (r LiaisonRole) Label() string {
	switch r {
	case LiaisonLeader:
		return "组长"
	case LiaisonDeputy:
		return "副组长"
	case LiaisonMember:
		return "成员"
	}
	return string(r)
}

// Valid reports whether r is a known post.
func (r LiaisonRole) Valid() bool { return slices.Contains(LiaisonRoles, r) }

// ParseLiaisonRole reads a post by its code or as offices write it.
func ParseLiaisonRole(s string) (LiaisonRole, bool) {
	switch strings.TrimSpace(s) {
	case "leader", "组长", "联络组长", "联络组组长":
		return LiaisonLeader, true
	case "deputy", "副组长", "联络组副组长":
		return LiaisonDeputy, true
	case "member", "", "成员", "组员", "联络组成员":
		return LiaisonMember, true
	}
	return "", false
}

// InvitationKinds in the order forms offer them.
var InvitationKinds = []InvitationKind{InviteInspection, InviteResearch, InviteStanding}

// Label is the Chinese name of k.
func (k InvitationKind) Label() string {
	switch k {
	case InviteInspection:
		return "视察"
	case InviteResearch:
		return "调研"
	case InviteStanding:
		return "列席常委会议"
	}
	return string(k)
}

// Valid reports whether k is a known kind.
func (k InvitationKind) Valid() bool { return slices.Contains(InvitationKinds, k) }

// ParseInvitationKind reads a kind by its code or as offices write it.
func ParseInvitationKind(s string) (InvitationKind, bool) {
	s = strings.TrimSpace(s)
	switch {
	case s == "inspection" || strings.Contains(s, "视察"):
		return InviteInspection, true
	case s == "research" || strings.Contains(s, "调研") || strings.Contains(s, "考察"):
		return InviteResearch, true
	case s == "standing" || strings.Contains(s, "常委"):
		return InviteStanding, true
	}
	return "", false
}

// holds reports whether p covers day d: From (none: always before) to
// To (none: still held), both days included.
func (p *LiaisonPost) holds(d Date) bool {
	return (p.From.IsZero() || !d.Before(p.From)) && (p.To.IsZero() || !p.To.Before(d))
}

// LeaderOn is the leader's post on day d, nil when vacant. On a handover
// day (one's To, the next's From) it is the one taking over.
func (t *Township) LeaderOn(d Date) *LiaisonPost {
	var out *LiaisonPost
	for i := range t.Posts {
		p := &t.Posts[i]
		if p.Role != LiaisonLeader || !p.holds(d) {
			continue
		}
		if out == nil || out.From.Before(p.From) {
			out = p
		}
	}
	return out
}

// VacantSince tells whether the group has no leader today, and since
// when: the last leader's To, or, never led, the day the group was set
// up (zero when not known).
func (t *Township) VacantSince(today Date) (Date, bool) {
	if t.LeaderOn(today) != nil {
		return Date{}, false
	}
	var since Date
	led := false
	for _, p := range t.Posts {
		if p.Role != LiaisonLeader || p.To.IsZero() || today.Before(p.To) {
			continue // a leader yet to come leaves the post vacant till then
		}
		if !led || since.Before(p.To) {
			since, led = p.To, true
		}
	}
	if !led {
		since = t.Since
	}
	return since, true
}

// VacancyLabel is how a list shows a vacant post: 空缺（自2018年3月起）.
func VacancyLabel(since Date) string {
	if since.IsZero() {
		return "空缺"
	}
	return fmt.Sprintf("空缺（自%d年%d月起）", since.Year(), since.Month())
}

// MembersOn are the posts held on day d other than the leader's, deputies first.
func (t *Township) MembersOn(d Date) []LiaisonPost {
	var out []LiaisonPost
	for _, r := range []LiaisonRole{LiaisonDeputy, LiaisonMember} {
		for _, p := range t.Posts {
			if p.Role == r && p.holds(d) {
				out = append(out, p)
			}
		}
	}
	return out
}

// Normalize trims what was typed.
func (t *Township) Normalize() {
	t.Name, t.Note = strings.TrimSpace(t.Name), strings.TrimSpace(t.Note)
	for i := range t.Posts {
		p := &t.Posts[i]
		p.Name = strings.TrimSpace(p.Name)
		if p.Role == "" {
			p.Role = LiaisonMember
		}
	}
	for i := range t.Invitations {
		in := &t.Invitations[i]
		in.Title, in.Name = strings.TrimSpace(in.Title), strings.TrimSpace(in.Name)
	}
}

// Validate checks a township with its group before it is saved: each
// post's name, role and dates (From ≤ To), no two leaders at once, each
// invitation's kind, title and date.
func (t *Township) Validate() error {
	v := &ValidationError{}
	if t.UnitID <= 0 {
		v.Add("unit_id", "请选择所属单位")
	}
	checkText(v, "name", "乡镇名称", t.Name, true, MaxName)
	checkText(v, "note", "备注", t.Note, false, MaxTitle)
	checkDate(v, "since", "联络组成立日期", t.Since, false)
	if t.Seq < 0 || t.Seq > 9999 {
		v.Add("seq", "序号应在0至9999之间")
	}
	if len(t.Posts) > 500 {
		v.Add("posts", "任职记录过多（最多500条）")
	}
	for i, p := range t.Posts {
		f := fmt.Sprintf("posts.%d", i)
		label := fmt.Sprintf("任职第%d条", i+1)
		checkText(v, f+".name", label+"的姓名", p.Name, true, MaxName)
		if !p.Role.Valid() {
			v.Add(f+".role", label+"的职务须为组长、副组长或成员")
		}
		checkDate(v, f+".from", label+"的任职起始日期", p.From, p.Role == LiaisonLeader)
		checkDate(v, f+".to", label+"的任职截止日期", p.To, false)
		if !p.From.IsZero() && !p.To.IsZero() && p.To.Before(p.From) {
			v.Add(f+".to", fmt.Sprintf("%s的任职截止日期%s早于起始日期%s", label, p.To.Chinese(), p.From.Chinese()))
		}
	}
	// No two leaders at once; a handover day (To = the next From) is one.
	for i, a := range t.Posts {
		if a.Role != LiaisonLeader {
			continue
		}
		for j := i + 1; j < len(t.Posts); j++ {
			b := t.Posts[j]
			if b.Role != LiaisonLeader || !overlap(a, b) {
				continue
			}
			v.Add(fmt.Sprintf("posts.%d.from", j), fmt.Sprintf("任职第%d条（组长%s）与第%d条（组长%s）任期重叠：同一时间只能有一名联络组长",
				j+1, b.Name, i+1, a.Name))
		}
	}
	if len(t.Invitations) > 2000 {
		v.Add("invitations", "受邀活动过多（最多2000条）")
	}
	for i, in := range t.Invitations {
		f := fmt.Sprintf("invitations.%d", i)
		label := fmt.Sprintf("受邀活动第%d条", i+1)
		if !in.Kind.Valid() {
			v.Add(f+".kind", label+"的类别须为视察、调研或列席常委会议")
		}
		checkText(v, f+".title", label+"的活动名称", in.Title, true, MaxTitle)
		checkDate(v, f+".on", label+"的日期", in.On, true)
		checkText(v, f+".name", label+"的受邀人", in.Name, false, MaxName)
	}
	return v.Err()
}

// overlap reports whether two posts share more than a handover day.
func overlap(a, b LiaisonPost) bool {
	// a starts before b ends, and b before a ends (open ends never end).
	aBeforeBEnds := b.To.IsZero() || a.From.IsZero() || a.From.Before(b.To)
	bBeforeAEnds := a.To.IsZero() || b.From.IsZero() || b.From.Before(a.To)
	return aBeforeBEnds && bBeforeAEnds
}
