package publish

import (
	"context"

	"zhenggai"
	"zhenggai/internal/store"
)

// RegisterFigures are what the registers lend a round's report as of a
// date, shown where its text is drafted (the round's form, the preview):
// where the report's list of rectification meetings comes from, and the
// sentence the meetings register bears out, to cite.
type RegisterFigures struct {
	Meetings     zhenggai.RectificationMeetings
	MeetingsFrom string // zhenggai.MeetingsRegister, MeetingsTyped or MeetingsNone
	// Sentence: 整改以来召开党组会议N次，研究“三重一大”事项N项，均按规定末位表态。
	Sentence string
}

// Figures reads the registers' figures for round r's report as of asOf.
func Figures(ctx context.Context, st *store.Store, r *zhenggai.Round, asOf zhenggai.Date) (*RegisterFigures, error) {
	f := &RegisterFigures{MeetingsFrom: zhenggai.MeetingsNone}
	var err error
	if f.Meetings, err = st.RectificationMeetings(ctx, r.UnitID, r.FeedbackDate, asOf); err != nil {
		return nil, err
	}
	for _, text := range []string{r.ReportLeadingGroup, r.ReportWork} {
		if _, from := zhenggai.RecountMeetings(text, f.Meetings); from != zhenggai.MeetingsNone {
			f.MeetingsFrom = from
			break
		}
	}
	if r.FeedbackDate.IsZero() || asOf.Before(r.FeedbackDate) {
		return f, nil
	}
	mf, err := st.MeetingFigures(ctx, r.UnitID, r.FeedbackDate, asOf)
	if err != nil {
		return nil, err
	}
	f.Sentence = mf.Sentence()
	return f, nil
}

// Note says where the report's figures of the rectification meetings
// come from: counted from the register, or typed and why.
func (f *RegisterFigures) Note() string {
	switch {
	case f.MeetingsFrom == zhenggai.MeetingsRegister:
		return "报告中“先后召开……”的会议次数按会议台账自动统计（反馈以来议题或备注涉及整改的会议）：" + f.Meetings.Clause() + "。"
	case f.MeetingsFrom == zhenggai.MeetingsTyped && !f.Meetings.Kept:
		return "报告中“先后召开……”的会议次数为手工填写：本单位未建立会议台账，无法核对。"
	case f.MeetingsFrom == zhenggai.MeetingsTyped:
		return "报告中“先后召开……”的会议次数为手工填写：会议台账中反馈以来没有议题或备注涉及整改的会议，请补录会议记录后自动统计。"
	}
	return ""
}
