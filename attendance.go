package zhenggai

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

// Attendance and leave (考勤与请销假): every staff member, leaders
// included, signs in each working day or has approved leave; leave is
// returned (销假). Working days come from a work calendar: weekends off,
// but the year's holidays off and its make-up working weekends (调休) on,
// as the State Council publishes them each year; a unit can edit its year.

// CalendarDay is a day the calendar sets apart from the week's rule: a
// holiday on a weekday (Work false) or a make-up working day on a
// weekend (Work true).
type CalendarDay struct {
	Date Date   `json:"date"`
	Work bool   `json:"work"` // 上班 (调休); false: 放假
	Name string `json:"name"` // 春节, 国庆节 …
}

// WorkCalendar is the working days of some years: each year's exceptions,
// the built-in schedule unless the unit set its own.
type WorkCalendar struct {
	days map[int]CalendarDay // by dayKey
}

func dayKey(d Date) int { return d.Year()*10000 + d.Month()*100 + d.Day() }

// NewWorkCalendar is the built-in schedules with the unit's years (each a
// whole year's exceptions) in their place.
func NewWorkCalendar(unitYears map[int][]CalendarDay) *WorkCalendar {
	c := &WorkCalendar{days: map[int]CalendarDay{}}
	for y, days := range DefaultCalendar {
		if _, own := unitYears[y]; own {
			continue
		}
		for _, d := range days {
			c.days[dayKey(d.Date)] = d
		}
	}
	for _, days := range unitYears {
		for _, d := range days {
			c.days[dayKey(d.Date)] = d
		}
	}
	return c
}

// WorkingDay reports whether d is a working day: a weekday that is no
// holiday, or a make-up working weekend.
func (c *WorkCalendar) WorkingDay(d Date) bool {
	if c != nil {
		if x, ok := c.days[dayKey(d)]; ok {
			return x.Work
		}
	}
	wd := d.Time().Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// Day is the calendar's exception for d, if any.
func (c *WorkCalendar) Day(d Date) (CalendarDay, bool) {
	if c == nil {
		return CalendarDay{}, false
	}
	x, ok := c.days[dayKey(d)]
	return x, ok
}

// WorkingDays counts the working days from a to b, both included.
func (c *WorkCalendar) WorkingDays(a, b Date) int {
	n := 0
	for d := a; !b.Before(d); d = d.AddDays(1) {
		if c.WorkingDay(d) {
			n++
		}
	}
	return n
}

// NextWorkingDay is the first working day after d.
func (c *WorkCalendar) NextWorkingDay(d Date) Date {
	for i := 0; i < 60; i++ {
		d = d.AddDays(1)
		if c.WorkingDay(d) {
			return d
		}
	}
	return d
}

// DueDay is the last day of a time limit of days counted from from: the
// day that many days on, or when it is a day off (weekend or holiday) the
// next working day (期间届满日为法定休假日的，以休假日后的第一日为期间届满日);
// a make-up working weekend (调休) is a working day. A nil calendar is the
// built-in one.
func (c *WorkCalendar) DueDay(from Date, days int) Date {
	if c == nil {
		c = builtinCalendar()
	}
	d := from.AddDays(days)
	if c.WorkingDay(d) {
		return d
	}
	return c.NextWorkingDay(d)
}

// builtinCalendar is the State Council's schedules alone, made once.
var builtinCalendar = sync.OnceValue(func() *WorkCalendar { return NewWorkCalendar(nil) })

// ValidateCalendarYear checks a year's exceptions: dates of that year,
// none twice, a holiday on a weekday or a working day on a weekend, and a
// name at most 20 characters.
func ValidateCalendarYear(year int, days []CalendarDay) error {
	v := &ValidationError{}
	if year < 1949 || year > 2100 {
		v.Add("year", "年份应在1949至2100之间")
		return v.Err()
	}
	if len(days) > 366 {
		v.Add("days", "一年的节假日和调休上班日不能超过366天")
		return v.Err()
	}
	seen := map[int]bool{}
	for i, d := range days {
		where := fmt.Sprintf("第%d行：", i+1)
		switch {
		case d.Date.IsZero() || !d.Date.Valid():
			v.Add("days", where+"日期不是有效日期")
			continue
		case d.Date.Year() != year:
			v.Add("days", where+d.Date.Chinese()+"不在"+fmt.Sprint(year)+"年")
			continue
		case seen[dayKey(d.Date)]:
			v.Add("days", where+d.Date.Chinese()+"重复")
			continue
		}
		seen[dayKey(d.Date)] = true
		wd := d.Date.Time().Weekday()
		weekend := wd == time.Saturday || wd == time.Sunday
		if d.Work && !weekend {
			v.Add("days", where+d.Date.Chinese()+"是工作日，不必设为调休上班")
		}
		if !d.Work && weekend && d.Name == "" {
			v.Add("days", where+d.Date.Chinese()+"是周末，放假须写明节日名称")
		}
		if n := len([]rune(d.Name)); n > 20 {
			v.Add("days", where+"节日名称不能超过20个字")
		}
	}
	return v.Err()
}

// FormatCalendarDays writes a year's exceptions one a line, as the
// settings page edits them: 2020-01-24 休 春节 / 2020-01-19 班 春节调休.
func FormatCalendarDays(days []CalendarDay) string {
	days = append([]CalendarDay(nil), days...)
	sort.Slice(days, func(i, j int) bool { return days[i].Date.Before(days[j].Date) })
	var b strings.Builder
	for _, d := range days {
		kind := "休"
		if d.Work {
			kind = "班"
		}
		b.WriteString(d.Date.String() + " " + kind)
		if d.Name != "" {
			b.WriteString(" " + d.Name)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// ParseCalendarDays reads the lines FormatCalendarDays writes (blank lines
// skipped; 休/放假 and 班/上班 both read). At most 400 lines.
func ParseCalendarDays(s string) ([]CalendarDay, error) {
	v := &ValidationError{}
	var out []CalendarDay
	lines := strings.Split(s, "\n")
	if len(lines) > 400 {
		v.Add("days", "行数过多（至多400行）")
		return nil, v.Err()
	}
	for i, line := range lines {
		f := strings.Fields(strings.ReplaceAll(line, "　", " "))
		if len(f) == 0 {
			continue
		}
		where := fmt.Sprintf("第%d行：", i+1)
		d, err := ParseDate(f[0])
		if err != nil || !d.Valid() {
			v.Add("days", where+"日期格式应为 2020-10-28")
			continue
		}
		if len(f) < 2 {
			v.Add("days", where+"须写明“休”或“班”")
			continue
		}
		day := CalendarDay{Date: d, Name: strings.Join(f[2:], "")}
		switch f[1] {
		case "休", "放假", "假":
		case "班", "上班", "补班":
			day.Work = true
		default:
			v.Add("days", where+"“"+Clip(f[1], 10)+"”须为“休”或“班”")
			continue
		}
		out = append(out, day)
	}
	return out, v.Err()
}

// SignIn is one person's day in the attendance record: the first and the
// last punch, as minutes after midnight (-1: none).
type SignIn struct {
	ID       int64  `json:"id"`
	UnitID   int64  `json:"unit_id"`
	PersonID int64  `json:"person_id"`
	Name     string `json:"name"`
	On       Date   `json:"on"`
	// FirstIn and LastOut are minutes after midnight, -1 when there is
	// no such punch.
	FirstIn  int    `json:"first_in"`
	LastOut  int    `json:"last_out"`
	Source   string `json:"source"` // 考勤机, 钉钉, 手工录入 …
	ImportID int64  `json:"import_id,omitempty"`
	Sample   bool   `json:"sample,omitempty"`
}

// Clock writes minutes after midnight as 08:05 ("" for -1).
func Clock(min int) string {
	if min < 0 {
		return ""
	}
	return fmt.Sprintf("%02d:%02d", min/60, min%60)
}

// ParseClockText reads 8:05, 08:05:33 or 0805 as minutes after midnight;
// "" is -1.
func ParseClockText(s string) (int, error) {
	s = strings.TrimSpace(strings.ReplaceAll(s, "：", ":"))
	if s == "" {
		return -1, nil
	}
	var h, m, sec int
	switch {
	case strings.Count(s, ":") == 2:
		if _, err := fmt.Sscanf(s, "%d:%d:%d", &h, &m, &sec); err != nil {
			return 0, fmt.Errorf("时间格式应为 08:05")
		}
	case strings.Count(s, ":") == 1:
		if _, err := fmt.Sscanf(s, "%d:%d", &h, &m); err != nil {
			return 0, fmt.Errorf("时间格式应为 08:05")
		}
	case len(s) == 4:
		if _, err := fmt.Sscanf(s, "%02d%02d", &h, &m); err != nil {
			return 0, fmt.Errorf("时间格式应为 08:05")
		}
	default:
		return 0, fmt.Errorf("时间格式应为 08:05")
	}
	if h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 59 {
		return 0, fmt.Errorf("时间不存在")
	}
	return h*60 + m, nil
}

// Validate checks a sign-in before it is saved.
func (s *SignIn) Validate() error {
	v := &ValidationError{}
	checkText(v, "name", "姓名", s.Name, true, MaxName)
	checkText(v, "source", "来源", s.Source, false, 40)
	s.checkDay(v, true)
	return v.Err()
}

// ValidateDay checks the day and the punches only: an import whose names
// are the roster's checks these of every row (fifty thousand of them), the
// rest once. An imported day may have no time: a month matrix writes 正常
// or √ for a day signed in, and the day counts as signed in all the same
// (a day entered by hand, Validate, needs a time).
func (s *SignIn) ValidateDay() error {
	if s.On.Valid() && !s.On.IsZero() && s.On.Year() >= 1949 && s.On.Year() <= 2100 && s.FirstIn >= -1 && s.FirstIn < 24*60 &&
		s.LastOut >= -1 && s.LastOut < 24*60 && (s.FirstIn < 0 || s.LastOut < 0 || s.LastOut >= s.FirstIn) {
		return nil
	}
	v := &ValidationError{}
	s.checkDay(v, false)
	return v.Err()
}

func (s *SignIn) checkDay(v *ValidationError, needPunch bool) {
	checkDate(v, "on", "日期", s.On, true)
	if s.FirstIn < -1 || s.FirstIn >= 24*60 {
		v.Add("first_in", "上班打卡时间不存在")
	}
	if s.LastOut < -1 || s.LastOut >= 24*60 {
		v.Add("last_out", "下班打卡时间不存在")
	}
	if needPunch && s.FirstIn < 0 && s.LastOut < 0 {
		v.Add("first_in", "上班打卡和下班打卡至少填一项")
	}
	if s.FirstIn >= 0 && s.LastOut >= 0 && s.LastOut < s.FirstIn {
		v.Add("last_out", "下班打卡时间早于上班打卡时间")
	}
}

// LeaveKind is the kind of a leave request.
type LeaveKind string

const (
	LeavePersonal  LeaveKind = "personal"  // 事假
	LeaveSick      LeaveKind = "sick"      // 病假
	LeaveAnnual    LeaveKind = "annual"    // 年休假
	LeaveMarriage  LeaveKind = "marriage"  // 婚假
	LeaveMaternity LeaveKind = "maternity" // 产假
	LeaveFuneral   LeaveKind = "funeral"   // 丧假
	LeaveFamily    LeaveKind = "family"    // 探亲假
	LeaveTrip      LeaveKind = "trip"      // 公差
	LeaveOther     LeaveKind = "other"     // 其他
)

// LeaveKinds in the order forms offer them.
var LeaveKinds = []LeaveKind{LeavePersonal, LeaveSick, LeaveAnnual, LeaveMarriage, LeaveMaternity, LeaveFuneral, LeaveFamily,
	LeaveTrip, LeaveOther}

var leaveLabels = map[LeaveKind]string{LeavePersonal: "事假", LeaveSick: "病假", LeaveAnnual: "年休假", LeaveMarriage: "婚假",
	LeaveMaternity: "产假", LeaveFuneral: "丧假", LeaveFamily: "探亲假", LeaveTrip: "公差", LeaveOther: "其他"}

// Label is the Chinese name of k.
func (k LeaveKind) Label() string {
	if l, ok := leaveLabels[k]; ok {
		return l
	}
	return string(k)
}

// ParseLeaveKind reads a kind as forms and sheets write it (事假, personal,
// 出差 for 公差, 休假 for 年休假).
func ParseLeaveKind(s string) (LeaveKind, bool) {
	s = strings.TrimSpace(s)
	for k, l := range leaveLabels {
		if s == l || s == string(k) {
			return k, true
		}
	}
	switch s {
	case "出差":
		return LeaveTrip, true
	case "休假", "年假", "公休假":
		return LeaveAnnual, true
	case "":
		return LeavePersonal, true
	}
	return "", false
}

// Leave is one leave request (请假) with its approval and its return (销假).
type Leave struct {
	ID       int64     `json:"id"`
	UnitID   int64     `json:"unit_id"`
	PersonID int64     `json:"person_id"`
	Name     string    `json:"name"`
	Kind     LeaveKind `json:"kind"`
	From     Date      `json:"from"`
	To       Date      `json:"to"`
	Reason   string    `json:"reason"`
	// ApprovedBy and ApprovedOn: who approved and when (批准人, 批准日期);
	// unapproved leave excuses no day.
	ApprovedBy string `json:"approved_by"`
	ApprovedOn Date   `json:"approved_on"`
	// ExpectedReturn is the day he is to be back and report it (应销假
	// 日期); unset, the first working day after To.
	ExpectedReturn Date `json:"expected_return"`
	// ReturnedOn is when he reported back (销假).
	ReturnedOn Date      `json:"returned_on"`
	Sample     bool      `json:"sample,omitempty"`
	Version    int64     `json:"version"`
	CreatedAt  time.Time `json:"created_at"`
	Voided     bool      `json:"voided,omitempty"`
	// VoidedBy is the account that voided it (its login name): the
	// applicant withdrawing it (撤回), or the office turning it down.
	VoidedBy   string `json:"voided_by,omitempty"`
	VoidReason string `json:"void_reason,omitempty"`
}

// Approved reports whether the leave was approved.
func (l *Leave) Approved() bool { return l.ApprovedBy != "" && !l.ApprovedOn.IsZero() }

// State names where a request stands as its applicant sees it (我的请假):
// 待审批, 已批准, 已销假; voided, 已撤回 if by (a login name) voided it
// himself, 已退回 if anyone else did.
func (l *Leave) State(by string) string {
	switch {
	case l.Voided && l.VoidedBy == by:
		return "已撤回"
	case l.Voided:
		return "已退回"
	case !l.ReturnedOn.IsZero():
		return "已销假"
	case l.Approved():
		return "已批准"
	}
	return "待审批"
}

// Covers reports whether d falls within the leave.
func (l *Leave) Covers(d Date) bool {
	k := dayKey(d)
	return k >= dayKey(l.From) && k <= dayKey(l.To)
}

// Due is the day he is to report back: ExpectedReturn, or the first
// working day after To in the calendar.
func (l *Leave) Due(c *WorkCalendar) Date {
	if !l.ExpectedReturn.IsZero() {
		return l.ExpectedReturn
	}
	return c.NextWorkingDay(l.To)
}

// Days is the leave's working days in the calendar.
func (l *Leave) Days(c *WorkCalendar) int { return c.WorkingDays(l.From, l.To) }

// Label names a leave as a list does: 张三 事假（2020年5月6日至5月8日）.
func (l *Leave) Label() string {
	return fmt.Sprintf("%s%s（%s至%s）", l.Name, l.Kind.Label(), l.From.Chinese(), l.To.ChineseAfter(l.From))
}

// Normalize trims what was typed.
func (l *Leave) Normalize() {
	l.Name, l.Reason, l.ApprovedBy = strings.TrimSpace(l.Name), strings.TrimSpace(l.Reason), strings.TrimSpace(l.ApprovedBy)
}

// Validate checks a leave request before it is saved.
func (l *Leave) Validate(today Date) error {
	v := &ValidationError{}
	checkText(v, "name", "请假人", l.Name, true, MaxName)
	if _, ok := leaveLabels[l.Kind]; !ok {
		v.Add("kind", "请假类别须为事假、病假、年休假、婚假、产假、丧假、探亲假、公差或其他")
	}
	checkDate(v, "from", "请假开始日期", l.From, true)
	checkDate(v, "to", "请假结束日期", l.To, true)
	if !l.From.IsZero() && !l.To.IsZero() && l.To.Before(l.From) {
		v.Add("to", "请假结束日期早于开始日期")
	}
	if !l.From.IsZero() && !l.To.IsZero() && l.From.DaysUntil(l.To) > 366 {
		v.Add("to", "一次请假不能超过一年")
	}
	checkText(v, "reason", "请假事由", l.Reason, false, MaxTitle)
	checkText(v, "approved_by", "批准人", l.ApprovedBy, false, MaxName)
	checkDate(v, "approved_on", "批准日期", l.ApprovedOn, false)
	if (l.ApprovedBy == "") != l.ApprovedOn.IsZero() {
		if l.ApprovedBy == "" {
			v.Add("approved_by", "填了批准日期，须写明批准人")
		} else {
			v.Add("approved_on", "填了批准人，须写明批准日期")
		}
	}
	checkDate(v, "expected_return", "应销假日期", l.ExpectedReturn, false)
	if !l.ExpectedReturn.IsZero() && !l.To.IsZero() && !l.To.Before(l.ExpectedReturn) {
		v.Add("expected_return", "应销假日期须在请假结束日期之后")
	}
	checkDate(v, "returned_on", "销假日期", l.ReturnedOn, false)
	if !l.ReturnedOn.IsZero() {
		if !l.From.IsZero() && l.ReturnedOn.Before(l.From) {
			v.Add("returned_on", "销假日期早于请假开始日期")
		}
		if !l.Approved() {
			v.Add("returned_on", "请假尚未批准，不能销假")
		}
		if !today.IsZero() && today.Before(l.ReturnedOn) {
			v.Add("returned_on", "销假日期不能晚于今天")
		}
	}
	if !l.ApprovedOn.IsZero() && !today.IsZero() && today.Before(l.ApprovedOn) {
		v.Add("approved_on", "批准日期不能晚于今天")
	}
	return v.Err()
}

// DefaultCalendar are the State Council's published holiday schedules
// (国务院办公厅关于部分节假日安排的通知), 2016–2026: the weekdays off and
// the weekends worked (调休). Weekend days inside a holiday are listed too,
// named, so that the calendar page shows the whole holiday.
var DefaultCalendar = map[int][]CalendarDay{}

// holidays lists one year as the notices write it: each holiday's days off
// and its make-up working days.
type holiday struct {
	name     string
	from, to string   // MM-DD, both included; from may be in the year before (元旦)
	work     []string // MM-DD, make-up working days
}

func init() {
	sched := map[int][]holiday{
		2016: {{"元旦", "01-01", "01-03", nil}, {"春节", "02-07", "02-13", []string{"02-06", "02-14"}},
			{"清明节", "04-02", "04-04", nil}, {"劳动节", "04-30", "05-02", nil}, {"端午节", "06-09", "06-11", []string{"06-12"}},
			{"中秋节", "09-15", "09-17", []string{"09-18"}}, {"国庆节", "10-01", "10-07", []string{"10-08", "10-09"}}},
		2017: {{"元旦", "01-01", "01-02", nil}, {"春节", "01-27", "02-02", []string{"01-22", "02-04"}},
			{"清明节", "04-02", "04-04", []string{"04-01"}}, {"劳动节", "04-29", "05-01", nil}, {"端午节", "05-28", "05-30", []string{"05-27"}},
			{"国庆节、中秋节", "10-01", "10-08", []string{"09-30"}}, {"元旦", "12-30", "12-31", nil}},
		2018: {{"元旦", "01-01", "01-01", nil}, {"春节", "02-15", "02-21", []string{"02-11", "02-24"}},
			{"清明节", "04-05", "04-07", []string{"04-08"}}, {"劳动节", "04-29", "05-01", []string{"04-28"}}, {"端午节", "06-16", "06-18", nil},
			{"中秋节", "09-22", "09-24", nil}, {"国庆节", "10-01", "10-07", []string{"09-29", "09-30"}},
			{"元旦", "12-30", "12-31", []string{"12-29"}}},
		2019: {{"元旦", "01-01", "01-01", nil}, {"春节", "02-04", "02-10", []string{"02-02", "02-03"}},
			{"清明节", "04-05", "04-07", nil}, {"劳动节", "05-01", "05-04", []string{"04-28", "05-05"}}, {"端午节", "06-07", "06-09", nil},
			{"中秋节", "09-13", "09-15", nil}, {"国庆节", "10-01", "10-07", []string{"09-29", "10-12"}}},
		// 2020's Spring Festival as extended to 2月2日 (国办发明电〔2020〕1号).
		2020: {{"元旦", "01-01", "01-01", nil}, {"春节", "01-24", "02-02", []string{"01-19"}},
			{"清明节", "04-04", "04-06", nil}, {"劳动节", "05-01", "05-05", []string{"04-26", "05-09"}},
			{"端午节", "06-25", "06-27", []string{"06-28"}}, {"国庆节、中秋节", "10-01", "10-08", []string{"09-27", "10-10"}}},
		2021: {{"元旦", "01-01", "01-03", nil}, {"春节", "02-11", "02-17", []string{"02-07", "02-20"}},
			{"清明节", "04-03", "04-05", nil}, {"劳动节", "05-01", "05-05", []string{"04-25", "05-08"}}, {"端午节", "06-12", "06-14", nil},
			{"中秋节", "09-19", "09-21", []string{"09-18"}}, {"国庆节", "10-01", "10-07", []string{"09-26", "10-09"}}},
		2022: {{"元旦", "01-01", "01-03", nil}, {"春节", "01-31", "02-06", []string{"01-29", "01-30"}},
			{"清明节", "04-03", "04-05", []string{"04-02"}}, {"劳动节", "04-30", "05-04", []string{"04-24", "05-07"}},
			{"端午节", "06-03", "06-05", nil}, {"中秋节", "09-10", "09-12", nil}, {"国庆节", "10-01", "10-07", []string{"10-08", "10-09"}},
			{"元旦", "12-31", "12-31", nil}},
		2023: {{"元旦", "01-01", "01-02", nil}, {"春节", "01-21", "01-27", []string{"01-28", "01-29"}},
			{"清明节", "04-05", "04-05", nil}, {"劳动节", "04-29", "05-03", []string{"04-23", "05-06"}},
			{"端午节", "06-22", "06-24", []string{"06-25"}}, {"中秋节、国庆节", "09-29", "10-06", []string{"10-07", "10-08"}},
			{"元旦", "12-30", "12-31", nil}},
		2024: {{"元旦", "01-01", "01-01", nil}, {"春节", "02-10", "02-17", []string{"02-04", "02-18"}},
			{"清明节", "04-04", "04-06", []string{"04-07"}}, {"劳动节", "05-01", "05-05", []string{"04-28", "05-11"}},
			{"端午节", "06-08", "06-10", nil}, {"中秋节", "09-15", "09-17", []string{"09-14"}},
			{"国庆节", "10-01", "10-07", []string{"09-29", "10-12"}}},
		2025: {{"元旦", "01-01", "01-01", nil}, {"春节", "01-28", "02-04", []string{"01-26", "02-08"}},
			{"清明节", "04-04", "04-06", nil}, {"劳动节", "05-01", "05-05", []string{"04-27"}}, {"端午节", "05-31", "06-02", nil},
			{"国庆节、中秋节", "10-01", "10-08", []string{"09-28", "10-11"}}},
		2026: {{"元旦", "01-01", "01-03", []string{"01-04"}}, {"春节", "02-15", "02-23", []string{"02-14", "02-28"}},
			{"清明节", "04-04", "04-06", nil}, {"劳动节", "05-01", "05-05", []string{"05-09"}}, {"端午节", "06-19", "06-21", nil},
			{"中秋节", "09-25", "09-27", nil}, {"国庆节", "10-01", "10-07", []string{"09-20", "10-10"}}},
	}
	md := func(y int, s string) Date {
		var m, d int
		fmt.Sscanf(s, "%d-%d", &m, &d)
		return NewDate(y, m, d)
	}
	for y, hs := range sched {
		var days []CalendarDay
		for _, h := range hs {
			for d := md(y, h.from); !md(y, h.to).Before(d); d = d.AddDays(1) {
				days = append(days, CalendarDay{Date: d, Name: h.name})
			}
			for _, w := range h.work {
				days = append(days, CalendarDay{Date: md(y, w), Work: true, Name: h.name + "调休"})
			}
		}
		sort.Slice(days, func(i, j int) bool { return days[i].Date.Before(days[j].Date) })
		DefaultCalendar[y] = days
	}
}
