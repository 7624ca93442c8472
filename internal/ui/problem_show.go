package ui

import (
	"fmt"
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/selfcheck"
	"zhenggai/internal/store"
)

type problemView struct {
	Problem  *zhenggai.ProblemNode
	Category *zhenggai.Category
	Progress []*zhenggai.Progress
	Seq      map[int64]int // measure ID → its number, for the timeline
	Steps    []*zhenggai.CloseStep
	Locked   bool
	// StillPublished are the live publications that show the problem,
	// withheld since: withholding does not take them back by itself.
	StillPublished []*zhenggai.Publication
	// Records are the registers' records a self-inspection finding named
	// (佐证), with their links.
	Records []recordLink
	// Proofs are, by measure ID, what the rules proving a mechanism
	// measure find since the feedback (长效机制的验证).
	Proofs map[int64]*proofView
	// Suggest are, for a mechanism measure naming no proof rule, the
	// titles of the rules its mechanism's name suggests.
	Suggest map[int64][]string
}

// proofView is what a measure's proof rules find, rule by rule.
type proofView struct {
	Period  string
	Rules   []proofRuleView
	Hold    string // the reason it is held, "" when free
	Unknown []string
}

type proofRuleView struct {
	ID, Title string
	Findings  []proofFinding
	Settings  string // the unit's own settings of the rule: 本单位设置……（默认……）
}

type proofFinding struct {
	Text    string
	Records []recordLink
}

// newProofView is a proof as the page shows it, the records of unit (the
// problem's) linked for a viewer whose own unit is own.
func newProofView(p *store.Proof, unit, own int64) *proofView {
	v := &proofView{Period: p.Period.Start.Chinese() + "至" + p.Period.End.Chinese(), Unknown: p.Unknown}
	if holds := p.Holds(); len(holds) > 0 {
		v.Hold = zhenggai.HoldText(holds)
	}
	for _, r := range p.Rules {
		rv := proofRuleView{ID: r.Rule.ID, Title: r.Rule.Title}
		for i, c := range r.Changed {
			if i > 0 {
				rv.Settings += "；"
			}
			rv.Settings += fmt.Sprintf("%s%s（默认%s）", c.Label, c.Value, c.Default)
		}
		for _, f := range r.Findings {
			pf := proofFinding{Text: f.Text}
			for _, rec := range f.Records {
				pf.Records = append(pf.Records, recordLink{rec.Label, RecordHref(rec, unit, own)})
			}
			rv.Findings = append(rv.Findings, pf)
		}
		v.Rules = append(v.Rules, rv)
	}
	return v
}

// ShowProblem shows a problem, its measures with their warnings and quick
// status changes, and the dated timeline of progress with evidence.
func (h *Handler) ShowProblem(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	p, err := h.Store.Problem(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	l, err := h.Store.Ledger(ctx, p.RoundID, h.today())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	node := l.Problem(id)
	if node == nil {
		h.fail(w, r, zhenggai.Errorf(zhenggai.ENOTFOUND, "具体问题不存在"))
		return
	}
	entries, err := h.Store.Progress(ctx, 0, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	steps, err := h.Store.CloseSteps(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	still, err := h.Store.PublishedWhileWithheld(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	recs, err := h.Store.ProblemRecords(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	proofs, err := h.Store.ProblemProofs(ctx, id, h.today())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := &problemView{Problem: node, Category: node.Category, Progress: entries, Seq: map[int64]int{},
		Steps: steps, Locked: node.CloseState.Locked(), StillPublished: still, Proofs: map[int64]*proofView{}}
	// (The ledger's colours already count the holds: zhenggai.HeldColour.)
	for id, p := range proofs {
		v.Proofs[id] = newProofView(p, l.Round.UnitID, auth.UserFrom(ctx).UnitID)
	}
	v.Suggest = map[int64][]string{}
	for _, m := range node.Measures {
		if m.Kind != zhenggai.MeasureMechanism || len(m.ProofRules) > 0 {
			continue
		}
		for _, id := range selfcheck.Suggest(m.Mechanism, ruleLines(m.RuleNames)) {
			if r, ok := selfcheck.ByID(id); ok {
				v.Suggest[m.ID] = append(v.Suggest[m.ID], r.Title)
			}
		}
	}
	for _, m := range node.Measures {
		v.Seq[m.ID] = m.Seq
	}
	for _, rec := range recs {
		// A 自查 round's records are its unit's.
		v.Records = append(v.Records, recordLink{rec.Label, RecordHref(rec, l.Round.UnitID, auth.UserFrom(ctx).UnitID)})
	}
	h.render(w, r, http.StatusOK, "problem_show", &page{Title: node.Title, Nav: "tree", Round: l.Round, Data: v})
}
