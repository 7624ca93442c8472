package zhenggai

import (
	"slices"
	"strings"
	"time"
)

// Micro-suggestions (微建议) and 社情民意信息 from members, with where they
// were adopted and the leaders' instructions on them: the seed counts 17
// suggestions on the platform in years (problem 13).

// SuggestionKind sorts a member's suggestions.
type SuggestionKind string

const (
	SuggestMicro SuggestionKind = "micro" // 微建议
	SuggestSQMY  SuggestionKind = "sqmy"  // 社情民意信息
)

// SuggestionVia is how it came in.
type SuggestionVia string

const (
	ViaPlatform SuggestionVia = "platform" // 政协云等履职平台
	ViaPaper    SuggestionVia = "paper"    // 书面报送
)

// AdoptionLevel is the highest level that adopted (采用) it.
type AdoptionLevel string

const (
	AdoptNone     AdoptionLevel = ""         // 未采用
	AdoptCounty   AdoptionLevel = "county"   // 县级
	AdoptCity     AdoptionLevel = "city"     // 市级
	AdoptProvince AdoptionLevel = "province" // 省级
	AdoptNational AdoptionLevel = "national" // 全国
)

// AdoptionLevels from the lowest up.
var AdoptionLevels = []AdoptionLevel{AdoptCounty, AdoptCity, AdoptProvince, AdoptNational}

// Suggestion is one micro-suggestion or 社情民意信息.
type Suggestion struct {
	ID       int64          `json:"id"`
	UnitID   int64          `json:"unit_id"`
	MemberID int64          `json:"member_id,omitempty"` // the CPPCC member, 0 when from someone else
	PersonID int64          `json:"person_id,omitempty"`
	Name     string         `json:"name"` // 提出人
	Kind     SuggestionKind `json:"kind"`
	Via      SuggestionVia  `json:"via"`
	Title    string         `json:"title"`
	Content  string         `json:"content"`
	On       Date           `json:"on"` // 提出日期
	Adopted  AdoptionLevel  `json:"adopted"`
	// AdoptedOn and the publication that adopted it (刊物、专报).
	AdoptedOn Date   `json:"adopted_on"`
	AdoptedBy string `json:"adopted_by"`
	// Instruction is a leader's written instruction (领导批示), with who and when.
	Instruction  string    `json:"instruction"`
	InstructedBy string    `json:"instructed_by"`
	InstructedOn Date      `json:"instructed_on"`
	Sample       bool      `json:"sample,omitempty"`
	Version      int64     `json:"version"`
	CreatedAt    time.Time `json:"created_at"`
	Voided       bool      `json:"voided,omitempty"`
}

// SuggestionKinds in the order forms offer them.
var SuggestionKinds = []SuggestionKind{SuggestMicro, SuggestSQMY}

// Label is the Chinese name of k.
func (k SuggestionKind) Label() string {
	switch k {
	case SuggestMicro:
		return "微建议"
	case SuggestSQMY:
		return "社情民意"
	}
	return string(k)
}

// Valid reports whether k is a known kind.
func (k SuggestionKind) Valid() bool { return slices.Contains(SuggestionKinds, k) }

// ParseSuggestionKind reads a kind by its code or as offices write it.
func ParseSuggestionKind(s string) (SuggestionKind, bool) {
	switch strings.TrimSpace(s) {
	case "micro", "微建议", "委员微建议", "微建议（意见）":
		return SuggestMicro, true
	case "sqmy", "社情民意", "社情民意信息", "社情民意信息稿":
		return SuggestSQMY, true
	}
	return "", false
}

// SuggestionVias in the order forms offer them.
var SuggestionVias = []SuggestionVia{ViaPlatform, ViaPaper}

// Label is the Chinese name of v.
func (v SuggestionVia) Label() string {
	switch v {
	case ViaPlatform:
		return "平台"
	case ViaPaper:
		return "书面"
	}
	return string(v)
}

// Valid reports whether v is a known way.
func (v SuggestionVia) Valid() bool { return slices.Contains(SuggestionVias, v) }

// ParseSuggestionVia reads a way by its code or as offices write it; ""
// is 书面 (what an office keeps by hand came on paper).
func ParseSuggestionVia(s string) (SuggestionVia, bool) {
	s = strings.TrimSpace(s)
	switch {
	case s == "" || s == "paper" || s == "书面" || s == "书面报送" || s == "纸质" || s == "来信" || s == "邮件":
		return ViaPaper, true
	case s == "platform" || s == "平台" || strings.Contains(s, "平台") || strings.Contains(s, "政协云") ||
		strings.Contains(s, "网上") || strings.Contains(s, "线上") || strings.Contains(s, "APP") || strings.Contains(s, "小程序"):
		return ViaPlatform, true
	}
	return "", false
}

// Label is the Chinese name of the level: 县级采用 …, 未采用 for none.
func (a AdoptionLevel) Label() string {
	switch a {
	case AdoptNone:
		return "未采用"
	case AdoptCounty:
		return "县级采用"
	case AdoptCity:
		return "市级采用"
	case AdoptProvince:
		return "省级采用"
	case AdoptNational:
		return "全国政协采用"
	}
	return string(a)
}

// Valid reports whether a is none or a known level.
func (a AdoptionLevel) Valid() bool { return a == AdoptNone || slices.Contains(AdoptionLevels, a) }

// ParseAdoptionLevel reads a level as offices write it (县级采用,
// 被市政协采用, 被全国政协采用, 省级); "" and 未采用 are none.
func ParseAdoptionLevel(s string) (AdoptionLevel, bool) {
	s = strings.TrimSpace(s)
	switch s {
	case "", "未采用", "否", "无", "不采用", "未被采用", "none":
		return AdoptNone, true
	case "是", "采用", "已采用":
		return AdoptCounty, true // adopted, level not said: the unit's own
	}
	for _, a := range AdoptionLevels {
		if s == string(a) {
			return a, true
		}
	}
	// The highest level the text names: 被市政协采用并报省政协 → 省.
	found := AdoptNone
	for _, w := range []struct {
		word string
		a    AdoptionLevel
	}{{"县", AdoptCounty}, {"区", AdoptCounty}, {"市", AdoptCity}, {"州", AdoptCity}, {"省", AdoptProvince}, {"自治区", AdoptProvince}, {"全国", AdoptNational}} {
		if strings.Contains(s, w.word) && w.a.rank() > found.rank() {
			found = w.a
		}
	}
	return found, found != AdoptNone
}

func (a AdoptionLevel) rank() int { return slices.Index(AdoptionLevels, a) + 1 }

// AtLeast reports whether a is level l or higher (adopted at the county
// level counts for a city adoption's count of "县级以上").
func (a AdoptionLevel) AtLeast(l AdoptionLevel) bool { return a != AdoptNone && a.rank() >= l.rank() }

// Normalize trims what was typed.
func (s *Suggestion) Normalize() {
	s.Name, s.Title, s.Content = strings.TrimSpace(s.Name), strings.TrimSpace(s.Title), strings.TrimSpace(s.Content)
	s.AdoptedBy, s.Instruction, s.InstructedBy = strings.TrimSpace(s.AdoptedBy), strings.TrimSpace(s.Instruction), strings.TrimSpace(s.InstructedBy)
	if s.Via == "" {
		s.Via = ViaPaper
	}
}

// Validate checks a suggestion before it is saved; today is the day it is
// entered (nothing dated after it).
func (s *Suggestion) Validate(today Date) error {
	v := &ValidationError{}
	if s.UnitID <= 0 {
		v.Add("unit_id", "请选择所属单位")
	}
	if !s.Kind.Valid() {
		v.Add("kind", "类别须为微建议或社情民意")
	}
	if !s.Via.Valid() {
		v.Add("via", "报送方式须为平台或书面")
	}
	checkText(v, "name", "提出人", s.Name, true, MaxName)
	checkText(v, "title", "标题", s.Title, true, MaxTitle)
	checkText(v, "content", "内容", s.Content, false, MaxContent)
	checkDate(v, "on", "提出日期", s.On, true)
	future := func(field, label string, d Date) {
		if d.Valid() && !d.IsZero() && today.Before(d) {
			v.Add(field, label+d.Chinese()+"晚于今天")
		}
	}
	notBefore := func(field, label string, d Date) {
		if d.Valid() && !d.IsZero() && s.On.Valid() && !s.On.IsZero() && d.Before(s.On) {
			v.Add(field, label+d.Chinese()+"早于提出日期"+s.On.Chinese())
		}
	}
	future("on", "提出日期", s.On)
	switch {
	case !s.Adopted.Valid():
		v.Add("adopted", "采用级别须为未采用、县级、市级、省级或全国政协采用")
	case s.Adopted == AdoptNone:
		if !s.AdoptedOn.IsZero() {
			v.Add("adopted", "填了采用日期，请选择采用级别")
		}
		if s.AdoptedBy != "" {
			v.Add("adopted", "填了采用刊物，请选择采用级别")
		}
	default:
		checkDate(v, "adopted_on", "采用日期", s.AdoptedOn, true)
		future("adopted_on", "采用日期", s.AdoptedOn)
		notBefore("adopted_on", "采用日期", s.AdoptedOn)
	}
	checkText(v, "adopted_by", "采用刊物", s.AdoptedBy, false, MaxName)
	checkText(v, "instruction", "领导批示", s.Instruction, false, MaxContent)
	if s.Instruction != "" {
		checkText(v, "instructed_by", "批示领导", s.InstructedBy, true, MaxName)
		checkDate(v, "instructed_on", "批示日期", s.InstructedOn, true)
		future("instructed_on", "批示日期", s.InstructedOn)
		notBefore("instructed_on", "批示日期", s.InstructedOn)
	} else {
		checkText(v, "instructed_by", "批示领导", s.InstructedBy, false, MaxName)
		checkDate(v, "instructed_on", "批示日期", s.InstructedOn, false)
		if s.InstructedBy != "" || !s.InstructedOn.IsZero() {
			v.Add("instruction", "填了批示领导或批示日期，请填写批示内容")
		}
	}
	return v.Err()
}

// SuggestionCount counts suggestions by adoption level and instruction.
type SuggestionCount struct {
	Total, Platform, Paper      int
	Micro, SQMY                 int
	County, City, Province, All int // adopted at each level; All at any
	National, Instructed        int
}

// Add counts s.
func (c *SuggestionCount) Add(s *Suggestion) {
	c.Total++
	switch s.Via {
	case ViaPlatform:
		c.Platform++
	default:
		c.Paper++
	}
	switch s.Kind {
	case SuggestMicro:
		c.Micro++
	case SuggestSQMY:
		c.SQMY++
	}
	switch s.Adopted {
	case AdoptCounty:
		c.County++
	case AdoptCity:
		c.City++
	case AdoptProvince:
		c.Province++
	case AdoptNational:
		c.National++
	}
	if s.Adopted != AdoptNone {
		c.All++
	}
	if s.Instruction != "" {
		c.Instructed++
	}
}
