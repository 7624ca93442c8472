package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"

	"zhenggai"
)

// Bulk registers: a unit's meetings, vouchers and dues written at once,
// for the demo's sample registers and the synthetic-data generator (gen).
// Each register is one transaction of multi-row INSERTs, as
// ImportRoundWithProgress writes a round. The audited tables (persons,
// meetings, voucher_imports, voucher_links, dues_*) get one entry per row, made from the
// row as read back; vouchers and their lines are logged as one
// voucher_imports row, as the journal's import is.

// BulkRegisters are a unit's registers. Persons are named in the records
// by name: each is linked to the live person of the unit's roster who
// bears it (entered from Persons when none does).
type BulkRegisters struct {
	UnitID   int64
	Persons  []zhenggai.Person // Name, Kind, Rank, Party, Note are read
	Meetings []zhenggai.Meeting
	Vouchers []BulkVoucher
	Members  []BulkMember
	// ImportName is the voucher_imports row's file name.
	ImportName string
}

// BulkVoucher is a voucher and, if an agenda item decided it, which one:
// DecisionMeeting and DecisionItem index Meetings and its Items, from 1
// (0: none). Voucher.Debit totals are computed here.
type BulkVoucher struct {
	zhenggai.Voucher
	DecisionMeeting, DecisionItem int
}

// BulkMember is a dues member with his yearly bases and monthly payments.
type BulkMember struct {
	zhenggai.DuesMember
	Bases    []zhenggai.DuesBase
	Payments []zhenggai.DuesPayment
}

// RegisterCounts are numbers of register rows.
type RegisterCounts struct {
	Persons, Meetings, Attendance, Items, Statements int64
	Vouchers, Lines                                  int64
	Members, Bases, Payments                         int64
}

// Rows is the number of rows in all.
func (c RegisterCounts) Rows() int64 {
	return c.Persons + c.Meetings + c.Attendance + c.Items + c.Statements + c.Vouchers + c.Lines + c.Members + c.Bases + c.Payments
}

// Add adds o to c.
func (c *RegisterCounts) Add(o RegisterCounts) {
	c.Persons += o.Persons
	c.Meetings, c.Attendance, c.Items, c.Statements = c.Meetings+o.Meetings, c.Attendance+o.Attendance, c.Items+o.Items, c.Statements+o.Statements
	c.Vouchers, c.Lines = c.Vouchers+o.Vouchers, c.Lines+o.Lines
	c.Members, c.Bases, c.Payments = c.Members+o.Members, c.Bases+o.Bases, c.Payments+o.Payments
}

// Counts is what b holds (persons not counted: how many are new depends
// on the roster).
func (b *BulkRegisters) Counts() RegisterCounts {
	var n RegisterCounts
	n.Meetings = int64(len(b.Meetings))
	for _, m := range b.Meetings {
		n.Attendance += int64(len(m.Attendance))
		n.Items += int64(len(m.Items))
		for _, it := range m.Items {
			n.Statements += int64(len(it.Statements))
		}
	}
	n.Vouchers = int64(len(b.Vouchers))
	for _, v := range b.Vouchers {
		n.Lines += int64(len(v.Lines))
	}
	n.Members = int64(len(b.Members))
	for _, m := range b.Members {
		n.Bases += int64(len(m.Bases))
		n.Payments += int64(len(m.Payments))
	}
	return n
}

// validate checks what the tables need, before anything is written.
func (b *BulkRegisters) validate() error {
	if b.UnitID <= 0 {
		return zhenggai.Errorf(zhenggai.EINVALID, "登记簿没有所属单位")
	}
	for i, m := range b.Meetings {
		if m.Type == "" || m.Book == "" || !m.Date.Valid() || m.Number < 1 {
			return zhenggai.Errorf(zhenggai.EINVALID, "第%d次会议：会议类型、记录本、次序或日期不完整", i+1)
		}
	}
	for i, v := range b.Vouchers {
		var dr, cr zhenggai.Fen
		for _, l := range v.Lines {
			dr, cr = dr+l.Debit, cr+l.Credit
		}
		if len(v.Lines) == 0 || dr != cr || !v.Date.Valid() || v.Period == "" {
			return zhenggai.Errorf(zhenggai.EINVALID, "凭证%s %s-%d：没有分录、借贷不平或日期不正确", v.Period, v.Word, v.Number)
		}
		if v.DecisionMeeting != 0 {
			if v.DecisionMeeting < 0 || v.DecisionMeeting > len(b.Meetings) || v.DecisionItem < 1 ||
				v.DecisionItem > len(b.Meetings[v.DecisionMeeting-1].Items) {
				return zhenggai.Errorf(zhenggai.EINVALID, "第%d张凭证所依据的会议议题不存在", i+1)
			}
		}
	}
	for _, m := range b.Members {
		if m.Name == "" || m.Kind == "" {
			return zhenggai.Errorf(zhenggai.EINVALID, "党员姓名或类别为空")
		}
	}
	return nil
}

// ImportRegisters writes b: the persons the roster lacks, then the
// meetings, the vouchers and the dues, each register in one transaction;
// onStep, if not nil, is called after each (done of 3). IDs are filled in.
// If a later register fails, the earlier ones stay.
func (s *Store) ImportRegisters(ctx context.Context, b *BulkRegisters, onStep func(done, total int)) (RegisterCounts, error) {
	var n RegisterCounts
	if err := b.validate(); err != nil {
		return n, err
	}
	step := func(i int) {
		if onStep != nil {
			onStep(i, 3)
		}
	}
	var ids map[string]int64
	err := s.write(ctx, func(tx *sql.Tx) (err error) {
		var added int64
		ids, added, err = s.bulkPersons(ctx, tx, b)
		if err != nil {
			return err
		}
		n.Persons = added
		return s.bulkMeetings(ctx, tx, b, ids)
	})
	if err != nil {
		return n, err
	}
	c := b.Counts()
	n.Meetings, n.Attendance, n.Items, n.Statements = c.Meetings, c.Attendance, c.Items, c.Statements
	step(1)
	if len(b.Vouchers) > 0 {
		if err := s.write(ctx, func(tx *sql.Tx) error { return s.bulkVouchers(ctx, tx, b) }); err != nil {
			return n, err
		}
	}
	n.Vouchers, n.Lines = c.Vouchers, c.Lines
	step(2)
	if err := s.write(ctx, func(tx *sql.Tx) error { return s.bulkDues(ctx, tx, b, ids) }); err != nil {
		return n, err
	}
	n.Members, n.Bases, n.Payments = c.Members, c.Bases, c.Payments
	step(3)
	return n, nil
}

// maxID is the highest id of table: what a transaction inserts after it
// reads this has higher ones.
func maxID(ctx context.Context, tx *sql.Tx, table string) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM `+table).Scan(&id)
	return id, err
}

// newIDs reads back the ids of the rows of unit in table above after, in
// order (the order of the INSERTs on both engines), and checks there are
// want of them.
func (s *Store) newIDs(ctx context.Context, tx *sql.Tx, table string, unit, after int64, want int) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, s.d.rebind(`SELECT id FROM `+table+` WHERE unit_id = ? AND id > ? ORDER BY id`), unit, after)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := make([]int64, 0, want)
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(ids) != want {
		return nil, fmt.Errorf("bulk: %d rows of %s read back, %d written", len(ids), table, want)
	}
	return ids, nil
}

// auditNewRows reads back the rows of unit in table above after and
// logs their creation (auditRoundRows, for rows not under a round).
func (s *Store) auditNewRows(ctx context.Context, tx *sql.Tx, table string, unit, after int64, fn func(row map[string]any) error) error {
	return s.auditRowsOf(ctx, tx, table, "unit_id", unit, after, fn)
}

// inOrder returns an fn for auditNewRows that gives the i-th row read its
// id through set(i, id) and checks a key column against want(i).
func inOrder(table, col string, n int, want func(i int) string, set func(i int, id int64)) (func(map[string]any) error, func() error) {
	i := 0
	fn := func(row map[string]any) error {
		if i >= n {
			return fmt.Errorf("bulk: more rows of %s read back than written", table)
		}
		if got := fmt.Sprint(row[col]); got != want(i) {
			return fmt.Errorf("bulk: row %d of %s read back as %s %q, written %q", i, table, col, got, want(i))
		}
		set(i, rowInt(row, "id"))
		i++
		return nil
	}
	done := func() error {
		if i != n {
			return fmt.Errorf("bulk: %d rows of %s read back, %d written", i, table, n)
		}
		return nil
	}
	return fn, done
}

// bulkPersons maps the unit's live persons by name (the first of a name)
// and enters those of b.Persons whose name is not there.
func (s *Store) bulkPersons(ctx context.Context, tx *sql.Tx, b *BulkRegisters) (map[string]int64, int64, error) {
	ids := map[string]int64{}
	rows, err := tx.QueryContext(ctx, s.d.rebind(`SELECT id, name FROM persons WHERE unit_id = ? AND voided_at IS NULL ORDER BY id`), b.UnitID)
	if err != nil {
		return nil, 0, err
	}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			rows.Close()
			return nil, 0, err
		}
		if _, ok := ids[name]; !ok {
			ids[name] = id
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	after, err := maxID(ctx, tx, "persons")
	if err != nil {
		return nil, 0, err
	}
	var add []*zhenggai.Person
	ins := s.newBatch(ctx, tx, "persons", "unit_id", "name", "kind", "rank", "party", "phone", "note", "created_at", "version")
	now := s.stamp()
	for i := range b.Persons {
		p := &b.Persons[i]
		p.Name = strings.TrimSpace(p.Name)
		if _, ok := ids[p.Name]; ok || p.Name == "" {
			continue
		}
		if p.Kind == "" {
			p.Kind = zhenggai.PersonStaff
		}
		p.UnitID, p.Version, p.CreatedAt = b.UnitID, 1, parseTime(now)
		ids[p.Name] = -1 // entered below; once only
		add = append(add, p)
		if err := ins.add(b.UnitID, p.Name, string(p.Kind), p.Rank, p.Party, p.Phone, p.Note, now, 1); err != nil {
			return nil, 0, err
		}
	}
	if err := ins.flush(); err != nil {
		return nil, 0, err
	}
	fn, done := inOrder("persons", "name", len(add), func(i int) string { return add[i].Name },
		func(i int, id int64) { add[i].ID, ids[add[i].Name] = id, id })
	if err := s.auditNewRows(ctx, tx, "persons", b.UnitID, after, fn); err != nil {
		return nil, 0, err
	}
	return ids, int64(len(add)), done()
}

// personID is the roster's id for name, NULL for none.
func personID(ids map[string]int64, name string) any { return nullID(ids[name]) }

// bulkMeetings writes the meetings with their attendance, items and
// statements, and fills in the IDs of meetings and items.
func (s *Store) bulkMeetings(ctx context.Context, tx *sql.Tx, b *BulkRegisters, ids map[string]int64) error {
	if len(b.Meetings) == 0 {
		return nil
	}
	unit := b.UnitID
	after, err := maxID(ctx, tx, "meetings")
	if err != nil {
		return err
	}
	now := s.stamp()
	ins := s.newBatch(ctx, tx, "meetings", "unit_id", "type", "book", "number", "date", "place", "chair_id", "chair_name",
		"recorder", "non_members", "minutes_sha256", "note", "sample", "created_at", "version")
	for i := range b.Meetings {
		m := &b.Meetings[i]
		m.UnitID, m.Version, m.CreatedAt = unit, 1, parseTime(now)
		m.ChairID = ids[m.ChairName]
		if m.ChairID < 0 {
			m.ChairID = 0
		}
		if err := ins.add(unit, m.Type, m.Book, m.Number, m.Date.String(), m.Place, personID(ids, m.ChairName), m.ChairName,
			m.Recorder, m.NonMembers, m.MinutesSHA256, m.Note, boolInt(m.Sample), now, 1); err != nil {
			return err
		}
	}
	if err := ins.flush(); err != nil {
		return err
	}
	fn, done := inOrder("meetings", "date", len(b.Meetings), func(i int) string { return b.Meetings[i].Date.String() },
		func(i int, id int64) { b.Meetings[i].ID = id })
	if err := s.auditNewRows(ctx, tx, "meetings", unit, after, fn); err != nil {
		return err
	}
	if err := done(); err != nil {
		return err
	}

	ins = s.newBatch(ctx, tx, "meeting_attendance", "unit_id", "meeting_id", "seq", "person_id", "name", "presence", "note")
	for i := range b.Meetings {
		m := &b.Meetings[i]
		for j := range m.Attendance {
			a := &m.Attendance[j]
			a.PersonID = max(ids[a.Name], 0)
			if err := ins.add(unit, m.ID, j+1, personID(ids, a.Name), a.Name, string(a.Presence), a.Note); err != nil {
				return err
			}
		}
	}
	if err := ins.flush(); err != nil {
		return err
	}

	afterItems, err := maxID(ctx, tx, "meeting_items")
	if err != nil {
		return err
	}
	var items []*zhenggai.AgendaItem
	ins = s.newBatch(ctx, tx, "meeting_items", "unit_id", "meeting_id", "seq", "title", "kind", "amount", "decision")
	for i := range b.Meetings {
		m := &b.Meetings[i]
		for j := range m.Items {
			it := &m.Items[j]
			if it.Seq == 0 {
				it.Seq = j + 1
			}
			items = append(items, it)
			if err := ins.add(unit, m.ID, it.Seq, it.Title, string(it.Kind), int64(it.Amount), it.Decision); err != nil {
				return err
			}
		}
	}
	if err := ins.flush(); err != nil {
		return err
	}
	itemIDs, err := s.newIDs(ctx, tx, "meeting_items", unit, afterItems, len(items))
	if err != nil {
		return err
	}
	for i, it := range items {
		it.ID = itemIDs[i]
	}

	ins = s.newBatch(ctx, tx, "meeting_statements", "unit_id", "item_id", "seq", "person_id", "name", "position", "summary")
	for _, it := range items {
		for k := range it.Statements {
			st := &it.Statements[k]
			if st.Seq == 0 {
				st.Seq = k + 1
			}
			st.PersonID = max(ids[st.Name], 0)
			if err := ins.add(unit, it.ID, st.Seq, personID(ids, st.Name), st.Name, string(st.Position), st.Summary); err != nil {
				return err
			}
		}
	}
	if err := ins.flush(); err != nil {
		return err
	}
	return ctx.Err()
}

// bulkVouchers writes one voucher_imports row and the vouchers with their
// lines under it. The meetings must be written: a voucher's decision is
// one of their items.
func (s *Store) bulkVouchers(ctx context.Context, tx *sql.Tx, b *BulkRegisters) error {
	unit := b.UnitID
	h := sha256.New()
	var periods []string
	seen := map[string]bool{}
	var lines int
	for i := range b.Vouchers {
		v := &b.Vouchers[i].Voucher
		if !seen[v.Period] {
			seen[v.Period] = true
			periods = append(periods, v.Period)
		}
		lines += len(v.Lines)
		for _, l := range v.Lines {
			fmt.Fprintf(h, "%s,%s-%d,%s,%s,%s,%d,%d,%d,%s,%s,%s\n", v.Date, v.Word, v.Number, l.Summary, l.AccountCode,
				l.AccountName, l.Debit, l.Credit, v.Attachments, v.Maker, v.Approver, v.Poster)
		}
	}
	name := b.ImportName
	if name == "" {
		name = "示例序时账.csv"
	}
	now := s.stamp()
	imp, err := s.insertRow(ctx, tx, "voucher_imports", `unit_id, file_name, sha256, periods, vouchers, lines, imported_by, created_at`,
		unit, name, hex.EncodeToString(h.Sum(nil)), strings.Join(periods, ","), len(b.Vouchers), lines,
		zhenggai.ActorFrom(ctx).Name, now)
	if err != nil {
		return err
	}
	after, err := maxID(ctx, tx, "vouchers")
	if err != nil {
		return err
	}
	ins := s.newBatch(ctx, tx, "vouchers", "unit_id", "import_id", "period", "date", "word", "number", "summary", "attachments",
		"maker", "approver", "poster", "debit", "sample", "version", "imported_at")
	for i := range b.Vouchers {
		bv := &b.Vouchers[i]
		v := &bv.Voucher
		v.UnitID, v.Version, v.ImportedAt = unit, 1, parseTime(now)
		var debit zhenggai.Fen
		for j := range v.Lines {
			debit += v.Lines[j].Debit
		}
		v.DecisionItemID = 0
		if bv.DecisionMeeting > 0 {
			v.DecisionItemID = b.Meetings[bv.DecisionMeeting-1].Items[bv.DecisionItem-1].ID
		}
		if err := ins.add(unit, imp, v.Period, v.Date.String(), v.Word, v.Number, v.Summary, v.Attachments, v.Maker,
			v.Approver, v.Poster, int64(debit), boolInt(v.Sample), 1, now); err != nil {
			return err
		}
	}
	if err := ins.flush(); err != nil {
		return err
	}
	// The links to decisions: their own audited rows (voucher_links.go).
	afterLinks, err := maxID(ctx, tx, "voucher_links")
	if err != nil {
		return err
	}
	var nl, gotLinks int
	ins = s.newBatch(ctx, tx, "voucher_links", "unit_id", "period", "word", "number", "decision_item_id", "linked_by", "created_at", "version")
	for i := range b.Vouchers {
		if v := &b.Vouchers[i].Voucher; v.DecisionItemID != 0 {
			nl++
			if err := ins.add(unit, v.Period, v.Word, v.Number, v.DecisionItemID, zhenggai.ActorFrom(ctx).Name, now, 1); err != nil {
				return err
			}
		}
	}
	if err := ins.flush(); err != nil {
		return err
	}
	if err := s.auditNewRows(ctx, tx, "voucher_links", unit, afterLinks, func(map[string]any) error { gotLinks++; return nil }); err != nil {
		return err
	}
	if gotLinks != nl {
		return fmt.Errorf("voucher_links: %d rows read back, %d written", gotLinks, nl)
	}
	vids, err := s.newIDs(ctx, tx, "vouchers", unit, after, len(b.Vouchers))
	if err != nil {
		return err
	}
	ins = s.newBatch(ctx, tx, "voucher_lines", "unit_id", "voucher_id", "seq", "summary", "account_code", "account_name", "debit", "credit")
	for i := range b.Vouchers {
		v := &b.Vouchers[i].Voucher
		v.ID = vids[i]
		for j := range v.Lines {
			l := &v.Lines[j]
			if l.Seq == 0 {
				l.Seq = j + 1
			}
			if err := ins.add(unit, v.ID, l.Seq, l.Summary, l.AccountCode, l.AccountName, int64(l.Debit), int64(l.Credit)); err != nil {
				return err
			}
		}
	}
	if err := ins.flush(); err != nil {
		return err
	}
	return ctx.Err()
}

// bulkDues writes the members with their bases and payments.
func (s *Store) bulkDues(ctx context.Context, tx *sql.Tx, b *BulkRegisters, ids map[string]int64) error {
	if len(b.Members) == 0 {
		return nil
	}
	unit := b.UnitID
	after, err := maxID(ctx, tx, "dues_members")
	if err != nil {
		return err
	}
	now := s.stamp()
	ins := s.newBatch(ctx, tx, "dues_members", "unit_id", "person_id", "name", "kind", "fixed", "joined", "left_month",
		"sample", "created_at", "version")
	for i := range b.Members {
		m := &b.Members[i].DuesMember
		m.UnitID, m.Version, m.PersonID = unit, 1, max(ids[m.Name], 0)
		if err := ins.add(unit, personID(ids, m.Name), m.Name, string(m.Kind), int64(m.Fixed), m.Joined, m.Left,
			boolInt(m.Sample), now, 1); err != nil {
			return err
		}
	}
	if err := ins.flush(); err != nil {
		return err
	}
	fn, done := inOrder("dues_members", "name", len(b.Members), func(i int) string { return b.Members[i].Name },
		func(i int, id int64) { b.Members[i].ID = id })
	if err := s.auditNewRows(ctx, tx, "dues_members", unit, after, fn); err != nil {
		return err
	}
	if err := done(); err != nil {
		return err
	}

	after, err = maxID(ctx, tx, "dues_bases")
	if err != nil {
		return err
	}
	var nb int
	ins = s.newBatch(ctx, tx, "dues_bases", "unit_id", "member_id", "year", "base", "version")
	for i := range b.Members {
		m := &b.Members[i]
		for j := range m.Bases {
			m.Bases[j].MemberID = m.ID
			nb++
			if err := ins.add(unit, m.ID, m.Bases[j].Year, int64(m.Bases[j].Base), 1); err != nil {
				return err
			}
		}
	}
	if err := ins.flush(); err != nil {
		return err
	}
	count := func(n *int) func(map[string]any) error { return func(map[string]any) error { *n++; return nil } }
	var gotBases int
	if err := s.auditNewRows(ctx, tx, "dues_bases", unit, after, count(&gotBases)); err != nil {
		return err
	}
	if gotBases != nb {
		return fmt.Errorf("bulk: %d dues bases read back, %d written", gotBases, nb)
	}

	after, err = maxID(ctx, tx, "dues_payments")
	if err != nil {
		return err
	}
	var np int
	ins = s.newBatch(ctx, tx, "dues_payments", "unit_id", "member_id", "month", "paid", "paid_on", "version")
	for i := range b.Members {
		m := &b.Members[i]
		for j := range m.Payments {
			p := &m.Payments[j]
			p.MemberID = m.ID
			np++
			paidOn := ""
			if !p.PaidOn.IsZero() {
				paidOn = p.PaidOn.String()
			}
			if err := ins.add(unit, m.ID, p.Month, int64(p.Paid), paidOn, 1); err != nil {
				return err
			}
		}
	}
	if err := ins.flush(); err != nil {
		return err
	}
	var gotPay int
	if err := s.auditNewRows(ctx, tx, "dues_payments", unit, after, count(&gotPay)); err != nil {
		return err
	}
	if gotPay != np {
		return fmt.Errorf("bulk: %d dues payments read back, %d written", gotPay, np)
	}
	return ctx.Err()
}
