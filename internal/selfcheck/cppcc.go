package selfcheck

import (
	"fmt"

	"zhenggai"
)

// Helpers of the rules over the CPPCC registers (issue 15).

// registered reports whether a proposal counts as registered (立案, after
// merging): what CountProposals counts as Registered.
func registered(p *zhenggai.Proposal) bool {
	return !p.Voided && p.Status.IsCase()
}

// hasLetter reports whether the archive holds a reply letter (回复报告):
// a file of that slot, or a letter kept with a reply.
func hasLetter(p *zhenggai.Proposal) bool {
	for _, d := range p.Documents {
		if d.Kind == zhenggai.DocReplyLetter {
			return true
		}
	}
	for _, r := range p.Replies {
		if r.LetterSHA256 != "" && !r.CoView {
			return true
		}
	}
	return false
}

// hasForm reports whether a feedback form (办复情况征询意见表) was
// returned: one recorded, or its file in the archive.
func hasForm(p *zhenggai.Proposal) bool {
	if len(p.Feedback) > 0 {
		return true
	}
	for _, d := range p.Documents {
		if d.Kind == zhenggai.DocFeedbackForm {
			return true
		}
	}
	return false
}

// yearIn reports whether year y lies in p (an open end is open).
func yearIn(y int, p zhenggai.Period) bool {
	return (p.Start.IsZero() || y >= p.Start.Year()) && (p.End.IsZero() || y <= p.End.Year())
}

func proposalRecord(p *zhenggai.Proposal) Record {
	return Record{Kind: "proposal", ID: p.ID, Label: "提案" + p.String()}
}

func memberRecord(m *CPPCCMember) Record {
	return Record{Kind: "cppcc_member", ID: m.ID, Label: "委员" + m.Name}
}

func townshipRecord(t *zhenggai.Township) Record {
	return Record{Kind: "township", ID: t.ID, Label: t.Name}
}

// serves reports whether a member held his seat some day of year y.
func serves(m *CPPCCMember, y int) bool {
	if m.Voided {
		return false
	}
	if !m.JoinedOn.IsZero() && m.JoinedOn.Year() > y {
		return false
	}
	if !m.LeftOn.IsZero() && m.LeftOn.Year() < y {
		return false
	}
	return true
}

// members finds the member a record names: by person where both have
// one, else by name. Its maps are built at the first find: a rule whose
// records all carry a member's ID never needs them.
type members struct {
	list     []CPPCCMember
	byPerson map[int64]int
	byName   map[string]int
}

func indexMembers(list []CPPCCMember) *members { return &members{list: list} }

func (ix *members) build() {
	ix.byPerson, ix.byName = make(map[int64]int, len(ix.list)), make(map[string]int, len(ix.list))
	for i := range ix.list {
		m := &ix.list[i]
		if m.Voided {
			continue
		}
		if m.PersonID != 0 {
			if _, ok := ix.byPerson[m.PersonID]; !ok {
				ix.byPerson[m.PersonID] = i
			}
		}
		if _, ok := ix.byName[m.Name]; !ok {
			ix.byName[m.Name] = i
		}
	}
}

// find is the index of the member (-1 for none).
func (ix *members) find(personID int64, name string) int {
	if ix.byName == nil {
		ix.build()
	}
	if personID != 0 {
		if i, ok := ix.byPerson[personID]; ok {
			return i
		}
	}
	if i, ok := ix.byName[name]; ok && (personID == 0 || ix.list[i].PersonID == 0) {
		return i
	}
	return -1
}

// rateText writes a share with its counts: 答复率72.5%（29/40）.
func rateText(label string, num, den int64) string {
	return zhenggai.Rate{Label: label, Num: int(num), Den: int(den)}.String()
}

// below reports whether num/den is under pct per cent (den > 0).
func below(num, den, pct int64) bool { return den > 0 && num*100 < pct*den }

// permille is num/den in tenths of a per cent, cut (figures are whole
// numbers).
func permille(num, den int64) int64 {
	if den == 0 {
		return 0
	}
	return num * 1000 / den
}

// month writes a date's month: 2018年3月.
func monthText(d zhenggai.Date) string { return fmt.Sprintf("%d年%d月", d.Year(), d.Month()) }

// proposalsEnd is the day to which the register tells whether a reply is
// overdue: the period's end, but no later than the last date the
// register records (a reply, a form, an assignment, a submission) — the
// rules read no clock, and a period ending in the future must not make
// proposals overdue that are not. Zero when the register records none.
func proposalsEnd(r *Registers, p zhenggai.Period) zhenggai.Date {
	last := 0
	note := func(d zhenggai.Date) {
		if !d.IsZero() && dkey(d) > last {
			last = dkey(d)
		}
	}
	for i := range r.Proposals {
		pr := &r.Proposals[i]
		note(pr.SubmittedOn)
		note(pr.AssignedOn)
		note(pr.DoneOn)
		for _, rp := range pr.Replies {
			note(rp.RepliedOn)
		}
		for _, f := range pr.Feedback {
			note(f.ReturnedOn)
		}
	}
	if last == 0 {
		return zhenggai.Date{}
	}
	if !p.End.IsZero() && dkey(p.End) < last {
		return p.End
	}
	return dateOfKey(last)
}
