package store

import (
	"context"
	"slices"

	"zhenggai"
	"zhenggai/internal/selfcheck"
)

// A mechanism measure is proven by its register (zhenggai proof.go): its
// proof rules run over the unit's registers from the round's feedback to
// today, loading only what those rules need. Nothing of it is stored: the
// hold lifts as soon as the records are put right.

// Proof is what a measure's proof rules find.
type Proof struct {
	Period  zhenggai.Period
	Rules   []ProofRule
	Unknown []string // rule IDs no rule has any more
}

// ProofRule is one proof rule with its findings (none: it is kept), and
// the settings the unit changed from the rule's defaults, which the
// findings depend on.
type ProofRule struct {
	Rule     selfcheck.Rule
	Findings []selfcheck.Finding
	Changed  []selfcheck.SettingValue
}

// Holds are the rules that find something, with their counts.
func (p *Proof) Holds() []zhenggai.ProofHold {
	if p == nil {
		return nil
	}
	var out []zhenggai.ProofHold
	for _, r := range p.Rules {
		if len(r.Findings) == 0 {
			continue
		}
		h := zhenggai.ProofHold{Rule: r.Rule.ID, Title: r.Rule.Title, Findings: len(r.Findings)}
		for _, f := range r.Findings {
			h.Records += len(f.Records)
		}
		out = append(out, h)
	}
	return out
}

// checkProofRules refuses a rule ID no rule has.
func checkProofRules(m *zhenggai.Measure) error {
	_, unknown := selfcheck.RulesOf(m.ProofRules)
	if len(unknown) == 0 {
		return nil
	}
	v := &zhenggai.ValidationError{}
	for _, id := range unknown {
		v.Add("proof_rules", "验证规则“"+zhenggai.Clip(id, 20)+"”不存在")
	}
	return v
}

// Proofs runs the proof rules of measures of one unit (those that name
// any) over the period from feedback to today: the registers are loaded
// once, for the needs of all their rules together, and each rule runs
// once. By measure ID; a measure without proof rules has none.
func (s *Store) Proofs(ctx context.Context, unitID int64, feedback zhenggai.Date, ms []*zhenggai.Measure, today zhenggai.Date) (map[int64]*Proof, error) {
	out := map[int64]*Proof{}
	var ids []string
	for _, m := range ms {
		for _, id := range m.ProofRules {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	if len(ids) == 0 {
		return out, nil
	}
	rules, _ := selfcheck.RulesOf(ids)
	p := zhenggai.ProofPeriod(feedback, today)
	found := map[string][]selfcheck.Finding{}
	var settings map[string]string
	if len(rules) > 0 {
		regs, err := s.RegistersFor(ctx, unitID, p, selfcheck.NeedsOf(rules))
		if err != nil {
			return nil, err
		}
		if settings, err = s.NamedSettings(ctx, unitID, "selfcheck."); err != nil {
			return nil, s.wrapErr(err)
		}
		fs, err := selfcheck.RunRules(ctx, rules, regs, p, settings, nil)
		if err != nil {
			return nil, err
		}
		for _, f := range fs {
			f.UnitID, f.Unit = unitID, regs.Unit.Name
			found[f.Rule] = append(found[f.Rule], f)
		}
	}
	for _, m := range ms {
		if len(m.ProofRules) == 0 {
			continue
		}
		rs, unknown := selfcheck.RulesOf(m.ProofRules)
		pr := &Proof{Period: p, Unknown: unknown}
		for _, r := range rs {
			pr.Rules = append(pr.Rules, ProofRule{Rule: r, Findings: found[r.ID], Changed: r.Changed(settings)})
		}
		out[m.ID] = pr
	}
	return out, nil
}

// ProblemProofs are the proofs of a problem's live measures as of today.
func (s *Store) ProblemProofs(ctx context.Context, problemID int64, today zhenggai.Date) (map[int64]*Proof, error) {
	var unit int64
	var feedback string
	err := s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT p.unit_id, r.feedback_date FROM problems p
		JOIN rounds r ON r.id = p.round_id WHERE p.id = ?`), problemID).Scan(&unit, &feedback)
	if err != nil {
		return nil, notFound(err, "具体问题")
	}
	ms, err := s.ProblemMeasures(ctx, problemID)
	if err != nil {
		return nil, s.wrapErr(err)
	}
	return s.Proofs(ctx, unit, parseDate(feedback), ms, today)
}

// MeasureHolds are what holds one measure as of today (none: free).
func (s *Store) MeasureHolds(ctx context.Context, measureID int64, today zhenggai.Date) ([]zhenggai.ProofHold, error) {
	m, err := s.Measure(ctx, measureID)
	if err != nil {
		return nil, err
	}
	if len(m.ProofRules) == 0 {
		return nil, nil
	}
	var feedback string
	err = s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT r.feedback_date FROM measures m JOIN rounds r ON r.id = m.round_id WHERE m.id = ?`), measureID).Scan(&feedback)
	if err != nil {
		return nil, notFound(err, "整改措施")
	}
	ps, err := s.Proofs(ctx, m.UnitID, parseDate(feedback), []*zhenggai.Measure{m}, today)
	if err != nil {
		return nil, err
	}
	return ps[m.ID].Holds(), nil
}

// problemHolds are what holds any live measure of a problem as of today.
func (s *Store) problemHolds(ctx context.Context, problemID int64, today zhenggai.Date) ([]zhenggai.ProofHold, error) {
	ps, err := s.ProblemProofs(ctx, problemID, today)
	if err != nil {
		return nil, err
	}
	var out []zhenggai.ProofHold
	seen := map[string]bool{}
	for _, p := range ps {
		for _, h := range p.Holds() {
			if !seen[h.Rule] {
				seen[h.Rule] = true
				out = append(out, h)
			}
		}
	}
	slices.SortFunc(out, func(a, b zhenggai.ProofHold) int { return ruleIndex(a.Rule) - ruleIndex(b.Rule) })
	return out, nil
}

func ruleIndex(id string) int {
	return slices.IndexFunc(selfcheck.Rules, func(r selfcheck.Rule) bool { return r.ID == id })
}

// checkMeasureHold refuses to approve the closing of a measure asked to
// close while its proof rules find something (as of the store's today). It runs
// before the step's transaction, not in it: the rules read registers
// that may be large, and the writer must not wait on them. A measure not
// asked to close is left to the step's own refusal.
func (s *Store) checkMeasureHold(ctx context.Context, id int64) error {
	m, err := s.Measure(ctx, id)
	if zhenggai.ErrorCode(err) == zhenggai.ENOTFOUND {
		return nil // the transaction reads the row again and says so
	}
	if err != nil {
		return err
	}
	if m.CloseState != zhenggai.CloseRequested || len(m.ProofRules) == 0 {
		return nil // left to the step's own refusal
	}
	holds, err := s.MeasureHolds(ctx, id, zhenggai.DateOf(s.now()))
	if err != nil {
		return err
	}
	return zhenggai.ErrHeld(holds, zhenggai.CloseApprove)
}

// checkProblemHold refuses the office's acceptance of a problem one of
// whose measures its proof rules hold: records put wrong after the
// leader's approval hold the problem too. (原台账记载 acceptances are of
// history before the program, and are not held.)
func (s *Store) checkProblemHold(ctx context.Context, id int64) error {
	holds, err := s.problemHolds(ctx, id, zhenggai.DateOf(s.now()))
	if err != nil {
		return err
	}
	return zhenggai.ErrHeld(holds, zhenggai.CloseAccept)
}

// ledgerHolds are the holds of a round's measures as of today, for its
// ledger's colours: nothing is read unless a measure names proof rules.
// The ledger's cache stays right: a register's change is an audited
// write, which starts a new generation.
// RoundHolds are the holds of measures of one round as of today, the
// unit's registers read once for them all (the daily warnings ask for
// every kept-up measure's).
func (s *Store) RoundHolds(ctx context.Context, roundID int64, ms []*zhenggai.Measure, today zhenggai.Date) (map[int64][]zhenggai.ProofHold, error) {
	r, err := s.Round(ctx, roundID)
	if err != nil {
		return nil, err
	}
	return s.ledgerHolds(ctx, r, ms, today)
}

func (s *Store) ledgerHolds(ctx context.Context, r *zhenggai.Round, ms []*zhenggai.Measure, today zhenggai.Date) (map[int64][]zhenggai.ProofHold, error) {
	if !slices.ContainsFunc(ms, func(m *zhenggai.Measure) bool { return len(m.ProofRules) > 0 }) {
		return nil, nil
	}
	ps, err := s.Proofs(ctx, r.UnitID, r.FeedbackDate, ms, today)
	if err != nil {
		return nil, err
	}
	out := map[int64][]zhenggai.ProofHold{}
	for id, p := range ps {
		if h := p.Holds(); len(h) > 0 {
			out[id] = h
		}
	}
	return out, nil
}
