package zhenggai

// Problem is a numbered specific problem under a category.
type Problem struct {
	ID            int64  `json:"id"`
	UnitID        int64  `json:"unit_id"`
	RoundID       int64  `json:"round_id"`
	CategoryID    int64  `json:"category_id"`
	Seq           int    `json:"seq"`
	Title         string `json:"title"`
	Rectification string `json:"rectification"` // the 整改情况 paragraph as reported
	// Withheld problems are left out of published reports (national
	// exceptions: secrets, open cases, sensitive matters), with the reason.
	Withheld       bool       `json:"withheld"`
	WithheldReason string     `json:"withheld_reason"`
	CloseState     CloseState `json:"close_state"` // closing (销号); accepted locks the problem
	// RecordedStatus is the status an imported ledger or report recorded
	// for the problem (原台账记载), from RecordedSource: history the office
	// has not verified, never a closing by it.
	RecordedStatus Status `json:"recorded_status,omitempty"`
	RecordedSource string `json:"recorded_source,omitempty"`
	Version        int64  `json:"version"`
}

// Validate checks a problem before it is saved.
func (p *Problem) Validate() error {
	v := &ValidationError{}
	if p.Seq < 1 || p.Seq > 9999 {
		v.Add("seq", "序号须在1至9999之间")
	}
	if p.CategoryID <= 0 {
		v.Add("category_id", "请选择问题类别")
	}
	checkText(v, "title", "具体问题", p.Title, true, MaxTitle)
	checkText(v, "rectification", "整改情况", p.Rectification, false, MaxContent)
	checkText(v, "withheld_reason", "不予公开的理由", p.WithheldReason, p.Withheld, MaxTitle)
	return v.Err()
}
