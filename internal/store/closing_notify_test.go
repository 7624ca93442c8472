package store_test

import (
	"context"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// TestClosingTellsTheNextPerson: an owner's request reaches the measure's
// leader, a leader's return reaches the owner with the reason; a problem
// sent for acceptance reaches the office above, and the office's answer
// comes back to the unit; no one else of the unit or elsewhere hears.
func TestClosingTellsTheNextPerson(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st := env.Store
		ctx := actx()
		r, _, _, ms := seedRound(t, st)
		owner := testkit.SignIn(t, st, zhenggai.RoleResponsible, r.Unit, "覃丽")
		leader := testkit.SignIn(t, st, zhenggai.RoleLeader, r.Unit, "向建国")
		bystander := testkit.SignIn(t, st, zhenggai.RoleResponsible, r.Unit, "陈伟")
		namesake := testkit.SignIn(t, st, zhenggai.RoleLeader, "别的单位", "向建国")
		m, err := st.Measure(ctx, ms[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		m.Leader = "向建国"
		if err := st.UpdateMeasure(ctx, m); err != nil {
			t.Fatal(err)
		}
		sum := "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
		if err := st.AddProgress(ctx, &zhenggai.Progress{MeasureID: m.ID, Date: zhenggai.NewDate(2020, 9, 4), Content: "已整改",
			Files: []zhenggai.Attachment{{Name: "佐证.pdf", SHA256: sum, Size: 3, ContentType: "application/pdf"}}}, m.Version); err != nil {
			t.Fatal(err)
		}
		inbox := func(who *testkit.Login) string {
			t.Helper()
			ns, err := st.Inbox(context.Background(), who.User.ID, false, 10)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, n := range ns {
				b.WriteString(n.Subject + "|" + n.Body + "\n")
			}
			return b.String()
		}
		if _, err := st.CloseMeasure(ctx, m.ID, zhenggai.CloseRequest, "覃丽", ""); err != nil {
			t.Fatal(err)
		}
		if got := inbox(leader); !strings.Contains(got, "请审核销号申请：具体问题1的措施“组织集中学习”") || !strings.Contains(got, "覃丽申请销号") {
			t.Errorf("leader's inbox after the request: %q", got)
		}
		if _, err := st.CloseMeasure(ctx, m.ID, zhenggai.CloseReturn, "向建国", "佐证材料不全"); err != nil {
			t.Fatal(err)
		}
		if got := inbox(owner); !strings.Contains(got, "销号申请被退回") || !strings.Contains(got, "理由：佐证材料不全") {
			t.Errorf("owner's inbox after the return: %q", got)
		}
		for _, who := range []*testkit.Login{bystander, namesake} {
			if got := inbox(who); got != "" {
				t.Errorf("%s of %s was told: %q", who.User.DisplayName, who.User.Unit, got)
			}
		}

		// The problem's steps: a submission reaches the office above the
		// unit (not another office); a rejection and an acceptance come
		// back to the unit's administrator, leaders and owners.
		office := testkit.SignIn(t, st, zhenggai.RoleSupervisor, "县委巡察办", "巡察办李明")
		otherOffice := testkit.SignIn(t, st, zhenggai.RoleSupervisor, "市委巡察办", "巡察办王芳")
		if err := st.SaveUnit(ctx, &zhenggai.Unit{ID: r.UnitID, Name: r.Unit, ParentID: office.User.UnitID}); err != nil {
			t.Fatal(err)
		}
		admin := testkit.SignIn(t, st, zhenggai.RoleUnitAdmin, r.Unit, "单位管理员")
		approveAll := func() {
			t.Helper()
			pms, err := st.ProblemMeasures(ctx, m.ProblemID)
			if err != nil {
				t.Fatal(err)
			}
			for _, pm := range pms {
				if pm.ID != m.ID {
					pm.Leader = "向建国"
					if err := st.UpdateMeasure(ctx, pm); err != nil {
						t.Fatal(err)
					}
					if err := st.AddProgress(ctx, &zhenggai.Progress{MeasureID: pm.ID, Date: zhenggai.NewDate(2020, 9, 5), Content: "已整改",
						Files: []zhenggai.Attachment{{Name: "佐证.pdf", SHA256: sum, Size: 3, ContentType: "application/pdf"}}}, pm.Version+1); err != nil {
						t.Fatal(err)
					}
				}
				if _, err := st.CloseMeasure(ctx, pm.ID, zhenggai.CloseRequest, "覃丽", ""); err != nil {
					t.Fatal(err)
				}
				if _, err := st.CloseMeasure(ctx, pm.ID, zhenggai.CloseApprove, "向建国", ""); err != nil {
					t.Fatal(err)
				}
			}
		}
		approveAll()
		if got := inbox(office); !strings.Contains(got, r.Unit+"报请验收销号：具体问题1") || !strings.Contains(got, "请核对后验收或退回") {
			t.Errorf("the office's inbox after the submission: %q", got)
		}
		if got := inbox(otherOffice); got != "" {
			t.Errorf("another office was told: %q", got)
		}
		if _, err := st.CloseProblem(ctx, m.ProblemID, zhenggai.CloseReject, "巡察办李明", "制度未印发"); err != nil {
			t.Fatal(err)
		}
		for _, who := range []*testkit.Login{owner, leader, admin} {
			if got := inbox(who); !strings.Contains(got, "验收未通过：具体问题1") || !strings.Contains(got, "理由：制度未印发") {
				t.Errorf("%s's inbox after the rejection: %q", who.User.DisplayName, got)
			}
		}
		approveAll()
		if _, err := st.CloseProblem(ctx, m.ProblemID, zhenggai.CloseAccept, "巡察办李明", ""); err != nil {
			t.Fatal(err)
		}
		if got := inbox(admin); !strings.Contains(got, "已验收销号：具体问题1") {
			t.Errorf("the unit's administrator after the acceptance: %q", got)
		}
		for _, who := range []*testkit.Login{bystander, namesake} {
			if got := inbox(who); got != "" {
				t.Errorf("%s of %s was told: %q", who.User.DisplayName, who.User.Unit, got)
			}
		}
		mustVerify(t, st)
	})
}
