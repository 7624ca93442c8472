package textimport

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"zhenggai"
)

// markRepeatedTitle marks as noise a preamble line that repeats an earlier
// one word for word: web pages print the title above the text and again
// as its heading.
func (p *parser) markRepeatedTitle() {
	seen := map[string]bool{}
	for i := range p.lines {
		l := &p.lines[i]
		if l.kind == kHeading || l.kind == kLabel {
			return
		}
		if l.kind != kText {
			continue
		}
		t := p.text(i)
		if seen[t] {
			l.kind, l.noise = kTrailer, true
		}
		seen[t] = true
	}
}

// titleEnds end a report's title line.
var titleEnds = []string{"通报", "公告", "报告", "公示", "情况", "通知", "说明"}

// looksTitle reports whether s reads as a report's title: 中共…党组关于…
// 整改进展情况的通报, a line and not a sentence.
func looksTitle(s string) bool {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > 90 || strings.ContainsAny(s, "。;!?") || strings.Contains(s, ":") {
		return false
	}
	if !strings.Contains(s, "整改") && !strings.Contains(s, "巡察") && !strings.Contains(s, "巡视") {
		return false
	}
	for _, e := range titleEnds {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}

// findTitle finds the title line above the text: the first line before
// the preamble that reads as one (two lines when the issuer stands on a
// line of its own), else the 标题/文件名称 cell of a page's metadata.
func (p *parser) findTitle() {
	stop := p.first
	if stop < 0 {
		stop = p.end
	}
	for i := 0; i < stop && i < len(p.lines); i++ {
		l := p.lines[i]
		if l.kind != kText {
			continue
		}
		t := trimBullets(p.text(i))
		if (strings.Contains(t, "巡察组") || strings.Contains(t, "巡视组")) && !looksTitle(t) {
			break // the preamble: no title above it
		}
		if !looksTitle(t) && i+1 < stop && p.lines[i+1].kind == kText && !strings.ContainsAny(t, "。;:,") &&
			looksTitle(t+p.text(i+1)) && utf8.RuneCountInString(p.text(i+1)) <= 20 {
			// A title broken in two, as a PDF or a centred Word title copies:
			// …关于县委巡察反馈意见整改进展 / 情况的通报.
			p.titleAt = [2]int{i, i + 2}
		} else if looksTitle(t) {
			p.titleAt = [2]int{i, i + 1}
		}
		if p.titleAt[0] >= 0 {
			if i > 0 && p.lines[i-1].kind == kText && isSigner(p.text(i-1)) && strings.HasPrefix(t, "关于") {
				p.titleAt[0] = i - 1
			}
			var parts []string
			for k := p.titleAt[0]; k < p.titleAt[1]; k++ {
				parts = append(parts, strings.TrimLeft(p.src(k, 0), bullets+" \u3000"))
			}
			p.im.Round.Title = strings.Join(parts, "")
			return
		}
	}
	// A page's metadata: 标    题:…  成文日期:… or 文件名称: with its value
	// on the next line.
	for i := 0; i < stop && i < len(p.lines); i++ {
		l := p.lines[i]
		if !l.noise {
			continue
		}
		t := trimBullets(p.text(i))
		key := metaKey(t)
		if key != "标题" && key != "文件名称" {
			continue
		}
		if metaKeyAlone(t) {
			if i+1 < len(p.lines) && looksTitle(p.text(i+1)) {
				p.im.Round.Title = p.src(i+1, 0)
				return
			}
			continue
		}
		v := t[strings.Index(t, ":")+1:]
		for _, k := range metaKeys {
			if j := strings.Index(v, k); j > 0 && hasAt(strings.ReplaceAll(v[j:], " ", ""), len(k), ":") {
				v = v[:j]
			}
		}
		if v = strings.TrimSpace(v); looksTitle(v) {
			off := strings.Index(p.text(i), v)
			if off >= 0 {
				a := p.lines[i].a + off
				p.im.Round.Title = p.t.slice(a, a+len(v))
				return
			}
		}
	}
}

// issuer is the body that issues the report, as its title names it
// (中共…党组关于…) or as it signs.
func (p *parser) issuer() string {
	if t := p.im.Round.Title; t != "" {
		if i := strings.Index(t, "关于"); i > 0 {
			return strings.TrimSpace(t[:i])
		}
	}
	return p.im.Round.Signature
}

// readTexts keeps what the report says beyond its data, for the report the
// program generates: the paragraphs of section 一 (the first, on the
// leading group, apart), those of section 三, and the signature. The
// preamble and the totals sentence are not kept: the generated report
// writes them from the data.
func (p *parser) readTexts() {
	var org []string
	introEnd := p.first
	if len(p.sections) > 0 {
		introEnd = p.sections[0].li
	}
	if len(p.regions) > 0 && p.regions[0][0] < introEnd {
		introEnd = p.regions[0][0]
	}
	if introEnd < 0 {
		introEnd = p.end
	}
	kept := 0 // lines before this are kept: sections of one number overlap
	keep := func(from, to int) {
		from = max(from, kept)
		kept = max(kept, to)
		for i := from; i < to && i < p.end; i++ {
			if s := p.paragraph(i); s != "" {
				org = append(org, s)
			}
		}
	}
	// Above the title, and above the page's furniture, a page copied whole
	// may carry a stray fragment of something else: not the report's.
	introStart := max(p.titleAt[1], 0)
	for i := 0; i < introEnd && i < len(p.lines); i++ {
		if p.factLines[i] {
			break
		}
		if p.lines[i].noise {
			introStart = max(introStart, i+1)
		}
	}
	keep(introStart, introEnd)
	for _, s := range p.orgSecs {
		keep(s.li+1, s.end)
	}
	if len(org) > 0 {
		p.im.Round.LeadingGroup = org[0]
		p.im.Round.Work = strings.Join(org[1:], "\n")
	}
	var follow []string
	kept = 0
	for _, s := range p.followSecs {
		from := max(s.li+1, kept)
		kept = max(kept, s.end)
		for i := from; i < s.end && i < p.end; i++ {
			if k := p.lines[i].kind; k != kTrailer && k != kCut {
				follow = append(follow, p.src(i, 0))
			}
		}
	}
	p.im.Round.FollowUp = strings.Join(follow, "\n")
}

// paragraph is line i as a paragraph of section 一, without the sentences
// the generated report writes itself (the preamble's facts, the totals);
// "" when nothing else is left, or the line is no paragraph.
func (p *parser) paragraph(i int) string {
	l := p.lines[i]
	if l.kind == kTrailer || l.kind == kCut || l.kind == kSkip || p.factLines[i] || i >= p.titleAt[0] && i < p.titleAt[1] {
		return ""
	}
	t := p.text(i)
	if used := p.totalsUsed[i]; used != nil {
		// Drop the totals sentences, and a sentence of outcomes beside them
		// (kept as declared outcomes), keep the rest of the paragraph: the
		// generated report writes both from the data.
		var kept []string
		for _, sp := range sentenceSpans(t) {
			if sen := t[sp[0]:sp[1]]; !slices.Contains(used, sen) && (i != p.totalsAt || scanOutcomes(sen).IsZero()) {
				end := sp[1]
				if end < len(t) { // its 。
					_, w := utf8.DecodeRuneInString(t[end:])
					end += w
				}
				kept = append(kept, p.t.slice(l.a+sp[0], l.a+end))
			}
		}
		return strings.TrimSpace(strings.Join(kept, ""))
	}
	if l.kind == kText && p.first >= 0 && i < p.first && (isSigner(t) || addressee(t)) {
		return "" // the issuer on a line of its own above the text, or those it is sent to
	}
	return p.src(i, 0)
}

// addressee reports whether a line names those a report is sent to
// (县委巡察工作领导小组：, 各村（社区）党组织、镇直各单位：).
func addressee(s string) bool {
	body, ok := strings.CutSuffix(s, ":")
	return ok && body != "" && utf8.RuneCountInString(body) <= 40 && !strings.ContainsAny(body, "。,;:0123456789")
}

// readSignature reads the 落款: the signing body and the date under it.
func (p *parser) readSignature() {
	for i := len(p.lines) - 1; i >= 0 && i >= p.end-1; i-- {
		l := p.lines[i]
		if !l.date {
			continue
		}
		if d := p.lineDate(i); !d.IsZero() {
			p.im.Round.Signed = d
		}
		if k, ok := signedLine(p.text(i)); ok {
			l := p.lines[i]
			p.im.Round.Signature = strings.TrimRight(p.t.slice(l.a, trimEnd(p.t.norm, l.a, l.a+k)), " \u3000")
		} else if i > 0 && p.lines[i-1].kind == kText && isSignature(p.text(i-1)) {
			p.im.Round.Signature = p.src(i-1, 0)
		}
		return
	}
	if last := len(p.lines) - 1; last >= 0 && last >= p.end && p.lines[last].kind == kText && isSigner(p.text(last)) {
		p.im.Round.Signature = p.src(last, 0)
	}
}

// lineDate is the date of a date line, zero when it is no real day.
func (p *parser) lineDate(i int) zhenggai.Date {
	t := p.text(i)
	if k, ok := signedLine(t); ok {
		t = t[k:]
	}
	d, _, ok := scanDate(t, 0)
	if !ok {
		d, ok = cnDate(t)
	}
	v := zhenggai.NewDate(d.y, d.m, d.d)
	if !ok || !v.Valid() || d.y < 1949 || d.y > 2100 {
		return zhenggai.Date{}
	}
	return v
}

// stops end a line that ends a sentence or a heading.
const stops = "。!?;…”’」』)》"

// checkStopped warns when the text breaks off: it has no closing part
// (contact lines, signature, follow-up section) and its last line is a
// heading or a sentence cut short, or fewer problems were read than the
// report declares. What was read is kept; the warning says where.
func (p *parser) checkStopped() {
	if p.end < len(p.lines) || len(p.followSecs) > 0 || len(p.lines) == 0 {
		if len(p.im.Categories) == 0 && p.somethingRead() {
			p.warnf("未找到具体问题：只读到巡察基本情况和公布的数字；具体问题可在导入后逐个添加，或用整改台账导入")
		}
		return
	}
	n := p.im.ProblemCount()
	last := len(p.lines) - 1
	l := p.lines[last]
	t := p.text(last)
	r, _ := utf8.DecodeLastRuneInString(t)
	// A heading with its progress on its line (1.…。整改进展：…。) is whole.
	_, after, inline := inlineLabel(t[l.body:])
	inline = inline && strings.TrimSpace(t[l.body+after:]) != ""
	cut := l.kind == kHeading && l.st != stRow && !inline || l.kind == kCut || l.kind == kLabel && l.body == len(t) || !strings.ContainsRune(stops, r)
	if p.inTableRow(last) {
		cut = l.kind == kCut // a table's cells end without a full stop
	}
	if !cut && (p.totals.d.Problems <= n || n == 0) {
		if n == 0 && p.somethingRead() {
			p.warnf("未找到具体问题：只读到巡察基本情况和公布的数字；具体问题可在导入后逐个添加，或用整改台账导入")
		}
		return
	}
	if n == 0 && len(p.im.Categories) == 0 {
		p.warnf("文本在第%d行“%s”处中断（停在%s，尚未读到具体问题），其后内容缺失（可能复制不全或文件被截断）；已导入读到的巡察基本情况和公布的数字",
			l.no, excerptTail(p.src(last, 0)), p.partOf(last))
		return
	}
	if !cut && n > 0 {
		pl := p.placed[len(p.placed)-1]
		pr := p.im.Categories[pl.cat].Problems[pl.prob]
		p.warnf("文本在第%d行“%s”之后没有结束部分，读到的具体问题（%d个）少于公布的数量，其后内容可能缺失（可能复制不全或文件被截断）；最后读到的是具体问题%d“%s”",
			l.no, excerptTail(p.src(last, 0)), n, pr.Seq, excerpt(pr.Title))
		return
	}
	p.warnf("文本在第%d行“%s”处中断（%s），其后内容缺失（可能复制不全或文件被截断）；已导入此前读到的%d个问题类别、%d个具体问题",
		l.no, excerptTail(p.src(last, 0)), p.where(last), len(p.im.Categories), n)
}

// where says in which problem or category line i lies.
func (p *parser) where(i int) string {
	for k := len(p.placed) - 1; k >= 0; k-- {
		pl := p.placed[k]
		if i < pl.li || i >= pl.end {
			continue
		}
		pr := p.im.Categories[pl.cat].Problems[pl.prob]
		part := "标题"
		switch {
		case pl.label >= 0 && i > pl.label, pl.label < 0 && i > pl.li:
			part = "整改情况"
		case i == pl.label && pl.label > pl.li:
			if strings.TrimSpace(p.text(i)[p.lines[i].body:]) != "" {
				part = "整改情况"
			}
		case i == pl.label: // 整改情况 on the heading's line
			part = "整改情况"
		}
		return fmt.Sprintf("停在具体问题%d“%s”的%s中", pr.Seq, excerpt(pr.Title), part)
	}
	if len(p.im.Categories) > 0 {
		c := p.im.Categories[len(p.im.Categories)-1]
		if len(c.Problems) == 0 {
			return fmt.Sprintf("停在问题类别(%s)“%s”，其下尚无具体问题", zhenggai.Numeral(c.Seq), excerpt(c.Title))
		}
	}
	return "停在" + p.partOf(i)
}

// partOf names the part of the report line i is in, for a text that stops
// before its problems.
func (p *parser) partOf(i int) string {
	for _, s := range p.sections {
		if i >= s.li && i < s.end {
			return fmt.Sprintf("“%s”部分", excerpt(p.src(s.li, 0)))
		}
	}
	if p.first >= 0 && i >= p.first {
		return "正文开头"
	}
	return "开头的巡察基本情况"
}
