package zhenggai

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Study (理论学习): the study sessions are meetings of the study types in
// the meetings register (their attendance and agenda are what was
// studied and by whom); the notes checks (学习笔记检查) are kept here: the
// seed's measure "党组书记和党支部书记定期对党员的学习笔记进行检查"
// (seed problems 1–3).

// DefaultStudyTypes are the meeting types that are study sessions when
// the unit names none (the setting StudyTypesSetting); only those among
// the unit's meeting types count.
var DefaultStudyTypes = []string{MeetingStudyGroup, "支部学习", "主题党日", "党课"}

// StudyTypesSetting names the unit setting listing the study types, one
// a line (store.NamedSettings).
const StudyTypesSetting = "study.types"

// StudyTypesFrom is the study types: the setting's lines, else the
// defaults; in either case only those among the unit's meeting types.
func StudyTypesFrom(value string, meetingTypes []string) []string {
	want := MeetingTypesFrom(value)
	if strings.TrimSpace(value) == "" {
		want = DefaultStudyTypes
	}
	var out []string
	for _, t := range want {
		if slices.Contains(meetingTypes, t) {
			out = append(out, t)
		}
	}
	return out
}

// NotesResult is a check's conclusion on one person's notes.
type NotesResult string

const (
	NotesPass       NotesResult = "pass"       // 合格
	NotesIncomplete NotesResult = "incomplete" // 记录不全
	NotesNone       NotesResult = "none"       // 无笔记
)

// NotesResults in the order forms offer them.
var NotesResults = []NotesResult{NotesPass, NotesIncomplete, NotesNone}

// Label is the Chinese name of r.
func (r NotesResult) Label() string {
	switch r {
	case NotesPass:
		return "合格"
	case NotesIncomplete:
		return "记录不全"
	case NotesNone:
		return "无笔记"
	}
	return string(r)
}

// Valid reports whether r is a known result.
func (r NotesResult) Valid() bool { return slices.Contains(NotesResults, r) }

// ParseNotesResult reads a result by its code or as offices write it.
func ParseNotesResult(s string) (NotesResult, bool) {
	switch strings.TrimSpace(s) {
	case "pass", "合格", "良好", "优秀", "较好":
		return NotesPass, true
	case "incomplete", "记录不全", "不全", "不完整", "基本合格", "不合格":
		return NotesIncomplete, true
	case "none", "无笔记", "无", "没有笔记", "未记笔记":
		return NotesNone, true
	}
	return "", false
}

// StudyPeriod is the month or quarter a check covers: "2020-09" or
// "2020-Q3".
type StudyPeriod string

var (
	rePeriodMonth   = regexp.MustCompile(`^(\d{4})\s*(?:-|/|\.|年)\s*(\d{1,2})\s*月?$`)
	rePeriodQuarter = regexp.MustCompile(`^(\d{4})\s*(?:-|年)?\s*(?:Q|q|第)\s*([1-4一二三四])\s*(?:季度|季)?$`)
)

// ParseStudyPeriod reads a period as offices write it: 2020年9月,
// 2020-09, 2020年第三季度, 2020Q3.
func ParseStudyPeriod(s string) (StudyPeriod, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 40 {
		return "", false
	}
	if m := rePeriodMonth.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		if y < 1900 || y > 2999 || mo < 1 || mo > 12 {
			return "", false
		}
		return StudyPeriod(fmt.Sprintf("%04d-%02d", y, mo)), true
	}
	if m := rePeriodQuarter.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		q := strings.Index("1234", m[2]) + 1
		if q == 0 {
			q = slices.Index([]string{"一", "二", "三", "四"}, m[2]) + 1
		}
		if y < 1900 || y > 2999 || q < 1 {
			return "", false
		}
		return StudyPeriod(fmt.Sprintf("%04d-Q%d", y, q)), true
	}
	return "", false
}

// QuarterOf is the quarter a day falls in.
func QuarterOf(d Date) StudyPeriod {
	return StudyPeriod(fmt.Sprintf("%04d-Q%d", d.Year(), (d.Month()-1)/3+1))
}

// Valid reports whether p reads.
func (p StudyPeriod) Valid() bool {
	q, ok := ParseStudyPeriod(string(p))
	return ok && q == p
}

// Quarterly reports whether p is a quarter.
func (p StudyPeriod) Quarterly() bool { return strings.Contains(string(p), "Q") }

// Bounds are p's first and last days (zero for an invalid period).
func (p StudyPeriod) Bounds() (first, last Date) {
	if !p.Valid() {
		return Date{}, Date{}
	}
	y, _ := strconv.Atoi(string(p[:4]))
	var m, n int
	if p.Quarterly() {
		q, _ := strconv.Atoi(string(p[6:]))
		m, n = 3*q-2, 3
	} else {
		m, _ = strconv.Atoi(string(p[5:]))
		n = 1
	}
	first = NewDate(y, m, 1)
	last = NewDate(y, m+n, 1).AddDays(-1)
	if m+n > 12 {
		last = NewDate(y, 12, 31)
	}
	return first, last
}

// Year is p's year (0 for an invalid period).
func (p StudyPeriod) Year() int {
	first, _ := p.Bounds()
	return first.Year()
}

// Label is p in Chinese: 2020年9月, 2020年第3季度.
func (p StudyPeriod) Label() string {
	if !p.Valid() {
		return string(p)
	}
	if p.Quarterly() {
		return fmt.Sprintf("%s年第%s季度", p[:4], p[6:])
	}
	m, _ := strconv.Atoi(string(p[5:]))
	return fmt.Sprintf("%s年%d月", p[:4], m)
}

// NotesCheck is one check of one person's study notes.
type NotesCheck struct {
	ID       int64  `json:"id"`
	UnitID   int64  `json:"unit_id"`
	PersonID int64  `json:"person_id"`
	Name     string `json:"name"` // 被检查人
	// CheckerID and CheckerName: who checked (检查人), a person of the roster.
	CheckerID   int64       `json:"checker_id"`
	CheckerName string      `json:"checker_name"`
	On          Date        `json:"on"`     // 检查日期
	Period      StudyPeriod `json:"period"` // 检查期间
	Result      NotesResult `json:"result"`
	Remark      string      `json:"remark"` // 检查意见
	Sample      bool        `json:"sample,omitempty"`
	Version     int64       `json:"version"`
	CreatedAt   time.Time   `json:"created_at"`
	Voided      bool        `json:"voided,omitempty"`
}

// Normalize trims what was typed.
func (c *NotesCheck) Normalize() {
	c.Name, c.CheckerName, c.Remark = strings.TrimSpace(c.Name), strings.TrimSpace(c.CheckerName), strings.TrimSpace(c.Remark)
	if p, ok := ParseStudyPeriod(string(c.Period)); ok {
		c.Period = p
	}
}

// Validate checks a notes check before it is saved; today is the day it
// is entered.
func (c *NotesCheck) Validate(today Date) error {
	v := &ValidationError{}
	if c.UnitID <= 0 {
		v.Add("unit_id", "请选择所属单位")
	}
	checkText(v, "name", "被检查人", c.Name, true, MaxName)
	checkText(v, "checker_name", "检查人", c.CheckerName, true, MaxName)
	if c.Name != "" && c.CheckerName != "" && PersonKey(c.Name) == PersonKey(c.CheckerName) {
		v.Add("checker_name", "检查人不能检查本人的学习笔记")
	}
	checkDate(v, "on", "检查日期", c.On, true)
	if c.On.Valid() && !c.On.IsZero() && today.Before(c.On) {
		v.Add("on", "检查日期"+c.On.Chinese()+"晚于今天")
	}
	if !c.Period.Valid() {
		v.Add("period", "检查期间须为月份或季度，如2020年9月、2020年第3季度")
	} else if first, _ := c.Period.Bounds(); c.On.Valid() && !c.On.IsZero() && c.On.Before(first) {
		v.Add("on", "检查日期"+c.On.Chinese()+"早于检查期间"+c.Period.Label())
	}
	if !c.Result.Valid() {
		v.Add("result", "检查结论须为合格、记录不全或无笔记")
	}
	checkText(v, "remark", "检查意见", c.Remark, false, MaxTitle)
	return v.Err()
}

// InStudyScope reports whether a person of the roster is a party member
// whose notes are checked: a leader or staff member, 中共党员 (预备党员
// too).
func InStudyScope(p *Person) bool {
	party := strings.TrimSpace(p.Party)
	return !p.Voided && (p.Kind == PersonLeader || p.Kind == PersonStaff) &&
		(strings.HasPrefix(party, "中共") && strings.HasSuffix(party, "党员") || party == "党员" || party == "预备党员")
}
