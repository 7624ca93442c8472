package zhenggai

import (
	"strings"
	"testing"
)

func TestParseStudyPeriod(t *testing.T) {
	for in, want := range map[string]StudyPeriod{
		"2020年9月": "2020-09", "2020-09": "2020-09", "2020/9": "2020-09", "2020年第三季度": "2020-Q3",
		"2020Q3": "2020-Q3", "2020-Q4": "2020-Q4", "2020年第1季度": "2020-Q1", "2020年13月": "", "": "", "二〇二〇": "",
	} {
		got, ok := ParseStudyPeriod(in)
		if got != want || ok != (want != "") {
			t.Errorf("%q: %q %v, want %q", in, got, ok, want)
		}
	}
	first, last := StudyPeriod("2020-Q4").Bounds()
	if first != NewDate(2020, 10, 1) || last != NewDate(2020, 12, 31) {
		t.Errorf("Q4 bounds %v %v", first, last)
	}
	first, last = StudyPeriod("2020-02").Bounds()
	if first != NewDate(2020, 2, 1) || last != NewDate(2020, 2, 29) {
		t.Errorf("Feb bounds %v %v", first, last)
	}
	if StudyPeriod("2020-Q3").Label() != "2020年第3季度" || StudyPeriod("2020-09").Label() != "2020年9月" {
		t.Error("labels")
	}
}

func TestNotesCheckValidate(t *testing.T) {
	today := NewDate(2020, 10, 28)
	ok := NotesCheck{UnitID: 1, Name: "张三", CheckerName: "李四", On: NewDate(2020, 9, 30), Period: "2020-Q3", Result: NotesPass}
	if err := ok.Validate(today); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		edit func(c *NotesCheck)
		want string
	}{
		{func(c *NotesCheck) { c.Name = "" }, "被检查人"},
		{func(c *NotesCheck) { c.CheckerName = "张三" }, "本人"},
		{func(c *NotesCheck) { c.On = NewDate(2020, 11, 1) }, "晚于今天"},
		{func(c *NotesCheck) { c.On = NewDate(2020, 6, 30) }, "早于检查期间"},
		{func(c *NotesCheck) { c.Period = "2020-Q5" }, "检查期间"},
		{func(c *NotesCheck) { c.Result = "bad" }, "检查结论"},
	} {
		c := ok
		tc.edit(&c)
		err := c.Validate(today)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want %q", c, err, tc.want)
		}
	}
}

func TestStudyTypesFrom(t *testing.T) {
	got := StudyTypesFrom("", DefaultMeetingTypes)
	if strings.Join(got, ",") != "中心组学习,党课" {
		t.Errorf("defaults: %v", got)
	}
	got = StudyTypesFrom("支部学习\n中心组学习", append(DefaultMeetingTypes, "支部学习"))
	if strings.Join(got, ",") != "支部学习,中心组学习" {
		t.Errorf("set: %v", got)
	}
	in := Person{Kind: PersonStaff, Party: "中共党员"}
	out := Person{Kind: PersonRetired, Party: "中共党员"}
	mass := Person{Kind: PersonStaff, Party: "群众"}
	if !InStudyScope(&in) || InStudyScope(&out) || InStudyScope(&mass) {
		t.Error("scope")
	}
}

// FuzzParseStudyPeriod: whatever is typed, a period read is valid, its
// label reads back as itself, and its bounds hold.
func FuzzParseStudyPeriod(f *testing.F) {
	for _, s := range []string{"2020年9月", "2020-Q3", "2020年第三季度", "2020/13", "9999-Q4", "2020年第五季度", "２０２０年９月"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := ParseStudyPeriod(s)
		if !ok {
			return
		}
		if !p.Valid() {
			t.Fatalf("%q read as invalid %q", s, p)
		}
		if q, ok := ParseStudyPeriod(p.Label()); !ok || q != p {
			t.Fatalf("%q: label %q reads as %q", s, p.Label(), q)
		}
		first, last := p.Bounds()
		if first.IsZero() || last.Before(first) || first.Year() != p.Year() {
			t.Fatalf("%q: bounds %v %v", s, first, last)
		}
	})
}
