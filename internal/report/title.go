package report

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A title wraps the way GB/T 9704-2012 7.3.1 asks: words whole, lines of
// similar length (梯形 or 菱形, never "…进｜展情况…"). Titles of progress
// reports are made of few words: units (中共…县委员会党组), the inspection
// (市委第七巡察组), and the words of the genre (关于…整改进展情况的通报). A
// title is cut into such words; a run of characters the lexicon does not
// know (a place, a unit's proper name) stays whole, with the 县/市/局 that
// ends it.

// TitleChars is how many characters of 2号 (22 pt) a line of the 156 mm
// text block holds.
const TitleChars = 20

// titleWords lists the words titles are made of. Words of units get a
// higher cost of breaking between them (orgWords).
var titleWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		中共 中国共产党 共产党 政协 人大 常委会 人大常委会 人民政府 政府 委员会 党组 党委 党工委 党总支 党支部
		总支 支部 纪委 监委 纪委监委 纪检监察组 纪检监察 监察委员会 纪律检查委员会 中央 国务院 省委 市委 州委 区委
		县委 盟委 旗委 工委 机关 直属 领导小组 办公室 公司 集团 有限公司 学校 学院 大学 医院 银行 管委会
		管理委员会 开发区 高新区 新区 自治州 自治县 自治区 人民法院 人民检察院 法院 检察院 税务局 公安局 教育局
		财政局 街道 办事处 社区 乡镇 联合会 协会 商会 总工会 团委 妇联 科协 侨联 文联
		巡察 巡视 巡察组 巡视组 巡察办 巡视办 巡察工作 巡视工作 专项 常规 机动 交叉 提级 联动 回头看 延伸
		反馈 意见 反馈意见 问题 整改 进展 情况 落实 工作 通报 报告 公告 公布 公示 集中 阶段 阶段性 全面
		完成 有关 关于 的 和 及 与 对 向 暨 第 轮 届 次 批 组 个 年 年度 月 方面 专题 主体责任 责任 成效`) {
		m[w] = true
	}
	return m
}()

var orgWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`中共 中国共产党 共产党 政协 人大 常委会 人大常委会 人民政府 政府 委员会 党组 党委
		党工委 党总支 党支部 总支 支部 纪委 监委 纪委监委 纪检监察组 监察委员会 纪律检查委员会 中央 国务院 省委 市委 州委
		区委 县委 盟委 旗委 工委 机关 直属 领导小组 办公室 公司 集团 有限公司 学校 学院 大学 医院 银行 管委会 管理委员会
		开发区 高新区 新区 自治州 自治县 自治区 人民法院 人民检察院 法院 检察院 税务局 公安局 教育局 财政局 街道 办事处
		社区 联合会 协会 商会 总工会 团委 妇联 科协 侨联 文联`) {
		m[w] = true
	}
	return m
}()

// placeEnds end a proper name the lexicon does not know: 桑植县, 永定区委.
var placeEnds = map[string]bool{
	"省": true, "市": true, "县": true, "区": true, "州": true, "盟": true, "旗": true, "乡": true, "镇": true,
	"村": true, "局": true, "厅": true, "委": true, "办": true, "处": true, "所": true, "院": true, "校": true,
	"站": true, "队": true, "会": true, "部": true, "社": true, "中心": true,
	"省委": true, "市委": true, "州委": true, "区委": true, "县委": true, "盟委": true, "旗委": true, "党委": true,
}

// measureWords follow a number: 第七轮, 十届, 二组, 2023年.
var measureWords = map[string]bool{"轮": true, "届": true, "次": true, "批": true, "组": true, "个": true,
	"年": true, "年度": true, "月": true, "巡察组": true, "巡视组": true}

const maxTitleWord = 7 // runes of the longest word above

func isNumeral(r rune) bool {
	return strings.ContainsRune("一二三四五六七八九十百千零〇两", r) || unicode.IsDigit(r)
}

// Punctuation that may not begin a line, and that may not end one.
const (
	noLineStart = "，。、：；？！）」』”’》〉】…—·,.;:?!)]}%"
	noLineEnd   = "（「『“‘《〈【([{"
)

func isPunct(r rune) bool {
	return strings.ContainsRune(noLineStart+noLineEnd, r) || unicode.IsPunct(r)
}

type tword struct {
	text    string
	kind    int // wKnown, wUnknown (a name), wNumber, wPunct
	org     bool
	ownName bool // a proper name (unknown run, maybe with its ending)
}

const (
	wKnown = iota
	wUnknown
	wNumber
	wPunct
	wSpace
)

// segmentTitle cuts a title into words: the fewest characters left
// unknown, then the fewest words; then names keep their endings and
// numbers their 第 and measure word.
func segmentTitle(s string) []tword {
	rs := []rune(s)
	n := len(rs)
	type cell struct{ unknown, words, prev, kind int }
	const inf = 1 << 30
	best := make([]cell, n+1)
	for i := 1; i <= n; i++ {
		best[i] = cell{unknown: inf}
	}
	relax := func(from, to, unknown, kind int) {
		c := best[from]
		u, w := c.unknown+unknown, c.words+1
		if u < best[to].unknown || (u == best[to].unknown && w < best[to].words) {
			best[to] = cell{u, w, from, kind}
		}
	}
	for i := 0; i < n; i++ {
		if best[i].unknown == inf {
			continue
		}
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			relax(i, i+1, 0, wSpace)
			continue
		case isPunct(r):
			relax(i, i+1, 0, wPunct)
			continue
		case isNumeral(r):
			j := i
			for j < n && isNumeral(rs[j]) {
				j++
			}
			relax(i, j, 0, wNumber)
		case r < utf8.RuneSelf && (unicode.IsLetter(r)):
			j := i
			for j < n && rs[j] < utf8.RuneSelf && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j])) {
				j++
			}
			relax(i, j, 0, wKnown) // a Latin word is whole
			continue
		}
		for l := 1; l <= maxTitleWord && i+l <= n; l++ {
			if titleWords[string(rs[i:i+l])] {
				relax(i, i+l, 0, wKnown)
			}
		}
		relax(i, i+1, 1, wUnknown)
	}
	var ws []tword
	for i := n; i > 0; i = best[i].prev {
		c := best[i]
		t := string(rs[c.prev:i])
		ws = append(ws, tword{text: t, kind: c.kind, org: c.kind == wKnown && orgWords[t]})
	}
	for i, j := 0, len(ws)-1; i < j; i, j = i+1, j-1 {
		ws[i], ws[j] = ws[j], ws[i]
	}
	// Merge: unknown runs into one name, a name with its ending, 第 with
	// its number and measure word.
	var out []tword
	for _, w := range ws {
		if len(out) > 0 {
			last := &out[len(out)-1]
			switch {
			case w.kind == wUnknown && last.kind == wUnknown:
				last.text += w.text
				continue
			case last.kind == wUnknown && w.kind == wKnown && placeEnds[w.text]:
				last.text += w.text
				last.ownName = true
				continue
			case last.ownName && w.kind == wKnown && placeEnds[w.text] && utf8.RuneCountInString(w.text) == 1:
				last.text += w.text // 桑植县委
				continue
			case w.kind == wNumber && last.kind == wKnown && last.text == "第":
				last.text += w.text
				last.kind = wNumber
				continue
			case last.kind == wNumber && w.kind == wKnown && measureWords[w.text]:
				last.text += w.text
				continue
			}
		}
		if w.kind == wUnknown {
			w.ownName = true
		}
		out = append(out, w)
	}
	return out
}

// width counts a full-width character as 1 and a half-width one as ½.
func width(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r < 0x2E80 && !strings.ContainsRune("—…‘’“”·", r) {
			w += 0.5
		} else {
			w++
		}
	}
	return w
}

// breakCost is the cost of a line break between words a and b; -1 forbids
// it. Before 关于 is where titles break best (the unit, then the matter).
func breakCost(a, b tword) int {
	first, _ := utf8.DecodeRuneInString(b.text)
	last, _ := utf8.DecodeLastRuneInString(a.text)
	switch {
	case b.kind == wSpace:
		return -1 // break after the space instead
	case strings.ContainsRune(noLineStart, first), strings.ContainsRune(noLineEnd, last):
		return -1
	case a.kind == wPunct || a.kind == wSpace || b.kind == wPunct:
		return 0
	case b.text == "关于":
		return 0
	case b.text == "的":
		return 8
	case a.text == "关于":
		return 8
	case a.text == "对" || a.text == "向" || a.text == "第":
		return 6
	case b.text == "和" || b.text == "及" || b.text == "与" || b.text == "暨":
		return 3
	case a.text == "的":
		return 1
	case (a.org || a.ownName) && (b.org || b.ownName):
		return 3 // inside a unit's name
	}
	return 2
}

// TitleLines wraps a title into the fewest lines of at most max
// characters, broken only between words, balanced. A word longer than a
// line is broken between its characters, as nothing else can be done.
func TitleLines(title string, max int) []string {
	title = strings.TrimSpace(title)
	if title == "" || width(title) <= float64(max) {
		return []string{title}
	}
	if lines := wrapWords(segmentTitle(title), max); lines != nil {
		return lines
	}
	var chars []tword
	for _, r := range title {
		chars = append(chars, tword{text: string(r), kind: wKnown})
	}
	if lines := wrapWords(chars, max); lines != nil {
		return lines
	}
	return []string{title}
}

// wrapWords finds, for the fewest lines that can hold the words, the
// breaks of least cost: each break's cost, and the squared difference of
// each line's width from the mean. nil when no line of max holds a word.
func wrapWords(ws []tword, max int) []string {
	n := len(ws)
	if n == 0 || n > 400 {
		return nil
	}
	pre := make([]float64, n+1) // width of words [0, i)
	for i, w := range ws {
		pre[i+1] = pre[i] + width(w.text)
	}
	lineWidth := func(i, j int) float64 { // words [i, j), a space at either end not counted
		w := pre[j] - pre[i]
		if ws[i].kind == wSpace {
			w -= width(ws[i].text)
		}
		if j > i && ws[j-1].kind == wSpace {
			w -= width(ws[j-1].text)
		}
		return w
	}
	total := pre[n]
	const inf = 1e18
	for lines := int(math.Ceil(total / float64(max))); lines <= n && lines <= 12; lines++ {
		mean := total / float64(lines)
		// cost[k][j]: the first j words in k lines.
		cost := make([][]float64, lines+1)
		from := make([][]int, lines+1)
		for k := range cost {
			cost[k] = make([]float64, n+1)
			from[k] = make([]int, n+1)
			for j := range cost[k] {
				cost[k][j] = inf
			}
		}
		cost[0][0] = 0
		for k := 1; k <= lines; k++ {
			for j := 1; j <= n; j++ {
				for i := j - 1; i >= 0; i-- {
					w := lineWidth(i, j)
					if w > float64(max) {
						break
					}
					if cost[k-1][i] == inf {
						continue
					}
					c := cost[k-1][i] + (w-mean)*(w-mean)
					if i > 0 {
						b := breakCost(ws[i-1], ws[i])
						if b < 0 {
							continue
						}
						c += 4 * float64(b)
					}
					if j < n && k == lines {
						continue
					}
					if c < cost[k][j] {
						cost[k][j], from[k][j] = c, i
					}
				}
			}
		}
		if cost[lines][n] == inf {
			continue
		}
		out := make([]string, lines)
		for k, j := lines, n; k > 0; k-- {
			i := from[k][j]
			var b strings.Builder
			for _, w := range ws[i:j] {
				b.WriteString(w.text)
			}
			out[k-1] = strings.TrimSpace(b.String())
			j = i
		}
		return out
	}
	return nil
}

// titleSegments is the title's words, for the page to break between them
// on a screen of any width.
func titleSegments(line string) []string {
	var out []string
	for _, w := range segmentTitle(line) {
		out = append(out, w.text)
	}
	return out
}
