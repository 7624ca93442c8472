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
