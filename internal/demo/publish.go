package demo

import (
	"context"
	"time"

	"zhenggai"
	"zhenggai/internal/publish"
	"zhenggai/internal/store"
)

// Publish puts the seed round's progress report on the public site as of
// the seed's own date (2020年10月28日), as the unit's office drafts it and
// its principal leader approves it, on that day: the demo's history ends
// with the report it publishes.
func Publish(ctx context.Context, st *store.Store, r *zhenggai.Round) (*zhenggai.Publication, error) {
	day := ReportDate(r)
	var p *zhenggai.Publication
	err := onDay(st, atNine(day).Add(time.Hour), func() (err error) {
		if p, err = publish.Draft(ctx, st, r.ID, day, &zhenggai.User{DisplayName: "办公室（示例）"}); err != nil {
			return err
		}
		if err := st.SubmitPublication(ctx, p.ID); err != nil {
			return err
		}
		return st.ApprovePublication(ctx, p.ID, &zhenggai.User{DisplayName: leaders[0]})
	})
	if err != nil {
		return nil, err
	}
	return st.Publication(ctx, p.ID)
}

// ReportDate is the date the seed report bears (its signature's, else the
// date its totals are stated as of): the day the demo's history leads to.
func ReportDate(r *zhenggai.Round) zhenggai.Date {
	if !r.ReportSigned.IsZero() {
		return r.ReportSigned
	}
	if !r.Declared.AsOf.IsZero() {
		return r.Declared.AsOf
	}
	return zhenggai.NewDate(2020, 10, 28)
}
