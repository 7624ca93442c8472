package store

import (
	"context"
	"database/sql"

	"zhenggai"
	"zhenggai/internal/selfcheck"
)

// The self-inspection's loader of attendance and leave (issue 16): the
// roster's leaders and staff, the sign-ins of the period (person and day:
// what the rules read) and the leave overlapping the period or, from the
// year before, due back in it; the unit's calendar years are a part of
// their own (loadCalendar).

func (pl *regPlan) attendanceQs() []func() (string, []any) {
	return []func() (string, []any){pl.staffQ, pl.signInsQ, pl.leavesQ}
}

func (pl *regPlan) staffQ() (string, []any) {
	return `SELECT id, name, kind, rank FROM persons WHERE unit_id = ? AND voided_at IS NULL AND kind IN (?, ?) ORDER BY id`,
		[]any{pl.unitID, string(zhenggai.PersonLeader), string(zhenggai.PersonStaff)}
}

func (pl *regPlan) calendarQ() (string, []any) {
	return `SELECT year, days FROM work_calendars WHERE unit_id = ? ORDER BY year`, []any{pl.unitID}
}

func (pl *regPlan) signInsQ() (string, []any) {
	// The day as an integer (20200728): no text per row to copy and parse.
	return `SELECT person_id, CAST(REPLACE(on_date, '-', '') AS INTEGER) FROM sign_ins WHERE unit_id = ? AND on_date >= ? AND on_date <= ?
		ORDER BY on_date, person_id`,
		[]any{pl.unitID, pl.vfrom, pl.to}
}

func (pl *regPlan) leavesQ() (string, []any) {
	return `SELECT ` + leaveCols + ` FROM leaves WHERE unit_id = ? AND voided_at IS NULL AND from_date <= ? AND to_date >= ?
		ORDER BY from_date, id`, []any{pl.unitID, pl.to, pl.from}
}

func (s *Store) loadAttendance(ctx context.Context, r *selfcheck.Registers, pl *regPlan) error {
	// The sign-ins, the bulk of it, on a connection of their own while
	// the rest is read.
	signed := make(chan error, 1)
	readSignIns := func() {
		var got []selfcheck.SignedDay
		// Rows come by day: a day is made once, when it changes.
		var on, last int64
		var d zhenggai.Date
		err := s.eachRow(ctx, pl.signInsQ, func(rows *sql.Rows) error {
			var g selfcheck.SignedDay
			if err := rows.Scan(&g.PersonID, &on); err != nil {
				return err
			}
			if on != last {
				d, last = zhenggai.NewDate(int(on/10000), int(on/100%100), int(on%100)), on
			}
			g.On = d
			got = append(got, g)
			return nil
		})
		r.SignIns = got
		signed <- err
	}
	go readSignIns()
	err := s.eachRow(ctx, pl.staffQ, func(rows *sql.Rows) error {
		p := zhenggai.Person{UnitID: pl.unitID}
		var kind string
		if err := rows.Scan(&p.ID, &p.Name, &kind, &p.Rank); err != nil {
			return err
		}
		p.Kind = zhenggai.PersonKind(kind)
		r.Staff = append(r.Staff, p)
		return nil
	})
	if err != nil {
		<-signed
		return err
	}
	err = s.eachRow(ctx, pl.leavesQ, func(rows *sql.Rows) error {
		l, err := scanLeave(rows)
		if err != nil {
			return err
		}
		r.Leaves = append(r.Leaves, *l)
		return nil
	})
	if serr := <-signed; err == nil {
		err = serr
	}
	return err
}

// loadCalendar reads the unit's calendar years over the built-in ones, a
// part of its own (NeedAttendance or NeedCalendar): the travel rules count
// their time limits on it without the sign-ins, and one loader filling
// r.Calendar keeps the parts, run at once, off each other's fields.
func (s *Store) loadCalendar(ctx context.Context, r *selfcheck.Registers, pl *regPlan) error {
	own := map[int][]zhenggai.CalendarDay{}
	err := s.eachRow(ctx, pl.calendarQ, func(rows *sql.Rows) error {
		var y int
		var text string
		if err := rows.Scan(&y, &text); err != nil {
			return err
		}
		days, err := zhenggai.ParseCalendarDays(text)
		if err != nil {
			return err
		}
		own[y] = append([]zhenggai.CalendarDay{}, days...)
		return nil
	})
	if err != nil {
		return err
	}
	r.Calendar = zhenggai.NewWorkCalendar(own)
	return nil
}
