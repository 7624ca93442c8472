package selfcheck

import (
	"slices"
	"strings"
)

// ProofWords are the words of a rule's name (《财务管理制度》) that say
// which area of the registers proves it: every rule of the area is
// suggested, so a rule added to an area later is suggested by itself.
// A rule's own Proves add words for it alone (末位表态 for chair_last).
var ProofWords = map[string][]string{
	AreaStudy:      {"理论学习", "中心组", "学习制度", "学习计划", "党课"},
	AreaMeetings:   {"议事规则", "会议制度", "会议记录", "会议管理", "民主集中制"},
	AreaMajor:      {"三重一大", "重大事项", "重大决策", "大额资金", "决策、执行", "决策制度"},
	AreaFinance:    {"财务", "会计", "报销", "经费管理", "公务接待", "资金管理"},
	AreaDues:       {"党费"},
	AreaProposals:  {"提案"},
	AreaMembers:    {"委员履职", "履职考核", "委员管理", "委员考核"},
	AreaLiaison:    {"联络组"},
	AreaAttendance: {"考勤", "签到", "请销假", "请假", "销假", "作息"},
	AreaTravel:     {"出国", "出境", "证照", "护照"},
	AreaRetired:    {"退休", "兼职", "返聘"},
	AreaArchives:   {"档案", "归档"},
}

// Suggest names the rules that prove a mechanism by the rule names it
// cites (a measure's 长效机制 and the rules it made), by ID in the order
// of Rules: those of an area one of whose ProofWords the names contain,
// and those one of whose Proves they contain.
func Suggest(names ...string) []string {
	return suggest(Rules, names...)
}

func suggest(rules []Rule, names ...string) []string {
	text := strings.Join(names, "\n")
	// Quotes inside a title (《“三重一大”事项决策制度》) split its words.
	text = strings.NewReplacer("“", "", "”", "", "\"", "", "'", "", "‘", "", "’", "", "（", "(", "）", ")").Replace(text)
	if strings.TrimSpace(text) == "" {
		return nil
	}
	has := func(words []string) bool {
		return slices.ContainsFunc(words, func(w string) bool { return w != "" && strings.Contains(text, w) })
	}
	areas := map[string]bool{}
	for a, words := range ProofWords {
		areas[a] = has(words)
	}
	var out []string
	for _, r := range rules {
		if (areas[r.Area] || has(r.Proves)) && !slices.Contains(out, r.ID) {
			out = append(out, r.ID)
		}
	}
	return out
}

// RulesOf are the rules of ids that exist, in the order of ids, and the
// ids no rule has (a rule since removed).
func RulesOf(ids []string) (rules []Rule, unknown []string) {
	for _, id := range ids {
		if r, ok := ByID(id); ok {
			rules = append(rules, r)
		} else {
			unknown = append(unknown, id)
		}
	}
	return rules, unknown
}
