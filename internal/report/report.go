// Package report renders a round's progress report (巡察整改进展情况) as of
// a date, in the structure of the published seed document: the preamble,
// 一、组织整改落实情况 with the computed totals, 二、…问题整改进展情况 with
// every category and problem, 三、继续深化后续整改, the contact lines and
// the signature. Build reads the store once into a plain Report; the
// renderers (text, Markdown, HTML, DOCX, PDF) read only that.
package report

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"zhenggai"
	"zhenggai/internal/store"
)

// Report is a round's progress report as of a date. It holds only what is
// published: withheld problems are counted, not carried.
type Report struct {
	RoundID int64
	AsOf    zhenggai.Date
	Kind    string // 巡察, 巡视 or 自查: the word the sentences use

	Title          string
	Preamble       string
	Totals         Totals
	TotalsSentence string
	LeadingGroup   []string // paragraphs of 一、 on the leading group
	Work           []string // further paragraphs of 一、
	Categories     []*Category
	Withheld       int    // problems left out of the report
	WithheldNote   string // the sentence saying so, "" when none
	FollowUp       []string
	Contact        string
	Signature      string
	Date           string // the report's date, 2020年10月28日

	// What the measures produced and the sentence that states it
	// (通过整改，建立完善制度N项，…。), "" when they record nothing; it
	// follows the totals sentence in its paragraph.
	Outcomes         zhenggai.Outcomes
	OutcomesSentence string

	// The rectification meetings its text states (先后召开党组会议5次…):
	// counted from the meetings register, where MeetingsFrom is
	// zhenggai.MeetingsRegister; as typed (MeetingsTyped) when the unit
	// keeps no register or it holds none of them; MeetingsNone when the
	// text states no such figures.
	Meetings     zhenggai.RectificationMeetings
	MeetingsFrom string
}

// Totals are the round's figures as of the report's date, over all its
// problems, withheld ones included: the feedback counted them.
type Totals struct {
	Categories         int
	Problems           int
	Completed          int // 已完成 and 长期坚持
	BasicallyCompleted int
	InProgress         int
	NotStarted         int
}

// Category is a feedback problem heading with its published problems.
type Category struct {
	ID       int64
	Seq      int
	Title    string
	Heading  string // （一）反馈问题：….
	Problems []*Problem
}

// Problem is a published problem with its 整改情况 as of the date.
type Problem struct {
	ID            int64
	Seq           int
	Title         string
	Heading       string // 1.…
	Status        zhenggai.Status
	Rectification string // composed from the measures and progress
	Measures      []*Measure
}

// Measure is a measure's state as of the date.
type Measure struct {
	Content  string
	Status   zhenggai.Status
	Progress string // the latest progress entry on or before the date
	Day      zhenggai.Date
}

// Section headings.
const (
	HeadingOrganisation = "一、组织整改落实情况"
	HeadingFollowUp     = "三、继续深化后续整改"
)

// HeadingProgress is the heading of section 二.
func (r *Report) HeadingProgress() string {
	return "二、" + r.Kind + "反馈问题整改进展情况"
}

// Build reads round roundID and renders its report as of asOf.
func Build(ctx context.Context, st *store.Store, roundID int64, asOf zhenggai.Date) (*Report, error) {
	if err := checkAsOf(asOf); err != nil {
		return nil, err
	}
	rec, err := st.RoundRecords(ctx, roundID, asOf)
	if err != nil {
		return nil, err
	}
	return FromRecords(rec, asOf)
}

// FromRecords renders the report of a round as of asOf from its records
// (store.RoundRecords), so that who already read them (publishing, which
// stores the ledger's figures beside the report) renders the same state.
//
// Only progress entries dated on or before asOf count. A measure's status
// as of asOf is the one set by its latest such entry that set one; a
// measure that has entries setting a status, all later than asOf, had not
// started; a measure without any (statuses typed in or imported) keeps its
// present status, since the data hold no history for it.
func FromRecords(rec *store.RoundRecords, asOf zhenggai.Date) (*Report, error) {
	if err := checkAsOf(asOf); err != nil {
		return nil, err
	}
	if err := CheckDate(rec.Ledger.Round, asOf); err != nil {
		return nil, err
	}
	rep := assemble(rec.Ledger, rec.Progress, acceptedAsOf(rec.CloseSteps, asOf), asOf)
	rep.recountMeetings(rec.Meetings)
	return rep, nil
}

func checkAsOf(asOf zhenggai.Date) error {
	if asOf.IsZero() || !asOf.Valid() {
		return zhenggai.Errorf(zhenggai.EINVALID, "请填写报告日期（如 2020-10-28）")
	}
	return nil
}

// acceptedAsOf lists the problems whose closing (销号) the inspection
// office had accepted, and not reopened, on or before asOf (its day in
// Shanghai): their measures count as 已完成 as of that date, whatever the
// progress entries say, since 已完成 is what acceptance makes them.
func acceptedAsOf(steps []*zhenggai.CloseStep, asOf zhenggai.Date) map[int64]bool {
	out := map[int64]bool{}
	for _, s := range steps { // oldest first: the last accept or reopen decides
		if s.MeasureID != 0 || asOf.Before(zhenggai.DateOf(s.At)) {
			continue
		}
		switch s.Action {
		case zhenggai.CloseAccept, zhenggai.CloseAcceptRecorded:
			out[s.ProblemID] = true
		case zhenggai.CloseReopen:
			out[s.ProblemID] = false
		}
	}
	return out
}

// measureState is a measure as of the date, from its progress entries
// (newest first, as the store lists them).
type measureState struct {
	status   zhenggai.Status
	progress *zhenggai.Progress
}

func statesAsOf(measures []*zhenggai.Measure, progress []*zhenggai.Progress, asOf zhenggai.Date) map[int64]*measureState {
	out := map[int64]*measureState{}
	history := map[int64]bool{}
	for _, m := range measures {
		out[m.ID] = &measureState{}
	}
	for _, p := range progress {
		s := out[p.MeasureID]
		if s == nil {
			continue
		}
		if p.Status != "" {
			history[p.MeasureID] = true
		}
		if asOf.Before(p.Date) {
			continue
		}
		if s.progress == nil {
			s.progress = p
		}
		if s.status == "" && p.Status != "" {
			s.status = p.Status
		}
	}
	for _, m := range measures {
		s := out[m.ID]
		if s.status == "" {
			if history[m.ID] {
				s.status = zhenggai.NotStarted
			} else {
				s.status = m.Status
			}
		}
	}
	return out
}

// assemble walks the ledger's tree (categories, problems and measures in
// order, each problem once under its category) with each measure as of
// asOf.
func assemble(l *zhenggai.Ledger, progress []*zhenggai.Progress, accepted map[int64]bool, asOf zhenggai.Date) *Report {
	round, set := l.Round, l.Settings
	kind := string(round.Kind)
	if kind == "" {
		kind = string(zhenggai.KindInspection)
	}
	rep := &Report{RoundID: round.ID, AsOf: asOf, Kind: kind, Date: asOf.Chinese()}
	// The round's own title and signature (kept from the report it was
	// imported from) before the unit's setting.
	rep.Signature = strings.TrimSpace(round.ReportSignature)
	if rep.Signature == "" {
		rep.Signature = strings.TrimSpace(set.ReportSignature)
	}
	if rep.Signature == "" {
		rep.Signature = strings.TrimSpace(l.UnitFullName)
	}
	if rep.Signature == "" {
		rep.Signature = round.Unit
	}
	rep.Title = strings.TrimSpace(round.ReportTitle)
	if rep.Title == "" {
		rep.Title = rep.Signature + "关于" + kind + "整改进展情况的通报"
	}
	rep.Preamble = preamble(round, kind)

	var measures []*zhenggai.Measure // of every problem, withheld ones too, as the totals
	for _, c := range l.Categories {
		for _, p := range c.Problems {
			for _, m := range p.Measures {
				measures = append(measures, m.Measure)
			}
		}
	}
	states := statesAsOf(measures, progress, asOf)
	for _, m := range measures {
		if accepted[m.ProblemID] && m.Status != zhenggai.Ongoing {
			states[m.ID].status = zhenggai.Completed
		}
	}
	t := &rep.Totals
	t.Categories = len(l.Categories)
	for _, c := range l.Categories {
		rc := &Category{ID: c.ID, Seq: c.Seq, Title: c.Title}
		rc.Heading = "（" + zhenggai.Numeral(c.Seq) + "）反馈问题：" + withStop(c.Title)
		for _, p := range c.Problems {
			rp := &Problem{ID: p.ID, Seq: p.Seq, Title: p.Title, Heading: fmt.Sprintf("%d.%s", p.Seq, p.Title)}
			var sts []zhenggai.Status
			for _, m := range p.Measures {
				s := states[m.ID]
				rm := &Measure{Content: strings.TrimSpace(m.Content), Status: s.status}
				if s.progress != nil {
					rm.Progress, rm.Day = strings.TrimSpace(s.progress.Content), s.progress.Date
				}
				rp.Measures = append(rp.Measures, rm)
				sts = append(sts, s.status)
			}
			rp.Status = zhenggai.ProblemStatus(sts)
			if p.Recorded && p.RecordedStatus.Ahead(rp.Status) {
				// 原台账记载, counted as the ledger does.
				rp.Status = p.RecordedStatus
			}
			t.Problems++
			switch rp.Status {
			case zhenggai.Completed, zhenggai.Ongoing:
				t.Completed++
			case zhenggai.BasicallyCompleted:
				t.BasicallyCompleted++
			case zhenggai.InProgress:
				t.InProgress++
			default:
				t.NotStarted++
			}
			if p.Withheld {
				rep.Withheld++
				continue
			}
			rp.Rectification = rectification(rp.Measures, p.Rectification)
			rc.Problems = append(rc.Problems, rp)
		}
		if len(rc.Problems) > 0 {
			rep.Categories = append(rep.Categories, rc)
		}
	}
	rep.TotalsSentence = totalsSentence(kind, round.FeedbackDate, asOf, *t)
	rep.Outcomes, _ = zhenggai.SumOutcomes(measures)
	rep.OutcomesSentence = outcomesSentence(rep.Outcomes)
	if rep.Withheld > 0 {
		rep.WithheldNote = fmt.Sprintf("另有%d个具体问题按规定不予公开。", rep.Withheld)
	}
	rep.LeadingGroup = paragraphs(round.ReportLeadingGroup)
	rep.Work = paragraphs(round.ReportWork)
	rep.FollowUp = paragraphs(round.ReportFollowUp)
	rep.Contact = contact(kind, set)
	return rep
}

// preamble is the opening paragraph, as the seed writes it: 根据市委统一部署,
// 2020年5月11日至6月19日,市委第七巡察组对…进行了巡察。2020年7月27日,市委巡察组
// 向…反馈了巡察意见。按照巡察工作有关要求,现将巡察整改进展情况予以公布。
func preamble(r *zhenggai.Round, kind string) string {
	var b strings.Builder
	// 市委第七巡察组 was sent by 市委 and is called 市委巡察组 for short.
	deployer, short := "", r.Inspector
	if i := strings.Index(r.Inspector, "第"); i > 0 && strings.HasSuffix(r.Inspector, "组") {
		deployer = r.Inspector[:i]
		if strings.HasSuffix(r.Inspector, kind+"组") {
			short = deployer + kind + "组"
		}
	}
	if !r.Onsite.Start.IsZero() {
		if deployer != "" {
			b.WriteString("根据" + deployer + "统一部署，")
		}
		b.WriteString(r.Onsite.Chinese())
		b.WriteString("，" + r.Inspector + "对" + r.Unit + "进行了" + kind + "。")
		if !r.FeedbackDate.IsZero() {
			b.WriteString(r.FeedbackDate.Chinese() + "，" + short + "向" + r.Unit + "反馈了" + kind + "意见。")
		}
	} else if !r.FeedbackDate.IsZero() {
		b.WriteString(r.FeedbackDate.Chinese() + "，" + r.Inspector + "向" + r.Unit + "反馈了" + kind + "意见。")
	}
	b.WriteString("按照" + kind + "工作有关要求，现将" + kind + "整改进展情况予以公布。")
	return b.String()
}

// totalsSentence is computed, never stored: 截至10月28日,巡察反馈的14个问题
// 38个具体问题,已完成整改35个,基本完成整改3个。
func totalsSentence(kind string, feedback, asOf zhenggai.Date, t Totals) string {
	ref := feedback
	if ref.IsZero() {
		ref = asOf
	}
	s := fmt.Sprintf("截至%s，%s反馈的%d个问题%d个具体问题，已完成整改%d个", asOf.ChineseAfter(ref), kind,
		t.Categories, t.Problems, t.Completed)
	if t.BasicallyCompleted > 0 {
		s += fmt.Sprintf("，基本完成整改%d个", t.BasicallyCompleted)
	}
	if t.InProgress > 0 {
		s += fmt.Sprintf("，正在整改%d个", t.InProgress)
	}
	if t.NotStarted > 0 {
		s += fmt.Sprintf("，尚未启动整改%d个", t.NotStarted)
	}
	return s + "。"
}

// outcomesSentence states what rectification produced, computed from
// the measures (whose outcomes have no history: a report of an earlier
// date counts them as they stand): 通过整改，建立完善制度14项，清退违规资金
// 3860元，谈话提醒、批评教育3人。 Only figures that are not zero are named.
func outcomesSentence(o zhenggai.Outcomes) string {
	if s := o.Sentence(); s != "" {
		return "通过整改，" + s + "。"
	}
	return ""
}

// rectification is a problem's 整改情况: its measures as 一是…二是…, each
// followed, while it is not done, by where its latest progress stands. A
// problem without measures keeps its paragraph as reported.
func rectification(ms []*Measure, reported string) string {
	if len(ms) == 0 {
		return strings.TrimSpace(strings.ReplaceAll(reported, "\n", ""))
	}
	var b strings.Builder
	for i, m := range ms {
		text := m.Content
		if !m.Status.Done() && m.Progress != "" && !strings.Contains(m.Content, m.Progress) {
			text = withStop(text) + m.Progress
		}
		text = strings.ReplaceAll(text, "\n", "")
		if len(ms) > 1 {
			b.WriteString(zhenggai.Numeral(i+1) + "是")
		}
		if i == len(ms)-1 {
			b.WriteString(withStop(text))
		} else {
			b.WriteString(withPause(text))
		}
	}
	return b.String()
}

// withStop ends a sentence with 。 unless it has an end already.
func withStop(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsRune("。！？.!?", lastRune(s)) {
		return s
	}
	return strings.TrimRight(s, "，,；;：:、") + "。"
}

// withPause ends an item of a list so that the next 二是 starts a new
// item: a sentence end stays, otherwise ；.
func withPause(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsRune("。！？.!?；;", lastRune(s)) {
		return s
	}
	return strings.TrimRight(s, "，,：:、") + "；"
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// paragraphs splits a stored text into its non-empty lines.
func paragraphs(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// contact is the closing invitation with the unit's contact lines.
func contact(kind string, set zhenggai.Settings) string {
	var parts []string
	for _, p := range []struct{ label, v string }{
		{"联系电话", set.ReportPhone}, {"邮政信箱", set.ReportMailbox}, {"电子邮箱", set.ReportEmail},
	} {
		if v := strings.TrimSpace(p.v); v != "" {
			parts = append(parts, p.label+"："+v)
		}
	}
	s := "欢迎广大干部群众对" + kind + "整改落实情况进行监督。如有意见建议，请及时向我们反映。"
	if len(parts) > 0 {
		s += strings.Join(parts, "；") + "。"
	}
	return s
}

// recountMeetings puts the register's count of the rectification
// meetings in place of the list typed in section 一 (the first paragraph
// that has one), and notes where the figures come from.
func (r *Report) recountMeetings(m zhenggai.RectificationMeetings) {
	r.Meetings = m
	for _, ps := range [][]string{r.LeadingGroup, r.Work} {
		for i, p := range ps {
			text, from := zhenggai.RecountMeetings(p, m)
			if from != zhenggai.MeetingsNone {
				ps[i], r.MeetingsFrom = text, from
				return
			}
		}
	}
}
