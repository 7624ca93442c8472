package selfcheck

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"zhenggai"
)

// ArchiveMissing: a kind expected every year has a file for each year
// (each branch's, for a kind kept per branch) (seed problem 18: "党组和支部
// 手册严重缺失…未见老干支部手册和活动记录"). The years are the period's; an
// open period is bounded by the years the archive's files cover, and a
// kind's first year (since) by its setting. A branch is expected when the
// kind names it or a file of the kind does. A unit with no file at all
// does not keep the register in the program: nothing is said.
var ArchiveMissing = Rule{
	ID:          "archive_missing",
	Needs:       NeedArchives,
	Title:       "年度档案按年建立",
	SeedProblem: 18,
	Area:        AreaArchives,
	Check:       checkArchiveMissing,
}

func checkArchiveMissing(_ context.Context, r *Registers, p zhenggai.Period, _ Values) ([]Finding, error) {
	if len(r.ArchiveFiles) == 0 {
		return nil, nil // the register is not kept here: nothing to say
	}
	lo, hi := p.Start.Year(), p.End.Year()
	for i := range r.ArchiveFiles {
		y := r.ArchiveFiles[i].Year
		if p.Start.IsZero() && (lo == 0 || y < lo) {
			lo = y
		}
		if p.End.IsZero() {
			hi = max(hi, y)
		}
	}
	if lo == 0 || hi < lo {
		return nil, nil
	}
	var out []Finding
	for _, k := range r.ArchiveKinds {
		if !k.Yearly {
			continue
		}
		from := max(lo, k.Since)
		have := map[string]map[int]bool{}
		holders := []string{}
		if k.PerHolder {
			holders = append(holders, k.Holders...)
		}
		for i := range r.ArchiveFiles {
			f := &r.ArchiveFiles[i]
			if f.Kind != k.Code {
				continue
			}
			h := ""
			if k.PerHolder {
				h = f.Holder
			}
			if have[h] == nil {
				have[h] = map[int]bool{}
			}
			have[h][f.Year] = true
			if !slices.Contains(holders, h) {
				holders = append(holders, h)
			}
		}
		if len(holders) == 0 {
			holders = []string{""}
		}
		if k.PerHolder && len(holders) > 1 {
			// An unnamed branch's file is not a branch of its own.
			holders = slices.DeleteFunc(holders, func(h string) bool { return h == "" && len(have[""]) == 0 })
		}
		var expected, missing int64
		var parts []string
		allYears := map[int]bool{}
		for _, h := range holders {
			var years []int
			for y := from; y <= hi; y++ {
				expected++
				if !have[h][y] {
					years = append(years, y)
					allYears[y] = true
				}
			}
			missing += int64(len(years))
			if len(years) > 0 {
				if h != "" {
					parts = append(parts, h+zhenggai.YearsText(years))
				} else {
					parts = append(parts, zhenggai.YearsText(years))
				}
			}
		}
		if missing == 0 {
			continue
		}
		sev := Common
		if missing*2 >= expected {
			sev = Serious
		}
		text := fmt.Sprintf("党建资料整理归档不规范，%s缺失，%s应有%d册，缺%d册：未见%s的%s", k.Name, span([]int{from, hi}),
			expected, missing, strings.Join(parts, "，"), k.Name)
		if missing == expected {
			text = fmt.Sprintf("党建资料整理归档不规范，%s未见%s", span([]int{from, hi}), k.Name)
		}
		out = append(out, Finding{Severity: sev, Text: text,
			Figures: map[string]int64{"expected": expected, "missing": missing, "years": int64(len(allYears)), "holders": int64(len(holders))}})
	}
	return out, nil
}
