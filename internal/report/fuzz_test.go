package report_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"zhenggai/internal/report"
)

// A title comes from the user or from an imported text: any text wraps
// without panic, loses no character, and its lines fit where its words do.
func FuzzTitleLines(f *testing.F) {
	for _, c := range titleCases {
		f.Add(c.title)
	}
	f.Add("关于关于关于的的的“”《》（第十一二三轮")
	f.Add(strings.Repeat("巡察整改", 60))
	f.Fuzz(func(t *testing.T, title string) {
		if !utf8.ValidString(title) {
			return
		}
		lines := report.TitleLines(title, report.TitleChars)
		if len(lines) == 0 {
			t.Fatal("no line")
		}
		squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
		if got, want := squeeze(strings.Join(lines, "")), squeeze(title); got != want {
			t.Fatalf("lines %q of %q", lines, title)
		}
	})
}

// fc-list's output is read line by line within bounds, whatever it holds.
func FuzzParseFamilies(f *testing.F) {
	f.Add("AR PL KaitiM GB,文鼎ＰＬ简中楷\nFandolFang,FandolFang R\n")
	f.Add("a\\,b,c\\\n,,\n\\")
	f.Fuzz(func(t *testing.T, out string) {
		set, err := report.ParseFamilies(strings.NewReader(out))
		if err == nil && len(set) > len(out)+1 {
			t.Fatalf("%d families from %d bytes", len(set), len(out))
		}
	})
}
