package zhenggai

import "time"

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
