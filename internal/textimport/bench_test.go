package textimport

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/sample"
)

func BenchmarkParseSeed(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(sample.Sangzhi)))
	for b.Loop() {
		if _, err := Parse(sample.Sangzhi); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseSeedFullWidth(b *testing.B) {
	text := fullWidth(sample.Sangzhi)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := Parse(text); err != nil {
			b.Fatal(err)
		}
	}
}

// pageRunes is a page of a document in GB/T 9704: 22 lines of 28
// characters.
const pageRunes = 22 * 28

// synthReport writes a report of about pages pages in the seed's layout:
// its preamble and totals, then categories of four problems, each with a
// 整改情况 of three measures, until the length is reached; then section
// 三 and the signature.
func synthReport(pages int) string {
	var b strings.Builder
	b.WriteString("根据市委统一部署，2022年5月11日至6月19日，市委第七巡察组对某县某局党组进行了巡察。2022年7月27日，市委巡察组向某县某局党组反馈了巡察意见。按照巡察工作有关要求，现将巡察整改进展情况予以公布。\n")
	b.WriteString("一、组织整改落实情况\n截至10月28日，巡察反馈的问题已完成整改。局党组成立了整改工作领导小组。\n二、巡察反馈问题整改进展情况\n")
	want := pages * pageRunes
	cat, prob := 0, 0
	for len([]rune(b.String())) < want {
		cat++
		fmt.Fprintf(&b, "（%s）反馈问题：第%d个方面的问题落实不到位。\n", zhenggai.Numeral(cat%99+1), cat)
		for k := 0; k < 4; k++ {
			prob++
			fmt.Fprintf(&b, "%d．学习制度执行不严格，会议记录不规范，部分资料缺失，第%d个具体问题。\n", prob, prob)
			b.WriteString("整改情况：一是组织机关党员干部认真学习，自巡察意见反馈后已组织集中学习四次。二是修订完善了档案管理制度，逐项补齐缺失资料。三是加强监督检查，定期对学习笔记和会议记录进行检查，有效杜绝记录不全的现象。\n")
		}
	}
	b.WriteString("三、继续深化后续整改\n局党组将持续抓好整改。\n中共某县某局党组\n2022年10月28日\n")
	return b.String()
}

// The 200-page report, and the same at 100 pages: time per byte is the
// same at both sizes when the parse is linear. ScanReference reads the
// same bytes in the same run as bare code would: split into lines and find
// the numbered headings with a regular expression.
func benchmarkSynth(b *testing.B, pages int) {
	text := synthReport(pages)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		im, err := Parse(text)
		if err != nil || im.ProblemCount() == 0 {
			b.Fatal(err)
		}
	}
}

func BenchmarkParse100Pages(b *testing.B) { benchmarkSynth(b, 100) }
func BenchmarkParse200Pages(b *testing.B) { benchmarkSynth(b, 200) }

var headingRE = regexp.MustCompile(`(?m)^(?:[0-9０-９]+[.．、]|[（(][一二三四五六七八九十]+[）)])`)

func BenchmarkScanReference200Pages(b *testing.B) {
	text := synthReport(200)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		lines := strings.Split(text, "\n")
		if n := len(headingRE.FindAllStringIndex(text, -1)); n == 0 || len(lines) == 0 {
			b.Fatal("nothing found")
		}
	}
}

func BenchmarkScanReferenceSeed(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(sample.Sangzhi)))
	for b.Loop() {
		lines := strings.Split(sample.Sangzhi, "\n")
		if n := len(headingRE.FindAllStringIndex(sample.Sangzhi, -1)); n == 0 || len(lines) == 0 {
			b.Fatal("nothing found")
		}
	}
}

// asPDF lays text out as a PDF copies it: lines broken at width columns
// (a Chinese character two), a page number and the running header every
// perPage lines.
func asPDF(text string, width, perPage int) string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		line, w := "", 0
		for _, r := range para {
			c := 1
			if r >= 0x1100 {
				c = 2
			}
			if w+c > width && !strings.ContainsRune("，。、；：”）", r) {
				out = append(out, line)
				line, w = "", 0
			}
			line += string(r)
			w += c
		}
		if line != "" {
			out = append(out, line)
		}
	}
	var b strings.Builder
	for k, l := range out {
		b.WriteString(l + "\n")
		if (k+1)%perPage == 0 {
			fmt.Fprintf(&b, "— %d —\n某县某局党组巡察整改进展情况\n", (k+1)/perPage)
		}
	}
	return b.String()
}

// The 200-page report copied out of a PDF: every line broken at 28
// characters, a page number and a running header every 22 lines; it reads
// as the typed one does.
func BenchmarkParse200PagesPDF(b *testing.B) {
	text := asPDF(synthReport(200), 56, 22)
	want, err := Parse(synthReport(200))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		im, err := Parse(text)
		if err != nil || im.ProblemCount() != want.ProblemCount() {
			b.Fatalf("%v: %d problems, want %d", err, im.ProblemCount(), want.ProblemCount())
		}
	}
}
