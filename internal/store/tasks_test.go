package store_test

import (
	"context"
	"fmt"
	"testing"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// TestTasks: an owner's list holds his measures of his unit, worst colour
// first; his leader's holds the closing asked of him and the progress the
// owner reported; a namesake in another unit and a bystander get nothing;
// an opinion assigned to the unit's office waits for him.
func TestTasks(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st := env.Store
		ctx := actx()
		r, _, p, ms := seedRound(t, st)
		// Measure 1: led by 向建国, due 2020-09-30; measure 2: due earlier.
		ms[0].Leader = "向建国"
		if err := st.UpdateMeasure(ctx, ms[0]); err != nil {
			t.Fatal(err)
		}
		m2, err := st.Measure(ctx, ms[1].ID)
		if err != nil {
			t.Fatal(err)
		}
		m2.Deadline = zhenggai.NewDate(2020, 9, 10)
		if err := st.UpdateMeasure(ctx, m2); err != nil {
			t.Fatal(err)
		}
		user := func(l *testkit.Login) *zhenggai.User {
			t.Helper()
			u, err := st.User(ctx, l.User.ID)
			if err != nil {
				t.Fatal(err)
			}
			return u
		}
		owner := user(testkit.SignIn(t, st, zhenggai.RoleResponsible, r.Unit, "覃丽"))
		leader := user(testkit.SignIn(t, st, zhenggai.RoleLeader, r.Unit, "向建国"))
		bystander := user(testkit.SignIn(t, st, zhenggai.RoleResponsible, r.Unit, "陈伟"))
		namesake := user(testkit.SignIn(t, st, zhenggai.RoleResponsible, "别的单位", "覃丽"))
		m1, err := st.Measure(ctx, ms[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.AddProgress(ctx, &zhenggai.Progress{MeasureID: m1.ID, Date: zhenggai.NewDate(2020, 9, 4), Content: "已组织学习",
			Author: "覃丽", Files: []zhenggai.Attachment{{Name: "签到表.pdf",
				SHA256: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", Size: 3, ContentType: "application/pdf"}}},
			m1.Version); err != nil {
			t.Fatal(err)
		}
		if _, err := st.CloseMeasure(ctx, m1.ID, zhenggai.CloseRequest, "覃丽", ""); err != nil {
			t.Fatal(err)
		}

		today := zhenggai.NewDate(2020, 9, 5) // m2 is 5 days off (yellow), m1 25 days off
		tasks := func(u *zhenggai.User) *zhenggai.Tasks {
			t.Helper()
			got, err := st.Tasks(context.Background(), u, today)
			if err != nil {
				t.Fatal(err)
			}
			return got
		}
		got := tasks(owner)
		if len(got.Measures) != 2 || got.Measures[0].ID != m2.ID || got.Measures[1].ID != m1.ID {
			t.Fatalf("owner's measures: %+v", got.Measures)
		}
		first := got.Measures[0]
		if first.Colour != zhenggai.Yellow || first.DaysLeft != 5 || !first.Owns || first.Leads ||
			first.Problem != p.Title || first.ProblemSeq != 1 || first.RoundID != r.ID || first.Round != "市委第七巡察组巡察桑植县政协党组" {
			t.Errorf("owner's first task: %+v", first)
		}
		if got.Colours[zhenggai.Yellow] != 1 || len(got.Approve) != 0 || len(got.Progress) != 0 || got.Waiting() != 0 {
			t.Errorf("owner's counts: colours %v, approve %d, progress %d, waiting %d", got.Colours, len(got.Approve), len(got.Progress), got.Waiting())
		}

		got = tasks(leader)
		if len(got.Measures) != 1 || got.Measures[0].ID != m1.ID || !got.Measures[0].Leads {
			t.Fatalf("leader's measures: %+v", got.Measures)
		}
		if len(got.Approve) != 1 || got.Approve[0].ID != m1.ID || got.Waiting() != 1 {
			t.Errorf("leader's closings to approve: %+v (waiting %d)", got.Approve, got.Waiting())
		}
		if len(got.Progress) != 1 || got.Progress[0].Content != "已组织学习" || got.Progress[0].Measure.ID != m1.ID {
			t.Errorf("leader's progress to look at: %+v", got.Progress)
		}
		// A week later the report is no longer new; both measures, asked to
		// close but not approved, are overdue and wait.
		today = zhenggai.NewDate(2020, 10, 12)
		got = tasks(leader)
		if len(got.Progress) != 0 {
			t.Errorf("progress older than %d days still shown: %+v", zhenggai.LookBackDays, got.Progress)
		}
		if got = tasks(owner); got.Colours[zhenggai.Red] != 2 || got.Waiting() != 2 {
			t.Errorf("owner on 2020-10-12: colours %v waiting %d", got.Colours, got.Waiting())
		}
		for _, u := range []*zhenggai.User{bystander, namesake} {
			if got := tasks(u); len(got.Measures)+len(got.Approve)+len(got.Progress)+len(got.Opinions) != 0 {
				t.Errorf("%s of %s has tasks: %+v", u.DisplayName, u.Unit, got)
			}
		}

		// An opinion assigned to the unit's office.
		admin := user(testkit.SignIn(t, st, zhenggai.RoleUnitAdmin, r.Unit, "办公室甲"))
		o := publishAndOpine(t, st, r, p)
		// Set by hand: who may be assigned, and how, is the opinions' own
		// test's; here only what waits for the assignee.
		raw := env.Raw(t)
		defer raw.Close()
		setOpinion := func(set string) {
			t.Helper()
			if _, err := raw.Exec(fmt.Sprintf(`UPDATE opinions SET %s WHERE id = %d`, set, o.ID)); err != nil {
				t.Fatal(err)
			}
		}
		setOpinion(fmt.Sprintf(`assignee_id = %d, status = 'assigned'`, admin.ID))
		if got := tasks(admin); len(got.Opinions) != 1 || got.Opinions[0].ID != o.ID || got.Waiting() != 1 {
			t.Errorf("admin's opinions: %+v", got.Opinions)
		}
		setOpinion(`status = 'answered'`)
		if got := tasks(admin); len(got.Opinions) != 0 {
			t.Errorf("an answered opinion still waits: %+v", got.Opinions)
		}
	})
}

// publishAndOpine publishes the round and sends an opinion on it.
func publishAndOpine(t *testing.T, st *store.Store, r *zhenggai.Round, p *zhenggai.Problem) *zhenggai.Opinion {
	t.Helper()
	pub := &zhenggai.Publication{RoundID: r.ID, Title: "通报", AsOf: zhenggai.NewDate(2020, 10, 28),
		Summary: "截至2020年10月28日……", Body: `<section id="problem-1">` + p.Title + `</section>`,
		Problems: []zhenggai.PublishedProblem{{ID: p.ID, Seq: p.Seq, Category: "学习贯彻不深入", Title: p.Title}}}
	publishReviewed(actx(), t, st, pub)
	o := &zhenggai.Opinion{PublicationID: pub.ID, ProblemID: p.ID, Content: "学习记录应当公开，群众看得见"}
	if err := st.CreateOpinion(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	return o
}
