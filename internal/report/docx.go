package report

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"
)

// The DOCX follows GB/T 9704-2012 (党政机关公文格式): A4; margins top 37 mm,
// bottom 35 mm, binding (left) 28 mm, right 26 mm, so a text block of
// 156 × 225 mm; title 2号方正小标宋简体 (22 pt) centred; body 3号仿宋_GB2312
// (16 pt) in 22 lines of 28 characters; headings 一、黑体, （一）楷体_GB2312,
// 1. 仿宋_GB2312; page numbers 4号 "— 1 —", odd pages right, even left.
// Lengths in twips (1/20 pt, 1 mm = 56.7 twips).
//
// Word, WPS and LibreOffice must lay it out alike, so the document grid is
// a grid of lines only. A grid of characters (linesAndChars) squeezes 28
// characters of 16 pt into 156 mm in Word by a negative pitch, but
// LibreOffice (and WPS with it) gives each character a whole number of
// cells of that pitch: a 16 pt character takes two of 15.7 pt, 14 a line.
// Instead each character is set 0.25 pt tighter (w:spacing -5): 28 × 15.75
// pt = 441 pt fit the 442.2 pt of the block, 29 do not, in every program.
const (
	pageW, pageH           = 11906, 16838 // A4
	marginTop, marginBot   = 2098, 1984   // 37 mm, 35 mm
	marginLeft, marginRght = 1587, 1474   // 28 mm, 26 mm
	// 225 mm / 22 lines = 579.8 twips: the line pitch of the grid and the
	// exact line height of the body; 22 × 579 fit the 12756 of the block.
	linePitch = 579
	// Character spacing of the body in twips: 28 characters a line.
	charSpacing = -5
	// Footer distance from the page's bottom edge: the dashes of the page
	// number 7 mm below the text block (GB/T 9704 7.5).
	footerDist = 1429

	fontTitle   = "方正小标宋简体"
	fontBody    = "仿宋_GB2312"
	fontHeading = "黑体"
	fontKai     = "楷体_GB2312"
	fontPageNo  = "宋体"
	sizeTitle   = 44 // half-points: 2号
	sizeBody    = 32 // 3号
	sizePageNo  = 28 // 4号
)

// DOCX writes the report as a Word document (OOXML) laid out by GB/T 9704.
func (r *Report) DOCX(w io.Writer) error {
	zw := zip.NewWriter(w)
	files := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", r.coreXML()},
		{"word/_rels/document.xml.rels", documentRels},
		{"word/document.xml", r.documentXML()},
		{"word/styles.xml", stylesXML()},
		{"word/settings.xml", settingsXML},
		{"word/fontTable.xml", fontTableXML()},
		{"word/footer1.xml", footerXML("right")},
		{"word/footer2.xml", footerXML("left")},
	}
	// A fixed time keeps the file the same for the same report.
	mod := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, f := range files {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: mod})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(fw, f.body); err != nil {
			return err
		}
	}
	return zw.Close()
}

const xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

const contentTypes = xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>`

const rootRels = xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>`

const documentRels = xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>
<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>
</Relationships>`

// settingsXML turns on different footers for odd and even pages, and
// keeps punctuation full width, as the grid of characters has it (the
// elements in the schema's order, which Word holds to).
const settingsXML = xmlHead + `<w:settings ` + wNS + `>
<w:defaultTabStop w:val="640"/>
<w:evenAndOddHeaders/>
<w:characterSpacingControl w:val="doNotCompress"/>
<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
</w:settings>`

// docFonts are the faces the document names, each with the one Windows
// has under another name (Windows 10 has 仿宋 and 楷体, not the _GB2312
// faces offices install): Word takes the alternative where the face is
// missing. LibreOffice ignores w:altName and asks fontconfig.
var docFonts = []struct{ name, alt, family, pitch string }{
	{fontBody, "仿宋", "modern", "fixed"},
	{fontKai, "楷体", "modern", "fixed"},
	{fontTitle, "宋体", "auto", "variable"},
	{fontHeading, "SimHei", "modern", "fixed"},
	{fontPageNo, "SimSun", "auto", "variable"},
}

func fontTableXML() string {
	var b strings.Builder
	b.WriteString(xmlHead + `<w:fonts ` + wNS + `>` + "\n")
	for _, f := range docFonts {
		fmt.Fprintf(&b, `<w:font w:name="%s"><w:altName w:val="%s"/><w:charset w:val="86"/><w:family w:val="%s"/><w:pitch w:val="%s"/></w:font>`+"\n",
			f.name, f.alt, f.family, f.pitch)
	}
	b.WriteString(`</w:fonts>`)
	return b.String()
}

func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func fonts(name string) string {
	return fmt.Sprintf(`<w:rFonts w:ascii="%[1]s" w:hAnsi="%[1]s" w:eastAsia="%[1]s" w:cs="%[1]s"/>`, name)
}

// pPr is a style's paragraph properties, written in the order the schema
// sets (Word refuses others).
type pPr struct {
	keepNext       bool
	spacing        string // a w:spacing element
	firstLineChars int    // a first-line indent in hundredths of a character
	ind            string // a w:ind element, when firstLineChars is 0
	jc             string
	outline        int // outline level + 1; 0 for none
}

// style is a paragraph style: its font, size and paragraph properties;
// run goes into its run properties after the font.
func style(id, name, font string, size int, p pPr, run string) string {
	var b strings.Builder
	if p.keepNext {
		b.WriteString(`<w:keepNext/>`)
	}
	b.WriteString(p.spacing)
	if p.firstLineChars > 0 {
		fmt.Fprintf(&b, `<w:ind w:firstLineChars="%d" w:firstLine="%d"/>`, p.firstLineChars, p.firstLineChars*size*10/100)
	} else {
		b.WriteString(p.ind)
	}
	fmt.Fprintf(&b, `<w:jc w:val="%s"/>`, p.jc)
	if p.outline > 0 {
		fmt.Fprintf(&b, `<w:outlineLvl w:val="%d"/>`, p.outline-1)
	}
	return fmt.Sprintf(`<w:style w:type="paragraph" w:customStyle="1" w:styleId="%s"><w:name w:val="%s"/><w:basedOn w:val="Normal"/><w:qFormat/>
<w:pPr>%s</w:pPr><w:rPr>%s%s<w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>
`, id, name, b.String(), fonts(font), run, size, size)
}

func stylesXML() string {
	var b strings.Builder
	b.WriteString(xmlHead + `<w:styles ` + wNS + `>
<w:docDefaults><w:rPrDefault><w:rPr>` + fonts(fontBody) + fmt.Sprintf(`<w:spacing w:val="%d"/><w:sz w:val="%d"/><w:szCs w:val="%d"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:spacing w:before="0" w:after="0" w:line="%d" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr><w:rPr>`, charSpacing, sizeBody, sizeBody, linePitch) +
		fonts(fontBody) + fmt.Sprintf(`<w:spacing w:val="%d"/><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>
`, charSpacing, sizeBody, sizeBody))
	// The title's lines are a line of the grid each, 22 pt in 28.95 (not
	// snapped to the grid: LibreOffice would give a line of 22 pt two); a
	// blank line follows it. It is not spaced tighter: 20 characters of
	// 22 pt fit the block.
	b.WriteString(style("Title", "标题", fontTitle, sizeTitle, pPr{
		spacing: fmt.Sprintf(`<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="%d" w:line="%d" w:lineRule="exact"/>`, linePitch, linePitch),
		ind:     `<w:ind w:firstLine="0"/>`, jc: "center"}, `<w:spacing w:val="0"/>`))
	b.WriteString(style("Heading1", "一级标题", fontHeading, sizeBody, pPr{keepNext: true, firstLineChars: 200, jc: "both", outline: 1}, ""))
	b.WriteString(style("Heading2", "二级标题", fontKai, sizeBody, pPr{keepNext: true, firstLineChars: 200, jc: "both", outline: 2}, ""))
	b.WriteString(style("Heading3", "三级标题", fontBody, sizeBody, pPr{firstLineChars: 200, jc: "both", outline: 3}, ""))
	b.WriteString(style("Signature", "落款", fontBody, sizeBody, pPr{ind: `<w:ind w:right="640" w:firstLine="0"/>`, jc: "right"}, ""))
	b.WriteString(style("Footer", "页脚", fontPageNo, sizePageNo, pPr{
		spacing: `<w:spacing w:line="240" w:lineRule="auto"/>`, ind: `<w:ind w:firstLine="0"/>`, jc: "right"}, `<w:spacing w:val="0"/>`))
	b.WriteString(`</w:styles>`)
	return b.String()
}

// footerXML is a page number "— 1 —" in 4号 at the given side, one
// character in from the edge of the text block.
func footerXML(side string) string {
	ind := `<w:ind w:firstLine="0" w:right="280"/>`
	if side == "left" {
		ind = `<w:ind w:firstLine="0" w:left="280"/>`
	}
	run := func(inner string) string {
		return `<w:r><w:rPr>` + fonts(fontPageNo) + fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr>`, sizePageNo, sizePageNo) + inner + `</w:r>`
	}
	return xmlHead + `<w:ftr ` + wNS + `><w:p><w:pPr><w:pStyle w:val="Footer"/>` + ind + `<w:jc w:val="` + side + `"/></w:pPr>` +
		run(`<w:t xml:space="preserve">— </w:t>`) +
		run(`<w:fldChar w:fldCharType="begin"/>`) + run(`<w:instrText xml:space="preserve"> PAGE </w:instrText>`) +
		run(`<w:fldChar w:fldCharType="separate"/>`) + run(`<w:t>1</w:t>`) + run(`<w:fldChar w:fldCharType="end"/>`) +
		run(`<w:t xml:space="preserve"> —</w:t>`) + `</w:p></w:ftr>`
}

// para is one paragraph in a style; runs are plain text or a bold label.
func para(b *strings.Builder, styleID string, text string) {
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + styleID + `"/></w:pPr><w:r><w:t xml:space="preserve">` + xmlText(text) + `</w:t></w:r></w:p>` + "\n")
}

// paraRight is a paragraph set chars characters in from the right.
func paraRight(b *strings.Builder, styleID, text string, chars int) {
	fmt.Fprintf(b, `<w:p><w:pPr><w:pStyle w:val="%s"/><w:ind w:right="%d" w:firstLine="0"/></w:pPr><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>`+"\n",
		styleID, chars*sizeBody*10, xmlText(text))
}

func (r *Report) documentXML() string {
	var b strings.Builder
	b.WriteString(xmlHead + `<w:document ` + wNS + `><w:body>` + "\n")
	// The title is broken between words, into balanced lines.
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>`)
	for i, l := range TitleLines(r.Title, TitleChars) {
		if i > 0 {
			b.WriteString(`<w:r><w:br/></w:r>`)
		}
		b.WriteString(`<w:r><w:t xml:space="preserve">` + xmlText(l) + `</w:t></w:r>`)
	}
	b.WriteString("</w:p>\n")
	sigRight, dateRight := signatureIndents(r.Signature, r.Date)
	r.walk(func(bl block) {
		switch bl.kind {
		case bHeading1:
			para(&b, "Heading1", bl.text)
		case bCategory:
			para(&b, "Heading2", bl.text)
		case bProblem:
			if keptWithNext(bl.text) {
				b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Heading3"/><w:keepNext/></w:pPr><w:r><w:t xml:space="preserve">` + xmlText(bl.text) + `</w:t></w:r></w:p>` + "\n")
			} else {
				para(&b, "Heading3", bl.text)
			}
		case bRect:
			para(&b, "Normal", "整改情况："+bl.text)
		case bSignature:
			para(&b, "Normal", "")
			paraRight(&b, "Signature", bl.text, sigRight)
		case bDate:
			paraRight(&b, "Signature", bl.text, dateRight)
		default:
			para(&b, "Normal", bl.text)
		}
	})
	fmt.Fprintf(&b, `<w:sectPr><w:footerReference w:type="default" r:id="rId3"/><w:footerReference w:type="even" r:id="rId4"/>
<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="851" w:footer="%d" w:gutter="0"/>
<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="%d"/></w:sectPr>
</w:body></w:document>`, pageW, pageH, marginTop, marginRght, marginBot, marginLeft, footerDist, linePitch)
	return b.String()
}

func (r *Report) coreXML() string {
	return xmlHead + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + xmlText(r.Title) + `</dc:title><dc:creator>` + xmlText(r.Signature) + `</dc:creator>` +
		`<dc:language>zh-CN</dc:language></cp:coreProperties>`
}
