package demo_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/report"
)

// TestDemoProofRules: the demo's mechanism measures name the rules their
// rule names suggest (《财务管理制度》 the voucher rules, and so on), and
// the problem page's proofs show what those rules find since the feedback:
// the party group meeting of 2020年7月29日 that decided with too few
// present holds the 《“三重一大”事项决策、执行制度》 measure.
func TestDemoProofRules(t *testing.T) {
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "t"})
	st, _, r := loadDemo(t, ctx)
	probs, err := st.Problems(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int][]string{
		6:  {"member_proposals", "member_absence", "member_leave", "plenary_leave", "suggestions_platform"},
		14: {"proposal_archive", "archive_missing", "archive_incomplete"},
		17: {"dues"},
		22: {"major_matters", "large_expense"},
		24: {"statements", "chair_last"},
		34: {"voucher_approval", "voucher_purpose", "large_expense", "forbidden_purpose"},
		30: {"travel_unregistered", "travel_handin_late", "travel_return_late", "trip_unapproved"},
	}
	held := map[int][]zhenggai.ProofHold{}
	for _, p := range probs {
		ms, err := st.ProblemMeasures(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		proofs, err := st.ProblemProofs(ctx, p.ID, demoToday)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			if m.Seq == 1 && want[p.Seq] != nil {
				if !slices.Equal(m.ProofRules, want[p.Seq]) {
					t.Errorf("problem %d measure 1: proof rules %v, want %v", p.Seq, m.ProofRules, want[p.Seq])
				}
			} else if len(m.ProofRules) > 0 {
				t.Errorf("problem %d measure %d (%s): proof rules %v, want none", p.Seq, m.Seq, m.Kind, m.ProofRules)
			}
			if pr := proofs[m.ID]; pr != nil {
				held[p.Seq] = append(held[p.Seq], pr.Holds()...)
			}
		}
	}
	var got []string
	for _, h := range held[22] {
		got = append(got, fmt.Sprintf("%s %d/%d", h.Rule, h.Findings, h.Records))
	}
	if !slices.Equal(got, []string{"major_matters 1/1"}) {
		t.Errorf("problem 22 held by %v, want the quorum of 2020年第7次党组会议 only", got)
	}
	// The vouchers since the feedback keep 《财务管理制度》: shown as such.
	if len(held[34]) != 0 {
		t.Errorf("problem 34 held by %v, want nothing since the feedback", held[34])
	}
	if len(held[17]) != 1 || held[17][0].Rule != "dues" {
		t.Errorf("problem 17 held by %v, want dues (the rounding ended 2020年8月, July's dues still rounded)", held[17])
	}
}

// TestDemoRectificationMeetings: the seed's 党组会议5次、主席会议3次、
// 全体党员大会1次 are in the demo's meetings register, and the report's
// figures are counted from it, not typed.
func TestDemoRectificationMeetings(t *testing.T) {
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "t"})
	st, _, r := loadDemo(t, ctx)
	seedDay := zhenggai.NewDate(2020, 10, 28)
	got, err := st.RectificationMeetings(ctx, r.UnitID, r.FeedbackDate, seedDay)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Kept || got.Clause() != "党组会议5次、主席会议3次、全体党员大会1次" {
		t.Errorf("register counts %q (kept %v)", got.Clause(), got.Kept)
	}
	rep, err := report.Build(ctx, st, r.ID, seedDay)
	if err != nil {
		t.Fatal(err)
	}
	if rep.MeetingsFrom != zhenggai.MeetingsRegister {
		t.Errorf("report's meetings figures from %q, want the register", rep.MeetingsFrom)
	}
	var b strings.Builder
	if err := rep.Text(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "先后召开党组会议5次、主席会议3次、全体党员大会1次") {
		t.Error("the report lacks the seed's meetings sentence")
	}
}
