package report_test

import (
	"archive/zip"
	"bytes"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"

	"zhenggai"
	"zhenggai/internal/report"
	"zhenggai/internal/testkit"
)

func demoReport(t testing.TB) *report.Report {
	t.Helper()
	env := testkit.Open(t)
	r := demoRound(t, env)
	return build(t, env.Store, r.ID, seedDate)
}

// unzip reads every part of a DOCX and checks that each XML part is well
// formed.
func unzip(t *testing.T, b []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = string(data)
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			d := xml.NewDecoder(bytes.NewReader(data))
			for {
				if _, err := d.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("%s is not well-formed XML: %v", f.Name, err)
				}
			}
		}
	}
	return parts
}

// OOXML elements the test reads: paragraphs with their style and text.
type wDocument struct {
	Body struct {
		Paras []struct {
			Style struct {
				Val string `xml:"val,attr"`
			} `xml:"pPr>pStyle"`
			Texts []string `xml:"r>t"`
		} `xml:"p"`
		Sect struct {
			FooterRefs []struct {
				Type string `xml:"type,attr"`
				ID   string `xml:"id,attr"`
			} `xml:"footerReference"`
			PgSz struct {
				W string `xml:"w,attr"`
				H string `xml:"h,attr"`
			} `xml:"pgSz"`
			PgMar struct {
				Top    string `xml:"top,attr"`
				Right  string `xml:"right,attr"`
				Bottom string `xml:"bottom,attr"`
				Left   string `xml:"left,attr"`
			} `xml:"pgMar"`
			DocGrid struct {
				Type      string `xml:"type,attr"`
				LinePitch string `xml:"linePitch,attr"`
				CharSpace string `xml:"charSpace,attr"`
			} `xml:"docGrid"`
		} `xml:"sectPr"`
	} `xml:"body"`
}

type wStyles struct {
	Styles []struct {
		ID    string `xml:"styleId,attr"`
		Fonts struct {
			ASCII    string `xml:"ascii,attr"`
			EastAsia string `xml:"eastAsia,attr"`
		} `xml:"rPr>rFonts"`
		Size struct {
			Val string `xml:"val,attr"`
		} `xml:"rPr>sz"`
		Jc struct {
			Val string `xml:"val,attr"`
		} `xml:"pPr>jc"`
		Spacing struct {
			Line string `xml:"line,attr"`
			Rule string `xml:"lineRule,attr"`
		} `xml:"pPr>spacing"`
	} `xml:"style"`
}

// The DOCX as GB/T 9704 sets a document: page, margins, grid, fonts and
// sizes per level, page numbers, and every word of the report.
func TestDOCX(t *testing.T) {
	rep := demoReport(t)
	var buf bytes.Buffer
	if err := rep.DOCX(&buf); err != nil {
		t.Fatal(err)
	}
	parts := unzip(t, buf.Bytes())
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
		"word/settings.xml", "word/footer1.xml", "word/footer2.xml", "word/_rels/document.xml.rels", "docProps/core.xml"} {
		if _, ok := parts[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
	var doc wDocument
	if err := xml.Unmarshal([]byte(parts["word/document.xml"]), &doc); err != nil {
		t.Fatal(err)
	}
	s := doc.Body.Sect
	if s.PgSz.W != "11906" || s.PgSz.H != "16838" {
		t.Errorf("page %s×%s twips, want A4 11906×16838", s.PgSz.W, s.PgSz.H)
	}
	// 37, 26, 35 and 28 mm.
	if m := s.PgMar; m.Top != "2098" || m.Right != "1474" || m.Bottom != "1984" || m.Left != "1587" {
		t.Errorf("margins %+v, want top 2098 right 1474 bottom 1984 left 1587", m)
	}
	// 22 lines in the 225 mm block, 28 characters of 16 pt in 156 mm.
	if g := s.DocGrid; g.Type != "linesAndChars" || g.LinePitch != "579" || g.CharSpace != "-847" {
		t.Errorf("grid %+v", g)
	}
	textH := 16838 - 2098 - 1984
	if n := textH / 579; n != 22 {
		t.Errorf("%d lines a page, want 22", n)
	}
	charW := float64(11906-1587-1474) / 28 // twips a character
	if d := 320 + float64(-847)/4096*20 - charW; d > 0.5 || d < -0.5 {
		t.Errorf("a character takes %.1f twips on the grid, want %.1f", 320+float64(-847)/4096*20, charW)
	}
	refs := map[string]string{}
	for _, r := range s.FooterRefs {
		refs[r.Type] = r.ID
	}
	if refs["default"] != "rId3" || refs["even"] != "rId4" {
		t.Errorf("footer references %v", refs)
	}
	rels := parts["word/_rels/document.xml.rels"]
	if !strings.Contains(rels, `Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"`) ||
		!strings.Contains(rels, `Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"`) {
		t.Errorf("footer relationships: %s", rels)
	}
	if !strings.Contains(parts["word/settings.xml"], "<w:evenAndOddHeaders/>") {
		t.Error("odd and even pages share one footer")
	}

	var st wStyles
	if err := xml.Unmarshal([]byte(parts["word/styles.xml"]), &st); err != nil {
		t.Fatal(err)
	}
	styles := map[string]int{}
	for i, s := range st.Styles {
		styles[s.ID] = i
	}
	for _, c := range []struct{ id, font, size, jc string }{
		{"Title", "方正小标宋简体", "44", "center"},
		{"Normal", "仿宋_GB2312", "32", ""},
		{"Heading1", "黑体", "32", "both"},
		{"Heading2", "楷体_GB2312", "32", "both"},
		{"Heading3", "仿宋_GB2312", "32", "both"},
		{"Signature", "仿宋_GB2312", "32", "right"},
		{"Footer", "宋体", "28", "right"},
	} {
		i, ok := styles[c.id]
		if !ok {
			t.Errorf("no style %s", c.id)
			continue
		}
		s := st.Styles[i]
		if s.Fonts.EastAsia != c.font || s.Fonts.ASCII != c.font || s.Size.Val != c.size || s.Jc.Val != c.jc {
			t.Errorf("style %s: %+v, want font %s size %s jc %q", c.id, s, c.font, c.size, c.jc)
		}
	}
	if !strings.Contains(parts["word/styles.xml"], `<w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact"/>`) {
		t.Error("the body's line height is not the grid's pitch")
	}

	// Page numbers: "— 1 —", odd pages right, even pages left.
	for name, side := range map[string]string{"word/footer1.xml": "right", "word/footer2.xml": "left"} {
		f := parts[name]
		for _, want := range []string{`<w:jc w:val="` + side + `"/>`, `<w:t xml:space="preserve">— </w:t>`, ` PAGE `,
			`<w:t xml:space="preserve"> —</w:t>`, `w:eastAsia="宋体"`, `<w:sz w:val="28"/>`} {
			if !strings.Contains(f, want) {
				t.Errorf("%s lacks %s", name, want)
			}
		}
	}

	// Every paragraph of the text, in order, in the right style.
	var text bytes.Buffer
	if err := rep.Text(&text); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(text.String(), "\n") {
		if l != "" {
			lines = append(lines, l)
		}
	}
	var paras []string
	styleOf := map[string]string{}
	for _, p := range doc.Body.Paras {
		s := strings.Join(p.Texts, "")
		if s != "" {
			paras = append(paras, s)
			styleOf[s] = p.Style.Val
		}
	}
	if strings.Join(paras, "\n") != strings.Join(lines, "\n") {
		t.Errorf("the document's text differs from the report's:\n%.300q\n%.300q", paras, lines)
	}
	totals := rep.TotalsSentence + rep.OutcomesSentence // one paragraph
	for text, style := range map[string]string{
		rep.Title:    "Title",
		"一、组织整改落实情况": "Heading1",
		"二、巡察反馈问题整改进展情况":           "Heading1",
		"三、继续深化后续整改":               "Heading1",
		rep.Categories[0].Heading:  "Heading2",
		rep.Categories[13].Heading: "Heading2",
		"1.学习停留在表面,没有学深学透。":        "Heading3",
		totals:         "Normal",
		"中共政协桑植县委员会党组": "Signature",
		"2020年10月28日":  "Signature",
	} {
		if styleOf[text] != style {
			t.Errorf("%.40q in style %q, want %s", text, styleOf[text], style)
		}
	}
	if !strings.Contains(parts["docProps/core.xml"], "<dc:title>"+rep.Title+"</dc:title>") {
		t.Error("no title in the document properties")
	}
}

// LibreOffice opens the DOCX and prints it to PDF. The test does not skip:
// .ci/run installs libreoffice-writer-nogui.
func TestDOCXOpensInLibreOffice(t *testing.T) {
	soffice := ""
	for _, n := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(n); err == nil {
			soffice = p
			break
		}
	}
	if soffice == "" {
		t.Fatal("LibreOffice (soffice) is not installed: the test opens the DOCX in it and does not skip; " +
			"apt-get install -y libreoffice-writer-nogui (as .ci/run does)")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "report.docx")
	var buf bytes.Buffer
	if err := demoReport(t).DOCX(&buf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir, in)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, out)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "report.pdf"))
	if err != nil {
		t.Fatalf("LibreOffice made no PDF: %v\n%s", err, out)
	}
	if pages := pdfPages(t, pdf); pages < 10 {
		t.Errorf("LibreOffice laid the report out on %d pages", pages)
	}
}

var (
	mediaBoxRE = regexp.MustCompile(`/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]`)
	pageRE     = regexp.MustCompile(`/Type\s*/Page\b`)
	titleRE    = regexp.MustCompile(`/Title\s*<FEFF([0-9A-Fa-f]+)>`)
)

// pdfPages checks that b is a PDF of A4 pages and returns their number.
func pdfPages(t *testing.T, b []byte) int {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %.20q", b)
	}
	boxes := mediaBoxRE.FindAllSubmatch(b, -1)
	for _, m := range boxes {
		if w, h := string(m[1]), string(m[2]); !strings.HasPrefix(w, "59") || !strings.HasPrefix(h, "84") {
			t.Errorf("page %s×%s pt, want A4 595×842", w, h)
			break
		}
	}
	// A page's MediaBox may be its own or inherited from the page tree
	// (Chromium writes one per page, LibreOffice one more on /Pages).
	n := len(pageRE.FindAll(b, -1))
	if n == 0 || (len(boxes) != n && len(boxes) != n+1 && len(boxes) != 1) {
		t.Errorf("%d pages, %d media boxes", n, len(boxes))
	}
	return n
}

// The PDF is printed by Chromium: A4, in a CJK font, titled. This test
// must run wherever the suite runs: .ci/run installs chromium.
func TestPDF(t *testing.T) {
	if _, err := report.Chromium(); err != nil {
		t.Fatalf("%v (the PDF test does not skip: install chromium and fonts-noto-cjk)", err)
	}
	rep := demoReport(t)
	var buf bytes.Buffer
	if err := rep.PDF(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	if pages := pdfPages(t, b); pages < 10 || pages > 40 {
		t.Errorf("%d pages for the seed's report", pages)
	}
	if !regexp.MustCompile(`/FontName\s*/[A-Z]{6}\+Noto(Serif|Sans)CJK`).Match(b) {
		t.Error("no CJK font embedded: install fonts-noto-cjk")
	}
	m := titleRE.FindSubmatch(b)
	if m == nil {
		t.Fatal("the PDF has no title")
	}
	raw, err := hex.DecodeString(string(m[1]))
	if err != nil {
		t.Fatal(err)
	}
	u := make([]uint16, len(raw)/2)
	for i := range u {
		u[i] = uint16(raw[2*i])<<8 | uint16(raw[2*i+1])
	}
	if got := string(utf16.Decode(u)); got != rep.Title {
		t.Errorf("PDF title %q, want %q", got, rep.Title)
	}
}

// Without a browser, the message tells how to install one.
func TestPDFWithoutBrowser(t *testing.T) {
	defer report.NoBrowserHere()()
	t.Setenv("ZHENGGAI_CHROMIUM", "")
	rep := demoReport(t)
	var buf bytes.Buffer
	err := rep.PDF(ctx, &buf)
	if !errors.Is(err, report.ErrNoBrowser) || !strings.Contains(zhenggai.ErrorMessage(err), "apt-get install -y chromium fonts-noto-cjk") {
		t.Errorf("err = %v", err)
	}
	if buf.Len() != 0 {
		t.Error("something was written")
	}
	t.Setenv("ZHENGGAI_CHROMIUM", "/nonexistent/browser")
	if err := rep.PDF(ctx, &buf); err == nil || !strings.Contains(zhenggai.ErrorMessage(err), "ZHENGGAI_CHROMIUM") {
		t.Errorf("bad ZHENGGAI_CHROMIUM: %v", err)
	}
}
