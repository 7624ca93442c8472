package zhenggai

// Party dues (党费), computed by 中组发〔2008〕3号 and compared with what
// the branch recorded as paid (seed problem 17).

// DuesKind is how a member's dues are set.
type DuesKind string

const (
	DuesInService  DuesKind = "in_service" // 在职
	DuesRetired    DuesKind = "retired"    // 离退休
	DuesStudent    DuesKind = "student"    // 学生
	DuesUnemployed DuesKind = "unemployed" // 下岗失业
	DuesDibao      DuesKind = "dibao"      // 享受低保
	DuesFarmer     DuesKind = "farmer"     // 农民 (a fixed amount per member)
)

// DuesKinds are the kinds in the order forms offer them.
var DuesKinds = []DuesKind{DuesInService, DuesRetired, DuesStudent, DuesUnemployed, DuesDibao, DuesFarmer}

// DuesMember is a member of the branch paying dues.
type DuesMember struct {
	ID       int64    `json:"id"`
	UnitID   int64    `json:"unit_id"`
	PersonID int64    `json:"person_id"`
	Name     string   `json:"name"`
	Kind     DuesKind `json:"kind"`
	// Fixed is the monthly amount of a farmer (0.20–1.00元 as the branch
	// sets it); students, the unemployed and 低保 pay 0.20元 by rule.
	Fixed   Fen    `json:"fixed"`
	Joined  string `json:"joined"` // first month due, "2016-01"
	Left    string `json:"left"`   // last month due, "" while a member
	Sample  bool   `json:"sample,omitempty"`
	Version int64  `json:"version"`
}

// DuesBase is a member's monthly base for a year (from the payroll's
// 税后 figure, set yearly).
type DuesBase struct {
	MemberID int64 `json:"member_id"`
	Year     int   `json:"year"`
	Base     Fen   `json:"base"`
}

// DuesPayment is what a member paid for one month.
type DuesPayment struct {
	MemberID int64  `json:"member_id"`
	Month    string `json:"month"` // "2019-03"
	Paid     Fen    `json:"paid"`
	PaidOn   Date   `json:"paid_on"`
}

// Rounding is how a computed due is brought to the fen.
type Rounding string

const (
	RoundHalfUp Rounding = "half_up" // 四舍五入 to the fen, the default
	RoundDown   Rounding = "down"    // truncated to the fen
)
