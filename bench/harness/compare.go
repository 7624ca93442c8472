//go:build linux

package main

import (
	"context"
	"fmt"
	"slices"
	"time"

	"zhenggai"
	"zhenggai/internal/store"
)

// unitCompare is one unit's pages with N units and with 2N, measured in
// turns (A, B, A, B, …) so that both see the same machine; each block
// gives a ratio B/A, and the spread of the blocks is the noise.
type unitCompare struct {
	A, B    *run
	Backend string
	Rows    []compareRow
	Err     string
}

type compareRow struct {
	Name        string
	A, B        float64 // medians over all blocks, ms
	Ratios      []float64
	Median      float64
	Lo, Hi      float64
	WithinNoise bool
}

const compareBlocks = 7

func finishRow(name string, a, b, ratios []float64) compareRow {
	row := compareRow{Name: name, A: median(a), B: median(b), Ratios: ratios, Median: median(ratios)}
	row.Lo, row.Hi = slices.Min(ratios), slices.Max(ratios)
	row.WithinNoise = (row.Lo <= 1 && row.Hi >= 1) || (row.Median >= 0.9 && row.Median <= 1.1)
	return row
}

func compareUnits(ctx context.Context, o *options, a, b *run) *unitCompare {
	c := &unitCompare{A: a, B: b, Backend: a.backend}
	logf("== one unit's pages: %s against %s on %s, in turns", a.Label, b.Label, a.backend)
	if len(b.Errs) > 0 {
		c.Err = "the larger run failed: " + b.Errs[0]
		return c
	}
	if a.RoundProblems != b.RoundProblems || a.RoundMeasures != b.RoundMeasures {
		c.Err = fmt.Sprintf("the rounds compared differ in size (%s: %d problems, %d measures; %s: %d, %d)",
			a.UnitName, a.RoundProblems, a.RoundMeasures, b.UnitName, b.RoundProblems, b.RoundMeasures)
		return c
	}
	if err := compareSQL(ctx, o, c); err != nil {
		c.Err = err.Error()
		return c
	}
	if err := comparePages(ctx, o, c); err != nil {
		c.Err = err.Error()
	}
	return c
}

func compareSQL(ctx context.Context, o *options, c *unitCompare) error {
	today := zhenggai.Today()
	sa, err := store.Open(ctx, c.A.dataDir, c.A.dsn)
	if err != nil {
		return err
	}
	defer sa.Close()
	sb, err := store.Open(ctx, c.B.dataDir, c.B.dsn)
	if err != nil {
		return err
	}
	defer sb.Close()
	la, err := dashboardSet(ctx, sa, "", zhenggai.Scope{Unit: c.A.UnitID}, today)
	if err != nil {
		return err
	}
	lb, err := dashboardSet(ctx, sb, "", zhenggai.Scope{Unit: c.B.UnitID}, today)
	if err != nil {
		return err
	}
	sets := []struct {
		name string
		a, b sqlSet
	}{
		{"SQL of the unit's ledger (5 statements, through the store)", ledgerSet(c.A.RoundID, c.A.UnitID), ledgerSet(c.B.RoundID, c.B.UnitID)},
		{"SQL of the unit's list of rounds (RoundPage, Scope{Unit})", la, lb},
	}
	for _, s := range sets {
		var va, vb, ratios []float64
		for range compareBlocks {
			ta, _, err := timeIt(o.sqlBudget/compareBlocks, 5, 100, func() error { _, err := s.a.program(ctx, sa); return err })
			if err != nil {
				return err
			}
			tb, _, err := timeIt(o.sqlBudget/compareBlocks, 5, 100, func() error { _, err := s.b.program(ctx, sb); return err })
			if err != nil {
				return err
			}
			va, vb, ratios = append(va, ta), append(vb, tb), append(ratios, tb/ta)
		}
		c.Rows = append(c.Rows, finishRow(s.name, va, vb, ratios))
	}
	return nil
}

func comparePages(ctx context.Context, o *options, c *unitCompare) error {
	self, err := executable()
	if err != nil {
		return err
	}
	urls := map[*run]string{}
	for _, r := range []*run{c.A, c.B} {
		port, err := freePort()
		if err != nil {
			return err
		}
		addr := fmt.Sprintf("127.0.0.1:%d", port)
		cmd, err := start(self, fmt.Sprintf("%s/compare-%d.log", o.work, port), append([]string{"serve-uncached", "--addr", addr}, r.dbArgs()...)...)
		if err != nil {
			return err
		}
		defer stop(cmd)
		urls[r] = "http://" + addr
		if err := waitHTTP(ctx, urls[r]+"/healthz", 60*time.Second, cmd); err != nil {
			return err
		}
	}
	pages := []struct{ name, pa, pb string }{
		{"unit's list of rounds `/`, fresh render", "/", "/"},
		{"round dashboard, fresh render", fmt.Sprintf("/rounds/%d", c.A.RoundID), fmt.Sprintf("/rounds/%d", c.B.RoundID)},
		{"unit's ledger, fresh render", fmt.Sprintf("/rounds/%d/ledger", c.A.RoundID), fmt.Sprintf("/rounds/%d/ledger", c.B.RoundID)},
	}
	for _, p := range pages {
		var va, vb, ratios []float64
		for range compareBlocks {
			la, err := sequential(ctx, urls[c.A]+p.pa, c.A.cookies["zgbench-unit"], 2, 10)
			if err != nil {
				return err
			}
			lb, err := sequential(ctx, urls[c.B]+p.pb, c.B.cookies["zgbench-unit"], 2, 10)
			if err != nil {
				return err
			}
			ma, mb := median(la), median(lb)
			va, vb, ratios = append(va, ma), append(vb, mb), append(ratios, mb/ma)
		}
		c.Rows = append(c.Rows, finishRow(p.name, va, vb, ratios))
	}
	return nil
}
