package report_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"zhenggai/internal/report"
)

// Titles of progress reports in the shapes units give them, each with the
// lines GB/T 9704 7.3.1 would have: words whole, lines alike in length.
var titleCases = []struct {
	title string
	lines []string
}{
	{"关于巡察整改情况的通报", []string{"关于巡察整改情况的通报"}},
	{"中共政协桑植县委员会党组关于巡察整改进展情况的通报",
		[]string{"中共政协桑植县委员会党组", "关于巡察整改进展情况的通报"}},
	{"中共张家界市永定区委关于十届区委第八轮巡察整改进展情况的通报",
		[]string{"中共张家界市永定区委关于十届区委", "第八轮巡察整改进展情况的通报"}},
	{"国家税务总局桑植县税务局党委关于市委第二巡察组反馈意见整改落实情况的通报",
		[]string{"国家税务总局桑植县税务局党委关于市委", "第二巡察组反馈意见整改落实情况的通报"}},
	{"中共湖南省交通运输厅党组关于省委第三巡视组巡视反馈意见整改进展情况的报告",
		[]string{"中共湖南省交通运输厅党组关于省委", "第三巡视组巡视反馈意见整改进展情况的报告"}},
	{"中共某某市某某区人民政府办公室党组关于区委第三轮巡察“回头看”反馈意见整改进展情况的通报",
		[]string{"中共某某市某某区人民政府办公室党组", "关于区委第三轮巡察“回头看”", "反馈意见整改进展情况的通报"}},
	{"中共某某县卫生健康局党组关于县委第五巡察组专项巡察反馈问题集中整改阶段进展情况的通报",
		[]string{"中共某某县卫生健康局党组", "关于县委第五巡察组专项巡察反馈", "问题集中整改阶段进展情况的通报"}},
	{"中共某某有限公司委员会关于2023年巡察整改进展情况的通报",
		[]string{"中共某某有限公司委员会", "关于2023年巡察整改进展情况的通报"}},
	// No word the lexicon knows: broken between characters, evenly.
	{"甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥",
		[]string{"甲乙丙丁戊己庚辛壬癸子", "丑寅卯辰巳午未申酉戌亥"}},
}

// Words no line of a title may end or begin in the middle of.
var titleWholeWords = []string{"整改", "进展", "情况", "通报", "报告", "巡察", "巡视", "反馈", "意见", "委员会", "党组",
	"关于", "落实", "桑植县", "永定区委", "回头看", "第八轮", "第五巡察组", "2023"}

func TestTitleLines(t *testing.T) {
	for _, c := range titleCases {
		got := report.TitleLines(c.title, report.TitleChars)
		if strings.Join(got, "|") != strings.Join(c.lines, "|") {
			t.Errorf("%s:\n got %q\nwant %q", c.title, got, c.lines)
		}
		if strings.Join(got, "") != c.title {
			t.Errorf("%s: lines %q lose or add characters", c.title, got)
		}
		for i, l := range got {
			if n := utf8.RuneCountInString(l); n > report.TitleChars {
				t.Errorf("%s: line %q of %d characters", c.title, l, n)
			}
			if i == 0 {
				continue
			}
			for _, w := range titleWholeWords {
				joined := got[i-1] + l
				at := len(got[i-1])
				for j := strings.Index(joined, w); j >= 0; j = nextIndex(joined, w, j) {
					if j < at && at < j+len(w) {
						t.Errorf("%s: %q broken between lines %q and %q", c.title, w, got[i-1], l)
					}
				}
			}
			if strings.HasSuffix(got[i-1], "关于") || strings.HasPrefix(l, "的") {
				t.Errorf("%s: broken as %q | %q", c.title, got[i-1], l)
			}
		}
	}
}

func nextIndex(s, w string, from int) int {
	if i := strings.Index(s[from+1:], w); i >= 0 {
		return from + 1 + i
	}
	return -1
}

// Chromium prints each title in the lines TitleLines gives, 2号 centred,
// none broken again within: the page for each title is the report's own
// HTML (a report with its title alone).
func TestTitlesInPDF(t *testing.T) {
	if _, err := report.Chromium(); err != nil {
		t.Fatalf("%v (the PDF test does not skip: install chromium)", err)
	}
	var page strings.Builder
	page.WriteString(`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>` + report.CSS +
		`.zg-report+.zg-report{break-before:page}</style></head><body class="zg-page">`)
	for _, c := range titleCases {
		rep := &report.Report{Title: c.title, Kind: "巡察"}
		if err := rep.HTMLBody(&page); err != nil {
			t.Fatal(err)
		}
	}
	page.WriteString("</body></html>")
	var pdf bytes.Buffer
	if err := report.PrintPDF(ctx, page.String(), &pdf); err != nil {
		t.Fatal(err)
	}
	lines, pages := pdfLines(t, pdf.Bytes())
	if pages != len(titleCases) {
		t.Fatalf("%d pages for %d titles", pages, len(titleCases))
	}
	got := make([][]string, pages)
	for _, l := range lines {
		// 2号 is 22 pt: wider characters than the body's 16.
		if n := utf8.RuneCountInString(l.text); n > 0 && (l.x1-l.x0)/float64(n) > 18 {
			got[l.page-1] = append(got[l.page-1], l.text)
			// Centred in the block: as far from its left edge as from its right.
			if d := (l.x0 - 28*mm) - (184*mm - l.x1); d > 2*mm || d < -2*mm {
				t.Errorf("title line %q is off centre by %.1f mm", l.text, d/mm)
			}
		}
	}
	for i, c := range titleCases {
		if strings.Join(got[i], "|") != strings.Join(c.lines, "|") {
			t.Errorf("printed %q, want %q", got[i], c.lines)
		}
	}
}
