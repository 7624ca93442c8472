package selfcheck

import (
	"testing"

	"zhenggai"
)

// Review: edge cases an inspection group would raise.

// A chair's view introducing the item (意见) before the others' votes is
// no breach when he votes last.
func TestReviewChairIntroducesThenVotesLast(t *testing.T) {
	m := meeting(1, "党组会议", "2020-04-23")
	m.Attendance = attendance(3, 3)
	it := item(1, zhenggai.ItemCadre, 0, 1, 2, 3, 1)
	it.Statements[0].Position = zhenggai.PosView
	m.Items = []zhenggai.AgendaItem{it}
	want(t, check(t, ChairLast, &Registers{Meetings: []zhenggai.Meeting{m}}, zhenggai.Period{}, nil), 0)
}

// A member on leave who gave a written opinion is not present: 2 of 5
// present with one written view is no quorum.
func TestReviewQuorumWrittenView(t *testing.T) {
	m := meeting(1, "党组会议", "2019-06-01")
	m.Attendance = attendance(5, 2)
	m.Attendance[2].Presence = zhenggai.WrittenView
	m.Items = []zhenggai.AgendaItem{item(1, zhenggai.ItemMajorDecision, 0)}
	want(t, check(t, MajorMatters, &Registers{Meetings: []zhenggai.Meeting{m}}, zhenggai.Period{}, nil), 1, "到会成员未超过半数")
}

// Two thirds for 干部任免 at 9 members: 6 present is a quorum, 5 is not.
func TestReviewQuorumCadreNine(t *testing.T) {
	for present, n := range map[int]int{6: 0, 5: 1} {
		m := meeting(1, "党组会议", "2019-06-01")
		m.Attendance = attendance(9, present)
		m.Items = []zhenggai.AgendaItem{item(1, zhenggai.ItemCadre, 0)}
		want(t, check(t, MajorMatters, &Registers{Meetings: []zhenggai.Meeting{m}}, zhenggai.Period{}, nil), n)
	}
}
