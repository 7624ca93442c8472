package store_test

import (
	"context"
	"os"
	"strconv"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// BenchmarkProofHold: what a measure's hold costs on a county's registers
// (genRegisters; ZHENGGAI_BENCH_SCALE=0.1 for a tenth): the hold of a
// measure proven by the vouchers' signing rule, by the chair-last rule,
// and by both, against the whole self-inspection over the same period
// (from the feedback), which a hold must not cost.
func BenchmarkProofHold(b *testing.B) {
	scale := 1.0
	if s := os.Getenv("ZHENGGAI_BENCH_SCALE"); s != "" {
		scale, _ = strconv.ParseFloat(s, 64)
	}
	testkit.BenchEachBackend(b, func(b *testing.B, env *testkit.Env) {
		ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "bench"})
		st := env.Store
		r := &zhenggai.Round{Unit: "桑植县政协党组", Inspector: "市委第七巡察组", Kind: zhenggai.KindInspection, FeedbackDate: zhenggai.NewDate(2020, 7, 27)}
		if err := st.CreateRound(ctx, r); err != nil {
			b.Fatal(err)
		}
		c := &zhenggai.Category{RoundID: r.ID, Seq: 1, Title: "类别"}
		if err := st.CreateCategory(ctx, c); err != nil {
			b.Fatal(err)
		}
		p := &zhenggai.Problem{CategoryID: c.ID, Seq: 1, Title: "问题"}
		if err := st.CreateProblem(ctx, p); err != nil {
			b.Fatal(err)
		}
		t0 := time.Now()
		genRegisters(b, env, r.UnitID, scale)
		b.Logf("generated in %s", time.Since(t0))
		today := zhenggai.NewDate(2020, 12, 31)
		for i, rules := range [][]string{{"voucher_approval"}, {"chair_last"}, {"voucher_approval", "chair_last"}} {
			m := &zhenggai.Measure{ProblemID: p.ID, Seq: i + 1, Content: "长效机制", Kind: zhenggai.MeasureMechanism,
				Status: zhenggai.InProgress, Mechanism: "制度", ProofRules: rules}
			if err := st.CreateMeasure(ctx, m); err != nil {
				b.Fatal(err)
			}
			b.Run(rulesName(rules), func(b *testing.B) {
				for b.Loop() {
					if _, err := st.MeasureHolds(ctx, m.ID, today); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		b.Run("whole_selfcheck", func(b *testing.B) {
			for b.Loop() {
				if _, err := st.SelfCheck(ctx, r.UnitID, zhenggai.ProofPeriod(r.FeedbackDate, today), nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
}

func rulesName(rules []string) string {
	s := ""
	for i, r := range rules {
		if i > 0 {
			s += "+"
		}
		s += r
	}
	return s
}
