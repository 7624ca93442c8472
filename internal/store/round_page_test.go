package store_test

import (
	"context"
	"fmt"
	"maps"
	"testing"

	"zhenggai"
	"zhenggai/internal/gen"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// TestRoundPageSQLAgreesWithGo: the office's list narrowed, ordered, cut
// and totalled in SQL (with colours from the counts kept per round) is the
// list the Go way gives from every round's figures, on both backends, for
// every scope, filter, order and page, on several days, and after writes.
func TestRoundPageSQLAgreesWithGo(t *testing.T) {
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		t.Parallel()
		st := env.Store
		ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
		day := zhenggai.NewDate(2026, 6, 30)
		_, err := gen.Generate(ctx, st, gen.Config{Seed: 7, Offices: 2, Units: 8, Rounds: 2, Problems: 6,
			Measures: 3, Progress: 1, Today: day}, nil)
		if err != nil {
			t.Fatal(err)
		}
		// What the generator does not make: thresholds of a unit's own,
		// problems waiting for acceptance, measures approved by their
		// leader, 长期坚持 measures with a re-report period.
		units, err := st.Units(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var leaves []int64
		var office int64
		for _, u := range units {
			if u.ParentID != 0 && office == 0 {
				office = u.ParentID
			}
		}
		for _, u := range units {
			if u.ParentID != 0 && u.ParentID != office && len(leaves) < 2 {
				leaves = append(leaves, u.ID)
			}
		}
		st.SaveSettings(ctx, leaves[0], zhenggai.Settings{GreenDays: 90, YellowDays: 45})
		st.SaveSettings(ctx, leaves[1], zhenggai.Settings{GreenDays: 5, YellowDays: 2})
		raw := env.Raw(t)
		for _, q := range []string{
			`UPDATE problems SET close_state = 'submitted' WHERE id % 7 = 3`,
			`UPDATE measures SET close_state = 'approved' WHERE id % 11 = 5 AND status <> 'completed'`,
			`UPDATE measures SET status = 'ongoing', report_every = 30 WHERE id % 13 = 4`,
			`UPDATE measures SET deadline = '' WHERE id % 17 = 6`,
		} {
			if _, err := raw.Exec(q); err != nil {
				t.Fatal(err)
			}
		}
		raw.Close()
		if err := store.RebuildRoundCountsForTest(ctx, st); err != nil {
			t.Fatal(err)
		}
		if drift, err := st.RoundCountsDrift(ctx); err != nil || len(drift) > 0 {
			t.Fatalf("drift %v %v", drift, err)
		}
		scopes := map[string]zhenggai.Scope{"all": {All: true}, "office": {Office: office}, "unit": {Unit: leaves[0]}}
		overdue := 0 // units ranked with overdue measures: the comparison is not of zeros
		compare := func(t *testing.T, today zhenggai.Date) {
			t.Helper()
			n := 0
			for sname, sc := range scopes {
				for _, q := range []string{"", "县", "第二", "没有这个单位", "\xff第二\x00"} {
					for _, open := range []bool{false, true} {
						for sort := range store.RoundSorts {
							if sort == "red" || sort == "yellow" {
								continue // always the Go way
							}
							for _, desc := range []bool{false, true} {
								for _, off := range []int{0, 5, 1000} {
									rq := store.RoundQuery{Q: q, Open: open, Sort: sort, Desc: desc, Offset: off, Limit: 5}
									name := fmt.Sprintf("%s %s %+v", today, sname, rq)
									got, err := st.RoundPage(ctx, sc, today, rq)
									if err != nil {
										t.Fatal(name, err)
									}
									want, err := store.RoundPageInGoForTest(ctx, st, sc, today, rq)
									if err != nil {
										t.Fatal(name, err)
									}
									samePage(t, name, got, want)
									n++
								}
							}
						}
					}
				}
			}
			if n == 0 {
				t.Fatal("nothing compared")
			}
			// The ranking of units counted in SQL is the domain's over
			// every round's colours.
			for sname, sc := range scopes {
				got, err := st.UnitRanking(ctx, sc, today)
				if err != nil {
					t.Fatal(err)
				}
				every, err := store.RoundPageInGoForTest(ctx, st, sc, today, store.RoundQuery{Sort: "date", Desc: true})
				if err != nil {
					t.Fatal(err)
				}
				want := zhenggai.RankUnits(every.Rows)
				if len(got) != len(want) || len(got) == 0 {
					t.Fatalf("%s %s: %d units ranked, want %d", today, sname, len(got), len(want))
				}
				for i := range want {
					if *got[i] != *want[i] {
						t.Errorf("%s %s: rank %d is %+v, want %+v", today, sname, i+1, *got[i], *want[i])
					}
					if got[i].Overdue > 0 {
						overdue++
					}
				}
			}
		}
		for _, today := range []zhenggai.Date{day, day.AddDays(15), day.AddDays(200)} {
			compare(t, today)
		}
		if overdue == 0 {
			t.Error("no unit ranked with overdue measures")
		}
		// The counts follow the store's own writes.
		rounds, err := st.RoundSummaries(ctx, zhenggai.Scope{All: true}, day)
		if err != nil {
			t.Fatal(err)
		}
		ms, err := st.Measures(ctx, rounds[0].Round.ID)
		if err != nil {
			t.Fatal(err)
		}
		for i, m := range ms[:4] {
			switch i {
			case 0:
				err = st.SetMeasureStatus(ctx, m.ID, m.Version, zhenggai.Completed)
			case 1:
				m.Deadline = day.AddDays(-3)
				err = st.UpdateMeasure(ctx, m)
			case 2:
				m.Deadline = day.AddDays(3)
				err = st.UpdateMeasure(ctx, m)
			case 3:
				err = st.SetMeasureStatus(ctx, m.ID, m.Version, zhenggai.NotStarted)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		compare(t, day)
	})
}

func samePage(t *testing.T, name string, got, want *store.RoundPage) {
	t.Helper()
	if got.Kept != want.Kept || got.All != want.All || got.Offset != want.Offset || got.Problems != want.Problems ||
		got.Pending != want.Pending || !maps.Equal(got.Counts, want.Counts) || !maps.Equal(got.Colours, want.Colours) {
		t.Fatalf("%s: totals\n got kept %d of %d from %d, %d problems %v %v pending %d\nwant kept %d of %d from %d, %d problems %v %v pending %d",
			name, got.Kept, got.All, got.Offset, got.Problems, got.Counts, got.Colours, got.Pending,
			want.Kept, want.All, want.Offset, want.Problems, want.Counts, want.Colours, want.Pending)
	}
	if len(got.Rows) != len(want.Rows) {
		t.Fatalf("%s: %d rows, want %d", name, len(got.Rows), len(want.Rows))
	}
	for i := range got.Rows {
		g, w := got.Rows[i], want.Rows[i]
		if g.Round.ID != w.Round.ID || g.Problems != w.Problems || g.Pending != w.Pending || g.CompletionRate != w.CompletionRate ||
			!maps.Equal(g.ProblemCounts, w.ProblemCounts) || !maps.Equal(g.ColourCounts, w.ColourCounts) || g.Round.Unit != w.Round.Unit {
			t.Fatalf("%s: row %d\n got #%d %s %d %v %v %d%% pending %d\nwant #%d %s %d %v %v %d%% pending %d", name, i,
				g.Round.ID, g.Round.Unit, g.Problems, g.ProblemCounts, g.ColourCounts, g.CompletionRate, g.Pending,
				w.Round.ID, w.Round.Unit, w.Problems, w.ProblemCounts, w.ColourCounts, w.CompletionRate, w.Pending)
		}
	}
}
