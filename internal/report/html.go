package report

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"strings"
)

// CSS styles the report: print-friendly (A4, the margins, grid and fonts
// of GB/T 9704) and readable on a phone. Every rule is under .zg-report (or
// the standalone page's .zg-page) so that a page embedding HTMLBody may
// include it without touching its own.
//
// In print the text block is 156 × 225 mm: the page's margins, and no
// margin of the body or padding of the article within them. Its grid is 22
// lines of 28.95 pt (579 twips, as the DOCX) and 28 characters: each 0.25
// pt tighter than its 16 pt, 28 × 15.75 pt fit the 442.2 pt of a line, 29
// do not. Punctuation keeps its full width, as Word's grid sets it.
var CSS = `.zg-report{max-width:42em;margin:0 auto;padding:1em;color:#000;background:#fff;font-family:` + fontFamily("正文", "serif") + `;font-size:16pt;line-height:1.8;text-align:justify;text-spacing-trim:space-all;font-kerning:none}
.zg-report h1{font-family:` + fontFamily("标题", "serif") + `;font-size:22pt;font-weight:normal;text-align:center;line-height:1.5;margin:0 0 1em;word-break:keep-all;text-wrap:balance}
.zg-report h2{font-family:` + fontFamily("一级标题", "sans-serif") + `;font-size:16pt;font-weight:normal;margin:0;text-indent:2em}
.zg-report h3{font-family:` + fontFamily("二级标题", "serif") + `;font-size:16pt;font-weight:normal;margin:0;text-indent:2em}
.zg-report h4{font-size:16pt;font-weight:normal;margin:0;text-indent:2em}
.zg-report p{margin:0;text-indent:2em}
.zg-report .zg-label{font-weight:normal}
.zg-report .zg-signature,.zg-report .zg-date{text-align:right;text-indent:0}
.zg-report .zg-signature{margin-top:1.8em}
` + rightIndents() + `@media (max-width:40em){.zg-report{font-size:12pt;padding:.5em}.zg-report h1{font-size:17pt}.zg-report h2,.zg-report h3,.zg-report h4{font-size:12pt}}
@page{size:A4;margin:37mm 26mm 35mm 28mm}
@page :right{@bottom-right{content:"— " counter(page) " —";vertical-align:top;padding-top:5.4mm;margin-right:1em;font-family:` + fontFamily("页码", "serif") + `;font-size:14pt;letter-spacing:0}}
@page :left{@bottom-left{content:"— " counter(page) " —";vertical-align:top;padding-top:5.4mm;margin-left:1em;font-family:` + fontFamily("页码", "serif") + `;font-size:14pt;letter-spacing:0}}
@media print{.zg-page{margin:0;padding:0}.zg-report{max-width:none;margin:0;padding:0;line-height:28.95pt;letter-spacing:-.25pt;orphans:1;widows:1}` +
	`.zg-report h1{line-height:28.95pt;margin:0 0 28.95pt;letter-spacing:0}.zg-report .zg-tl{display:block}.zg-report .zg-tb{display:none}.zg-report .zg-signature{margin-top:28.95pt}` +
	`.zg-report h2,.zg-report h3,.zg-report h4.zg-keep{break-after:avoid;break-inside:avoid}.zg-report section.zg-problem{break-inside:auto}}
`

// rightIndents are the classes that set the signature and the date in
// from the right by whole characters (GB/T 9704 7.3.5.1).
func rightIndents() string {
	var b strings.Builder
	for n := 0; n <= maxRightIndent; n++ {
		fmt.Fprintf(&b, ".zg-report .zg-r%d{padding-right:%dem}", n, n)
	}
	return b.String() + "\n"
}

// CSSHash is the Content-Security-Policy source that allows the <style>
// element of HTML, and nothing else inline.
var CSSHash = func() string {
	sum := sha256.Sum256([]byte(CSS))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}()

var pageTmpl = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>{{.CSS}}</style>
</head>
<body class="zg-page">
{{.Body}}</body>
</html>
`))

// HTML writes the report as a complete standalone page: CSS in <style>, no
// script, no outside resource.
func (r *Report) HTML(w io.Writer) error {
	var body strings.Builder
	if err := r.HTMLBody(&body); err != nil {
		return err
	}
	return pageTmpl.Execute(w, map[string]any{
		"Title": r.Title, "CSS": template.CSS(CSS), "Body": template.HTML(body.String()),
	})
}

// HTMLBody writes the report as an <article class="zg-report"> fragment to
// embed in another page (with CSS). Every category and problem has an id:
// category-{id}, problem-{id}.
func (r *Report) HTMLBody(w io.Writer) error {
	var b strings.Builder
	esc := template.HTMLEscapeString
	open := false // inside a problem's <section>
	openCat := false
	closeProblem := func() {
		if open {
			b.WriteString("</section>\n")
			open = false
		}
	}
	closeCategory := func() {
		closeProblem()
		if openCat {
			b.WriteString("</section>\n")
			openCat = false
		}
	}
	b.WriteString(`<article class="zg-report" lang="zh-CN">` + "\n")
	// The title's lines, broken between words and balanced, are lines in
	// print; on a screen they flow, broken only between words.
	b.WriteString(`<h1 class="zg-title">`)
	for i, line := range TitleLines(r.Title, TitleChars) {
		if i > 0 {
			b.WriteString(`<wbr class="zg-tb">`)
		}
		b.WriteString(`<span class="zg-tl">`)
		for j, w := range titleSegments(line) {
			if j > 0 {
				b.WriteString("<wbr>")
			}
			b.WriteString(esc(w))
		}
		b.WriteString("</span>")
	}
	b.WriteString("</h1>\n")
	sigRight, dateRight := signatureIndents(r.Signature, r.Date)
	r.walk(func(bl block) {
		t := esc(bl.text)
		switch bl.kind {
		case bPreamble:
			b.WriteString(`<p class="zg-preamble">` + t + "</p>\n")
		case bHeading1:
			closeCategory()
			b.WriteString("<h2>" + t + "</h2>\n")
		case bTotals:
			b.WriteString(`<p class="zg-totals">` + t + "</p>\n")
		case bPara:
			b.WriteString("<p>" + t + "</p>\n")
		case bWithheld:
			b.WriteString(`<p class="zg-withheld">` + t + "</p>\n")
		case bCategory:
			closeCategory()
			b.WriteString(`<section class="zg-category" id="category-` + itoa64(bl.id) + `">` + "\n<h3>" + t + "</h3>\n")
			openCat = true
		case bProblem:
			closeProblem()
			h4 := "<h4>"
			if keptWithNext(bl.text) {
				h4 = `<h4 class="zg-keep">`
			}
			b.WriteString(`<section class="zg-problem" id="problem-` + itoa64(bl.id) + `">` + "\n" + h4 + t + "</h4>\n")
			open = true
		case bRect:
			b.WriteString(`<p class="zg-rectification"><span class="zg-label">整改情况：</span>` + t + "</p>\n")
		case bContact:
			closeCategory()
			b.WriteString(`<p class="zg-contact">` + t + "</p>\n")
		case bSignature:
			fmt.Fprintf(&b, `<p class="zg-signature zg-r%d">%s</p>`+"\n", sigRight, t)
		case bDate:
			fmt.Fprintf(&b, `<p class="zg-date zg-r%d">%s</p>`+"\n", dateRight, t)
		}
	})
	b.WriteString("</article>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func itoa64(n int64) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var d []byte
	for ; n > 0; n /= 10 {
		d = append([]byte{byte('0' + n%10)}, d...)
	}
	if neg {
		d = append([]byte{'-'}, d...)
	}
	return string(d)
}
