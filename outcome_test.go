package zhenggai

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestParseCount(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		fail bool
	}{
		{"3", 3, false}, {"３人", 3, false}, {" 3 名", 3, false}, {"007", 7, false}, {"10000", 10000, false},
		{"-1", 0, true}, {"1.5", 0, true}, {"三", 0, true}, {"10001", 0, true}, {"", 0, true},
		{"123456789012345678901", 0, true},
	}
	for _, tt := range tests {
		n, err := ParseCount(tt.in)
		if (err != nil) != tt.fail || n != tt.n {
			t.Errorf("ParseCount(%q) = %d, %v", tt.in, n, err)
		}
	}
}

func TestParseRuleNames(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", []string{}},
		{"《》", []string{}},
		{"《档案管理制度》", []string{"档案管理制度"}},
		{"  档案管理制度。 ", []string{"档案管理制度"}},
		{"《 档案管理制度 》；", []string{"档案管理制度"}},
		{"《财务管理制度》《档案管理制度》", []string{"财务管理制度", "档案管理制度"}},
		{"《财务管理制度》、《档案管理制度》", []string{"财务管理制度", "档案管理制度"}},
		{"谈心谈话制度、走访看望委员制度，政协委员学习培训制度;会议制度", []string{"谈心谈话制度", "走访看望委员制度", "政协委员学习培训制度", "会议制度"}},
		{"《党费收缴、使用和管理问答汇编》", []string{"党费收缴、使用和管理问答汇编"}},
		{"关于《档案管理制度》的补充规定", []string{"关于《档案管理制度》的补充规定"}},
		{"《关于《档案管理制度》的补充规定》", []string{"关于《档案管理制度》的补充规定"}},
		{"《甲制度》和《乙制度》", []string{"《甲制度》和《乙制度》"}},
		{"《甲制度》\r\n乙制度\n\n《甲制度》", []string{"甲制度", "乙制度"}},
		{"〈考勤制度〉", []string{"考勤制度"}},
		{"《未闭合的制度\n乙制度》", []string{"未闭合的制度", "乙制度"}},
	}
	for _, tt := range tests {
		if got := ParseRuleNames(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseRuleNames(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestOutcomesSentence(t *testing.T) {
	tests := []struct {
		name string
		o    Outcomes
		want string
	}{
		{"nothing", Outcomes{}, ""},
		{"rules only", Outcomes{Rules: 14}, "建立完善制度14项"},
		{"small money in 元", Outcomes{RefundedFen: 386_000, Organisational: 1}, "清退违规资金3860元，组织处理1人"},
		{"everything, in the reports' order", Outcomes{Rules: 12, RefundedFen: 3_200_000, RecoveredFen: 1_260_000,
			SavedFen: 231_640, Talks: 5, Organisational: 2, Disciplinary: 1},
			"建立完善制度12项，清退违规资金3.2万元，追回资金1.26万元，挽回经济损失2316.4元，谈话提醒、批评教育5人，组织处理2人，党纪政务处分1人"},
		{"persons only", Outcomes{Talks: 3, Disciplinary: 2}, "谈话提醒、批评教育3人，党纪政务处分2人"},
	}
	for _, tt := range tests {
		if got := tt.o.Sentence(); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestOutcomeMismatches(t *testing.T) {
	tests := []struct {
		name              string
		declared, counted Outcomes
		want              []string
	}{
		{"nothing declared", Outcomes{}, Outcomes{Rules: 3, Talks: 1}, nil},
		{"agree", Outcomes{Rules: 3, Talks: 1}, Outcomes{Rules: 3, Talks: 1, SavedFen: 100}, nil},
		{"amounts agree as written", Outcomes{RefundedFen: 3_260_000}, Outcomes{RefundedFen: 3_261_250}, nil},
		{"each figure that differs", Outcomes{Rules: 12, RefundedFen: 3_260_000, Disciplinary: 1},
			Outcomes{Rules: 14, RefundedFen: 3_300_000},
			[]string{"公布建立完善制度12项，逐项统计为14项", "公布清退违规资金3.26万元，逐项统计为3.3万元", "公布党纪政务处分1人，逐项统计为0人"}},
		{"declared money, none recorded", Outcomes{RecoveredFen: 500_000}, Outcomes{}, []string{"公布追回资金5000元，逐项统计为0元"}},
	}
	for _, tt := range tests {
		if got := OutcomeMismatches(tt.declared, tt.counted); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestSumOutcomes(t *testing.T) {
	ms := []*Measure{
		{RuleNames: []string{"档案管理制度", "财务管理制度"}, RefundedFen: 100, Talks: 2},
		{RuleNames: []string{"财务管理制度"}, RecoveredFen: 5, Organisational: 1}, // revises a rule another drafted
		{},
		{RuleNames: []string{"考勤制度"}, SavedFen: 7, Disciplinary: 3, RefundedFen: 50},
	}
	o, names := SumOutcomes(ms)
	want := Outcomes{Rules: 3, RefundedFen: 150, RecoveredFen: 5, SavedFen: 7, Talks: 2, Organisational: 1, Disciplinary: 3}
	if o != want {
		t.Errorf("sum %+v, want %+v", o, want)
	}
	if !reflect.DeepEqual(names, []string{"档案管理制度", "财务管理制度", "考勤制度"}) {
		t.Errorf("names %q", names)
	}
	if o, names := SumOutcomes(nil); !o.IsZero() || len(names) != 0 {
		t.Errorf("no measures: %+v %q", o, names)
	}
}

func TestMeasureOutcomeValidation(t *testing.T) {
	ok := func() Measure {
		return Measure{Seq: 1, Content: "修订完善档案管理制度", Kind: MeasureMechanism, Status: NotStarted}
	}
	long := strings.Repeat("制", MaxName+1)
	many := make([]string, MaxRuleNames+1)
	for i := range many {
		many[i] = "第" + strconv.Itoa(i+1) + "号制度"
	}
	tests := []struct {
		name  string
		edit  func(m *Measure)
		field string // "" when valid
		msg   string
	}{
		{"none", func(m *Measure) {}, "", ""},
		{"every figure", func(m *Measure) {
			m.RuleNames = []string{"档案管理制度"}
			m.RefundedFen, m.RecoveredFen, m.SavedFen = 1, MaxFen, 0
			m.Talks, m.Organisational, m.Disciplinary = 1, MaxPersons, 0
		}, "", ""},
		{"negative refund", func(m *Measure) { m.RefundedFen = -1 }, "refunded_fen", "清退违规资金不能为负数"},
		{"recovered too large", func(m *Measure) { m.RecoveredFen = MaxFen + 1 }, "recovered_fen", "追回资金过大"},
		{"negative saved", func(m *Measure) { m.SavedFen = -100 }, "saved_fen", "挽回经济损失不能为负数"},
		{"negative talks", func(m *Measure) { m.Talks = -1 }, "talks", "谈话提醒、批评教育人数须在0至10000之间"},
		{"too many organisational", func(m *Measure) { m.Organisational = MaxPersons + 1 }, "organisational", "组织处理人数"},
		{"negative disciplinary", func(m *Measure) { m.Disciplinary = -2 }, "disciplinary", "党纪政务处分人数"},
		{"empty name", func(m *Measure) { m.RuleNames = []string{" "} }, "rule_names", "名称不能为空"},
		{"name with brackets", func(m *Measure) { m.RuleNames = []string{"《档案管理制度》"} }, "rule_names", "多余"},
		{"name with a line break", func(m *Measure) { m.RuleNames = []string{"档案\n管理制度"} }, "rule_names", "不能换行"},
		{"repeated name", func(m *Measure) { m.RuleNames = []string{"档案管理制度", "档案管理制度"} }, "rule_names", "重复"},
		{"name too long", func(m *Measure) { m.RuleNames = []string{long} }, "rule_names", "过长"},
		{"name with NUL", func(m *Measure) { m.RuleNames = []string{"档案\x00制度"} }, "rule_names", "控制字符"},
		{"too many names", func(m *Measure) { m.RuleNames = many }, "rule_names", "最多填写50项"},
	}
	for _, tt := range tests {
		m := ok()
		tt.edit(&m)
		err := m.Validate()
		if tt.field == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
			continue
		}
		var found bool
		if v, isV := err.(*ValidationError); isV {
			for _, f := range v.Fields {
				found = found || f.Field == tt.field && strings.Contains(f.Message, tt.msg)
			}
		}
		if !found {
			t.Errorf("%s: %v, want %s: …%s…", tt.name, err, tt.field, tt.msg)
		}
	}
}

func TestLedgerOutcomes(t *testing.T) {
	today := NewDate(2020, 10, 1)
	r, cats, probs, ms := fixture(today)
	r.Declared = Declared{Outcomes: Outcomes{Rules: 1, RefundedFen: 1_000_000, Talks: 2}}
	ms[0].RuleNames, ms[0].RefundedFen = []string{"考勤制度"}, 300_000
	ms[3].RuleNames, ms[3].Talks = []string{"财务管理制度", "考勤制度"}, 2
	ms = append(ms, &Measure{ID: 39, ProblemID: 29, Seq: 1, RefundedFen: 999, RuleNames: []string{"孤立制度"}}) // its problem has no category
	l := BuildLedger(r, DefaultSettings(), today, cats, probs, ms)
	s := l.Summary
	if want := (Outcomes{Rules: 2, RefundedFen: 300_000, Talks: 2}); s.Outcomes != want {
		t.Errorf("outcomes %+v, want %+v", s.Outcomes, want)
	}
	// Ledger order: category 1 problem 1 (考勤制度) before category 2.
	if !reflect.DeepEqual(s.RuleNames, []string{"考勤制度", "财务管理制度"}) {
		t.Errorf("rule names %q", s.RuleNames)
	}
	want := []string{"公布建立完善制度1项，逐项统计为2项", "公布清退违规资金1万元，逐项统计为3000元"}
	if !reflect.DeepEqual(s.Mismatches, want) {
		t.Errorf("mismatches %q, want %q", s.Mismatches, want)
	}
}

// FuzzParseRuleNames: the names read from any text are clean, distinct,
// without line breaks, and read back the same from how a form shows them.
func FuzzParseRuleNames(f *testing.F) {
	for _, s := range []string{"《档案管理制度》", "《甲》《乙》、丙；丁\n戊", "关于《甲》的补充规定", "《《》》", "《甲\n》乙》",
		"〈甲〉", " 。、；", "\xff《\x00》"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		names := ParseRuleNames(s)
		seen := map[string]bool{}
		var lines []string
		for _, n := range names {
			if n == "" || n != CleanRuleName(n) || strings.ContainsAny(n, "\r\n") || seen[n] {
				t.Fatalf("ParseRuleNames(%q) gave %q", s, names)
			}
			seen[n] = true
			lines = append(lines, RuleTitle(n))
		}
		if again := ParseRuleNames(strings.Join(lines, "\n")); !reflect.DeepEqual(again, names) {
			t.Fatalf("ParseRuleNames(%q) = %q; shown one a line, reads back as %q", s, names, again)
		}
	})
}

func TestDeclaredOutcomesValidation(t *testing.T) {
	r := Round{Unit: "某局党组", Inspector: "县委第一巡察组", Kind: KindInspection}
	r.Declared.Outcomes = Outcomes{Rules: 12, RefundedFen: 3_200_000, Talks: 5}
	if err := r.Validate(); err != nil {
		t.Errorf("declared outcomes: %v", err)
	}
	for _, o := range []Outcomes{{RefundedFen: -1}, {Talks: -5}, {SavedFen: 100*MaxFen + 1}} {
		r.Declared.Outcomes = o
		if err := r.Validate(); err == nil || !strings.Contains(err.Error(), "数字不正确") {
			t.Errorf("declared %+v: %v", o, err)
		}
	}
}
