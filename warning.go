package zhenggai

// Colour is the three-colour deadline warning (三色预警).
type Colour string

const (
	NoColour Colour = ""
	Green    Colour = "green"  // deadline near: the owner is told
	Yellow   Colour = "yellow" // deadline close: the leader too
	Red      Colour = "red"    // overdue: the unit and its principal leader
)

// Colours lists the warning colours from mildest to worst.
var Colours = []Colour{Green, Yellow, Red}

var colourRank = map[Colour]int{NoColour: 0, Green: 1, Yellow: 2, Red: 3}

// Label is the Chinese name shown to users.
func (c Colour) Label() string {
	switch c {
	case Green:
		return "绿色预警"
	case Yellow:
		return "黄色预警"
	case Red:
		return "红色预警(逾期)"
	}
	return "无预警"
}

// Valid reports whether c is a colour or none.
func (c Colour) Valid() bool { _, ok := colourRank[c]; return ok }

// Worse returns the more serious of two colours.
func Worse(a, b Colour) Colour {
	if colourRank[b] > colourRank[a] {
		return b
	}
	return a
}

// DeadlineColour says how urgent a measure is on day today. Finished
// measures and measures without a deadline carry no colour.
func DeadlineColour(s Settings, status Status, deadline, today Date) Colour {
	if status.Done() || deadline.IsZero() {
		return NoColour
	}
	left := today.DaysUntil(deadline)
	switch {
	case left < 0:
		return Red
	case left <= s.YellowDays:
		return Yellow
	case left <= s.GreenDays:
		return Green
	}
	return NoColour
}

// ColourCounts counts measures by warning colour.
type ColourCounts map[Colour]int

// Get is the count for a colour named by its identifier (for templates).
func (c ColourCounts) Get(s string) int { return c[Colour(s)] }

// MeasureColour is a measure's warning on day today: the deadline colour
// (none once its leader approved its closing), and for a 长期坚持 measure with a re-report period red when its latest
// report is older than the period (or there is none), since upkeep that
// is no longer reported is upkeep nobody can see.
func MeasureColour(s Settings, m *Measure, today Date) Colour {
	if m.Status == Ongoing && m.ReportEvery > 0 {
		if m.LastReport.IsZero() || m.LastReport.AddDays(m.ReportEvery).Before(today) {
			return Red
		}
		return NoColour
	}
	if m.CloseState == CloseApproved {
		// Its leader has approved it as done: the wait is the office's.
		return NoColour
	}
	return DeadlineColour(s, m.Status, m.Deadline, today)
}
