package zhenggai

import "time"

// Meetings (会议记录): each meeting type keeps its own numbered book
// (2019年第5次党组会议). The clerk types a meeting from the handwritten
// minutes or imports a book from Excel; the self-inspection reads the
// books for seed problems 21–25.

// DefaultMeetingTypes are the meeting types a unit starts with (the
// setting "meeting_types" replaces them, one per line).
var DefaultMeetingTypes = []string{
	"党组会议", "主席会议", "常委会议", "全体会议", "机关干部会", "中心组学习",
	"支部党员大会", "支委会", "党课", "民主生活会", "组织生活会",
}

// MeetingPartyGroup is the type that alone may decide 三重一大 items.
const MeetingPartyGroup = "党组会议"

// MeetingStudyGroup is the type of the 中心组 (theory study group) sessions.
const MeetingStudyGroup = "中心组学习"

// Presence is how one expected member stood at a meeting.
type Presence string

const (
	Present       Presence = "present" // 出席
	OnLeave       Presence = "leave"   // 请假 (leave approved)
	WrittenView   Presence = "written" // 请假并书面表达意见
	AbsentNoLeave Presence = "absent"  // 缺席 (no leave)
)

// ItemKind sorts agenda items: ordinary, or one of the four 三重一大 kinds.
type ItemKind string

const (
	ItemOrdinary      ItemKind = "ordinary"       // 一般事项
	ItemMajorDecision ItemKind = "major_decision" // 重大决策
	ItemCadre         ItemKind = "cadre"          // 干部任免 (重要干部任免)
	ItemMajorProject  ItemKind = "major_project"  // 重大项目
	ItemLargeFund     ItemKind = "large_fund"     // 大额资金 (大额度资金使用)
)

// ItemKinds are the kinds in the order forms offer them.
var ItemKinds = []ItemKind{ItemOrdinary, ItemMajorDecision, ItemCadre, ItemMajorProject, ItemLargeFund}

// Position is what a participant said of an item.
type Position string

const (
	PosAgree    Position = "agree"    // 同意
	PosDisagree Position = "disagree" // 不同意
	PosAbstain  Position = "abstain"  // 弃权
	PosView     Position = "opinion"  // 意见 (a view without a vote)
)

// Meeting is one meeting of a unit, as its minutes record it.
type Meeting struct {
	ID     int64  `json:"id"`
	UnitID int64  `json:"unit_id"`
	Type   string `json:"type"` // 会议类型, one of the unit's meeting types
	// Book is the record book the minutes are written in; it is Type's
	// own book unless the minutes were kept in another type's book (seed
	// problem 21: 会议记录混用).
	Book   string `json:"book"`
	Number int    `json:"number"` // 第N次, counted per type and year
	Date   Date   `json:"date"`
	Place  string `json:"place"`
	// Chair presides (主持人): a person of the roster.
	ChairID   int64  `json:"chair_id"`
	ChairName string `json:"chair_name"`
	Recorder  string `json:"recorder"` // 记录人
	// Attendance lists every member expected, with how he stood.
	Attendance []Attendance `json:"attendance"`
	// NonMembers attending (列席), free text.
	NonMembers string       `json:"non_members"`
	Items      []AgendaItem `json:"items"`
	// MinutesSHA256 names the scanned minutes in the evidence store.
	MinutesSHA256 string    `json:"minutes_sha256,omitempty"`
	Note          string    `json:"note"`
	Sample        bool      `json:"sample,omitempty"` // demo's sample data (示例数据)
	Version       int64     `json:"version"`
	CreatedAt     time.Time `json:"created_at"`
	Voided        bool      `json:"voided,omitempty"`
}

// Attendance is one expected member of a meeting.
type Attendance struct {
	PersonID int64    `json:"person_id"`
	Name     string   `json:"name"`
	Presence Presence `json:"presence"`
	Note     string   `json:"note"` // the leave's reason, or the written view
}

// AgendaItem is one item (议题) of a meeting.
type AgendaItem struct {
	ID     int64    `json:"id"`
	Seq    int      `json:"seq"` // 1, 2, … in the meeting
	Title  string   `json:"title"`
	Kind   ItemKind `json:"kind"`
	Amount Fen      `json:"amount"` // for ItemLargeFund, the sum decided
	// Statements in speaking order.
	Statements []Statement `json:"statements"`
	Decision   string      `json:"decision"` // 决定事项
}

// Statement is one participant's statement on an item.
type Statement struct {
	Seq      int      `json:"seq"` // speaking order, from 1
	PersonID int64    `json:"person_id"`
	Name     string   `json:"name"`
	Position Position `json:"position"`
	Summary  string   `json:"summary"`
}
