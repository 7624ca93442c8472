package zhenggai

// Outcomes are what rectification produced, in the figures progress
// reports state ("建立完善制度12项，清退违规资金3.2万元，谈话提醒、批评教育5人").
// A report's own figures are kept as declared (Declared.Outcomes); the
// program's are summed from what each measure records, so the two can be
// compared like the totals.
type Outcomes struct {
	Rules          int   `json:"rules"`          // 建立完善制度 N 项
	RefundedFen    int64 `json:"refunded_fen"`   // 清退违规资金
	RecoveredFen   int64 `json:"recovered_fen"`  // 追回资金
	SavedFen       int64 `json:"saved_fen"`      // 挽回经济损失
	Talks          int   `json:"talks"`          // 谈话提醒、批评教育 (persons)
	Organisational int   `json:"organisational"` // 组织处理 (persons)
	Disciplinary   int   `json:"disciplinary"`   // 党纪政务处分 (persons)
}

// IsZero reports whether nothing was stated or recorded.
func (o Outcomes) IsZero() bool { return o == Outcomes{} }

// Add returns the sum of two sets of outcomes.
func (o Outcomes) Add(p Outcomes) Outcomes {
	return Outcomes{
		Rules:          o.Rules + p.Rules,
		RefundedFen:    o.RefundedFen + p.RefundedFen,
		RecoveredFen:   o.RecoveredFen + p.RecoveredFen,
		SavedFen:       o.SavedFen + p.SavedFen,
		Talks:          o.Talks + p.Talks,
		Organisational: o.Organisational + p.Organisational,
		Disciplinary:   o.Disciplinary + p.Disciplinary,
	}
}
