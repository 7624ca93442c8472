package zhenggai

import (
	"fmt"
	"strings"
)

// Settings are the thresholds and texts a unit may change.
type Settings struct {
	GreenDays  int // a measure is green this many days before its deadline
	YellowDays int // and yellow this many

	// Contact lines and signature (落款) of the unit's progress reports.
	ReportPhone     string // 联系电话
	ReportMailbox   string // 邮政信箱
	ReportEmail     string // 电子邮箱
	ReportSignature string // 落款单位

	// OpinionDays is the answer deadline of an opinion from the public,
	// in working days from the day it arrives; 0 is DefaultOpinionDays.
	OpinionDays int

	// EvidenceQuotaMB bounds the evidence files the unit keeps, in MB
	// (each file counted once however often it is attached); 0 is
	// DefaultEvidenceQuotaMB.
	EvidenceQuotaMB int

	// PublicationReviewer approves the unit's publications before they
	// go public: its principal leader (the default) or the office above.
	PublicationReviewer PublicationReviewer
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

// DefaultOpinionDays is the usual answer deadline of the public's
// opinions: 15 working days, as for letters and visits (信访).
const DefaultOpinionDays = 15

// MaxOpinionDays bounds the answer deadline: three months of working days.
const MaxOpinionDays = 60

// OpinionDue is the answer deadline of an opinion received on day.
func (s Settings) OpinionDue(day Date) Date {
	n := s.OpinionDays
	if n <= 0 {
		n = DefaultOpinionDays
	}
	return day.AddWorkdays(n)
}

// DefaultSettings follow 江津 practice: green at 20 days, yellow at 10.
func DefaultSettings() Settings {
	return Settings{GreenDays: 20, YellowDays: 10, OpinionDays: DefaultOpinionDays, EvidenceQuotaMB: DefaultEvidenceQuotaMB}
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
	if s.OpinionDays < 0 || s.OpinionDays > MaxOpinionDays {
		v.Add("opinion_days", fmt.Sprintf("意见建议答复期限须在1至%d个工作日之间", MaxOpinionDays))
	}
	checkText(v, "report_phone", "联系电话", s.ReportPhone, false, MaxName)
	checkText(v, "report_mailbox", "邮政信箱", s.ReportMailbox, false, MaxName)
	checkText(v, "report_email", "电子邮箱", s.ReportEmail, false, MaxName)
	if e := strings.TrimSpace(s.ReportEmail); e != "" && (!strings.Contains(e, "@") || strings.ContainsAny(e, " \t\n")) {
		v.Add("report_email", "电子邮箱格式不正确")
	}
	checkText(v, "report_signature", "落款单位", s.ReportSignature, false, MaxName)
	if s.PublicationReviewer != ReviewerPrincipal && s.PublicationReviewer != ReviewerOffice {
		v.Add("publication_reviewer", "公布审核人应为本单位主要负责人或上级巡察办")
	}
	if s.EvidenceQuotaMB < 0 || s.EvidenceQuotaMB > MaxEvidenceQuotaMB {
		v.Add("evidence_quota_mb", fmt.Sprintf("佐证材料存储上限须在1至%d MB（1TB）之间", MaxEvidenceQuotaMB))
	}
	return v.Err()
}
