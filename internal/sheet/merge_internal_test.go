package sheet

import (
	"math/rand/v2"
	"testing"
)

// TestClipMerges: repeats and overlaps are dropped, ranges are clipped to
// the first maxMergeCols columns; whatever a sheet declares, what is kept
// covers every cell at most once, so a row costs at most maxMergeCols.
func TestClipMerges(t *testing.T) {
	bomb := make([]span, 4000)
	for i := range bomb {
		bomb[i] = span{c1: 11, r1: 3, c2: 16382, r2: excelMaxRow} // L3:XFC1048576
	}
	kept := clipMerges(bomb)
	if len(kept) != 1 || len(kept[3]) != 1 || kept[3][0].c2 != maxMergeCols-1 || kept[3][0].r2 != excelMaxRow {
		t.Errorf("4,000 copies of L3:XFC1048576 kept as %v", kept[3])
	}
	if got := clipMerges([]span{{c1: 70, r1: 1, c2: 90, r2: 5}, {c1: 2, r1: 4, c2: 2, r2: 4}}); len(got) != 0 {
		t.Errorf("a range right of the columns read and a single cell kept: %v", got)
	}
	// Overlaps: the range starting first (then leftmost) wins.
	got := clipMerges([]span{{c1: 0, r1: 5, c2: 2, r2: 9}, {c1: 2, r1: 3, c2: 4, r2: 6}, {c1: 3, r1: 7, c2: 3, r2: 8}, {c1: 0, r1: 10, c2: 0, r2: 12}})
	if len(got[3]) != 1 || len(got[5]) != 0 || len(got[7]) != 1 || len(got[10]) != 1 {
		t.Errorf("overlaps: %v", got)
	}
	// Any declaration: no cell is covered twice.
	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 50; round++ {
		var all []span
		for range 2000 {
			c1, r1 := rng.IntN(100), 1+rng.IntN(300)
			all = append(all, span{c1: c1, r1: r1, c2: c1 + rng.IntN(20000), r2: r1 + rng.IntN(200)})
		}
		seen := map[[2]int]bool{}
		for _, ss := range clipMerges(all) {
			for _, s := range ss {
				if s.c2 >= maxMergeCols {
					t.Fatalf("not clipped: %+v", s)
				}
				for r := s.r1; r <= s.r2; r++ {
					for c := s.c1; c <= s.c2; c++ {
						if seen[[2]int{r, c}] {
							t.Fatalf("cell %d,%d covered twice", r, c)
						}
						seen[[2]int{r, c}] = true
					}
				}
			}
		}
	}
}

// TestSpreadBounded: with the ranges kept, a row gets at most limit cells
// however long the ranges, and ranges right of limit write nothing.
func TestSpreadBounded(t *testing.T) {
	kept := clipMerges([]span{{c1: 0, r1: 1, c2: 16383, r2: excelMaxRow}, {c1: 11, r1: 1, c2: 16383, r2: 2}})
	var active []*span
	for n := 1; n <= 3; n++ {
		cells := []string{"甲"}
		cells, active = spread(n, cells, kept[n], active, 11)
		if len(cells) != 11 || cells[10] != "甲" {
			t.Fatalf("row %d: %d cells %q", n, len(cells), cells)
		}
	}
}
