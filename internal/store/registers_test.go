package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/selfcheck"
	"zhenggai/internal/testkit"
)

// ins inserts a row with SQL and returns its id.
func ins(t *testing.T, raw *testkit.Raw, table, cols string, args ...any) int64 {
	t.Helper()
	q := "INSERT INTO " + table + " (" + cols + ") VALUES (" + strings.TrimSuffix(strings.Repeat("?, ", len(args)), ", ") + ") RETURNING id"
	var id int64
	if err := raw.QueryRow(q, args...).Scan(&id); err != nil {
		t.Fatalf("%s: %v", table, err)
	}
	return id
}

const now = "2020-01-01T00:00:00Z"

func insMeeting(t *testing.T, raw *testkit.Raw, unit int64, typ, book string, n int, date string, voided bool) int64 {
	id := ins(t, raw, "meetings", "unit_id, type, book, number, date, chair_name, created_at", unit, typ, book, n, date, "甲", now)
	if voided {
		if _, err := raw.Exec(`UPDATE meetings SET voided_at = ? WHERE id = ?`, now, id); err != nil {
			t.Fatal(err)
		}
	}
	return id
}

func insVoucher(t *testing.T, raw *testkit.Raw, unit int64, date string, n int, summary, approver string, item int64, lines ...zhenggai.VoucherLine) int64 {
	id := ins(t, raw, "vouchers", "unit_id, period, date, word, number, summary, attachments, approver, imported_at",
		unit, date[:7], date, "记", n, summary, 1, approver, now)
	if item != 0 { // the link is kept by 凭证字号 (voucher_links)
		ins(t, raw, "voucher_links", "unit_id, period, word, number, decision_item_id, created_at", unit, date[:7], "记", n, item, now)
	}
	for i, l := range lines {
		ins(t, raw, "voucher_lines", "unit_id, voucher_id, seq, summary, account_code, debit, credit",
			unit, id, i+1, l.Summary, l.AccountCode, int64(l.Debit), int64(l.Credit))
	}
	return id
}

// TestVoucherExpensesSQL: the expense computed in SQL equals
// selfcheck.Expense on the same lines, for varied lines and prefixes.
func TestVoucherExpensesSQL(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		r, _, _, _ := seedRound(t, env.Store)
		raw := env.Raw(t)
		rng := rand.New(rand.NewPCG(14, 6))
		codes := []string{"5101", "5", "510201", "7201", "7", "1002", "2301", "", "57", "75"}
		lines := map[int64][]zhenggai.VoucherLine{}
		for n := 1; n <= 120; n++ {
			var ls []zhenggai.VoucherLine
			for range rng.IntN(5) {
				l := zhenggai.VoucherLine{AccountCode: codes[rng.IntN(len(codes))]}
				if rng.IntN(3) == 0 {
					l.Credit = zhenggai.Fen(rng.IntN(100000))
				} else {
					l.Debit = zhenggai.Fen(rng.IntN(100000) - 1000) // now and then a red (negative) entry
				}
				ls = append(ls, l)
			}
			lines[insVoucher(t, raw, r.UnitID, fmt.Sprintf("2019-%02d-01", n%12+1), n, "x", "乙", 0, ls...)] = ls
		}
		// The loader's own query, with every expense of a fen or more read.
		if err := env.Store.SaveNamedSettings(actx(), r.UnitID, map[string]string{"selfcheck.large_expense.threshold": "0.01"}); err != nil {
			t.Fatal(err)
		}
		regs, err := env.Store.Registers(actx(), r.UnitID, zhenggai.Period{})
		if err != nil {
			t.Fatal(err)
		}
		loaded := map[int64]bool{}
		for _, v := range regs.Vouchers {
			loaded[v.ID] = true
			if want := selfcheck.Expense(lines[v.ID], []string{"5"}, []string{"7"}); regs.Expenses[v.ID] != want {
				t.Errorf("loader: voucher %d SQL %d, Go %d", v.ID, regs.Expenses[v.ID], want)
			}
		}
		for id, ls := range lines {
			if selfcheck.Expense(ls, []string{"5"}, []string{"7"}) >= 1 && !loaded[id] {
				t.Errorf("voucher %d with an expense over the threshold not loaded", id)
			}
		}
		for _, pf := range [][2][]string{{{"5"}, {"7"}}, {{"510", "57"}, {"72", "75"}}, {{"5"}, nil}, {nil, nil}} {
			got, err := env.Store.VoucherExpenses(actx(), r.UnitID, "2019-01-01", "2019-12-31", pf[0], pf[1])
			if err != nil {
				t.Fatal(err)
			}
			for id, ls := range lines {
				if want := selfcheck.Expense(ls, pf[0], pf[1]); got[id] != want {
					t.Errorf("prefixes %v: voucher %d SQL %d, Go %d (%+v)", pf, id, got[id], want, ls)
				}
			}
		}
	})
}

// TestRegisters: the loader reads the registers' tables (voided rows
// left out, older decisions kept) and the rules find what is in them.
func TestRegisters(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st := env.Store
		r, _, _, _ := seedRound(t, st)
		u := r.UnitID
		raw := env.Raw(t)
		// A 党组会议 of 2018 decided 50万元 (within the year a decision may back); a 2018 one in the 主席会议 book;
		// a voided one; a 2019 one where the chair spoke first.
		old := insMeeting(t, raw, u, "党组会议", "党组会议", 3, "2018-09-01", false)
		oldItem := ins(t, raw, "meeting_items", "unit_id, meeting_id, seq, title, kind, amount", u, old, 1, "购置车辆", "large_fund", 50000000)
		insMeeting(t, raw, u, "党组会议", "主席会议", 1, "2018-05-01", false)
		insMeeting(t, raw, u, "党组会议", "主席会议", 2, "2018-06-01", true)
		m := insMeeting(t, raw, u, "党组会议", "党组会议", 1, "2019-03-05", false)
		if _, err := raw.Exec(`UPDATE meetings SET chair_id = NULL, chair_name = '甲' WHERE id = ?`, m); err != nil {
			t.Fatal(err)
		}
		for i, n := range []string{"甲", "乙", "丙"} {
			ins(t, raw, "meeting_attendance", "unit_id, meeting_id, seq, name, presence", u, m, i+1, n, "present")
		}
		it := ins(t, raw, "meeting_items", "unit_id, meeting_id, seq, title, kind, amount", u, m, 1, "维修", "major_decision", 0)
		for i, n := range []string{"甲", "乙", "丙"} {
			ins(t, raw, "meeting_statements", "unit_id, item_id, seq, name, position", u, it, i+1, n, "agree")
		}
		exp := func(a zhenggai.Fen, summary string) []zhenggai.VoucherLine {
			return []zhenggai.VoucherLine{{Summary: summary, AccountCode: "5101", Debit: a}, {AccountCode: "7201", Debit: a}, {AccountCode: "1002", Credit: a}}
		}
		insVoucher(t, raw, u, "2019-04-01", 1, "购车", "乙", 0, exp(30000000, "购车")...)      // backed by the 2018 decision
		insVoucher(t, raw, u, "2019-04-02", 2, "会议费", "乙", 0, exp(60000000, "会议费")...)    // more than decided: not backed
		insVoucher(t, raw, u, "2019-04-03", 3, "慰问", "", 0, exp(50000, "购买购物卡")...)       // unsigned, a forbidden line
		insVoucher(t, raw, u, "2019-04-04", 4, "维修", "乙", oldItem, exp(1000000, "维修")...) // linked
		insVoucher(t, raw, u, "2019-04-05", 6, "办公用品", "乙", 0, exp(10000, "办公用品")...)     // keeps every rule: not read
		insVoucher(t, raw, u, "2014-04-04", 5, "旧账", "", 0, exp(9000000, "纪念品")...)       // before the period
		// Dues: one member paying 抹零头, one voided.
		mb := ins(t, raw, "dues_members", "unit_id, name, kind, joined, created_at", u, "张三", "in_service", "2019-01", now)
		ins(t, raw, "dues_bases", "unit_id, member_id, year, base", u, mb, 2019, 456789)
		for mo := 1; mo <= 12; mo++ {
			ins(t, raw, "dues_payments", "unit_id, member_id, month, paid", u, mb, fmt.Sprintf("2019-%02d", mo), 4500)
		}
		gone := ins(t, raw, "dues_members", "unit_id, name, kind, joined, created_at, voided_at", u, "李四", "student", "2019-01", now, now)
		ins(t, raw, "dues_payments", "unit_id, member_id, month, paid", u, gone, "2019-01", 1)

		p := zhenggai.Period{Start: zhenggai.NewDate(2016, 1, 1), End: zhenggai.NewDate(2019, 12, 31)}
		regs, err := st.Registers(actx(), u, p)
		if err != nil {
			t.Fatal(err)
		}
		if len(regs.Meetings) != 3 || len(regs.Vouchers) != 4 || len(regs.Members) != 1 || len(regs.Payments) != 12 || len(regs.Bases) != 1 {
			t.Fatalf("loaded %d meetings, %d vouchers, %d members, %d payments, %d bases",
				len(regs.Meetings), len(regs.Vouchers), len(regs.Members), len(regs.Payments), len(regs.Bases))
		}
		if got := regs.Meetings[2].Items[0].Statements; len(got) != 3 || got[2].Name != "丙" {
			t.Errorf("statements %+v", got)
		}
		findings, err := st.SelfCheck(actx(), u, p, nil)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, f := range findings {
			got[f.Rule] += f.Text
		}
		for rule, text := range map[string]string{
			"meeting_book":      "2018年有1次党组会议记录在主席会议记录本中",
			"chair_last":        "2019年3月5日第1次党组会议",
			"large_expense":     "2019年有1笔单笔1万元以上开支未经党组会议研究，金额合计60万元",
			"voucher_approval":  "2019年有1张记账凭证无审核人签字",
			"forbidden_purpose": "购物卡1张",
			"dues":              "抹零头",
		} {
			if !strings.Contains(got[rule], text) {
				t.Errorf("%s: %q lacks %q", rule, got[rule], text)
			}
		}
		for _, rule := range []string{"statements", "major_matters", "voucher_purpose"} {
			if got[rule] != "" {
				t.Errorf("%s: %s", rule, got[rule])
			}
		}
		// Several units at once give each unit's findings in order.
		unit, err := st.Unit(actx(), u)
		if err != nil {
			t.Fatal(err)
		}
		var dones []int
		per, err := st.SelfCheckUnits(actx(), []zhenggai.Unit{*unit, *unit, *unit}, p, func(n int) { dones = append(dones, n) })
		if err != nil {
			t.Fatal(err)
		}
		if len(per) != 3 || fmt.Sprint(dones) != "[1 2 3]" {
			t.Fatalf("%d units, done %v", len(per), dones)
		}
		for i, fs := range per {
			if fmt.Sprint(fs) != fmt.Sprint(findings) {
				t.Errorf("unit %d: %d findings, not the %d of SelfCheck", i, len(fs), len(findings))
			}
		}
		cancelled, cancel := context.WithCancel(actx())
		cancel()
		if _, err := st.SelfCheckUnits(cancelled, []zhenggai.Unit{*unit, *unit}, p, nil); err == nil {
			t.Error("a cancelled check returned no error")
		}
		// The findings become a round of 自查: a category per area, a
		// problem per finding, its records linked.
		round, err := st.CreateSelfCheckRound(actx(), u, p, findings)
		if err != nil {
			t.Fatal(err)
		}
		if round.Kind != zhenggai.KindSelfInspection || round.UnitID != u {
			t.Errorf("round %+v", round)
		}
		l, err := st.Ledger(actx(), round.ID, zhenggai.NewDate(2020, 1, 1))
		if err != nil {
			t.Fatal(err)
		}
		var cats []string
		problems := 0
		for _, c := range l.Categories {
			cats = append(cats, c.Title)
			for _, pb := range c.Problems {
				problems++
				if strings.Contains(pb.Title, "记账凭证无审核人签字") {
					recs, err := st.ProblemRecords(actx(), pb.ID)
					if err != nil || len(recs) != 1 || recs[0].Kind != "voucher" || recs[0].Label != "记-3号（2019年4月）" {
						t.Errorf("records of %q: %+v, %v", pb.Title, recs, err)
					}
				}
			}
		}
		if strings.Join(cats, ",") != "理论学习,会议制度,三重一大,财务管理,党费收缴" || problems != len(findings) { // 理论学习: the 中心组 rule (study_frequency)
			t.Errorf("categories %v, %d problems of %d findings", cats, problems, len(findings))
		}
		if _, err := st.CreateSelfCheckRound(actx(), u, p, nil); err == nil {
			t.Error("a round without findings")
		}
		// A unit's settings reach the rules: a threshold of 100万元 leaves none.
		if err := st.SaveNamedSettings(actx(), u, map[string]string{"selfcheck.large_expense.threshold": "1000000"}); err != nil {
			t.Fatal(err)
		}
		findings, _ = st.SelfCheck(actx(), u, p, nil)
		for _, f := range findings {
			if f.Rule == "large_expense" {
				t.Errorf("threshold setting not read: %s", f.Text)
			}
		}
	})
}
