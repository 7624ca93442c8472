package textimport

import (
	"strings"
	"unicode/utf8"

	"zhenggai"
)

type lineKind uint8

const (
	kText     lineKind = iota
	kSection           // 一、组织整改落实情况
	kCategory          // (一)反馈问题:… or (一)…
	kProblem           // 1.… 1、… １．…
	kLabel             // 整改情况:…
	kTrailer           // contact lines, source, signature date: the report is over
)

// autoNum is the number of a problem heading written without one (关于“…”问题,
// 问题:…): openProblem numbers it after the one before.
const autoNum = 0

// line is one non-blank line; a, b bound its trimmed text in the folded
// text, so the original is t.slice(a, b).
type line struct {
	no   int // 1-based, as an editor counts
	a, b int
	kind lineKind
	num  int  // number of a section, category or problem
	fb   bool // a category that says 反馈问题
	date bool // a trailer that is a date alone (the signature date)
	// noise is web-page furniture (site path, 索引号/发布机构 table, 发布时间
	// line, a repeated title): a trailer that is also left out of the
	// preamble and the totals.
	noise bool
	body  int // where the text after the marker starts, relative to a
}

func (p *parser) splitLines() {
	s := p.t.norm
	p.lines = make([]line, 0, strings.Count(s, "\n")+1)
	no, start := 1, 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != '\n' && s[i] != '\r' {
			continue
		}
		a, b := start, i
		for a < b && s[a] == ' ' {
			a++
		}
		for b > a && s[b-1] == ' ' {
			b--
		}
		if a < b {
			l := line{no: no, a: a, b: b}
			classify(&l, s[a:b])
			if l.noise && p.published.IsZero() {
				p.published = publishedDate(s[a:b])
			}
			p.lines = append(p.lines, l)
		}
		if i < len(s) && s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			i++
		}
		no++
		start = i + 1
	}
}

// labels introduce the progress paragraph of a problem; longest first.
// A bare 整改: pairs with 问题:.
var labels = []string{"整改进展情况", "整改落实情况", "整改完成情况", "整改情况", "整改进展", "整改进度", "整改措施", "整改成效", "整改结果", "落实情况", "进展情况", "整改"}

// trailers start the lines that close a report.
var trailers = []string{"欢迎广大", "欢迎社会各界", "联系电话", "举报电话", "邮政信箱", "电子邮箱", "来源:", "编辑:", "责任编辑", "本文链接", "原文链接", "附件:"}

// metaKeys head the cells of the metadata table government sites print
// above a document, and the 发布时间/来源 line; read with spaces removed,
// each followed by a colon.
var metaKeys = []string{"索引号", "主题分类", "体裁分类", "组配分类", "服务对象", "发布机构", "发文机关", "成文日期", "发布日期", "发布时间", "发文字号", "文号", "标题", "有效性", "主题词", "信息来源", "来源", "作者", "编辑", "责任编辑", "浏览次数", "阅读次数", "点击数", "访问量", "字体", "字号"}

// pageWords start the lines of a web page's furniture.
var pageWords = []string{"当前位置", "您当前的位置", "您的位置", "【字体", "【打印", "打印本页", "【关闭", "关闭窗口", "扫一扫", "分享到", "上一篇", "下一篇", "【大", "【我要纠错", "相关链接"}

func classify(l *line, s string) {
	// 一、… section heading: short, and not a sentence.
	if n, k := leadingCN(s); n > 0 {
		sep := 0
		switch {
		case hasAt(s, k, "、"):
			sep = len("、")
		case hasAt(s, k, "."):
			sep = 1
		}
		if sep > 0 {
			rest := strings.TrimSpace(s[k+sep:])
			if rest != "" && utf8.RuneCountInString(rest) <= 40 && !strings.Contains(rest, "。") {
				l.kind, l.num, l.body = kSection, n, k+sep
				return
			}
		}
	}
	// (一)… category heading.
	if s[0] == '(' {
		if n, k := leadingCN(s[1:]); n > 0 && hasAt(s, 1+k, ")") {
			body := skipSpaces(s, 2+k)
			if hasAt(s, body, "反馈问题") {
				j := skipSpaces(s, body+len("反馈问题"))
				if hasAt(s, j, ":") {
					l.fb, body = true, j+1
				}
			}
			l.kind, l.num, l.body = kCategory, n, body
			return
		}
	}
	// 1.… problem: the number must not be the start of 1.5 or 2020年.
	if n, j := atoi(s, 0); j > 0 && j <= 4 {
		k := skipSpaces(s, j)
		sep := 0
		switch {
		case hasAt(s, k, "、"):
			sep = len("、")
		case hasAt(s, k, "."):
			sep = 1
		}
		if sep > 0 && n > 0 {
			body := skipSpaces(s, k+sep)
			if body < len(s) && !isDigit(s[body]) {
				l.kind, l.num, l.body = kProblem, n, body
				return
			}
		}
	}
	if n, body, ok := problemHeading(s); ok {
		l.kind, l.num, l.body = kProblem, n, body
		return
	}
	if i, ok := labelAt(s, 0); ok {
		l.kind, l.body = kLabel, i
		return
	}
	if isNoise(s) {
		l.kind, l.noise = kTrailer, true
		return
	}
	for _, t := range trailers {
		if strings.HasPrefix(s, t) {
			l.kind = kTrailer
			return
		}
	}
	if d, end, ok := scanDate(s, 0); ok && d.y > 0 && d.m > 0 && end == len(s) {
		l.kind, l.date = kTrailer, true
	}
}

// labelAt reports whether a 整改情况: label starts at s[i:], and where the
// text after it starts.
func labelAt(s string, i int) (int, bool) {
	for _, lb := range labels {
		if hasAt(s, i, lb) {
			j := skipSpaces(s, i+len(lb))
			if hasAt(s, j, ":") {
				return j + 1, true
			}
		}
	}
	return 0, false
}

// inlineLabel finds a 整改情况: label inside a problem line, for reports
// that put the progress on the same line as the problem.
func inlineLabel(s string) (at, after int, ok bool) {
	if strings.IndexByte(s, ':') < 0 { // every label ends in a colon
		return 0, 0, false
	}
	for _, lb := range labels {
		for from := 0; from < len(s); {
			i := strings.Index(s[from:], lb)
			if i < 0 {
				break
			}
			i += from
			if j, ok := labelAt(s, i); ok {
				return i, j, true
			}
			from = i + len(lb)
		}
	}
	return 0, 0, false
}

// isSignature reports whether a line looks like the signing body above
// the date (中共政协桑植县委员会党组): short and without punctuation.
func isSignature(s string) bool {
	return utf8.RuneCountInString(s) <= 30 && !strings.ContainsAny(s, ",.;:!?。、“”0123456789")
}

// problemWords head a problem in reports that pair 问题:… with 整改:….
var problemWords = []string{"存在问题", "反馈问题", "具体问题", "问题"}

// problemHeading reads the unnumbered forms of a problem heading:
// 问题:…, 问题1:…, 问题一:…, and 关于“…”问题 (also 的问题, 问题的整改情况).
// n is autoNum when the heading carries no number.
func problemHeading(s string) (n, body int, ok bool) {
	for _, w := range problemWords {
		if !hasAt(s, 0, w) {
			continue
		}
		j := skipSpaces(s, len(w))
		if m, k := atoi(s, j); k > j && k-j <= 4 {
			n, j = m, skipSpaces(s, k)
		} else if m, k := leadingCN(s[j:]); m > 0 {
			n, j = m, skipSpaces(s, j+k)
		}
		if hasAt(s, j, ":") {
			return n, skipSpaces(s, j+1), true
		}
		return 0, 0, false
	}
	if !hasAt(s, 0, "关于“") {
		return 0, 0, false
	}
	q := strings.Index(s, "”")
	if q < 0 {
		return 0, 0, false
	}
	j := q + len("”")
	for _, w := range []string{"的", "等"} {
		if hasAt(s, j, w) {
			j += len(w)
			break
		}
	}
	if !hasAt(s, j, "问题") {
		return 0, 0, false
	}
	// What follows is a short tail (的整改情况。) or a label with the
	// progress on the same line; a longer sentence is prose that starts
	// with 关于.
	rest := s[j+len("问题"):]
	if utf8.RuneCountInString(rest) > 15 {
		if _, _, ok := inlineLabel(rest); !ok {
			return 0, 0, false
		}
	}
	return autoNum, 0, true
}

// isNoise reports whether a line is web-page furniture rather than report.
func isNoise(s string) bool {
	for _, w := range pageWords {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	if strings.HasPrefix(s, "首页") && strings.ContainsAny(s, ">»/|") {
		return true // 首页 > 巡察工作 > 整改公示
	}
	var head [16]byte
	k := copy(head[:], squeeze(s, len(head)))
	h := string(head[:k])
	for _, m := range metaKeys {
		if hasAt(h, 0, m) && hasAt(h, len(m), ":") {
			return true
		}
	}
	// 发布时间:2022-09-26 来源:区纪委监委 in the middle of a line.
	return !strings.Contains(s, "。") && (strings.Contains(s, "发布时间:") || strings.Contains(s, "发布日期:") || strings.Contains(s, "浏览次数"))
}

// squeeze returns up to n bytes of s with the spaces left out (标    题:).
func squeeze(s string, n int) string {
	var b []byte
	for i := 0; i < len(s) && len(b) < n; i++ {
		if s[i] != ' ' {
			b = append(b, s[i])
		}
	}
	return string(b)
}

// publishedDate reads the date of a 发布时间/发布日期/成文日期 line, written
// 2022-09-26, 2022/9/26, 2022.09.26 or 2022年9月26日.
func publishedDate(s string) zhenggai.Date {
	for _, k := range []string{"成文日期", "发布日期", "发布时间"} {
		i := strings.Index(s, k)
		if i < 0 {
			continue
		}
		j := skipSpaces(s, i+len(k))
		if hasAt(s, j, ":") {
			j = skipSpaces(s, j+1)
		}
		if d, _, ok := scanDate(s, j); ok && d.y > 0 && d.m > 0 {
			if v := zhenggai.NewDate(d.y, d.m, d.d); v.Valid() && d.y >= 1949 && d.y <= 2100 {
				return v
			}
		}
		y, a := atoi(s, j)
		if a-j != 4 || a >= len(s) || strings.IndexByte("-/.", s[a]) < 0 {
			continue
		}
		m, b := atoi(s, a+1)
		if b == a+1 || b-a > 3 || b >= len(s) || s[b] != s[a] {
			continue
		}
		d, c := atoi(s, b+1)
		if c == b+1 || c-b > 3 {
			continue
		}
		if v := zhenggai.NewDate(y, m, d); v.Valid() && y >= 1949 && y <= 2100 {
			return v
		}
	}
	return zhenggai.Date{}
}

// signerEnds end the names of the bodies that sign a report.
var signerEnds = []string{"党组", "党委", "党工委", "委员会", "省委", "市委", "县委", "区委", "州委", "旗委", "党支部", "党总支"}

// isSigner reports whether a line names a party body (中共南川省委,
// 中共县教育局党组) as a report is signed, rather than a sentence cut short.
func isSigner(s string) bool {
	if !isSignature(s) {
		return false
	}
	if strings.HasPrefix(s, "中共") {
		return true
	}
	for _, e := range signerEnds {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}
