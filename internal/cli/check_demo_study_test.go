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

// TestCheckOnDemoStudy: `zhenggai check --json` on the demo finds the
// seed's problems 1 and 2 of study with their figures: the notes of the
// party members never checked before the rectification, checked in 2020's
// third quarter only; the 中心组 meeting less than monthly.
func TestCheckOnDemoStudy(t *testing.T) {
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
	if _, err := demo.Load(ctx, st, files, zhenggai.NewDate(2026, 11, 27)); err != nil {
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
			Area    string           `json:"area"`
			Text    string           `json:"text"`
			Figures map[string]int64 `json:"figures"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	var study []string
	for _, f := range got.Findings {
		if f.Area == "理论学习" {
			study = append(study, f.Rule+": "+f.Text)
		}
	}
	for _, w := range []struct {
		rule    string
		seed    int
		text    string
		figures map[string]int64
	}{
		{"study_notes", 1, "学习笔记检查缺失，2016年未对11名党员的学习笔记进行过检查（应每季度检查一次，共缺检查44人次），学习停留在表面",
			map[string]int64{"year": 2016, "members": 11, "missing": 44, "periods": 4}},
		{"study_notes", 1, "学习笔记检查缺失，2019年未对11名党员", map[string]int64{"year": 2019, "members": 11, "missing": 44}},
		{"study_notes", 1, "学习笔记检查不经常，2020年第1季度至第3季度，11名党员的学习笔记均有季度未经检查（共缺检查22人次）",
			map[string]int64{"year": 2020, "members": 11, "unchecked": 11, "missing": 22, "periods": 3}},
		{"study_frequency", 2, "中心组理论学习不经常，2019年中心组学习3次，未达到每年不少于12次的要求",
			map[string]int64{"year": 2019, "sessions": 3, "required": 12}},
	} {
		found := false
		for _, f := range got.Findings {
			if f.Rule != w.rule || !strings.Contains(f.Text, w.text) {
				continue
			}
			found = true
			if f.Seed != w.seed {
				t.Errorf("%s: seed problem %d, want %d", w.rule, f.Seed, w.seed)
			}
			for k, v := range w.figures {
				if f.Figures[k] != v {
					t.Errorf("%s %q: %s = %d, want %d", w.rule, w.text, k, f.Figures[k], v)
				}
			}
		}
		if !found {
			t.Errorf("no %s finding saying %q:\n%s", w.rule, w.text, strings.Join(study, "\n"))
		}
	}
	// After the recheck no one's last check says 无笔记.
	for _, s := range study {
		if strings.Contains(s, "无笔记") {
			t.Errorf("a 无笔记 finding though the member was checked again: %s", s)
		}
	}
}
