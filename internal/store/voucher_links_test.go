package store_test

import (
	"fmt"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// TestMoveVoucherLinks: migration 24 moves the links kept as settings
// (vouchers.link.<period>.<word>.<number>, even of a voucher no longer
// there) and on vouchers into voucher_links, once each, and empties both.
func TestMoveVoucherLinks(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, _, _ := seedRound(t, st)
		unit := r.UnitID
		_, err := st.ImportVouchers(ctx, importOf(unit, testVoucher("2019-03", 20, 2, "购置电脑", 5_000_000),
			testVoucher("2019-03", 21, 3, "购置车辆", 9_000_000)))
		if err != nil {
			t.Fatal(err)
		}
		raw := env.Raw(t)
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		var meeting, item, item2 int64
		must(raw.QueryRow(`INSERT INTO meetings (unit_id, type, book, number, date, created_at) VALUES (?, '党组会议', '党组会议', 2, '2019-03-01', '2019-03-01T00:00:00Z') RETURNING id`, unit).Scan(&meeting))
		must(raw.QueryRow(`INSERT INTO meeting_items (unit_id, meeting_id, seq, title, kind, amount) VALUES (?, ?, 1, '购置办公电脑', 'large_fund', 6000000) RETURNING id`, unit, meeting).Scan(&item))
		must(raw.QueryRow(`INSERT INTO meeting_items (unit_id, meeting_id, seq, title, kind, amount) VALUES (?, ?, 2, '购置车辆', 'large_fund', 9000000) RETURNING id`, unit, meeting).Scan(&item2))
		// The old way: 记-2 as a setting and on its voucher, 记-3 only on
		// its voucher (the bulk writer's), 记-9 a setting whose voucher a
		// re-import dropped, 记-7 a setting of an item gone.
		for name, v := range map[string]int64{"vouchers.link.2019-03.记.2": item, "vouchers.link.2019-03.记.9": item2,
			"vouchers.link.2019-03.记.7": 99999} {
			_, err := raw.Exec(`INSERT INTO settings (unit_id, name, value) VALUES (?, ?, ?)`, unit, name, fmt.Sprint(v))
			must(err)
		}
		_, err = raw.Exec(`UPDATE vouchers SET decision_item_id = ? WHERE number = 2`, item)
		must(err)
		_, err = raw.Exec(`UPDATE vouchers SET decision_item_id = ? WHERE number = 3`, item2)
		must(err)
		must(store.MoveVoucherLinksForTest(ctx, st))

		got := map[int]int64{}
		rows, err := raw.Query(`SELECT number, decision_item_id FROM voucher_links WHERE unit_id = ? AND voided_at IS NULL`, unit)
		must(err)
		for rows.Next() {
			var n int
			var id int64
			must(rows.Scan(&n, &id))
			if _, dup := got[n]; dup {
				t.Errorf("记-%d moved twice", n)
			}
			got[n] = id
		}
		rows.Close()
		if len(got) != 3 || got[2] != item || got[3] != item2 || got[9] != item2 {
			t.Errorf("moved %v", got)
		}
		var left int
		must(raw.QueryRow(`SELECT COUNT(*) FROM settings WHERE name LIKE 'vouchers.link.%' AND value <> ''`).Scan(&left))
		if left != 0 {
			t.Errorf("%d link settings left", left)
		}
		must(raw.QueryRow(`SELECT COUNT(*) FROM vouchers WHERE decision_item_id IS NOT NULL`).Scan(&left))
		if left != 0 {
			t.Errorf("%d vouchers still hold a link", left)
		}
		march, err := st.Vouchers(ctx, store.VoucherQuery{UnitID: unit})
		must(err)
		if march.Vouchers[0].DecisionItemID != item || march.Vouchers[1].DecisionItemID != item2 {
			t.Errorf("read links %+v", march.Vouchers)
		}
	})
}

// TestEditLinkedMeeting: a meeting whose 大额资金 item a voucher is linked
// to can still be edited (its items keep their ids, the link stays); an
// item so linked cannot be deleted.
func TestEditLinkedMeeting(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, _, _ := seedRound(t, st)
		mt := &zhenggai.Meeting{UnitID: r.UnitID, Type: "党组会议", Date: zhenggai.NewDate(2019, 3, 1),
			Attendance: []zhenggai.Attendance{{Name: "覃丽", Presence: zhenggai.Present}},
			Items: []zhenggai.AgendaItem{{Title: "购置电脑", Kind: zhenggai.ItemLargeFund, Amount: 6000000},
				{Title: "学习文件", Kind: zhenggai.ItemOrdinary}}}
		if err := st.SaveMeeting(ctx, mt); err != nil {
			t.Fatal(err)
		}
		item := mt.Items[0].ID
		if _, err := st.ImportVouchers(ctx, importOf(r.UnitID, testVoucher("2019-03", 20, 2, "购置电脑", 5_000_000))); err != nil {
			t.Fatal(err)
		}
		p, _ := st.Vouchers(ctx, store.VoucherQuery{UnitID: r.UnitID})
		if _, err := st.LinkVoucher(ctx, p.Vouchers[0].ID, 1, item); err != nil {
			t.Fatal(err)
		}
		mt.Place, mt.Items[0].Decision = "会议室", "同意购置"
		if err := st.SaveMeeting(ctx, mt); err != nil {
			t.Fatalf("edit of a linked meeting: %v", err)
		}
		if mt.Items[0].ID != item {
			t.Errorf("item id %d, was %d", mt.Items[0].ID, item)
		}
		got, err := st.Meeting(ctx, mt.ID)
		if err != nil || len(got.Items) != 2 || got.Items[0].Decision != "同意购置" || got.Items[1].Title != "学习文件" {
			t.Fatalf("after edit %+v %v", got, err)
		}
		if v, _ := st.Voucher(ctx, p.Vouchers[0].ID); v.DecisionItemID != item {
			t.Errorf("link after edit: %d", v.DecisionItemID)
		}
		// The ordinary item may go; the linked one may not.
		got.Items = got.Items[:1]
		if err := st.SaveMeeting(ctx, got); err != nil {
			t.Fatalf("dropping an unlinked item: %v", err)
		}
		got.Items = nil
		if err := st.SaveMeeting(ctx, got); zhenggai.ErrorCode(err) != zhenggai.EINVALID || !strings.Contains(zhenggai.ErrorMessage(err), "已被财务凭证关联过") {
			t.Errorf("deleting the linked item: %v", err)
		}
	})
}
