package zhenggai

import (
	"strings"
	"testing"
)

func TestScoreLines(t *testing.T) {
	sc := ScoreScheme{
		Items: []ScoreItem{
			{"plenary_present", "出席全体会议", 10, 40},
			{"plenary_absent", "全体会议无故缺席", -10, 30},
			{"proposal", "提交提案（领衔）", 10, 20},
			{"sqmy", "社情民意信息", 3, 0},
		},
		Grades: []ScoreGrade{{"优秀", 90}, {"良好", 75}, {"合格", 60}, {"不合格", 0}},
		Pass:   60,
	}
	cases := []struct {
		name   string
		counts map[string]int
		lines  []string
		total  int
		grade  string
		passed bool
	}{
		{"nothing", nil, []string{
			"出席全体会议 0次 × 10分 = 0分", "全体会议无故缺席 0次 × −10分 = 0分",
			"提交提案（领衔） 0件 × 10分 = 0分", "社情民意信息 0条 × 3分 = 0分"}, 0, "不合格", false},
		{"under caps", map[string]int{"plenary_present": 3, "proposal": 2, "sqmy": 1}, []string{
			"出席全体会议 3次 × 10分 = 30分", "全体会议无故缺席 0次 × −10分 = 0分",
			"提交提案（领衔） 2件 × 10分 = 20分", "社情民意信息 1条 × 3分 = 3分"}, 53, "不合格", false},
		{"caps", map[string]int{"plenary_present": 5, "proposal": 3, "sqmy": 10}, []string{
			"出席全体会议 5次 × 10分 = 50分，超过上限按40分计", "全体会议无故缺席 0次 × −10分 = 0分",
			"提交提案（领衔） 3件 × 10分 = 30分，超过上限按20分计", "社情民意信息 10条 × 3分 = 30分"}, 90, "优秀", true},
		{"deduction", map[string]int{"plenary_present": 4, "plenary_absent": 1, "proposal": 3, "sqmy": 5}, []string{
			"出席全体会议 4次 × 10分 = 40分", "全体会议无故缺席 1次 × −10分 = −10分",
			"提交提案（领衔） 3件 × 10分 = 30分，超过上限按20分计", "社情民意信息 5条 × 3分 = 15分"}, 65, "合格", true},
		{"deduction capped, below zero", map[string]int{"plenary_absent": 4}, []string{
			"出席全体会议 0次 × 10分 = 0分", "全体会议无故缺席 4次 × −10分 = −40分，超过上限按−30分计",
			"提交提案（领衔） 0件 × 10分 = 0分", "社情民意信息 0条 × 3分 = 0分"}, -30, "不合格", false},
		{"pass mark exactly", map[string]int{"plenary_present": 4, "proposal": 2}, nil, 60, "合格", true},
		{"one below pass", map[string]int{"plenary_present": 4, "proposal": 1, "sqmy": 3}, nil, 59, "不合格", false},
		{"grade boundary 75", map[string]int{"plenary_present": 4, "proposal": 2, "sqmy": 5}, nil, 75, "良好", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := Score(sc, c.counts)
			if s.Total != c.total || s.Grade != c.grade || s.Passed != c.passed {
				t.Fatalf("total %d grade %s passed %v, want %d %s %v", s.Total, s.Grade, s.Passed, c.total, c.grade, c.passed)
			}
			if len(s.Lines) != len(sc.Items) {
				t.Fatalf("%d lines for %d items", len(s.Lines), len(sc.Items))
			}
			sum := 0
			for i, l := range s.Lines {
				sum += l.Points
				if c.lines != nil && l.Text != c.lines[i] {
					t.Errorf("line %d = %q, want %q", i, l.Text, c.lines[i])
				}
			}
			if sum != s.Total {
				t.Errorf("lines add to %d, total %d: a point unexplained", sum, s.Total)
			}
		})
	}
}

func TestDefaultSchemeRoundTrip(t *testing.T) {
	if err := DefaultScoreScheme.Validate(); err != nil {
		t.Fatal(err)
	}
	text := ScoreSchemeText(DefaultScoreScheme)
	got, err := ParseScoreScheme(text)
	if err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	if ScoreSchemeText(got) != text {
		t.Fatalf("round trip changed the scheme:\n%s", ScoreSchemeText(got))
	}
	// The DESIGN's full marks: meetings 50, proposals 25, activities 10, 社情民意 15.
	full := 0
	for _, it := range DefaultScoreScheme.Items {
		if it.Points > 0 {
			full += it.Cap
		}
	}
	if full != 100 {
		t.Fatalf("default scheme's full marks %d, want 100", full)
	}
}

func TestParseScoreScheme(t *testing.T) {
	good := "出席全体会议｜plenary_present｜10｜40\n微建议 | 微建议 | 2\n# 注释\n\n缺席 | plenary_absent | −5 | 20\n等次 | 合格 | 60\n等次 | 优秀 | 90\n合格线 | 60分\n"
	sc, err := ParseScoreScheme(good)
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.Items) != 3 || sc.Items[1].Key != "micro" || sc.Items[1].Cap != 0 || sc.Items[2].Points != -5 {
		t.Fatalf("items %+v", sc.Items)
	}
	if sc.Grades[0].Label != "优秀" || sc.Pass != 60 {
		t.Fatalf("grades %+v pass %d", sc.Grades, sc.Pass)
	}
	bad := []struct{ text, want string }{
		{"出席 | nope | 10 | 40\n等次 | 合格 | 0\n合格线 | 60", "统计项“nope”"},
		{"出席 | plenary_present | 十 | 40\n等次 | 合格 | 0\n合格线 | 60", "第1行：每次分值"},
		{"出席 | plenary_present | 10 | 40\n等次 | 合格 | 0", "合格线"},
		{"出席 | plenary_present | 10 | 40\n出席2 | plenary_present | 1\n等次 | 合格 | 0\n合格线 | 60", "重复"},
		{"出席 | plenary_present | 0\n等次 | 合格 | 0\n合格线 | 60", "不为0"},
		{"出席 | plenary_present\n等次 | 合格 | 0\n合格线 | 60", "第1行"},
		{"出席 | plenary_present | 1\n合格线 | 60", "等次"},
		{"出席 | plenary_present | 1\n等次 | 合格 | 0\n等次 | 及格 | 0\n合格线 | 60", "低于上一等次"},
		{strings.Repeat("\n", 200), "最多100行"},
	}
	for _, b := range bad {
		_, err := ParseScoreScheme(b.text)
		if err == nil || !strings.Contains(ErrorMessage(err), b.want) {
			t.Errorf("%q: %v, want %q", b.text, err, b.want)
		}
	}
}

func FuzzParseScoreScheme(f *testing.F) {
	f.Add(ScoreSchemeText(DefaultScoreScheme))
	f.Add("a | proposal | -3 | 9\n等次 | x | 1\n合格线 | 0")
	f.Fuzz(func(t *testing.T, s string) {
		sc, err := ParseScoreScheme(s)
		if err != nil {
			return
		}
		if sc.Validate() != nil {
			t.Fatal("parsed an invalid scheme")
		}
		again, err := ParseScoreScheme(ScoreSchemeText(sc))
		if err != nil || ScoreSchemeText(again) != ScoreSchemeText(sc) {
			t.Fatalf("round trip: %v", err)
		}
	})
}

func TestMemberRulesFrom(t *testing.T) {
	r, err := MemberRulesFrom(nil)
	if err != nil || r.NoProposalYears != 2 || r.Absences != 2 || r.LeaveMax != 2 || r.PlenaryTypes[0] != "全体会议" ||
		r.StandingTypes[0] != "常委会议" || len(r.Scheme.Items) != len(DefaultScoreScheme.Items) {
		t.Fatalf("defaults %+v %v", r, err)
	}
	r, err = MemberRulesFrom(map[string]string{MemberLeaveMaxSetting: "5", MemberPlenaryTypes: "政协全会\n全体会议\n"})
	if err != nil || r.LeaveMax != 5 || len(r.PlenaryTypes) != 2 {
		t.Fatalf("%+v %v", r, err)
	}
	for k, want := range map[string]string{MemberLeaveMaxSetting: "每年请假次数上限", MemberNoProposalSetting: "连续几年",
		MemberScoreSetting: "考核评分办法", MemberAbsencesSetting: "无故缺席"} {
		if _, err := MemberRulesFrom(map[string]string{k: "x"}); err == nil || !strings.Contains(ErrorMessage(err), want) {
			t.Errorf("%s: %v", k, err)
		}
	}
}

func TestMemberFlags(t *testing.T) {
	r, _ := MemberRulesFrom(nil)
	good := map[string]int{"plenary_present": 4, "proposal": 2, "sqmy": 4, "sqmy_adopted": 1}
	cases := []struct {
		name   string
		years  []int
		counts MemberYears
		want   []string
	}{
		{"keeps every rule", []int{2019, 2020}, MemberYears{2019: good, 2020: good}, nil},
		{"no proposal two years", []int{2018, 2019, 2020},
			MemberYears{2018: good, 2019: {"plenary_present": 4}, 2020: {"plenary_present": 4}},
			[]string{"no_proposal", "below_pass"}},
		{"a co-signed proposal counts", []int{2019, 2020},
			MemberYears{2019: {"proposal_cosign": 1}, 2020: good}, nil},
		{"one year only: no proposal flag waits", []int{2020}, MemberYears{2020: {"plenary_present": 4}}, nil},
		{"two absences in the term", []int{2019, 2020},
			MemberYears{2019: with(good, "plenary_absent", 1), 2020: with(good, "plenary_absent", 1)}, []string{"absences"}},
		{"one absence", []int{2019, 2020}, MemberYears{2019: with(good, "plenary_absent", 1), 2020: good}, nil},
		{"leave above the setting", []int{2019, 2020}, MemberYears{2019: with(good, "plenary_leave", 3), 2020: good}, []string{"leave"}},
		{"leave at the setting", []int{2019, 2020}, MemberYears{2019: with(good, "plenary_leave", 2), 2020: good}, nil},
		{"below pass not running", []int{2018, 2019, 2020},
			MemberYears{2018: {"proposal": 1}, 2019: good, 2020: {"proposal": 1}}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, f := range MemberFlags(r, c.years, c.counts) {
				got = append(got, f.Code)
				if f.Text == "" {
					t.Errorf("flag %s without text", f.Code)
				}
			}
			if strings.Join(got, ",") != strings.Join(c.want, ",") {
				t.Fatalf("flags %v, want %v", got, c.want)
			}
		})
	}
}

func with(m map[string]int, k string, n int) map[string]int {
	out := map[string]int{k: n}
	for a, b := range m {
		if a != k {
			out[a] = b
		}
	}
	return out
}

func TestMemberValidate(t *testing.T) {
	ok := CPPCCMember{UnitID: 1, Name: "王明", Term: "第九届", Status: MemberActive, JoinedOn: NewDate(2017, 1, 5)}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		edit  func(m *CPPCCMember)
		field string
	}{
		{func(m *CPPCCMember) { m.Name = "" }, "name"},
		{func(m *CPPCCMember) { m.Term = "" }, "term"},
		{func(m *CPPCCMember) { m.Status = "x" }, "status"},
		{func(m *CPPCCMember) { m.Status = MemberLeft }, "left_on"},
		{func(m *CPPCCMember) { m.LeftOn = NewDate(2016, 1, 1); m.Status = MemberLeft }, "left_on"},
		{func(m *CPPCCMember) { m.LeftOn = NewDate(2019, 1, 1) }, "status"},
		{func(m *CPPCCMember) { m.UnitID = 0 }, "unit_id"},
	}
	for i, c := range cases {
		m := ok
		c.edit(&m)
		err := m.Validate()
		ve, _ := err.(*ValidationError)
		if ve == nil || ve.For(c.field) == "" {
			t.Errorf("case %d: %v, want a message on %s", i, err, c.field)
		}
	}
	today := NewDate(2020, 6, 1)
	a := MemberActivity{UnitID: 1, MemberID: 2, Kind: ActivityResearch, Title: "乡村振兴调研", On: NewDate(2020, 5, 1)}
	if err := a.Validate(today); err != nil {
		t.Fatal(err)
	}
	for field, edit := range map[string]func(a *MemberActivity){
		"kind": func(a *MemberActivity) { a.Kind = "x" }, "title": func(a *MemberActivity) { a.Title = " " },
		"on": func(a *MemberActivity) { a.On = NewDate(2020, 7, 1) }, "member_id": func(a *MemberActivity) { a.MemberID = 0 },
	} {
		b := a
		edit(&b)
		ve, _ := b.Validate(today).(*ValidationError)
		if ve == nil || ve.For(field) == "" {
			t.Errorf("%s: want a message", field)
		}
	}
}

func TestMemberServedYears(t *testing.T) {
	m := &CPPCCMember{JoinedOn: NewDate(2017, 1, 1)}
	if got := MemberServedYears(m, 2016, 2020); len(got) != 4 || got[0] != 2017 || got[3] != 2020 {
		t.Fatal(got)
	}
	m.LeftOn = NewDate(2018, 6, 1)
	if got := MemberServedYears(m, 2016, 2020); len(got) != 2 || got[1] != 2018 {
		t.Fatal(got)
	}
	if got := MemberServedYears(&CPPCCMember{}, 2019, 2020); len(got) != 2 {
		t.Fatal(got)
	}
}
