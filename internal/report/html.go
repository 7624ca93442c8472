package report

import (
	"crypto/sha256"
	"encoding/base64"
	"html/template"
	"io"
	"strings"
)

// CSS styles the report: print-friendly (A4, the margins and fonts of GB/T
// 9704) and readable on a phone. Every rule is under .zg-report so that a
// page embedding HTMLBody may include it without touching its own.
const CSS = `.zg-report{max-width:42em;margin:0 auto;padding:1em;color:#000;background:#fff;font-family:"FangSong_GB2312","仿宋_GB2312","FangSong","仿宋","STFangsong","Noto Serif CJK SC","Noto Serif SC","Source Han Serif SC",serif;font-size:16pt;line-height:1.8;text-align:justify}
.zg-report h1{font-family:"FZXiaoBiaoSong-B05S","方正小标宋简体","SimSun","宋体","Noto Serif CJK SC",serif;font-size:22pt;font-weight:normal;text-align:center;line-height:1.5;margin:0 0 1em}
.zg-report h2{font-family:"SimHei","黑体","Noto Sans CJK SC","Source Han Sans SC",sans-serif;font-size:16pt;font-weight:normal;margin:0;text-indent:2em}
.zg-report h3{font-family:"KaiTi_GB2312","楷体_GB2312","KaiTi","楷体","STKaiti","Noto Serif CJK SC",serif;font-size:16pt;font-weight:normal;margin:0;text-indent:2em}
.zg-report h4{font-size:16pt;font-weight:normal;margin:0;text-indent:2em}
.zg-report p{margin:0;text-indent:2em}
.zg-report .zg-label{font-weight:normal}
.zg-report .zg-signature,.zg-report .zg-date{text-align:right;text-indent:0;padding-right:2em}
.zg-report .zg-signature{margin-top:2em}
@media (max-width:40em){.zg-report{font-size:12pt;padding:.5em}.zg-report h1{font-size:17pt}.zg-report h2,.zg-report h3,.zg-report h4{font-size:12pt}}
@page{size:A4;margin:37mm 26mm 35mm 28mm}
@page :right{@bottom-right{content:"— " counter(page) " —";vertical-align:top;padding-top:7mm;margin-right:1em;font-family:"SimSun","宋体","Noto Serif CJK SC",serif;font-size:14pt}}
@page :left{@bottom-left{content:"— " counter(page) " —";vertical-align:top;padding-top:7mm;margin-left:1em;font-family:"SimSun","宋体","Noto Serif CJK SC",serif;font-size:14pt}}
@media print{.zg-report{max-width:none;padding:0}.zg-report h2,.zg-report h3,.zg-report h4{break-after:avoid}.zg-report section.zg-problem{break-inside:auto}}
`

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
<body>
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
	b.WriteString(`<h1 class="zg-title">` + esc(r.Title) + "</h1>\n")
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
			b.WriteString(`<section class="zg-problem" id="problem-` + itoa64(bl.id) + `">` + "\n<h4>" + t + "</h4>\n")
			open = true
		case bRect:
			b.WriteString(`<p class="zg-rectification"><span class="zg-label">整改情况：</span>` + t + "</p>\n")
		case bContact:
			closeCategory()
			b.WriteString(`<p class="zg-contact">` + t + "</p>\n")
		case bSignature:
			b.WriteString(`<p class="zg-signature">` + t + "</p>\n")
		case bDate:
			b.WriteString(`<p class="zg-date">` + t + "</p>\n")
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
