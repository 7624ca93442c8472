package store_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// randomProposals are n proposals in every state, with dates chosen to
// fall on and beside their due dates (30 November three months on is 1
// March), replies approved or not, co-handling views, second rounds.
func randomProposals(rng *rand.Rand, n int) []zhenggai.Proposal {
	day := func() zhenggai.Date {
		return zhenggai.NewDate(2019, 11, 1).AddDays(rng.IntN(420))
	}
	maybe := func() zhenggai.Date {
		if rng.IntN(2) == 0 {
			return zhenggai.Date{}
		}
		return day()
	}
	classes := []zhenggai.ReplyClass{"", "A", "B", "C"}
	results := []zhenggai.FeedbackResult{zhenggai.FeedbackSatisfied, zhenggai.FeedbackBasic, zhenggai.FeedbackUnsatisfied}
	var ps []zhenggai.Proposal
	for i := range n {
		p := zhenggai.Proposal{
			Session: []string{"九届三次", "九届四次"}[rng.IntN(2)], Year: 2019 + rng.IntN(2), Number: fmt.Sprint(i + 1),
			Title: "提案", Source: zhenggai.SourceMember, Timing: zhenggai.TimingSession, Public: true,
			Status: zhenggai.ProposalStatuses[rng.IntN(len(zhenggai.ProposalStatuses))], Class: classes[rng.IntN(4)],
			SubmittedOn: day(), DueOn: maybe(), Voided: rng.IntN(10) == 0,
		}
		if rng.IntN(5) > 0 {
			// Days late in the month, whose three months on overflow.
			p.AssignedOn = zhenggai.NewDate(2019+rng.IntN(2), 1+rng.IntN(12), 1).AddDays(24 + rng.IntN(8))
		}
		if rng.IntN(4) == 0 {
			p.ExtendedTo = day()
		}
		due := zhenggai.ProposalDue(&p)
		for range rng.IntN(4) {
			on := day()
			if !due.IsZero() && rng.IntN(2) == 0 {
				on = due.AddDays(rng.IntN(3) - 1)
			}
			p.Replies = append(p.Replies, zhenggai.ProposalReply{Round: 1 + rng.IntN(2), RepliedOn: on, Class: classes[rng.IntN(4)],
				Approved: rng.IntN(3) > 0, CoView: rng.IntN(4) == 0})
		}
		for k := range rng.IntN(4) {
			p.Feedback = append(p.Feedback, zhenggai.ProposalFeedback{Round: 1 + rng.IntN(2), Name: fmt.Sprint("委员", k),
				Result: results[rng.IntN(3)], ReturnedOn: day()})
		}
		ps = append(ps, p)
	}
	return ps
}

// TestProposalCountsEqualTheRule: the SQL counts are CountProposals's on
// the same data, on both backends, for sessions and years, over several
// random registers.
func TestProposalCountsEqualTheRule(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, _, _ := seedRound(t, st)
		other := &zhenggai.Unit{Name: "另一县政协"}
		if err := st.SaveUnit(ctx, other); err != nil {
			t.Fatal(err)
		}
		for seed := range uint64(5) {
			unit := r.UnitID
			if seed%2 == 1 {
				unit = other.ID
			}
			// Each seed has years of its own.
			rng := rand.New(rand.NewPCG(seed, 15))
			ps := randomProposals(rng, 150)
			base := 2000 + int(seed)*10
			for i := range ps {
				ps[i].Year += base - 2019
			}
			if err := store.InsertProposalsForTest(ctx, st, unit, ps); err != nil {
				t.Fatal(err)
			}
			for _, sc := range []store.ProposalScope{{Year: base}, {Year: base + 1}, {Session: "九届四次", Year: base}, {Session: "九届三次", Year: base + 1}} {
				var in []zhenggai.Proposal
				for _, p := range ps {
					if p.Year == sc.Year && (sc.Session == "" || p.Session == sc.Session) {
						in = append(in, p)
					}
				}
				want := zhenggai.CountProposals(sc.Label(), in)
				got, err := st.ProposalCounts(ctx, unit, sc)
				if err != nil {
					t.Fatal(err)
				}
				if got != want {
					t.Errorf("seed %d, %s:\n SQL  %+v\n rule %+v", seed, sc.Label(), got, want)
				}
				if want.Received == 0 {
					t.Errorf("seed %d, %s: nothing counted", seed, sc.Label())
				}
			}
		}
		// Another unit's proposals are not counted.
		got, err := st.ProposalCounts(ctx, r.UnitID, store.ProposalScope{Year: 2010})
		if err != nil {
			t.Fatal(err)
		}
		if got.Received != 0 {
			t.Errorf("unit %d counted the other unit's: %+v", r.UnitID, got)
		}
		if _, err := st.ProposalCounts(ctx, r.UnitID, store.ProposalScope{}); zhenggai.ErrorCode(err) != zhenggai.EINVALID ||
			!strings.Contains(zhenggai.ErrorMessage(err), "届次") {
			t.Errorf("no scope: %v", err)
		}
	})
}

func TestProposalScopeLabel(t *testing.T) {
	for sc, want := range map[store.ProposalScope]string{
		{Session: "九届四次"}: "九届四次会议", {Session: "九届四次会议"}: "九届四次会议", {Year: 2020}: "2020年",
		{Session: "九届四次", Year: 2020}: "2020年九届四次会议",
	} {
		if got := sc.Label(); got != want {
			t.Errorf("%+v: %q, want %q", sc, got, want)
		}
	}
}
