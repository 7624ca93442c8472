package publish

import (
	"bytes"

	"zhenggai"
	"zhenggai/internal/report"
	"zhenggai/internal/store"
)

// reportBody is the report's HTML fragment as the report package writes
// it, in which every problem is an element with id "problem-{ID}".
// The title is the report's own, which names the signing unit.
func reportBody(rec *store.RoundRecords, asOf zhenggai.Date) (title, body string, err error) {
	rep, err := report.FromRecords(rec, asOf)
	if err != nil {
		return "", "", err
	}
	var b bytes.Buffer
	err = rep.HTMLBody(&b)
	return rep.Title, b.String(), err
}
