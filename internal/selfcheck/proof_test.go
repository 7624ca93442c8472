package selfcheck

import (
	"slices"
	"testing"
)

// TestSuggest: the rules a mechanism's rule name suggests, by the area's
// words and by a rule's own Proves.
func TestSuggest(t *testing.T) {
	for _, c := range []struct {
		names []string
		want  []string
	}{
		{[]string{"《财务管理制度》"}, []string{"large_expense", "voucher_approval", "voucher_purpose", "forbidden_purpose"}},
		{[]string{"《“三重一大”事项决策制度》"}, []string{"major_matters", "large_expense"}},
		{[]string{"《政协党组“三重一大”事项决策、执行制度》"}, []string{"major_matters", "large_expense"}},
		{[]string{"《“末位表态”制度》"}, []string{"statements", "chair_last"}},
		{[]string{"《党费收缴、使用和管理制度》"}, []string{"dues"}},
		{[]string{"《档案管理制度》"}, []string{"proposal_archive", "archive_missing", "archive_incomplete"}},
		{[]string{"《委员履职考核评价办法》"}, []string{"member_proposals", "member_absence", "member_leave", "plenary_leave", "suggestions_platform"}},
		{[]string{"《党组理论学习中心组学习制度》"}, []string{"study_frequency", "study_notes", "study_absence"}},
		{[]string{"《党组会议议事规则》"}, []string{"meeting_book", "statements", "chair_last", "meeting_reduction"}},
		{[]string{"《财务管理制度》", "《档案管理制度》"}, []string{"large_expense", "voucher_approval", "voucher_purpose", "forbidden_purpose",
			"proposal_archive", "archive_missing", "archive_incomplete"}},
		{[]string{"《因私出国（境）管理制度》"}, []string{"travel_unregistered", "travel_handin_late", "travel_return_late", "trip_unapproved"}},
		{[]string{"《机关考勤管理制度》"}, areaRules(AreaAttendance)},
		{[]string{""}, nil},
		{[]string{"加强政治理论武装"}, nil},
	} {
		got := Suggest(c.names...)
		// Compared as sets in Rules' order: the order of Rules decides.
		want := slices.Clone(c.want)
		slices.SortFunc(want, func(a, b string) int { return index(a) - index(b) })
		if !slices.Equal(got, want) {
			t.Errorf("Suggest(%q) = %v, want %v", c.names, got, want)
		}
	}
	// A rule of a register added later is suggested by its Area's words,
	// or by its own Proves, without an entry in any table.
	later := append(slices.DeleteFunc(slices.Clone(Rules), func(r Rule) bool { return r.Area == AreaAttendance || r.Area == AreaTravel }),
		Rule{ID: "attendance_days", Area: AreaAttendance},
		Rule{ID: "travel_return", Area: AreaTravel},
		Rule{ID: "odd_one", Area: "其他", Proves: []string{"公车"}})
	for name, want := range map[string][]string{
		"《机关考勤管理制度》":      {"attendance_days"},
		"《干部职工请销假制度》":     {"attendance_days"},
		"《因私出国(境)证照管理制度》": {"travel_return"},
		"《因私出国（境）管理制度》":   {"travel_return"},
		"《公车管理制度》":        {"odd_one"},
	} {
		if got := suggest(later, name); !slices.Equal(got, want) {
			t.Errorf("suggest(%q) = %v, want %v", name, got, want)
		}
	}
}

// areaRules are the IDs of the rules of an area, in Rules' order.
func areaRules(area string) []string {
	var ids []string
	for _, r := range Rules {
		if r.Area == area {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

func index(id string) int {
	return slices.IndexFunc(Rules, func(r Rule) bool { return r.ID == id })
}

func TestRulesOf(t *testing.T) {
	rules, unknown := RulesOf([]string{"chair_last", "gone", "dues"})
	if len(rules) != 2 || rules[0].ID != "chair_last" || rules[1].ID != "dues" || !slices.Equal(unknown, []string{"gone"}) {
		t.Fatalf("RulesOf: %v %v", rules, unknown)
	}
}
