// Package publish makes the public snapshot of a round's progress report
// (DESIGN.md §3.7): the report's HTML fragment as of a date and the facts
// the public site needs beside it (title, totals, problems), stored by
// store.DraftPublication so that later edits of the ledger do not change
// what the public read once a second person approves it.
package publish

import (
	"context"
	"fmt"
	"strings"

	"zhenggai"
	"zhenggai/internal/store"
)

// Render builds, without storing it, the publication of a round as of a
// date: what the preview shows and what Draft stores.
func Render(ctx context.Context, st *store.Store, roundID int64, asOf zhenggai.Date) (*zhenggai.Publication, error) {
	if asOf.IsZero() || !asOf.Valid() {
		v := &zhenggai.ValidationError{}
		v.Add("as_of", "请填写有效的截至日期")
		return nil, v
	}
	// One read for the figures stored beside the report and the report
	// itself, so that they tell of the same state of the ledger.
	rec, err := st.RoundRecords(ctx, roundID, asOf)
	if err != nil {
		return nil, err
	}
	title, body, err := reportBody(rec, asOf)
	if err != nil {
		return nil, err
	}
	l := rec.Ledger
	r := l.Round
	p := &zhenggai.Publication{
		UnitID: r.UnitID, RoundID: r.ID, Unit: r.Unit, AsOf: asOf,
		Title:   title,
		Summary: Summary(l, asOf),
		Body:    body,
		Figures: zhenggai.FiguresOf(l.Summary),
	}
	for _, c := range l.Categories {
		for _, pn := range c.Problems {
			if pn.Problem.Withheld {
				// Not published: neither its title nor an opinion on it.
				continue
			}
			p.Problems = append(p.Problems, zhenggai.PublishedProblem{
				ID: pn.Problem.ID, Seq: pn.Problem.Seq, Category: c.Category.Title, Title: pn.Problem.Title})
		}
	}
	return p, nil
}

// Draft renders the round's report as of asOf and stores it as a draft
// for review, drafted by u (nil: the actor in ctx).
func Draft(ctx context.Context, st *store.Store, roundID int64, asOf zhenggai.Date, u *zhenggai.User) (*zhenggai.Publication, error) {
	p, err := Render(ctx, st, roundID, asOf)
	if err != nil {
		return nil, err
	}
	drafter(p, u)
	if err := st.DraftPublication(ctx, p); err != nil {
		return nil, err
	}
	return p, nil
}

func drafter(p *zhenggai.Publication, u *zhenggai.User) {
	if u != nil {
		p.DrafterID, p.DraftedBy, p.PublishedBy = u.ID, u.DisplayName, u.DisplayName
	}
}

// Warnings are what the preview of p warns of (zhenggai.PublicationWarnings),
// against the round's public publications and declared totals.
func Warnings(ctx context.Context, st *store.Store, p *zhenggai.Publication) ([]string, error) {
	r, err := st.Round(ctx, p.RoundID)
	if err != nil {
		return nil, err
	}
	live, err := st.LivePublications(ctx, p.RoundID)
	if err != nil {
		return nil, err
	}
	return zhenggai.PublicationWarnings(p, live, r.Declared, r.FeedbackDate), nil
}

// Republish drafts the round's report again as of the same date as the
// live publication id, to replace it: when approved, id is withdrawn and
// the new one goes public in one step. This is how a report published
// before a problem was withheld stops showing it. The withdrawal's reason
// names the problems the new one leaves out; u drafts it.
func Republish(ctx context.Context, st *store.Store, id int64, u *zhenggai.User) (*zhenggai.Publication, error) {
	old, err := st.Publication(ctx, id)
	if err != nil {
		return nil, err
	}
	if !old.Public() {
		return nil, zhenggai.Errorf(zhenggai.ECONFLICT, "该报告未在公开中，无需撤回；如需公布，请重新公布")
	}
	p, err := Render(ctx, st, old.RoundID, old.AsOf)
	if err != nil {
		return nil, err
	}
	drafter(p, u)
	var gone []string
	for _, pp := range old.Problems {
		if _, ok := p.Problem(pp.ID); !ok {
			gone = append(gone, fmt.Sprintf("具体问题%d", pp.Seq))
		}
	}
	p.Replaces, p.ReplaceReason = id, "更正后重新公布"
	if len(gone) > 0 {
		p.ReplaceReason = "重新公布：" + strings.Join(gone, "、") + "已不予公开"
	}
	if err := st.DraftPublication(ctx, p); err != nil {
		return nil, err
	}
	return p, nil
}

// Summary is the totals sentence, as the seed writes it: "截至2020年10月28日，
// 巡察反馈的14个问题38个具体问题，已完成整改35个，基本完成整改3个".
func Summary(l *zhenggai.Ledger, asOf zhenggai.Date) string {
	s := l.Summary
	c := s.ProblemCounts
	parts := []string{fmt.Sprintf("截至%s，巡察反馈的%d个问题%d个具体问题", asOf.Chinese(), s.Categories, s.Problems)}
	for _, x := range []struct {
		st    zhenggai.Status
		label string
	}{
		{zhenggai.Completed, "已完成整改"}, {zhenggai.Ongoing, "长期坚持"}, {zhenggai.BasicallyCompleted, "基本完成整改"},
		{zhenggai.InProgress, "正在整改"}, {zhenggai.NotStarted, "尚未启动"},
	} {
		if n := c[x.st]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s%d个", x.label, n))
		}
	}
	return strings.Join(parts, "，") + "。"
}
