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
	"slices"
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
		CharSpacing *struct {
			Val int `xml:"val,attr"`
		} `xml:"rPr>spacing"`
		KeepNext *struct{} `xml:"pPr>keepNext"`
	} `xml:"style"`
}

// OOXML font table: each face with the name Windows knows it by.
type wFonts struct {
	Fonts []struct {
		Name    string `xml:"name,attr"`
		AltName struct {
			Val string `xml:"val,attr"`
		} `xml:"altName"`
		Charset struct {
			Val string `xml:"val,attr"`
		} `xml:"charset"`
	} `xml:"font"`
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
	// 22 lines in the 225 mm block: a grid of lines only, since a grid of
	// characters with a negative pitch doubles every character in
	// LibreOffice (and WPS). TestDOCXInLibreOffice measures what it draws.
	if g := s.DocGrid; g.Type != "lines" || g.LinePitch != "579" || g.CharSpace != "" {
		t.Errorf("grid %+v, want lines of 579 twips and no grid of characters", g)
	}
	textH := 16838 - 2098 - 1984
	if n := textH / 579; n != 22 {
		t.Errorf("%d lines a page, want 22", n)
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
	// 28 characters of 16 pt, each set 0.25 pt tighter, fit a line of the
	// 156 mm block (8845 twips); 29 do not.
	if n := st.Styles[styles["Normal"]].CharSpacing; n == nil || 28*(320+n.Val) > 8845 || 29*(320+n.Val) <= 8845 {
		t.Errorf("body characters spaced %+v twips: 28 do not make a line", n)
	}
	if n := st.Styles[styles["Title"]].CharSpacing; n == nil || n.Val != 0 || 20*440 > 8845 {
		t.Errorf("the title's characters are spaced %+v", n)
	}
	// Headings stay with what follows; a problem's heading only when short
	// (a long one is the problem's account: LibreOffice would carry all of
	// it to the next page).
	for id, keep := range map[string]bool{"Heading1": true, "Heading2": true, "Heading3": false, "Normal": false} {
		if got := st.Styles[styles[id]].KeepNext != nil; got != keep {
			t.Errorf("style %s keeps with next: %v", id, got)
		}
	}
	if !strings.Contains(parts["word/document.xml"], `<w:pStyle w:val="Heading3"/><w:keepNext/></w:pPr><w:r><w:t xml:space="preserve">1.学习停留在表面,没有学深学透。`) ||
		strings.Contains(parts["word/document.xml"], `<w:pStyle w:val="Heading3"/><w:keepNext/></w:pPr><w:r><w:t xml:space="preserve">16.党组书记`) {
		t.Error("problem headings kept with the next paragraph: want the short ones only")
	}
	// Word finds the faces by their Windows names where the GB2312 ones
	// are not installed.
	var ft wFonts
	if err := xml.Unmarshal([]byte(parts["word/fontTable.xml"]), &ft); err != nil {
		t.Fatal(err)
	}
	alt := map[string]string{}
	for _, f := range ft.Fonts {
		alt[f.Name] = f.AltName.Val
		if f.Charset.Val != "86" {
			t.Errorf("font %s: charset %s, want 86 (GB2312)", f.Name, f.Charset.Val)
		}
	}
	for name, want := range map[string]string{"仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "黑体": "SimHei", "方正小标宋简体": "宋体", "宋体": "SimSun"} {
		if alt[name] != want {
			t.Errorf("font table: %s stands in for %s, want %s", alt[name], name, want)
		}
	}
	if !strings.Contains(rels, `Target="fontTable.xml"`) || !strings.Contains(parts["[Content_Types].xml"], `PartName="/word/fontTable.xml"`) {
		t.Error("the font table is not part of the package")
	}
	// The title is broken between words, into balanced lines.
	if !strings.Contains(parts["word/document.xml"], `<w:t xml:space="preserve">中共政协桑植县委员会党组</w:t></w:r><w:r><w:br/></w:r><w:r><w:t xml:space="preserve">关于巡察整改进展情况的通报</w:t>`) {
		t.Error("the title is not broken before 关于")
	}
	// GB/T 9704 7.3.5.1: the signature two characters in from the right,
	// the date starting two right of it: 12 - 2 - 7 + 2 = 5 in.
	if !strings.Contains(parts["word/document.xml"], `<w:ind w:right="640" w:firstLine="0"/></w:pPr><w:r><w:t xml:space="preserve">中共政协桑植县委员会党组</w:t>`) ||
		!strings.Contains(parts["word/document.xml"], `<w:ind w:right="1600" w:firstLine="0"/></w:pPr><w:r><w:t xml:space="preserve">2020年10月28日</w:t>`) {
		t.Error("signature and date not set in from the right by 2 and 5 characters")
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

// LibreOffice (as WPS, which handles the grid as it does) opens the DOCX
// and prints it to PDF, which is measured as a reader would: 28
// characters a full line, 22 lines a page, the block where GB/T 9704 puts
// it, and as many pages, within one, as Chromium prints of the same
// report. The test does not skip: .ci/run installs libreoffice-writer-nogui
// and poppler-utils.
func TestDOCXInLibreOffice(t *testing.T) {
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
	if _, err := report.Chromium(); err != nil {
		t.Fatalf("%v (the test compares with the PDF Chromium prints and does not skip)", err)
	}
	rep := demoReport(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "report.docx")
	var buf bytes.Buffer
	if err := rep.DOCX(&buf); err != nil {
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
	lo := measure(t, pdf)
	checkGrid(t, "LibreOffice", lo)
	if want := report.TitleLines(rep.Title, report.TitleChars); !slices.Equal(lo.titleLines, want) {
		t.Errorf("LibreOffice: title in lines %q, want %q", lo.titleLines, want)
	}

	var printed bytes.Buffer
	if err := rep.PDF(ctx, &printed); err != nil {
		t.Fatal(err)
	}
	chromium := measure(t, printed.Bytes())
	if d := lo.pages - chromium.pages; d < -1 || d > 1 {
		t.Errorf("LibreOffice lays the report out on %d pages, Chromium prints %d", lo.pages, chromium.pages)
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
	faces, err := rep.PDFFaces(ctx, &buf)
	if err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	if pages := pdfPages(t, b); pages < 10 || pages > 40 {
		t.Errorf("%d pages for the seed's report", pages)
	}
	lo := measure(t, b)
	checkGrid(t, "Chromium", lo)
	if want := report.TitleLines(rep.Title, report.TitleChars); !slices.Equal(lo.titleLines, want) {
		t.Errorf("title in lines %q, want %q", lo.titleLines, want)
	}

	// The faces: 仿宋 for the body and 楷体 for （一） headings where the
	// machine has one (.ci/run installs the Fandol fonts and AR PL KaitiM
	// GB), as fontconfig foretold and as embedded; the note names every
	// face that stood in.
	foretold, err := report.InstalledFaces(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(faces) != 4 || len(foretold) != 4 {
		t.Fatalf("faces %+v, foretold %+v", faces, foretold)
	}
	note := report.FaceNote(faces)
	for i, f := range faces {
		t.Logf("%s: %s (%s), foretold %s", f.Role, f.Used, f.PostScript, foretold[i].Used)
		if f.Role != foretold[i].Role || f.Used != foretold[i].Used {
			t.Errorf("%s set in %q, fontconfig foretold %q", f.Role, f.Used, foretold[i].Used)
		}
		if (f.Role == "正文" || f.Role == "二级标题") && !f.InStyle() {
			t.Errorf("%s set in %q, not a %s face: install texlive-lang-chinese and fonts-arphic-gkai00mp and make the "+
				"Fandol fonts visible to fontconfig, as .ci/run does", f.Role, f.Used, f.Wanted)
		}
		if f.PostScript == "" || !regexp.MustCompile(`/FontName\s*/[A-Z]{6}\+`+regexp.QuoteMeta(f.PostScript)).Match(b) {
			t.Errorf("%s: face %q (%s) not embedded", f.Role, f.Used, f.PostScript)
		}
		if named := strings.Contains(note, f.Role+"用"+f.Used+"代替"+f.Wanted); named != f.StandIn() {
			t.Errorf("note %q names %s: %v, stood in: %v", note, f.Role, named, f.StandIn())
		}
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
