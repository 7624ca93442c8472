package selfcheck

import (
	"context"
	"fmt"
	"html"
	"math"
	"regexp"
	"strconv"
	"strings"

	"zhenggai"
)

// ProposalReport: the proposal figures a published report states are the
// ones the register gives (seed problems 9 and 10: the report's "共收到提
// 案79件…并案后实际立案62件" and "62件提案已办结并书面答复，答复率、满意率
// 均达100%" are figures only the register can back). Each sentence's
// counts (收到, 立案, 转意见建议, 办结, 书面答复) and rates (答复率, 满意率 …)
// are compared with zhenggai.CountProposals for the scope the sentence or
// its paragraph names before it: a session (九届四次会议), a year (2019年),
// 今年 or 去年 (by the report's date). A scope the register holds no
// proposal of is not compared: its records were not entered.
var ProposalReport = Rule{
	ID:          "proposal_report",
	Needs:       NeedProposals | NeedReports,
	Title:       "公开报告所述提案数据与提案登记簿一致",
	SeedProblem: 9,
	Area:        AreaProposals,
	Check:       checkProposalReport,
}

var (
	reTag      = regexp.MustCompile(`(?i)<(/?)(p|div|br|li|h[1-6]|tr|table|section)\b[^>]*>|<[^>]*>`)
	reSession  = regexp.MustCompile(`([一二三四五六七八九十]+)届(?:委员会)?第?([一二三四五六七八九十]+)次(?:全体)?(?:会议)?`)
	reYear     = regexp.MustCompile(`(\d{4})年(度)?(\d{1,2}月)?`)
	reYears    = regexp.MustCompile(`(\d{4})年?(?:至|到|—|－|-|~)(\d{4})年`)
	reRelYear  = regexp.MustCompile(`今年|本年度|本年|去年|上年度|上一年`)
	reReceived = regexp.MustCompile(`收到(?:各类)?提案(\d+)件`)
	reRegister = regexp.MustCompile(`(不予)?立案(\d+)件`)
	reConvert  = regexp.MustCompile(`转(?:为)?(?:一般性意见|意见建议|社情民意)(?:信息)?(\d+)件`)
	reCountOf  = regexp.MustCompile(`(\d+)件提案([^，,。；;]*)`)
	reDone     = regexp.MustCompile(`已?办结(\d+)件`)
	reReplied  = regexp.MustCompile(`已?书面答复(\d+)件`)
	reRate     = regexp.MustCompile(`((?:\p{Han}{1,10}率[、和及与]?)+)(分别)?(?:均|都)?(?:达到|达|为|是)?(\d{1,3}(?:\.\d+)?)%`)
)

// rateNames are the rates a report may state, the longest first (a
// suffix decides), each with the name of zhenggai.ProposalStats' rate.
var rateNames = []struct{ said, rate, key string }{
	{"满意和基本满意率", "满意和基本满意率", "satisfied_basic_rate"},
	{"满意及基本满意率", "满意和基本满意率", "satisfied_basic_rate"},
	{"按期答复率", "按期答复率", "on_time_rate"},
	{"按时答复率", "按期答复率", "on_time_rate"},
	{"意见表收回率", "意见表收回率", "forms_rate"},
	{"答复率", "答复率", "reply_rate"},
	{"办复率", "答复率", "reply_rate"},
	{"满意率", "满意率", "satisfied_rate"},
	{"办结率", "办结率", "done_rate"},
	{"立案率", "立案率", "registered_rate"},
}

// ReportText is a report's HTML as lines of text, one paragraph a line.
func ReportText(body string) string {
	s := reTag.ReplaceAllStringFunc(body, func(t string) string {
		if m := reTag.FindStringSubmatch(t); m[2] != "" {
			return "\n"
		}
		return ""
	})
	return html.UnescapeString(s)
}

// sessionKey is a session's numbers, "9-4" for 九届四次 and 第九届委员会第四次会议.
func sessionKey(s string) string {
	m := reSession.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	return fmt.Sprintf("%d-%d", zhenggai.ParseNumeral(m[1]), zhenggai.ParseNumeral(m[2]))
}

// scope is what a sentence's figures count.
type scope struct {
	label    string // 九届四次会议, 2020年
	session  string // sessionKey, or the years
	from, to int
}

type claim struct {
	key, label string // received / 收到提案; reply_rate / 答复率
	count      int64  // a count stated
	rate       string // a rate stated, as written (100, 98.5)
	rateName   string
}

func claimsOf(sentence string) []claim {
	var out []claim
	for _, m := range reReceived.FindAllStringSubmatch(sentence, -1) {
		out = append(out, claim{key: "received", label: "收到提案", count: atoi(m[1])})
	}
	for _, m := range reRegister.FindAllStringSubmatch(sentence, -1) {
		if m[1] == "" {
			out = append(out, claim{key: "registered", label: "立案", count: atoi(m[2])})
		}
	}
	for _, m := range reConvert.FindAllStringSubmatch(sentence, -1) {
		out = append(out, claim{key: "converted", label: "转意见建议", count: atoi(m[1])})
	}
	done, replied := false, false
	for _, m := range reCountOf.FindAllStringSubmatch(sentence, -1) {
		if strings.Contains(m[2], "办结") && !done {
			done = true
			out = append(out, claim{key: "done", label: "已办结", count: atoi(m[1])})
		}
		if strings.Contains(m[2], "答复") && !replied {
			replied = true
			out = append(out, claim{key: "replied", label: "已书面答复", count: atoi(m[1])})
		}
	}
	if m := reDone.FindStringSubmatch(sentence); m != nil && !done {
		out = append(out, claim{key: "done", label: "已办结", count: atoi(m[1])})
	}
	if m := reReplied.FindStringSubmatch(sentence); m != nil && !replied {
		out = append(out, claim{key: "replied", label: "已书面答复", count: atoi(m[1])})
	}
	for _, m := range reRate.FindAllStringSubmatch(sentence, -1) {
		if m[2] != "" {
			continue // 分别为…: one figure each, not parsed
		}
		for _, l := range splitRates(m[1]) {
			for _, n := range rateNames {
				if strings.HasSuffix(l, n.said) {
					out = append(out, claim{key: n.key, label: n.rate, rate: m[3], rateName: n.rate})
					break
				}
			}
		}
	}
	return out
}

// splitRates splits 答复率、满意率 into its rates, keeping 满意和基本满意率 whole.
func splitRates(s string) []string {
	s = strings.TrimRight(s, "、和及与")
	var out []string
	for _, part := range strings.Split(s, "、") {
		for _, sep := range []string{"与", "及", "和"} {
			if strings.Contains(part, sep) && !strings.HasSuffix(part, "基本满意率") {
				for _, q := range strings.Split(part, sep) {
					if q != "" {
						out = append(out, q)
					}
				}
				part = ""
				break
			}
		}
		if part != "" {
			out = append(out, part)
		}
	}
	return out
}

func atoi(s string) int64 { n, _ := strconv.ParseInt(s, 10, 64); return n }

// lastScope is the last scope s names, if any.
func lastScope(s string, reportYear int) (scope, bool) {
	type at struct {
		pos int
		sc  scope
	}
	var best *at
	consider := func(pos int, sc scope) {
		if best == nil || pos > best.pos {
			best = &at{pos, sc}
		}
	}
	for _, m := range reSession.FindAllStringSubmatchIndex(s, -1) {
		label := s[m[0]:m[1]]
		if !strings.HasSuffix(label, "会议") {
			label += "会议"
		}
		consider(m[0], scope{label: label, session: sessionKey(s[m[0]:m[1]])})
	}
	ranges := reYears.FindAllStringSubmatchIndex(s, -1)
	for _, m := range ranges {
		a, b := int(atoi(s[m[2]:m[3]])), int(atoi(s[m[4]:m[5]]))
		if a <= b {
			consider(m[0], scope{label: fmt.Sprintf("%d年至%d年", a, b), from: a, to: b})
		}
	}
year:
	for _, m := range reYear.FindAllStringSubmatchIndex(s, -1) {
		if m[6] >= 0 { // a date (2020年10月), not a year counted
			continue
		}
		for _, rg := range ranges {
			if m[0] >= rg[0] && m[0] < rg[1] {
				continue year
			}
		}
		y := int(atoi(s[m[2]:m[3]]))
		consider(m[0], scope{label: fmt.Sprintf("%d年", y), from: y, to: y})
	}
	for _, m := range reRelYear.FindAllStringIndex(s, -1) {
		if reportYear == 0 {
			continue
		}
		y := reportYear
		if w := s[m[0]:m[1]]; strings.Contains(w, "去") || strings.Contains(w, "上") {
			y--
		}
		consider(m[0], scope{label: fmt.Sprintf("%d年", y), from: y, to: y})
	}
	if best == nil {
		return scope{}, false
	}
	return best.sc, true
}

// rateMatches reports whether a rate stated as written agrees with
// num/den to its own decimals, rounded or cut (zhenggai.Rate.Percent
// cuts: 61/62 is 98.3%, an office may write 98.4%), and 100% only when
// every one counts.
func rateMatches(stated string, num, den int) bool {
	if den == 0 {
		return false
	}
	v, err := strconv.ParseFloat(stated, 64)
	if err != nil {
		return true
	}
	if v >= 100 {
		return num == den
	}
	dec := 0
	if i := strings.IndexByte(stated, '.'); i >= 0 {
		dec = len(stated) - i - 1
	}
	got, unit := float64(num)*100/float64(den), math.Pow(10, -float64(dec))
	return got >= v-0.5*unit-1e-9 && got < v+unit-1e-9
}

func checkProposalReport(_ context.Context, r *Registers, p zhenggai.Period, _ Values) ([]Finding, error) {
	if len(r.Proposals) == 0 {
		return nil, nil
	}
	stats := map[scope]*zhenggai.ProposalStats{}
	statsOf := func(sc scope) *zhenggai.ProposalStats {
		if s, ok := stats[sc]; ok {
			return s
		}
		var ps []zhenggai.Proposal
		for i := range r.Proposals {
			pr := &r.Proposals[i]
			if sc.session != "" && sessionKey(pr.Session) == sc.session || sc.session == "" && pr.Year >= sc.from && pr.Year <= sc.to {
				ps = append(ps, *pr)
			}
		}
		var s *zhenggai.ProposalStats
		if len(ps) > 0 {
			c := zhenggai.CountProposals(sc.label, ps)
			s = &c
		}
		stats[sc] = s
		return s
	}
	var fs []Finding
	for _, rep := range r.Reports {
		if !within(rep.On, p) {
			continue
		}
		figures := map[string]int64{}
		var wrong []string
		for _, para := range strings.Split(rep.Text, "\n") {
			if !strings.Contains(para, "提案") {
				continue // a rate of something else (整改完成率)
			}
			var cur scope
			have := false
			for _, sent := range strings.FieldsFunc(para, func(c rune) bool { return c == '。' || c == '；' || c == ';' || c == '！' }) {
				if sc, ok := lastScope(sent, rep.On.Year()); ok {
					cur, have = sc, true
				}
				cs := claimsOf(sent)
				if len(cs) == 0 || !have {
					continue
				}
				s := statsOf(cur)
				if s == nil {
					continue
				}
				var diffs []string
				for _, c := range cs {
					if c.rate != "" {
						rt, _ := s.Rate(c.rateName)
						if rateMatches(c.rate, rt.Num, rt.Den) {
							continue
						}
						computed := rt.Percent()
						if computed == "" {
							computed = "无法计算"
						}
						diffs = append(diffs, fmt.Sprintf("%s%s（%d/%d）", c.label, computed, rt.Num, rt.Den))
						st, _ := strconv.ParseFloat(c.rate, 64)
						figures["stated_"+c.key+"_permille"] = int64(math.Round(st * 10))
						figures["computed_"+c.key+"_permille"] = permille(int64(rt.Num), int64(rt.Den))
						continue
					}
					got := int64(map[string]int{"received": s.Received, "registered": s.Registered, "converted": s.Converted,
						"done": s.Done, "replied": s.Replied}[c.key])
					if got == c.count {
						continue
					}
					diffs = append(diffs, fmt.Sprintf("%s%d件", c.label, got))
					figures["stated_"+c.key], figures["computed_"+c.key] = c.count, got
				}
				if len(diffs) > 0 {
					wrong = append(wrong, fmt.Sprintf("“%s”，按提案登记簿计算%s%s", strings.TrimSpace(sent), cur.label, strings.Join(diffs, "、")))
				}
			}
		}
		if len(wrong) == 0 {
			continue
		}
		fs = append(fs, Finding{Severity: Common,
			Text: fmt.Sprintf("公开报告所述提案数据与提案登记簿不符，%s公开的《%s》称%s", rep.On.Chinese(), rep.Title,
				strings.Join(wrong, "；称")),
			Figures: figures,
			Records: []Record{{Kind: rep.Kind, ID: rep.ID, Label: "《" + rep.Title + "》"}}})
	}
	return fs, nil
}
