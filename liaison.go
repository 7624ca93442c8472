package zhenggai

import "time"

// Township liaison groups (乡镇政协联络组): the seed finds 8 of 23
// townships without a group leader, one since 2018, and leaders seldom
// invited to inspections, research or the standing committee (problem 15).

// Township is one township of the county with its liaison group.
type Township struct {
	ID      int64  `json:"id"`
	UnitID  int64  `json:"unit_id"`
	Name    string `json:"name"` // 澧源镇
	Seq     int    `json:"seq"`
	Note    string `json:"note"`
	Sample  bool   `json:"sample,omitempty"`
	Version int64  `json:"version"`
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
