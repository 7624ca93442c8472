package zhenggai

import (
	"fmt"
	"strings"
)

// MeasureKind separates quick fixes from rules built to last.
type MeasureKind string

const (
	MeasureImmediate MeasureKind = "immediate" // 立行立改
	MeasureMechanism MeasureKind = "mechanism" // 长效机制
)

// Label is the Chinese name of the measure kind.
func (k MeasureKind) Label() string {
	switch k {
	case MeasureImmediate:
		return "立行立改"
	case MeasureMechanism:
		return "长效机制"
	}
	return string(k)
}

// Valid reports whether k is a known measure kind.
func (k MeasureKind) Valid() bool { return k == MeasureImmediate || k == MeasureMechanism }

// Measure is one action taken for a problem.
type Measure struct {
	ID        int64       `json:"id"`
	UnitID    int64       `json:"unit_id"`
	ProblemID int64       `json:"problem_id"`
	Seq       int         `json:"seq"`
	Content   string      `json:"content"`
	Leader    string      `json:"leader"` // 责任领导
	Office    string      `json:"office"` // 责任委室
	Owner     string      `json:"owner"`  // 责任人
	Deadline  Date        `json:"deadline"`
	Kind      MeasureKind `json:"kind"`
	Status    Status      `json:"status"`
	// Mechanism names the rule or register a 长期坚持 measure is kept by,
	// e.g. 《档案管理制度》; ReportEvery is its re-report period in days.
	Mechanism   string     `json:"mechanism"`
	ReportEvery int        `json:"report_every"`
	LastReport  Date       `json:"last_report,omitempty"` // day of its latest progress entry (derived)
	CloseState  CloseState `json:"close_state"`
	Version     int64      `json:"version"`
	// What the measure produced (its part of the round's Outcomes): the
	// rules it made or revised, by name without 《》 (see CleanRuleName);
	// money refunded, recovered or saved, in fen; persons dealt with.
	RuleNames      []string `json:"rule_names"`
	RefundedFen    Fen      `json:"refunded_fen"`   // 清退违规资金
	RecoveredFen   Fen      `json:"recovered_fen"`  // 追回资金
	SavedFen       Fen      `json:"saved_fen"`      // 挽回经济损失
	Talks          int      `json:"talks"`          // 谈话提醒、批评教育
	Organisational int      `json:"organisational"` // 组织处理
	Disciplinary   int      `json:"disciplinary"`   // 党纪政务处分
	// LeaderID and OwnerID are the persons of the unit's roster the
	// names resolve to (ResolvePerson); 0 when none does.
	LeaderID int64 `json:"leader_id,omitempty"`
	OwnerID  int64 `json:"owner_id,omitempty"`
	// ProofRules are the self-inspection rules (selfcheck.Rule IDs) that
	// prove a mechanism measure by its register (proof.go).
	ProofRules []string `json:"proof_rules"`
}

// Validate checks a measure before it is saved.
func (m *Measure) Validate() error {
	v := &ValidationError{}
	if m.Seq < 1 || m.Seq > 999 {
		v.Add("seq", "序号须在1至999之间")
	}
	checkText(v, "content", "整改措施", m.Content, true, MaxContent)
	checkText(v, "leader", "责任领导", m.Leader, false, MaxName)
	checkText(v, "office", "责任委室", m.Office, false, MaxName)
	checkText(v, "owner", "责任人", m.Owner, false, MaxName)
	checkDate(v, "deadline", "整改时限", m.Deadline, false)
	if !m.Kind.Valid() {
		v.Add("kind", "措施类型须为立行立改或长效机制")
	}
	if !m.Status.Valid() {
		v.Add("status", "完成情况须为未启动、正在整改、基本完成、已完成或长期坚持")
	}
	checkText(v, "mechanism", "长效机制", m.Mechanism, false, MaxTitle)
	if m.ReportEvery < 0 || m.ReportEvery > 3660 {
		v.Add("report_every", "报送周期须在0至3660天之间")
	}
	m.checkOutcomes(v)
	m.checkProofRules(v)
	return v.Err()
}

// Outcomes are what one measure produced, as the round's figures count
// them.
func (m *Measure) Outcomes() Outcomes {
	return Outcomes{
		Rules: len(m.RuleNames), RefundedFen: m.RefundedFen, RecoveredFen: m.RecoveredFen, SavedFen: m.SavedFen,
		Talks: m.Talks, Organisational: m.Organisational, Disciplinary: m.Disciplinary,
	}
}

// checkOutcomes validates what a measure says it produced.
func (m *Measure) checkOutcomes(v *ValidationError) {
	if len(m.RuleNames) > MaxRuleNames {
		v.Add("rule_names", fmt.Sprintf("建立完善制度最多填写%d项", MaxRuleNames))
	}
	seen := map[string]bool{}
	for _, n := range m.RuleNames {
		switch {
		case strings.TrimSpace(n) == "":
			v.Add("rule_names", "建立完善制度的名称不能为空")
		case strings.ContainsAny(n, "\r\n"):
			v.Add("rule_names", "制度名称不能换行："+RuleTitle(Clip(n, 20))+"，每行填写一项")
		case n != CleanRuleName(n):
			v.Add("rule_names", "制度名称"+RuleTitle(Clip(CleanRuleName(n), 20))+"前后有多余的空格、标点或书名号")
		case seen[n]:
			v.Add("rule_names", "制度"+RuleTitle(Clip(n, 20))+"重复填写")
		default:
			checkText(v, "rule_names", "制度名称"+RuleTitle(Clip(n, 20)), n, true, MaxName)
		}
		seen[n] = true
	}
	money := []struct {
		field, label string
		fen          Fen
	}{
		{"refunded_fen", "清退违规资金", m.RefundedFen}, {"recovered_fen", "追回资金", m.RecoveredFen},
		{"saved_fen", "挽回经济损失", m.SavedFen},
	}
	for _, x := range money {
		switch {
		case x.fen < 0:
			v.Add(x.field, x.label+"不能为负数")
		case x.fen > MaxFen:
			v.Add(x.field, x.label+"过大（最多100亿元）")
		}
	}
	persons := []struct {
		field, label string
		n            int
	}{
		{"talks", "谈话提醒、批评教育人数", m.Talks}, {"organisational", "组织处理人数", m.Organisational},
		{"disciplinary", "党纪政务处分人数", m.Disciplinary},
	}
	for _, x := range persons {
		if x.n < 0 || x.n > MaxPersons {
			v.Add(x.field, fmt.Sprintf("%s须在0至%d之间", x.label, MaxPersons))
		}
	}
}
