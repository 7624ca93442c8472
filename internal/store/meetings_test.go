package store_test

import (
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// seedMeeting enters two leaders and a staff member, and a 党组会议 with a
// 大额资金 item on which both leaders spoke.
func seedMeeting(t *testing.T, st *store.Store, unitID int64) *zhenggai.Meeting {
	t.Helper()
	ctx := actx()
	for _, p := range []*zhenggai.Person{
		{UnitID: unitID, Name: "王明", Kind: zhenggai.PersonLeader},
		{UnitID: unitID, Name: "李华", Kind: zhenggai.PersonLeader},
		{UnitID: unitID, Name: "覃丽", Kind: zhenggai.PersonStaff},
	} {
		if err := st.SavePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	m := &zhenggai.Meeting{UnitID: unitID, Type: "党组会议", Date: zhenggai.NewDate(2019, 3, 4), ChairName: "王明", Recorder: "覃丽",
		Attendance: []zhenggai.Attendance{{Name: "王明", Presence: zhenggai.Present}, {Name: "李华", Presence: zhenggai.Present},
			{Name: "赵强", Presence: zhenggai.OnLeave, Note: "出差"}},
		Items: []zhenggai.AgendaItem{{Title: "购置公务用车", Kind: zhenggai.ItemLargeFund, Amount: 2500000, Decision: "同意购置",
			Statements: []zhenggai.Statement{{Name: "李 华", Position: zhenggai.PosAgree, Summary: "同意"},
				{Name: "王明", Position: zhenggai.PosAgree}}}},
	}
	if err := st.SaveMeeting(ctx, m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestMeetings: a meeting is saved whole, numbered in its book, read
// back, edited with its children rewritten, refused when its number is
// taken, listed and counted by book, voided and restored; the log shows
// each change of the children and verifies.
func TestMeetings(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, _, _ := seedRound(t, st)
		m := seedMeeting(t, st, r.UnitID)
		if m.Number != 1 || m.ChairID == 0 || m.Attendance[0].PersonID == 0 || m.Attendance[2].PersonID != 0 {
			t.Fatalf("saved %+v", m)
		}
		got, err := st.Meeting(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Label() != "2019年第1次党组会议" || got.Book != "党组会议" || len(got.Attendance) != 3 || len(got.Items) != 1 {
			t.Fatalf("read %+v", got)
		}
		sts := got.Items[0].Statements
		if len(sts) != 2 || sts[0].Name != "李华" || sts[0].PersonID != m.Attendance[1].PersonID || sts[1].Seq != 2 ||
			got.Items[0].Amount != 2500000 || got.Attendance[2].Note != "出差" {
			t.Fatalf("statements %+v, item %+v", sts, got.Items[0])
		}

		// The next one of the book is the second; one of another year the first.
		m2 := &zhenggai.Meeting{UnitID: r.UnitID, Type: "党组会议", Date: zhenggai.NewDate(2019, 5, 6)}
		m3 := &zhenggai.Meeting{UnitID: r.UnitID, Type: "党组会议", Date: zhenggai.NewDate(2020, 1, 6), Book: "主席会议"}
		for _, x := range []*zhenggai.Meeting{m2, m3} {
			if err := st.SaveMeeting(ctx, x); err != nil {
				t.Fatal(err)
			}
		}
		if m2.Number != 2 || m3.Number != 1 {
			t.Errorf("numbers %d, %d; want 2, 1", m2.Number, m3.Number)
		}
		dup := &zhenggai.Meeting{UnitID: r.UnitID, Type: "党组会议", Number: 2, Date: zhenggai.NewDate(2019, 8, 1)}
		if msg := fieldMessage(t, st.SaveMeeting(ctx, dup), "number"); !strings.Contains(msg, "2019年第2次党组会议已登记") {
			t.Errorf("duplicate: %q", msg)
		}
		bad := &zhenggai.Meeting{UnitID: r.UnitID, Type: "党组会议", Date: zhenggai.NewDate(2019, 8, 1),
			Attendance: []zhenggai.Attendance{{Name: "王明", Presence: zhenggai.Present}},
			Items:      []zhenggai.AgendaItem{{Title: "x", Statements: []zhenggai.Statement{{Name: "李华", Position: zhenggai.PosAgree}}}}}
		if msg := fieldMessage(t, st.SaveMeeting(ctx, bad), "items.0.statements.0.name"); !strings.Contains(msg, "不在出席人员中") {
			t.Errorf("speaker absent: %q", msg)
		}

		// Two of one name: a question, never a guess.
		if err := st.SavePerson(ctx, &zhenggai.Person{UnitID: r.UnitID, Name: "李华", Kind: zhenggai.PersonStaff}); err != nil {
			t.Fatal(err)
		}
		twin := &zhenggai.Meeting{UnitID: r.UnitID, Type: "支委会", Date: zhenggai.NewDate(2019, 8, 1),
			Attendance: []zhenggai.Attendance{{Name: "李华", Presence: zhenggai.Present}}}
		if msg := fieldMessage(t, st.SaveMeeting(ctx, twin), "attendance.0.name"); !strings.Contains(msg, "两名“李华”") {
			t.Errorf("two of a name: %q", msg)
		}
		// The name as it was keeps its person on an edit.
		before := entries(t, st, 0)
		edit := got
		edit.Items[0].Statements = append(edit.Items[0].Statements, zhenggai.Statement{Seq: 3, Name: "李华", Position: zhenggai.PosView, Summary: "补充"})
		edit.Items = append(edit.Items, zhenggai.AgendaItem{Seq: 2, Title: "其他事项"})
		edit.Number = 0 // left blank on an edit: it keeps its number
		if err := st.SaveMeeting(ctx, edit); err != nil {
			t.Fatalf("edit: %v", err)
		}
		after := entries(t, st, before[len(before)-1].ID)
		if len(after) != 1 || after[0].Entity != "meetings" || !strings.Contains(after[0].After, "补充") || strings.Contains(after[0].Before, "补充") {
			t.Errorf("edit's entries: %+v", after)
		}
		got, err = st.Meeting(ctx, m.ID)
		if err != nil || got.Version != 2 || got.Number != 1 || len(got.Items) != 2 || len(got.Items[0].Statements) != 3 || got.Items[1].Kind != zhenggai.ItemOrdinary {
			t.Fatalf("after edit: %+v %v", got, err)
		}
		stale := *m
		if err := st.SaveMeeting(ctx, &stale); zhenggai.ErrorCode(err) != zhenggai.ECONFLICT {
			t.Errorf("stale save: %v", err)
		}

		books, err := st.MeetingBooks(ctx, r.UnitID, 2019)
		if err != nil {
			t.Fatal(err)
		}
		if books[0].Type != "党组会议" || books[0].Meetings != 2 || books[0].Items != 2 || books[0].TripleOne != 1 || books[1].Meetings != 0 {
			t.Errorf("books 2019: %+v %+v", books[0], books[1])
		}
		all, err := st.MeetingBooks(ctx, r.UnitID, 0)
		if err != nil || all[0].Meetings != 3 || all[0].Elsewhere != 1 {
			t.Errorf("books: %+v %v", all[0], err)
		}
		list, err := st.Meetings(ctx, r.UnitID, "党组会议", 2019)
		if err != nil || len(list) != 2 || list[0].Present != 2 || list[0].Expected != 3 || list[0].TripleOne != 1 {
			t.Fatalf("list: %+v %v", list, err)
		}
		members, err := st.BookMembers(ctx, r.UnitID, "党组会议")
		if err != nil || len(members) != 2 || members[1].Name != "李华" { // m3, the last, lists none: the leaders
			t.Errorf("members: %+v %v", members, err)
		}
		m4 := &zhenggai.Meeting{UnitID: r.UnitID, Type: "党组会议", Date: zhenggai.NewDate(2020, 2, 6),
			Attendance: []zhenggai.Attendance{{Name: "覃丽", Presence: zhenggai.OnLeave}, {Name: "外单位人员", Presence: zhenggai.Present}}}
		if err := st.SaveMeeting(ctx, m4); err != nil {
			t.Fatal(err)
		}
		members, err = st.BookMembers(ctx, r.UnitID, "党组会议")
		if err != nil || len(members) != 2 || members[0].Name != "覃丽" || members[0].Presence != zhenggai.Present || members[1].PersonID != 0 {
			t.Errorf("members of the last: %+v %v", members, err)
		}
		if err := st.Void(ctx, "meeting", m4.ID, "测试"); err != nil {
			t.Fatal(err)
		}
		members, err = st.BookMembers(ctx, r.UnitID, "支委会")
		if err != nil || len(members) != 2 || members[0].Name != "王明" {
			t.Errorf("leaders as members: %+v %v", members, err)
		}

		items, err := st.MeetingItems(ctx, r.UnitID, zhenggai.ItemLargeFund, zhenggai.NewDate(2019, 1, 1), zhenggai.NewDate(2019, 12, 31))
		if err != nil || len(items) != 1 || items[0].Amount != 2500000 || items[0].Label() != "2019年第1次党组会议议题1" {
			t.Fatalf("items: %+v %v", items, err)
		}
		if err := st.Void(ctx, "meeting", m.ID, "重复录入"); err != nil {
			t.Fatal(err)
		}
		if items, _ := st.MeetingItems(ctx, r.UnitID, zhenggai.ItemLargeFund, zhenggai.Date{}, zhenggai.Date{}); len(items) != 0 {
			t.Errorf("voided meeting's items: %+v", items)
		}
		if err := st.SaveMeeting(ctx, got); zhenggai.ErrorCode(err) != zhenggai.ECONFLICT {
			t.Errorf("edit of voided: %v", err)
		}
		if err := st.Restore(ctx, "meeting", m.ID); err != nil {
			t.Fatal(err)
		}
		if list, _ := st.Meetings(ctx, r.UnitID, "", 0); len(list) != 3 {
			t.Errorf("after restore: %d meetings", len(list))
		}
		mustVerify(t, st)
	})
}

// TestMeetingTypes: the unit's list replaces the defaults; a type in use
// cannot be struck.
func TestMeetingTypes(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, _, _ := seedRound(t, st)
		types, err := st.MeetingTypes(ctx, r.UnitID)
		if err != nil || len(types) != len(zhenggai.DefaultMeetingTypes) {
			t.Fatalf("defaults: %v %v", types, err)
		}
		seedMeeting(t, st, r.UnitID)
		if err := st.SaveMeetingTypes(ctx, r.UnitID, []string{"主席会议"}); !strings.Contains(errText(err), "不能删去") {
			t.Errorf("strike a type in use: %v", err)
		}
		if err := st.SaveMeetingTypes(ctx, r.UnitID, []string{"党组会议", " 办公会 ", ""}); err != nil {
			t.Fatal(err)
		}
		types, _ = st.MeetingTypes(ctx, r.UnitID)
		if strings.Join(types, ",") != "党组会议,办公会" {
			t.Errorf("types: %v", types)
		}
		m := &zhenggai.Meeting{UnitID: r.UnitID, Type: "主席会议", Date: zhenggai.NewDate(2019, 8, 1)}
		if msg := fieldMessage(t, st.SaveMeeting(ctx, m), "type"); !strings.Contains(msg, "不在本单位的会议类型中") {
			t.Errorf("type struck: %q", msg)
		}
	})
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestMeetingsConcurrent: clerks saving meetings of one book at once each
// get their own 第N次.
func TestMeetingsConcurrent(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, _, _ := seedRound(t, st)
		const n = 6
		errs := make(chan error, n)
		for i := range n {
			go func() {
				errs <- st.SaveMeeting(ctx, &zhenggai.Meeting{UnitID: r.UnitID, Type: "党组会议", Date: zhenggai.NewDate(2019, 3, 1+i)})
			}()
		}
		for range n {
			if err := <-errs; err != nil {
				t.Error(err)
			}
		}
		list, err := st.Meetings(ctx, r.UnitID, "党组会议", 2019)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[int]bool{}
		for _, m := range list {
			seen[m.Number] = true
		}
		if len(list) != n || len(seen) != n {
			t.Errorf("%d meetings, %d numbers: %v", len(list), len(seen), seen)
		}
	})
}
