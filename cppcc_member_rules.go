package zhenggai

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The rules of members: validation, the score explained line by line, the
// scheme as a clerk edits it on the settings page, and the flags.

// Named settings of the members register (store.NamedSettings(unit, "members.")).
const (
	MemberScoreSetting      = "members.score"             // the scheme, ScoreSchemeText's format
	MemberPlenaryTypes      = "members.plenary_types"     // meeting types counted as plenaries, one per line
	MemberStandingTypes     = "members.standing_types"    // meeting types counted as standing committee meetings
	MemberNoProposalSetting = "members.no_proposal_years" // years without a proposal that flag a member
	MemberAbsencesSetting   = "members.absences"          // unexcused plenary absences in a term that flag
	MemberLeaveMaxSetting   = "members.leave_max"         // plenary leaves a year above which a member is flagged
)

// MemberSettingKeys are the members register's settings, in the order the settings page shows them.
var MemberSettingKeys = []string{MemberScoreSetting, MemberPlenaryTypes, MemberStandingTypes,
	MemberNoProposalSetting, MemberAbsencesSetting, MemberLeaveMaxSetting}

// MemberRules are a unit's members settings read with their defaults.
type MemberRules struct {
	Scheme          ScoreScheme
	PlenaryTypes    []string // 全体会议
	StandingTypes   []string // 常委会议
	NoProposalYears int      // 2
	Absences        int      // 2
	LeaveMax        int      // 2
}

// MemberRulesFrom reads the named settings, each with its default when
// empty; a value that does not parse is an error naming its setting, so
// that the settings page refuses it (a stored one was checked then).
func MemberRulesFrom(set map[string]string) (MemberRules, error) {
	r := MemberRules{Scheme: DefaultScoreScheme, PlenaryTypes: []string{"全体会议"}, StandingTypes: []string{"常委会议"},
		NoProposalYears: 2, Absences: 2, LeaveMax: 2}
	v := &ValidationError{}
	if t := strings.TrimSpace(set[MemberScoreSetting]); t != "" {
		sc, err := ParseScoreScheme(t)
		if err != nil {
			v.Add("score", "考核评分办法："+ErrorMessage(err))
		} else {
			r.Scheme = sc
		}
	}
	lines := func(key string, into *[]string, field, label string) {
		var out []string
		for _, l := range strings.Split(set[key], "\n") {
			if l = strings.TrimSpace(l); l != "" && !slices.Contains(out, l) {
				checkText(v, field, label+"“"+l+"”", l, true, 40)
				out = append(out, l)
			}
		}
		if len(out) > 20 {
			v.Add(field, label+"过多（最多20种）")
		}
		if len(out) > 0 {
			*into = out
		}
	}
	lines(MemberPlenaryTypes, &r.PlenaryTypes, "plenary_types", "全体会议的会议类型")
	lines(MemberStandingTypes, &r.StandingTypes, "standing_types", "常委会议的会议类型")
	num := func(key string, into *int, field, label string, min, max int) {
		s := strings.TrimSpace(set[key])
		if s == "" {
			return
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < min || n > max {
			v.Add(field, fmt.Sprintf("%s须为%d至%d的整数", label, min, max))
			return
		}
		*into = n
	}
	num(MemberNoProposalSetting, &r.NoProposalYears, "no_proposal_years", "连续几年未提交提案", 1, 10)
	num(MemberAbsencesSetting, &r.Absences, "absences", "无故缺席全体会议几次", 1, 20)
	num(MemberLeaveMaxSetting, &r.LeaveMax, "leave_max", "每年请假次数上限", 0, 50)
	return r, v.Err()
}

// Label is the Chinese name of s.
func (s MemberStatus) Label() string {
	switch s {
	case MemberActive:
		return "在任"
	case MemberLeft:
		return "已退出"
	case MemberSuspended:
		return "暂停履职"
	}
	return string(s)
}

// MemberStatuses in the order forms offer them.
var MemberStatuses = []MemberStatus{MemberActive, MemberLeft, MemberSuspended}

// Valid reports whether s is a known status.
func (s MemberStatus) Valid() bool { return slices.Contains(MemberStatuses, s) }

// ParseMemberStatus reads a status by its code or Chinese name; "" is active.
func ParseMemberStatus(s string) (MemberStatus, bool) {
	s = strings.TrimSpace(s)
	switch s {
	case "", "在职", "正常":
		return MemberActive, true
	case "退出", "调整", "辞去", "撤销", "已调整":
		return MemberLeft, true
	case "暂停", "停止履职":
		return MemberSuspended, true
	}
	for _, x := range MemberStatuses {
		if s == string(x) || s == x.Label() {
			return x, true
		}
	}
	return "", false
}

// Label is the Chinese name of k.
func (k ActivityKind) Label() string {
	switch k {
	case ActivityResearch:
		return "调研"
	case ActivityInspection:
		return "视察"
	case ActivityTraining:
		return "培训"
	case ActivityContact:
		return "联系群众"
	case ActivityOther:
		return "其他"
	}
	return string(k)
}

// Valid reports whether k is a known kind.
func (k ActivityKind) Valid() bool { return slices.Contains(ActivityKinds, k) }

// ParseActivityKind reads a kind by its code or Chinese name.
func ParseActivityKind(s string) (ActivityKind, bool) {
	s = strings.TrimSpace(s)
	switch s {
	case "调查研究", "专题调研", "参加调研":
		return ActivityResearch, true
	case "视察调研", "专题视察", "参加视察":
		return ActivityInspection, true
	case "学习培训", "参加培训", "学习":
		return ActivityTraining, true
	case "联系界别群众", "走访群众", "联系服务群众":
		return ActivityContact, true
	case "其他履职活动", "其它":
		return ActivityOther, true
	}
	for _, k := range ActivityKinds {
		if s == string(k) || s == k.Label() {
			return k, true
		}
	}
	return "", false
}

// Normalize trims what was typed.
func (m *CPPCCMember) Normalize() {
	for _, p := range []*string{&m.Name, &m.Term, &m.Sector, &m.Committee, &m.Township} {
		*p = strings.TrimSpace(*p)
	}
	if m.Status == "" {
		m.Status = MemberActive
	}
}

// Validate checks a member before he is saved.
func (m *CPPCCMember) Validate() error {
	v := &ValidationError{}
	if m.UnitID <= 0 {
		v.Add("unit_id", "请选择所属单位")
	}
	checkText(v, "name", "姓名", m.Name, true, MaxName)
	checkText(v, "term", "届次", m.Term, true, 40)
	checkText(v, "sector", "界别", m.Sector, false, MaxName)
	checkText(v, "committee", "专委会或委员小组", m.Committee, false, MaxName)
	checkText(v, "township", "所在乡镇", m.Township, false, MaxName)
	if !m.Status.Valid() {
		v.Add("status", "状态须为在任、已退出或暂停履职")
	}
	checkDate(v, "joined_on", "任职日期", m.JoinedOn, false)
	checkDate(v, "left_on", "退出日期", m.LeftOn, false)
	if !m.LeftOn.IsZero() && !m.JoinedOn.IsZero() && m.LeftOn.Before(m.JoinedOn) {
		v.Add("left_on", "退出日期"+m.LeftOn.Chinese()+"早于任职日期"+m.JoinedOn.Chinese())
	}
	if m.Status == MemberLeft && m.LeftOn.IsZero() {
		v.Add("left_on", "已退出的委员请填写退出日期")
	}
	if m.Status == MemberActive && !m.LeftOn.IsZero() {
		v.Add("status", "已填写退出日期的委员，状态不能是在任")
	}
	return v.Err()
}

// Normalize trims what was typed.
func (a *MemberActivity) Normalize() {
	a.Title, a.Note = strings.TrimSpace(a.Title), strings.TrimSpace(a.Note)
}

// Validate checks an activity before it is saved; it cannot lie after today.
func (a *MemberActivity) Validate(today Date) error {
	v := &ValidationError{}
	if a.UnitID <= 0 {
		v.Add("unit_id", "请选择所属单位")
	}
	if a.MemberID <= 0 {
		v.Add("member_id", "请选择委员")
	}
	if !a.Kind.Valid() {
		v.Add("kind", "活动类别须为调研、视察、培训、联系群众或其他")
	}
	checkText(v, "title", "活动名称", a.Title, true, MaxTitle)
	checkDate(v, "on", "活动日期", a.On, true)
	if a.On.Valid() && !a.On.IsZero() && today.Before(a.On) {
		v.Add("on", "活动日期"+a.On.Chinese()+"晚于今天")
	}
	checkText(v, "note", "备注", a.Note, false, MaxTitle)
	return v.Err()
}

// ScoreKeyLabel is what a key counts, as the settings page explains it.
func ScoreKeyLabel(key string) string {
	return map[string]string{
		"plenary_present": "出席全体会议", "plenary_leave": "全体会议请假", "plenary_absent": "全体会议无故缺席",
		"standing_present": "出席常委会议", "standing_absent": "常委会议无故缺席",
		"proposal": "提交提案（领衔）", "proposal_cosign": "联名提案", "proposal_registered": "提案立案（领衔）",
		"sqmy": "社情民意信息", "sqmy_adopted": "社情民意被采用", "micro": "微建议",
		"research": "调研", "inspection": "视察", "training": "培训", "contact": "联系群众",
	}[key]
}

// ScoreKeyUnit is the measure word of a key's count: 次, 件 or 条.
func ScoreKeyUnit(key string) string {
	switch {
	case strings.HasPrefix(key, "proposal"):
		return "件"
	case strings.HasPrefix(key, "sqmy"), key == "micro":
		return "条"
	}
	return "次"
}

// minus writes a number with the true minus sign, as printed forms do.
func minus(n int) string {
	if n < 0 {
		return "−" + strconv.Itoa(-n)
	}
	return strconv.Itoa(n)
}

// Score computes a member's score by a scheme from his counts (keys of
// ScoreKeys): one line per item, explained, the total, the grade and
// whether it reaches the pass mark. A capped item gives at most its cap
// (a deduction takes at most its cap); the total may fall below zero.
func Score(scheme ScoreScheme, counts map[string]int) MemberScore {
	var s MemberScore
	for _, it := range scheme.Items {
		n := counts[it.Key]
		raw := n * it.Points
		pts := raw
		text := fmt.Sprintf("%s %d%s × %s分 = %s分", it.Label, n, ScoreKeyUnit(it.Key), minus(it.Points), minus(raw))
		if it.Cap > 0 {
			switch {
			case it.Points >= 0 && raw > it.Cap:
				pts = it.Cap
			case it.Points < 0 && -raw > it.Cap:
				pts = -it.Cap
			}
			if pts != raw {
				text += "，超过上限按" + minus(pts) + "分计"
			}
		}
		s.Lines = append(s.Lines, ScoreLine{Key: it.Key, Label: it.Label, Count: n, Points: pts, Text: text})
		s.Total += pts
	}
	s.Grade = scheme.GradeOf(s.Total)
	s.Passed = s.Total >= scheme.Pass
	return s
}

// GradeOf is the grade of a total: the first (highest) grade whose least
// score it reaches, else the lowest grade.
func (sc ScoreScheme) GradeOf(total int) string {
	for _, g := range sc.Grades {
		if total >= g.Min {
			return g.Label
		}
	}
	if len(sc.Grades) > 0 {
		return sc.Grades[len(sc.Grades)-1].Label
	}
	return ""
}

// Limits of a scheme as a clerk types it.
const (
	maxSchemeBytes = 16 << 10
	maxSchemeLines = 100
)

// Validate checks a scheme: known keys, each once, points and caps in
// range, grades from the highest down, a pass mark.
func (sc ScoreScheme) Validate() error {
	v := &ValidationError{}
	if len(sc.Items) == 0 {
		v.Add("items", "考核评分办法至少要有一个计分项目")
	}
	seen := map[string]bool{}
	for i, it := range sc.Items {
		where := fmt.Sprintf("第%d个计分项目", i+1)
		switch {
		case !slices.Contains(ScoreKeys, it.Key):
			v.Add("items", where+"的统计项“"+it.Key+"”不是可统计的项目（"+strings.Join(ScoreKeys, "、")+"）")
		case seen[it.Key]:
			v.Add("items", where+"的统计项“"+it.Key+"”重复")
		}
		seen[it.Key] = true
		checkText(v, "items", where+"的名称", it.Label, true, 40)
		if strings.ContainsAny(it.Label, "|｜") {
			v.Add("items", where+"的名称不能含有竖线")
		}
		if it.Points == 0 || it.Points < -100 || it.Points > 100 {
			v.Add("items", where+"的每次分值须为−100至100之间、不为0的整数")
		}
		if it.Cap < 0 || it.Cap > 1000 {
			v.Add("items", where+"的上限须为0至1000的整数（0为不设上限）")
		}
	}
	if len(sc.Grades) == 0 {
		v.Add("grades", "请至少设定一个等次")
	}
	for i, g := range sc.Grades {
		where := fmt.Sprintf("第%d个等次", i+1)
		checkText(v, "grades", where+"的名称", g.Label, true, 20)
		if strings.ContainsAny(g.Label, "|｜") {
			v.Add("grades", where+"的名称不能含有竖线")
		}
		if g.Min < -1000 || g.Min > 1000 {
			v.Add("grades", where+"的最低分须为−1000至1000的整数")
		}
		if i > 0 && g.Min >= sc.Grades[i-1].Min {
			v.Add("grades", where+"“"+g.Label+"”的最低分须低于上一等次")
		}
	}
	if sc.Pass < 0 || sc.Pass > 1000 {
		v.Add("pass", "合格线须为0至1000的整数")
	}
	return v.Err()
}

// ScoreSchemeText writes a scheme as the settings page shows it, one line
// per item ("出席全体会议 | plenary_present | 10 | 40": name, what is
// counted, points per count, cap, 0 for none), then one per grade
// ("等次 | 优秀 | 90") and the pass mark ("合格线 | 60").
func ScoreSchemeText(sc ScoreScheme) string {
	var b strings.Builder
	b.WriteString("# 项目名称 | 统计项 | 每次分值（扣分为负） | 上限（0为不设）\n")
	for _, it := range sc.Items {
		fmt.Fprintf(&b, "%s | %s | %d | %d\n", it.Label, it.Key, it.Points, it.Cap)
	}
	b.WriteString("# 等次 | 名称 | 最低分（从高到低）\n")
	for _, g := range sc.Grades {
		fmt.Fprintf(&b, "等次 | %s | %d\n", g.Label, g.Min)
	}
	fmt.Fprintf(&b, "合格线 | %d\n", sc.Pass)
	return b.String()
}

// ParseScoreScheme reads a scheme in ScoreSchemeText's format. Lines
// starting with # and blank lines are skipped; full-width bars and minus
// signs are read as half-width ones. A statistic key may be given by its
// Chinese name (ScoreKeyLabel). Errors name the line.
func ParseScoreScheme(text string) (ScoreScheme, error) {
	var sc ScoreScheme
	v := &ValidationError{}
	if len(text) > maxSchemeBytes {
		v.Add("score", "考核评分办法过长")
		return sc, v.Err()
	}
	if !utf8.ValidString(text) {
		v.Add("score", "考核评分办法含有无法识别的字符")
		return sc, v.Err()
	}
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	if len(lines) > maxSchemeLines {
		v.Add("score", fmt.Sprintf("考核评分办法过长（最多%d行）", maxSchemeLines))
		return sc, v.Err()
	}
	pass := false
	num := func(i int, s, what string) (int, bool) {
		s = strings.NewReplacer("−", "-", "－", "-", "＋", "+", "分", "").Replace(strings.TrimSpace(s))
		n, err := strconv.Atoi(s)
		if err != nil || n < -1000 || n > 1000 {
			v.Add("score", fmt.Sprintf("第%d行：%s“%s”须为整数", i+1, what, s))
			return 0, false
		}
		return n, true
	}
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(strings.ReplaceAll(l, "｜", "|"), "|")
		for j := range f {
			f[j] = strings.TrimSpace(f[j])
		}
		switch {
		case f[0] == "合格线":
			if len(f) != 2 {
				v.Add("score", fmt.Sprintf("第%d行：合格线一行写作“合格线 | 60”", i+1))
				continue
			}
			if n, ok := num(i, f[1], "合格线"); ok {
				sc.Pass, pass = n, true
			}
		case f[0] == "等次":
			if len(f) != 3 {
				v.Add("score", fmt.Sprintf("第%d行：等次一行写作“等次 | 优秀 | 90”", i+1))
				continue
			}
			if n, ok := num(i, f[2], "最低分"); ok {
				sc.Grades = append(sc.Grades, ScoreGrade{Label: f[1], Min: n})
			}
		default:
			if len(f) < 3 || len(f) > 4 {
				v.Add("score", fmt.Sprintf("第%d行：计分项目一行写作“项目名称 | 统计项 | 每次分值 | 上限”", i+1))
				continue
			}
			it := ScoreItem{Label: f[0], Key: f[1]}
			if !slices.Contains(ScoreKeys, it.Key) {
				for _, k := range ScoreKeys {
					if ScoreKeyLabel(k) == it.Key {
						it.Key = k
					}
				}
			}
			var ok bool
			if it.Points, ok = num(i, f[2], "每次分值"); !ok {
				continue
			}
			if len(f) == 4 && f[3] != "" {
				if it.Cap, ok = num(i, f[3], "上限"); !ok {
					continue
				}
			}
			sc.Items = append(sc.Items, it)
		}
	}
	if err := v.Err(); err != nil {
		return sc, err
	}
	if !pass {
		v.Add("score", "请写明合格线（如“合格线 | 60”）")
		return sc, v.Err()
	}
	// Grades as typed may come in any order: highest first.
	sort.SliceStable(sc.Grades, func(i, j int) bool { return sc.Grades[i].Min > sc.Grades[j].Min })
	if err := sc.Validate(); err != nil {
		return sc, err
	}
	return sc, nil
}

// MemberFlag is one thing the office should look at in a member's record.
type MemberFlag struct {
	Code string `json:"code"` // no_proposal, absences, leave, below_pass
	Text string `json:"text"`
}

// MemberYears is a member's counts by year (keys of ScoreKeys).
type MemberYears map[int]map[string]int

// MemberFlags lists a member's flags from his counts by year over the
// years he served up to year (inclusive, from the earliest first):
//   - no proposal, led or co-signed, in the last NoProposalYears years he
//     served whole (the years up to year);
//   - unexcused plenary absences in the term at least Absences;
//   - in a year, plenary leaves above LeaveMax;
//   - below the pass mark two years running.
func MemberFlags(r MemberRules, years []int, counts MemberYears) []MemberFlag {
	var out []MemberFlag
	get := func(y int, k string) int { return counts[y][k] }
	if n := r.NoProposalYears; n > 0 && len(years) >= n {
		last := years[len(years)-n:]
		none := true
		for _, y := range last {
			if get(y, "proposal")+get(y, "proposal_cosign") > 0 {
				none = false
			}
		}
		if none {
			out = append(out, MemberFlag{"no_proposal", fmt.Sprintf("%d年至%d年连续%d年未提交提案（含联名）", last[0], last[len(last)-1], n)})
		}
	}
	absent := 0
	for _, y := range years {
		absent += get(y, "plenary_absent")
	}
	if r.Absences > 0 && absent >= r.Absences {
		out = append(out, MemberFlag{"absences", fmt.Sprintf("本届无故缺席全体会议%d次", absent)})
	}
	for _, y := range years {
		if n := get(y, "plenary_leave"); n > r.LeaveMax {
			out = append(out, MemberFlag{"leave", fmt.Sprintf("%d年全体会议请假%d次（超过%d次）", y, n, r.LeaveMax)})
		}
	}
	for i := 1; i < len(years); i++ {
		a, b := Score(r.Scheme, counts[years[i-1]]), Score(r.Scheme, counts[years[i]])
		if !a.Passed && !b.Passed {
			out = append(out, MemberFlag{"below_pass", fmt.Sprintf("%d年、%d年考核得分%d分、%d分，连续两年低于合格线%d分",
				years[i-1], years[i], a.Total, b.Total, r.Scheme.Pass)})
			break
		}
	}
	return out
}

// MemberServedYears are the years of a member's term up to year: from the
// year he joined (or first, when none is recorded) to the year he left
// (or year), at most ten.
func MemberServedYears(m *CPPCCMember, first, year int) []int {
	from, to := first, year
	if !m.JoinedOn.IsZero() {
		from = m.JoinedOn.Year()
	}
	if !m.LeftOn.IsZero() && m.LeftOn.Year() < to {
		to = m.LeftOn.Year()
	}
	if to-from >= 10 {
		from = to - 9
	}
	var out []int
	for y := from; y <= to; y++ {
		out = append(out, y)
	}
	return out
}
