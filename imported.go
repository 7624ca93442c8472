package zhenggai

// Imported is what an importer understood of a document (a text progress
// report or an Excel ledger) before anything is written. Its JSON is what
// `zhenggai import --dry-run --json` prints; the field names are a contract.
type Imported struct {
	Round      ImportedRound      `json:"round"`
	Declared   Declared           `json:"declared"`
	Categories []ImportedCategory `json:"categories"`
	Warnings   []string           `json:"warnings"`
}

// ImportedRound is the preamble of a report, and the texts of the report
// that its data cannot give back (the generated report reuses them).
type ImportedRound struct {
	Inspector    string `json:"inspector"`
	Unit         string `json:"unit"`
	Kind         Kind   `json:"kind"`
	OnsiteStart  Date   `json:"onsite_start"`
	OnsiteEnd    Date   `json:"onsite_end"`
	FeedbackDate Date   `json:"feedback_date"`

	Title        string `json:"report_title,omitempty"`         // the title line
	LeadingGroup string `json:"report_leading_group,omitempty"` // 一、: its first paragraph
	Work         string `json:"report_work,omitempty"`          // 一、: the further paragraphs
	FollowUp     string `json:"report_follow_up,omitempty"`     // 三、继续深化后续整改
	Signature    string `json:"report_signature,omitempty"`     // 落款: the signing body's full name
	Signed       Date   `json:"report_signed,omitzero"`         // 落款: the date under it
}

// Onsite is the on-site period the preamble states.
func (r ImportedRound) Onsite() Period { return Period{r.OnsiteStart, r.OnsiteEnd} }

// Facts is the round without its texts: who inspected whom, and when.
func (r ImportedRound) Facts() ImportedRound {
	return ImportedRound{Inspector: r.Inspector, Unit: r.Unit, Kind: r.Kind,
		OnsiteStart: r.OnsiteStart, OnsiteEnd: r.OnsiteEnd, FeedbackDate: r.FeedbackDate}
}

// ImportedCategory is a (一)反馈问题 heading and its problems.
type ImportedCategory struct {
	Seq      int               `json:"seq"`
	Title    string            `json:"title"`
	Problems []ImportedProblem `json:"problems"`
}

// ImportedProblem is one numbered problem with its 整改情况 split into measures.
type ImportedProblem struct {
	Seq           int               `json:"seq"`
	Title         string            `json:"title"`
	Rectification string            `json:"rectification"`
	Measures      []ImportedMeasure `json:"measures"`
	// Status is the problem's own 完成情况 where the document states one
	// (a ledger row without a measure); else its measures' give it.
	Status Status `json:"status,omitempty"`
}

// Recorded is the status the document records for the problem (原台账记载):
// its own, or the one its measures' statuses make; "" when it states none.
func (p ImportedProblem) Recorded() Status {
	if p.Status != "" {
		return p.Status
	}
	sts, any := make([]Status, len(p.Measures)), false
	for i, m := range p.Measures {
		sts[i] = m.Status
		if m.Status == "" {
			sts[i] = NotStarted
		} else {
			any = true
		}
	}
	if !any {
		return ""
	}
	return ProblemStatus(sts)
}

// ImportedMeasure is one 一是/二是… item, with whatever a ledger adds.
type ImportedMeasure struct {
	Content  string      `json:"content"`
	Leader   string      `json:"leader,omitempty"`
	Office   string      `json:"office,omitempty"`
	Owner    string      `json:"owner,omitempty"`
	Deadline Date        `json:"deadline,omitzero"`
	Kind     MeasureKind `json:"kind,omitempty"`
	Status   Status      `json:"status,omitempty"`
	Progress string      `json:"progress,omitempty"`
	// What the measure produced, as a ledger records it (a text report
	// states outcomes for the whole round only, in Declared.Outcomes).
	RuleNames      []string `json:"rule_names,omitempty"`
	RefundedFen    Fen      `json:"refunded_fen,omitempty"`
	RecoveredFen   Fen      `json:"recovered_fen,omitempty"`
	SavedFen       Fen      `json:"saved_fen,omitempty"`
	Talks          int      `json:"talks,omitempty"`
	Organisational int      `json:"organisational,omitempty"`
	Disciplinary   int      `json:"disciplinary,omitempty"`
}

// ProblemCount is the number of problems found.
func (im *Imported) ProblemCount() int {
	n := 0
	for _, c := range im.Categories {
		n += len(c.Problems)
	}
	return n
}

// NewRound is the round an import creates: the preamble's facts, the
// declared figures and the report's texts.
func (im *Imported) NewRound() *Round {
	ir := im.Round
	r := &Round{
		Unit: ir.Unit, Inspector: ir.Inspector, Kind: ir.Kind,
		Onsite: ir.Onsite(), FeedbackDate: ir.FeedbackDate,
		Declared:           im.Declared,
		ReportLeadingGroup: ir.LeadingGroup, ReportWork: ir.Work, ReportFollowUp: ir.FollowUp,
		ReportTitle: ir.Title, ReportSignature: ir.Signature, ReportSigned: ir.Signed,
	}
	if r.Kind == "" {
		r.Kind = KindInspection
	}
	return r
}
