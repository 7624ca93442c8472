package demo_test

import (
	"context"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/demo"
	"zhenggai/internal/ui"
)

// TestSelfCheckOnDemo: the self-inspection finds in the demo's sample
// registers what the seed report says was found — 23 large expenses not
// put to the party group, 22 meetings in 2019 down 21%; of the CPPCC
// registers the seed's problems 9, 12, 13, 14 and 15 with their figures
// — beside the rest.
func TestSelfCheckOnDemo(t *testing.T) {
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "t"})
	st, _, r := loadDemo(t, ctx)
	// The report is published, as `zhenggai demo` does: its figures are
	// checked against the proposals.
	if _, err := demo.Publish(ctx, st, r); err != nil {
		t.Fatal(err)
	}
	fs, err := st.SelfCheck(ctx, r.UnitID, zhenggai.Period{Start: zhenggai.NewDate(2016, 1, 1), End: zhenggai.NewDate(2020, 12, 31)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	rules := map[string]bool{}
	seeds := map[int]bool{}
	figures := map[string]map[string]int64{}
	for _, f := range fs {
		all = append(all, f.Text)
		rules[f.Rule] = true
		seeds[f.SeedProblem] = true
		if figures[f.Rule] == nil {
			figures[f.Rule] = f.Figures
		}
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{"2016年至2019年有23笔单笔1万元以上开支未经党组会议研究",
		"2019年召开各类会议22次，较2018年（28次）下降21%，未达到减少30%的要求", "抹零头",
		"会议记录混用", "未末位表态", "纪念品", "超标准购买", "无审核人签字",
		// The CPPCC registers (issue 15).
		"2016年至2019年4年共立案230件，回复报告能查阅到的只有162件，办复情况征询意见表能查阅到的只有93件",
		"应出席", "105人请假，请假人数超过50人", "自任职起四年任期内没有提交一份提案", "2名委员无故缺席全体会议2次以上",
		"委员在平台上提出微建议、社情民意信息仅17条",
		"共23个乡镇，其中8个乡镇政协联络组长空缺，如澧源镇2018年3月至2020年9月无政协联络组长",
		"称“今年62件提案已办结并书面答复", "满意率均达100%”，按提案登记簿计算2020年已办结50件",
		// Registers (III), issue 16.
		"纳入管理的25名国家公职人员中，19名未按规定及时登记备案", "2020年8月25日才交存",
		"1名(次)退休干部兼职(返聘)未经县委组织部审核备案，其中返聘1名(次)"} {
		if !strings.Contains(text, want) {
			t.Errorf("the demo's findings lack %q:\n%s", want, text)
		}
	}
	for _, id := range []string{"meeting_book", "chair_last", "major_matters", "voucher_approval", "forbidden_purpose",
		"proposal_archive", "proposal_report", "member_proposals", "plenary_leave", "suggestions_platform", "township_leader", "liaison_invites",
		"travel_unregistered", "travel_handin_late", "retired_unfiled"} {
		if !rules[id] {
			t.Errorf("no finding of %s in the demo:\n%s", id, text)
		}
	}
	for _, n := range []int{1, 2, 9, 12, 13, 14, 15, 18, 20, 27, 30, 32, 38} {
		if !seeds[n] {
			t.Errorf("no finding of seed problem %d", n)
		}
	}
	for rule, want := range map[string]map[string]int64{
		"proposal_archive":     {"registered": 230, "letters": 162, "forms": 93},
		"plenary_leave":        {"leave": 105},
		"suggestions_platform": {"suggestions": 17},
		"township_leader":      {"townships": 23, "vacant": 8},
		"proposal_report":      {"stated_done": 62},
		// Attendance and leave (issue 16).
		"never_signs":      {"persons": 6, "from": 20190102, "to": 20200727},
		"leave_unreturned": {"leaves": 148, "unreturned": 47},
	} {
		for k, v := range want {
			if figures[rule][k] != v {
				t.Errorf("%s: figure %s = %d, want %d (%v)", rule, k, figures[rule][k], v, figures[rule])
			}
		}
	}
	// Every record a finding names links to its page (a 自查 round's
	// evidence, the findings page's links).
	for _, f := range fs {
		for _, rec := range f.Records {
			if ui.RecordHref(rec, 0, 0) == "" {
				t.Errorf("%s: record %s %d (%s) links nowhere", f.Rule, rec.Kind, rec.ID, rec.Label)
			}
		}
	}
	// What the report states of 九届四次 the register gives: no finding names it.
	if strings.Contains(text, "九届四次会议收到提案") || strings.Contains(text, "九届四次会议立案") {
		t.Errorf("the session's figures hold, yet a finding names them:\n%s", text)
	}
}
