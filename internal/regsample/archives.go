package regsample

import (
	"math/rand/v2"

	"zhenggai"
)

// Seed facts of the archives (seed problems 18 and 20): the 2017年10月27日
// election file without its request, approval, election rules and
// ballots, its candidates' list incomplete; the party group's and the
// branches' handbooks missing for years, one filled in badly; no
// 老干支部手册 before 2020, when one was "安排专人填写".
var (
	// Election is the day of the party organisation's election.
	Election = zhenggai.NewDate(2017, 10, 27)
	// Branches keep a 党支部工作手册 each a year.
	Branches = []string{"机关第一党支部", "机关第二党支部"}
	// HandbookGaps are the years a kind's file (a branch's) is missing.
	HandbookGaps = map[string][]int{
		"党组工作手册":    {2016, 2017, 2019},
		Branches[0]: {2016, 2018},
		Branches[1]: {2016, 2017, 2019},
	}
	// RetiredFrom is the first year of a 老干支部手册.
	RetiredFrom = 2020
)

// makeArchives makes the archives' files from a generator of their own:
// the demo's are the seed's facts; elsewhere each yearly file is kept
// in about six years of seven and an election every third year lacks a
// document or two. Every document is a paper original in the office's
// archive, checked by the branch secretary.
func (m *maker) makeArchives() {
	rng := rand.New(rand.NewPCG(m.c.Seed, 0x6172_6368))
	checker := m.c.Staff[1]
	paper := func(slots ...string) []zhenggai.ArchiveDocument {
		var out []zhenggai.ArchiveDocument
		for _, s := range slots {
			out = append(out, zhenggai.ArchiveDocument{Slot: s, Paper: true, Place: "办公室档案柜", CheckedBy: checker, CheckedOn: m.c.To})
		}
		return out
	}
	add := func(f zhenggai.ArchiveFile) {
		f.Sample = m.c.Sample
		m.archives = append(m.archives, f)
	}
	missing := func(key string, y int) bool {
		if !m.c.Facts {
			return rng.IntN(7) == 0
		}
		for _, g := range HandbookGaps[key] {
			if g == y {
				return true
			}
		}
		return false
	}
	for y := m.c.From.Year(); y <= m.c.To.Year(); y++ {
		add(zhenggai.ArchiveFile{Kind: zhenggai.KindMinutesBook, Year: y, Documents: paper("会议记录本")})
		if !missing("党组工作手册", y) {
			f := zhenggai.ArchiveFile{Kind: zhenggai.KindGroupHandbook, Year: y, Documents: paper("党组工作手册")}
			if m.c.Facts && y == 2018 {
				f.Documents[0].Defect = "填写不规范，存在明显逻辑错误"
			}
			add(f)
		}
		for _, b := range Branches {
			if !missing(b, y) {
				add(zhenggai.ArchiveFile{Kind: zhenggai.KindBranchHandbook, Year: y, Holder: b, Documents: paper("党支部工作手册")})
			}
		}
		if m.c.Facts && y >= RetiredFrom || !m.c.Facts && !missing("", y) {
			add(zhenggai.ArchiveFile{Kind: zhenggai.KindRetiredHandbook, Year: y, Holder: "", Documents: paper("老干支部手册", "活动记录")})
		}
	}
	all := []string{"请示", "批复", "选举办法", "选票", "候选人名单"}
	if m.c.Facts {
		docs := paper("候选人名单")
		docs[0].Defect = "候选人名单信息缺失"
		add(zhenggai.ArchiveFile{Kind: zhenggai.KindElection, Year: Election.Year(), EventOn: Election, Title: "机关党委换届选举", Documents: docs})
		return
	}
	for y := m.c.From.Year() + 1; y <= m.c.To.Year(); y += 3 {
		on := zhenggai.NewDate(y, 3+rng.IntN(9), 1+rng.IntN(28))
		var slots []string
		for _, s := range all {
			if rng.IntN(4) != 0 {
				slots = append(slots, s)
			}
		}
		add(zhenggai.ArchiveFile{Kind: zhenggai.KindElection, Year: y, EventOn: on, Title: "党支部换届选举", Documents: paper(slots...)})
	}
}
