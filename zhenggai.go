// Package zhenggai holds the domain of inspection rectification (巡察整改):
// rounds, categories, problems, measures and progress, their statuses and
// the rules that derive one from another. It knows nothing of HTTP or SQL;
// adapters under internal/ translate to and from it.
package zhenggai

import (
	"fmt"
	"strings"
	"time"
)

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

// MeasureKind separates quick fixes from rules built to last.
type MeasureKind string

const (
	MeasureImmediate MeasureKind = "immediate" // 立行立改
	MeasureMechanism MeasureKind = "mechanism" // 长效机制
)

// Label is the Chinese name of the measure kind.
func (k MeasureKind) Label() string {
	switch k {
	case MeasureImmediate:
		return "立行立改"
	case MeasureMechanism:
		return "长效机制"
	}
	return string(k)
}

// Valid reports whether k is a known measure kind.
func (k MeasureKind) Valid() bool { return k == MeasureImmediate || k == MeasureMechanism }

// Unit is an organisation: an inspected unit or an inspection office.
type Unit struct {
	ID       int64  `json:"id"`
	ParentID int64  `json:"parent_id,omitempty"`
	Name     string `json:"name"`
}

// Round is one inspection of one unit.
type Round struct {
	ID           int64    `json:"id"`
	UnitID       int64    `json:"unit_id"`
	Unit         string   `json:"unit"`      // inspected unit, as named in the feedback
	Inspector    string   `json:"inspector"` // e.g. 市委第七巡察组
	Kind         Kind     `json:"kind"`
	OnsiteStart  Date     `json:"onsite_start"`
	OnsiteEnd    Date     `json:"onsite_end"`
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

// Category is a problem heading of the feedback, e.g. (一)反馈问题:….
type Category struct {
	ID      int64  `json:"id"`
	UnitID  int64  `json:"unit_id"`
	RoundID int64  `json:"round_id"`
	Seq     int    `json:"seq"`
	Title   string `json:"title"`
	Version int64  `json:"version"`
}

// Problem is a numbered specific problem under a category.
type Problem struct {
	ID            int64  `json:"id"`
	UnitID        int64  `json:"unit_id"`
	RoundID       int64  `json:"round_id"`
	CategoryID    int64  `json:"category_id"`
	Seq           int    `json:"seq"`
	Title         string `json:"title"`
	Rectification string `json:"rectification"` // the 整改情况 paragraph as reported
	// Withheld problems are left out of published reports (national
	// exceptions: secrets, open cases, sensitive matters), with the reason.
	Withheld       bool       `json:"withheld"`
	WithheldReason string     `json:"withheld_reason"`
	CloseState     CloseState `json:"close_state"` // closing (销号); accepted locks the problem
	Version        int64      `json:"version"`
}

// Measure is one action taken for a problem.
type Measure struct {
	ID        int64       `json:"id"`
	UnitID    int64       `json:"unit_id"`
	ProblemID int64       `json:"problem_id"`
	Seq       int         `json:"seq"`
	Content   string      `json:"content"`
	Leader    string      `json:"leader"` // 责任领导
	Office    string      `json:"office"` // 责任委室
	Owner     string      `json:"owner"`  // 责任人
	Deadline  Date        `json:"deadline"`
	Kind      MeasureKind `json:"kind"`
	Status    Status      `json:"status"`
	// Mechanism names the rule or register a 长期坚持 measure is kept by,
	// e.g. 《档案管理制度》; ReportEvery is its re-report period in days.
	Mechanism   string     `json:"mechanism"`
	ReportEvery int        `json:"report_every"`
	LastReport  Date       `json:"last_report,omitempty"` // day of its latest progress entry (derived)
	CloseState  CloseState `json:"close_state"`
	Version     int64      `json:"version"`
	// What the measure produced (its part of the round's Outcomes): the
	// rules it made or revised, by name without 《》 (see CleanRuleName);
	// money refunded, recovered or saved, in fen; persons dealt with.
	RuleNames      []string `json:"rule_names"`
	RefundedFen    int64    `json:"refunded_fen"`   // 清退违规资金
	RecoveredFen   int64    `json:"recovered_fen"`  // 追回资金
	SavedFen       int64    `json:"saved_fen"`      // 挽回经济损失
	Talks          int      `json:"talks"`          // 谈话提醒、批评教育
	Organisational int      `json:"organisational"` // 组织处理
	Disciplinary   int      `json:"disciplinary"`   // 党纪政务处分
}

// Progress is a dated report on a measure, with evidence files.
type Progress struct {
	ID        int64        `json:"id"`
	UnitID    int64        `json:"unit_id"`
	MeasureID int64        `json:"measure_id"`
	Date      Date         `json:"date"`
	Content   string       `json:"content"`
	Author    string       `json:"author"`
	Status    Status       `json:"status,omitempty"` // status set with this report, if any
	Files     []Attachment `json:"files"`
	CreatedAt time.Time    `json:"created_at"`
}

// Attachment is an evidence file, stored once by its content hash.
type Attachment struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	SHA256      string `json:"sha256"`
	Size        int64  `json:"size"`
	ContentType string `json:"content_type"`
}

// Settings are the thresholds and texts a unit may change.
type Settings struct {
	GreenDays  int // a measure is green this many days before its deadline
	YellowDays int // and yellow this many

	// Contact lines and signature (落款) of the unit's progress reports.
	ReportPhone     string // 联系电话
	ReportMailbox   string // 邮政信箱
	ReportEmail     string // 电子邮箱
	ReportSignature string // 落款单位

	// EvidenceQuotaMB bounds the evidence files the unit keeps, in MB
	// (each file counted once however often it is attached); 0 is
	// DefaultEvidenceQuotaMB.
	EvidenceQuotaMB int
}

// DefaultEvidenceQuotaMB is a unit's evidence storage unless set: 10 GB,
// years of scans and photos for a county unit, and a bound on what one
// unit's uploads can take from the disk every unit shares.
const DefaultEvidenceQuotaMB = 10 << 10

// MaxEvidenceQuotaMB is the largest quota that may be set: 1 TB.
const MaxEvidenceQuotaMB = 1 << 20

// EvidenceQuota is the unit's evidence storage in bytes.
func (s Settings) EvidenceQuota() int64 {
	if s.EvidenceQuotaMB <= 0 {
		return DefaultEvidenceQuotaMB << 20
	}
	return int64(s.EvidenceQuotaMB) << 20
}

// DefaultSettings follow 江津 practice: green at 20 days, yellow at 10.
func DefaultSettings() Settings {
	return Settings{GreenDays: 20, YellowDays: 10, EvidenceQuotaMB: DefaultEvidenceQuotaMB}
}

// Validate checks that the thresholds make sense together.
func (s Settings) Validate() error {
	v := &ValidationError{}
	if s.GreenDays < 1 || s.GreenDays > 365 {
		v.Add("green_days", "绿色预警天数须在1至365之间")
	}
	if s.YellowDays < 0 || s.YellowDays >= s.GreenDays {
		v.Add("yellow_days", "黄色预警天数须小于绿色预警天数且不小于0")
	}
	checkText(v, "report_phone", "联系电话", s.ReportPhone, false, MaxName)
	checkText(v, "report_mailbox", "邮政信箱", s.ReportMailbox, false, MaxName)
	checkText(v, "report_email", "电子邮箱", s.ReportEmail, false, MaxName)
	if e := strings.TrimSpace(s.ReportEmail); e != "" && (!strings.Contains(e, "@") || strings.ContainsAny(e, " \t\n")) {
		v.Add("report_email", "电子邮箱格式不正确")
	}
	checkText(v, "report_signature", "落款单位", s.ReportSignature, false, MaxName)
	if s.EvidenceQuotaMB < 0 || s.EvidenceQuotaMB > MaxEvidenceQuotaMB {
		v.Add("evidence_quota_mb", fmt.Sprintf("佐证材料存储上限须在1至%d MB（1TB）之间", MaxEvidenceQuotaMB))
	}
	return v.Err()
}

// Validate checks a unit before it is saved.
func (u *Unit) Validate() error {
	v := &ValidationError{}
	checkText(v, "name", "单位名称", u.Name, true, MaxName)
	if u.ParentID != 0 && u.ParentID == u.ID {
		v.Add("parent_id", "上级单位不能是本单位")
	}
	return v.Err()
}
