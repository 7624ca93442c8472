package store_test

import (
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// TestMeasureProofHold: a mechanism measure proven by the vouchers'
// signing rule, another by the chair-last rule, are held while a record
// since the feedback breaks their rule — approval of their closing is
// refused, naming the rule and the count — and free once the records are
// put right (the voucher signed, the meeting voided); the office's
// acceptance is held the same way by a record gone wrong after approval.
func TestMeasureProofHold(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, p, ms := seedRound(t, st)
		u := r.UnitID
		raw := env.Raw(t)
		must := func(what string, err error) {
			t.Helper()
			if err != nil {
				t.Fatalf("%s: %v", what, err)
			}
		}
		for i, set := range []struct {
			mechanism string
			rules     []string
		}{{"《财务管理制度》", []string{"voucher_approval"}}, {"《“末位表态”制度》", []string{"chair_last"}}} {
			m := ms[i]
			m.Kind, m.Mechanism, m.ProofRules = zhenggai.MeasureMechanism, set.mechanism, set.rules
			must("proof rules", st.UpdateMeasure(ctx, m))
		}
		bad := *ms[0]
		bad.ProofRules = []string{"no_such_rule"}
		if err := st.UpdateMeasure(ctx, &bad); code(err) != zhenggai.EINVALID || !strings.Contains(err.Error(), "no_such_rule") {
			t.Fatalf("unknown rule: %v", err)
		}
		got, err := st.Measure(ctx, ms[1].ID)
		must("read", err)
		if len(got.ProofRules) != 1 || got.ProofRules[0] != "chair_last" {
			t.Fatalf("proof rules stored as %v", got.ProofRules)
		}

		// An unsigned voucher after the feedback; one before it is not the measure's business.
		unsigned := insVoucher(t, raw, u, "2020-09-01", 7, "办公用品", "", 0)
		insVoucher(t, raw, u, "2019-05-01", 3, "办公用品", "", 0)
		// A 党组会议 after the feedback where the chair spoke first on a decision.
		mt := insMeeting(t, raw, u, "党组会议", "党组会议", 6, "2020-09-10", false)
		for i, n := range []string{"甲", "乙", "丙"} {
			ins(t, raw, "meeting_attendance", "unit_id, meeting_id, seq, name, presence", u, mt, i+1, n, "present")
		}
		it := ins(t, raw, "meeting_items", "unit_id, meeting_id, seq, title, kind, amount", u, mt, 1, "研究干部推荐人选", "cadre", 0)
		for i, n := range []string{"甲", "乙", "丙"} {
			ins(t, raw, "meeting_statements", "unit_id, item_id, seq, name, position", u, it, i+1, n, "agree")
		}

		sum := "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
		for _, m := range ms {
			must("report", st.AddProgress(ctx, &zhenggai.Progress{MeasureID: m.ID, Date: zhenggai.NewDate(2020, 9, 4), Content: "已修订制度",
				Status: zhenggai.BasicallyCompleted, Files: []zhenggai.Attachment{{Name: "制度.pdf", SHA256: sum, Size: 3, ContentType: "application/pdf"}}}, m.Version))
			_, err := st.CloseMeasure(ctx, m.ID, zhenggai.CloseRequest, "覃丽", "")
			must("ask", err)
		}
		for i, want := range []string{"“会计凭证经审核签字”仍发现问题1项（涉及记录1条）", "“主要负责人末位表态”仍发现问题1项（涉及记录1条）"} {
			_, err := st.CloseMeasure(ctx, ms[i].ID, zhenggai.CloseApprove, "向建国", "")
			if code(err) != zhenggai.ECONFLICT || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "不能同意销号") {
				t.Fatalf("measure %d held: got %v, want %s", i, err, want)
			}
		}
		proofs, err := st.ProblemProofs(ctx, p.ID, zhenggai.NewDate(2020, 10, 28))
		must("proofs", err)
		if pr := proofs[ms[0].ID]; pr == nil || pr.Period.Start != r.FeedbackDate || len(pr.Rules) != 1 ||
			len(pr.Rules[0].Findings) != 1 || pr.Rules[0].Findings[0].Records[0].ID != unsigned {
			t.Fatalf("proof of the voucher measure: %+v", pr)
		}

		// Put right: the voucher signed (re-imported with its approver), the meeting voided.
		if _, err := raw.Exec(`UPDATE vouchers SET approver = '乙' WHERE id = ?`, unsigned); err != nil {
			t.Fatal(err)
		}
		must("void meeting", st.Void(ctx, "meeting", mt, "会议记录录入有误，已重新录入"))
		for i, m := range ms {
			holds, err := st.MeasureHolds(ctx, m.ID, zhenggai.Today())
			must("holds", err)
			if len(holds) != 0 {
				t.Fatalf("measure %d still held: %+v", i, holds)
			}
			_, err = st.CloseMeasure(ctx, m.ID, zhenggai.CloseApprove, "向建国", "")
			must("approve once put right", err)
		}
		prob, err := st.Problem(ctx, p.ID)
		must("problem", err)
		if prob.CloseState != zhenggai.CloseSubmitted {
			t.Fatalf("problem %s, want submitted", prob.CloseState)
		}

		// A voucher gone unsigned after the approval holds the office's acceptance.
		late := insVoucher(t, raw, u, "2020-10-10", 9, "差旅费", "", 0)
		_, err = st.CloseProblem(ctx, p.ID, zhenggai.CloseAccept, "巡察办", "")
		if code(err) != zhenggai.ECONFLICT || !strings.Contains(err.Error(), "不能验收通过") || !strings.Contains(err.Error(), "会计凭证经审核签字") {
			t.Fatalf("acceptance held: %v", err)
		}
		if _, err := raw.Exec(`UPDATE vouchers SET approver = '乙' WHERE id = ?`, late); err != nil {
			t.Fatal(err)
		}
		_, err = st.CloseProblem(ctx, p.ID, zhenggai.CloseAccept, "巡察办", "")
		must("accept once put right", err)
	})
}

// TestHeldColour: a 长期坚持 measure reported on time shows no warning,
// but yellow in its round's ledger while its proof rule finds something;
// the meeting voided (an audited write), the ledger shows it in order.
func TestHeldColour(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, p, ms := seedRound(t, st)
		u, raw := r.UnitID, env.Raw(t)
		m := ms[0]
		m.Kind, m.Status, m.Mechanism, m.ReportEvery, m.ProofRules = zhenggai.MeasureMechanism, zhenggai.Ongoing, "《“末位表态”制度》", 90, []string{"chair_last"}
		if err := st.UpdateMeasure(ctx, m); err != nil {
			t.Fatal(err)
		}
		if err := st.AddProgress(ctx, &zhenggai.Progress{MeasureID: m.ID, Date: zhenggai.NewDate(2020, 10, 20), Content: "坚持末位表态"}, m.Version); err != nil {
			t.Fatal(err)
		}
		today := zhenggai.NewDate(2020, 10, 28)
		colour := func() (zhenggai.Colour, zhenggai.Colour, int) {
			t.Helper()
			l, err := st.Ledger(ctx, r.ID, today)
			if err != nil {
				t.Fatal(err)
			}
			pn := l.Problem(p.ID)
			for _, mn := range pn.Measures {
				if mn.ID == m.ID {
					return mn.Colour, pn.Colour, len(mn.Holds)
				}
			}
			t.Fatal("measure not in the ledger")
			return "", "", 0
		}
		if c, _, h := colour(); c != zhenggai.NoColour || h != 0 {
			t.Fatalf("kept up and proven: %q, %d holds", c, h)
		}
		mt := insMeeting(t, raw, u, "党组会议", "党组会议", 6, "2020-09-10", false)
		it := ins(t, raw, "meeting_items", "unit_id, meeting_id, seq, title, kind, amount", u, mt, 1, "研究干部推荐人选", "cadre", 0)
		for i, n := range []string{"甲", "乙", "丙"} {
			ins(t, raw, "meeting_statements", "unit_id, item_id, seq, name, position", u, it, i+1, n, "agree")
		}
		// Written behind the store's back: a new generation for the cache, as an import's audited write gives.
		if err := st.SaveNamedSettings(ctx, u, map[string]string{"selfcheck.chair_last.note": "test"}); err != nil {
			t.Fatal(err)
		}
		if c, pc, h := colour(); c != zhenggai.Yellow || pc != zhenggai.Red || h != 1 { // the problem: red by its other measure's deadline
			t.Fatalf("held: measure %q, problem %q, %d holds", c, pc, h)
		}
		if err := st.Void(ctx, "meeting", mt, "录入有误"); err != nil {
			t.Fatal(err)
		}
		if c, _, h := colour(); c != zhenggai.NoColour || h != 0 {
			t.Fatalf("put right: %q, %d holds", c, h)
		}
	})
}
