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

// StudentDue is the fixed monthly due of students, the unemployed and
// members on 低保 (0.20元), and the default of a farmer.
const StudentDue Fen = 20

// Farmer fixed amounts are 0.20–1.00元 by the rule.
const (
	FarmerMin Fen = 20
	FarmerMax Fen = 100
)

// Label is the kind as branches write it.
func (k DuesKind) Label() string {
	switch k {
	case DuesInService:
		return "在职"
	case DuesRetired:
		return "离退休"
	case DuesStudent:
		return "学生"
	case DuesUnemployed:
		return "下岗失业"
	case DuesDibao:
		return "低保"
	case DuesFarmer:
		return "农民"
	}
	return string(k)
}

// Valid reports whether k is one of DuesKinds.
func (k DuesKind) Valid() bool {
	for _, x := range DuesKinds {
		if k == x {
			return true
		}
	}
	return false
}

// Fixed reports whether the kind pays a fixed amount, not a share of a base.
func (k DuesKind) Fixed() bool {
	return k == DuesStudent || k == DuesUnemployed || k == DuesDibao || k == DuesFarmer
}

// DuesRate is the rate in basis points (1% = 100) applied to the whole
// base, and the tier of 中组发〔2008〕3号 it comes from. Fixed kinds have
// rate 0 and a tier naming the fixed amount. The whole base is taken at
// one rate: the tiers are not progressive.
func DuesRate(kind DuesKind, base Fen) (bp int, tier string) {
	switch kind {
	case DuesInService:
		switch {
		case base <= 300000:
			return 50, "月工资收入（税后）3000元以下（含）的，交纳0.5%"
		case base <= 500000:
			return 100, "月工资收入（税后）3000元以上至5000元（含）的，交纳1%"
		case base <= 1000000:
			return 150, "月工资收入（税后）5000元以上至10000元（含）的，交纳1.5%"
		default:
			return 200, "月工资收入（税后）10000元以上的，交纳2%"
		}
	case DuesRetired:
		if base <= 500000 {
			return 50, "离退休费（养老金）总额5000元以下（含）的，交纳0.5%"
		}
		return 100, "离退休费（养老金）总额5000元以上的，交纳1%"
	case DuesStudent:
		return 0, "学生党员每月交纳0.20元"
	case DuesUnemployed:
		return 0, "下岗失业党员每月交纳0.20元"
	case DuesDibao:
		return 0, "领取最低生活保障金的党员每月交纳0.20元"
	case DuesFarmer:
		return 0, "农民党员每月交纳0.20元至1.00元（按支部确定的数额）"
	}
	return 0, ""
}

// Due is a member's monthly due in fen: base × rate brought to the fen by
// mode (half up unless mode is RoundDown), or the fixed amount of a fixed
// kind (a farmer's own amount, 0.20元 when not set). Integer arithmetic
// only: fen × basis points / 10000.
func Due(kind DuesKind, base, fixed Fen, mode Rounding) Fen {
	switch kind {
	case DuesStudent, DuesUnemployed, DuesDibao:
		return StudentDue
	case DuesFarmer:
		if fixed <= 0 {
			return StudentDue
		}
		return fixed
	}
	if base <= 0 {
		return 0
	}
	bp, _ := DuesRate(kind, base)
	n := int64(base) * int64(bp) // base ≤ MaxFen, bp ≤ 200: no overflow
	if mode == RoundDown {
		return Fen(n / 10000)
	}
	return Fen((n + 5000) / 10000)
}
