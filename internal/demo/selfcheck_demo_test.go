package demo_test

import (
	"context"
	"strings"
	"testing"

	"zhenggai"
)

// TestSelfCheckOnDemo: the self-inspection finds in the demo's sample
// registers what the seed report says was found — 23 large expenses not
// put to the party group, 22 meetings in 2019 down 21% — beside the rest.
func TestSelfCheckOnDemo(t *testing.T) {
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "t"})
	st, _, r := loadDemo(t, ctx)
	fs, err := st.SelfCheck(ctx, r.UnitID, zhenggai.Period{Start: zhenggai.NewDate(2016, 1, 1), End: zhenggai.NewDate(2020, 12, 31)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	rules := map[string]bool{}
	for _, f := range fs {
		all = append(all, f.Text)
		rules[f.Rule] = true
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{"2016年至2019年有23笔单笔1万元以上开支未经党组会议研究",
		"2019年召开各类会议22次，较2018年（28次）下降21%，未达到减少30%的要求", "抹零头",
		"会议记录混用", "未末位表态", "纪念品", "超标准购买", "无审核人签字"} {
		if !strings.Contains(text, want) {
			t.Errorf("the demo's findings lack %q:\n%s", want, text)
		}
	}
	for _, id := range []string{"meeting_book", "chair_last", "major_matters", "voucher_approval", "forbidden_purpose"} {
		if !rules[id] {
			t.Errorf("no finding of %s in the demo:\n%s", id, text)
		}
	}
}
