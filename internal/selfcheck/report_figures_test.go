package selfcheck

import (
	"testing"

	"zhenggai"
)

func TestMeetingFigures(t *testing.T) {
	for _, c := range []struct {
		name string
		f    MeetingFigures
		want string
	}{
		{"none", MeetingFigures{}, ""},
		{"no items", MeetingFigures{Meetings: 5}, "整改以来召开党组会议5次。"},
		{"all last", MeetingFigures{Meetings: 5, Items: 12}, "整改以来召开党组会议5次，研究“三重一大”事项12项，均按规定末位表态。"},
		{"some not", MeetingFigures{Meetings: 5, Items: 12, NotLast: 2}, "整改以来召开党组会议5次，研究“三重一大”事项12项，其中2项主要负责人未末位表态。"},
		{"both", MeetingFigures{Meetings: 5, Items: 12, NotLast: 1, Incomplete: 3}, "整改以来召开党组会议5次，研究“三重一大”事项12项，其中1项主要负责人未末位表态，3项表态记录不完整。"},
	} {
		if got := c.f.Sentence(); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}

	st := func(names ...string) []zhenggai.Statement {
		var out []zhenggai.Statement
		for i, n := range names {
			out = append(out, zhenggai.Statement{Seq: i + 1, Name: n, Position: zhenggai.PosAgree})
		}
		return out
	}
	mt := func(typ string, d zhenggai.Date, items ...zhenggai.AgendaItem) zhenggai.Meeting {
		return zhenggai.Meeting{Type: typ, Date: d, ChairName: "甲", Items: items}
	}
	dec := func(ss []zhenggai.Statement) zhenggai.AgendaItem {
		return zhenggai.AgendaItem{Kind: zhenggai.ItemMajorDecision, Statements: ss}
	}
	pg := zhenggai.MeetingPartyGroup
	regs := &Registers{Meetings: []zhenggai.Meeting{
		mt(pg, zhenggai.NewDate(2020, 7, 1), dec(st("甲", "乙"))), // before the feedback
		mt(pg, zhenggai.NewDate(2020, 8, 3), dec(st("乙", "丙", "甲")), dec(st("乙", "甲")), zhenggai.AgendaItem{Kind: zhenggai.ItemOrdinary, Title: "研究巡察整改工作"}),
		mt(pg, zhenggai.NewDate(2020, 9, 7), dec(st("甲", "乙", "丙")), dec(st("乙", "丙"))), // the chair first; the chair silent
		mt("主席会议", zhenggai.NewDate(2020, 9, 8), dec(st("甲", "乙"))),
		{Type: pg, Date: zhenggai.NewDate(2020, 9, 9), Voided: true},
	}}
	p := zhenggai.Period{Start: zhenggai.NewDate(2020, 7, 27), End: zhenggai.NewDate(2020, 10, 28)}
	if got, want := CountMeetingFigures(regs, p), (MeetingFigures{Meetings: 2, Items: 4, NotLast: 1, Incomplete: 1}); got != want {
		t.Errorf("CountMeetingFigures = %+v, want %+v", got, want)
	}
	regs.Meetings = regs.Meetings[:2]
	if got := CountMeetingFigures(regs, p).Sentence(); got != "整改以来召开党组会议1次，研究“三重一大”事项2项，均按规定末位表态。" {
		t.Errorf("sentence %q", got)
	}
}
