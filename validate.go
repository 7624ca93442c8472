package zhenggai

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Length limits, in characters, for what users type.
const (
	MaxName    = 100   // names of units, groups, people
	MaxTitle   = 1000  // category and problem titles
	MaxContent = 20000 // measure and progress texts
)

// checkText is the one check of every text a user types or sends, the
// public's opinions included.
func checkText(v *ValidationError, field, label, s string, required bool, max int) {
	switch {
	case required && strings.TrimSpace(s) == "":
		v.Add(field, label+"不能为空")
	case !utf8.ValidString(s):
		v.Add(field, label+"含有无法识别的字符")
	case strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' }):
		// NUL and the like: invisible, refused by PostgreSQL, and they
		// would break the Word and Excel files made from the text.
		v.Add(field, label+"含有不可见的控制字符，请删除后再保存")
	case strings.ContainsFunc(s, Invisible):
		i := strings.IndexFunc(s, Invisible)
		r, _ := utf8.DecodeRuneInString(s[i:])
		v.Add(field, label+"含有不可见的字符（"+CodePoint(r)+"，在第"+itoa(utf8.RuneCountInString(s[:i])+1)+
			"个字处），多为从网页或其他文档复制时带入，请删除后再保存")
	case utf8.RuneCountInString(s) > max:
		v.Add(field, label+"过长（最多"+itoa(max)+"字）")
	}
}

// Invisible reports whether r is a character that shows nothing, or
// changes how the text around it shows, and so can make a record read
// otherwise than it says, on pages and in Excel and Word: Unicode format
// characters (category Cf: U+200B zero width space, U+200E and U+202E
// direction marks and overrides, U+FEFF, U+00AD soft hyphen…), the line
// and paragraph separators U+2028 and U+2029, private-use characters
// (no font agrees on them) and noncharacters.
func Invisible(r rune) bool {
	return unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Co, r) ||
		r >= 0xFDD0 && r <= 0xFDEF || r&0xFFFE == 0xFFFE && r <= unicode.MaxRune
}

// StripInvisible removes the Invisible characters of s, for texts pasted
// or imported from elsewhere, which carry them without their author
// knowing; n counts those removed.
func StripInvisible(s string) (out string, n int) {
	if !strings.ContainsFunc(s, Invisible) {
		return s, 0
	}
	out = strings.Map(func(r rune) rune {
		if Invisible(r) {
			n++
			return -1
		}
		return r
	}, s)
	return out, n
}

// CodePoint names a character the way a message can show it: U+202E.
func CodePoint(r rune) string {
	const hex = "0123456789ABCDEF"
	b := []byte{}
	for v := uint32(r); v > 0 || len(b) < 4; v >>= 4 {
		b = append([]byte{hex[v&15]}, b...)
	}
	return "U+" + string(b)
}

func checkDate(v *ValidationError, field, label string, d Date, required bool) {
	switch {
	case required && d.IsZero():
		v.Add(field, label+"不能为空")
	case !d.Valid():
		v.Add(field, label+"不是有效日期")
	case !d.IsZero() && (d.Year() < 1949 || d.Year() > 2100):
		v.Add(field, label+"年份应在1949至2100之间")
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// Validate checks a round before it is saved.
func (r *Round) Validate() error {
	v := &ValidationError{}
	checkText(v, "unit", "被巡察单位", r.Unit, true, MaxName)
	checkText(v, "inspector", "巡察组", r.Inspector, true, MaxName)
	if !r.Kind.Valid() {
		v.Add("kind", "类型须为巡察、巡视或自查")
	}
	checkDate(v, "onsite_start", "进驻日期", r.OnsiteStart, false)
	checkDate(v, "onsite_end", "结束日期", r.OnsiteEnd, false)
	checkDate(v, "feedback_date", "反馈日期", r.FeedbackDate, false)
	if !r.OnsiteStart.IsZero() && !r.OnsiteEnd.IsZero() && r.OnsiteEnd.Before(r.OnsiteStart) {
		v.Add("onsite_end", "结束日期不能早于进驻日期")
	}
	if !r.FeedbackDate.IsZero() && !r.OnsiteStart.IsZero() && r.FeedbackDate.Before(r.OnsiteStart) {
		v.Add("feedback_date", "反馈日期不能早于进驻日期")
	}
	d := r.Declared
	for _, n := range []int{d.Categories, d.Problems, d.Completed, d.BasicallyCompleted, d.InProgress, d.NotCompleted} {
		if n < 0 || n > 100000 {
			v.Add("declared", "公布的数字须在0至100000之间")
			break
		}
	}
	d.Outcomes.check(v)
	checkText(v, "note", "备注", r.Note, false, MaxTitle)
	checkText(v, "report_leading_group", "整改工作领导小组", r.ReportLeadingGroup, false, MaxContent)
	checkText(v, "report_work", "整改工作组织情况", r.ReportWork, false, MaxContent)
	checkText(v, "report_follow_up", "继续深化后续整改", r.ReportFollowUp, false, MaxContent)
	checkText(v, "report_title", "报告标题", r.ReportTitle, false, MaxTitle)
	checkText(v, "report_signature", "落款单位", r.ReportSignature, false, MaxName)
	checkDate(v, "report_signed", "落款日期", r.ReportSigned, false)
	o := d.Outcomes
	for _, n := range []int64{int64(d.Measures), int64(o.Rules), int64(o.Talks), int64(o.Organisational), int64(o.Disciplinary)} {
		if n < 0 || n > 1000000 {
			v.Add("declared", "公布的数字须在0至1000000之间")
			break
		}
	}
	for _, n := range []int64{o.RefundedFen, o.RecoveredFen, o.SavedFen} {
		if n < 0 || n > 1e15 { // 十万亿元
			v.Add("declared", "公布的金额须在0至十万亿元之间")
			break
		}
	}
	return v.Err()
}

// Validate checks a category before it is saved.
func (c *Category) Validate() error {
	v := &ValidationError{}
	if c.Seq < 1 || c.Seq > 999 {
		v.Add("seq", "序号须在1至999之间")
	}
	checkText(v, "title", "问题类别", c.Title, true, MaxTitle)
	return v.Err()
}

// Validate checks a problem before it is saved.
func (p *Problem) Validate() error {
	v := &ValidationError{}
	if p.Seq < 1 || p.Seq > 9999 {
		v.Add("seq", "序号须在1至9999之间")
	}
	if p.CategoryID <= 0 {
		v.Add("category_id", "请选择问题类别")
	}
	checkText(v, "title", "具体问题", p.Title, true, MaxTitle)
	checkText(v, "rectification", "整改情况", p.Rectification, false, MaxContent)
	checkText(v, "withheld_reason", "不予公开的理由", p.WithheldReason, p.Withheld, MaxTitle)
	return v.Err()
}

// Validate checks a measure before it is saved.
func (m *Measure) Validate() error {
	v := &ValidationError{}
	if m.Seq < 1 || m.Seq > 999 {
		v.Add("seq", "序号须在1至999之间")
	}
	checkText(v, "content", "整改措施", m.Content, true, MaxContent)
	checkText(v, "leader", "责任领导", m.Leader, false, MaxName)
	checkText(v, "office", "责任委室", m.Office, false, MaxName)
	checkText(v, "owner", "责任人", m.Owner, false, MaxName)
	checkDate(v, "deadline", "整改时限", m.Deadline, false)
	if !m.Kind.Valid() {
		v.Add("kind", "措施类型须为立行立改或长效机制")
	}
	if !m.Status.Valid() {
		v.Add("status", "完成情况须为未启动、正在整改、基本完成、已完成或长期坚持")
	}
	checkText(v, "mechanism", "长效机制", m.Mechanism, false, MaxTitle)
	if m.ReportEvery < 0 || m.ReportEvery > 3660 {
		v.Add("report_every", "报送周期须在0至3660天之间")
	}
	m.checkOutcomes(v)
	return v.Err()
}

// Validate checks a progress entry before it is saved.
func (p *Progress) Validate() error {
	v := &ValidationError{}
	checkDate(v, "date", "日期", p.Date, true)
	if !p.Date.IsZero() && p.Date.Valid() && Today().Before(p.Date) {
		v.Add("date", "日期不能晚于今天")
	}
	checkText(v, "content", "整改进展", p.Content, true, MaxContent)
	checkText(v, "author", "填报人", p.Author, false, MaxName)
	if p.Status != "" && !p.Status.Valid() {
		v.Add("status", "完成情况不正确")
	}
	return v.Err()
}
