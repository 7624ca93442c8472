package store_test

import (
	"context"
	"fmt"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// TestOldNoticesMigrated: messages written before notices referred to
// their records (a page address in link) read after migration 16 with
// their kind and record: a warning's and a closing request's problem
// through their measure, a problem step's from its address; one without
// an address refers to nothing.
func TestOldNoticesMigrated(t *testing.T) {
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st := env.Store
		_, _, p, ms := seedRound(t, st)
		u := testkit.SignIn(t, st, zhenggai.RoleResponsible, "桑植县政协党组", "覃丽").User
		st.Close()
		raw := env.Raw(t)
		revert := []string{`DELETE FROM schema_migrations WHERE version = 16`, `ALTER TABLE notifications ADD COLUMN link TEXT NOT NULL DEFAULT ''`}
		for _, c := range []string{"kind", "record_kind", "record_id"} {
			revert = append(revert, `ALTER TABLE notifications DROP COLUMN `+c)
		}
		for _, c := range []string{"due_on", "draft", "drafted_by", "drafted_at", "review_note"} {
			revert = append(revert, `ALTER TABLE opinions DROP COLUMN `+c)
		}
		for _, q := range revert {
			if _, err := raw.Exec(q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		for _, n := range []struct {
			measure      int64
			colour, link string
		}{
			{ms[1].ID, "red", fmt.Sprintf("/problems/%d#measure-%d", p.ID, ms[1].ID)},
			{ms[0].ID, "", fmt.Sprintf("/problems/%d#measure-%d", p.ID, ms[0].ID)},
			{0, "", fmt.Sprintf("/problems/%d", p.ID)},
			{0, "", ""},
		} {
			if _, err := raw.Exec(`INSERT INTO notifications (unit_id, user_id, measure_id, colour, subject, body, link, created_at)
				VALUES (?, ?, ?, ?, '旧消息', '', ?, '2024-01-01T00:00:00Z')`, u.UnitID, u.ID, n.measure, n.colour, n.link); err != nil {
				t.Fatal(err)
			}
		}
		raw.Close()
		st = env.OpenStore(t)
		list, err := st.Inbox(context.Background(), u.ID, false, 10)
		if err != nil || len(list) != 4 {
			t.Fatalf("inbox: %d %v", len(list), err)
		}
		want := []struct {
			kind    zhenggai.NoticeKind
			record  string
			id      int64
			measure int64
		}{ // newest first
			{zhenggai.NoticeClosing, "", 0, 0},
			{zhenggai.NoticeClosing, zhenggai.RecordProblem, p.ID, 0},
			{zhenggai.NoticeClosing, zhenggai.RecordProblem, p.ID, ms[0].ID},
			{zhenggai.NoticeWarning, zhenggai.RecordProblem, p.ID, ms[1].ID},
		}
		for i, w := range want {
			n := list[i]
			if n.Kind != w.kind || n.RecordKind != w.record || n.RecordID != w.id || n.MeasureID != w.measure || n.Subject != "旧消息" {
				t.Errorf("message %d: %s %q %d measure %d, want %+v", i, n.Kind, n.RecordKind, n.RecordID, n.MeasureID, w)
			}
		}
	})
}
