package browsertest_test

import (
	"fmt"
	"testing"

	"zhenggai"
	"zhenggai/internal/browsertest"
)

// TestSuggestionAndTownshipPagesFit: the micro-suggestions' and the
// townships' pages, with a year of records, fit a phone, a laptop and a
// tablet; the inspection office's view of the unit too.
func TestSuggestionAndTownshipPagesFit(t *testing.T) {
	env, r, pw := demoEnv(t)
	d := zhenggai.NewDate
	var sug *zhenggai.Suggestion
	for i, title := range []string{"关于加强农村饮水安全保障的建议", "关于在城东路段增设路灯的微建议", "关于规范城区停车秩序的建议"} {
		s := &zhenggai.Suggestion{UnitID: r.UnitID, Name: "王明", Kind: zhenggai.SuggestSQMY, Via: zhenggai.ViaPlatform, Title: title,
			Content: "建议有关部门加大投入，逐步解决。", On: d(2019, 3+i, 4)}
		if i == 0 {
			s.Adopted, s.AdoptedOn, s.AdoptedBy = zhenggai.AdoptNational, d(2019, 5, 6), "全国政协《信息专报》第12期"
			s.Instruction, s.InstructedBy, s.InstructedOn = "请县水利局认真研究，提出具体办理意见。", "李县长", d(2019, 5, 20)
		}
		if err := env.Store.SaveSuggestion(ctx, s); err != nil {
			t.Fatal(err)
		}
		if sug == nil {
			sug = s
		}
	}
	// The demo's liaison groups: 澧源镇 with two leaders in turn.
	ts, err := env.Store.Townships(ctx, r.UnitID)
	if err != nil || len(ts) != 23 {
		t.Fatalf("the demo's townships: %d %v", len(ts), err)
	}
	tw := ts[0]
	roles := []rolePages{
		{"bangongshi", []page{
			{"/suggestions?year=2019", "office-suggestions", false},
			{"/suggestions/new", "office-suggestion-form", false},
			{fmt.Sprintf("/suggestions/%d", sug.ID), "office-suggestion", false},
			{"/townships", "office-townships", false},
			{fmt.Sprintf("/townships/%d", tw.ID), "office-township", false},
			{fmt.Sprintf("/townships/%d/edit", tw.ID), "office-township-edit", false},
		}},
		{"xunchaban", []page{
			{fmt.Sprintf("/units/%d/suggestions?year=2019", r.UnitID), "supervisor-unit-suggestions", false},
			{fmt.Sprintf("/units/%d/townships", r.UnitID), "supervisor-unit-townships", false},
		}},
	}
	srv := env.Serve(t, nil)
	b := browsertest.New(t, srv.URL)
	checkPages(t, b, srv.URL, pw, roles)
}
