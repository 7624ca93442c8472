package textimport

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// secKind is what a top-level 一、 heading opens.
type secKind uint8

const (
	secUnknown  secKind = iota // not a section's words: a category (一、…方面) or a problem
	secOrg                     // 一、组织整改落实情况, 整改工作开展情况, 市委及主要负责人组织整改落实情况
	secFeedback                // 二、巡察反馈问题整改进展情况, 反馈意见整改落实情况, 整改进展情况及成效
	secFollow                  // 三、继续深化后续整改, 下一步工作打算
)

var (
	followWords   = []string{"下一步", "下步", "继续深化", "持续深化", "后续", "巩固", "工作打算", "长效", "今后"}
	feedbackWords = []string{"巡察反馈", "巡视反馈", "问题整改", "意见整改", "反馈问题", "反馈意见", "整改进展", "整改落实情况", "整改完成情况", "任务完成情况",
		"整改情况及成效", "具体问题", "整改成效", "问题的整改", "整改工作进展", "整改情况"}
	orgWords = []string{"组织", "主要负责", "领导", "整改工作", "总体情况", "基本情况", "工作开展", "落实整改", "整改部署", "整改责任", "主体责任"}
)

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// sectionKind reads a 一、 heading's words. A section's title is short and
// names a part of the report; a category names a field of work (…方面) or
// a problem in quotes, which no section title does.
func sectionKind(t string) secKind {
	t = strings.TrimRight(t, "。. ")
	// 巡视“回头看”反馈问题整改落实情况: the round's name in quotes, not a
	// problem's.
	t = strings.ReplaceAll(t, "“回头看”", "回头看")
	if rest, ok := strings.CutPrefix(t, "关于"); ok && !strings.ContainsAny(t, "“”\"《") &&
		(strings.Contains(rest, "整改工作") || containsAny(rest, []string{"巡察", "巡视", "反馈"}) && !strings.HasSuffix(rest, "方面")) {
		// 二、关于巡察反馈问题的整改落实情况, 一、关于整改工作的组织开展: a
		// part of the report, not 一、关于学习不深入的问题.
		t = rest
	}
	if utf8.RuneCountInString(t) > 40 || strings.ContainsAny(t, "“”\"《") || strings.HasPrefix(t, "关于") ||
		strings.HasPrefix(t, "在") || strings.HasSuffix(t, "方面") || strings.HasSuffix(t, "方面问题") || strings.HasSuffix(t, "方面的问题") {
		return secUnknown
	}
	switch {
	case containsAny(t, followWords):
		return secFollow
	case containsAny(t, feedbackWords) && !containsAny(t, []string{"组织", "主要负责", "领导"}):
		return secFeedback
	case containsAny(t, orgWords):
		return secOrg
	}
	return secUnknown
}

type section struct {
	li, num, end int
	kind         secKind
}

// layout finds the parts of the report: where the body ends (contact
// lines, signature), the sections when 一、 headings are sections, and the
// regions that hold the categories and problems.
func (p *parser) layout() {
	L := p.lines
	p.first = -1
	for i := range L {
		if L[i].kind == kHeading || L[i].kind == kLabel {
			p.first = i
			break
		}
	}
	p.end = p.closing()
	if p.first < 0 || p.first >= p.end {
		p.first = -1
		return
	}
	var secs []section
	known := false
	// A report in parts (第一部分…) has its sections there, and may number
	// its categories 一、 inside them.
	secSt := stCN
	for i := p.first; i < p.end; i++ {
		if L[i].kind == kHeading && L[i].st == stPart && sectionKind(p.text(i)[L[i].body:]) != secUnknown {
			secSt = stPart
			break
		}
	}
	for i := p.first; i < p.end; i++ {
		if L[i].kind == kHeading && L[i].st == secSt {
			k := sectionKind(p.text(i)[L[i].body:])
			secs = append(secs, section{li: i, num: L[i].num, kind: k, end: p.end})
			known = known || k != secUnknown
		}
	}
	if !known {
		p.regions = [][2]int{{p.first, p.end}}
		return
	}
	// A section runs to the next one with a greater number: a stray 一、
	// inside a paragraph does not close it.
	// (The next greater number, found with a stack: linear however many
	// sections a text has.)
	var next []int
	for k := len(secs) - 1; k >= 0; k-- {
		for len(next) > 0 && secs[next[len(next)-1]].num <= secs[k].num {
			next = next[:len(next)-1]
		}
		if len(next) > 0 {
			secs[k].end = secs[next[len(next)-1]].li
		}
		next = append(next, k)
	}
	p.sections = secs
	firstFb, lastFb := -1, -1
	for k, s := range secs {
		if s.kind == secFeedback {
			if firstFb < 0 {
				firstFb = k
			}
			lastFb = k
			p.regions = append(p.regions, [2]int{s.li + 1, s.end})
		}
	}
	if firstFb >= 0 {
		for k, s := range secs {
			switch {
			case k < firstFb && s.kind != secFollow:
				p.orgSecs = append(p.orgSecs, s)
			case k > lastFb && s.kind != secFeedback && s.li >= secs[lastFb].end:
				p.followSecs = append(p.followSecs, s)
			}
		}
		return
	}
	// No section of feedback by its words: the categories are 一、 headings
	// of their own (一、…方面), between the organisation and the follow-up.
	start, stop := -1, p.end
	for _, s := range secs {
		switch {
		case s.kind == secUnknown && start < 0 && s.li == len(L)-1:
			// The text's last line, cut inside a section's heading
			// (二、巡察反): not a category.
		case s.kind == secUnknown && start < 0:
			start = s.li
		case s.kind == secFollow && start >= 0 && stop == p.end:
			stop = s.li
		}
	}
	if start < 0 {
		// Only sections of organisation and follow-up: a category headed
		// (一)反馈问题 may still stand in one of them.
		for i := p.first; i < p.end; i++ {
			if L[i].kind == kHeading && L[i].fb {
				for _, s := range secs {
					if s.li < i && i < s.end {
						p.regions = [][2]int{{i, s.end}}
						break
					}
				}
				break
			}
		}
	} else {
		p.regions = [][2]int{{start, stop}}
	}
	for _, s := range secs {
		switch {
		case s.kind == secOrg && (start < 0 || s.li < start):
			p.orgSecs = append(p.orgSecs, s)
		case s.kind == secFollow && (start < 0 || s.li >= stop):
			p.followSecs = append(p.followSecs, s)
		}
	}
}

// closing finds the first line of the closing part: the contact lines,
// the source, page furniture after the text, the signature. Noise before
// the body (the page's header) does not close it.
func (p *parser) closing() int {
	L := p.lines
	from := p.first
	if from < 0 {
		from = len(L)
		for i := range L {
			if L[i].kind == kText {
				from = i
				break
			}
		}
	}
	for i := from; i < len(L); i++ {
		if L[i].kind != kTrailer {
			continue
		}
		// Page furniture (a date line, a repeated title) ends the text only
		// after its headings: a text without any has it between its title
		// and its first paragraph.
		if L[i].noise && p.first < 0 {
			continue
		}
		if L[i].date && i-1 > from && L[i-1].kind == kText && isSignature(p.text(i-1)) {
			return i - 1
		}
		return i
	}
	// A signing body as the very last line, with no date under it.
	if last := len(L) - 1; last > from && L[last].kind == kText && isSigner(p.text(last)) {
		return last
	}
	return len(L)
}

// normRegions sorts the regions and merges those that overlap (a
// section of feedback holding a stray heading of its own number), so that
// no line is read twice and a line's region is found by bisection.
func (p *parser) normRegions() {
	r := p.regions
	sort.Slice(r, func(i, j int) bool { return r[i][0] < r[j][0] })
	out := r[:0]
	for _, x := range r {
		if n := len(out); n > 0 && x[0] < out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], x[1])
			continue
		}
		out = append(out, x)
	}
	p.regions = out
	p.introEnd = nil
}

// region is the index of the region holding line i, -1 when none.
func (p *parser) region(i int) int {
	k := sort.Search(len(p.regions), func(k int) bool { return p.regions[k][1] > i })
	if k < len(p.regions) && p.regions[k][0] <= i {
		return k
	}
	return -1
}

// intro reports whether line i opens a region before its first heading
// (二、整改任务完成情况 / 截至8月31日，反馈的4个问题已全部整改到位。): a
// paragraph of the section, read for the totals, not a problem's.
func (p *parser) intro(i int) bool {
	if p.introEnd == nil {
		p.introEnd = make([]int, len(p.regions))
		for k, r := range p.regions {
			e := r[0]
			for e < r[1] && p.lines[e].kind != kHeading && p.lines[e].kind != kLabel {
				e++
			}
			p.introEnd[k] = e
		}
	}
	k := p.region(i)
	return k >= 0 && i < p.introEnd[k]
}

// inRegion reports whether line i holds categories and problems.
func (p *parser) inRegion(i int) bool { return p.region(i) >= 0 }
