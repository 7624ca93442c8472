package zhenggai

import (
	"strings"
	"testing"
)

func TestWorkingDay(t *testing.T) {
	c := NewWorkCalendar(nil)
	for _, tc := range []struct {
		d    Date
		want bool
	}{
		{NewDate(2020, 7, 28), true},   // a Tuesday
		{NewDate(2020, 8, 1), false},   // a Saturday
		{NewDate(2020, 10, 1), false},  // 国庆节 on a Thursday
		{NewDate(2020, 10, 10), true},  // 调休 Saturday
		{NewDate(2020, 9, 27), true},   // 调休 Sunday
		{NewDate(2020, 1, 31), false},  // the Spring Festival as extended
		{NewDate(2019, 2, 2), true},    // 调休 Saturday before 春节
		{NewDate(2018, 12, 29), true},  // 元旦调休 in the year before
		{NewDate(2018, 12, 31), false}, // 元旦 Monday
		{NewDate(2026, 2, 16), false},  // 春节 2026
		{NewDate(2030, 10, 1), true},   // no schedule: the week's rule
	} {
		if got := c.WorkingDay(tc.d); got != tc.want {
			t.Errorf("WorkingDay(%s) = %v, want %v", tc.d, got, tc.want)
		}
	}
	for y := 2016; y <= 2026; y++ {
		if err := ValidateCalendarYear(y, DefaultCalendar[y]); err != nil {
			t.Errorf("built-in %d: %v", y, err)
		}
	}
	// A unit's own year replaces the built-in one whole.
	own := NewWorkCalendar(map[int][]CalendarDay{2020: {{Date: NewDate(2020, 7, 28), Name: "本地假日"}}})
	if own.WorkingDay(NewDate(2020, 7, 28)) || !own.WorkingDay(NewDate(2020, 10, 8)) || own.WorkingDay(NewDate(2019, 10, 1)) {
		t.Error("the unit's year does not replace the built-in one")
	}
	if n := c.WorkingDays(NewDate(2020, 9, 28), NewDate(2020, 10, 11)); n != 5 {
		t.Errorf("working days 9/28–10/11 = %d, want 5 (9/28–30 and 10/10)", n)
	}
}

func TestCalendarText(t *testing.T) {
	days := DefaultCalendar[2020]
	back, err := ParseCalendarDays(FormatCalendarDays(days))
	if err != nil || len(back) != len(days) {
		t.Fatalf("round trip: %v, %d of %d", err, len(back), len(days))
	}
	_, err = ParseCalendarDays("2020-10-01 休 国庆\n2020-13-01 休\n2020-10-10 加班")
	if err == nil || !strings.Contains(err.Error(), "第2行") || !strings.Contains(err.Error(), "第3行") {
		t.Errorf("bad lines: %v", err)
	}
	err = ValidateCalendarYear(2020, []CalendarDay{{Date: NewDate(2020, 7, 28), Work: true}, {Date: NewDate(2019, 1, 1)}})
	if err == nil || !strings.Contains(err.Error(), "不必设为调休上班") || !strings.Contains(err.Error(), "不在2020年") {
		t.Errorf("bad year: %v", err)
	}
}

func TestLeaveValidate(t *testing.T) {
	today := NewDate(2020, 10, 28)
	ok := Leave{UnitID: 1, Name: "王明", Kind: LeavePersonal, From: NewDate(2020, 5, 6), To: NewDate(2020, 5, 8),
		ApprovedBy: "李华", ApprovedOn: NewDate(2020, 5, 5), ReturnedOn: NewDate(2020, 5, 11)}
	if err := ok.Validate(today); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		edit func(l *Leave)
		want string
	}{
		{func(l *Leave) { l.Name = "" }, "请假人不能为空"},
		{func(l *Leave) { l.Kind = "x" }, "请假类别须为"},
		{func(l *Leave) { l.To = NewDate(2020, 5, 1) }, "结束日期早于开始日期"},
		{func(l *Leave) { l.ApprovedOn = Date{} }, "须写明批准日期"},
		{func(l *Leave) { l.ApprovedBy, l.ApprovedOn = "", Date{} }, "尚未批准，不能销假"},
		{func(l *Leave) { l.ReturnedOn = NewDate(2020, 11, 1) }, "不能晚于今天"},
		{func(l *Leave) { l.ExpectedReturn = NewDate(2020, 5, 8) }, "应销假日期须在请假结束日期之后"},
	} {
		l := ok
		tc.edit(&l)
		if err := l.Validate(today); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("want %q, got %v", tc.want, err)
		}
	}
	// Leave ending on a Friday is due back on Monday; over 国庆节 after it.
	c := NewWorkCalendar(nil)
	fri := Leave{From: NewDate(2020, 7, 20), To: NewDate(2020, 7, 24)}
	if d := fri.Due(c); d != NewDate(2020, 7, 27) {
		t.Errorf("due %s, want 2020-07-27", d)
	}
	hol := Leave{From: NewDate(2020, 9, 28), To: NewDate(2020, 9, 30)}
	if d := hol.Due(c); d != NewDate(2020, 10, 9) {
		t.Errorf("due %s, want 2020-10-09", d)
	}
	for _, s := range []string{"事假", "出差", "年假", "sick"} {
		if _, ok := ParseLeaveKind(s); !ok {
			t.Errorf("kind %q not read", s)
		}
	}
}

func TestSignInValidate(t *testing.T) {
	s := SignIn{Name: "王明", On: NewDate(2020, 7, 28), FirstIn: 8 * 60, LastOut: 7 * 60}
	if err := s.Validate(); err == nil || !strings.Contains(err.Error(), "早于上班打卡") {
		t.Errorf("got %v", err)
	}
	// A month matrix's 正常: an imported day signed without a time; by
	// hand a day needs one.
	s.FirstIn, s.LastOut = -1, -1
	if err := s.ValidateDay(); err != nil {
		t.Errorf("a day without a time refused on import: %v", err)
	}
	if err := s.Validate(); err == nil || !strings.Contains(err.Error(), "至少填一项") {
		t.Errorf("a day without a time entered by hand: %v", err)
	}
	s.FirstIn = 24 * 60
	if err := s.ValidateDay(); err == nil || !strings.Contains(err.Error(), "上班打卡时间不存在") {
		t.Errorf("24:00 read: %v", err)
	}
	for in, want := range map[string]int{"8:05": 485, "08:05:59": 485, "0805": 485, "": -1, "１８：００": -2} {
		got, err := ParseClockText(in)
		if want == -2 {
			if err == nil {
				t.Errorf("%q read", in)
			}
			continue
		}
		if err != nil || got != want {
			t.Errorf("ParseClockText(%q) = %d, %v", in, got, err)
		}
	}
}

// FuzzParseCalendarDays: no text makes the calendar's parser panic, and
// what it accepts writes back to what it read.
func FuzzParseCalendarDays(f *testing.F) {
	f.Add(FormatCalendarDays(DefaultCalendar[2020]))
	f.Add("2020-10-01 休 国庆节\n2020-10-10 班\n\n2020-13-01 休")
	f.Add("２０２０-10-01　放假　春节")
	f.Fuzz(func(t *testing.T, s string) {
		days, err := ParseCalendarDays(s)
		if err != nil {
			return
		}
		back, err := ParseCalendarDays(FormatCalendarDays(days))
		if err != nil || len(back) != len(days) {
			t.Fatalf("%q: read %d days, written back %d (%v)", s, len(days), len(back), err)
		}
	})
}

func TestLeaveState(t *testing.T) {
	on := NewDate(2020, 10, 9)
	for _, tt := range []struct {
		name string
		l    Leave
		want string
	}{
		{"asked", Leave{}, "待审批"},
		{"approved", Leave{ApprovedBy: "王明", ApprovedOn: on}, "已批准"},
		{"back", Leave{ApprovedBy: "王明", ApprovedOn: on, ReturnedOn: on}, "已销假"},
		{"withdrawn by himself", Leave{Voided: true, VoidedBy: "lihua"}, "已撤回"},
		{"turned down by the office", Leave{Voided: true, VoidedBy: "office"}, "已退回"},
		{"approved, then voided by the office", Leave{ApprovedBy: "王明", ApprovedOn: on, Voided: true, VoidedBy: "office"}, "已退回"},
	} {
		if got := tt.l.State("lihua"); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}
