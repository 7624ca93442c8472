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

	chars int  // characters within the text block (a hanging mark is not)
	full  bool // a line of the grid from edge to edge, all full width
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

// Marks that may not begin a line, and that may not end one (避头尾).
const (
	noLineStart = "，。、：；？！）》”’」』,.;:?!)"
	noLineEnd   = "（《“‘「『("
)

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
	pageNumber []pdfLine   // the page numbers, as drawn
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
			l.text = strings.Join(strings.Fields(l.text), " ")
			lo.pageNumber = append(lo.pageNumber, l)
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
	for i := range lo.body {
		l := &lo.body[i]
		l.chars = len([]rune(l.text))
		x1 := l.x1
		if x1-lo.right > 4 && strings.ContainsRune(noLineStart, []rune(l.text)[l.chars-1]) {
			l.chars--
			x1 = lo.right
		}
		if wide(l.text) && math.Abs(l.x0-lo.left) < 1 && math.Abs(lo.right-x1) < 1.5 {
			l.full = true
			lo.fullLines[l.chars]++
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

// headingRE is how a heading of the report begins: 一、 （一） 1.
var headingRE = regexp.MustCompile(`^(（|\()?[一二三四五六七八九十]+(、|）|\))|^\d+[.．、]`)

// checkGrid asserts what GB/T 9704 asks of the pages of a report: a text
// block of 156 × 225 mm from 28 mm left and 37 mm top, 22 lines a page,
// 28 characters a full line, page numbers "— N —" one character in from
// the right on odd pages and the left on even ones, their dashes 7 mm
// below the block.
func checkGrid(t *testing.T, who string, lo layout) {
	t.Helper()
	t.Logf("%s: %v", who, lo)
	near := func(what string, got, want, tol float64) {
		t.Helper()
		if math.Abs(got-want) > tol {
			t.Errorf("%s: %s %.1f mm, want %.1f ± %.1f", who, what, got, want, tol)
		}
	}
	near("text block's left edge at", lo.left/mm, 28, 0.5)
	near("text block's width", (lo.right-lo.left)/mm, 156, 0.5)
	// A line's glyphs sit within its 10.2 mm of the grid where the face
	// puts them: the block's top and bottom are found within 2 mm.
	near("first line of a full page from the top at", lo.top/mm, 37, 2)
	near("last line of a full page from the top at", lo.bottom/mm, 297-35, 2)
	near("height of 22 lines", 22*lo.pitch/mm, 224.7, 0.6)

	// Every full line holds 28 characters, unless the 28th would end it
	// with an opening mark or the next line would begin with a closing one
	// (避头尾), which moves a character down and spreads the line.
	counted, exact := 0, 0
	for i, l := range lo.body {
		if !l.full {
			continue
		}
		counted++
		switch {
		case l.chars == 28:
			exact++
			continue
		case l.chars < 28 && i+1 < len(lo.body):
			next := []rune(lo.body[i+1].text)
			if k := 28 - l.chars; k < len(next) && (strings.ContainsRune(noLineStart, next[k]) || strings.ContainsRune(noLineEnd, next[k-1])) {
				continue
			}
		}
		t.Errorf("%s: page %d, a full line of %d characters: %q", who, l.page, l.chars, l.text)
	}
	if counted < 30 || exact*10 < counted*8 {
		t.Errorf("%s: %d of %d full lines hold 28 characters", who, exact, counted)
	}

	// 22 lines a page; a page holds fewer only where a heading went on to
	// the next with what follows it.
	full := 0
	for i, n := range lo.perPage {
		page := i + 1
		switch {
		case n > 22:
			t.Errorf("%s: page %d holds %d lines", who, page, n)
		case n == 22:
			full++
		case page < lo.pages:
			first := ""
			for _, l := range lo.body {
				if l.page == page+1 {
					first = l.text
					break
				}
			}
			if !headingRE.MatchString(first) || n < 18 {
				t.Errorf("%s: page %d holds %d lines, and page %d begins %.20q", who, page, n, page+1, first)
			}
		}
	}
	if full*10 < (lo.pages-1)*8 {
		t.Errorf("%s: %d of %d pages hold 22 lines", who, full, lo.pages)
	}

	if len(lo.pageNumber) != lo.pages {
		t.Errorf("%s: %d page numbers on %d pages", who, len(lo.pageNumber), lo.pages)
	}
	for _, l := range lo.pageNumber {
		if want := fmt.Sprintf("—%d—", l.page); strings.ReplaceAll(l.text, " ", "") != want {
			t.Errorf("%s: page %d numbered %q, want %q", who, l.page, l.text, want)
		}
		if l.page%2 == 1 {
			near(fmt.Sprintf("page %d's number ends", l.page), l.x1/mm, 184-14/mm, 1.5)
		} else {
			near(fmt.Sprintf("page %d's number begins", l.page), l.x0/mm, 28+14/mm, 1.5)
		}
		// The dashes (一字线) 7 mm below the block; they are drawn at the
		// middle of the line.
		near(fmt.Sprintf("page %d's number, its middle from the top at", l.page), l.yc()/mm, 262+7, 1.5)
	}
}
