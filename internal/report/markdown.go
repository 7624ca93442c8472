package report

import (
	"bufio"
	"io"
	"strings"
)

// mdEscaper keeps report text from being read as Markdown syntax.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "#", `\#`, "|", `\|`)

func md(s string) string {
	s = mdEscaper.Replace(s)
	// 1. or - at the start of a paragraph would start a list.
	if i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && strings.HasPrefix(s[i:], ".") {
		s = s[:i] + `\` + s[i:]
	} else if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
		s = `\` + s
	}
	return s
}

// Markdown writes the report as Markdown: headings for the levels, a
// paragraph for each paragraph of the text.
func (r *Report) Markdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	para := func(s string) { bw.WriteString(s + "\n\n") }
	para("# " + md(r.Title))
	r.walk(func(b block) {
		t := md(b.text)
		switch b.kind {
		case bHeading1:
			para("## " + t)
		case bCategory:
			para("### " + t)
		case bProblem:
			para("#### " + t)
		case bRect:
			para("**整改情况：**" + t)
		case bSignature:
			bw.WriteString("<div align=\"right\">\n\n" + t + "  \n")
		case bDate:
			bw.WriteString(t + "\n\n</div>\n")
		default:
			para(t)
		}
	})
	return bw.Flush()
}
