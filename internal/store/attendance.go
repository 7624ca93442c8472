package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"

	"zhenggai"
)

// Attendance and leave (考勤与请销假). The work calendar is the built-in
// State Council schedule, a year replaced whole by the unit's own
// (work_calendars); sign-ins come in by import (the clock's or the
// office app's export, or one entered by hand), each import one audited
// sign_in_imports row replacing the sign-ins of the dates it covers for
// the persons it names; leave requests are records (leaves), approved
// and returned (销假) by updates.

// CalendarYears are the unit's own calendar years with their versions.
func (s *Store) CalendarYears(ctx context.Context, unitID int64) (map[int][]zhenggai.CalendarDay, map[int]int64, error) {
	return s.calendarYears(ctx, s.rdb, unitID)
}

func (s *Store) calendarYears(ctx context.Context, db queryer, unitID int64) (map[int][]zhenggai.CalendarDay, map[int]int64, error) {
	rows, err := db.QueryContext(ctx, s.d.rebind(`SELECT year, days, version FROM work_calendars WHERE unit_id = ? ORDER BY year`), unitID)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	days, versions := map[int][]zhenggai.CalendarDay{}, map[int]int64{}
	for rows.Next() {
		var y int
		var text string
		var v int64
		if err := rows.Scan(&y, &text, &v); err != nil {
			return nil, nil, err
		}
		d, err := zhenggai.ParseCalendarDays(text)
		if err != nil {
			return nil, nil, fmt.Errorf("%d年工作日历：%w", y, err)
		}
		if d == nil {
			d = []zhenggai.CalendarDay{}
		}
		days[y], versions[y] = d, v
	}
	return days, versions, rows.Err()
}

// WorkCalendar is the unit's calendar: the built-in years with its own in
// their place.
func (s *Store) WorkCalendar(ctx context.Context, unitID int64) (*zhenggai.WorkCalendar, error) {
	own, _, err := s.CalendarYears(ctx, unitID)
	if err != nil {
		return nil, err
	}
	return zhenggai.NewWorkCalendar(own), nil
}

// SaveCalendarYear sets the unit's holidays and make-up working days of a
// year, replacing the built-in schedule for it. version is the year's
// row's as read (0 when the unit had none).
func (s *Store) SaveCalendarYear(ctx context.Context, unitID int64, year int, days []zhenggai.CalendarDay, version int64) error {
	if err := zhenggai.ValidateCalendarYear(year, days); err != nil {
		return err
	}
	text := zhenggai.FormatCalendarDays(days)
	return s.write(ctx, func(tx *sql.Tx) error {
		var id, v int64
		err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT id, version FROM work_calendars WHERE unit_id = ? AND year = ?`), unitID, year).Scan(&id, &v)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if version != 0 {
				return zhenggai.Errorf(zhenggai.ECONFLICT, "该年的工作日历已被他人改动，请刷新后再改")
			}
			_, err = s.insertRow(ctx, tx, "work_calendars", `unit_id, year, days, created_at, version`, unitID, year, text, s.stamp(), 1)
			return err
		case err != nil:
			return err
		}
		return s.updateRow(ctx, tx, "work_calendars", id, version, `days = ?`, text)
	})
}

// SignInRow is one person's day read from a sheet: the first and last
// punch (minutes after midnight, -1 none); Where names its row.
type SignInRow struct {
	Name             string
	On               zhenggai.Date
	FirstIn, LastOut int
	Where            string
}

// SignInImport is an export read, to be written for a unit.
type SignInImport struct {
	UnitID   int64
	FileName string
	SHA256   string
	Source   string // 考勤机, 钉钉, 手工录入 …
	Rows     []SignInRow
	Sample   bool
}

// SignInImportResult says what an import did (or would do).
type SignInImportResult struct {
	ID       int64         `json:"import_id,omitempty"`
	From     zhenggai.Date `json:"from"`
	To       zhenggai.Date `json:"to"`
	Persons  int           `json:"persons"`
	SignIns  int           `json:"sign_ins"`
	Replaced int           `json:"replaced"`
}

func (r *SignInImportResult) String() string {
	s := fmt.Sprintf("%s至%s，%d人，签到记录%d条", r.From.Chinese(), r.To.ChineseAfter(r.From), r.Persons, r.SignIns)
	if r.Replaced > 0 {
		s += fmt.Sprintf("；替换已导入的%d条", r.Replaced)
	}
	return s
}

// MaxSignInRows bounds one import: a year of 2,000 staff.
const MaxSignInRows = 600_000

// ImportSignIns writes an import in one transaction: every name matched
// to one person of the unit's roster (a name unknown or borne by two is
// an error naming its row, nothing written); the sign-ins of the dates
// the import covers for the persons it names replaced; one audited
// sign_in_imports row. Two rows of one person and day merge (earliest in,
// latest out). A dry run checks and counts and writes nothing.
func (s *Store) ImportSignIns(ctx context.Context, im *SignInImport, dryRun bool) (*SignInImportResult, error) {
	switch {
	case im.UnitID <= 0:
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "未指明单位")
	case len(im.Rows) == 0:
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "考勤表中没有签到记录")
	case len(im.Rows) > MaxSignInRows:
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "考勤表超过%d行，请分批导入", MaxSignInRows)
	}
	res := &SignInImportResult{}
	err := s.write(ctx, func(tx *sql.Tx) error {
		*res = SignInImportResult{}
		roster, err := s.persons(ctx, tx, im.UnitID)
		if err != nil {
			return err
		}
		type key struct {
			person int64
			day    string
		}
		// Names as written first (most rows repeat one), then as matched.
		byRaw, byName := map[string]*zhenggai.Person{}, map[string]*zhenggai.Person{}
		dayText := map[zhenggai.Date]string{}
		merged := map[key]*zhenggai.SignIn{}
		var order []key
		v := &zhenggai.ValidationError{}
		if err := (&zhenggai.SignIn{Name: "x", On: zhenggai.NewDate(2000, 1, 1), FirstIn: 0, LastOut: -1, Source: im.Source}).Validate(); err != nil {
			return err
		}
		persons, dates := map[int64]bool{}, map[string]bool{}
		for i, r := range im.Rows {
			if i%4096 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			p, seen := byRaw[r.Name]
			if !seen {
				k := zhenggai.PersonKey(r.Name)
				if p, seen = byName[k]; !seen {
					var cands []*zhenggai.Person
					p, cands = zhenggai.ResolvePerson(roster, r.Name)
					switch {
					case p != nil:
					case len(cands) > 1:
						v.Add("name", r.Where+zhenggai.ErrSameName(r.Name))
					default:
						v.Add("name", r.Where+"姓名“"+zhenggai.Clip(strings.TrimSpace(r.Name), 20)+"”不在本单位人员名册中")
					}
					byName[k] = p
				}
				byRaw[r.Name] = p
			}
			sg := zhenggai.SignIn{Name: r.Name, On: r.On, FirstIn: r.FirstIn, LastOut: r.LastOut, Source: im.Source}
			if p != nil {
				sg.Name, sg.PersonID = p.Name, p.ID
			}
			if err := sg.ValidateDay(); err != nil {
				for _, f := range err.(*zhenggai.ValidationError).Fields {
					v.Add(f.Field, r.Where+f.Message)
				}
				continue
			}
			if p == nil || len(v.Fields) > 0 {
				if len(v.Fields) > 200 {
					break
				}
				continue
			}
			day, ok := dayText[r.On]
			if !ok {
				day = r.On.String()
				dayText[r.On] = day
			}
			kk := key{p.ID, day}
			if m := merged[kk]; m != nil {
				m.FirstIn = earliest(m.FirstIn, sg.FirstIn)
				m.LastOut = max(m.LastOut, sg.LastOut)
				if m.FirstIn >= 0 && m.LastOut >= 0 && m.LastOut < m.FirstIn {
					// One row's arrival after the other's leaving.
					m.FirstIn, m.LastOut = m.LastOut, m.FirstIn
				}
				continue
			}
			merged[kk] = &sg
			order = append(order, kk)
			persons[p.ID], dates[day] = true, true
		}
		if err := v.Err(); err != nil {
			return err
		}
		days := make([]string, 0, len(dates))
		for d := range dates {
			days = append(days, d)
		}
		sort.Strings(days)
		ids := make([]int64, 0, len(persons))
		for id := range persons {
			ids = append(ids, id)
		}
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		res.From, res.To = parseDate(days[0]), parseDate(days[len(days)-1])
		res.Persons, res.SignIns = len(ids), len(order)
		// What it replaces: those persons' sign-ins on those dates (but those
		// entered by hand, unless this is one). Dates
		// go in chunks (a year is 365 of them; SQLite binds at most 32766).
		each := func(fn func(in string, args []any) error) error {
			pin := inList(len(ids))
			for start := 0; start < len(days); start += 400 {
				chunk := days[start:min(start+400, len(days))]
				args := []any{im.UnitID}
				for _, id := range ids {
					args = append(args, id)
				}
				for _, d := range chunk {
					args = append(args, d)
				}
				where := `unit_id = ? AND person_id IN ` + pin + ` AND on_date IN ` + inList(len(chunk))
				if im.Source != manualSignIn {
					// A clock's file never takes away what the office
					// entered by hand (补录 of a punch the clock missed).
					where += ` AND source <> ?`
					args = append(args, manualSignIn)
				}
				if err := fn(where, args); err != nil {
					return err
				}
			}
			return nil
		}
		if len(ids) > 30000 {
			return zhenggai.Errorf(zhenggai.EINVALID, "一次导入的人数过多")
		}
		err = each(func(in string, args []any) error {
			var n int
			if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT COUNT(*) FROM sign_ins WHERE `+in), args...).Scan(&n); err != nil {
				return err
			}
			res.Replaced += n
			return nil
		})
		if err != nil || dryRun {
			return err
		}
		now := s.stamp()
		res.ID, err = s.insertRow(ctx, tx, "sign_in_imports", `unit_id, file_name, sha256, source, date_from, date_to, persons, sign_ins,
			replaced, imported_by, created_at`, im.UnitID, zhenggai.Clip(im.FileName, 200), im.SHA256, zhenggai.Clip(im.Source, 40),
			res.From.String(), res.To.String(), res.Persons, res.SignIns, res.Replaced, zhenggai.ActorFrom(ctx).Name, now)
		if err != nil {
			return err
		}
		if res.Replaced > 0 {
			err = each(func(in string, args []any) error {
				_, err := tx.ExecContext(ctx, s.d.rebind(`DELETE FROM sign_ins WHERE `+in), args...)
				return err
			})
			if err != nil {
				return err
			}
		}
		b := s.newBatch(ctx, tx, "sign_ins", "unit_id", "import_id", "person_id", "name", "on_date", "first_in", "last_out", "source", "sample")
		for i, k := range order {
			if i%4096 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			sg := merged[k]
			if err := b.add(im.UnitID, res.ID, k.person, sg.Name, k.day, sg.FirstIn, sg.LastOut, sg.Source, boolInt(im.Sample)); err != nil {
				return err
			}
		}
		return b.flush()
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

func earliest(a, b int) int {
	switch {
	case a < 0:
		return b
	case b < 0:
		return a
	}
	return min(a, b)
}

// manualSignIn is the source of a day entered by hand (补录).
const manualSignIn = "手工录入"

// SaveSignIn enters one person's day by hand: an import of one row.
func (s *Store) SaveSignIn(ctx context.Context, unitID int64, sg *zhenggai.SignIn) (*SignInImportResult, error) {
	if err := sg.Validate(); err != nil {
		return nil, err // by hand, a day needs a time (an import's may have none)
	}
	return s.ImportSignIns(ctx, &SignInImport{UnitID: unitID, FileName: manualSignIn, Source: manualSignIn,
		Rows: []SignInRow{{Name: sg.Name, On: sg.On, FirstIn: sg.FirstIn, LastOut: sg.LastOut}}}, false)
}

// SignInQuery selects a unit's sign-ins.
type SignInQuery struct {
	UnitID   int64
	From, To zhenggai.Date // both included; zero: open
	PersonID int64
	Limit    int // 0: 100,000
}

// SignIns lists the sign-ins q selects, by day and person.
func (s *Store) SignIns(ctx context.Context, q SignInQuery) ([]zhenggai.SignIn, error) {
	where, args := `unit_id = ?`, []any{q.UnitID}
	if !q.From.IsZero() {
		where += ` AND on_date >= ?`
		args = append(args, q.From.String())
	}
	if !q.To.IsZero() {
		where += ` AND on_date <= ?`
		args = append(args, q.To.String())
	}
	if q.PersonID > 0 {
		where += ` AND person_id = ?`
		args = append(args, q.PersonID)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 100_000
	}
	args = append(args, limit)
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT id, unit_id, COALESCE(import_id, 0), person_id, name, on_date, first_in, last_out,
		source, sample FROM sign_ins WHERE `+where+` ORDER BY on_date, person_id, id LIMIT ?`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []zhenggai.SignIn
	for rows.Next() {
		var g zhenggai.SignIn
		var on string
		var sample int
		if err := rows.Scan(&g.ID, &g.UnitID, &g.ImportID, &g.PersonID, &g.Name, &on, &g.FirstIn, &g.LastOut, &g.Source, &sample); err != nil {
			return nil, err
		}
		g.On, g.Sample = parseDate(on), sample != 0
		out = append(out, g)
	}
	return out, rows.Err()
}

const leaveCols = `id, unit_id, COALESCE(person_id, 0), name, kind, from_date, to_date, reason, approved_by, approved_on, expected_return,
	returned_on, sample, created_at, version, voided_at IS NOT NULL, voided_by, void_reason`

func scanLeave(sc interface{ Scan(...any) error }) (*zhenggai.Leave, error) {
	var l zhenggai.Leave
	var kind, from, to, appr, exp, ret, created string
	var sample int
	err := sc.Scan(&l.ID, &l.UnitID, &l.PersonID, &l.Name, &kind, &from, &to, &l.Reason, &l.ApprovedBy, &appr, &exp, &ret, &sample,
		&created, &l.Version, &l.Voided, &l.VoidedBy, &l.VoidReason)
	if err != nil {
		return nil, err
	}
	l.Kind, l.From, l.To, l.ApprovedOn = zhenggai.LeaveKind(kind), parseDate(from), parseDate(to), parseDate(appr)
	l.ExpectedReturn, l.ReturnedOn, l.Sample, l.CreatedAt = parseDate(exp), parseDate(ret), sample != 0, parseTime(created)
	return &l, nil
}

// Leave returns one leave request, voided or not.
func (s *Store) Leave(ctx context.Context, id int64) (*zhenggai.Leave, error) {
	l, err := scanLeave(s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT `+leaveCols+` FROM leaves WHERE id = ?`), id))
	return l, notFound(err, "请假记录")
}

// LeaveQuery selects a unit's live leave requests, and with Voided its
// voided ones too.
type LeaveQuery struct {
	UnitID   int64
	From, To zhenggai.Date // leave overlapping these days; zero: open
	PersonID int64
	// State: "pending" (not approved), "out" (approved, not returned),
	// "returned"; "" all.
	State  string
	Voided bool
}

// Leaves lists the leave requests q selects, latest first.
func (s *Store) Leaves(ctx context.Context, q LeaveQuery) ([]*zhenggai.Leave, error) {
	where, args := `unit_id = ?`, []any{q.UnitID}
	if !q.Voided {
		where += ` AND voided_at IS NULL`
	}
	if !q.From.IsZero() {
		where += ` AND to_date >= ?`
		args = append(args, q.From.String())
	}
	if !q.To.IsZero() {
		where += ` AND from_date <= ?`
		args = append(args, q.To.String())
	}
	if q.PersonID > 0 {
		where += ` AND person_id = ?`
		args = append(args, q.PersonID)
	}
	switch q.State {
	case "pending":
		where += ` AND approved_by = ''`
	case "out":
		where += ` AND approved_by <> '' AND returned_on = ''`
	case "returned":
		where += ` AND returned_on <> ''`
	}
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT `+leaveCols+` FROM leaves WHERE `+where+` ORDER BY from_date DESC, id DESC`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*zhenggai.Leave
	for rows.Next() {
		l, err := scanLeave(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// SaveLeave enters a leave request (ID 0) or saves the changes to one at
// l.Version; the name is matched to one person of the unit's roster.
func (s *Store) SaveLeave(ctx context.Context, l *zhenggai.Leave) error {
	version, person := l.Version, l.PersonID
	return s.write(ctx, func(tx *sql.Tx) error {
		l.Version, l.PersonID = version, person
		return s.saveLeave(ctx, tx, l)
	})
}

func (s *Store) saveLeave(ctx context.Context, tx *sql.Tx, l *zhenggai.Leave) error {
	l.Normalize()
	if l.UnitID <= 0 {
		return zhenggai.Errorf(zhenggai.EINVALID, "请选择所属单位")
	}
	var prev *zhenggai.Leave
	if l.ID != 0 {
		var err error
		prev, err = scanLeave(tx.QueryRowContext(ctx, s.d.rebind(`SELECT `+leaveCols+` FROM leaves WHERE id = ?`), l.ID))
		if err != nil || prev.UnitID != l.UnitID {
			return zhenggai.Errorf(zhenggai.ENOTFOUND, "请假记录不存在")
		}
		if prev.Voided {
			return zhenggai.Errorf(zhenggai.ECONFLICT, "该请假记录已作废，不能修改")
		}
	}
	roster, err := s.persons(ctx, tx, l.UnitID)
	if err != nil {
		return err
	}
	v := &zhenggai.ValidationError{}
	prevPerson, prevName := int64(0), ""
	if prev != nil {
		prevPerson, prevName = prev.PersonID, prev.Name
	}
	resolveOne(v, roster, "name", "请假人", &l.Name, &l.PersonID, prevPerson, prevName)
	if l.PersonID == 0 && len(v.Fields) == 0 && l.Name != "" {
		v.Add("name", "请假人“"+zhenggai.Clip(l.Name, 20)+"”不在本单位人员名册中，请先在人员名册中登记")
	}
	if err := l.Validate(zhenggai.DateOf(s.now())); err != nil {
		v.Fields = append(v.Fields, err.(*zhenggai.ValidationError).Fields...)
	}
	if err := v.Err(); err != nil {
		return err
	}
	vals := []any{nullID(l.PersonID), l.Name, string(l.Kind), l.From.String(), l.To.String(), l.Reason, l.ApprovedBy, l.ApprovedOn.String(),
		l.ExpectedReturn.String(), l.ReturnedOn.String(), boolInt(l.Sample)}
	if l.ID == 0 {
		now := s.stamp()
		id, err := s.insertRow(ctx, tx, "leaves", `unit_id, person_id, name, kind, from_date, to_date, reason, approved_by, approved_on,
			expected_return, returned_on, sample, created_at, version`, append(append([]any{l.UnitID}, vals...), now, 1)...)
		if err != nil {
			return err
		}
		l.ID, l.Version, l.CreatedAt = id, 1, parseTime(now)
		return nil
	}
	err = s.updateRow(ctx, tx, "leaves", l.ID, l.Version, `person_id = ?, name = ?, kind = ?, from_date = ?, to_date = ?, reason = ?,
		approved_by = ?, approved_on = ?, expected_return = ?, returned_on = ?, sample = ?`, vals...)
	if err != nil {
		return err
	}
	l.Version++
	return nil
}

// ApproveLeave records the approval of a leave request at version.
func (s *Store) ApproveLeave(ctx context.Context, id, version int64, by string, on zhenggai.Date) (*zhenggai.Leave, error) {
	return s.changeLeave(ctx, id, version, func(l *zhenggai.Leave) error {
		if l.Approved() {
			return zhenggai.Errorf(zhenggai.ECONFLICT, "该请假已批准")
		}
		l.ApprovedBy, l.ApprovedOn = strings.TrimSpace(by), on
		if l.ApprovedBy == "" {
			return &zhenggai.ValidationError{Fields: []zhenggai.FieldError{{Field: "approved_by", Message: "请填写批准人"}}}
		}
		return nil
	})
}

// ReturnLeave records the return (销假) of an approved leave at version.
func (s *Store) ReturnLeave(ctx context.Context, id, version int64, on zhenggai.Date) (*zhenggai.Leave, error) {
	return s.changeLeave(ctx, id, version, func(l *zhenggai.Leave) error {
		if !l.ReturnedOn.IsZero() {
			return zhenggai.Errorf(zhenggai.ECONFLICT, "该请假已销假")
		}
		if on.IsZero() {
			return &zhenggai.ValidationError{Fields: []zhenggai.FieldError{{Field: "returned_on", Message: "请填写销假日期"}}}
		}
		l.ReturnedOn = on
		return nil
	})
}

// WithdrawLeave voids a leave not yet approved: its applicant's
// withdrawal (撤回). The approval is checked in the void's transaction,
// so one that came first wins (ECONFLICT).
func (s *Store) WithdrawLeave(ctx context.Context, id int64, reason string) error {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		reason = "本人撤回"
	}
	v := &zhenggai.ValidationError{}
	zhenggai.CheckText(v, "reason", "撤回理由", reason, true, zhenggai.MaxTitle)
	if err := v.Err(); err != nil {
		return err
	}
	by := zhenggai.ActorFrom(ctx).Name
	return s.write(ctx, func(tx *sql.Tx) error {
		l, err := scanLeave(tx.QueryRowContext(ctx, s.d.rebind(`SELECT `+leaveCols+` FROM leaves WHERE id = ?`), id))
		switch {
		case err != nil:
			return notFound(err, "请假记录")
		case l.Voided:
			return zhenggai.Errorf(zhenggai.ECONFLICT, "该请假已撤回或作废")
		case l.Approved():
			return zhenggai.Errorf(zhenggai.ECONFLICT, "该请假已批准，不能撤回；确需取消的，请联系单位管理员")
		}
		return s.voidRow(ctx, tx, "leaves", id, s.stamp(), by, reason)
	})
}

func (s *Store) changeLeave(ctx context.Context, id, version int64, fn func(l *zhenggai.Leave) error) (*zhenggai.Leave, error) {
	var out *zhenggai.Leave
	err := s.write(ctx, func(tx *sql.Tx) error {
		l, err := scanLeave(tx.QueryRowContext(ctx, s.d.rebind(`SELECT `+leaveCols+` FROM leaves WHERE id = ?`), id))
		if err != nil {
			return notFound(err, "请假记录")
		}
		if l.Voided {
			return zhenggai.Errorf(zhenggai.ECONFLICT, "该请假记录已作废")
		}
		l.Version = version
		if err := fn(l); err != nil {
			return err
		}
		if err := s.saveLeave(ctx, tx, l); err != nil {
			return err
		}
		out = l
		return nil
	})
	return out, err
}

// ImportLeaves enters leave requests read from a workbook in one
// transaction: all or none; where names each one's row. A dry run makes
// every check and writes nothing.
func (s *Store) ImportLeaves(ctx context.Context, unitID int64, ls []*zhenggai.Leave, where []string, dryRun bool) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		all := &zhenggai.ValidationError{}
		for i, l := range ls {
			l.ID, l.Version, l.UnitID, l.PersonID = 0, 0, unitID, 0
			err := s.saveLeave(ctx, tx, l)
			if ve, ok := err.(*zhenggai.ValidationError); ok {
				w := ""
				if i < len(where) {
					w = where[i]
				}
				all.Fields = append(all.Fields, prefixed(ve, w).(*zhenggai.ValidationError).Fields...)
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

// LastSignIn is the day of the unit's latest sign-in (zero: none).
func (s *Store) LastSignIn(ctx context.Context, unitID int64) (zhenggai.Date, error) {
	var d sql.NullString
	err := s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT MAX(on_date) FROM sign_ins WHERE unit_id = ?`), unitID).Scan(&d)
	return parseDate(d.String), err
}
