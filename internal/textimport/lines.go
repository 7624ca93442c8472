package textimport

import (
	"strings"
	"unicode/utf8"

	"zhenggai"
)

type lineKind uint8

const (
	kText    lineKind = iota
	kHeading          // a numbered heading (一、 (一) 1. (1) ①) or an unnumbered problem (问题:… 关于“…”问题)
	kLabel            // 整改情况:…
	kTrailer          // contact lines, source, signature date: the report is over
	kCut              // the text's last line, cut inside a heading's marker (３５．, (十, 关于“学): no content
	kSkip             // a table's header: no content of its own, and no end of anything
)

// style is the marker of a heading. Reports nest them in this order
// (GB/T 9704: 一、 (一) 1. (1)); a report may skip a level, never reverse two.
type style uint8

const (
	stNone     style = iota
	stPart           // 第一部分: the parts of a report that numbers its sections 一、 inside them
	stCN             // 一、
	stParenCN        // (一)
	stNum            // 1.  1、
	stParenNum       // (1)  1)
	stCircled        // ①
	stShi            // 一是…的问题。整改情况:…: problems listed as items, each with its progress
	stRow            // a table's row (序号 | 问题 | 整改措施 | …): a problem
	stAuto           // 问题:…, 关于“…”问题: a problem written without a number
)

// rank orders the numbered styles; stAuto takes its rank from where it
// stands (just under its parent).
func (s style) rank() int { return 2 * int(s) }

// autoNum is the number of a problem heading written without one (关于“…”问题,
// 问题:…): it is numbered after the one before.
const autoNum = 0

// line is one non-blank line; a, b bound its trimmed text in the folded
// text, so the original is t.slice(a, b).
type line struct {
	no   int // 1-based, as an editor counts
	a, b int
	kind lineKind
	st   style
	num  int  // number of a heading
	fb   bool // a (一) heading that says 反馈问题:
	date bool // a trailer that is a date alone (the signature date)
	// noise is web-page furniture (site path, 索引号/发布机构 table, 发布时间
	// line, a repeated title): a trailer that is also left out of the
	// preamble and the totals.
	noise bool
	body  int // where the text after the marker starts, relative to a
	table int // the table of a row (stRow), an index into parser.tables
}

func (p *parser) splitLines() {
	s := p.t.norm
	p.lines = make([]line, 0, strings.Count(s, "\n")+1)
	no, start := 1, 0
	metaValue := false // the cell after a metadata key on a line of its own
	origLines := lineCounter{s: p.t.orig, no: 1}
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != '\n' && s[i] != '\r' {
			continue
		}
		if no&1023 == 0 && p.stopped() {
			return
		}
		a, b := start, i
		for a < b && s[a] == ' ' {
			a++
		}
		for b > a && s[b-1] == ' ' {
			b--
		}
		if a < b {
			if p.t.relined {
				no = origLines.at(p.t.off[a])
			}
			l := line{no: no, a: a, b: b}
			classify(&l, s[a:b])
			if metaValue && l.kind == kText {
				l.kind, l.noise = kTrailer, true
				if p.published.IsZero() && len(p.lines) > 0 {
					prev := p.lines[len(p.lines)-1]
					p.published = publishedDate(s[prev.a:prev.b] + s[a:b])
				}
			}
			metaValue = l.noise && metaKeyAlone(s[a:b])
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
	// A text cut inside a label (整改情 of 整改情况:) ends on that label;
	// cut inside a heading's marker, on nothing.
	if n := len(p.lines); n > 0 {
		l := &p.lines[n-1]
		switch t := s[l.a:l.b]; {
		case l.kind == kText && labelPrefix(t):
			l.kind, l.body = kLabel, len(t)
		case l.kind == kText && markerPrefix(t):
			l.kind = kCut
		}
	}
}

// lineCounter numbers the lines of the original text at increasing
// offsets, for a text whose lines unwrap joined or left out.
type lineCounter struct {
	s   string
	pos int
	no  int
}

func (c *lineCounter) at(off int) int {
	for ; c.pos < off && c.pos < len(c.s); c.pos++ {
		if ch := c.s[c.pos]; ch == '\n' || ch == '\r' && (c.pos+1 >= len(c.s) || c.s[c.pos+1] != '\n') {
			c.no++
		}
	}
	return c.no
}

// markerPrefix reports whether s is the beginning of a heading cut before
// its text: 35. or 35, (十 or (十一), 二、, 关于“学习 or 问题.
func markerPrefix(s string) bool {
	if strings.HasPrefix(s, "关于“") && !strings.Contains(s, "”") {
		return true
	}
	for _, w := range problemWords {
		if strings.HasPrefix(w, s) || strings.HasPrefix(s, w) && !strings.Contains(s, ":") && len(s)-len(w) <= 6 {
			return true
		}
	}
	i := 0
	if hasAt(s, 0, "(") {
		i = 1
	}
	if _, j := atoi(s, i); j > i && j-i <= 3 {
		i = j
	} else if _, k := zhenggai.LeadingNumeral(s[i:]); k > 0 {
		i += k
	} else {
		return i == len(s) && i > 0
	}
	rest := s[i:]
	return rest == "" || rest == "." || rest == "、" || rest == ")"
}

// labelPrefix reports whether s is the beginning of a label, as a text
// cut inside one ends.
func labelPrefix(s string) bool {
	for _, lb := range labels {
		if len(s) < len(lb) && strings.HasPrefix(lb, s) {
			return true
		}
	}
	return false
}

// labels introduce the progress paragraph of a problem; longest first.
// A bare 整改: pairs with 问题:.
var labels = []string{"具体整改情况", "整改措施及成效", "整改措施及进展", "整改举措及成效", "整改进展情况", "整改落实情况", "整改完成情况", "整改情况", "整改进展", "整改进度", "整改措施", "整改举措", "整改成效", "整改结果", "落实情况", "进展情况", "完成情况", "整改"}

// trailers start the lines that close a report.
var trailers = []string{"特此报告", "特此通报", "特此公告", "特此说明", "专此报告", "以上报告", "通讯地址", "通信地址", "邮政编码", "来信请寄", "欢迎广大", "欢迎社会各界", "欢迎各界", "联系电话", "举报电话", "监督电话", "邮政信箱", "电子邮箱", "来源:", "编辑:", "责任编辑", "本文链接", "原文链接", "附件:", "审核:", "校对:"}

// metaKeys head the cells of the metadata table government sites print
// above a document, and the 发布时间/来源 line; read with spaces removed,
// each followed by a colon.
var metaKeys = []string{"信息索引号", "索引号", "文件名称", "主题分类", "体裁分类", "组配分类", "服务对象", "发布机构", "发文机关", "成文日期", "发布日期", "发布时间", "公开方式", "公开范围", "公开时限", "发文字号", "文号", "标题", "有效性", "主题词", "信息来源", "来源", "作者", "编辑", "责任编辑", "浏览次数", "阅读次数", "浏览量", "点击数", "访问量", "字体", "字号", "日期", "时间"}

// pageWords start the lines of a web page's furniture.
var pageWords = []string{"当前位置", "您当前的位置", "您当前所在位置", "您的位置", "您现在的位置", "您现在位置", "当前页面", "【字体", "【打印", "打印本页", "打印正文", "【关闭", "关闭窗口", "扫一扫", "分享到", "分享:", "朗读", "上一篇", "下一篇", "【大", "【我要纠错", "相关链接", "无障碍", "关怀版", "长者助手", "网站地图"}

// bullets are what a page's list items start with once copied as text.
const bullets = "•·●◆■□▪◇○✜►▶-*>"

// heading reads the marker of a heading at the start of s: its style, its
// number and where its text starts (0, 0, 0 when s is no heading).
func heading(s string) (st style, n, body int) {
	// 第一部分 整改工作总体情况
	if hasAt(s, 0, "第") {
		if n, k := zhenggai.LeadingNumeral(s[len("第"):]); n > 0 && hasAt(s, len("第")+k, "部分") {
			j := skipSpaces(s, len("第")+k+len("部分"))
			for _, sep := range []string{":", "、", ".", ","} {
				if hasAt(s, j, sep) {
					j = skipSpaces(s, j+len(sep))
					break
				}
			}
			if j < len(s) {
				return stPart, n, j
			}
		}
	}
	// 一、… and 一.… (folded from 一．).
	if n, k := zhenggai.LeadingNumeral(s); n > 0 {
		j := skipSpaces(s, k)
		sep := 0
		switch {
		case hasAt(s, j, "、"):
			sep = len("、")
		case hasAt(s, j, ".") && !(j+1 < len(s) && isDigit(s[j+1])):
			sep = 1
		}
		if sep > 0 {
			if b := skipSpaces(s, j+sep); b < len(s) {
				return stCN, n, b
			}
		}
	}
	if s[0] == '(' {
		// (一)… and (1)…
		if n, k := zhenggai.LeadingNumeral(s[1:]); n > 0 && hasAt(s, 1+k, ")") {
			return stParenCN, n, skipSpaces(s, 2+k)
		}
		if n, j := atoi(s, 1); j > 1 && j <= 4 && n > 0 && hasAt(s, j, ")") {
			return stParenNum, n, skipSpaces(s, j+1)
		}
		return stNone, 0, 0
	}
	// 1.… 1、… and 1)…; the number must not start 1.5 or 2020年.
	if n, j := atoi(s, 0); j > 0 && j <= 3 && n > 0 {
		k := skipSpaces(s, j)
		sep, st := 0, stNum
		switch {
		case hasAt(s, k, "、"):
			sep = len("、")
		case hasAt(s, k, "."):
			sep = 1
		case hasAt(s, k, ")"):
			sep, st = 1, stParenNum
		}
		if sep > 0 {
			if b := skipSpaces(s, k+sep); b < len(s) && !isDigit(s[b]) {
				return st, n, b
			}
		}
		return stNone, 0, 0
	}
	// ① ⑴ ⒈
	switch r, w := utf8.DecodeRuneInString(s); {
	case r >= 0x2460 && r <= 0x2473:
		return stCircled, int(r-0x2460) + 1, skipSpaces(s, w)
	case r >= 0x2474 && r <= 0x2487:
		return stParenNum, int(r-0x2474) + 1, skipSpaces(s, w)
	case r >= 0x2488 && r <= 0x249B:
		return stNum, int(r-0x2488) + 1, skipSpaces(s, w)
	}
	return stNone, 0, 0
}

func classify(l *line, s string) {
	if st, n, body := heading(s); st != stNone {
		l.kind, l.st, l.num, l.body = kHeading, st, n, body
		if st == stParenCN && (hasAt(s, body, "反馈问题") || hasAt(s, body, "反馈意见")) {
			j := skipSpaces(s, body+len("反馈问题"))
			if hasAt(s, j, ":") {
				l.fb, l.body = true, j+1
			}
		}
		return
	}
	if n, body, ok := problemHeading(s); ok {
		l.kind, l.st, l.num, l.body = kHeading, stAuto, n, body
		return
	}
	if n, body, ok := shiHeading(s); ok {
		l.kind, l.st, l.num, l.body = kHeading, stShi, n, body
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
	if isDateLine(s) {
		l.kind, l.date = kTrailer, true
	} else if _, ok := signedLine(s); ok {
		l.kind, l.date = kTrailer, true
	}
}

// signedLine reads a signature and its date on one line (中共…党组　2022年
// 12月20日), and returns where the date starts.
func signedLine(s string) (int, bool) {
	k := strings.LastIndexByte(s, ' ')
	if k < 0 {
		return 0, false
	}
	date := s[k+1:]
	if !isDateLine(date) || !isSigner(strings.TrimSpace(s[:k])) {
		return 0, false
	}
	return k + 1, true
}

// isDateLine reports whether s is a full date alone: 2020年10月28日, or
// written in Chinese numerals as documents are signed (二〇二〇年十月二十八日).
func isDateLine(s string) bool {
	if d, end, ok := scanDate(s, 0); ok && d.y > 0 && d.m > 0 && end == len(s) {
		return true
	}
	_, ok := cnDate(s)
	return ok
}

// labelAt reports whether a 整改情况: label starts at s[i:], and where the
// text after it starts.
func labelAt(s string, i int) (int, bool) {
	if hasAt(s, i, "【") || hasAt(s, i, "[") {
		open, close := "【", "】"
		if s[i] == '[' {
			open, close = "[", "]"
		}
		for _, lb := range labels {
			if hasAt(s, i+len(open), lb) && hasAt(s, i+len(open)+len(lb), close) {
				j := skipSpaces(s, i+len(open)+len(lb)+len(close))
				if hasAt(s, j, ":") {
					j++
				}
				return skipSpaces(s, j), true
			}
		}
		return 0, false
	}
	for _, lb := range labels {
		if hasAt(s, i, lb) {
			j := skipSpaces(s, i+len(lb))
			if hasAt(s, j, "如下") {
				j = skipSpaces(s, j+len("如下"))
			}
			if hasAt(s, j, ":") {
				return j + 1, true
			}
			if j == len(s) && i == 0 && lb != "整改" {
				return j, true // 整改情况 on a line of its own, without its colon
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
var problemWords = []string{"存在问题", "反馈问题", "具体问题", "问题描述", "问题表现", "主要问题", "问题"}

// problemHeading reads the unnumbered forms of a problem heading:
// 问题:…, 问题1:…, 问题一:…, and 关于“…”问题 (also 的问题, 问题的整改情况).
// n is autoNum when the heading carries no number.
func problemHeading(s string) (n, body int, ok bool) {
	// 【问题1】…, 【反馈问题】…, [问题]…: the word in brackets.
	for _, br := range [][2]string{{"【", "】"}, {"[", "]"}} {
		if !hasAt(s, 0, br[0]) {
			continue
		}
		c := strings.Index(s, br[1])
		if c < 0 || c > 30 {
			return 0, 0, false
		}
		inner := s[len(br[0]):c] + ":"
		if m, _, ok := problemHeading(inner); ok && !strings.HasPrefix(inner, "【") && !strings.HasPrefix(inner, "[") {
			j := skipSpaces(s, c+len(br[1]))
			if hasAt(s, j, ":") {
				j = skipSpaces(s, j+1)
			}
			return m, j, true
		}
		return 0, 0, false
	}
	for _, w := range problemWords {
		if !hasAt(s, 0, w) {
			continue
		}
		j := skipSpaces(s, len(w))
		if m, k := atoi(s, j); k > j && k-j <= 4 {
			n, j = m, skipSpaces(s, k)
		} else if m, k := zhenggai.LeadingNumeral(s[j:]); m > 0 {
			n, j = m, skipSpaces(s, j+k)
		}
		if hasAt(s, j, ":") {
			return n, skipSpaces(s, j+1), true
		}
		// 问题一、…, 问题1.…: numbered as a heading is.
		if n > 0 {
			b := -1
			if hasAt(s, j, "、") {
				b = skipSpaces(s, j+len("、"))
			} else if hasAt(s, j, ".") && !(j+1 < len(s) && isDigit(s[j+1])) {
				b = skipSpaces(s, j+1)
			}
			if b > 0 && b < len(s) {
				return n, b, true
			}
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

// shiHeading reads a problem listed as an item, 一是…的问题。整改情况:…, with
// its progress on its line: without the label, 一是 starts a measure.
func shiHeading(s string) (n, body int, ok bool) {
	n, k := zhenggai.LeadingNumeral(s)
	if n == 0 || !hasAt(s, k, "是") {
		return 0, 0, false
	}
	body = k + len("是")
	if _, _, ok := inlineLabel(s[body:]); !ok {
		return 0, 0, false
	}
	return n, body, true
}

// isNoise reports whether a line is web-page furniture rather than report.
func isNoise(s string) bool {
	s = trimBullets(s)
	for _, w := range pageWords {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	if strings.HasPrefix(s, "首页") && strings.ContainsAny(s, ">»/|") {
		return true // 首页 > 巡察工作 > 整改公示
	}
	if metaKey(s) != "" {
		return true
	}
	// 发布时间:2022-09-26 来源:区纪委监委 in the middle of a line.
	return !strings.Contains(s, "。") && (strings.Contains(s, "发布时间:") || strings.Contains(s, "发布日期:") ||
		strings.Contains(s, "浏览次数") || strings.Contains(s, "浏览量") || strings.Contains(s, "日期:") && strings.Contains(s, "来源:"))
}

// metaKey is the metadata key (索引号, 成文日期…) s starts with, followed by a
// colon; "" when there is none.
func metaKey(s string) string {
	var head [24]byte
	k := copy(head[:], squeeze(s, len(head)))
	h := string(head[:k])
	for _, m := range metaKeys {
		if hasAt(h, 0, m) && hasAt(h, len(m), ":") {
			return m
		}
	}
	return ""
}

// metaKeyAlone reports whether s is a metadata key with its value on the
// next line, as pages that lay the table out in cells copy.
func metaKeyAlone(s string) bool {
	s = trimBullets(s)
	m := metaKey(s)
	return m != "" && strings.TrimRight(strings.ReplaceAll(s, " ", ""), ":") == m
}

func trimBullets(s string) string {
	return strings.TrimLeft(s, bullets+" ")
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
	for _, k := range []string{"成文日期", "发布日期", "发布时间", "日期", "时间"} {
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
