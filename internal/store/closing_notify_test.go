package store_test

import (
	"context"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// TestClosingTellsTheNextPerson: an owner's request reaches the measure's
// leader, a leader's return reaches the owner with the reason, and no one
// else of the unit or of another unit hears of either.
func TestClosingTellsTheNextPerson(t *testing.T) {
	t.Parallel()
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) {
			st := b.fresh(t).open(t)
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
			mustVerify(t, st)
		})
	}
}
