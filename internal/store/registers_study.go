package store

import (
	"context"
	"database/sql"

	"zhenggai"
	"zhenggai/internal/selfcheck"
)

// The study register's part of the loader (NeedStudy): the study
// sessions (meetings of the unit's study types) with their whole
// attendance, the notes checks, and the roster's leaders and staff.

func (pl *regPlan) studyQueries() []func() (string, []any) {
	return []func() (string, []any){pl.studySessionsQ, pl.studyAttendanceQ, pl.notesChecksQ, pl.studyPersonsQ}
}

// studyArgs are the unit, the dates and the study types ("" when the unit
// has none: IN needs a value, and no meeting has an empty type).
func (pl *regPlan) studyArgs() ([]any, int) {
	args := []any{pl.unitID, pl.from, pl.to}
	types := pl.studyTypes
	if len(types) == 0 {
		types = []string{""}
	}
	for _, t := range types {
		args = append(args, t)
	}
	return args, len(types)
}

func (pl *regPlan) studySessionsQ() (string, []any) {
	args, n := pl.studyArgs()
	return `SELECT m.id, m.type, m.book, m.number, m.date, COALESCE(m.chair_id, 0), m.chair_name FROM meetings m
		WHERE` + liveMeetings + ` AND m.type IN ` + inList(n) + ` ORDER BY m.date, m.id`, args
}

func (pl *regPlan) studyAttendanceQ() (string, []any) {
	args, n := pl.studyArgs()
	return `SELECT a.meeting_id, COALESCE(a.person_id, 0), a.name, a.presence
		FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id WHERE` + liveMeetings + `
		AND m.type IN ` + inList(n) + ` ORDER BY a.meeting_id, a.seq`, args
}

// notesChecksQ reads the checks from the year before the period on, and
// those after it too: a quarter's check is often made in the next.
func (pl *regPlan) notesChecksQ() (string, []any) {
	return `SELECT c.id, COALESCE(c.person_id, 0), c.name, COALESCE(c.checker_id, 0), c.checker_name, c.on_date, c.period, c.result
		FROM notes_checks c WHERE c.unit_id = ? AND c.voided_at IS NULL AND c.on_date >= ?
		ORDER BY c.on_date, c.id`, []any{pl.unitID, pl.from}
}

func (pl *regPlan) studyPersonsQ() (string, []any) {
	return `SELECT id, name, kind, party FROM persons WHERE unit_id = ? AND voided_at IS NULL AND kind IN (?, ?) ORDER BY id`,
		[]any{pl.unitID, string(zhenggai.PersonLeader), string(zhenggai.PersonStaff)}
}

func (s *Store) loadStudy(ctx context.Context, r *selfcheck.Registers, pl *regPlan) error {
	r.StudyTypes = append([]string{}, pl.studyTypes...)
	index := map[int64]int{}
	err := s.eachRow(ctx, pl.studySessionsQ, func(rows *sql.Rows) error {
		var m zhenggai.Meeting
		var date string
		if err := rows.Scan(&m.ID, &m.Type, &m.Book, &m.Number, &date, &m.ChairID, &m.ChairName); err != nil {
			return err
		}
		m.UnitID, m.Date = pl.unitID, parseDate(date)
		index[m.ID] = len(r.StudySessions)
		r.StudySessions = append(r.StudySessions, m)
		return nil
	})
	if err != nil {
		return err
	}
	err = s.eachRow(ctx, pl.studyAttendanceQ, func(rows *sql.Rows) error {
		var id int64
		var a zhenggai.Attendance
		var presence string
		if err := rows.Scan(&id, &a.PersonID, &a.Name, &presence); err != nil {
			return err
		}
		a.Presence = zhenggai.Presence(presence)
		if i, ok := index[id]; ok {
			r.StudySessions[i].Attendance = append(r.StudySessions[i].Attendance, a)
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = s.eachRow(ctx, pl.notesChecksQ, func(rows *sql.Rows) error {
		c := zhenggai.NotesCheck{UnitID: pl.unitID}
		var on, period, result string
		if err := rows.Scan(&c.ID, &c.PersonID, &c.Name, &c.CheckerID, &c.CheckerName, &on, &period, &result); err != nil {
			return err
		}
		c.On, c.Period, c.Result = parseDate(on), zhenggai.StudyPeriod(period), zhenggai.NotesResult(result)
		r.NotesChecks = append(r.NotesChecks, c)
		return nil
	})
	if err != nil {
		return err
	}
	return s.eachRow(ctx, pl.studyPersonsQ, func(rows *sql.Rows) error {
		p := zhenggai.Person{UnitID: pl.unitID}
		var kind string
		if err := rows.Scan(&p.ID, &p.Name, &kind, &p.Party); err != nil {
			return err
		}
		p.Kind = zhenggai.PersonKind(kind)
		r.StudyPersons = append(r.StudyPersons, p)
		return nil
	})
}
