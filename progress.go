package zhenggai

import "time"

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

// Validate checks a progress entry before it is saved on day today (in
// Shanghai): a report cannot be dated after it.
func (p *Progress) Validate(today Date) error {
	v := &ValidationError{}
	checkDate(v, "date", "日期", p.Date, true)
	if !p.Date.IsZero() && p.Date.Valid() && today.Before(p.Date) {
		v.Add("date", "日期不能晚于今天")
	}
	checkText(v, "content", "整改进展", p.Content, true, MaxContent)
	checkText(v, "author", "填报人", p.Author, false, MaxName)
	if p.Status != "" && !p.Status.Valid() {
		v.Add("status", "完成情况不正确")
	}
	return v.Err()
}

// Author is the name a progress report by u is filed under. Leaders and
// owners report for themselves, so theirs is their own name whatever the
// form says; the unit's office may type in a report made on paper by
// someone.
func Author(u *User, typed string) string {
	if u != nil && (u.Role == RoleLeader || u.Role == RoleResponsible) {
		return u.DisplayName
	}
	return typed
}
