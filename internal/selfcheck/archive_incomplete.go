package selfcheck

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"zhenggai"
)

// ArchiveIncomplete: every file holds the documents its kind requires,
// whole (seed problem 20: "2017年10月27日党组织换届资料中，未见正式请示、批复、
// 选举办法和选票，候选人名单信息缺失"). A slot counts filed by an upload or a
// recorded paper original; a document filed with a defect is incomplete.
// One finding per kind and year, naming each file's missing documents.
var ArchiveIncomplete = Rule{
	ID:          "archive_incomplete",
	Needs:       NeedArchives,
	Title:       "档案资料齐全",
	SeedProblem: 20,
	Area:        AreaArchives,
	Check:       checkArchiveIncomplete,
}

// inYears reports whether a file falls in p: its event's day, or its
// year when it has none.
func inYears(f *zhenggai.ArchiveFile, p zhenggai.Period) bool {
	if !f.EventOn.IsZero() {
		return within(f.EventOn, p)
	}
	return (p.Start.IsZero() || f.Year >= p.Start.Year()) && (p.End.IsZero() || f.Year <= p.End.Year())
}

func checkArchiveIncomplete(_ context.Context, r *Registers, p zhenggai.Period, _ Values) ([]Finding, error) {
	type group struct {
		kind    zhenggai.ArchiveKind
		year    int
		files   int64
		bad     []string
		recs    []Record
		missing int64
		defects int64
	}
	groups := map[string]*group{}
	for i := range r.ArchiveFiles {
		f := &r.ArchiveFiles[i]
		k, ok := zhenggai.ArchiveKindOf(r.ArchiveKinds, f.Kind)
		if !ok || !inYears(f, p) {
			continue // a kind the unit withdrew asks for nothing
		}
		key := fmt.Sprintf("%04d%s", k.Seq, k.Code) + fmt.Sprint(f.Year)
		g := groups[key]
		if g == nil {
			g = &group{kind: k, year: f.Year}
			groups[key] = g
		}
		g.files++
		missing, defects := f.Gaps(k)
		if len(missing)+len(defects) == 0 {
			continue
		}
		var says []string
		if len(missing) > 0 {
			says = append(says, "未见"+zhenggai.JoinAnd(missing))
		}
		says = append(says, defects...)
		g.bad = append(g.bad, f.Label(k)+"资料中，"+strings.Join(says, "，"))
		g.recs = append(g.recs, Record{Kind: "archive_file", ID: f.ID, Label: f.Label(k)})
		g.missing += int64(len(missing))
		g.defects += int64(len(defects))
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []Finding
	for _, key := range keys {
		g := groups[key]
		if len(g.bad) == 0 {
			continue
		}
		text := "党建资料整理归档不规范，"
		if g.kind.Code == zhenggai.KindElection {
			text = "党组织建设不规范，换届程序不严谨，"
		}
		text += fmt.Sprintf("%d年%s档案%d卷中%d卷资料不全：%s", g.year, g.kind.Name, g.files, len(g.bad), strings.Join(g.bad, "；"))
		out = append(out, Finding{Severity: Common, Text: text,
			Figures: map[string]int64{"year": int64(g.year), "files": g.files, "incomplete": int64(len(g.bad)),
				"missing_documents": g.missing, "defective_documents": g.defects},
			Records: capped(g.recs)})
	}
	return out, nil
}
