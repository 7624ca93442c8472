package report_test

import (
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/publish"
	"zhenggai/internal/report"
	"zhenggai/internal/testkit"
)

// A report may be dated on or after the feedback, never before it; a
// round whose feedback date is not known takes any date.
func TestCheckDate(t *testing.T) {
	fb := zhenggai.NewDate(2020, 7, 27)
	for _, c := range []struct {
		round *zhenggai.Round
		asOf  zhenggai.Date
		msg   string // "" when the date is taken
	}{
		{&zhenggai.Round{FeedbackDate: fb}, zhenggai.NewDate(2020, 7, 26),
			"报告日期2020年7月26日早于巡察反馈日期2020年7月27日：整改进展情况报告写的是反馈以后的整改，请选择2020年7月27日或以后的日期"},
		{&zhenggai.Round{FeedbackDate: fb, Kind: zhenggai.KindTour}, zhenggai.NewDate(2019, 12, 31), "早于巡视反馈日期2020年7月27日"},
		{&zhenggai.Round{FeedbackDate: fb}, fb, ""},
		{&zhenggai.Round{FeedbackDate: fb}, zhenggai.NewDate(2020, 7, 28), ""},
		{&zhenggai.Round{}, zhenggai.NewDate(1999, 1, 1), ""},
	} {
		err := report.CheckDate(c.round, c.asOf)
		switch {
		case c.msg == "" && err != nil:
			t.Errorf("%s, feedback %s: %v", c.asOf, c.round.FeedbackDate, err)
		case c.msg != "" && (zhenggai.ErrorCode(err) != zhenggai.EINVALID || !strings.Contains(zhenggai.ErrorMessage(err), c.msg)):
			t.Errorf("%s, feedback %s: %v, want %q", c.asOf, c.round.FeedbackDate, err, c.msg)
		}
	}
}

// Build refuses such a date for the seed's round, which every format and
// the publication go through.
func TestBuildRefusesADateBeforeTheFeedback(t *testing.T) {
	env := testkit.Open(t)
	r := importedRound(t, env.Store)
	if _, err := report.Build(ctx, env.Store, r.ID, zhenggai.NewDate(2020, 7, 26)); zhenggai.ErrorCode(err) != zhenggai.EINVALID ||
		!strings.Contains(zhenggai.ErrorMessage(err), "早于巡察反馈日期2020年7月27日") {
		t.Errorf("dated before the feedback: %v", err)
	}
	if _, err := publish.Render(ctx, env.Store, r.ID, zhenggai.NewDate(2020, 7, 26)); zhenggai.ErrorCode(err) != zhenggai.EINVALID {
		t.Errorf("published before the feedback: %v", err)
	}
}
