package zhenggai

import "time"

// CPPCC members (政协委员) and what they did in a term, from the registers:
// the seed finds members who submitted nothing in four years and a plenary
// with more than a hundred on leave (problem 12), training rare (11), the
// platform barely used (13). Attendance is the meetings register's: the
// plenary (全体会议) and standing committee (常委会议) meetings' attendance
// of the member's person.

// MemberStatus is where a member stands in his term.
type MemberStatus string

const (
	MemberActive    MemberStatus = "active"    // 在任
	MemberLeft      MemberStatus = "left"      // 已退出（调整、辞去）
	MemberSuspended MemberStatus = "suspended" // 暂停履职
)

// CPPCCMember is one member of a term (届): the person of the roster,
// his sector (界别) and the committee or group he belongs to.
type CPPCCMember struct {
	ID        int64        `json:"id"`
	UnitID    int64        `json:"unit_id"`
	PersonID  int64        `json:"person_id"`
	Name      string       `json:"name"`
	Term      string       `json:"term"`      // 第九届
	Sector    string       `json:"sector"`    // 界别
	Committee string       `json:"committee"` // 专委会或委员小组
	Standing  bool         `json:"standing"`  // 常委
	Status    MemberStatus `json:"status"`
	JoinedOn  Date         `json:"joined_on"`
	LeftOn    Date         `json:"left_on"`
	Township  string       `json:"township"`        // 所在乡镇（联络组）
	Phone     string       `json:"phone,omitempty"` // the roster's, read with him; not a column of his own
	Sample    bool         `json:"sample,omitempty"`
	Version   int64        `json:"version"`
	CreatedAt time.Time    `json:"created_at"`
	Voided    bool         `json:"voided,omitempty"`
}

// ActivityKind sorts a member's activities.
type ActivityKind string

const (
	ActivityResearch   ActivityKind = "research"   // 调研
	ActivityInspection ActivityKind = "inspection" // 视察
	ActivityTraining   ActivityKind = "training"   // 培训
	ActivityContact    ActivityKind = "contact"    // 联系群众
	ActivityOther      ActivityKind = "other"      // 其他履职活动
)

// ActivityKinds in the order forms offer them.
var ActivityKinds = []ActivityKind{ActivityResearch, ActivityInspection, ActivityTraining, ActivityContact, ActivityOther}

// MemberActivity is one activity a member took part in.
type MemberActivity struct {
	ID       int64        `json:"id"`
	UnitID   int64        `json:"unit_id"`
	MemberID int64        `json:"member_id"`
	Kind     ActivityKind `json:"kind"`
	Title    string       `json:"title"`
	On       Date         `json:"on"`
	Note     string       `json:"note"`
	Sample   bool         `json:"sample,omitempty"`
	Version  int64        `json:"version"`
	Voided   bool         `json:"voided,omitempty"`
}

// ScoreItem is one line of a performance scheme (委员履职考核评分): what
// is counted, the points per count, the cap, and whether it deducts.
type ScoreItem struct {
	Key    string `json:"key"`    // what is counted: see ScoreKeys
	Label  string `json:"label"`  // 出席全体会议
	Points int    `json:"points"` // per count; negative deducts
	Cap    int    `json:"cap"`    // the most (or, deducting, the least as a positive number) it gives; 0 no cap
}

// ScoreGrade is a grade from a least score up (优秀 ≥ 90 …).
type ScoreGrade struct {
	Label string `json:"label"`
	Min   int    `json:"min"`
}

// ScoreScheme is the unit's scheme, a setting ("members.score").
type ScoreScheme struct {
	Items  []ScoreItem  `json:"items"`
	Grades []ScoreGrade `json:"grades"` // from the highest down
	Pass   int          `json:"pass"`   // 合格线
}

// ScoreKeys are what a scheme may count, from the registers.
var ScoreKeys = []string{
	"plenary_present",     // 出席全体会议（次）
	"plenary_leave",       // 全体会议请假（次）
	"plenary_absent",      // 全体会议无故缺席（次）
	"standing_present",    // 出席常委会议（次，常委）
	"standing_absent",     // 常委会议无故缺席（次）
	"proposal",            // 提交提案（件，领衔）
	"proposal_cosign",     // 联名提案（件）
	"proposal_registered", // 提案立案（件，领衔）
	"sqmy",                // 社情民意信息（条）
	"sqmy_adopted",        // 社情民意被采用（条）
	"micro",               // 微建议（条）
	"research",            // 调研（次）
	"inspection",          // 视察（次）
	"training",            // 培训（次）
	"contact",             // 联系群众（次）
}

// DefaultScoreScheme is the scheme a unit starts with (DESIGN: meetings
// 50, proposals 25, activities 10, 社情民意 15; pass 60), documented in the
// README.
var DefaultScoreScheme = ScoreScheme{
	Items: []ScoreItem{
		{"plenary_present", "出席全体会议", 10, 40},
		{"standing_present", "出席常委会议", 2, 10},
		{"plenary_absent", "全体会议无故缺席", -10, 30},
		{"proposal", "提交提案（领衔）", 10, 20},
		{"proposal_cosign", "联名提案", 2, 5},
		{"sqmy", "社情民意信息", 3, 10},
		{"sqmy_adopted", "社情民意被采用", 5, 5},
		{"research", "参加调研", 2, 4},
		{"inspection", "参加视察", 2, 4},
		{"training", "参加培训", 1, 2},
	},
	Grades: []ScoreGrade{{"优秀", 90}, {"良好", 75}, {"合格", 60}, {"不合格", 0}},
	Pass:   60,
}

// ScoreLine explains points given for one item: "出席全体会议 3次 × 10分 = 30分（上限40分）".
type ScoreLine struct {
	Key    string `json:"key"`
	Label  string `json:"label"`
	Count  int    `json:"count"`
	Points int    `json:"points"` // after the cap
	Text   string `json:"text"`
}

// MemberScore is a member's score for a year or term, every point explained.
type MemberScore struct {
	MemberID int64       `json:"member_id"`
	Name     string      `json:"name"`
	Lines    []ScoreLine `json:"lines"`
	Total    int         `json:"total"`
	Grade    string      `json:"grade"`
	Passed   bool        `json:"passed"`
}
