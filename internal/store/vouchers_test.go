package store_test

import (
	"fmt"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// testVoucher is a balanced voucher paying amount from an expense account.
func testVoucher(period string, day, number int, summary string, amount zhenggai.Fen) zhenggai.Voucher {
	var y, m int
	fmt.Sscanf(period, "%d-%d", &y, &m)
	return zhenggai.Voucher{Period: period, Date: zhenggai.NewDate(y, m, day), Word: "记", Number: number, Summary: summary,
		Maker: "王芳", Lines: []zhenggai.VoucherLine{
			{Summary: summary, AccountCode: "5001", AccountName: "业务活动费用", Debit: amount},
			{Summary: summary + "（付款）", AccountCode: "1011", AccountName: "零余额账户用款额度", Credit: amount}}}
}

func importOf(unit int64, vs ...zhenggai.Voucher) *store.VoucherImport {
	im := &store.VoucherImport{UnitID: unit, FileName: "序时账.xlsx", SHA256: "ab"}
	seen := map[string]bool{}
	for _, v := range vs {
		if !seen[v.Period] {
			seen[v.Period] = true
			im.Periods = append(im.Periods, v.Period)
		}
	}
	for i := range vs {
		im.Vouchers = append(im.Vouchers, &vs[i])
	}
	return im
}

// TestVouchers: imports replace whole periods, lists filter and page,
// links to decisions are proposed, kept, audited and survive re-imports.
func TestVouchers(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, _, _ := seedRound(t, st)
		unit := r.UnitID
		a := testVoucher("2019-03", 5, 1, "支付办公用品费", 126050)
		a.Approver, a.Attachments = "李明", 2
		b := testVoucher("2019-03", 20, 2, "购置电脑", 5_000_000)
		c := testVoucher("2019-04", 2, 1, "支付印刷费", 30000)
		res, err := st.ImportVouchers(ctx, importOf(unit, a, b, c))
		if err != nil {
			t.Fatal(err)
		}
		if res.Vouchers != 3 || res.Lines != 6 || res.Replaced != 0 || res.ID == 0 {
			t.Fatalf("import: %+v", res)
		}
		all, err := st.Vouchers(ctx, store.VoucherQuery{UnitID: unit})
		if err != nil || all.Total != 3 || all.Debit != 126050+5_000_000+30000 || len(all.Vouchers) != 3 {
			t.Fatalf("list: %+v %v", all, err)
		}
		for _, c := range []struct {
			q    store.VoucherQuery
			want string
		}{
			{store.VoucherQuery{Period: "2019-03"}, "记-1 记-2"},
			{store.VoucherQuery{Word: "记", Number: 2}, "记-2"},
			{store.VoucherQuery{Keyword: "电脑"}, "记-2"},
			{store.VoucherQuery{Keyword: "（付款）", Period: "2019-04"}, "记-1"}, // a line's 摘要
			{store.VoucherQuery{MinAmount: 126050}, "记-1 记-2"},
			{store.VoucherQuery{NoApprover: true}, "记-2 记-1"},
			{store.VoucherQuery{NoAttachments: true, Period: "2019-03"}, "记-2"},
			{store.VoucherQuery{Limit: 1, Offset: 1}, "记-2"},
		} {
			c.q.UnitID = unit
			p, err := st.Vouchers(ctx, c.q)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			for i, v := range p.Vouchers {
				if i > 0 {
					got += " "
				}
				got += v.Ref()
			}
			if got != c.want {
				t.Errorf("%+v: %q, want %q", c.q, got, c.want)
			}
		}
		one, err := st.Voucher(ctx, all.Vouchers[1].ID)
		if err != nil || one.Summary != "购置电脑" || len(one.Lines) != 2 || one.Lines[1].Credit != 5_000_000 ||
			one.Lines[1].Summary != "购置电脑（付款）" || one.Date != zhenggai.NewDate(2019, 3, 20) || one.Version != 1 {
			t.Fatalf("voucher: %+v %v", one, err)
		}
		periods, err := st.VoucherPeriods(ctx, unit)
		if err != nil || len(periods) != 2 || periods[0].Period != "2019-04" || periods[1].Vouchers != 2 {
			t.Fatalf("periods %+v %v", periods, err)
		}

		// A meeting decided 60,000元 for the computer on 1 March.
		raw := env.Raw(t)
		var meeting, item, ordinary int64
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		must(raw.QueryRow(`INSERT INTO meetings (unit_id, type, book, number, date, created_at) VALUES (?, '党组会议', '党组会议', 2, '2019-03-01', '2019-03-01T00:00:00Z') RETURNING id`, unit).Scan(&meeting))
		must(raw.QueryRow(`INSERT INTO meeting_items (unit_id, meeting_id, seq, title, kind, amount) VALUES (?, ?, 1, '购置办公电脑', 'large_fund', 6000000) RETURNING id`, unit, meeting).Scan(&item))
		must(raw.QueryRow(`INSERT INTO meeting_items (unit_id, meeting_id, seq, title, kind, amount) VALUES (?, ?, 2, '学习文件', 'ordinary', 0) RETURNING id`, unit, meeting).Scan(&ordinary))
		var later int64
		must(raw.QueryRow(`INSERT INTO meetings (unit_id, type, book, number, date, created_at) VALUES (?, '党组会议', '党组会议', 3, '2019-03-25', '2019-03-25T00:00:00Z') RETURNING id`, unit).Scan(&later))
		must(raw.QueryRow(`INSERT INTO meeting_items (unit_id, meeting_id, seq, title, kind, amount) VALUES (?, ?, 1, '维修办公楼', 'large_fund', 9000000) RETURNING id`, unit, later).Scan(new(int64)))

		exp, bud, err := st.VoucherPrefixes(ctx, unit)
		must(err)
		prop, err := st.ProposeDecisions(ctx, one, one.Expense(exp, bud), 5)
		// The later meeting comes after the voucher: not proposed.
		if err != nil || len(prop) != 1 || prop[0].ID != item || prop[0].MeetingNumber != 2 || prop[0].Amount != 6000000 {
			t.Fatalf("proposals %+v %v", prop, err)
		}
		if all, _ := st.DecisionItems(ctx, unit); len(all) != 2 || all[0].Title != "维修办公楼" {
			t.Errorf("decision items %+v", all)
		}
		if _, err := st.LinkVoucher(ctx, one.ID, one.Version, ordinary); zhenggai.ErrorCode(err) != zhenggai.EINVALID {
			t.Errorf("ordinary item linked: %v", err)
		}
		linked, err := st.LinkVoucher(ctx, one.ID, one.Version, item)
		if err != nil || linked.DecisionItemID != item || linked.Version != 2 {
			t.Fatalf("link: %+v %v", linked, err)
		}
		if _, err := st.LinkVoucher(ctx, one.ID, one.Version, 0); zhenggai.ErrorCode(err) != zhenggai.ECONFLICT {
			t.Errorf("stale link: %v", err)
		}
		// One place keeps the link: its row, not the voucher nor a setting.
		lk, err := st.VoucherLinkOf(ctx, linked)
		if err != nil || lk == nil || lk.DecisionItemID != item || lk.Period != "2019-03" || lk.Word != "记" || lk.Number != 2 {
			t.Fatalf("link row %+v %v", lk, err)
		}
		var onVoucher, settings int
		must(raw.QueryRow(`SELECT COUNT(*) FROM vouchers WHERE decision_item_id IS NOT NULL`).Scan(&onVoucher))
		must(raw.QueryRow(`SELECT COUNT(*) FROM settings WHERE name LIKE 'vouchers.link.%'`).Scan(&settings))
		if onVoucher != 0 || settings != 0 {
			t.Errorf("link kept twice: %d on vouchers, %d settings", onVoucher, settings)
		}

		// Re-importing March replaces its vouchers; April stays; the link
		// carries over to the new 记-2.
		b2 := testVoucher("2019-03", 20, 2, "购置电脑（更正）", 5_000_000)
		d := testVoucher("2019-03", 31, 3, "计提折旧", 100)
		im := importOf(unit, b2, d)
		rep, err := st.VoucherReplaces(ctx, unit, im.Periods)
		if err != nil || rep["2019-03"] != 2 {
			t.Fatalf("replaces %v %v", rep, err)
		}
		res2, err := st.ImportVouchers(ctx, im)
		if err != nil || res2.Replaced != 2 || res2.Relinked != 1 || res2.Vouchers != 2 {
			t.Fatalf("re-import %+v %v", res2, err)
		}
		march, _ := st.Vouchers(ctx, store.VoucherQuery{UnitID: unit, Period: "2019-03"})
		april, _ := st.Vouchers(ctx, store.VoucherQuery{UnitID: unit, Period: "2019-04"})
		if march.Total != 2 || april.Total != 1 || march.Vouchers[0].Summary != "购置电脑（更正）" ||
			march.Vouchers[0].DecisionItemID != item || march.Vouchers[1].DecisionItemID != 0 {
			t.Fatalf("after re-import: %+v %+v", march, april)
		}
		if _, err := st.Voucher(ctx, one.ID); zhenggai.ErrorCode(err) != zhenggai.ENOTFOUND {
			t.Errorf("replaced voucher still there: %v", err)
		}
		if lk2, _ := st.VoucherLinkOf(ctx, &march.Vouchers[0]); lk2 == nil || lk2.ID != lk.ID {
			t.Errorf("link after re-import %+v, want row %d", lk2, lk.ID)
		}
		// Unlinking voids the row; the voucher is then not linked, and the
		// link's history says who linked and who unlinked.
		nb := march.Vouchers[0]
		unl, err := st.LinkVoucher(ctx, nb.ID, nb.Version, 0)
		if err != nil || unl.DecisionItemID != 0 {
			t.Fatalf("unlink %+v %v", unl, err)
		}
		if lk3, err := st.VoucherLinkOf(ctx, unl); lk3 != nil || err != nil {
			t.Errorf("live link after unlink %+v %v", lk3, err)
		}
		lh, err := st.History(ctx, "voucher_links", lk.ID)
		if err != nil || len(lh) != 2 || !strings.Contains(lh[1].After, "取消关联") {
			t.Fatalf("link history %+v %v", lh, err)
		}
		// Linked again, then to another item: the new live row changes.
		re, err := st.LinkVoucher(ctx, unl.ID, unl.Version, item)
		if err != nil || re.DecisionItemID != item {
			t.Fatalf("relink %+v %v", re, err)
		}
		if lk4, _ := st.VoucherLinkOf(ctx, re); lk4 == nil || lk4.ID == lk.ID {
			t.Errorf("relink row %+v", lk4)
		}
		var lines int
		must(raw.QueryRow(`SELECT COUNT(*) FROM voucher_lines WHERE unit_id = ?`, unit).Scan(&lines))
		if lines != 6 {
			t.Errorf("%d lines, want 6 (the replaced ones gone)", lines)
		}
		// An import is audited once, whatever its size.
		h, err := st.History(ctx, "voucher_imports", res2.ID)
		if err != nil || len(h) != 1 {
			t.Fatalf("history %v %v", h, err)
		}
		// The export reads every voucher with its lines, in order.
		var got []string
		must(st.EachVoucher(ctx, unit, func(v *zhenggai.Voucher) error {
			got = append(got, fmt.Sprintf("%s %s %d", v.Period, v.Ref(), len(v.Lines)))
			return nil
		}))
		if fmt.Sprint(got) != "[2019-03 记-2 2 2019-03 记-3 2 2019-04 记-1 2]" {
			t.Errorf("each: %v", got)
		}
		// An unbalanced voucher is refused by the store as well.
		bad := testVoucher("2019-05", 1, 1, "不平", 100)
		bad.Lines[1].Credit = 90
		if _, err := st.ImportVouchers(ctx, importOf(unit, bad)); zhenggai.ErrorCode(err) != zhenggai.EINVALID {
			t.Errorf("unbalanced: %v", err)
		}
		// Ids keep going after an import gave them (PostgreSQL's identity).
		if _, err := st.ImportVouchers(ctx, importOf(unit, testVoucher("2019-06", 1, 1, "再导入", 5))); err != nil {
			t.Fatal(err)
		}
		must(raw.QueryRow(`SELECT COUNT(*) FROM vouchers`).Scan(&lines))
		if lines != 4 {
			t.Errorf("%d vouchers", lines)
		}
	})
}
