package zhenggai

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Retired cadres' posts and re-employment (退休干部兼职/返聘): a retired
// leading cadre takes a post only with approval and filing with the
// organisation department (组织部备案), one post at a time, for at most
// two terms, up to 70, unpaid (seed problem 38: "退休干部返聘审批手续不规范，
// 未经过县委组织部审核备案").

// RetiredPostKind is how a retired cadre holds a post.
type RetiredPostKind string

const (
	RetiredPartTime RetiredPostKind = "parttime" // 兼职
	RetiredRehired  RetiredPostKind = "rehired"  // 返聘
)

// RetiredPostKinds in the order forms offer them.
var RetiredPostKinds = []RetiredPostKind{RetiredPartTime, RetiredRehired}

// Label is the Chinese name of k.
func (k RetiredPostKind) Label() string {
	switch k {
	case RetiredPartTime:
		return "兼职"
	case RetiredRehired:
		return "返聘"
	}
	return string(k)
}

// Valid reports whether k is a known kind.
func (k RetiredPostKind) Valid() bool { return slices.Contains(RetiredPostKinds, k) }

// ParseRetiredPostKind reads a kind by its code or as offices write it.
func ParseRetiredPostKind(s string) (RetiredPostKind, bool) {
	s = strings.TrimSpace(s)
	switch {
	case s == "parttime" || s == "" || strings.Contains(s, "兼职") || strings.Contains(s, "兼任"):
		return RetiredPartTime, true
	case s == "rehired" || strings.Contains(s, "返聘") || strings.Contains(s, "聘用") || strings.Contains(s, "聘任"):
		return RetiredRehired, true
	}
	return "", false
}

// RetiredPost is one post a retired cadre holds or held.
type RetiredPost struct {
	ID         int64           `json:"id"`
	UnitID     int64           `json:"unit_id"`
	PersonID   int64           `json:"person_id,omitempty"`
	Name       string          `json:"name"`
	Born       Date            `json:"born"`        // 出生年月 (the first of the month)
	FormerRank string          `json:"former_rank"` // 退休前职务
	RetiredOn  Date            `json:"retired_on"`  // 退休时间
	Org        string          `json:"org"`         // 兼职(返聘)单位
	Post       string          `json:"post"`        // 职务
	Kind       RetiredPostKind `json:"kind"`
	ApprovedBy string          `json:"approved_by"` // 审批机关
	ApprovedOn Date            `json:"approved_on"`
	FiledOn    Date            `json:"filed_on"`  // 组织部备案日期
	FilingNo   string          `json:"filing_no"` // 备案文号
	From       Date            `json:"from"`      // 任职起
	To         Date            `json:"to"`        // 任职止; zero: still held
	Term       int             `json:"term"`      // 第几届 (1 for the first)
	Pay        Fen             `json:"pay"`       // 年报酬; 0: 不取酬
	Note       string          `json:"note"`
	Sample     bool            `json:"sample,omitempty"`
	Version    int64           `json:"version"`
	CreatedAt  time.Time       `json:"created_at"`
	Voided     bool            `json:"voided,omitempty"`
}

// Normalize trims what was typed.
func (p *RetiredPost) Normalize() {
	for _, s := range []*string{&p.Name, &p.FormerRank, &p.Org, &p.Post, &p.ApprovedBy, &p.FilingNo, &p.Note} {
		*s = strings.TrimSpace(*s)
	}
	if p.Term == 0 {
		p.Term = 1
	}
}

// Validate checks a post before it is saved.
func (p *RetiredPost) Validate() error {
	v := &ValidationError{}
	if p.UnitID <= 0 {
		v.Add("unit_id", "请选择所属单位")
	}
	checkText(v, "name", "姓名", p.Name, true, MaxName)
	checkText(v, "former_rank", "退休前职务", p.FormerRank, false, MaxName)
	checkText(v, "org", "兼职(返聘)单位", p.Org, true, MaxTitle)
	checkText(v, "post", "职务", p.Post, true, MaxName)
	checkText(v, "approved_by", "审批机关", p.ApprovedBy, false, MaxName)
	checkText(v, "filing_no", "备案文号", p.FilingNo, false, MaxName)
	checkText(v, "note", "备注", p.Note, false, MaxTitle)
	checkDate(v, "born", "出生年月", p.Born, true)
	checkDate(v, "retired_on", "退休时间", p.RetiredOn, false)
	checkDate(v, "approved_on", "审批日期", p.ApprovedOn, false)
	checkDate(v, "filed_on", "备案日期", p.FiledOn, false)
	checkDate(v, "from", "任职起始日期", p.From, true)
	checkDate(v, "to", "任职截止日期", p.To, false)
	if !p.Kind.Valid() {
		v.Add("kind", "类别须为兼职或返聘")
	}
	if !p.From.IsZero() && !p.To.IsZero() && p.To.Before(p.From) {
		v.Add("to", fmt.Sprintf("任职截止日期%s早于起始日期%s", p.To.Chinese(), p.From.Chinese()))
	}
	if p.Term < 1 || p.Term > 20 {
		v.Add("term", "届次应在1至20之间")
	}
	if p.Pay < 0 {
		v.Add("pay", "报酬不能为负数")
	}
	if p.FilingNo != "" && p.FiledOn.IsZero() {
		v.Add("filed_on", "填写了备案文号，请同时填写备案日期")
	}
	return v.Err()
}

// Holds reports whether the post is held on day d.
func (p *RetiredPost) Holds(d Date) bool {
	return !d.Before(p.From) && (p.To.IsZero() || !p.To.Before(d))
}

// Filed reports whether the post was filed with the organisation
// department.
func (p *RetiredPost) Filed() bool { return !p.FiledOn.IsZero() }

// AgeOn is the holder's age in whole years on d.
func (p *RetiredPost) AgeOn(d Date) int {
	a := d.Year() - p.Born.Year()
	if d.Month() < p.Born.Month() || (d.Month() == p.Born.Month() && d.Day() < p.Born.Day()) {
		a--
	}
	return a
}
