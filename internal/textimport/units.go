package textimport

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"zhenggai"
)

// unitEnds end the names of the bodies a round inspects.
var unitEnds = []string{"党组", "党委", "党工委", "党总支", "党支部", "委员会", "局", "办公室", "中心", "公司", "集团",
	"学院", "大学", "学校", "中学", "小学", "医院", "卫生院", "镇", "乡", "街道", "办事处", "社区", "村", "管委会",
	"政府", "法院", "检察院", "馆", "站", "所", "团委", "妇联", "总工会", "科协", "文联", "工商联", "残联"}

// isUnitName reports whether s is the name of a unit standing alone, as
// compilations head each unit's part: short, without punctuation, ending
// like a body's name and not like a field of work.
func isUnitName(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 3 || n > 30 || strings.ContainsAny(s, ",.;:!?。、“”《》\"") || strings.HasPrefix(s, "关于") ||
		strings.HasPrefix(s, "在") || containsAny(s, []string{"方面", "问题", "情况", "整改", "工作", "建设", "落实"}) {
		return false
	}
	return endsLikeUnit(s)
}

// endsLikeUnit reports whether s ends as a body's name does (…党委, …局).
func endsLikeUnit(s string) bool {
	for _, e := range unitEnds {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}

// compiled refuses a text that compiles the reports of several units, each
// headed by its name on a line of its own: one round is one unit, and
// splitting the problems among rounds by guesswork could file one unit's
// problem under another.
func (p *parser) compiled() error {
	var names []string
	seen := map[string]bool{}
	for _, r := range p.regions {
		// The first unit's name may stand just above the region, between
		// the preamble and the first problem.
		from := r[0]
		if from > 0 && p.lines[from-1].kind == kText && isUnitName(p.text(from-1)) {
			from--
		}
		for i := from; i < r[1]; i++ {
			if p.lines[i].kind != kText || !isUnitName(p.text(i)) {
				continue
			}
			j := i + 1
			for j < r[1] && p.lines[j].kind == kTrailer {
				j++
			}
			if j >= r[1] || p.lines[j].kind != kHeading && p.lines[j].kind != kLabel {
				continue
			}
			if name := p.src(i, 0); !seen[name] {
				seen[name] = true
				names = append(names, name)
			}
		}
	}
	return compilation(names)
}

// unitCategories refuses a compilation whose units are headed like
// categories (一、市财政局党组 … 二、市教育局党组).
func (p *parser) unitCategories() error {
	var names []string
	for _, c := range p.im.Categories {
		if isUnitName(strings.TrimSpace(c.Title)) {
			names = append(names, c.Title)
		}
	}
	return compilation(names)
}

func compilation(names []string) error {
	if len(names) < 2 {
		return nil
	}
	shown := names
	if len(shown) > 6 {
		shown = shown[:6]
	}
	list := strings.Join(shown, "、")
	if len(names) > len(shown) {
		list += "等"
	}
	return invalid(fmt.Sprintf("这份文本汇编了%d个单位的整改情况（%s），一次只能导入一个单位的报告，未导入任何内容："+
		"请把每个单位的部分（连同开头的巡察情况）分别粘贴导入", len(names), list))
}

// summary refuses a round-level summary of an inspection of many units
// (区委4个巡察组对…等40家单位开展常规巡察…反馈的697个问题): it has
// figures but no unit's problems, and a round is one unit's.
func (p *parser) summary() error {
	// A round whose unit the text names (县委上下联动巡察组对徽城镇所辖村(社区)
	// 党组织开展了巡察) is one round, whatever it counts.
	if len(p.im.Categories) > 0 || p.unitNamed {
		return nil
	}
	stop := p.end
	if p.first >= 0 && p.first < stop {
		stop = p.first
	}
	n := 0
	for i := 0; i < stop; i++ {
		if p.lines[i].kind != kText {
			continue
		}
		if k := manyUnits(p.text(i)); k > n {
			n = k
		}
		if k := listedUnits(p.text(i)); k > n {
			n = k
		}
	}
	if n < 2 {
		return nil
	}
	msg := fmt.Sprintf("这是对%d个单位巡察整改情况的汇总通报，没有单个被巡察单位的问题清单，不能作为一个巡察轮次导入，未导入任何内容", n)
	if d := p.im.Declared; d.Problems > 0 && d.Completed > 0 {
		msg += fmt.Sprintf("（通报的数字：反馈问题%d个，已完成整改%d个）", d.Problems, d.Completed)
	} else if d.Problems > 0 {
		msg += fmt.Sprintf("（通报的数字：问题%d个）", d.Problems)
	}
	return invalid(msg + "。请导入各被巡察单位自己的整改进展情况报告")
}

// manyUnits finds "N家单位", "N个被巡察党组织", "N家被巡察单位" in s and
// returns the largest N, 0 when there is none.
func manyUnits(s string) int {
	best := 0
	for i := 0; i < len(s); {
		n, j := countAt(s, i)
		if j == i {
			_, w := utf8.DecodeRuneInString(s[i:])
			i += w
			continue
		}
		k := j
		if hasAt(s, k, "家") || hasAt(s, k, "个") {
			k += len("家")
			for _, w := range []string{"被巡察", "被巡视", "县级", "市直", "区直", "县直"} {
				if hasAt(s, k, w) {
					k += len(w)
					break
				}
			}
			for _, w := range []string{"单位", "党组织", "部门", "村", "社区", "乡镇", "学校", "医院"} {
				if hasAt(s, k, w) && n > best {
					best = n
				}
			}
		}
		i = j
	}
	return best
}

// listedUnits counts the units a sentence says were inspected together
// (巡察组对保和镇、县财政局、县医疗保障局开展了常规巡察), 0 when none.
func listedUnits(s string) int {
	best := 0
	for _, g := range groupMentions(s, 8) {
		end := len(s)
		if k := strings.IndexAny(s[g[2]:], "。;\n"); k >= 0 {
			end = g[2] + k
		}
		sent := s[g[2]:end]
		d := strings.Index(sent, "对")
		if d < 0 {
			continue
		}
		obj := sent[d+len("对"):]
		v := -1
		for _, verb := range append(unitVerbs, "的巡") { // 反馈了对A、B、C的巡察情况
			if k := strings.Index(obj, verb); k >= 0 && (v < 0 || k < v) {
				v = k
			}
		}
		if v < 0 || !strings.Contains(obj[v:], "巡") {
			continue
		}
		// Three or more: "对县教育局党组及其下属学校、幼儿园" is one unit's round.
		if n := strings.Count(obj[:v], "、") + 1; n > 2 && n > best {
			best = n
		}
	}
	return best
}

// countAt reads a count at s[i:], in digits or Chinese numerals (两个方面,
// 六个方面, 十二个问题); j == i when there is none.
func countAt(s string, i int) (n, j int) {
	if i < len(s) && isDigit(s[i]) {
		if i > 0 && isDigit(s[i-1]) {
			return 0, i
		}
		return atoi(s, i)
	}
	if hasAt(s, i, "两") {
		return 2, i + len("两")
	}
	if n, k := zhenggai.LeadingNumeral(s[i:]); n > 0 {
		return n, i + k
	}
	return 0, i
}
