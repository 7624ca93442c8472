package report_test

import (
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// TestMeetingsCounted: the typed 先后召开党组会议5次、主席会议3次、全体党员
// 大会1次 stays, marked as typed, while the unit keeps no meetings
// register, and gives way to the register's count once it does.
func TestMeetingsCounted(t *testing.T) {
	env := testkit.Open(t)
	r := importedRound(t, env.Store)
	rep := build(t, env.Store, r.ID, seedDate)
	text := render(t, rep.Text)
	if rep.MeetingsFrom != zhenggai.MeetingsTyped || !strings.Contains(text, "先后召开党组会议5次、主席会议3次、全体党员大会1次,研究部署") {
		t.Fatalf("without a register: %q", rep.MeetingsFrom)
	}
	raw := env.Raw(t)
	for i, m := range []struct{ typ, date, title string }{
		{"党组会议", "2020-07-30", "研究巡察整改工作方案"}, {"党组会议", "2020-09-02", "听取巡察整改进展情况汇报"},
		{"主席会议", "2020-08-12", "研究巡察反馈意见整改任务分工"}, {"主席会议", "2020-08-20", "研究常委会议议程"},
	} {
		var id int64
		if err := raw.QueryRow(`INSERT INTO meetings (unit_id, type, book, number, date, chair_name, created_at)
			VALUES (?, ?, ?, ?, ?, '甲', '2020-01-01T00:00:00Z') RETURNING id`, r.UnitID, m.typ, m.typ, i+1, m.date).Scan(&id); err != nil {
			t.Fatal(err)
		}
		if _, err := raw.Exec(`INSERT INTO meeting_items (unit_id, meeting_id, seq, title, kind) VALUES (?, ?, 1, ?, 'ordinary')`, r.UnitID, id, m.title); err != nil {
			t.Fatal(err)
		}
	}
	rep = build(t, env.Store, r.ID, seedDate)
	text = render(t, rep.Text)
	if rep.MeetingsFrom != zhenggai.MeetingsRegister || !strings.Contains(text, "先后召开党组会议2次、主席会议1次,研究部署") {
		t.Errorf("from the register (%q):\n%s", rep.MeetingsFrom, text[:min(len(text), 1200)])
	}
}
