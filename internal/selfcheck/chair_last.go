package selfcheck

import (
	"context"
	"fmt"

	"zhenggai"
)

// ChairLast: the principal leader (the meeting's chair) states his view
// last on 三重一大 items — 末位表态 (seed problem 24). A chair who did not
// state (absent, or the minutes record no view) is not this rule's
// finding: the statements rule counts the missing view.
var ChairLast = Rule{
	ID:          "chair_last",
	Needs:       NeedMeetings | NeedItems,
	Title:       "主要负责人末位表态",
	SeedProblem: 24,
	Area:        AreaMeetings,
	Proves:      []string{"末位表态"},
	Check:       checkChairLast,
}

func checkChairLast(_ context.Context, r *Registers, p zhenggai.Period, _ Values) ([]Finding, error) {
	var items int64
	var years []int
	var recs []Record
	var labels []string
	for i := range r.Meetings {
		m := &r.Meetings[i]
		if m.Voided || !within(m.Date, p) || (m.ChairID == 0 && m.ChairName == "") {
			continue
		}
		hit := false
		for i := range m.Items {
			if it := &m.Items[i]; isDecision(it.Kind) && len(it.Statements) >= 2 {
				if broken, _ := chairNotLast(m, it); broken {
					items++
					hit = true
				}
			}
		}
		if hit {
			years = append(years, m.Date.Year())
			recs = append(recs, meetingRecord(m))
			labels = append(labels, m.Date.Chinese()+"第"+fmt.Sprint(m.Number)+"次"+m.Type)
		}
	}
	if items == 0 {
		return nil, nil
	}
	return []Finding{{
		Severity: Serious,
		Text: fmt.Sprintf("主要负责人未末位表态，%s有%d次会议的%d个三重一大议题主持人先于其他成员表态（%s）",
			span(years), len(recs), items, examples(labels, 5)),
		Figures: map[string]int64{"meetings": int64(len(recs)), "items": items},
		Records: capped(recs),
	}}, nil
}

// chairNotLast reports whether on item it the chair of meeting m broke
// 末位表态, and whether he stated at all. The chair may open an item (an
// 意见 introducing it), but his vote comes after every other member's
// statement, and he speaks last: one 同意 before the others breaks the
// rule though he speaks again at the end (seed: 2020年4月23日).
func chairNotLast(m *zhenggai.Meeting, it *zhenggai.AgendaItem) (broken, stated bool) {
	other, chairLast, chairVote := -1, -1, -1
	for _, s := range it.Statements {
		if !samePerson(m.ChairID, m.ChairName, s.PersonID, s.Name) {
			other = max(other, s.Seq)
			continue
		}
		chairLast = max(chairLast, s.Seq)
		if s.Position != zhenggai.PosView && (chairVote < 0 || s.Seq < chairVote) {
			chairVote = s.Seq
		}
	}
	return chairLast >= 0 && (chairLast < other || chairVote >= 0 && chairVote < other), chairLast >= 0
}
