package publish_test

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"zhenggai"
	"zhenggai/internal/publish"
	"zhenggai/internal/testkit"
)

func TestMain(m *testing.M) { testkit.Main(m) }

// TestRenderReadsOnce renders a round's publication while another
// clerk keeps renaming one of its problems. What the public site lists
// (the problems beside the report) and the report's text are read
// together, so every rendering names the problem one way in both, never
// the old title in one and the new in the other.
func TestRenderReadsOnce(t *testing.T) {
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st := env.Store
		ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
		r := &zhenggai.Round{Unit: "桑植县政协", Inspector: "市委第七巡察组", Kind: zhenggai.KindInspection,
			Onsite:       zhenggai.Period{Start: zhenggai.NewDate(2020, 5, 11), End: zhenggai.NewDate(2020, 6, 19)},
			FeedbackDate: zhenggai.NewDate(2020, 7, 27)}
		must(t, st.CreateRound(ctx, r))
		c := &zhenggai.Category{RoundID: r.ID, Seq: 1, Title: "学习贯彻不深入"}
		must(t, st.CreateCategory(ctx, c))
		p := &zhenggai.Problem{CategoryID: c.ID, Seq: 1, Title: "中心组学习流于形式"}
		must(t, st.CreateProblem(ctx, p))
		must(t, st.CreateMeasure(ctx, &zhenggai.Measure{ProblemID: p.ID, Seq: 1, Content: "每月集中研讨一次",
			Owner: "覃丽", Deadline: zhenggai.NewDate(2020, 9, 30), Kind: zhenggai.MeasureImmediate, Status: zhenggai.InProgress}))
		titles := [2]string{"中心组学习流于形式", "学习笔记记录不全"}

		var writes atomic.Int64
		stop := make(chan struct{})
		var wg sync.WaitGroup
		defer wg.Wait()
		defer close(stop)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 1; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				cur, err := st.Problem(ctx, p.ID)
				if err == nil {
					cur.Title = titles[i%2]
					err = st.UpdateProblem(ctx, cur)
				}
				if err != nil {
					t.Error(err)
					return
				}
				writes.Add(1)
			}
		}()
		renders := 0
		for ; renders < 20 || writes.Load() < 20; renders++ {
			if renders == 5000 {
				t.Errorf("only %d renamings during %d renderings", writes.Load(), renders)
				break
			}
			pub, err := publish.Render(ctx, st, r.ID, zhenggai.NewDate(2020, 10, 28))
			if err != nil {
				t.Fatal(err)
			}
			listed := pub.Problems[0].Title
			other := titles[0]
			if listed == titles[0] {
				other = titles[1]
			}
			if !strings.Contains(pub.Body, "1."+listed) || strings.Contains(pub.Body, other) {
				t.Fatalf("rendering %d lists problem 1 as %q but its report reads otherwise", renders, listed)
			}
		}
		t.Logf("%d renderings, %d renamings", renders, writes.Load())
	})
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
