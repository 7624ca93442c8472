package zhenggai

import (
	"strings"
	"testing"
)

func TestProofHold(t *testing.T) {
	holds := []ProofHold{{Rule: "voucher_approval", Title: "会计凭证经审核签字", Findings: 1, Records: 3},
		{Rule: "chair_last", Title: "主要负责人末位表态", Findings: 2}}
	if got, want := HoldText(holds), "自查规则“会计凭证经审核签字”仍发现问题1项（涉及记录3条），“主要负责人末位表态”仍发现问题2项"; got != want {
		t.Errorf("HoldText = %q, want %q", got, want)
	}
	if ErrHeld(nil, CloseApprove) != nil {
		t.Error("held without a hold")
	}
	if err := ErrHeld(holds, CloseAccept); ErrorCode(err) != ECONFLICT || !strings.Contains(err.Error(), "不能验收通过") {
		t.Errorf("ErrHeld: %v", err)
	}
	ongoing := &Measure{Status: Ongoing}
	for _, c := range []struct {
		m     *Measure
		in    Colour
		holds []ProofHold
		want  Colour
	}{
		{ongoing, NoColour, holds, Yellow},
		{ongoing, Green, holds, Yellow},
		{ongoing, Red, holds, Red},
		{ongoing, NoColour, nil, NoColour},
		{&Measure{Status: InProgress}, Green, holds, Green}, // its deadline speaks; the hold is on its closing
	} {
		if got := HeldColour(c.in, c.m, c.holds); got != c.want {
			t.Errorf("HeldColour(%s, %s, %d holds) = %s, want %s", c.in, c.m.Status, len(c.holds), got, c.want)
		}
	}
	fb, today := NewDate(2020, 7, 27), NewDate(2020, 10, 28)
	if p := ProofPeriod(fb, today); p.Start != fb || p.End != today {
		t.Errorf("ProofPeriod %v", p)
	}
	if p := ProofPeriod(Date{}, today); p.Start != today.AddDays(-365) {
		t.Errorf("ProofPeriod without feedback %v", p)
	}
}

func TestProofRulesValidate(t *testing.T) {
	m := &Measure{Seq: 1, Content: "修订财务管理制度", Kind: MeasureMechanism, Status: InProgress}
	for _, c := range []struct {
		rules []string
		want  string
	}{
		{[]string{"voucher_approval", "chair_last"}, ""},
		{[]string{"Voucher"}, "验证规则“Voucher”不正确"},
		{[]string{"dues", "dues"}, "验证规则“dues”重复选择"},
		{[]string{""}, "不正确"},
	} {
		m.ProofRules = c.rules
		err := m.Validate()
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("%v: %v, want %q", c.rules, err, c.want)
		}
	}
}
