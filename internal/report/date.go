package report

import "zhenggai"

// CheckDate refuses a report dated before the round's feedback: the
// rectification it reports had not begun, and its sentence "截至…，巡察反馈
// 的N个问题…" would speak of a feedback not yet given.
func CheckDate(round *zhenggai.Round, asOf zhenggai.Date) error {
	if round.FeedbackDate.IsZero() || !asOf.Before(round.FeedbackDate) {
		return nil
	}
	kind := string(round.Kind)
	if kind == "" {
		kind = string(zhenggai.KindInspection)
	}
	fb := round.FeedbackDate.Chinese()
	return zhenggai.Errorf(zhenggai.EINVALID, "报告日期%s早于%s反馈日期%s：整改进展情况报告写的是反馈以后的整改，请选择%s或以后的日期",
		asOf.Chinese(), kind, fb, fb)
}
