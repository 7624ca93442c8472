package zhenggai

import (
	"fmt"
	"strings"
)

// A mechanism measure (长效机制) is proven by its register: it names the
// self-inspection rules (selfcheck.Rules, by ID) that check the records
// its rule governs, and while one of them finds something in the records
// since the feedback the measure is held — its closing cannot be approved
// and, kept up (长期坚持), it does not show as in order. The hold is
// computed from the registers each time, never stored, so putting the
// records right lifts it by itself.

// MaxProofRules bounds the rules one measure names as its proof.
const MaxProofRules = 40

// checkProofRules checks the rule IDs as selfcheck writes them (a-z, 0-9,
// _); whether each exists is the store's check, which knows the rules.
func (m *Measure) checkProofRules(v *ValidationError) {
	if len(m.ProofRules) > MaxProofRules {
		v.Add("proof_rules", fmt.Sprintf("验证规则最多选择%d项", MaxProofRules))
		return
	}
	seen := map[string]bool{}
	for _, id := range m.ProofRules {
		switch {
		case !ruleID(id):
			v.Add("proof_rules", "验证规则“"+Clip(id, 20)+"”不正确")
		case seen[id]:
			v.Add("proof_rules", "验证规则“"+id+"”重复选择")
		}
		seen[id] = true
	}
}

func ruleID(id string) bool {
	if id == "" || len(id) > 60 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

// ProofPeriod is the span a measure's proof rules read: from the round's
// feedback to today. The feedback, not the measure's own start: the
// measure has no start date of its own (its deadline is an end), and what
// the mechanism answers is the feedback — every record since then is one
// the mechanism should already govern, so a finding there is the problem
// still happening. Without a feedback date, the year up to today.
func ProofPeriod(feedback, today Date) Period {
	if feedback.IsZero() || today.Before(feedback) {
		return Period{Start: today.AddDays(-365), End: today}
	}
	return Period{Start: feedback, End: today}
}

// ProofHold is one proof rule that still finds something.
type ProofHold struct {
	Rule     string `json:"rule"`
	Title    string `json:"title"`
	Findings int    `json:"findings"`
	Records  int    `json:"records"` // the records the findings name (as many as they link)
}

// HoldText says what holds a measure, naming each rule and its count:
// 自查规则“会计凭证经审核签字”仍发现问题1项（涉及记录3条）.
func HoldText(holds []ProofHold) string {
	parts := make([]string, 0, len(holds))
	for _, h := range holds {
		s := fmt.Sprintf("“%s”仍发现问题%d项", h.Title, h.Findings)
		if h.Records > 0 {
			s += fmt.Sprintf("（涉及记录%d条）", h.Records)
		}
		parts = append(parts, s)
	}
	return "自查规则" + strings.Join(parts, "，")
}

// ErrHeld refuses step a (approving a measure's closing, accepting its
// problem) while proof rules still hold it; nil when none does.
func ErrHeld(holds []ProofHold, a CloseAction) error {
	if len(holds) == 0 {
		return nil
	}
	return Errorf(ECONFLICT, "长效机制尚未经台账验证，不能%s：%s。请先整改台账中的相关记录，问题消除后自动解除", a.Verb(), HoldText(holds))
}

// HeldColour is the warning of measure m whose proof rules hold it: a
// 长期坚持 measure cannot show as in order (no colour) or merely green
// while its register still finds the problem, so it is at least yellow.
func HeldColour(c Colour, m *Measure, holds []ProofHold) Colour {
	if len(holds) == 0 || m.Status != Ongoing {
		return c
	}
	return Worse(c, Yellow)
}
