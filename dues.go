package zhenggai

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

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

// Valid reports whether m is a known rounding mode.
func (m Rounding) Valid() bool { return m == RoundHalfUp || m == RoundDown }

// Label is the mode as the settings page shows it.
func (m Rounding) Label() string {
	if m == RoundDown {
		return "舍去（截至分）"
	}
	return "四舍五入到分"
}

// ParseDuesKind reads a kind as branches write it (在职, 离退休, 退休, 学生
// 党员, 下岗失业, 低保, 农民 …) or as its code (in_service …).
func ParseDuesKind(s string) (DuesKind, bool) {
	s = strings.TrimSpace(s)
	if k := DuesKind(s); k.Valid() {
		return k, true
	}
	s = strings.TrimSuffix(strings.TrimSuffix(s, "党员"), "人员")
	switch s {
	case "在职", "在职职工", "在岗", "职工", "农民工":
		return DuesInService, true
	case "离退休", "退休", "离休", "离退休干部", "退休干部", "离休干部", "退休职工":
		return DuesRetired, true
	case "学生":
		return DuesStudent, true
	case "下岗失业", "下岗", "失业", "下岗、失业":
		return DuesUnemployed, true
	case "低保", "享受低保", "领取低保", "低保户":
		return DuesDibao, true
	case "农民":
		return DuesFarmer, true
	}
	return "", false
}

// RateText writes basis points as a percentage: 50 → 0.5%, 150 → 1.5%.
func RateText(bp int) string {
	s := strconv.Itoa(bp / 100)
	if r := bp % 100; r != 0 {
		s += strings.TrimRight("."+fmt.Sprintf("%02d", r), "0")
	}
	return s + "%"
}

// Yuan2 writes an amount with two decimals, as the dues command and the
// calculator show it: 76.50, 0.20.
func Yuan2(f Fen) string {
	sign, n := "", int64(f)
	if n < 0 {
		sign, n = "-", -n
	}
	return fmt.Sprintf("%s%d.%02d", sign, n/100, n%100)
}

// DuesCalculation is what the calculator shows for a kind and a base.
type DuesCalculation struct {
	Kind       DuesKind `json:"kind"`
	KindLabel  string   `json:"kind_label"`
	Base       string   `json:"base"`       // 元, two decimals
	BaseFen    Fen      `json:"base_fen"`   //
	RateBP     int      `json:"rate_bp"`    // 0 for fixed kinds
	Rate       string   `json:"rate"`       // "1.5%", "" for fixed kinds
	Tier       string   `json:"tier"`       // the rule's words
	Arithmetic string   `json:"arithmetic"` // "5000.00元 × 1% = 50.00元"
	Rounding   Rounding `json:"rounding"`
	Due        string   `json:"due"` // 元, two decimals
	DueFen     Fen      `json:"due_fen"`
}

// CalculateDues is Due with its rate, tier and arithmetic written out.
func CalculateDues(kind DuesKind, base, fixed Fen, mode Rounding) DuesCalculation {
	if !mode.Valid() {
		mode = RoundHalfUp
	}
	bp, tier := DuesRate(kind, base)
	due := Due(kind, base, fixed, mode)
	c := DuesCalculation{Kind: kind, KindLabel: kind.Label(), Base: Yuan2(base), BaseFen: base, RateBP: bp,
		Tier: tier, Rounding: mode, Due: Yuan2(due), DueFen: due}
	if kind.Fixed() {
		c.Base, c.BaseFen = "", 0
		c.Arithmetic = "固定交纳 " + Yuan2(due) + "元"
		if kind == DuesFarmer && fixed <= 0 {
			c.Arithmetic += "（未定数额，按最低0.20元）"
		}
		return c
	}
	c.Rate = RateText(bp)
	c.Arithmetic = Yuan2(base) + "元 × " + c.Rate + " = "
	if n := int64(base) * int64(bp); n%10000 != 0 {
		// The exact product has fractions of a fen: show it, then the rounding.
		exact := fmt.Sprintf("%d.%06d", n/1000000, n%1000000)
		exact = strings.TrimRight(exact, "0")
		how := "四舍五入到分"
		if mode == RoundDown {
			how = "舍去分以下"
		}
		c.Arithmetic += exact + "元，" + how + "为" + Yuan2(due) + "元"
	} else {
		c.Arithmetic += Yuan2(due) + "元"
	}
	return c
}

// ParseMonth reads a month as sheets write it (2019-03, 2019-3, 2019年3月,
// 2019.03, 2019/3, 201903) and returns it as "2019-03".
func ParseMonth(s string) (string, error) {
	s = strings.TrimSpace(foldDigits(s))
	s = strings.TrimSuffix(s, "月")
	var y, m string
	for _, sep := range []string{"-", "年", ".", "/"} {
		if a, b, ok := strings.Cut(s, sep); ok {
			y, m = a, b
			break
		}
	}
	if y == "" && len(s) == 6 {
		y, m = s[:4], s[4:]
	}
	if len(y) != 4 || !allDigits(y) || m == "" || len(m) > 2 || !allDigits(m) {
		return "", errors.New("月份须写作2019-03或2019年3月")
	}
	yy, _ := strconv.Atoi(y)
	mm, _ := strconv.Atoi(m)
	if mm < 1 || mm > 12 {
		return "", errors.New("月份须在1至12月之间")
	}
	if yy < 1949 || yy > 2100 {
		return "", errors.New("年份应在1949至2100之间")
	}
	return fmt.Sprintf("%04d-%02d", yy, mm), nil
}

// MonthChinese writes "2019-03" as 2019年3月.
func MonthChinese(month string) string {
	y, m, ok := strings.Cut(month, "-")
	if !ok {
		return month
	}
	return y + "年" + strings.TrimLeft(m, "0") + "月"
}

func checkMonth(v *ValidationError, field, label, s string, required bool) {
	if s == "" {
		if required {
			v.Add(field, label+"不能为空")
		}
		return
	}
	if m, err := ParseMonth(s); err != nil {
		v.Add(field, label+err.Error())
	} else if m != s {
		v.Add(field, label+"须写作"+m)
	}
}

// Validate checks a member before he is saved.
func (m *DuesMember) Validate() error {
	v := &ValidationError{}
	checkText(v, "name", "姓名", m.Name, true, MaxName)
	if !m.Kind.Valid() {
		v.Add("kind", "类别须为在职、离退休、学生、下岗失业、低保或农民")
	}
	switch {
	case m.Kind == DuesFarmer && m.Fixed != 0 && (m.Fixed < FarmerMin || m.Fixed > FarmerMax):
		v.Add("fixed", "农民党员每月交纳额须在0.20元至1.00元之间")
	case m.Kind != DuesFarmer && m.Fixed != 0:
		v.Add("fixed", "只有农民党员填写每月固定交纳额")
	}
	checkMonth(v, "joined", "起交月份", m.Joined, false)
	checkMonth(v, "left", "止交月份", m.Left, false)
	if m.Joined != "" && m.Left != "" && m.Left < m.Joined {
		v.Add("left", "止交月份不能早于起交月份")
	}
	if m.UnitID <= 0 {
		v.Add("unit_id", "请选择所属单位")
	}
	return v.Err()
}

// Owes reports whether the member owes dues for month ("2019-03").
func (m *DuesMember) Owes(month string) bool {
	return (m.Joined == "" || month >= m.Joined) && (m.Left == "" || month <= m.Left)
}

// Validate checks a yearly base.
func (b *DuesBase) Validate() error {
	v := &ValidationError{}
	if b.Year < 1949 || b.Year > 2100 {
		v.Add("year", "年度应在1949至2100之间")
	}
	if b.Base < 0 {
		v.Add("base", "缴费基数不能为负数")
	} else if b.Base > MaxFen {
		v.Add("base", "缴费基数过大")
	}
	return v.Err()
}

// Validate checks a month's payment.
func (p *DuesPayment) Validate() error {
	v := &ValidationError{}
	checkMonth(v, "month", "月份", p.Month, true)
	if p.Paid < 0 {
		v.Add("paid", "实交金额不能为负数")
	} else if p.Paid > MaxFen {
		v.Add("paid", "实交金额过大")
	}
	checkDate(v, "paid_on", "交纳日期", p.PaidOn, false)
	return v.Err()
}

// Rounding practices the self-inspection names when paid differs from due.
const (
	PracticeRounded = "四舍五入"
	PracticeTrimmed = "抹零头"
)

// DuesRoundingPractice names the practice a gap between paid and due
// shows: paid is the due rounded half up to the 元 (四舍五入), or the due
// with its fen or jiao dropped (抹零头); "" when the gap shows neither
// (paid equal, or simply short). When rounding half up lands below the
// due it is also a truncation; 四舍五入 names it, the milder reading.
func DuesRoundingPractice(due, paid Fen) string {
	if paid == due || due <= 0 || paid <= 0 { // nothing paid is unpaid, not rounded
		return ""
	}
	if paid == (due+50)/100*100 {
		return PracticeRounded
	}
	if paid == due/100*100 || paid == due/10*10 {
		return PracticeTrimmed
	}
	return ""
}

// DuesBasePractice names the practice when what was paid is the due of
// the base rounded half up (四舍五入) or cut down (抹零头) to the 10 or
// 100 元 — seed problem 17's "收缴基数存在四舍五入、抹零头"; failing that,
// the practice of the due itself (DuesRoundingPractice).
func DuesBasePractice(kind DuesKind, base, fixed Fen, mode Rounding, paid Fen) string {
	due := Due(kind, base, fixed, mode)
	if paid == due {
		return ""
	}
	if !kind.Fixed() {
		for _, unit := range []Fen{100, 1000, 10000} { // 元, 10元, 100元
			if base%unit == 0 {
				continue
			}
			if paid == Due(kind, base/unit*unit, fixed, mode) {
				return PracticeTrimmed
			}
			if paid == Due(kind, (base+unit/2)/unit*unit, fixed, mode) {
				return PracticeRounded
			}
		}
	}
	return DuesRoundingPractice(due, paid)
}

// DuesMonth is one month of a member's year: what was due, what was paid.
type DuesMonth struct {
	Month    string `json:"month"` // "2019-03"
	Owed     bool   `json:"owed"`  // a member that month, and the month has come
	Due      Fen    `json:"due"`
	Paid     Fen    `json:"paid"`
	Recorded bool   `json:"recorded"` // a payment is recorded
	PaidOn   Date   `json:"paid_on"`
}

// Short reports a month owed and paid less than due.
func (d DuesMonth) Short() bool { return d.Owed && d.Paid < d.Due }

// DuesYearOf lays out a member's twelve months of year: due on base by
// mode for the months he was a member up to through ("2020-10"; "" is the
// whole year), and what payments record.
func DuesYearOf(m *DuesMember, year int, base Fen, pays map[string]DuesPayment, mode Rounding, through string) []DuesMonth {
	out := make([]DuesMonth, 12)
	due := Due(m.Kind, base, m.Fixed, mode)
	for i := range out {
		month := fmt.Sprintf("%04d-%02d", year, i+1)
		d := DuesMonth{Month: month, Owed: m.Owes(month) && (through == "" || month <= through)}
		if d.Owed {
			d.Due = due
		}
		if p, ok := pays[month]; ok {
			d.Paid, d.Recorded, d.PaidOn = p.Paid, true, p.PaidOn
		}
		out[i] = d
	}
	return out
}
