package store_test

import (
	"errors"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/sheet"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// TestDuesMembers: a member is matched to the roster by name, two of one
// name are a question, a duplicate member is refused, a stale save is a
// conflict, and a voided member leaves the register.
func TestDuesMembers(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, _, _ := seedRound(t, st)
		u := r.UnitID
		wang := &zhenggai.Person{UnitID: u, Name: "王明", Kind: zhenggai.PersonStaff}
		li1 := &zhenggai.Person{UnitID: u, Name: "李华", Kind: zhenggai.PersonStaff}
		li2 := &zhenggai.Person{UnitID: u, Name: "李华", Kind: zhenggai.PersonLeader}
		for _, p := range []*zhenggai.Person{wang, li1, li2} {
			if err := st.SavePerson(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		m := &zhenggai.DuesMember{UnitID: u, Name: " 王 明 ", Kind: zhenggai.DuesInService, Joined: "2016-01"}
		if err := st.SaveDuesMember(ctx, m); err != nil {
			t.Fatal(err)
		}
		if m.PersonID != wang.ID || m.Version != 1 {
			t.Errorf("member %+v: want person %d", m, wang.ID)
		}
		li := &zhenggai.DuesMember{UnitID: u, Name: "李华", Kind: zhenggai.DuesRetired}
		if msg := fieldMessage(t, st.SaveDuesMember(ctx, li), "name"); !strings.Contains(msg, "两名“李华”") {
			t.Errorf("two of one name: %q", msg)
		}
		li.PersonID = li2.ID
		if err := st.SaveDuesMember(ctx, li); err != nil || li.PersonID != li2.ID {
			t.Fatalf("chosen person: %v %+v", err, li)
		}
		if msg := fieldMessage(t, st.SaveDuesMember(ctx, &zhenggai.DuesMember{UnitID: u, Name: "王明", Kind: zhenggai.DuesStudent}), "name"); msg == "" {
			t.Error("a second 王明 was entered")
		}
		if msg := fieldMessage(t, st.SaveDuesMember(ctx, &zhenggai.DuesMember{UnitID: u, Name: "赵农", Kind: zhenggai.DuesFarmer, Fixed: 150}), "fixed"); msg == "" {
			t.Error("a farmer's 1.50元 was taken")
		}
		nobody := &zhenggai.DuesMember{UnitID: u, Name: "赵农", Kind: zhenggai.DuesFarmer, Fixed: 50}
		if err := st.SaveDuesMember(ctx, nobody); err != nil || nobody.PersonID != 0 {
			t.Fatalf("not in roster: %v %+v", err, nobody)
		}
		stale := *m
		m.Kind = zhenggai.DuesRetired
		if err := st.SaveDuesMember(ctx, m); err != nil || m.Version != 2 {
			t.Fatalf("update: %v %+v", err, m)
		}
		if err := st.SaveDuesMember(ctx, &stale); zhenggai.ErrorCode(err) != zhenggai.ECONFLICT {
			t.Errorf("stale: %v", err)
		}
		if err := st.SaveDuesBase(ctx, u, zhenggai.DuesBase{MemberID: m.ID, Year: 2019, Base: 510000}); err != nil {
			t.Fatal(err)
		}
		if err := st.SaveDuesBase(ctx, u, zhenggai.DuesBase{MemberID: m.ID, Year: 2019, Base: 520000}); err != nil {
			t.Fatal(err)
		}
		if err := st.SaveDuesBase(ctx, u+1000, zhenggai.DuesBase{MemberID: m.ID, Year: 2019, Base: 1}); zhenggai.ErrorCode(err) != zhenggai.ENOTFOUND {
			t.Errorf("other unit's member: %v", err)
		}
		if err := st.SaveDuesPayment(ctx, u, zhenggai.DuesPayment{MemberID: m.ID, Month: "2019-3", Paid: 1}); err == nil {
			t.Error("month 2019-3 taken")
		}
		if err := st.SaveDuesPayment(ctx, u, zhenggai.DuesPayment{MemberID: m.ID, Month: "2019-03", Paid: 2600, PaidOn: zhenggai.NewDate(2019, 3, 5)}); err != nil {
			t.Fatal(err)
		}
		bases, _ := st.DuesBases(ctx, u, 2019)
		pays, _ := st.DuesPayments(ctx, u, "2019-01", "2019-12")
		if len(bases) != 1 || bases[0].Base != 520000 || len(pays) != 1 || pays[0].Paid != 2600 || pays[0].PaidOn != zhenggai.NewDate(2019, 3, 5) {
			t.Errorf("bases %+v payments %+v", bases, pays)
		}
		if years, err := st.DuesYears(ctx, u); err != nil || len(years) != 1 || years[0] != 2019 {
			t.Errorf("years %v %v", years, err)
		}
		if mode, _ := st.DuesRounding(ctx, u); mode != zhenggai.RoundHalfUp {
			t.Errorf("default rounding %q", mode)
		}
		if err := st.SaveDuesRounding(ctx, u, zhenggai.RoundDown); err != nil {
			t.Fatal(err)
		}
		if mode, _ := st.DuesRounding(ctx, u); mode != zhenggai.RoundDown {
			t.Errorf("rounding %q", mode)
		}
		if err := st.SaveDuesRounding(ctx, u, "up"); err == nil {
			t.Error("rounding up taken")
		}
		if err := st.Void(ctx, "dues_member", m.ID, "调出"); err != nil {
			t.Fatal(err)
		}
		list, _ := st.DuesMembers(ctx, u)
		pays, _ = st.DuesPayments(ctx, u, "", "")
		if len(list) != 2 || len(pays) != 0 {
			t.Errorf("after void: %d members, %d payments", len(list), len(pays))
		}
		mustVerify(t, st)
	})
}

// TestImportDues: a sheet's rows replace what they cover, new members are
// entered, and a bad row leaves everything as it was, each bad row named.
func TestImportDues(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, _, _ := seedRound(t, st)
		u := r.UnitID
		for _, name := range []string{"李华", "李华"} {
			if err := st.SavePerson(ctx, &zhenggai.Person{UnitID: u, Name: name, Kind: zhenggai.PersonStaff}); err != nil {
				t.Fatal(err)
			}
		}
		months := []string{"2019-01", "2019-02", "2019-03"}
		pay := func(month string, fen zhenggai.Fen) zhenggai.DuesPayment {
			return zhenggai.DuesPayment{Month: month, Paid: fen}
		}
		rows := []store.DuesImportRow{
			{Sheet: "2019年", Row: 3, Name: "王明", Kind: zhenggai.DuesInService, Bases: map[int]zhenggai.Fen{2019: 510000}, Months: months,
				Payments: []zhenggai.DuesPayment{pay("2019-01", 7650), pay("2019-02", 7700)}},
			{Sheet: "2019年", Row: 4, Name: "张三", Kind: zhenggai.DuesStudent, Months: months,
				Payments: []zhenggai.DuesPayment{pay("2019-01", 20), pay("2019-02", 20), pay("2019-03", 20)}},
		}
		res, err := st.ImportDues(ctx, u, "", rows, true)
		if err != nil {
			t.Fatal(err)
		}
		if list, _ := st.DuesMembers(ctx, u); len(list) != 0 {
			t.Fatalf("dry run wrote %d members", len(list))
		}
		if res.Members != 2 || res.NewMembers != 2 || res.Payments != 5 || res.From != "2019-01" || res.To != "2019-03" ||
			res.Preview[0].Due != 3*7650 || res.Preview[0].Paid != 15350 || strings.Join(res.Preview[0].Short, ",") != "2019-03" {
			t.Errorf("dry run: %+v", res)
		}
		if _, err := st.ImportDues(ctx, u, "", rows, false); err != nil {
			t.Fatal(err)
		}
		// Re-import: February corrected, January left blank (cleared),
		// March paid; 张三 not in the sheet keeps his.
		rows = rows[:1]
		rows[0].Payments = []zhenggai.DuesPayment{pay("2019-02", 7650), pay("2019-03", 7650)}
		res, err = st.ImportDues(ctx, u, "", rows, false)
		if err != nil || res.NewMembers != 0 {
			t.Fatalf("re-import: %v %+v", err, res)
		}
		list, _ := st.DuesMembers(ctx, u)
		pays, _ := st.DuesPayments(ctx, u, "", "")
		got := map[string]zhenggai.Fen{}
		for _, p := range pays {
			for _, m := range list {
				if m.ID == p.MemberID {
					got[m.Name+p.Month] = p.Paid
				}
			}
		}
		want := map[string]zhenggai.Fen{"王明2019-01": 0, "王明2019-02": 7650, "王明2019-03": 7650, "张三2019-01": 20, "张三2019-02": 20, "张三2019-03": 20}
		if len(got) != len(want) {
			t.Errorf("payments %v", got)
		}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s: %d, want %d", k, got[k], v)
			}
		}
		// All or nothing: a good row beside bad ones writes nothing.
		bad := []store.DuesImportRow{
			{Sheet: "2019年", Row: 3, Name: "王明", Kind: zhenggai.DuesInService, Months: months, Payments: []zhenggai.DuesPayment{pay("2019-01", 100)}},
			{Sheet: "2019年", Row: 4, Name: "李华", Kind: zhenggai.DuesRetired, Months: months},
			{Sheet: "2019年", Row: 5, Name: "孙新", Months: months},
			{Sheet: "2019年", Row: 6, Name: "赵农", Kind: zhenggai.DuesFarmer, Fixed: 500},
			{Sheet: "2019年", Row: 7, Name: "钱多", Kind: zhenggai.DuesRetired, Bases: map[int]zhenggai.Fen{2019: -1}},
			{Sheet: "2019年", Row: 8, Name: "王明", Kind: zhenggai.DuesRetired},
			{Sheet: "2019年", Row: 9, Name: "孙学", Kind: zhenggai.DuesStudent, Fixed: 50},
		}
		_, err = st.ImportDues(ctx, u, "党费表", bad, false)
		var rej *sheet.Rejected
		if !errors.As(err, &rej) || zhenggai.ErrorCode(err) != zhenggai.EINVALID {
			t.Fatalf("bad rows: %v", err)
		}
		rowsBad := map[int]bool{}
		for _, e := range rej.Rows {
			rowsBad[e.Row] = true
		}
		for _, n := range []int{4, 5, 6, 7, 8, 9} {
			if !rowsBad[n] {
				t.Errorf("row %d not named: %v", n, err)
			}
		}
		if rowsBad[3] || !strings.Contains(err.Error(), "两名“李华”") || !strings.Contains(err.Error(), "请填写类别") {
			t.Errorf("message: %v", err)
		}
		pays2, _ := st.DuesPayments(ctx, u, "", "")
		if len(pays2) != len(pays) || pays2[0].Paid != pays[0].Paid {
			t.Errorf("a rejected import wrote: %+v", pays2)
		}
		mustVerify(t, st)
	})
}
