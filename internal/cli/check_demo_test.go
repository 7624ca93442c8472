package cli_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/attach"
	"zhenggai/internal/demo"
	"zhenggai/internal/store"
)

// TestCheckOnDemo: `zhenggai check --json` on the demo (loaded and its
// report published, as `zhenggai demo` does) finds the seed's problems 9,
// 12, 13, 14 and 15 of the CPPCC registers with their figures, and 30 and
// 38 of the travel ledger and the retired cadres' posts.
func TestCheckOnDemo(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "t"})
	st, err := store.OpenSQLite(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	files, err := attach.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	r, err := demo.Load(ctx, st, files, zhenggai.NewDate(2026, 11, 27))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Publish(ctx, st, r); err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, out, errs := run(t, "", "check", "--data", data, "--from", "2016-01-01", "--to", "2020-12-31", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Findings []struct {
			Rule    string           `json:"rule"`
			Seed    int              `json:"seed_problem"`
			Text    string           `json:"text"`
			Figures map[string]int64 `json:"figures"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	type want struct {
		seed    int
		text    string
		figures map[string]int64
	}
	for rule, w := range map[string]want{
		"proposal_report":      {9, "今年62件提案已办结并书面答复", map[string]int64{"stated_done": 62, "computed_done": 50}},
		"plenary_leave":        {12, "105人请假", map[string]int64{"leave": 105}},
		"member_proposals":     {12, "四年任期内没有提交一份提案", map[string]int64{"from_start": 12, "longest_from_start": 4}},
		"suggestions_platform": {13, "仅17条", map[string]int64{"suggestions": 17}},
		"proposal_archive":     {14, "共立案230件", map[string]int64{"registered": 230, "letters": 162, "forms": 93}},
		"township_leader":      {15, "澧源镇2018年3月", map[string]int64{"townships": 23, "vacant": 8}},
		// Registers (III), issue 16: the staff's travel ledger and documents
		// only in the rectification, a retired cadre re-employed unfiled.
		"travel_unregistered": {30, "19名未按规定及时登记备案", map[string]int64{"late": 19, "missing": 0}},
		"travel_handin_late":  {30, "未在规定的10日内交存", map[string]int64{"late": 11, "not_held": 0}},
		"retired_unfiled":     {38, "未经县委组织部审核备案", map[string]int64{"unfiled": 1, "rehired_unfiled": 1, "filed_since": 1}},
		// Archives (issue 16).
		"archive_incomplete": {20, "2017年10月27日党组织换届选举资料中，未见请示、批复、选举办法和选票，候选人名单信息缺失",
			map[string]int64{"missing_documents": 4, "defective_documents": 1}},
		"archive_missing": {18, "老干支部手册缺失，2016年至2020年应有5册，缺4册：未见2016年至2019年的老干支部手册",
			map[string]int64{"expected": 5, "missing": 4}},
		// Attendance and leave (issue 16).
		"never_signs":      {27, "领导班子成员6人在2019年1月2日至2020年7月27日期间", map[string]int64{"persons": 6, "from": 20190102, "to": 20200727}},
		"leave_unreturned": {32, "请销假制度执行不严格", map[string]int64{"leaves": 148, "unreturned": 47}},
	} {
		found := false
		for _, f := range got.Findings {
			if f.Rule != rule || !strings.Contains(f.Text, w.text) {
				continue
			}
			found = true
			if f.Seed != w.seed {
				t.Errorf("%s: seed problem %d, want %d", rule, f.Seed, w.seed)
			}
			for k, v := range w.figures {
				if f.Figures[k] != v {
					t.Errorf("%s: %s = %d, want %d", rule, k, f.Figures[k], v)
				}
			}
		}
		if !found {
			t.Errorf("no %s finding saying %q", rule, w.text)
		}
	}
	// Seed 18 says the party group's and the branches' handbooks too.
	for _, s := range []string{"党组工作手册缺失，2016年至2020年应有5册，缺3册：未见2016年、2017年、2019年的党组工作手册",
		"党支部工作手册缺失，2016年至2020年应有10册，缺5册", "2018年党组工作手册资料中，填写不规范，存在明显逻辑错误"} {
		found := false
		for _, f := range got.Findings {
			found = found || strings.Contains(f.Text, s)
		}
		if !found {
			t.Errorf("no finding saying %q", s)
		}
	}
}
