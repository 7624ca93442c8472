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

// 摘要 "报销" names no purpose (software never leaves it blank).
func TestReviewPurposeVague(t *testing.T) {
	v := voucher(1, "2019-05-01", 300000)
	v.Summary = "报销"
	want(t, check(t, VoucherPurpose, &Registers{Vouchers: []zhenggai.Voucher{v}}, zhenggai.Period{}, nil), 1, "摘要未写明用途")
}

// Money coming back (收回纪念品款) is not 列支.
func TestReviewForbiddenRefund(t *testing.T) {
	v := zhenggai.Voucher{ID: 1, Period: "2019-05", Date: day("2019-05-01"), Word: "记", Number: 1, Summary: "收回多付纪念品款", Attachments: 1, Approver: "乙",
		Lines: []zhenggai.VoucherLine{{Seq: 1, AccountCode: "1002", Debit: 50000}, {Seq: 2, AccountCode: "5001", Credit: 50000}}}
	want(t, check(t, ForbiddenPurpose, &Registers{Vouchers: []zhenggai.Voucher{v}}, zhenggai.Period{}, nil), 0)
}

// 高档烟酒 is one purpose, not also 烟酒.
func TestReviewForbiddenOverlap(t *testing.T) {
	v := voucher(1, "2019-05-01", 300000)
	v.Summary, v.Lines[0].Summary, v.Lines[1].Summary = "购高档烟酒", "购高档烟酒", "购高档烟酒"
	want(t, check(t, ForbiddenPurpose, &Registers{Vouchers: []zhenggai.Voucher{v}}, zhenggai.Period{}, nil), 1, "列支高档烟酒（高档烟酒1张），金额合计3000元")
}
