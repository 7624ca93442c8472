package notify_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/notify"
	"zhenggai/internal/testkit"
)

// TestDispatchHeld: a 长期坚持 measure reported on time turns yellow, and
// its owner and leader are told why, while its proof rule finds a meeting
// where the chair spoke first; the meeting voided, the warning goes.
func TestDispatchHeld(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st := env.Store
		ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
		const unit = "桑植县政协党组"
		owner := testkit.SignIn(t, st, zhenggai.RoleResponsible, unit, "覃丽").User
		leader := testkit.SignIn(t, st, zhenggai.RoleLeader, unit, "向建国").User
		r := &zhenggai.Round{Unit: unit, Inspector: "市委第七巡察组", Kind: zhenggai.KindInspection, FeedbackDate: zhenggai.NewDate(2020, 7, 27)}
		if err := st.CreateRound(ctx, r); err != nil {
			t.Fatal(err)
		}
		c := &zhenggai.Category{RoundID: r.ID, Seq: 1, Title: "类别"}
		if err := st.CreateCategory(ctx, c); err != nil {
			t.Fatal(err)
		}
		p := &zhenggai.Problem{CategoryID: c.ID, Seq: 2, Title: "问题"}
		if err := st.CreateProblem(ctx, p); err != nil {
			t.Fatal(err)
		}
		m := &zhenggai.Measure{ProblemID: p.ID, Seq: 1, Content: "坚持末位表态", Leader: "向建国", Owner: "覃丽",
			Kind: zhenggai.MeasureMechanism, Status: zhenggai.Ongoing, Mechanism: "《“末位表态”制度》", ReportEvery: 90,
			ProofRules: []string{"chair_last"}}
		if err := st.CreateMeasure(ctx, m); err != nil {
			t.Fatal(err)
		}
		if err := st.AddProgress(ctx, &zhenggai.Progress{MeasureID: m.ID, Date: zhenggai.NewDate(2020, 10, 20), Content: "坚持末位表态"}, m.Version); err != nil {
			t.Fatal(err)
		}
		now := time.Date(2020, 10, 28, 9, 0, 0, 0, time.UTC)
		if res, err := notify.Dispatch(ctx, st, nil, now); err != nil || res.Messages != 0 {
			t.Fatalf("in order: %+v %v", res, err)
		}
		raw := env.Raw(t)
		var mt, it int64
		if err := raw.QueryRow(`INSERT INTO meetings (unit_id, type, book, number, date, chair_name, created_at)
			VALUES (?, '党组会议', '党组会议', 1, '2020-09-10', '甲', '2020-09-10T00:00:00Z') RETURNING id`, r.UnitID).Scan(&mt); err != nil {
			t.Fatal(err)
		}
		if err := raw.QueryRow(`INSERT INTO meeting_items (unit_id, meeting_id, seq, title, kind) VALUES (?, ?, 1, '研究干部推荐人选', 'cadre') RETURNING id`, r.UnitID, mt).Scan(&it); err != nil {
			t.Fatal(err)
		}
		for i, n := range []string{"甲", "乙", "丙"} {
			if _, err := raw.Exec(`INSERT INTO meeting_statements (unit_id, item_id, seq, name, position) VALUES (?, ?, ?, ?, 'agree')`, r.UnitID, it, i+1, n); err != nil {
				t.Fatal(err)
			}
		}
		res, err := notify.Dispatch(ctx, st, nil, now.Add(24*time.Hour))
		if err != nil || res.Changed != 1 || res.Messages != 2 {
			t.Fatalf("held: %+v %v", res, err)
		}
		for _, u := range []*zhenggai.User{owner, leader} {
			ns, err := st.Inbox(ctx, u.ID, true, 10)
			if err != nil || len(ns) != 1 || ns[0].Subject != "黄色预警：问题2措施1的长效机制经台账验证仍有问题" ||
				!strings.Contains(ns[0].Body, "自查规则“主要负责人末位表态”仍发现问题1项") {
				t.Fatalf("%s told: %+v %v", u.Name, ns, err)
			}
		}
		if err := st.Void(ctx, "meeting", mt, "录入有误"); err != nil {
			t.Fatal(err)
		}
		if res, err := notify.Dispatch(ctx, st, nil, now.Add(48*time.Hour)); err != nil || res.Changed != 1 || res.Messages != 0 {
			t.Fatalf("put right: %+v %v", res, err)
		}
	})
}
