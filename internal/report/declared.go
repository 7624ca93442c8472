package report

import (
	"context"

	"zhenggai"
	"zhenggai/internal/store"
)

// DeclaredCheck is a report's declared totals held against the data as of
// the report's own date: progress since then is not a disagreement.
type DeclaredCheck struct {
	AsOf       zhenggai.Date    // the declared totals' date; zero if they have none
	Counted    zhenggai.Summary // the data's figures as of AsOf (or now, without a date)
	Mismatches []string
}

// CheckDeclared compares the round's declared totals with its figures as
// of the date they were declared, rebuilt from the progress entries and
// closings dated by then (see Build); without a date, or for a date not
// yet past, with the ledger's figures of today.
func CheckDeclared(ctx context.Context, st *store.Store, l *zhenggai.Ledger) (*DeclaredCheck, error) {
	d := l.Round.Declared
	c := &DeclaredCheck{AsOf: d.AsOf, Counted: l.Summary, Mismatches: l.Summary.Mismatches}
	if d.IsZero() || d.AsOf.IsZero() || !d.AsOf.Before(l.Today) {
		return c, nil
	}
	rep, err := Build(ctx, st, l.Round.ID, d.AsOf)
	if err != nil {
		return nil, err
	}
	t := rep.Totals
	c.Counted = zhenggai.Summary{Categories: t.Categories, Problems: t.Problems, ProblemCounts: zhenggai.StatusCounts{
		zhenggai.Completed: t.Completed, zhenggai.BasicallyCompleted: t.BasicallyCompleted,
		zhenggai.InProgress: t.InProgress, zhenggai.NotStarted: t.NotStarted},
		// Outcomes have no history: what the measures record now.
		Outcomes: l.Summary.Outcomes, RuleNames: l.Summary.RuleNames}
	c.Mismatches = zhenggai.Mismatches(d, c.Counted)
	return c, nil
}
