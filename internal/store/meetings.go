package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"zhenggai"
)

// Meetings (会议记录). A meeting is one record: its row is audited, and
// its attendance, items and statements are rewritten with it on each
// save; the row's detail column repeats them, so that its history shows
// what changed.

// MeetingTypes returns the unit's meeting types (the setting
// zhenggai.MeetingTypesSetting, or the defaults).
func (s *Store) MeetingTypes(ctx context.Context, unitID int64) ([]string, error) {
	set, err := s.NamedSettings(ctx, unitID, zhenggai.MeetingTypesSetting)
	if err != nil {
		return nil, err
	}
	return zhenggai.MeetingTypesFrom(set[zhenggai.MeetingTypesSetting]), nil
}

// SaveMeetingTypes stores the unit's meeting types; none returns them to
// the defaults. A type some meeting of the unit uses stays.
func (s *Store) SaveMeetingTypes(ctx context.Context, unitID int64, types []string) error {
	v := &zhenggai.ValidationError{}
	var keep []string
	for _, t := range types {
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		zhenggai.CheckText(v, "types", "会议类型“"+t+"”", t, true, 40)
		keep = append(keep, t)
	}
	if len(keep) > 100 {
		v.Add("types", "会议类型过多（最多100种）")
	}
	if err := v.Err(); err != nil {
		return err
	}
	list := zhenggai.MeetingTypesFrom(strings.Join(keep, "\n"))
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT DISTINCT type FROM meetings WHERE unit_id = ? AND voided_at IS NULL
		UNION SELECT DISTINCT book FROM meetings WHERE unit_id = ? AND voided_at IS NULL`), unitID, unitID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return err
		}
		if !containsStr(list, t) {
			v.Add("types", "本单位已有“"+t+"”的会议记录，不能删去该会议类型")
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if err := v.Err(); err != nil {
		return err
	}
	value := strings.Join(keep, "\n")
	if len(keep) == 0 {
		value = ""
	}
	return s.SaveNamedSettings(ctx, unitID, map[string]string{zhenggai.MeetingTypesSetting: value})
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// SaveMeeting enters a new meeting (ID 0) or saves the changes to one at
// m.Version, with its attendance, items and statements, in one
// transaction. A number not given is the next of its type's book in the
// year; a number already taken is refused. Names are matched to persons
// of the unit's roster: one person, or none (the name stays a name); two
// who bear one name are asked about.
func (s *Store) SaveMeeting(ctx context.Context, m *zhenggai.Meeting) error {
	types, err := s.MeetingTypes(ctx, m.UnitID)
	if err != nil {
		return err
	}
	version, number := m.Version, m.Number // fn may run twice (Store.write)
	return s.write(ctx, func(tx *sql.Tx) error {
		m.Version, m.Number = version, number
		return s.saveMeeting(ctx, tx, m, types, nil, "")
	})
}

// saveMeeting saves m in tx. roster, when given, is the unit's (an import
// reads it once); where prefixes its messages (an import's row).
func (s *Store) saveMeeting(ctx context.Context, tx *sql.Tx, m *zhenggai.Meeting, types []string, roster []*zhenggai.Person, where string) error {
	m.Normalize()
	if m.UnitID <= 0 {
		return zhenggai.Errorf(zhenggai.EINVALID, "请选择所属单位")
	}
	// One save of the unit's meetings at a time, so that two clerks do not
	// both take the next 第N次 (SQLite's writer is alone anyway). NO KEY:
	// the rows that only refer to the unit are not held up.
	if s.d.lockRow() != "" {
		var one int64
		err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT id FROM units WHERE id = ? FOR NO KEY UPDATE`), m.UnitID).Scan(&one)
		if err == sql.ErrNoRows {
			return zhenggai.Errorf(zhenggai.EINVALID, "所属单位不存在")
		}
		if err != nil {
			return err
		}
	}
	var prev *zhenggai.Meeting
	if m.ID != 0 {
		var unit int64
		var voided bool
		err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT unit_id, voided_at IS NOT NULL FROM meetings WHERE id = ?`), m.ID).Scan(&unit, &voided)
		if err != nil || unit != m.UnitID {
			return zhenggai.Errorf(zhenggai.ENOTFOUND, "会议记录不存在")
		}
		if voided {
			return zhenggai.Errorf(zhenggai.ECONFLICT, "该会议记录已作废，不能修改；确需修改的，请单位管理员先恢复")
		}
		if prev, err = s.meeting(ctx, tx, m.ID); err != nil {
			return err
		}
	}
	if roster == nil {
		var err error
		if roster, err = s.persons(ctx, tx, m.UnitID); err != nil {
			return err
		}
	}
	v := &zhenggai.ValidationError{}
	s.resolveMeetingPersons(v, roster, m, prev)
	if m.Number == 0 && prev != nil && prev.Type == m.Type && prev.Date.Year() == m.Date.Year() {
		m.Number = prev.Number // an edit keeps its place in the book
	}
	if m.Number == 0 && m.Date.Valid() && !m.Date.IsZero() && m.Type != "" {
		n, err := s.nextMeetingNumber(ctx, tx, m.UnitID, m.Type, m.Date.Year(), m.ID)
		if err != nil {
			return err
		}
		m.Number = n
	}
	if err := m.Validate(types, zhenggai.DateOf(s.now())); err != nil {
		ve := err.(*zhenggai.ValidationError)
		v.Fields = append(v.Fields, ve.Fields...)
	}
	if err := v.Err(); err != nil {
		return prefixed(v, where)
	}
	// One 第N次 per book and year.
	var other int64
	y := m.Date.Year()
	err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT id FROM meetings WHERE unit_id = ? AND type = ? AND number = ?
		AND date >= ? AND date <= ? AND voided_at IS NULL AND id <> ? LIMIT 1`),
		m.UnitID, m.Type, m.Number, fmt.Sprintf("%04d-01-01", y), fmt.Sprintf("%04d-12-31", y), m.ID).Scan(&other)
	switch {
	case err == nil:
		v.Add("number", fmt.Sprintf("%s已登记，不能重复登记；如是另一次会议，请改正“第几次”", m.Label()))
		return prefixed(v, where)
	case err != sql.ErrNoRows:
		return err
	}
	detail, err := meetingDetail(m)
	if err != nil {
		return err
	}
	cols := `type = ?, book = ?, number = ?, date = ?, place = ?, chair_id = ?, chair_name = ?, recorder = ?,
		non_members = ?, minutes_sha256 = ?, minutes_name = ?, note = ?, detail = ?, sample = ?`
	vals := []any{m.Type, m.Book, m.Number, m.Date.String(), m.Place, nullID(m.ChairID), m.ChairName, m.Recorder,
		m.NonMembers, m.MinutesSHA256, m.MinutesName, m.Note, detail, boolInt(m.Sample)}
	kept := make([]int64, len(m.Items))
	if m.ID == 0 {
		now := s.stamp()
		id, err := s.insertRow(ctx, tx, "meetings", `unit_id, type, book, number, date, place, chair_id, chair_name, recorder,
			non_members, minutes_sha256, minutes_name, note, detail, sample, created_at, version`,
			append(append([]any{m.UnitID}, vals...), now, 1)...)
		if err != nil {
			return err
		}
		m.ID, m.Version, m.CreatedAt = id, 1, parseTime(now)
	} else {
		if err := s.updateRow(ctx, tx, "meetings", m.ID, m.Version, cols, vals...); err != nil {
			return err
		}
		m.Version++
		for _, q := range []string{
			`DELETE FROM meeting_statements WHERE item_id IN (SELECT id FROM meeting_items WHERE meeting_id = ?)`,
			`DELETE FROM meeting_attendance WHERE meeting_id = ?`,
		} {
			if _, err := tx.ExecContext(ctx, s.d.rebind(q), m.ID); err != nil {
				return err
			}
		}
		// Items keep their ids (by id, else by 序号): a voucher's link
		// names one (voucher_links).
		if kept, err = s.keptItems(ctx, tx, m, where); err != nil {
			return err
		}
	}
	for i, a := range m.Attendance {
		_, err := tx.ExecContext(ctx, s.d.rebind(`INSERT INTO meeting_attendance (unit_id, meeting_id, seq, person_id, name, presence, note)
			VALUES (?, ?, ?, ?, ?, ?, ?)`), m.UnitID, m.ID, i+1, nullID(a.PersonID), a.Name, string(a.Presence), a.Note)
		if err != nil {
			return err
		}
	}
	for i := range m.Items {
		it := &m.Items[i]
		id := kept[i]
		var err error
		if id != 0 {
			_, err = tx.ExecContext(ctx, s.d.rebind(`UPDATE meeting_items SET seq = ?, title = ?, kind = ?, amount = ?, decision = ?
				WHERE id = ?`), it.Seq, it.Title, string(it.Kind), int64(it.Amount), it.Decision, id)
		} else {
			err = tx.QueryRowContext(ctx, s.d.rebind(`INSERT INTO meeting_items (unit_id, meeting_id, seq, title, kind, amount, decision)
			VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`), m.UnitID, m.ID, it.Seq, it.Title, string(it.Kind), int64(it.Amount), it.Decision).Scan(&id)
		}
		if err != nil {
			return err
		}
		it.ID = id
		for _, st := range it.Statements {
			_, err := tx.ExecContext(ctx, s.d.rebind(`INSERT INTO meeting_statements (unit_id, item_id, seq, person_id, name, position, summary)
				VALUES (?, ?, ?, ?, ?, ?, ?)`), m.UnitID, id, st.Seq, nullID(st.PersonID), st.Name, string(st.Position), st.Summary)
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// prefixed puts where (an import's "第3行") before each message of v.
func prefixed(v *zhenggai.ValidationError, where string) error {
	if where != "" {
		for i := range v.Fields {
			v.Fields[i].Message = where + v.Fields[i].Message
		}
	}
	return v
}

// meetingDetail is the detail column: the children as JSON, without their
// ids (which change with every save).
func meetingDetail(m *zhenggai.Meeting) (string, error) {
	type st struct {
		Person   int64  `json:"person_id,omitempty"`
		Name     string `json:"name"`
		Position string `json:"position"`
		Summary  string `json:"summary,omitempty"`
	}
	type item struct {
		Title      string `json:"title"`
		Kind       string `json:"kind"`
		Amount     int64  `json:"amount,omitempty"`
		Decision   string `json:"decision,omitempty"`
		Statements []st   `json:"statements,omitempty"`
	}
	d := struct {
		Attendance []zhenggai.Attendance `json:"attendance"`
		Items      []item                `json:"items"`
	}{Attendance: m.Attendance, Items: []item{}}
	if d.Attendance == nil {
		d.Attendance = []zhenggai.Attendance{}
	}
	for _, it := range m.Items {
		x := item{Title: it.Title, Kind: string(it.Kind), Amount: int64(it.Amount), Decision: it.Decision}
		for _, s := range it.Statements {
			x.Statements = append(x.Statements, st{s.PersonID, s.Name, string(s.Position), s.Summary})
		}
		d.Items = append(d.Items, x)
	}
	b, err := json.Marshal(d)
	return string(b), err
}

// resolveMeetingPersons sets the person ids of the chair and the members
// from the roster (a name kept as it was keeps its person), and those of
// the speakers from the members present.
func (s *Store) resolveMeetingPersons(v *zhenggai.ValidationError, roster []*zhenggai.Person, m, prev *zhenggai.Meeting) {
	if prev == nil {
		prev = &zhenggai.Meeting{}
	}
	resolveOne(v, roster, "chair_name", "主持人", &m.ChairName, &m.ChairID, prev.ChairID, prev.ChairName)
	prevID := map[string]int64{}
	for _, a := range prev.Attendance {
		prevID[zhenggai.PersonKey(a.Name)] = a.PersonID
	}
	for i := range m.Attendance {
		a := &m.Attendance[i]
		pk := zhenggai.PersonKey(a.Name)
		resolveOne(v, roster, fmt.Sprintf("attendance.%d.name", i), fmt.Sprintf("应到人员第%d人", i+1), &a.Name, &a.PersonID, prevID[pk], a.Name)
	}
	for i := range m.Items {
		for j := range m.Items[i].Statements {
			st := &m.Items[i].Statements[j]
			if st.PersonID > 0 && st.Name != "" {
				// The name typed decides when it is another member's.
				if a := m.PresentAttendee(st.PersonID, ""); a == nil || zhenggai.PersonKey(a.Name) != zhenggai.PersonKey(st.Name) {
					st.PersonID = 0
				}
			}
			if a := m.PresentAttendee(st.PersonID, st.Name); a != nil {
				st.PersonID, st.Name = a.PersonID, a.Name
			}
		}
	}
}

func (s *Store) nextMeetingNumber(ctx context.Context, tx *sql.Tx, unitID int64, typ string, year int, self int64) (int, error) {
	var n sql.NullInt64
	err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT MAX(number) FROM meetings WHERE unit_id = ? AND type = ?
		AND date >= ? AND date <= ? AND voided_at IS NULL AND id <> ?`), unitID, typ, fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-12-31", year), self).Scan(&n)
	return int(n.Int64) + 1, err
}

const meetingCols = `m.id, m.unit_id, m.type, m.book, m.number, m.date, m.place, COALESCE(m.chair_id, 0), m.chair_name, m.recorder,
	m.non_members, m.minutes_sha256, m.minutes_name, m.note, m.sample, m.created_at, m.version, m.voided_at IS NOT NULL`

func scanMeeting(sc interface{ Scan(...any) error }) (*zhenggai.Meeting, error) {
	var m zhenggai.Meeting
	var date, created string
	var sample int
	err := sc.Scan(&m.ID, &m.UnitID, &m.Type, &m.Book, &m.Number, &date, &m.Place, &m.ChairID, &m.ChairName, &m.Recorder,
		&m.NonMembers, &m.MinutesSHA256, &m.MinutesName, &m.Note, &sample, &created, &m.Version, &m.Voided)
	if err != nil {
		return nil, err
	}
	m.Date, m.CreatedAt, m.Sample = parseDate(date), parseTime(created), sample != 0
	return &m, nil
}

// Meeting returns one meeting whole (voided or not): its attendance in
// order, its items with their statements in speaking order.
func (s *Store) Meeting(ctx context.Context, id int64) (*zhenggai.Meeting, error) {
	return s.meeting(ctx, s.rdb, id)
}

func (s *Store) meeting(ctx context.Context, db queryer, id int64) (*zhenggai.Meeting, error) {
	m, err := scanMeeting(db.QueryRowContext(ctx, s.d.rebind(`SELECT `+meetingCols+` FROM meetings m WHERE m.id = ?`), id))
	if err != nil {
		return nil, notFound(err, "会议记录")
	}
	ms := []*zhenggai.Meeting{m}
	return m, s.meetingChildren(ctx, db, ms, `m.id = ?`, id)
}

// meetingChildren fills the attendance and items of ms, the meetings
// where (on meetings m) selects, in that order of ids.
func (s *Store) meetingChildren(ctx context.Context, db queryer, ms []*zhenggai.Meeting, where string, args ...any) error {
	byID := make(map[int64]*zhenggai.Meeting, len(ms))
	for _, m := range ms {
		byID[m.ID] = m
	}
	rows, err := db.QueryContext(ctx, s.d.rebind(`SELECT a.meeting_id, COALESCE(a.person_id, 0), a.name, a.presence, a.note
		FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id WHERE `+where+` ORDER BY a.meeting_id, a.seq`), args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		var mid int64
		var a zhenggai.Attendance
		var p string
		if err := rows.Scan(&mid, &a.PersonID, &a.Name, &p, &a.Note); err != nil {
			rows.Close()
			return err
		}
		a.Presence = zhenggai.Presence(p)
		if m := byID[mid]; m != nil {
			m.Attendance = append(m.Attendance, a)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	type loc struct {
		m *zhenggai.Meeting
		i int
	}
	items := map[int64]loc{}
	rows, err = db.QueryContext(ctx, s.d.rebind(`SELECT i.meeting_id, i.id, i.seq, i.title, i.kind, i.amount, i.decision
		FROM meeting_items i JOIN meetings m ON m.id = i.meeting_id WHERE `+where+` ORDER BY i.meeting_id, i.seq`), args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		mid, it, err := scanItem(rows)
		if err != nil {
			rows.Close()
			return err
		}
		if m := byID[mid]; m != nil {
			m.Items = append(m.Items, it)
			items[it.ID] = loc{m, len(m.Items) - 1}
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = db.QueryContext(ctx, s.d.rebind(`SELECT st.item_id, st.seq, COALESCE(st.person_id, 0), st.name, st.position, st.summary
		FROM meeting_statements st JOIN meeting_items i ON i.id = st.item_id JOIN meetings m ON m.id = i.meeting_id
		WHERE `+where+` ORDER BY st.item_id, st.seq`), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		iid, st, err := scanStatement(rows)
		if err != nil {
			return err
		}
		if l, ok := items[iid]; ok {
			l.m.Items[l.i].Statements = append(l.m.Items[l.i].Statements, st)
		}
	}
	return rows.Err()
}

// MeetingBook is one type's book in a year (or all years): its count of
// meetings and items.
type MeetingBook struct {
	Type      string
	Meetings  int
	Items     int
	TripleOne int // 三重一大 items
	Elsewhere int // meetings of the type kept in another type's book
	Last      zhenggai.Date
}

// MeetingBooks counts the live meetings of a unit by type, in year (0:
// every year), in the order of the unit's types, then others.
func (s *Store) MeetingBooks(ctx context.Context, unitID int64, year int) ([]*MeetingBook, error) {
	types, err := s.MeetingTypes(ctx, unitID)
	if err != nil {
		return nil, err
	}
	from, to := yearRange(year)
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT m.type, COUNT(*), SUM(CASE WHEN m.book <> m.type THEN 1 ELSE 0 END), MAX(m.date),
		SUM((SELECT COUNT(*) FROM meeting_items i WHERE i.meeting_id = m.id)),
		SUM((SELECT COUNT(*) FROM meeting_items i WHERE i.meeting_id = m.id AND i.kind <> 'ordinary'))
		FROM meetings m WHERE m.unit_id = ? AND m.voided_at IS NULL AND m.date >= ? AND m.date <= ? GROUP BY m.type`), unitID, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byType := map[string]*MeetingBook{}
	for rows.Next() {
		b := &MeetingBook{}
		var last string
		if err := rows.Scan(&b.Type, &b.Meetings, &b.Elsewhere, &last, &b.Items, &b.TripleOne); err != nil {
			return nil, err
		}
		b.Last = parseDate(last)
		byType[b.Type] = b
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var out []*MeetingBook
	for _, t := range types {
		b := byType[t]
		if b == nil {
			b = &MeetingBook{Type: t}
		}
		delete(byType, t)
		out = append(out, b)
	}
	for _, b := range byType { // a type since struck from the list
		out = append(out, b)
	}
	return out, nil
}

func yearRange(year int) (string, string) {
	if year <= 0 {
		return "0000-01-01", "9999-12-31"
	}
	return fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-12-31", year)
}

// MeetingListed is a meeting as a book lists it (without its children).
type MeetingListed struct {
	*zhenggai.Meeting
	Present, Expected int
	Items, TripleOne  int
}

// Meetings lists the live meetings of a unit, of a type ("" for every
// type), in year (0: every year), by date and number.
func (s *Store) Meetings(ctx context.Context, unitID int64, typ string, year int) ([]*MeetingListed, error) {
	from, to := yearRange(year)
	q := `SELECT ` + meetingCols + `,
		(SELECT COUNT(*) FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.presence = 'present'),
		(SELECT COUNT(*) FROM meeting_attendance a WHERE a.meeting_id = m.id),
		(SELECT COUNT(*) FROM meeting_items i WHERE i.meeting_id = m.id),
		(SELECT COUNT(*) FROM meeting_items i WHERE i.meeting_id = m.id AND i.kind <> 'ordinary')
		FROM meetings m WHERE m.unit_id = ? AND m.voided_at IS NULL AND m.date >= ? AND m.date <= ?`
	args := []any{unitID, from, to}
	if typ != "" {
		q += ` AND m.type = ?`
		args = append(args, typ)
	}
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(q+` ORDER BY m.date, m.type, m.number, m.id`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*MeetingListed
	for rows.Next() {
		l := &MeetingListed{Meeting: &zhenggai.Meeting{}}
		var date, created string
		var sample int
		m := l.Meeting
		err := rows.Scan(&m.ID, &m.UnitID, &m.Type, &m.Book, &m.Number, &date, &m.Place, &m.ChairID, &m.ChairName, &m.Recorder,
			&m.NonMembers, &m.MinutesSHA256, &m.MinutesName, &m.Note, &sample, &created, &m.Version, &m.Voided,
			&l.Present, &l.Expected, &l.Items, &l.TripleOne)
		if err != nil {
			return nil, err
		}
		m.Date, m.CreatedAt, m.Sample = parseDate(date), parseTime(created), sample != 0
		out = append(out, l)
	}
	return out, rows.Err()
}

// MeetingsWhole returns the live meetings of a unit, of a type ("" for
// every type), in year (0: every year), each whole, as an export writes
// them.
func (s *Store) MeetingsWhole(ctx context.Context, unitID int64, typ string, year int) ([]*zhenggai.Meeting, error) {
	from, to := yearRange(year)
	where := `m.unit_id = ? AND m.voided_at IS NULL AND m.date >= ? AND m.date <= ?`
	args := []any{unitID, from, to}
	if typ != "" {
		where += ` AND m.type = ?`
		args = append(args, typ)
	}
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT `+meetingCols+` FROM meetings m WHERE `+where+
		` ORDER BY m.date, m.type, m.number, m.id`), args...)
	if err != nil {
		return nil, err
	}
	var out []*zhenggai.Meeting
	for rows.Next() {
		m, err := scanMeeting(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, s.meetingChildren(ctx, s.rdb, out, where, args...)
}

// BookMembers is the attendance a new meeting of a type starts from:
// the members expected at the book's last meeting (all of them, as
// present), else the unit's leaders.
func (s *Store) BookMembers(ctx context.Context, unitID int64, typ string) ([]zhenggai.Attendance, error) {
	var id int64
	err := s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT id FROM meetings WHERE unit_id = ? AND type = ? AND voided_at IS NULL
		ORDER BY date DESC, number DESC, id DESC LIMIT 1`), unitID, typ).Scan(&id)
	var out []zhenggai.Attendance
	switch {
	case err == nil:
		rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT COALESCE(a.person_id, 0), a.name FROM meeting_attendance a
			LEFT JOIN persons p ON p.id = a.person_id WHERE a.meeting_id = ? AND p.voided_at IS NULL ORDER BY a.seq`), id)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			a := zhenggai.Attendance{Presence: zhenggai.Present}
			if err := rows.Scan(&a.PersonID, &a.Name); err != nil {
				return nil, err
			}
			out = append(out, a)
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
		if len(out) > 0 {
			return out, nil
		}
	case err != sql.ErrNoRows:
		return nil, err
	}
	roster, err := s.Persons(ctx, unitID)
	if err != nil {
		return nil, err
	}
	for _, p := range roster {
		if p.Kind == zhenggai.PersonLeader {
			out = append(out, zhenggai.Attendance{PersonID: p.ID, Name: p.Name, Presence: zhenggai.Present})
		}
	}
	return out, nil
}

// MeetingItems returns the live items of a kind (大额资金 for the
// vouchers) of a unit's meetings dated from to to (inclusive; a zero
// date leaves that end open), by meeting date, then item.
func (s *Store) MeetingItems(ctx context.Context, unitID int64, kind zhenggai.ItemKind, from, to zhenggai.Date) ([]*zhenggai.MeetingItemRef, error) {
	f, t := "0000-01-01", "9999-12-31"
	if !from.IsZero() {
		f = from.String()
	}
	if !to.IsZero() {
		t = to.String()
	}
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT i.id, m.id, m.type, m.number, m.date, i.seq, i.title, i.kind, i.amount, i.decision
		FROM meeting_items i JOIN meetings m ON m.id = i.meeting_id
		WHERE m.unit_id = ? AND i.kind = ? AND m.voided_at IS NULL AND m.date >= ? AND m.date <= ?
		ORDER BY m.date, m.id, i.seq`), unitID, string(kind), f, t)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*zhenggai.MeetingItemRef
	for rows.Next() {
		r := &zhenggai.MeetingItemRef{}
		var date, k string
		var amount int64
		if err := rows.Scan(&r.ItemID, &r.MeetingID, &r.Type, &r.Number, &date, &r.Seq, &r.Title, &k, &amount, &r.Decision); err != nil {
			return nil, err
		}
		r.Date, r.Kind, r.Amount = parseDate(date), zhenggai.ItemKind(k), zhenggai.Fen(amount)
		out = append(out, r)
	}
	return out, rows.Err()
}

// errDryRun rolls back a dry run's transaction.
var errDryRun = errors.New("dry run")

// ImportMeetings saves meetings read from a workbook in one transaction:
// all or none. where names each meeting's row for the messages. A dry run
// makes every check, the store's too, and writes nothing.
func (s *Store) ImportMeetings(ctx context.Context, unitID int64, ms []*zhenggai.Meeting, where []string, dryRun bool) error {
	types, err := s.MeetingTypes(ctx, unitID)
	if err != nil {
		return err
	}
	// fn may run twice (Store.write): numbers and ids start from the file.
	numbers := make([]int, len(ms))
	for i, m := range ms {
		numbers[i] = m.Number
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		roster, err := s.persons(ctx, tx, unitID)
		if err != nil {
			return err
		}
		if roster == nil {
			roster = []*zhenggai.Person{}
		}
		all := &zhenggai.ValidationError{}
		for i, m := range ms {
			m.ID, m.Version, m.Number, m.UnitID = 0, 0, numbers[i], unitID
			w := ""
			if i < len(where) {
				w = where[i]
			}
			err := s.saveMeeting(ctx, tx, m, types, roster, w)
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

// SetMeetingMinutes records the scan of a meeting's minutes (a file of the
// evidence store, by its SHA-256, and its name), at the meeting's version.
func (s *Store) SetMeetingMinutes(ctx context.Context, id, version int64, sum, name string) error {
	m := &zhenggai.Meeting{UnitID: 1, MinutesSHA256: sum, MinutesName: name}
	m.Normalize()
	v := &zhenggai.ValidationError{}
	if len(m.MinutesSHA256) != 64 || strings.Trim(m.MinutesSHA256, "0123456789abcdef") != "" {
		v.Add("minutes_sha256", "会议记录扫描件的编号不正确")
	}
	zhenggai.CheckText(v, "minutes_name", "会议记录扫描件的文件名", m.MinutesName, true, 255)
	if err := v.Err(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		return s.updateRow(ctx, tx, "meetings", id, version, `minutes_sha256 = ?, minutes_name = ?`, m.MinutesSHA256, m.MinutesName)
	})
}

// keptItems gives, for each item of m, the id of the stored item it keeps
// (its own id, else the one of its 序号; 0: a new item), and deletes the
// stored items none keeps. An item a voucher's link names (live or
// voided: its history) cannot go; the edit is refused, naming it.
func (s *Store) keptItems(ctx context.Context, tx *sql.Tx, m *zhenggai.Meeting, where string) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, s.d.rebind(`SELECT id, seq FROM meeting_items WHERE meeting_id = ? ORDER BY seq, id`), m.ID)
	if err != nil {
		return nil, err
	}
	bySeq, left := map[int]int64{}, map[int64]bool{}
	for rows.Next() {
		var id int64
		var seq int
		if err := rows.Scan(&id, &seq); err != nil {
			rows.Close()
			return nil, err
		}
		if _, dup := bySeq[seq]; !dup {
			bySeq[seq] = id
		}
		left[id] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	kept := make([]int64, len(m.Items))
	for i, it := range m.Items {
		if left[it.ID] {
			kept[i] = it.ID
			delete(left, it.ID)
		}
	}
	for i, it := range m.Items {
		if id := bySeq[it.Seq]; kept[i] == 0 && left[id] {
			kept[i] = id
			delete(left, id)
		}
	}
	for id := range left {
		var seq, links int
		if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT seq, (SELECT COUNT(*) FROM voucher_links WHERE decision_item_id = ?)
			FROM meeting_items WHERE id = ?`), id, id).Scan(&seq, &links); err != nil {
			return nil, err
		}
		if links > 0 {
			v := &zhenggai.ValidationError{}
			v.Add("items", fmt.Sprintf("原议题%d已被财务凭证关联过，不能删除（可修改其内容）", seq))
			return nil, prefixed(v, where)
		}
		if _, err := tx.ExecContext(ctx, s.d.rebind(`DELETE FROM meeting_items WHERE id = ?`), id); err != nil {
			return nil, err
		}
	}
	return kept, nil
}

// scanItem reads an agenda item as meetingChildren and the
// self-inspection's loader select it: meeting_id, id, seq, title, kind,
// amount, decision.
func scanItem(sc interface{ Scan(...any) error }) (meetingID int64, it zhenggai.AgendaItem, err error) {
	var kind string
	var amount int64
	err = sc.Scan(&meetingID, &it.ID, &it.Seq, &it.Title, &kind, &amount, &it.Decision)
	it.Kind, it.Amount = zhenggai.ItemKind(kind), zhenggai.Fen(amount)
	return meetingID, it, err
}

// scanStatement reads a statement selected as item_id, seq, person_id,
// name, position, summary.
func scanStatement(sc interface{ Scan(...any) error }) (itemID int64, st zhenggai.Statement, err error) {
	var pos string
	err = sc.Scan(&itemID, &st.Seq, &st.PersonID, &st.Name, &pos, &st.Summary)
	st.Position = zhenggai.Position(pos)
	return itemID, st, err
}
