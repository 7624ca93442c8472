package zhenggai

import (
	"crypto/rand"
	"fmt"
	"strings"
	"time"
)

// OpinionStatus is where an opinion from the public stands.
type OpinionStatus string

const (
	OpinionNew      OpinionStatus = "new"      // 待处理
	OpinionAssigned OpinionStatus = "assigned" // 办理中
	OpinionReview   OpinionStatus = "review"   // 答复待审核: the assignee drafted it
	OpinionAnswered OpinionStatus = "answered" // 已答复
	OpinionClosed   OpinionStatus = "closed"   // 已办结
)

// OpinionStatuses lists the statuses in their order.
var OpinionStatuses = []OpinionStatus{OpinionNew, OpinionAssigned, OpinionReview, OpinionAnswered, OpinionClosed}

// Label is the Chinese name of the status.
func (s OpinionStatus) Label() string {
	switch s {
	case OpinionNew:
		return "待处理"
	case OpinionAssigned:
		return "办理中"
	case OpinionReview:
		return "答复待审核"
	case OpinionAnswered:
		return "已答复"
	case OpinionClosed:
		return "已办结"
	}
	return string(s)
}

// Length limits of an opinion, in characters.
const (
	MaxOpinion = 2000 // what a visitor writes
	MaxContact = 100  // a phone number or an e-mail address
	MaxAnswer  = 5000 // the unit's answer
)

// Opinion is a supervision opinion (意见建议) from the public on a
// published report, optionally on one of its problems. Name and contact
// are optional and never shown publicly; the answer is shown under the
// opinion on the report page once the unit publishes it.
type Opinion struct {
	ID            int64
	UnitID        int64
	PublicationID int64
	ProblemID     int64  // 0: the report as a whole
	Problem       string // the problem's label when the opinion was sent
	Ref           string // reference number, e.g. YJ20261127-K7M3-Q9XD (YJ20261127-0001 before issue 11)
	// Receipt is the digest of the secret the sender's browser keeps,
	// which alone opens the opinion's thank-you page; set when it is sent.
	Receipt         string
	Name            string
	Contact         string
	Content         string
	Status          OpinionStatus
	AssigneeID      int64
	Assignee        string // the assignee's display name, when read
	Answer          string
	AnswerPublished bool
	AnsweredAt      time.Time
	AnsweredBy      string
	// DueOn is the answer deadline, set when it arrives (Settings.OpinionDue);
	// zero for opinions received before deadlines.
	DueOn Date
	// Draft is the answer the assignee proposes, waiting for the unit's
	// office to approve it (it then becomes Answer) or return it with
	// ReviewNote; the public never sees a draft.
	Draft      string
	DraftedBy  string
	DraftedAt  time.Time
	ReviewNote string
	CreatedAt  time.Time
	UpdatedAt  time.Time
	Version    int64
}

// Validate checks what a visitor sent.
func (o *Opinion) Validate() error {
	v := &ValidationError{}
	checkText(v, "name", "姓名", o.Name, false, MaxName)
	checkText(v, "contact", "联系方式", o.Contact, false, MaxContact)
	checkText(v, "content", "意见建议", o.Content, true, MaxOpinion)
	if strings.TrimSpace(o.Content) != "" && len([]rune(strings.TrimSpace(o.Content))) < 5 {
		v.Add("content", "意见建议过短（至少5个字）")
	}
	return v.Err()
}

// ValidateAnswer checks the unit's answer.
func ValidateAnswer(answer string) error {
	v := &ValidationError{}
	checkText(v, "answer", "答复", answer, true, MaxAnswer)
	return v.Err()
}

// refAlphabet is what a reference number's random part is written in:
// capitals and digits without 0/O, 1/I, which are confused when read out or
// copied by hand.
const refAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"

// NewOpinionRef is the reference number of an opinion received on a day
// (in Shanghai): the day, then eight random characters in two groups of
// four, YJ20261127-K7M3-Q9XD. 32^8 (about 10^12) per day cannot be guessed
// from another number or counted through, and it still reads out over the
// phone.
func NewOpinionRef(day Date) string {
	b := make([]byte, 8)
	rand.Read(b)
	out := fmt.Sprintf("YJ%04d%02d%02d-", day.Year(), day.Month(), day.Day())
	for i, c := range b {
		if i == 4 {
			out += "-"
		}
		out += string(refAlphabet[int(c)%len(refAlphabet)]) // 256 is a multiple of 32: every character as likely
	}
	return out
}

// Valid reports whether s is a known status.
func (s OpinionStatus) Valid() bool {
	for _, k := range OpinionStatuses {
		if s == k {
			return true
		}
	}
	return false
}

// Open reports whether the opinion still waits for its answer.
func (s OpinionStatus) Open() bool {
	return s == OpinionNew || s == OpinionAssigned || s == OpinionReview
}

// OpinionYellowWorkdays: an open opinion is yellow in the last working
// days before its deadline, red once past it, green before.
const OpinionYellowWorkdays = 5

// Colour is how urgent the opinion's answer is on day today, in the three
// colours of the warnings: none once answered or closed, or without a
// deadline.
func (o *Opinion) Colour(today Date) Colour {
	if !o.Status.Open() || o.DueOn.IsZero() {
		return NoColour
	}
	switch {
	case o.DueOn.Before(today):
		return Red
	case today.WorkdaysUntil(o.DueOn) <= OpinionYellowWorkdays:
		return Yellow
	}
	return Green
}

// OpinionAssignable reports whether u may be given opinion o to handle:
// an enabled account of its unit that is its office (单位管理员), or a
// leader or owner of the problem it is on, named in leaders or owners
// (the problem's measures, by the names the ledger writes).
func OpinionAssignable(u *User, o *Opinion, leaders, owners []string) bool {
	if u == nil || u.Disabled || u.UnitID != o.UnitID {
		return false
	}
	in := func(list []string) bool {
		for _, n := range list {
			if u.LedgerName != "" && strings.TrimSpace(n) == u.LedgerName {
				return true
			}
		}
		return false
	}
	switch u.Role {
	case RoleUnitAdmin:
		return true
	case RoleLeader:
		return o.ProblemID != 0 && in(leaders)
	case RoleResponsible:
		return o.ProblemID != 0 && in(owners)
	}
	return false
}

// OpinionStep is one step of an opinion's handling that tells someone.
type OpinionStep string

const (
	OpinionReceived OpinionStep = "received" // from the public: the unit's office
	OpinionGiven    OpinionStep = "assigned" // to its assignee
	OpinionDrafted  OpinionStep = "drafted"  // the assignee's answer: the office, to review
	OpinionApproved OpinionStep = "approved" // the draft stands as the answer: the assignee
	OpinionReturned OpinionStep = "returned" // the draft sent back with a reason: the assignee
)

// OpinionScope is the set of units whose opinions u may list (contacts
// included): all for the administrator, an inspection office's subtree,
// a unit's office its unit; false for everyone else (an assignee reads
// only what he is given, from his inbox).
func OpinionScope(u *User) (Scope, bool) {
	switch {
	case u == nil || u.Disabled:
		return Scope{}, false
	case u.Role == RoleAdmin:
		return Scope{All: true}, true
	case u.Role == RoleSupervisor:
		return Scope{Office: u.UnitID}, true
	case u.Role == RoleUnitAdmin:
		return Scope{Unit: u.UnitID}, true
	}
	return Scope{}, false
}
