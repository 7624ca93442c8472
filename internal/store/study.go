package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"zhenggai"
)

// Study (理论学习): the notes checks are rows of notes_checks, one per
// person checked, each audited; the study sessions are the meetings of
// the study types (StudyTypes), read from the meetings register.

const notesCheckCols = `c.id, c.unit_id, COALESCE(c.person_id, 0), c.name, COALESCE(c.checker_id, 0), c.checker_name, c.on_date,
	c.period, c.result, c.remark, c.sample, c.created_at, c.version, c.voided_at IS NOT NULL`

func scanNotesCheck(sc interface{ Scan(...any) error }) (*zhenggai.NotesCheck, error) {
	var c zhenggai.NotesCheck
	var on, period, result, created string
	var sample int
	err := sc.Scan(&c.ID, &c.UnitID, &c.PersonID, &c.Name, &c.CheckerID, &c.CheckerName, &on, &period, &result, &c.Remark,
		&sample, &created, &c.Version, &c.Voided)
	if err != nil {
		return nil, err
	}
	c.On, c.Period, c.Result = parseDate(on), zhenggai.StudyPeriod(period), zhenggai.NotesResult(result)
	c.Sample, c.CreatedAt = sample != 0, parseTime(created)
	return &c, nil
}

// NotesCheck returns one notes check, voided or not.
func (s *Store) NotesCheck(ctx context.Context, id int64) (*zhenggai.NotesCheck, error) {
	c, err := scanNotesCheck(s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT `+notesCheckCols+` FROM notes_checks c WHERE c.id = ?`), id))
	return c, notFound(err, "学习笔记检查记录")
}

// NotesCheckQuery selects a unit's live notes checks; zero fields do not
// filter.
type NotesCheckQuery struct {
	UnitID   int64
	Year     int // of the period checked
	PersonID int64
	Result   zhenggai.NotesResult
}

// NotesChecks lists the checks q selects, by date and name.
func (s *Store) NotesChecks(ctx context.Context, q NotesCheckQuery) ([]*zhenggai.NotesCheck, error) {
	where := `c.unit_id = ? AND c.voided_at IS NULL`
	args := []any{q.UnitID}
	if q.Year > 0 {
		where += ` AND c.period LIKE ?`
		args = append(args, fmt.Sprintf("%04d-%%", q.Year))
	}
	if q.PersonID > 0 {
		where += ` AND c.person_id = ?`
		args = append(args, q.PersonID)
	}
	if q.Result != "" {
		where += ` AND c.result = ?`
		args = append(args, string(q.Result))
	}
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT `+notesCheckCols+` FROM notes_checks c WHERE `+where+
		` ORDER BY c.on_date, c.id`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []*zhenggai.NotesCheck{}
	for rows.Next() {
		c, err := scanNotesCheck(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// NotesCheckYears are the years of a unit's live checks' periods, latest
// first.
func (s *Store) NotesCheckYears(ctx context.Context, unitID int64) ([]int, error) {
	return s.years(ctx, `SELECT DISTINCT SUBSTR(period, 1, 4) FROM notes_checks WHERE unit_id = ? AND voided_at IS NULL ORDER BY 1 DESC`, unitID)
}

func (s *Store) years(ctx context.Context, q string, args ...any) ([]int, error) {
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(q), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var y string
		if err := rows.Scan(&y); err != nil {
			return nil, err
		}
		var n int
		if _, err := fmt.Sscan(y, &n); err == nil {
			out = append(out, n)
		}
	}
	return out, rows.Err()
}

// SaveNotesCheck enters a new check (ID 0) or saves the changes to one at
// c.Version; both names are matched to the unit's roster.
func (s *Store) SaveNotesCheck(ctx context.Context, c *zhenggai.NotesCheck) error {
	version, person, checker := c.Version, c.PersonID, c.CheckerID
	return s.write(ctx, func(tx *sql.Tx) error {
		c.Version, c.PersonID, c.CheckerID = version, person, checker
		return s.saveNotesCheck(ctx, tx, c, nil, "")
	})
}

// SaveNotesChecks enters the checks of one sitting (a checker, a day, a
// period, several people): all or none, where names each one's row.
func (s *Store) SaveNotesChecks(ctx context.Context, unitID int64, cs []*zhenggai.NotesCheck, where []string) error {
	return s.importNotesChecks(ctx, unitID, cs, where, false)
}

// ImportNotesChecks enters checks read from a workbook in one
// transaction: all or none. A dry run makes every check and writes
// nothing.
func (s *Store) ImportNotesChecks(ctx context.Context, unitID int64, cs []*zhenggai.NotesCheck, where []string, dryRun bool) error {
	return s.importNotesChecks(ctx, unitID, cs, where, dryRun)
}

func (s *Store) importNotesChecks(ctx context.Context, unitID int64, cs []*zhenggai.NotesCheck, where []string, dryRun bool) error {
	if len(cs) == 0 {
		return zhenggai.Errorf(zhenggai.EINVALID, "没有要登记的学习笔记检查")
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		roster, err := s.persons(ctx, tx, unitID)
		if err != nil {
			return err
		}
		if roster == nil {
			roster = []*zhenggai.Person{}
		}
		all := &zhenggai.ValidationError{}
		for i, c := range cs {
			c.ID, c.Version, c.UnitID = 0, 0, unitID
			w := ""
			if i < len(where) {
				w = where[i]
			}
			err := s.saveNotesCheck(ctx, tx, c, roster, w)
			if ve, ok := err.(*zhenggai.ValidationError); ok {
				all.Fields = append(all.Fields, ve.Fields...)
				if len(all.Fields) > 200 {
					break
				}
				continue
			}
			if err != nil {
				return err
			}
		}
		if err := all.Err(); err != nil {
			return err
		}
		if dryRun {
			return errDryRun
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		return nil
	}
	return err
}

func (s *Store) saveNotesCheck(ctx context.Context, tx *sql.Tx, c *zhenggai.NotesCheck, roster []*zhenggai.Person, where string) error {
	c.Normalize()
	if c.UnitID <= 0 {
		return zhenggai.Errorf(zhenggai.EINVALID, "请选择所属单位")
	}
	var prev *zhenggai.NotesCheck
	if c.ID != 0 {
		var err error
		prev, err = scanNotesCheck(tx.QueryRowContext(ctx, s.d.rebind(`SELECT `+notesCheckCols+` FROM notes_checks c WHERE c.id = ?`), c.ID))
		if err != nil || prev.UnitID != c.UnitID {
			return zhenggai.Errorf(zhenggai.ENOTFOUND, "学习笔记检查记录不存在")
		}
		if prev.Voided {
			return zhenggai.Errorf(zhenggai.ECONFLICT, "该学习笔记检查记录已作废，不能修改；确需修改的，请单位管理员先恢复")
		}
	}
	var err error
	if roster == nil {
		if roster, err = s.persons(ctx, tx, c.UnitID); err != nil {
			return err
		}
	}
	v := &zhenggai.ValidationError{}
	prevPerson, prevName, prevChecker, prevCheckerName := int64(0), "", int64(0), ""
	if prev != nil {
		prevPerson, prevName, prevChecker, prevCheckerName = prev.PersonID, prev.Name, prev.CheckerID, prev.CheckerName
	}
	resolveOne(v, roster, "name", "被检查人", &c.Name, &c.PersonID, prevPerson, prevName)
	resolveOne(v, roster, "checker_name", "检查人", &c.CheckerName, &c.CheckerID, prevChecker, prevCheckerName)
	// Both are of the roster: the rules read the checks by person.
	n := len(v.Fields)
	if c.PersonID == 0 && c.Name != "" && n == 0 {
		v.Add("name", "被检查人“"+c.Name+"”不在本单位人员名册中，请先录入人员名册")
	}
	if c.CheckerID == 0 && c.CheckerName != "" && n == 0 {
		v.Add("checker_name", "检查人“"+c.CheckerName+"”不在本单位人员名册中，请先录入人员名册")
	}
	for _, p := range roster {
		if p.ID == c.PersonID && c.PersonID > 0 {
			c.Name = p.Name
		}
		if p.ID == c.CheckerID && c.CheckerID > 0 {
			c.CheckerName = p.Name
		}
	}
	if err := c.Validate(zhenggai.DateOf(s.now())); err != nil {
		v.Fields = append(v.Fields, err.(*zhenggai.ValidationError).Fields...)
	}
	if err := v.Err(); err != nil {
		return prefixed(v, where)
	}
	cols := `person_id = ?, name = ?, checker_id = ?, checker_name = ?, on_date = ?, period = ?, result = ?, remark = ?, sample = ?`
	vals := []any{nullID(c.PersonID), c.Name, nullID(c.CheckerID), c.CheckerName, c.On.String(), string(c.Period), string(c.Result),
		c.Remark, boolInt(c.Sample)}
	if c.ID == 0 {
		now := s.stamp()
		id, err := s.insertRow(ctx, tx, "notes_checks", `unit_id, person_id, name, checker_id, checker_name, on_date, period, result,
			remark, sample, created_at, version`, append(append([]any{c.UnitID}, vals...), now, 1)...)
		if err != nil {
			return err
		}
		c.ID, c.Version, c.CreatedAt = id, 1, parseTime(now)
		return nil
	}
	if err := s.updateRow(ctx, tx, "notes_checks", c.ID, c.Version, cols, vals...); err != nil {
		return err
	}
	c.Version++
	return nil
}

// StudyTypes are a unit's study types: the setting study.types among its
// meeting types (zhenggai.StudyTypesFrom).
func (s *Store) StudyTypes(ctx context.Context, unitID int64) ([]string, error) {
	set, err := s.NamedSettings(ctx, unitID, "")
	if err != nil {
		return nil, err
	}
	return zhenggai.StudyTypesFrom(set[zhenggai.StudyTypesSetting], zhenggai.MeetingTypesFrom(set[zhenggai.MeetingTypesSetting])), nil
}

// StudySession is one study session as the study register lists it.
type StudySession struct {
	ID      int64
	Type    string
	Number  int
	Date    zhenggai.Date
	Chair   string
	Topics  string // the agenda's titles, 、-joined
	Present int
	Leave   int // on leave, with a written view or not
	Absent  int // absent without leave
}

// StudySessions lists the unit's live study sessions of a year (0: every
// year), by date.
func (s *Store) StudySessions(ctx context.Context, unitID int64, year int, types []string) ([]StudySession, error) {
	if len(types) == 0 {
		return []StudySession{}, nil
	}
	from, to := "0000-00-00", "9999-12-31"
	if year > 0 {
		from, to = yearRange(year)
	}
	args := []any{string(zhenggai.Present), string(zhenggai.OnLeave), string(zhenggai.WrittenView), string(zhenggai.AbsentNoLeave), unitID, from, to}
	for _, t := range types {
		args = append(args, t)
	}
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT m.id, m.type, m.number, m.date, m.chair_name,
		(SELECT COUNT(*) FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.presence = ?),
		(SELECT COUNT(*) FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.presence IN (?, ?)),
		(SELECT COUNT(*) FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.presence = ?)
		FROM meetings m WHERE m.unit_id = ? AND m.voided_at IS NULL AND m.date >= ? AND m.date <= ? AND m.type IN `+inList(len(types))+`
		ORDER BY m.date, m.id`), args...)
	if err != nil {
		return nil, err
	}
	var out []StudySession
	index := map[int64]int{}
	for rows.Next() {
		var x StudySession
		var date string
		if err := rows.Scan(&x.ID, &x.Type, &x.Number, &date, &x.Chair, &x.Present, &x.Leave, &x.Absent); err != nil {
			rows.Close()
			return nil, err
		}
		x.Date = parseDate(date)
		index[x.ID] = len(out)
		out = append(out, x)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return []StudySession{}, nil
	}
	trows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT i.meeting_id, i.title FROM meeting_items i JOIN meetings m ON m.id = i.meeting_id
		WHERE m.unit_id = ? AND m.voided_at IS NULL AND m.date >= ? AND m.date <= ? AND m.type IN `+inList(len(types))+`
		ORDER BY i.meeting_id, i.seq`), args[4:]...)
	if err != nil {
		return nil, err
	}
	defer trows.Close()
	topics := map[int64][]string{}
	for trows.Next() {
		var id int64
		var title string
		if err := trows.Scan(&id, &title); err != nil {
			return nil, err
		}
		topics[id] = append(topics[id], title)
	}
	for id, ts := range topics {
		if i, ok := index[id]; ok {
			out[i].Topics = strings.Join(ts, "、")
		}
	}
	return out, trows.Err()
}

// StudyYears are the years of the unit's live meetings of the study
// types, latest first.
func (s *Store) StudyYears(ctx context.Context, unitID int64, types []string) ([]int, error) {
	if len(types) == 0 {
		return nil, nil
	}
	args := []any{unitID}
	for _, t := range types {
		args = append(args, t)
	}
	return s.years(ctx, `SELECT DISTINCT SUBSTR(date, 1, 4) FROM meetings WHERE unit_id = ? AND voided_at IS NULL AND type IN `+
		inList(len(types))+` ORDER BY 1 DESC`, args...)
}
