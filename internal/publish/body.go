package publish

import (
	"bytes"
	"context"

	"zhenggai"
	"zhenggai/internal/report"
	"zhenggai/internal/store"
)

// reportBody is the report's HTML fragment as the report package writes
// it, in which every problem is an element with id "problem-{ID}".
// The title is the report's own, which names the signing unit.
func reportBody(ctx context.Context, st *store.Store, l *zhenggai.Ledger, asOf zhenggai.Date) (title, body string, err error) {
	rep, err := report.Build(ctx, st, l.Round.ID, asOf)
	if err != nil {
		return "", "", err
	}
	var b bytes.Buffer
	err = rep.HTMLBody(&b)
	return rep.Title, b.String(), err
}
