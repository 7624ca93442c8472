package selfcheck

import (
	"context"
	"fmt"
	"strings"

	"zhenggai"
)

// MajorMatters: 三重一大 items are decided by the 党组会议 alone, and only
// with a quorum: more than half of its members present, two thirds for
// 干部任免 (seed problem 22). Exactly half is not a quorum; exactly two
// thirds is.
var MajorMatters = Rule{
	ID:          "major_matters",
	Needs:       NeedMeetings | NeedItems,
	Title:       "三重一大事项由党组会议集体研究，到会人数符合规定",
	SeedProblem: 22,
	Area:        AreaMajor,
	Check:       checkMajorMatters,
}

// quorum reports whether present of expected may decide an item of kind.
func quorum(kind zhenggai.ItemKind, present, expected int) bool {
	if kind == zhenggai.ItemCadre {
		return present*3 >= expected*2
	}
	return present*2 > expected
}

func checkMajorMatters(_ context.Context, r *Registers, p zhenggai.Period, _ Values) ([]Finding, error) {
	var elsewhere, short []*zhenggai.Meeting
	var elsewhereItems, shortItems, shortHalf int64
	kinds := map[string]int64{}
	for i := range r.Meetings {
		m := &r.Meetings[i]
		if m.Voided || !within(m.Date, p) {
			continue
		}
		present := 0
		for _, a := range m.Attendance {
			if a.Presence == zhenggai.Present {
				present++
			}
		}
		var out, low, lowCadre int64
		for _, it := range m.Items {
			if !isDecision(it.Kind) {
				continue
			}
			if m.Type != zhenggai.MeetingPartyGroup {
				out++
				kinds[ItemKindName(it.Kind)]++
			} else if len(m.Attendance) > 0 && !quorum(it.Kind, present, len(m.Attendance)) {
				if it.Kind == zhenggai.ItemCadre {
					lowCadre++
				} else {
					low++
				}
			}
		}
		if out > 0 {
			elsewhere = append(elsewhere, m)
			elsewhereItems += out
		}
		if low+lowCadre > 0 {
			short = append(short, m)
			shortItems += low + lowCadre
			shortHalf += low
		}
	}
	var fs []Finding
	if elsewhereItems > 0 {
		var years []int
		var recs []Record
		types := map[string]bool{}
		var typeList []string
		for _, m := range elsewhere {
			years = append(years, m.Date.Year())
			recs = append(recs, meetingRecord(m))
			if !types[m.Type] {
				types[m.Type] = true
				typeList = append(typeList, m.Type)
			}
		}
		var kl []string
		for _, k := range sortedKeys(kinds) {
			kl = append(kl, fmt.Sprintf("%s%d项", k, kinds[k]))
		}
		fs = append(fs, Finding{
			Severity: Serious,
			Text: fmt.Sprintf("三重一大事项未经党组会议集体研究，%s有%d个三重一大事项（%s）在%s上决定",
				span(years), elsewhereItems, examples(kl, 4), examples(typeList, 3)),
			Figures: map[string]int64{"items": elsewhereItems, "meetings": int64(len(elsewhere))},
			Records: capped(recs),
		})
	}
	if shortItems > 0 {
		var years []int
		var recs []Record
		var labels []string
		for _, m := range short {
			years = append(years, m.Date.Year())
			recs = append(recs, meetingRecord(m))
			labels = append(labels, MeetingLabel(m))
		}
		fs = append(fs, Finding{
			Severity: Serious,
			Text: fmt.Sprintf("研究三重一大事项到会人数不足，%s有%d次党组会议的%s即作出决定（%s）",
				span(years), len(short), quorumParts(shortHalf, shortItems-shortHalf), examples(labels, 3)),
			Figures: map[string]int64{"items": shortItems, "meetings": int64(len(short))},
			Records: capped(recs),
		})
	}
	return fs, nil
}

// quorumParts says which quorum each short item missed: more than half,
// or two thirds for 干部任免.
func quorumParts(half, cadre int64) string {
	var parts []string
	if half > 0 {
		parts = append(parts, fmt.Sprintf("%d个议题到会成员未超过半数", half))
	}
	if cadre > 0 {
		parts = append(parts, fmt.Sprintf("%d个干部任免议题到会成员未达到三分之二", cadre))
	}
	return strings.Join(parts, "、")
}
