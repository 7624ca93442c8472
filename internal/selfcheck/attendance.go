package selfcheck

import (
	"zhenggai"
)

// What the attendance rules share (issue 16): the days the register
// covers and, per person of the roster's leaders and staff, the days he
// signed in and the days approved leave excused.

// attendanceGrid is the register over its span: one slot a day.
type attendanceGrid struct {
	start, end zhenggai.Date
	n          int    // days in the span
	work       []bool // by day: a working day
	persons    []*zhenggai.Person
	index      map[int64]int
	signed     [][]bool // by person, by day
	excused    [][]bool // by person, by day: approved leave
	total      []int    // by day: how many signed (never_signs)
}

// attendanceSpan bounds the period by the register's own first and last
// sign-in (the rules read no clock, and days before a unit kept the
// register are no one's gap). ok is false without sign-ins in it.
func attendanceSpan(r *Registers, p zhenggai.Period) (zhenggai.Date, zhenggai.Date, bool) {
	lo, hi := 0, 0
	for i := range r.SignIns {
		d := r.SignIns[i].On
		if !within(d, p) {
			continue
		}
		k := dkey(d)
		if lo == 0 || k < lo {
			lo = k
		}
		hi = max(hi, k)
	}
	if lo == 0 {
		return zhenggai.Date{}, zhenggai.Date{}, false
	}
	return dateOfKey(lo), dateOfKey(hi), true
}

func newAttendanceGrid(r *Registers, p zhenggai.Period) (*attendanceGrid, bool) {
	// The three rules read the same grid: made once per registers and
	// period (the rules run one after another).
	if r.att != nil && r.att.p == p {
		return r.att.g, r.att.g != nil
	}
	g, ok := makeAttendanceGrid(r, p)
	r.att = &attendanceCache{p: p, g: g}
	return g, ok
}

// attendanceCache is the grid of the last period asked.
type attendanceCache struct {
	p zhenggai.Period
	g *attendanceGrid
}

func makeAttendanceGrid(r *Registers, p zhenggai.Period) (*attendanceGrid, bool) {
	start, end, ok := attendanceSpan(r, p)
	if !ok || len(r.Staff) == 0 {
		return nil, false
	}
	g := &attendanceGrid{start: start, end: end, n: start.DaysUntil(end) + 1, index: map[int64]int{}}
	cal := r.Calendar
	if cal == nil {
		cal = zhenggai.NewWorkCalendar(nil)
	}
	g.work = make([]bool, g.n)
	for i := range g.n {
		g.work[i] = cal.WorkingDay(start.AddDays(i))
	}
	for i := range r.Staff {
		p := &r.Staff[i]
		if p.Voided || (p.Kind != zhenggai.PersonLeader && p.Kind != zhenggai.PersonStaff) {
			continue
		}
		g.index[p.ID] = len(g.persons)
		g.persons = append(g.persons, p)
		g.signed = append(g.signed, make([]bool, g.n))
		g.excused = append(g.excused, make([]bool, g.n))
	}
	// Days by key, so that a sign-in's slot is one subtraction of keys
	// read from a table, not a time.Time each.
	slot := map[int]int{}
	for i := range g.n {
		slot[dkey(start.AddDays(i))] = i
	}
	// The loader reads sign-ins by day: one lookup per day, not per row.
	lastKey, lastSlot, lastOK := -1, 0, false
	for i := range r.SignIns {
		s := &r.SignIns[i]
		if k := dkey(s.On); k != lastKey {
			lastKey = k
			lastSlot, lastOK = slot[k]
		}
		if !lastOK {
			continue
		}
		if pi, ok := g.index[s.PersonID]; ok {
			g.signed[pi][lastSlot] = true
		}
	}
	for i := range r.Leaves {
		l := &r.Leaves[i]
		pi, ok := g.index[l.PersonID]
		if !ok || l.Voided || !l.Approved() {
			continue
		}
		from, to := max(0, start.DaysUntil(l.From)), min(g.n-1, start.DaysUntil(l.To))
		for d := from; d <= to; d++ {
			g.excused[pi][d] = true
		}
	}
	return g, true
}

func (g *attendanceGrid) day(i int) zhenggai.Date { return g.start.AddDays(i) }

// personRecord names a person of the roster as the attendance register
// shows him: the kind says which register's page, as the roster has none
// of its own (the study rules name him "person", for his notes).
func personRecord(p *zhenggai.Person) Record {
	return Record{Kind: "attendance_person", ID: p.ID, Label: p.Name}
}

func leaveRecord(l *zhenggai.Leave) Record {
	return Record{Kind: "leave", ID: l.ID, Label: l.Label()}
}

// spanText writes a span of days: 2019年1月2日至2020年7月27日, one day alone.
func spanText(a, b zhenggai.Date) string {
	if a == b {
		return a.Chinese()
	}
	return a.Chinese() + "至" + b.ChineseAfter(a)
}
