package report_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// The layout tests measure a PDF as a reader would with a ruler: where
// its lines of text are (pdftotext -bbox-layout of poppler-utils), how
// many characters a full line holds, how many lines a page, how wide and
// tall the text block is.

const mm = 72 / 25.4 // points

// pdfLine is a line of text on a page, in points from the page's top left.
type pdfLine struct {
	page           int
	text           string
	x0, y0, x1, y1 float64
}

func (l pdfLine) yc() float64 { return (l.y0 + l.y1) / 2 }

// pdfLines reads the lines of every page of a PDF.
func pdfLines(t *testing.T, pdf []byte) (lines []pdfLine, pages int) {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Fatal("pdftotext is not installed: the layout tests measure PDFs with it and do not skip; " +
			"apt-get install -y poppler-utils (as .ci/run does)")
	}
	in := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-bbox-layout", in, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	var doc struct {
		Pages []struct {
			Lines []struct {
				X0    float64 `xml:"xMin,attr"`
				Y0    float64 `xml:"yMin,attr"`
				X1    float64 `xml:"xMax,attr"`
				Y1    float64 `xml:"yMax,attr"`
				Words []struct {
					X0   float64 `xml:"xMin,attr"`
					X1   float64 `xml:"xMax,attr"`
					Text string  `xml:",chardata"`
				} `xml:"word"`
			} `xml:"flow>block>line"`
		} `xml:"body>doc>page"`
	}
	d := xml.NewDecoder(bytes.NewReader(out))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	if err := d.Decode(&doc); err != nil {
		t.Fatalf("pdftotext output: %v", err)
	}
	for i, p := range doc.Pages {
		for _, l := range p.Lines {
			var b strings.Builder
			for _, w := range l.Words {
				b.WriteString(w.Text)
			}
			lines = append(lines, pdfLine{page: i + 1, text: b.String(), x0: l.X0, y0: l.Y0, x1: l.X1, y1: l.Y1})
		}
	}
	// A line may come in pieces (LibreOffice draws a character at a
	// time; poppler splits where a gap is wide): join the pieces of each
	// page that share a baseline, left to right.
	sort.SliceStable(lines, func(i, j int) bool {
		a, b := lines[i], lines[j]
		if a.page != b.page {
			return a.page < b.page
		}
		if math.Abs(a.yc()-b.yc()) > 2 {
			return a.yc() < b.yc()
		}
		return a.x0 < b.x0
	})
	var joined []pdfLine
	for _, l := range lines {
		if n := len(joined); n > 0 && joined[n-1].page == l.page && math.Abs(joined[n-1].yc()-l.yc()) <= 2 {
			p := &joined[n-1]
			p.text += l.text
			p.x0, p.x1 = math.Min(p.x0, l.x0), math.Max(p.x1, l.x1)
			p.y0, p.y1 = math.Min(p.y0, l.y0), math.Max(p.y1, l.y1)
			continue
		}
		joined = append(joined, l)
	}
	return joined, len(doc.Pages)
}

var pageNumberRE = regexp.MustCompile(`^\s*—\s*\d+\s*—\s*$`)

// wide says whether every character of s is full width: a line of them
// is a line of the grid.
func wide(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) && !strings.ContainsRune("，。、：；？！（）《》“”‘’…—", r) {
			return false
		}
	}
	return s != ""
}

// layout is what a reader measures of a document's pages.
type layout struct {
	pages      int
	left       float64 // the text block's left and right edges, pt
	right      float64
	pitch      float64     // the distance between lines, pt
	top        float64     // the top of the first line of a full page, pt
	bottom     float64     // the bottom of the last
	fullLines  map[int]int // characters on full lines → how many lines
	perPage    []int       // lines of the grid each page fills (blank ones between included)
	pageNumber []string    // the page numbers, as drawn
	titleLines []string    // the lines of the title, page 1
	body       []pdfLine
}

// measure finds, in the lines of a document laid out by GB/T 9704, its
// text block and grid. The title is what precedes the first line of 16
// pt characters; page numbers are the lines "— N —".
func measure(t *testing.T, pdf []byte) layout {
	t.Helper()
	lines, pages := pdfLines(t, pdf)
	lo := layout{pages: pages, fullLines: map[int]int{}, left: math.Inf(1), right: math.Inf(-1)}
	inTitle := true
	for _, l := range lines {
		if pageNumberRE.MatchString(l.text) {
			lo.pageNumber = append(lo.pageNumber, strings.Join(strings.Fields(l.text), " "))
			continue
		}
		n := len([]rune(l.text))
		if inTitle && l.page == 1 && wide(l.text) && (l.x1-l.x0)/float64(n) > 19 {
			lo.titleLines = append(lo.titleLines, l.text)
			continue
		}
		inTitle = false
		lo.body = append(lo.body, l)
	}
	// The block's edges: where most lines begin and end (a full stop may
	// hang in the margin, as Word and LibreOffice let it).
	lefts, rights := map[int]int{}, map[int]int{}
	for _, l := range lo.body {
		lefts[int(math.Round(l.x0*2))]++
		rights[int(math.Round(l.x1*2))]++
	}
	lo.left, lo.right = float64(mode(lefts))/2, float64(mode(rights))/2
	// The pitch: the commonest distance between two lines of a page.
	gaps := map[int]int{}
	for i := 1; i < len(lo.body); i++ {
		if a, b := lo.body[i-1], lo.body[i]; a.page == b.page {
			gaps[int(math.Round((b.yc()-a.yc())*10))]++
		}
	}
	// Chromium rounds a line's position to its pixel: gaps of 28.5 and
	// 29.25 pt alternate where lines are 28.95 apart. The pitch is the mean
	// of the gaps near the commonest.
	common := float64(mode(gaps)) / 10
	sum, count := 0.0, 0
	for g, n := range gaps {
		if gap := float64(g) / 10; math.Abs(gap-common) < 1.5 {
			sum += gap * float64(n)
			count += n
		}
	}
	lo.pitch = sum / float64(max(count, 1))
	// Full lines: from the block's left edge to its right, all full width;
	// a mark hanging past the right edge is not in the block.
	for _, l := range lo.body {
		n := len([]rune(l.text))
		if l.x1-lo.right > 4 {
			n--
			if strings.ContainsRune("，。、：；？！）》”’", []rune(l.text)[n]) {
				l.x1 = lo.right
			}
		}
		if wide(l.text) && math.Abs(l.x0-lo.left) < 1 && math.Abs(lo.right-l.x1) < 1.5 {
			lo.fullLines[n]++
		}
	}
	// Lines a page fills: from its first line to its last, on the grid.
	byPage := map[int][]pdfLine{}
	for _, l := range lo.body {
		byPage[l.page] = append(byPage[l.page], l)
	}
	for p := 1; p <= pages; p++ {
		ls := byPage[p]
		if len(ls) == 0 || lo.pitch == 0 {
			lo.perPage = append(lo.perPage, 0)
			continue
		}
		first, last := ls[0], ls[len(ls)-1]
		if p == 1 && len(lo.titleLines) > 0 {
			// The title's lines and the blank line after it are lines
			// of the grid too.
			first.y0 -= float64(len(lo.titleLines)+1) * lo.pitch
			first.y1 -= float64(len(lo.titleLines)+1) * lo.pitch
		}
		n := int(math.Round((last.yc()-first.yc())/lo.pitch)) + 1
		lo.perPage = append(lo.perPage, n)
		if p > 1 && p < pages && lo.top == 0 {
			lo.top, lo.bottom = first.yc()-lo.pitch/2, last.yc()+lo.pitch/2
		}
	}
	return lo
}

// mode is the commonest key of a histogram.
func mode(h map[int]int) int {
	best, n := 0, -1
	for k, c := range h {
		if c > n || (c == n && k < best) {
			best, n = k, c
		}
	}
	return best
}

func (lo layout) String() string {
	var full []string
	for n, c := range lo.fullLines {
		full = append(full, fmt.Sprintf("%d chars×%d", n, c))
	}
	sort.Strings(full)
	return fmt.Sprintf("%d pages; block %.1f–%.1f mm (%.1f mm wide), lines %.2f pt apart, 22 of them %.1f mm; "+
		"first full page's lines from %.1f to %.1f mm; full lines: %s; lines a page: %v; title: %q",
		lo.pages, lo.left/mm, lo.right/mm, (lo.right-lo.left)/mm, lo.pitch, 22*lo.pitch/mm,
		lo.top/mm, lo.bottom/mm, strings.Join(full, ", "), lo.perPage, lo.titleLines)
}
