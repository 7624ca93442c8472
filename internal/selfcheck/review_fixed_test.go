package selfcheck

import (
	"testing"

	"zhenggai"
)

func reviewDecision(id int64, date string, amount zhenggai.Fen) zhenggai.Meeting {
	m := meeting(id, "党组会议", date)
	m.Items = []zhenggai.AgendaItem{item(id*10, zhenggai.ItemLargeFund, amount)}
	return m
}

// A 2016 decision does not back an unlinked 2019 expense.
func TestReviewLargeExpenseOldDecision(t *testing.T) {
	regs := &Registers{Meetings: []zhenggai.Meeting{reviewDecision(1, "2016-01-10", 100000000)},
		Vouchers: []zhenggai.Voucher{voucher(1, "2019-05-01", 2000000)}}
	want(t, check(t, LargeExpense, regs, zhenggai.Period{}, nil), 1, "2019年有1笔单笔1万元以上开支未经党组会议研究")
}

// One decision of 20000元 backs one expense of 20000元, not three.
func TestReviewLargeExpenseOneDecisionThreeVouchers(t *testing.T) {
	regs := &Registers{Meetings: []zhenggai.Meeting{reviewDecision(1, "2019-04-01", 2000000)},
		Vouchers: []zhenggai.Voucher{voucher(1, "2019-05-01", 2000000), voucher(2, "2019-05-02", 2000000), voucher(3, "2019-05-03", 2000000)}}
	want(t, check(t, LargeExpense, regs, zhenggai.Period{}, nil), 1, "2019年有2笔单笔1万元以上开支未经党组会议研究")
}

// The chair who states 同意 first breaks 末位表态 though he speaks again last.
func TestReviewChairFirstAndLast(t *testing.T) {
	m := meeting(1, "党组会议", "2020-04-23")
	m.Attendance = attendance(3, 3)
	m.Items = []zhenggai.AgendaItem{item(1, zhenggai.ItemCadre, 0, 1, 2, 3, 1)}
	want(t, check(t, ChairLast, &Registers{Meetings: []zhenggai.Meeting{m}}, zhenggai.Period{}, nil), 1, "主持人先于其他成员表态")
}

// 27 → 19 is 29.6%: not "下降30%，未达到减少30%".
func TestReviewReductionRoundsToShare(t *testing.T) {
	var ms []zhenggai.Meeting
	for i := range 27 {
		ms = append(ms, meeting(int64(i+1), "党组会议", "2018-03-01"))
	}
	for i := range 19 {
		ms = append(ms, meeting(int64(100+i), "党组会议", "2019-03-01"))
	}
	want(t, check(t, MeetingReduction, &Registers{Meetings: ms}, zhenggai.Period{}, nil), 1, "较2018年（27次）下降29.6%，未达到减少30%的要求")
}
