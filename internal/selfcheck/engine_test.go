package selfcheck

import (
	"context"
	"slices"
	"strings"
	"testing"

	"zhenggai"
)

// TestRulesDeclared: every rule has a unique id, a title, its seed
// problem, a known area, and settings with defaults.
func TestRulesDeclared(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules {
		if r.ID == "" || seen[r.ID] || r.Title == "" || r.SeedProblem <= 0 || !slices.Contains(Areas, r.Area) || r.Check == nil {
			t.Errorf("rule %+v", r)
		}
		seen[r.ID] = true
		for _, s := range r.Settings {
			if s.Name == "" || s.Label == "" || s.Default == "" {
				t.Errorf("%s: setting %+v", r.ID, s)
			}
		}
	}
}

// TestRun: findings are stamped with their rule, seed problem, area,
// period and a key; stored settings reach the rule and a setting that
// does not read falls back to its default.
func TestRun(t *testing.T) {
	v := voucher(1, "2019-03-01", 1500000)
	v.Approver = ""
	regs := &Registers{Vouchers: []zhenggai.Voucher{v}}
	p := period("2019-01-01", "2019-12-31")
	fs, err := Run(context.Background(), regs, p, map[string]string{"selfcheck.large_expense.threshold": "2万"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 || fs[0].Rule != "voucher_approval" || fs[0].Key != "voucher_approval-1" || fs[0].SeedProblem != 34 ||
		fs[0].Area != AreaFinance || fs[0].Period != p || fs[0].Records[0].Label != "记-1号（2019年3月）" {
		t.Fatalf("findings %+v", fs)
	}
	steps := 0
	fs, _ = Run(context.Background(), regs, p, map[string]string{"selfcheck.large_expense.threshold": "很多"}, func(int) { steps++ })
	if len(fs) != 2 || fs[1].Rule != "large_expense" || steps != len(Rules) {
		t.Errorf("a threshold that does not read: %+v, %d steps", fs, steps)
	}
	if _, err := Run(canceled(), regs, p, nil, nil); err == nil {
		t.Error("a canceled run went on")
	}
}

func canceled() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}

// TestRuleChanged: only the settings a unit set to other than their
// defaults are named, in the rule's order; a blank or the default typed
// again is no change.
func TestRuleChanged(t *testing.T) {
	for _, tc := range []struct {
		stored map[string]string
		want   string
	}{
		{nil, ""},
		{map[string]string{"selfcheck.large_expense.threshold": " 10000 "}, ""},
		{map[string]string{"selfcheck.large_expense.threshold": ""}, ""},
		// What the rule reads as its default is no change.
		{map[string]string{"selfcheck.large_expense.threshold": "1万"}, ""},
		{map[string]string{"selfcheck.large_expense.threshold": "10000.00"}, ""},
		{map[string]string{"selfcheck.large_expense.threshold": "10,000"}, ""},
		{map[string]string{"selfcheck.large_expense.threshold": "abc"}, ""},
		{map[string]string{"selfcheck.large_expense.threshold": "0"}, ""},
		{map[string]string{"selfcheck.large_expense.window_days": "365天"}, ""},
		{map[string]string{"selfcheck.large_expense.threshold": "20000.50"}, "大额资金标准（元，单笔达到即须研究）=20000.50/10000"},
		{map[string]string{"selfcheck.large_expense.threshold": "50000"}, "大额资金标准（元，单笔达到即须研究）=50000/10000"},
		{map[string]string{"selfcheck.large_expense.window_days": "90", "selfcheck.large_expense.threshold": "20000",
			"selfcheck.voucher_approval.threshold": "1"},
			"大额资金标准（元，单笔达到即须研究）=20000/10000;未关联凭证可援引的决策距开支的最长天数=90/365"},
	} {
		var got []string
		for _, c := range LargeExpense.Changed(tc.stored) {
			got = append(got, c.Label+"="+c.Value+"/"+c.Default)
		}
		if strings.Join(got, ";") != tc.want {
			t.Errorf("Changed(%v) = %q, want %q", tc.stored, strings.Join(got, ";"), tc.want)
		}
	}
}
