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
const (
	pageW, pageH           = 11906, 16838 // A4
	marginTop, marginBot   = 2098, 1984   // 37 mm, 35 mm
	marginLeft, marginRght = 1587, 1474   // 28 mm, 26 mm
	// 225 mm / 22 lines = 579.8 twips: the line pitch of the grid and the
	// exact line height of the body.
	linePitch = 579
	// 156 mm / 28 characters = 315.9 twips a character, 4.1 twips less
	// than a 16 pt character: charSpace is that in 1/4096 pt.
	charSpace = -847

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
</Relationships>`

// settingsXML turns on different footers for odd and even pages.
const settingsXML = xmlHead + `<w:settings ` + wNS + `>
<w:evenAndOddHeaders/>
<w:defaultTabStop w:val="640"/>
<w:characterSpacingControl w:val="compressPunctuation"/>
<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
</w:settings>`

func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func fonts(name string) string {
	return fmt.Sprintf(`<w:rFonts w:ascii="%[1]s" w:hAnsi="%[1]s" w:eastAsia="%[1]s" w:cs="%[1]s"/>`, name)
}

// style is a paragraph style: its font, size, alignment and indent.
func style(id, name, font string, size int, jc string, firstLineChars int, extra string) string {
	ind := ""
	if firstLineChars > 0 {
		ind = fmt.Sprintf(`<w:ind w:firstLineChars="%d" w:firstLine="%d"/>`, firstLineChars, firstLineChars*size*10/100)
	}
	return fmt.Sprintf(`<w:style w:type="paragraph" w:customStyle="1" w:styleId="%s"><w:name w:val="%s"/><w:basedOn w:val="Normal"/><w:qFormat/>
<w:pPr>%s<w:jc w:val="%s"/>%s</w:pPr><w:rPr>%s<w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>
`, id, name, extra, jc, ind, fonts(font), size, size)
}

func stylesXML() string {
	var b strings.Builder
	b.WriteString(xmlHead + `<w:styles ` + wNS + `>
<w:docDefaults><w:rPrDefault><w:rPr>` + fonts(fontBody) + fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/><w:kern w:val="2"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0" w:line="%d" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr><w:rPr>`, sizeBody, sizeBody, linePitch) +
		fonts(fontBody) + fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>
`, sizeBody, sizeBody))
	// The title is set in 22 pt on two grid lines; a blank line follows it.
	b.WriteString(style("Title", "标题", fontTitle, sizeTitle, "center", 0,
		`<w:spacing w:before="0" w:after="579" w:line="700" w:lineRule="exact"/><w:ind w:firstLine="0"/>`))
	b.WriteString(style("Heading1", "一级标题", fontHeading, sizeBody, "both", 200, `<w:keepNext/><w:outlineLvl w:val="0"/>`))
	b.WriteString(style("Heading2", "二级标题", fontKai, sizeBody, "both", 200, `<w:keepNext/><w:outlineLvl w:val="1"/>`))
	b.WriteString(style("Heading3", "三级标题", fontBody, sizeBody, "both", 200, `<w:keepNext/><w:outlineLvl w:val="2"/>`))
	b.WriteString(style("Signature", "落款", fontBody, sizeBody, "right", 0, `<w:ind w:firstLine="0" w:right="1280"/>`))
	b.WriteString(style("Footer", "页脚", fontPageNo, sizePageNo, "right", 0, `<w:spacing w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/>`))
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
	return xmlHead + `<w:ftr ` + wNS + `><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="` + side + `"/>` + ind + `</w:pPr>` +
		run(`<w:t xml:space="preserve">— </w:t>`) +
		run(`<w:fldChar w:fldCharType="begin"/>`) + run(`<w:instrText xml:space="preserve"> PAGE </w:instrText>`) +
		run(`<w:fldChar w:fldCharType="separate"/>`) + run(`<w:t>1</w:t>`) + run(`<w:fldChar w:fldCharType="end"/>`) +
		run(`<w:t xml:space="preserve"> —</w:t>`) + `</w:p></w:ftr>`
}

// para is one paragraph in a style; runs are plain text or a bold label.
func para(b *strings.Builder, styleID string, text string) {
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + styleID + `"/></w:pPr><w:r><w:t xml:space="preserve">` + xmlText(text) + `</w:t></w:r></w:p>` + "\n")
}

func (r *Report) documentXML() string {
	var b strings.Builder
	b.WriteString(xmlHead + `<w:document ` + wNS + `><w:body>` + "\n")
	para(&b, "Title", r.Title)
	r.walk(func(bl block) {
		switch bl.kind {
		case bHeading1:
			para(&b, "Heading1", bl.text)
		case bCategory:
			para(&b, "Heading2", bl.text)
		case bProblem:
			para(&b, "Heading3", bl.text)
		case bRect:
			para(&b, "Normal", "整改情况："+bl.text)
		case bSignature:
			para(&b, "Normal", "")
			para(&b, "Signature", bl.text)
		case bDate:
			para(&b, "Signature", bl.text)
		default:
			para(&b, "Normal", bl.text)
		}
	})
	fmt.Fprintf(&b, `<w:sectPr><w:footerReference w:type="default" r:id="rId3"/><w:footerReference w:type="even" r:id="rId4"/>
<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="851" w:footer="1304" w:gutter="0"/>
<w:cols w:space="425"/><w:docGrid w:type="linesAndChars" w:linePitch="%d" w:charSpace="%d"/></w:sectPr>
</w:body></w:document>`, pageW, pageH, marginTop, marginRght, marginBot, marginLeft, linePitch, charSpace)
	return b.String()
}

func (r *Report) coreXML() string {
	return xmlHead + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + xmlText(r.Title) + `</dc:title><dc:creator>` + xmlText(r.Signature) + `</dc:creator>` +
		`<dc:language>zh-CN</dc:language></cp:coreProperties>`
}
