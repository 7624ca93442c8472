package zhenggai

import "time"

// Kind says what kind of inspection a round is.
type Kind string

const (
	KindInspection     Kind = "巡察" // by a county/city inspection group
	KindTour           Kind = "巡视" // by a central/provincial tour group
	KindSelfInspection Kind = "自查" // findings of the program's own checks
)

// Valid reports whether k is one of the known kinds.
func (k Kind) Valid() bool {
	return k == KindInspection || k == KindTour || k == KindSelfInspection
}

// Round is one inspection of one unit.
type Round struct {
	ID           int64    `json:"id"`
	UnitID       int64    `json:"unit_id"`
	Unit         string   `json:"unit"`      // inspected unit, as named in the feedback
	Inspector    string   `json:"inspector"` // e.g. 市委第七巡察组
	Kind         Kind     `json:"kind"`
	Onsite       Period   `json:"onsite"` // 进驻: when the group was on site
	FeedbackDate Date     `json:"feedback_date"`
	Declared     Declared `json:"declared"`
	Note         string   `json:"note,omitempty"` // e.g. that the data are samples
	// Texts of the progress report (disclosure) that the data cannot
	// derive; the totals sentence is always computed, never stored.
	ReportLeadingGroup string    `json:"report_leading_group"`   // 一、: the leading group and how the work was set up
	ReportWork         string    `json:"report_work"`            // 一、: further paragraphs on the organisation of the work
	ReportFollowUp     string    `json:"report_follow_up"`       // 三、继续深化后续整改
	ReportTitle        string    `json:"report_title"`           // the title line of the report imported, "" for the one generated
	ReportSignature    string    `json:"report_signature"`       // 落款: the signing body's full name, "" for the unit's setting
	ReportSigned       Date      `json:"report_signed,omitzero"` // 落款: the date the imported report was signed
	Version            int64     `json:"version"`
	CreatedAt          time.Time `json:"created_at"`
	UpdatedAt          time.Time `json:"updated_at"`
	// Place, on a new round, is the unit PlaceRound chose (nil: the unit
	// of that name, registered if unknown).
	Place *UnitPlace `json:"-"`
}

// Declared holds the totals a report states about itself. They are kept as
// written so that a disagreement with the per-problem statuses shows.
type Declared struct {
	AsOf               Date `json:"as_of,omitempty"`
	Categories         int  `json:"categories"`
	Problems           int  `json:"problems"`
	Completed          int  `json:"completed"`
	BasicallyCompleted int  `json:"basically_completed"`
	InProgress         int  `json:"in_progress"`
	NotCompleted       int  `json:"not_completed"`
	RatePercent        int  `json:"rate_percent"` // 总体完成率, when the report states one
	Measures           int  `json:"measures"`     // 整改措施 (or 整改任务) N 项, when the report states it
	// What the report says rectification produced (建立完善制度N项, 清退违规资金N万元…).
	Outcomes Outcomes `json:"outcomes"`
}

// IsZero reports whether the report declared nothing.
func (d Declared) IsZero() bool { return d == Declared{} || d == Declared{AsOf: d.AsOf} }

// Validate checks a round before it is saved.
func (r *Round) Validate() error {
	v := &ValidationError{}
	checkText(v, "unit", "被巡察单位", r.Unit, true, MaxName)
	checkText(v, "inspector", "巡察组", r.Inspector, true, MaxName)
	if !r.Kind.Valid() {
		v.Add("kind", "类型须为巡察、巡视或自查")
	}
	r.Onsite.check(v, "onsite_start", "进驻日期", "onsite_end", "结束日期")
	checkDate(v, "feedback_date", "反馈日期", r.FeedbackDate, false)
	if !r.FeedbackDate.IsZero() && !r.Onsite.Start.IsZero() && r.FeedbackDate.Before(r.Onsite.Start) {
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
	for _, n := range []Fen{o.RefundedFen, o.RecoveredFen, o.SavedFen} {
		if n < 0 || n > 1e15 { // 十万亿元
			v.Add("declared", "公布的金额须在0至十万亿元之间")
			break
		}
	}
	return v.Err()
}

// RoundSummary is a round with the figures a list of rounds shows.
type RoundSummary struct {
	Round          *Round
	Problems       int
	ProblemCounts  StatusCounts
	ColourCounts   ColourCounts
	CompletionRate int
	Pending        int // problems waiting for the office's acceptance (RoundPage only)
}
