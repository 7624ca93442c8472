package zhenggai

import (
	"fmt"
	"time"
)

// Publication is a progress report as the public reads it (DESIGN.md §3.7):
// a snapshot of a round as of a date, its HTML fragment and the facts it
// was made from kept as they were when published, so that later edits of
// the ledger do not change what the public read. Withdrawing it is a
// recorded act; the row stays.
type Publication struct {
	ID          int64
	UnitID      int64
	RoundID     int64
	Unit        string // the unit's name when published
	Title       string
	AsOf        Date
	Summary     string // the totals sentence, e.g. "14个问题38个具体问题，已完成整改35个"
	Body        string // the report's HTML fragment, as rendered when published
	Problems    []PublishedProblem
	PublishedAt time.Time
	PublishedBy string
	Withdrawn   bool
	WithdrawnAt time.Time
	WithdrawnBy string
	Reason      string // why it was withdrawn
	Version     int64

	// Review before publishing: drafted by the unit's office, approved
	// by a second person (see PublicationReviewer) or returned with a
	// reason. Only an approved one is public.
	State        PublicationState
	DrafterID    int64
	DraftedBy    string
	ApproverID   int64
	ApprovedBy   string
	ReturnReason string
	// Replaces is the live publication that approving this one withdraws
	// (a republication), with the reason that withdrawal will record.
	Replaces      int64
	ReplaceReason string
	Figures       Figures // the totals it states, compared by later previews
	Seq           int     // 第N次: its place among the round's publications that went public
}

// PublicationState is where a publication is in its review.
type PublicationState string

const (
	PublicationDraft     PublicationState = "draft"     // drafted, not yet sent for review
	PublicationPending   PublicationState = "pending"   // waiting for the reviewer
	PublicationReturned  PublicationState = "returned"  // sent back with a reason
	PublicationPublished PublicationState = "published" // approved: public unless withdrawn
)

// Label is the state as the publish page shows it.
func (s PublicationState) Label() string {
	switch s {
	case PublicationDraft:
		return "草稿"
	case PublicationPending:
		return "待审核"
	case PublicationReturned:
		return "已退回"
	case PublicationPublished:
		return "已公布"
	}
	return string(s)
}

// Public reports whether the public may read p: approved, not withdrawn.
func (p *Publication) Public() bool { return p.State == PublicationPublished && !p.Withdrawn }

// Figures are the totals a publication states, as numbers.
type Figures struct {
	Categories         int `json:"categories"`
	Problems           int `json:"problems"`
	Completed          int `json:"completed"` // 已完成 and 长期坚持, as the totals sentence counts them
	BasicallyCompleted int `json:"basically_completed"`
	InProgress         int `json:"in_progress"`
}

// FiguresOf are the figures of a ledger's summary.
func FiguresOf(s Summary) Figures {
	c := s.ProblemCounts
	return Figures{Categories: s.Categories, Problems: s.Problems, Completed: c[Completed] + c[Ongoing],
		BasicallyCompleted: c[BasicallyCompleted], InProgress: c[InProgress]}
}

// Mismatches are where the figures disagree with a round's declared
// totals, as Mismatches words them (outcomes are not figures here).
func (f Figures) Mismatches(d Declared) []string {
	d.Outcomes = Outcomes{}
	return Mismatches(d, Summary{Categories: f.Categories, Problems: f.Problems,
		ProblemCounts: StatusCounts{Completed: f.Completed, BasicallyCompleted: f.BasicallyCompleted, InProgress: f.InProgress}})
}

// PublicationReviewer is who approves a unit's publications (a setting).
type PublicationReviewer string

const (
	ReviewerPrincipal PublicationReviewer = ""       // the unit's principal leader (主要负责人), the default
	ReviewerOffice    PublicationReviewer = "office" // the inspection office above the unit
)

// Label names the reviewer on the settings page.
func (r PublicationReviewer) Label() string {
	if r == ReviewerOffice {
		return "上级巡察办"
	}
	return "本单位主要负责人"
}

// PublicationWarnings are what the preview of p warns of before it goes
// to review: figures lower than those of an earlier publication of the
// same round, figures that disagree with the round's declared totals
// declared), and an as-of date before the feedback or before an earlier
// publication's. earlier are the round's publications that are public.
func PublicationWarnings(p *Publication, earlier []*Publication, declared Declared, feedback Date) []string {
	var out []string
	if !feedback.IsZero() && p.AsOf.Before(feedback) {
		out = append(out, fmt.Sprintf("截至日期%s早于反馈日期%s", p.AsOf.Chinese(), feedback.Chinese()))
	}
	for _, e := range earlier {
		if e.ID == p.ID || e.Figures == (Figures{}) {
			continue
		}
		which := fmt.Sprintf("第%d次公布（截至%s）", e.Seq, e.AsOf.Chinese())
		if p.AsOf.Before(e.AsOf) {
			out = append(out, fmt.Sprintf("截至日期%s早于%s", p.AsOf.Chinese(), which))
		}
		for _, f := range []struct {
			label    string
			now, was int
		}{
			{"具体问题", p.Figures.Problems, e.Figures.Problems},
			{"已完成整改", p.Figures.Completed, e.Figures.Completed},
			{"已完成和基本完成整改合计", p.Figures.Completed + p.Figures.BasicallyCompleted, e.Figures.Completed + e.Figures.BasicallyCompleted},
		} {
			if f.now < f.was {
				out = append(out, fmt.Sprintf("%s%d个，少于%s的%d个", f.label, f.now, which, f.was))
			}
		}
	}
	for _, m := range p.Figures.Mismatches(declared) {
		out = append(out, "与公布的总数不符："+m)
	}
	return out
}

// CheckApprover refuses an approval by the publication's drafter: the
// review is a second person's.
func (p *Publication) CheckApprover(u *User) error {
	if u != nil && p.DrafterID != 0 && u.ID == p.DrafterID {
		return Errorf(EFORBID, "起草人不能审核自己起草的报告，请由审核人审核")
	}
	return nil
}

// PublishedProblem is one problem of a publication, as the opinion form
// offers it.
type PublishedProblem struct {
	ID       int64  `json:"id"`
	Seq      int    `json:"seq"`
	Category string `json:"category"`
	Title    string `json:"title"`
}

// Label is how a form and the inbox name the problem.
func (p PublishedProblem) Label() string { return fmt.Sprintf("具体问题%d：%s", p.Seq, p.Title) }

// Problem returns the problem of the publication with the given ID.
func (p *Publication) Problem(id int64) (PublishedProblem, bool) {
	for _, x := range p.Problems {
		if x.ID == id {
			return x, true
		}
	}
	return PublishedProblem{}, false
}
