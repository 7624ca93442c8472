package selfcheck

import (
	"slices"
	"testing"

	"zhenggai"
)

func TestExpense(t *testing.T) {
	l := func(code string, debit zhenggai.Fen) zhenggai.VoucherLine {
		return zhenggai.VoucherLine{AccountCode: code, Debit: debit}
	}
	for _, tc := range []struct {
		name  string
		lines []zhenggai.VoucherLine
		want  zhenggai.Fen
	}{
		{"expense only", []zhenggai.VoucherLine{l("5101", 300), l("5102", 200), l("1002", 0)}, 500},
		{"both sides: expense, never added", []zhenggai.VoucherLine{l("5101", 300), l("7201", 300)}, 300},
		{"budget only", []zhenggai.VoucherLine{l("7201", 800), l("8001", 0)}, 800},
		{"neither", []zhenggai.VoucherLine{l("1001", 800), l("2001", 800)}, 0},
		{"a line on expense accounts, only credited: that side, nothing spent", []zhenggai.VoucherLine{{AccountCode: "5101", Credit: 100}, l("7201", 100)}, 0},
	} {
		if got := Expense(tc.lines, []string{"5"}, []string{"7"}); got != tc.want {
			t.Errorf("%s: %d, want %d", tc.name, got, tc.want)
		}
	}
}

func TestVoucherApproval(t *testing.T) {
	ok := voucher(1, "2019-03-01", 100)
	unsigned := voucher(2, "2019-03-02", 100)
	unsigned.Approver = " "
	unposted := voucher(3, "2018-04-02", 100)
	unposted.Approver, unposted.Poster = "", ""
	outside := voucher(4, "2015-04-02", 100)
	outside.Approver = ""
	for _, tc := range []struct {
		name  string
		vs    []zhenggai.Voucher
		n     int
		texts []string
	}{
		{"signed", []zhenggai.Voucher{ok, outside}, 0, nil},
		{"booked and not booked", []zhenggai.Voucher{ok, unsigned, unposted, outside}, 1,
			[]string{"2018年至2019年有2张记账凭证无审核人签字，其中1张未经审核即已记账"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want(t, check(t, VoucherApproval, &Registers{Vouchers: tc.vs}, period("2016-01-01", "2020-12-31"), nil), tc.n, tc.texts...)
		})
	}
}

func TestVoucherPurpose(t *testing.T) {
	ok := voucher(1, "2019-03-01", 100)
	noDocs := voucher(2, "2019-03-02", 12345)
	noDocs.Attachments = 0
	noPurpose := voucher(3, "2019-03-03", 500)
	noPurpose.Summary = ""
	transfer := voucher(4, "2019-03-04", 100)
	transfer.Lines[0].AccountCode = "1201"
	transfer.Attachments, transfer.Summary = 0, ""
	for _, tc := range []struct {
		name  string
		vs    []zhenggai.Voucher
		n     int
		texts []string
	}{
		{"complete, and a transfer without either", []zhenggai.Voucher{ok, transfer}, 0, nil},
		{"no documents, no purpose", []zhenggai.Voucher{ok, noDocs, noPurpose}, 2,
			[]string{"2019年有1张支出凭证未附原始单据，涉及金额123.45元", "2019年有1张支出凭证摘要未写明用途，涉及金额5元"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want(t, check(t, VoucherPurpose, &Registers{Vouchers: tc.vs}, zhenggai.Period{}, nil), tc.n, tc.texts...)
		})
	}
}

func TestLargeExpense(t *testing.T) {
	decision := func(id int64, typ, date string, amount zhenggai.Fen) zhenggai.Meeting {
		m := meeting(id, typ, date)
		m.Items = []zhenggai.AgendaItem{item(id*10, zhenggai.ItemLargeFund, amount)}
		return m
	}
	linked := func(v zhenggai.Voucher, item int64) zhenggai.Voucher { v.DecisionItemID = item; return v }
	const y1 = 1000000 // 10000元
	for _, tc := range []struct {
		name  string
		ms    []zhenggai.Meeting
		vs    []zhenggai.Voucher
		set   map[string]string
		n     int
		texts []string
	}{
		{"below the threshold", nil, []zhenggai.Voucher{voucher(1, "2019-05-01", y1-1)}, nil, 0, nil},
		{"exactly the threshold, no decision", nil, []zhenggai.Voucher{voucher(1, "2019-05-01", y1)}, nil, 1,
			[]string{"2019年有1笔单笔1万元以上开支未经党组会议研究，金额合计1万元"}},
		{"linked decision the day before", []zhenggai.Meeting{decision(1, "党组会议", "2019-04-30", 0)},
			[]zhenggai.Voucher{linked(voucher(1, "2019-05-01", y1), 10)}, nil, 0, nil},
		{"linked decision the same day", []zhenggai.Meeting{decision(1, "党组会议", "2019-05-01", y1)},
			[]zhenggai.Voucher{linked(voucher(1, "2019-05-01", y1), 10)}, nil, 1, []string{"其中1笔系开支当日或事后才上会研究"}},
		{"linked decision after", []zhenggai.Meeting{decision(1, "党组会议", "2019-06-01", y1)},
			[]zhenggai.Voucher{linked(voucher(1, "2019-05-01", y1), 10)}, nil, 1, []string{"事后"}},
		{"linked to another body's decision", []zhenggai.Meeting{decision(1, "主席会议", "2019-04-01", y1)},
			[]zhenggai.Voucher{linked(voucher(1, "2019-05-01", y1), 10)}, nil, 1, nil},
		{"unlinked, an earlier decision covering it", []zhenggai.Meeting{decision(1, "党组会议", "2018-12-01", 2*y1)},
			[]zhenggai.Voucher{voucher(1, "2019-05-01", y1+50)}, nil, 0, nil},
		{"unlinked, an earlier decision too small", []zhenggai.Meeting{decision(1, "党组会议", "2018-12-01", y1)},
			[]zhenggai.Voucher{voucher(1, "2019-05-01", y1+50)}, nil, 1, nil},
		{"unlinked, a decision the same day", []zhenggai.Meeting{decision(1, "党组会议", "2019-05-01", 2*y1)},
			[]zhenggai.Voucher{voucher(1, "2019-05-01", y1)}, nil, 1, nil},
		{"seed: 23 over four years", nil, func() []zhenggai.Voucher {
			var vs []zhenggai.Voucher
			for i := range 23 {
				vs = append(vs, voucher(int64(i+1), []string{"2016", "2017", "2018", "2019"}[i%4]+"-05-01", 2*y1))
			}
			return vs
		}(), nil, 1, []string{"2016年至2019年有23笔单笔1万元以上开支未经党组会议研究，金额合计46万元"}},
		{"threshold setting", nil, []zhenggai.Voucher{voucher(1, "2019-05-01", y1)}, map[string]string{"threshold": "50000"}, 0, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want(t, check(t, LargeExpense, &Registers{Meetings: tc.ms, Vouchers: tc.vs}, zhenggai.Period{}, tc.set), tc.n, tc.texts...)
		})
	}
}

func TestForbiddenPurpose(t *testing.T) {
	gift := voucher(1, "2019-03-01", 50000)
	gift.Summary = "购买纪念品"
	card := voucher(2, "2019-03-02", 20000)
	card.Lines[0].Summary = "慰问购物卡"
	loaded := voucher(3, "2019-03-03", 100)
	for _, tc := range []struct {
		name  string
		vs    []zhenggai.Voucher
		lines map[int64][]string
		set   map[string]string
		n     int
		texts []string
	}{
		{"office supplies", []zhenggai.Voucher{voucher(9, "2019-01-01", 100)}, nil, nil, 0, nil},
		{"summary and line", []zhenggai.Voucher{gift, card}, nil, nil, 1,
			[]string{"2019年有2张凭证摘要列支纪念品、购物卡（纪念品1张、购物卡1张），金额合计700元"}},
		{"line summary the loader read", []zhenggai.Voucher{loaded}, map[int64][]string{3: {"土特产"}}, nil, 1, []string{"土特产1张"}},
		{"word list set", []zhenggai.Voucher{gift}, nil, map[string]string{"words": "会员卡"}, 0, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want(t, check(t, ForbiddenPurpose, &Registers{Vouchers: tc.vs, LineSummaries: tc.lines}, zhenggai.Period{}, tc.set), tc.n, tc.texts...)
		})
	}
}

func TestOverStandard(t *testing.T) {
	bags := func(id int64, amount zhenggai.Fen) zhenggai.Voucher {
		v := voucher(id, "2019-05-0"+string(rune('0'+id)), amount)
		v.Summary = "购买会议用真皮文件袋"
		return v
	}
	atCeiling := bags(1, 200000) // 2000元: within the default ceiling
	over := bags(2, 200001)      // 2000.01元
	line := voucher(3, "2018-04-01", 600000)
	line.Lines[0].Summary = "会议用品" // 6000元 > 5000元, named on a line only
	loaded := voucher(4, "2018-04-02", 300000)
	for _, tc := range []struct {
		name  string
		vs    []zhenggai.Voucher
		lines map[int64][]string
		set   map[string]string
		n     int
		texts []string
	}{
		{"at the ceiling", []zhenggai.Voucher{atCeiling}, nil, nil, 0, nil},
		{"a fen over it", []zhenggai.Voucher{atCeiling, over}, nil, nil, 1,
			[]string{"超标准购买，2019年有1张凭证购买文件袋1张（每张凭证限额2000元）超过标准，金额合计2000.01元，超出0.01元"}},
		{"on a line, and a line the loader read", []zhenggai.Voucher{over, line, loaded}, map[int64][]string{4: {"文件袋（真皮）"}}, nil, 1,
			[]string{"2018年至2019年有3张凭证购买文件袋2张（每张凭证限额2000元）、会议用品1张（每张凭证限额5000元）超过标准"}},
		{"ceiling set higher", []zhenggai.Voucher{over}, nil, map[string]string{"over_standard": "文件袋：3000元"}, 0, nil},
		{"list set lower, an unreadable item left out", []zhenggai.Voucher{atCeiling}, nil, map[string]string{"over_standard": "文件袋:1999.99\n台历"}, 1,
			[]string{"文件袋1张（每张凭证限额1999.99元）"}},
		{"list cleared: the default", []zhenggai.Voucher{over}, nil, map[string]string{"over_standard": " "}, 1, nil},
		{"not named", []zhenggai.Voucher{voucher(5, "2019-01-01", 900000)}, nil, nil, 0, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want(t, check(t, ForbiddenPurpose, &Registers{Vouchers: tc.vs, LineSummaries: tc.lines}, zhenggai.Period{}, tc.set), tc.n, tc.texts...)
		})
	}
	if w := ForbiddenWords(nil); !slices.Contains(w, "文件袋") || !slices.Contains(w, "纪念品") {
		t.Errorf("the loader reads vouchers for %v, want the forbidden words and the over-standard items", w)
	}
}
