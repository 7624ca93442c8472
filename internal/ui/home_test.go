package ui_test

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/gen"
)

var (
	rowNo   = regexp.MustCompile(`<td class="num">(\d+)</td>\s*<td>([^<]+)</td>`)
	rateCol = regexp.MustCompile(`<td class="nowrap">(\d+)%</td>`)
)

// TestHomeListPages: an office with more rounds than a page sees them 50
// at a time with the totals of all, can page, sort and narrow, and a page
// past the end shows the last one.
func TestHomeListPages(t *testing.T) {
	e := newFormEnv(t)
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	if _, err := gen.Generate(ctx, e.st, gen.Config{Seed: 5, Units: 13, Rounds: 4, Problems: 3, Measures: 2, Progress: 1,
		Today: zhenggai.NewDate(2020, 10, 28)}, nil); err != nil {
		t.Fatal(err)
	}
	page := func(q string) (body string, nos []string, units []string) {
		t.Helper()
		resp, body := e.get("/" + q)
		wantStatus(t, resp, body, 200)
		for _, m := range rowNo.FindAllStringSubmatch(body, -1) {
			nos, units = append(nos, m[1]), append(units, m[2])
		}
		return body, nos, units
	}
	body, nos, _ := page("")
	if !strings.Contains(body, "共 52 个巡察轮次，第 1/2 页") || len(nos) != 50 || nos[0] != "1" || nos[49] != "50" {
		t.Errorf("first page: %d rows %v", len(nos), nos)
	}
	if !strings.Contains(body, `<div class="label">具体问题</div><div class="value">156</div>`) {
		t.Error("the totals are not of all 52 rounds × 3 problems")
	}
	for _, q := range []string{"?page=2", "?page=99"} {
		body, nos, _ = page(q)
		if !strings.Contains(body, "第 2/2 页") || !slices.Equal(nos, []string{"51", "52"}) {
			t.Errorf("%s: rows %v", q, nos)
		}
	}
	_, _, units := page("?sort=unit&dir=asc")
	if !slices.IsSorted(units) || len(units) != 50 {
		t.Errorf("by unit: %v", units)
	}
	body, _, _ = page("?sort=rate&dir=desc")
	var rates []int
	for _, m := range rateCol.FindAllStringSubmatch(body, -1) {
		n := 0
		for _, c := range m[1] {
			n = n*10 + int(c-'0')
		}
		rates = append(rates, n)
	}
	if len(rates) != 50 || !slices.IsSortedFunc(rates, func(a, b int) int { return b - a }) {
		t.Errorf("by rate, highest first: %v", rates)
	}
	_, _, units = page("?q=" + strings.TrimSuffix(units[0], "党组"))
	if len(units) != 4 {
		t.Errorf("one unit's name keeps its 4 rounds: %v", units)
	}
	body, nos, _ = page("?colour=red&sort=red")
	if !strings.Contains(body, "筛选出") || len(nos) == 0 || strings.Count(body, "dot-red") < len(nos) {
		t.Errorf("red rounds: %d rows", len(nos))
	}
}
