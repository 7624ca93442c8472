package store_test

import (
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/selfcheck"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// rawMember enters a CPPCC member behind the store's back (the members'
// register is another's): the suggestions only read the table.
func rawMember(t *testing.T, env *testkit.Env, unitID, personID int64, name, term, joined, left string) int64 {
	t.Helper()
	raw := env.Raw(t)
	var person any
	if personID > 0 {
		person = personID
	}
	var id int64
	err := raw.QueryRow(`INSERT INTO cppcc_members (unit_id, person_id, name, term, joined_on, left_on, created_at)
		VALUES (?, ?, ?, ?, ?, ?, '2020-01-01T00:00:00Z') RETURNING id`, unitID, person, name, term, joined, left).Scan(&id)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// TestSuggestions: a suggestion is saved, matched to the CPPCC member
// who is its proposer (by person, by the term of its date), edited at its
// version, refused on bad input or a stale version, listed with the
// filters, voided and restored; two members of one name are a question.
func TestSuggestions(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, _, _ := seedRound(t, st)
		unit := r.UnitID
		wang := &zhenggai.Person{UnitID: unit, Name: "王明", Kind: zhenggai.PersonStaff}
		if err := st.SavePerson(ctx, wang); err != nil {
			t.Fatal(err)
		}
		eighth := rawMember(t, env, unit, wang.ID, "王明", "第八届", "2012-01-01", "2016-12-31")
		ninth := rawMember(t, env, unit, wang.ID, "王明", "第九届", "2017-01-01", "")
		d := zhenggai.NewDate
		s := &zhenggai.Suggestion{UnitID: unit, Name: "王 明", Kind: zhenggai.SuggestSQMY, Via: zhenggai.ViaPlatform,
			Title: "关于农村饮水安全的建议", On: d(2019, 3, 4)}
		if err := st.SaveSuggestion(ctx, s); err != nil {
			t.Fatal(err)
		}
		if s.PersonID != wang.ID || s.MemberID != ninth || s.Name != "王明" || s.Version != 1 {
			t.Fatalf("saved %+v (members %d, %d)", s, eighth, ninth)
		}
		old := &zhenggai.Suggestion{UnitID: unit, Name: "王明", Kind: zhenggai.SuggestMicro, Title: "关于路灯的微建议", On: d(2015, 6, 1)}
		if err := st.SaveSuggestion(ctx, old); err != nil {
			t.Fatal(err)
		}
		if old.MemberID != eighth || old.Via != zhenggai.ViaPaper {
			t.Fatalf("2015: member %d via %q, want %d paper", old.MemberID, old.Via, eighth)
		}
		other := &zhenggai.Suggestion{UnitID: unit, Name: "群众甲", Kind: zhenggai.SuggestMicro, Title: "关于公交的建议", On: d(2019, 5, 1)}
		if err := st.SaveSuggestion(ctx, other); err != nil {
			t.Fatal(err)
		}
		if other.MemberID != 0 || other.PersonID != 0 {
			t.Fatalf("not a member: %+v", other)
		}

		// Edited at its version: adopted, instructed.
		s.Adopted, s.AdoptedOn, s.AdoptedBy = zhenggai.AdoptCity, d(2019, 4, 1), "《社情民意》第3期"
		s.Instruction, s.InstructedBy, s.InstructedOn = "请水利局研究", "李县长", d(2019, 4, 10)
		if err := st.SaveSuggestion(ctx, s); err != nil {
			t.Fatal(err)
		}
		got, err := st.Suggestion(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Version != 2 || got.Adopted != zhenggai.AdoptCity || got.AdoptedOn != d(2019, 4, 1) || got.InstructedBy != "李县长" || got.MemberID != ninth {
			t.Fatalf("read %+v", got)
		}
		stale := *got
		stale.Version = 1
		stale.Title = "改"
		if err := st.SaveSuggestion(ctx, &stale); zhenggai.ErrorCode(err) != zhenggai.ECONFLICT {
			t.Fatalf("stale save: %v", err)
		}
		bad := *got
		bad.Instruction, bad.InstructedBy = "请研究", ""
		err = st.SaveSuggestion(ctx, &bad)
		if v, ok := err.(*zhenggai.ValidationError); !ok || !strings.Contains(v.For("instructed_by"), "批示领导") {
			t.Fatalf("bad instruction: %v", err)
		}

		// Filters.
		count := func(q store.SuggestionQuery) int {
			t.Helper()
			q.UnitID = unit
			list, err := st.Suggestions(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			return len(list)
		}
		for name, c := range map[string]struct {
			q    store.SuggestionQuery
			want int
		}{
			"all": {store.SuggestionQuery{}, 3}, "2019": {store.SuggestionQuery{Year: 2019}, 2},
			"micro":    {store.SuggestionQuery{Kind: zhenggai.SuggestMicro}, 2},
			"platform": {store.SuggestionQuery{Via: zhenggai.ViaPlatform}, 1},
			"member":   {store.SuggestionQuery{MemberID: eighth}, 1},
			"adopted":  {store.SuggestionQuery{Adopted: "any"}, 1}, "none": {store.SuggestionQuery{Adopted: "none"}, 2},
			"city": {store.SuggestionQuery{Adopted: "city"}, 1}, "instructed": {store.SuggestionQuery{Instructed: true}, 1},
			"keyword": {store.SuggestionQuery{Keyword: "公交"}, 1},
		} {
			if n := count(c.q); n != c.want {
				t.Errorf("%s: %d, want %d", name, n, c.want)
			}
		}
		if ys, err := st.SuggestionYears(ctx, unit); err != nil || len(ys) != 2 || ys[0] != 2019 {
			t.Fatalf("years %v %v", ys, err)
		}

		// Void and restore.
		if err := st.Void(ctx, "suggestion", other.ID, "重复录入"); err != nil {
			t.Fatal(err)
		}
		if n := count(store.SuggestionQuery{}); n != 2 {
			t.Fatalf("after void: %d", n)
		}
		other.Title = "改"
		if err := st.SaveSuggestion(ctx, other); zhenggai.ErrorCode(err) != zhenggai.ECONFLICT {
			t.Fatalf("edit of a voided one: %v", err)
		}
		if err := st.Restore(ctx, "suggestion", other.ID); err != nil {
			t.Fatal(err)
		}
		if n := count(store.SuggestionQuery{}); n != 3 {
			t.Fatalf("after restore: %d", n)
		}

		// Two members of one name, not one person: a question.
		rawMember(t, env, unit, 0, "李华", "第九届", "2017-01-01", "")
		rawMember(t, env, unit, 0, "李 华", "第九届", "2017-01-01", "")
		twin := &zhenggai.Suggestion{UnitID: unit, Name: "李华", Kind: zhenggai.SuggestMicro, Title: "关于停车的建议", On: d(2019, 6, 1)}
		err = st.SaveSuggestion(ctx, twin)
		if v, ok := err.(*zhenggai.ValidationError); !ok || !strings.Contains(v.For("name"), "两人名为“李华”") {
			t.Fatalf("two of one name: %v", err)
		}
		// Chosen among them, it is his.
		refs, err := st.MemberRefs(ctx, unit)
		if err != nil {
			t.Fatal(err)
		}
		var li int64
		for _, m := range refs {
			if m.Name == "李 华" {
				li = m.ID
			}
		}
		twin.MemberID, twin.Name = li, ""
		if err := st.SaveSuggestion(ctx, twin); err != nil || twin.MemberID != li || twin.Name != "李 华" {
			t.Fatalf("chosen: %v %+v", err, twin)
		}

		// What the self-inspection loads: the period's suggestions put on the platform only.
		p := zhenggai.Period{Start: d(2019, 1, 1), End: d(2019, 12, 31)}
		regs, err := st.RegistersFor(ctx, unit, p, selfcheck.NeedSuggestions|selfcheck.NeedTownships)
		if err != nil {
			t.Fatal(err)
		}
		if len(regs.Suggestions) != 1 || regs.Suggestions[0].Via != zhenggai.ViaPlatform || len(regs.Townships) != 0 {
			t.Fatalf("loaded %d suggestions, %d townships", len(regs.Suggestions), len(regs.Townships))
		}
	})
}

// TestImportSuggestions: all or none, every bad row named; a dry run
// writes nothing.
func TestImportSuggestions(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, _, _ := seedRound(t, st)
		d := zhenggai.NewDate
		rows := func() []*zhenggai.Suggestion {
			return []*zhenggai.Suggestion{
				{Name: "王明", Kind: zhenggai.SuggestMicro, Title: "甲", On: d(2019, 1, 2)},
				{Name: "李华", Kind: zhenggai.SuggestSQMY, Title: "乙", On: d(2019, 2, 3), Adopted: zhenggai.AdoptCounty, AdoptedOn: d(2019, 3, 1)},
			}
		}
		bad := rows()
		bad[1].AdoptedOn = zhenggai.Date{}
		err := st.ImportSuggestions(ctx, r.UnitID, bad, []string{"第2行：", "第3行："}, false)
		if err == nil || !strings.Contains(err.Error(), "第3行：采用日期不能为空") {
			t.Fatalf("bad row: %v", err)
		}
		if list, _ := st.Suggestions(ctx, store.SuggestionQuery{UnitID: r.UnitID}); len(list) != 0 {
			t.Fatalf("written after a refusal: %d", len(list))
		}
		if err := st.ImportSuggestions(ctx, r.UnitID, rows(), nil, true); err != nil {
			t.Fatal(err)
		}
		if list, _ := st.Suggestions(ctx, store.SuggestionQuery{UnitID: r.UnitID}); len(list) != 0 {
			t.Fatalf("dry run wrote %d", len(list))
		}
		if err := st.ImportSuggestions(ctx, r.UnitID, rows(), nil, false); err != nil {
			t.Fatal(err)
		}
		if list, _ := st.Suggestions(ctx, store.SuggestionQuery{UnitID: r.UnitID}); len(list) != 2 {
			t.Fatalf("imported %d", len(list))
		}
		mustVerify(t, st)
	})
}
