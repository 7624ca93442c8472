package textimport

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"zhenggai/internal/sample"
)

// FuzzParse calls parse, not Parse, so that a panic is not hidden by
// Parse's recover.
func FuzzParse(f *testing.F) {
	seeds := []string{
		sample.Sangzhi,
		fullWidth(sample.Sangzhi),
		mini,
		sample.Sangzhi[:len(sample.Sangzhi)/2],
		"(一)反馈问题:",
		"(一)反馈问题:学习\n1.",
		"(一)反馈问题:学习\n1.学习\n整改情况:一是",
		"(十一)反馈问题:x\n99.y 整改情况：一不\n二是",
		"二、问题\n(一)x\n1.y\n三、",
		"二、\n(一)\n一、\n",
		"截止10月28日,14个问题38个具体问题,已完成整改35个,基本完成整改3个,完成率100%。\n(一)反馈问题:a",
		"2020年12月20日至1月10日,巡视组对x进行了巡视。1月2日反馈。\n(一)反馈问题:a\n1.b",
		"巡察组巡察组\n中共\n2020年2月30日\n(一)反馈问题:a",
		"\r\n\r(一)反馈问题：\u3000\r１、ｘ\r\n整改进展：十是",
		"\xe4\xb8",
	}
	// The invented reports of testdata, whole and cut in half (mid-rune
	// too), and the 问题:/整改: tour report.
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	shapes, err2 := filepath.Glob(filepath.Join("testdata", "shapes", "*.txt"))
	wild, err3 := filepath.Glob(filepath.Join("testdata", "wild", "*.txt"))
	if err != nil || err2 != nil || err3 != nil || len(files) == 0 || len(shapes) == 0 || len(wild) == 0 {
		f.Fatalf("no testdata reports: %v %v %v", err, err2, err3)
	}
	for _, name := range append(append(files, shapes...), wild...) {
		rel, _ := filepath.Rel("testdata", name)
		s := readReport(f, rel)
		seeds = append(seeds, s, s[:len(s)/2+1])
	}
	seeds = append(seeds, tour,
		"关于“x”问题\n(一)y\n关于“z”的问题。整改情况:一是",
		"发布时间:2021-11-02\n问题一:a\n整改:\n一是b;\n(一)c\n问题:d\n中共",
		"标 题:反馈 成文日期:2021年12月20日\n3月8日至5月10日,x巡视组对y进行了巡视。7月2日反馈。\n(一)z\n问题:w",
		"序号\n问题\n整改措施\n1\na\nb\n2\nc",
		"序号 问题 整改措施 完成情况\n1 a b c d e\n2\n3 x",
		"—1—\nh\n—2—\nh\n第3页 共3页\n",
		"【问题1】a\n【整改情况】b\n第一部分 反馈问题整改情况\n一是c的问题。整改情况:d",
		"2021.3.15-2021.4.30,巡察组进驻x,开展了巡察;2021.6.8反馈。截至2021.9.30,问题共9个。其余8项正在推进。",
	)
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		im, err := parse(context.Background(), s)
		if err != nil {
			if im != nil {
				t.Fatal("result with an error")
			}
			return
		}
		r, d := im.Round, im.Declared
		if len(im.Categories) == 0 && r.Inspector == "" && r.Unit == "" && d.Problems == 0 && d.Categories == 0 &&
			d.Completed+d.BasicallyCompleted+d.InProgress+d.NotCompleted+d.RatePercent == 0 && d.Outcomes.IsZero() {
			t.Fatal("success with nothing of a report")
		}
		for _, s := range []string{r.Inspector, r.Unit, r.Title, r.LeadingGroup, r.Work, r.FollowUp, r.Signature} {
			if !utf8.ValidString(s) || strings.ContainsFunc(s, invisible) {
				t.Fatalf("bad round text %q", s)
			}
		}
		seqs := map[int]bool{}
		for _, c := range im.Categories {
			for _, p := range c.Problems {
				if seqs[p.Seq] {
					t.Fatalf("problem number %d twice: the ledger could not take it", p.Seq)
				}
				seqs[p.Seq] = true
			}
		}
		if im.Warnings == nil {
			t.Fatal("nil warnings")
		}
		for _, c := range im.Categories {
			if c.Problems == nil || !utf8.ValidString(c.Title) || strings.ContainsFunc(c.Title, invisible) {
				t.Fatalf("bad category %+v", c)
			}
			for _, p := range c.Problems {
				if p.Measures == nil || !utf8.ValidString(p.Title) || !utf8.ValidString(p.Rectification) {
					t.Fatalf("bad problem %+v", p)
				}
				if p.Rectification != strings.TrimSpace(p.Rectification) {
					t.Fatalf("rectification not trimmed: %q", p.Rectification)
				}
				for _, m := range p.Measures {
					if m.Content == "" || !utf8.ValidString(m.Content) || !m.Kind.Valid() {
						t.Fatalf("bad measure %+v", m)
					}
				}
			}
		}
	})
}
