package store_test

import (
	"testing"

	"zhenggai"
	"zhenggai/internal/selfcheck"
	"zhenggai/internal/testkit"
)

// TestRectificationMeetings: the meetings on the rectification since the
// feedback, by type in the unit's order, from the register; and the
// party group's figures for the report's sentence.
func TestRectificationMeetings(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, _, _ := seedRound(t, st)
		u := r.UnitID
		raw := env.Raw(t)
		fb, asOf := r.FeedbackDate, zhenggai.NewDate(2020, 10, 28)
		got, err := st.RectificationMeetings(ctx, u, fb, asOf)
		if err != nil || got.Kept || len(got.Counts) != 0 {
			t.Fatalf("no register: %+v %v", got, err)
		}
		item := func(m int64, seq int, title, kind string) int64 {
			return ins(t, raw, "meeting_items", "unit_id, meeting_id, seq, title, kind, amount", u, m, seq, title, kind, 0)
		}
		old := insMeeting(t, raw, u, "党组会议", "党组会议", 1, "2020-03-02", false) // before the feedback
		item(old, 1, "研究整改工作", "ordinary")
		for i, d := range []string{"2020-07-28", "2020-08-20", "2020-09-15"} {
			m := insMeeting(t, raw, u, "党组会议", "党组会议", i+2, d, false)
			item(m, 1, []string{"传达巡察反馈意见", "研究巡察整改方案", "听取整改进展汇报"}[i], "ordinary")
			it := item(m, 2, "研究大额资金使用", "large_fund")
			for j, n := range []string{"乙", "丙", "甲"} { // the chair (甲) last
				ins(t, raw, "meeting_statements", "unit_id, item_id, seq, name, position", u, it, j+1, n, "agree")
			}
		}
		other := insMeeting(t, raw, u, "党组会议", "党组会议", 5, "2020-10-09", false) // not on the rectification
		item(other, 1, "研究年度工作要点", "ordinary")
		chair := insMeeting(t, raw, u, "主席会议", "主席会议", 1, "2020-08-05", false)
		if _, err := raw.Exec(`UPDATE meetings SET note = '巡察整改推进会' WHERE id = ?`, chair); err != nil {
			t.Fatal(err)
		}
		gone := insMeeting(t, raw, u, "主席会议", "主席会议", 2, "2020-09-01", true)
		item(gone, 1, "研究整改工作", "ordinary")
		late := insMeeting(t, raw, u, "党组会议", "党组会议", 6, "2020-11-02", false) // after the report's day
		item(late, 1, "研究整改工作", "ordinary")

		got, err = st.RectificationMeetings(ctx, u, fb, asOf)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Kept || got.Clause() != "党组会议3次、主席会议1次" {
			t.Fatalf("counted %+v", got)
		}
		f, err := st.MeetingFigures(ctx, u, fb, asOf)
		if err != nil {
			t.Fatal(err)
		}
		if f != (selfcheck.MeetingFigures{Meetings: 4, Items: 3}) ||
			f.Sentence() != "整改以来召开党组会议4次，研究“三重一大”事项3项，均按规定末位表态。" {
			t.Fatalf("figures %+v: %s", f, f.Sentence())
		}
	})
}
