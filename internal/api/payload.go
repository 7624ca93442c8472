package api

import (
	"context"
	"time"

	"zhenggai"
	"zhenggai/internal/report"
)

// This file holds the shapes of the answers. They are built from the
// domain and the derived figures; the domain structs are not sent as they
// are, so that the JSON stays one contract whatever the domain adds.

// roundJSON is a round with the figures derived from its ledger.
type roundJSON struct {
	ID                  int64                   `json:"id"`
	UnitID              int64                   `json:"unit_id"`
	Unit                string                  `json:"unit"`
	Inspector           string                  `json:"inspector"`
	Kind                zhenggai.Kind           `json:"kind"`
	OnsiteStart         zhenggai.Date           `json:"onsite_start"`
	OnsiteEnd           zhenggai.Date           `json:"onsite_end"`
	FeedbackDate        zhenggai.Date           `json:"feedback_date"`
	Note                string                  `json:"note"`
	ReportLeadingGroup  string                  `json:"report_leading_group"`
	ReportWork          string                  `json:"report_work"`
	ReportFollowUp      string                  `json:"report_follow_up"`
	ReportTitle         string                  `json:"report_title"`
	ReportSignature     string                  `json:"report_signature"`
	ReportSigned        zhenggai.Date           `json:"report_signed,omitzero"`
	Version             int64                   `json:"version"`
	CreatedAt           time.Time               `json:"created_at"`
	UpdatedAt           time.Time               `json:"updated_at"`
	Declared            zhenggai.Declared       `json:"declared"`
	Categories          int                     `json:"categories"`
	Problems            int                     `json:"problems"`
	Measures            int                     `json:"measures"`
	StatusCounts        zhenggai.StatusCounts   `json:"status_counts"`
	MeasureStatusCounts zhenggai.StatusCounts   `json:"measure_status_counts"`
	ColourCounts        map[zhenggai.Colour]int `json:"colour_counts"`
	CompletionRate      int                     `json:"completion_rate"`
	Mismatches          []string                `json:"mismatches"`
	// What the measures produced, summed (declared.outcomes is what a
	// report stated), and the distinct rules they name.
	Outcomes  zhenggai.Outcomes `json:"outcomes"`
	RuleNames []string          `json:"rule_names"`
}

func newRoundJSON(l *zhenggai.Ledger) *roundJSON {
	r, s := l.Round, l.Summary
	out := &roundJSON{
		ID: r.ID, UnitID: r.UnitID, Unit: r.Unit, Inspector: r.Inspector, Kind: r.Kind,
		OnsiteStart: r.Onsite.Start, OnsiteEnd: r.Onsite.End, FeedbackDate: r.FeedbackDate,
		Note: r.Note, Version: r.Version, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
		ReportLeadingGroup: r.ReportLeadingGroup, ReportWork: r.ReportWork, ReportFollowUp: r.ReportFollowUp,
		ReportTitle: r.ReportTitle, ReportSignature: r.ReportSignature, ReportSigned: r.ReportSigned,
		Declared:   r.Declared,
		Categories: s.Categories, Problems: s.Problems, Measures: s.Measures,
		StatusCounts:        allStatuses(s.ProblemCounts),
		MeasureStatusCounts: allStatuses(s.MeasureCounts),
		ColourCounts:        map[zhenggai.Colour]int{},
		CompletionRate:      s.CompletionRate,
		Mismatches:          s.Mismatches,
		Outcomes:            s.Outcomes,
		RuleNames:           s.RuleNames,
	}
	if out.RuleNames == nil {
		out.RuleNames = []string{}
	}
	for _, c := range zhenggai.Colours {
		out.ColourCounts[c] = s.ColourCounts[c]
	}
	if out.Mismatches == nil {
		out.Mismatches = []string{}
	}
	return out
}

// allStatuses makes sure every status is a key, whatever the counts hold.
func allStatuses(c zhenggai.StatusCounts) zhenggai.StatusCounts {
	out := zhenggai.NewStatusCounts()
	for k, v := range c {
		out[k] = v
	}
	return out
}

// roundObject loads a round and its figures as of today.
func (h *Handler) roundObject(ctx context.Context, id int64) (*roundJSON, error) {
	l, err := h.Store.Ledger(ctx, id, h.today())
	if err != nil {
		return nil, err
	}
	out := newRoundJSON(l)
	return out, h.checkDeclared(ctx, l, out)
}

// checkDeclared puts in the disagreements between the round's declared
// totals and its figures as of the date they were declared.
func (h *Handler) checkDeclared(ctx context.Context, l *zhenggai.Ledger, out *roundJSON) error {
	c, err := report.CheckDeclared(ctx, h.Store, l)
	if err != nil {
		return err
	}
	out.Mismatches = c.Mismatches
	if out.Mismatches == nil {
		out.Mismatches = []string{}
	}
	return nil
}

// ledgerJSON is a round with its whole tree.
type ledgerJSON struct {
	*roundJSON
	CategoriesTree []categoryNodeJSON `json:"categories_tree"`
}

type categoryNodeJSON struct {
	ID           int64                 `json:"id"`
	Seq          int                   `json:"seq"`
	Title        string                `json:"title"`
	Version      int64                 `json:"version"`
	StatusCounts zhenggai.StatusCounts `json:"status_counts"`
	Problems     []problemTreeJSON     `json:"problems"`
}

type problemTreeJSON struct {
	*problemJSON
	Measures []*measureJSON `json:"measures"`
}

func newLedgerJSON(l *zhenggai.Ledger) *ledgerJSON {
	out := &ledgerJSON{roundJSON: newRoundJSON(l), CategoriesTree: []categoryNodeJSON{}}
	for _, c := range l.Categories {
		cn := categoryNodeJSON{ID: c.ID, Seq: c.Seq, Title: c.Title, Version: c.Version,
			StatusCounts: allStatuses(c.Counts), Problems: []problemTreeJSON{}}
		for _, p := range c.Problems {
			cn.Problems = append(cn.Problems, problemTreeJSON{
				problemJSON: newProblemJSON(p.Problem, p.Status, p.Colour),
				Measures:    measureNodes(p.Measures),
			})
		}
		out.CategoriesTree = append(out.CategoriesTree, cn)
	}
	return out
}

// categoryJSON is a category as stored.
type categoryJSON struct {
	ID      int64  `json:"id"`
	RoundID int64  `json:"round_id"`
	Seq     int    `json:"seq"`
	Title   string `json:"title"`
	Version int64  `json:"version"`
}

func newCategoryJSON(c *zhenggai.Category) *categoryJSON {
	return &categoryJSON{ID: c.ID, RoundID: c.RoundID, Seq: c.Seq, Title: c.Title, Version: c.Version}
}

// problemJSON is a problem with its derived status and warning colour.
type problemJSON struct {
	ID             int64           `json:"id"`
	RoundID        int64           `json:"round_id"`
	CategoryID     int64           `json:"category_id"`
	Seq            int             `json:"seq"`
	Title          string          `json:"title"`
	Rectification  string          `json:"rectification"`
	Withheld       bool            `json:"withheld"`
	WithheldReason string          `json:"withheld_reason"`
	Version        int64           `json:"version"`
	Status         zhenggai.Status `json:"status"`
	Colour         zhenggai.Colour `json:"colour"`
	// CloseState is the problem's closing (销号); accepted means locked.
	CloseState zhenggai.CloseState `json:"close_state"`
	// The status an imported ledger recorded (原台账记载) and its source:
	// history, never a closing.
	RecordedStatus zhenggai.Status `json:"recorded_status,omitempty"`
	RecordedSource string          `json:"recorded_source,omitempty"`
}

func newProblemJSON(p *zhenggai.Problem, st zhenggai.Status, c zhenggai.Colour) *problemJSON {
	return &problemJSON{ID: p.ID, RoundID: p.RoundID, CategoryID: p.CategoryID, Seq: p.Seq, Title: p.Title,
		Rectification: p.Rectification, Withheld: p.Withheld, WithheldReason: p.WithheldReason,
		Version: p.Version, Status: st, Colour: c, CloseState: p.CloseState,
		RecordedStatus: p.RecordedStatus, RecordedSource: p.RecordedSource}
}

// problemDetailJSON is a problem with its measures and progress.
type problemDetailJSON struct {
	*problemJSON
	Measures []*measureJSON  `json:"measures"`
	Progress []*progressJSON `json:"progress"`
	// StillPublished are the live publications that show the problem
	// though it is withheld now: withholding does not take them back;
	// POST /api/v1/publications/{id}/republish does.
	StillPublished []*publicationJSON `json:"still_published"`
}

// problemObject loads a problem with its measures (coloured as of today)
// and its progress entries, newest first.
func (h *Handler) problemObject(ctx context.Context, id int64) (*problemDetailJSON, error) {
	p, err := h.Store.Problem(ctx, id)
	if err != nil {
		return nil, err
	}
	ms, err := h.Store.ProblemMeasures(ctx, id)
	if err != nil {
		return nil, err
	}
	set, err := h.Store.Settings(ctx, p.UnitID)
	if err != nil {
		return nil, err
	}
	prog, err := h.Store.Progress(ctx, 0, id)
	if err != nil {
		return nil, err
	}
	still, err := h.Store.PublishedWhileWithheld(ctx, id)
	if err != nil {
		return nil, err
	}
	today := h.today()
	out := &problemDetailJSON{Measures: []*measureJSON{}, Progress: progressList(prog), StillPublished: []*publicationJSON{}}
	for _, pub := range still {
		out.StillPublished = append(out.StillPublished, newPublicationJSON(pub, nil))
	}
	proofs, err := h.Store.ProblemProofs(ctx, id, today)
	if err != nil {
		return nil, err
	}
	sts := make([]zhenggai.Status, len(ms))
	colour := zhenggai.NoColour
	for i, m := range ms {
		mj := heldMeasureJSON(newMeasureJSON(m, set, today), m, proofs[m.ID].Holds())
		out.Measures = append(out.Measures, mj)
		sts[i] = m.Status
		colour = zhenggai.Worse(colour, mj.Colour)
	}
	out.problemJSON = newProblemJSON(p, zhenggai.ProblemStatus(sts), colour)
	return out, nil
}

// measureJSON is a measure with its deadline warning. days_left is null
// when the measure has no deadline.
type measureJSON struct {
	ID        int64                `json:"id"`
	ProblemID int64                `json:"problem_id"`
	Seq       int                  `json:"seq"`
	Content   string               `json:"content"`
	Leader    string               `json:"leader"`
	Office    string               `json:"office"`
	Owner     string               `json:"owner"`
	Deadline  zhenggai.Date        `json:"deadline"`
	Kind      zhenggai.MeasureKind `json:"kind"`
	Status    zhenggai.Status      `json:"status"`
	Version   int64                `json:"version"`
	Colour    zhenggai.Colour      `json:"colour"`
	DaysLeft  *int                 `json:"days_left"`
	// 长期坚持 and closing (销号).
	Mechanism   string              `json:"mechanism"`
	ReportEvery int                 `json:"report_every"`
	LastReport  zhenggai.Date       `json:"last_report"`
	CloseState  zhenggai.CloseState `json:"close_state"`
	// What it produced: rules by name (without 《》), money in fen,
	// persons dealt with.
	RuleNames  []string `json:"rule_names"`
	ProofRules []string `json:"proof_rules"` // self-inspection rules proving a mechanism (长效机制的验证)
	// ProofHolds are the proof rules that still find something since the
	// feedback: closing is refused while any does, and a 长期坚持 measure
	// is at least yellow.
	ProofHolds     []zhenggai.ProofHold `json:"proof_holds,omitempty"`
	RefundedFen    zhenggai.Fen         `json:"refunded_fen"`
	RecoveredFen   zhenggai.Fen         `json:"recovered_fen"`
	SavedFen       zhenggai.Fen         `json:"saved_fen"`
	Talks          int                  `json:"talks"`
	Organisational int                  `json:"organisational"`
	Disciplinary   int                  `json:"disciplinary"`
	// The persons of the unit's roster the names resolve to; absent when
	// none does.
	LeaderID int64 `json:"leader_id,omitempty"`
	OwnerID  int64 `json:"owner_id,omitempty"`
}

func measureFields(m *zhenggai.Measure, c zhenggai.Colour) *measureJSON {
	out := &measureJSON{ID: m.ID, ProblemID: m.ProblemID, Seq: m.Seq, Content: m.Content, Leader: m.Leader,
		Office: m.Office, Owner: m.Owner, Deadline: m.Deadline, Kind: m.Kind, Status: m.Status,
		Version: m.Version, Colour: c, Mechanism: m.Mechanism, ReportEvery: m.ReportEvery, LastReport: m.LastReport,
		CloseState: m.CloseState, RuleNames: m.RuleNames, RefundedFen: m.RefundedFen, RecoveredFen: m.RecoveredFen,
		SavedFen: m.SavedFen, Talks: m.Talks, Organisational: m.Organisational, Disciplinary: m.Disciplinary,
		LeaderID: m.LeaderID, OwnerID: m.OwnerID}
	if out.RuleNames == nil {
		out.RuleNames = []string{}
	}
	out.ProofRules = m.ProofRules
	if out.ProofRules == nil {
		out.ProofRules = []string{}
	}
	return out
}

func newMeasureJSON(m *zhenggai.Measure, set zhenggai.Settings, today zhenggai.Date) *measureJSON {
	out := measureFields(m, zhenggai.MeasureColour(set, m, today))
	if !m.Deadline.IsZero() {
		d := today.DaysUntil(m.Deadline)
		out.DaysLeft = &d
	}
	return out
}

func measureNodes(ns []*zhenggai.MeasureNode) []*measureJSON {
	out := []*measureJSON{}
	for _, n := range ns {
		mj := measureFields(n.Measure, n.Colour)
		if !n.Deadline.IsZero() {
			d := n.DaysLeft
			mj.DaysLeft = &d
		}
		out = append(out, mj)
	}
	return out
}

// measureObject loads a measure and colours it as of today.
func (h *Handler) measureObject(ctx context.Context, id int64) (*measureJSON, error) {
	m, err := h.Store.Measure(ctx, id)
	if err != nil {
		return nil, err
	}
	set, err := h.Store.Settings(ctx, m.UnitID)
	if err != nil {
		return nil, err
	}
	today := h.today()
	holds, err := h.Store.MeasureHolds(ctx, id, today)
	if err != nil {
		return nil, err
	}
	return heldMeasureJSON(newMeasureJSON(m, set, today), m, holds), nil
}

// heldMeasureJSON adds to mj what holds its measure (zhenggai.HeldColour).
func heldMeasureJSON(mj *measureJSON, m *zhenggai.Measure, holds []zhenggai.ProofHold) *measureJSON {
	mj.ProofHolds = holds
	mj.Colour = zhenggai.HeldColour(mj.Colour, m, holds)
	return mj
}

// progressJSON is a progress entry with its evidence files. status is ""
// when the entry did not change the measure's status.
type progressJSON struct {
	ID        int64                 `json:"id"`
	MeasureID int64                 `json:"measure_id"`
	Date      zhenggai.Date         `json:"date"`
	Content   string                `json:"content"`
	Author    string                `json:"author"`
	Status    zhenggai.Status       `json:"status"`
	Files     []zhenggai.Attachment `json:"files"`
	CreatedAt time.Time             `json:"created_at"`
}

func newProgressJSON(p *zhenggai.Progress) *progressJSON {
	files := p.Files
	if files == nil {
		files = []zhenggai.Attachment{}
	}
	return &progressJSON{ID: p.ID, MeasureID: p.MeasureID, Date: p.Date, Content: p.Content, Author: p.Author,
		Status: p.Status, Files: files, CreatedAt: p.CreatedAt}
}

func progressList(ps []*zhenggai.Progress) []*progressJSON {
	out := []*progressJSON{}
	for _, p := range ps {
		out = append(out, newProgressJSON(p))
	}
	return out
}

// The lists' envelopes.
type (
	roundListJSON struct {
		Rounds  []*roundJSON `json:"rounds"`
		Total   int          `json:"total"` // rounds the caller may see, on every page
		Page    int          `json:"page"`
		PerPage int          `json:"per_page"`
	}
	categoryListJSON struct {
		Categories []*categoryJSON `json:"categories"`
	}
	problemListJSON struct {
		Problems []*problemJSON `json:"problems"`
	}
	measureListJSON struct {
		Measures []*measureJSON `json:"measures"`
	}
	progressListJSON struct {
		Progress []*progressJSON `json:"progress"`
	}
	closingJSON struct {
		CloseState zhenggai.CloseState   `json:"close_state"`
		Steps      []*zhenggai.CloseStep `json:"steps"`
	}
	inboxJSON struct {
		Unread   int            `json:"unread"`
		Messages []*messageJSON `json:"messages"`
	}
	// messageJSON is a message with the API address of its record.
	messageJSON struct {
		*zhenggai.Notification
		Link string `json:"link,omitempty"`
	}
)
