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

	// The CPPCC registers (issue 15), written in one transaction after
	// the dues. Persons are named by name, as above. A proposal's
	// MergedInto indexes Proposals, a reply's AssignmentID its Handlers,
	// a suggestion's MemberID and a liaison post's MemberID CPPCCMembers,
	// each from 1 (0: none).
	CPPCCMembers []BulkCPPCCMember
	Suggestions  []zhenggai.Suggestion
	Townships    []zhenggai.Township
	Proposals    []zhenggai.Proposal

	// Registers (III), issue 16: the private travel ledger's lines and
	// the retired cadres' posts, written in one transaction after the
	// CPPCC registers (bulk_travel.go). Persons are named by name.
	TravelPersons []zhenggai.TravelPerson
	RetiredPosts  []zhenggai.RetiredPost
	// Study (issue 16): notes checks, the person checked and the checker
	// named by name, as above.
	NotesChecks []zhenggai.NotesCheck
	// Archives (issue 16): files with their documents (paper originals or
	// files of the evidence store), written in a transaction of their own
	// after the CPPCC registers.
	Archives []zhenggai.ArchiveFile
	// Attendance and leave (issue 16), written in one transaction after
	// the CPPCC registers: the sign-ins as one import (SignInImportName),
	// the leave requests each an audited row. Persons by name, as above.
	SignIns          []zhenggai.SignIn
	Leaves           []zhenggai.Leave
	SignInImportName string
}

// BulkCPPCCMember is a CPPCC member with his activities.
type BulkCPPCCMember struct {
	zhenggai.CPPCCMember
	Activities []zhenggai.MemberActivity
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
	// The CPPCC registers: proposals and the rows of their cycle
	// (signers, assignments, replies, feedback, documents), members and
	// their activities, suggestions, townships with posts and invitations.
	Proposals, ProposalRows, CPPCCMembers, Activities int64
	Suggestions, Townships, LiaisonRows               int64
	// Registers (III): travel ledger lines, retired cadres' posts.
	TravelPersons, RetiredPosts int64
	// Study: notes checks.
	NotesChecks int64
	// Archives: files and their documents.
	Archives, ArchiveDocs int64
	// Attendance: sign-ins (a person's day) and leave requests.
	SignIns, Leaves int64
}

// Rows is the number of rows in all.
func (c RegisterCounts) Rows() int64 {
	return c.Persons + c.Meetings + c.Attendance + c.Items + c.Statements + c.Vouchers + c.Lines + c.Members + c.Bases + c.Payments +
		c.Proposals + c.ProposalRows + c.CPPCCMembers + c.Activities + c.Suggestions + c.Townships + c.LiaisonRows +
		c.TravelPersons + c.RetiredPosts + c.NotesChecks + c.Archives + c.ArchiveDocs + c.SignIns + c.Leaves
}

// Add adds o to c.
func (c *RegisterCounts) Add(o RegisterCounts) {
	c.Persons += o.Persons
	c.Meetings, c.Attendance, c.Items, c.Statements = c.Meetings+o.Meetings, c.Attendance+o.Attendance, c.Items+o.Items, c.Statements+o.Statements
	c.Vouchers, c.Lines = c.Vouchers+o.Vouchers, c.Lines+o.Lines
	c.Members, c.Bases, c.Payments = c.Members+o.Members, c.Bases+o.Bases, c.Payments+o.Payments
	c.Proposals, c.ProposalRows, c.CPPCCMembers = c.Proposals+o.Proposals, c.ProposalRows+o.ProposalRows, c.CPPCCMembers+o.CPPCCMembers
	c.Activities, c.Suggestions = c.Activities+o.Activities, c.Suggestions+o.Suggestions
	c.Townships, c.LiaisonRows = c.Townships+o.Townships, c.LiaisonRows+o.LiaisonRows
	c.TravelPersons, c.RetiredPosts = c.TravelPersons+o.TravelPersons, c.RetiredPosts+o.RetiredPosts
	c.NotesChecks += o.NotesChecks
	c.Archives, c.ArchiveDocs = c.Archives+o.Archives, c.ArchiveDocs+o.ArchiveDocs
	c.SignIns, c.Leaves = c.SignIns+o.SignIns, c.Leaves+o.Leaves
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
	n.Proposals = int64(len(b.Proposals))
	for _, p := range b.Proposals {
		n.ProposalRows += int64(len(p.Signers) + len(p.Handlers) + len(p.Replies) + len(p.Feedback) + len(p.Documents))
	}
	n.CPPCCMembers = int64(len(b.CPPCCMembers))
	for _, m := range b.CPPCCMembers {
		n.Activities += int64(len(m.Activities))
	}
	n.Suggestions = int64(len(b.Suggestions))
	n.Townships = int64(len(b.Townships))
	for _, t := range b.Townships {
		n.LiaisonRows += int64(len(t.Posts) + len(t.Invitations))
	}
	n.TravelPersons, n.RetiredPosts = int64(len(b.TravelPersons)), int64(len(b.RetiredPosts))
	n.NotesChecks = int64(len(b.NotesChecks))
	n.Archives = int64(len(b.Archives))
	for _, f := range b.Archives {
		n.ArchiveDocs += int64(len(f.Documents))
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
	if err := b.validateCPPCC(); err != nil {
		return err
	}
	return b.validateTravel()
}

func (b *BulkRegisters) validateCPPCC() error {
	for i, p := range b.Proposals {
		if p.Title == "" || p.Year < 1900 || !p.Status.Valid() || p.MergedInto < 0 || p.MergedInto > int64(len(b.Proposals)) {
			return zhenggai.Errorf(zhenggai.EINVALID, "第%d件提案：标题、年度、状态或并入的提案不正确", i+1)
		}
		for _, r := range p.Replies {
			if r.AssignmentID < 0 || r.AssignmentID > int64(len(p.Handlers)) || !r.RepliedOn.Valid() {
				return zhenggai.Errorf(zhenggai.EINVALID, "第%d件提案的答复：承办单位或答复日期不正确", i+1)
			}
		}
		for _, s := range p.Signers {
			if s.Name == "" {
				return zhenggai.Errorf(zhenggai.EINVALID, "第%d件提案：提案人姓名为空", i+1)
			}
		}
	}
	for i, m := range b.CPPCCMembers {
		if m.Name == "" {
			return zhenggai.Errorf(zhenggai.EINVALID, "第%d名政协委员：姓名为空", i+1)
		}
		for _, a := range m.Activities {
			if a.Title == "" || !a.On.Valid() {
				return zhenggai.Errorf(zhenggai.EINVALID, "政协委员%s的履职活动：名称或日期不正确", m.Name)
			}
		}
	}
	for i, s := range b.Suggestions {
		if s.Title == "" || s.Name == "" || !s.On.Valid() || s.MemberID < 0 || s.MemberID > int64(len(b.CPPCCMembers)) {
			return zhenggai.Errorf(zhenggai.EINVALID, "第%d条意见建议：标题、提出人、日期或委员不正确", i+1)
		}
	}
	for _, t := range b.Townships {
		if t.Name == "" {
			return zhenggai.Errorf(zhenggai.EINVALID, "乡镇名称为空")
		}
		for _, p := range t.Posts {
			if p.Name == "" || p.MemberID < 0 || p.MemberID > int64(len(b.CPPCCMembers)) {
				return zhenggai.Errorf(zhenggai.EINVALID, "%s联络组：任职人员姓名或委员不正确", t.Name)
			}
		}
		for _, in := range t.Invitations {
			if in.Title == "" || !in.On.Valid() {
				return zhenggai.Errorf(zhenggai.EINVALID, "%s联络组的受邀活动：名称或日期不正确", t.Name)
			}
		}
	}
	for i, f := range b.Archives {
		if f.Kind == "" || f.Year < 1949 || f.Year > 2200 || !f.EventOn.IsZero() && !f.EventOn.Valid() {
			return zhenggai.Errorf(zhenggai.EINVALID, "第%d卷档案：类别、年度或事项日期不正确", i+1)
		}
		for _, d := range f.Documents {
			if d.Slot == "" || d.SHA256 == "" && !d.Paper {
				return zhenggai.Errorf(zhenggai.EINVALID, "第%d卷档案的材料：材料名称为空，或既无文件也未登记纸质存档", i+1)
			}
		}
	}
	return nil
}

// ImportRegisters writes b: the persons the roster lacks, then the
// meetings, the vouchers, the dues and the CPPCC registers, each in one
// transaction; onStep, if not nil, is called after each (done of 4). IDs
// are filled in.
// If a later register fails, the earlier ones stay.
func (s *Store) ImportRegisters(ctx context.Context, b *BulkRegisters, onStep func(done, total int)) (RegisterCounts, error) {
	var n RegisterCounts
	if err := b.validate(); err != nil {
		return n, err
	}
	step := func(i int) {
		if onStep != nil {
			onStep(i, 4)
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
	if len(b.CPPCCMembers)+len(b.Suggestions)+len(b.Townships)+len(b.Proposals) > 0 {
		if err := s.write(ctx, func(tx *sql.Tx) error { return s.bulkCPPCC(ctx, tx, b, ids) }); err != nil {
			return n, err
		}
	}
	n.Proposals, n.ProposalRows, n.CPPCCMembers, n.Activities = c.Proposals, c.ProposalRows, c.CPPCCMembers, c.Activities
	n.Suggestions, n.Townships, n.LiaisonRows = c.Suggestions, c.Townships, c.LiaisonRows
	if len(b.TravelPersons)+len(b.RetiredPosts) > 0 {
		if err := s.write(ctx, func(tx *sql.Tx) error { return s.bulkTravel(ctx, tx, b, ids) }); err != nil {
			return n, err
		}
	}
	n.TravelPersons, n.RetiredPosts = c.TravelPersons, c.RetiredPosts
	// Study (issue 16), within the last step.
	if len(b.NotesChecks) > 0 {
		if err := s.write(ctx, func(tx *sql.Tx) error { return s.bulkStudy(ctx, tx, b, ids) }); err != nil {
			return n, err
		}
	}
	n.NotesChecks = c.NotesChecks
	if len(b.Archives) > 0 {
		if err := s.write(ctx, func(tx *sql.Tx) error { return s.bulkArchives(ctx, tx, b) }); err != nil {
			return n, err
		}
	}
	n.Archives, n.ArchiveDocs = c.Archives, c.ArchiveDocs
	// Attendance within the last step: a year of a unit's sign-ins is
	// one of its larger writes.
	if len(b.SignIns)+len(b.Leaves) > 0 {
		if err := s.write(ctx, func(tx *sql.Tx) error { return s.bulkAttendance(ctx, tx, b, ids) }); err != nil {
			return n, err
		}
	}
	n.SignIns, n.Leaves = int64(len(b.SignIns)), int64(len(b.Leaves))
	step(4)
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

// bulkAudited writes rows into table with multi-row INSERTs and returns
// their ids in order; before, if not nil, runs with the ids before the
// rows are read back and logged (an update that refers to them).
func (s *Store) bulkAudited(ctx context.Context, tx *sql.Tx, unit int64, table string, cols []string, rows [][]any,
	before func(ids []int64) error) ([]int64, error) {
	if len(rows) == 0 {
		return nil, nil
	}
	after, err := maxID(ctx, tx, table)
	if err != nil {
		return nil, err
	}
	ins := s.newBatch(ctx, tx, table, cols...)
	for _, r := range rows {
		if err := ins.add(r...); err != nil {
			return nil, err
		}
	}
	if err := ins.flush(); err != nil {
		return nil, err
	}
	ids, err := s.newIDs(ctx, tx, table, unit, after, len(rows))
	if err != nil {
		return nil, err
	}
	if before != nil {
		if err := before(ids); err != nil {
			return nil, err
		}
	}
	got := 0
	if err := s.auditNewRows(ctx, tx, table, unit, after, func(map[string]any) error { got++; return nil }); err != nil {
		return nil, err
	}
	if got != len(rows) {
		return nil, fmt.Errorf("bulk: %d rows of %s read back, %d written", got, table, len(rows))
	}
	return ids, ctx.Err()
}

// bulkCPPCC writes the CPPCC registers: members and their activities,
// suggestions, townships with their posts and invitations, proposals with
// their cycle. Persons are linked by name, members by index.
func (s *Store) bulkCPPCC(ctx context.Context, tx *sql.Tx, b *BulkRegisters, ids map[string]int64) error {
	unit, now := b.UnitID, s.stamp()
	who := zhenggai.ActorFrom(ctx).Name
	person := func(name string) int64 { return max(ids[name], 0) }
	var rows [][]any
	for i := range b.CPPCCMembers {
		m := &b.CPPCCMembers[i].CPPCCMember
		m.UnitID, m.Version, m.PersonID = unit, 1, person(m.Name)
		if m.Status == "" {
			m.Status = zhenggai.MemberActive
		}
		rows = append(rows, []any{unit, personID(ids, m.Name), m.Name, m.Term, m.Sector, m.Committee, boolInt(m.Standing),
			string(m.Status), m.JoinedOn.String(), m.LeftOn.String(), m.Township, boolInt(m.Sample), now, 1})
	}
	mids, err := s.bulkAudited(ctx, tx, unit, "cppcc_members", []string{"unit_id", "person_id", "name", "term", "sector", "committee",
		"standing", "status", "joined_on", "left_on", "township", "sample", "created_at", "version"}, rows, nil)
	if err != nil {
		return err
	}
	member := func(i int64) any {
		if i <= 0 {
			return nil
		}
		return mids[i-1]
	}
	rows = nil
	for i := range b.CPPCCMembers {
		m := &b.CPPCCMembers[i]
		m.ID = mids[i]
		for j := range m.Activities {
			a := &m.Activities[j]
			a.UnitID, a.MemberID, a.Version = unit, m.ID, 1
			rows = append(rows, []any{unit, m.ID, string(a.Kind), a.Title, a.On.String(), a.Note, boolInt(a.Sample), now, 1})
		}
	}
	if _, err := s.bulkAudited(ctx, tx, unit, "member_activities", []string{"unit_id", "member_id", "kind", "title", "on_date", "note",
		"sample", "created_at", "version"}, rows, nil); err != nil {
		return err
	}
	rows = nil
	for i := range b.Suggestions {
		g := &b.Suggestions[i]
		mid := member(g.MemberID)
		g.UnitID, g.Version, g.PersonID = unit, 1, person(g.Name)
		if g.Via == "" {
			g.Via = zhenggai.ViaPaper
		}
		rows = append(rows, []any{unit, mid, personID(ids, g.Name), g.Name, string(g.Kind), string(g.Via), g.Title, g.Content,
			g.On.String(), string(g.Adopted), g.AdoptedOn.String(), g.AdoptedBy, g.Instruction, g.InstructedBy, g.InstructedOn.String(),
			boolInt(g.Sample), now, 1})
	}
	sids, err := s.bulkAudited(ctx, tx, unit, "suggestions", []string{"unit_id", "member_id", "person_id", "name", "kind", "via", "title",
		"content", "on_date", "adopted", "adopted_on", "adopted_by", "instruction", "instructed_by", "instructed_on", "sample",
		"created_at", "version"}, rows, nil)
	if err != nil {
		return err
	}
	for i := range b.Suggestions {
		g := &b.Suggestions[i]
		g.ID = sids[i]
		if g.MemberID > 0 {
			g.MemberID = mids[g.MemberID-1]
		}
	}
	if err := s.bulkTownships(ctx, tx, b, ids, member); err != nil {
		return err
	}
	return s.bulkProposals(ctx, tx, b, ids, now, who)
}

func (s *Store) bulkTownships(ctx context.Context, tx *sql.Tx, b *BulkRegisters, ids map[string]int64, member func(int64) any) error {
	unit, now := b.UnitID, s.stamp()
	var rows [][]any
	for i := range b.Townships {
		t := &b.Townships[i]
		t.UnitID, t.Version = unit, 1
		rows = append(rows, []any{unit, t.Name, t.Seq, t.Note, boolInt(t.Sample), now, 1})
	}
	tids, err := s.bulkAudited(ctx, tx, unit, "townships", []string{"unit_id", "name", "seq", "note", "sample", "created_at", "version"}, rows, nil)
	if err != nil {
		return err
	}
	var posts, invs [][]any
	for i := range b.Townships {
		t := &b.Townships[i]
		t.ID = tids[i]
		for j := range t.Posts {
			p := &t.Posts[j]
			posts = append(posts, []any{unit, t.ID, personID(ids, p.Name), member(p.MemberID), p.Name, string(p.Role), p.From.String(), p.To.String(), 1})
		}
		for j := range t.Invitations {
			in := &t.Invitations[j]
			invs = append(invs, []any{unit, t.ID, string(in.Kind), in.Title, in.On.String(), personID(ids, in.Name), in.Name, boolInt(in.Attended), 1})
		}
	}
	if _, err := s.bulkAudited(ctx, tx, unit, "liaison_posts", []string{"unit_id", "township_id", "person_id", "member_id", "name", "role",
		"from_date", "to_date", "version"}, posts, nil); err != nil {
		return err
	}
	_, err = s.bulkAudited(ctx, tx, unit, "liaison_invitations", []string{"unit_id", "township_id", "kind", "title", "on_date", "person_id",
		"name", "attended", "version"}, invs, nil)
	return err
}

func (s *Store) bulkProposals(ctx context.Context, tx *sql.Tx, b *BulkRegisters, ids map[string]int64, now, who string) error {
	if len(b.Proposals) == 0 {
		return nil
	}
	unit := b.UnitID
	var rows [][]any
	for i := range b.Proposals {
		p := &b.Proposals[i]
		p.UnitID, p.Version = unit, 1
		if p.Source == "" {
			p.Source = zhenggai.SourceMember
		}
		if p.Timing == "" {
			p.Timing = zhenggai.TimingSession
		}
		rows = append(rows, []any{unit, p.Session, p.Year, p.Number, p.Title, p.Content, string(p.Source), p.Submitter, string(p.Timing),
			string(p.Status), p.SubmittedOn.String(), p.ReviewedOn.String(), p.Ground, p.ConvertedTo, p.ConsentOn.String(),
			p.AssignedOn.String(), p.DueOn.String(), p.ExtendedTo.String(), p.ExtendReason, boolInt(p.Key), p.KeyLeader, string(p.Class),
			p.DoneOn.String(), boolInt(p.Public), p.NotPublic, boolInt(p.Sample), now, who, 1})
	}
	pids, err := s.bulkAudited(ctx, tx, unit, "proposals", []string{"unit_id", "session", "year", "number", "title", "content", "source",
		"submitter", "timing", "status", "submitted_on", "reviewed_on", "ground", "converted_to", "consent_on", "assigned_on", "due_on",
		"extended_to", "extend_reason", "is_key", "key_leader", "class", "done_on", "public", "not_public_reason", "sample",
		"created_at", "created_by", "version"}, rows, func(pids []int64) error {
		// Merges refer to proposals written with them: set before logging.
		for i := range b.Proposals {
			p := &b.Proposals[i]
			p.ID = pids[i]
		}
		for i := range b.Proposals {
			p := &b.Proposals[i]
			if p.MergedInto > 0 {
				p.MergedInto = pids[p.MergedInto-1]
				if _, err := tx.ExecContext(ctx, s.d.rebind(`UPDATE proposals SET merged_into = ? WHERE id = ?`), p.MergedInto, p.ID); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	_ = pids
	var signers, handlers [][]any
	for i := range b.Proposals {
		p := &b.Proposals[i]
		for j := range p.Signers {
			sg := &p.Signers[j]
			if sg.Seq == 0 {
				sg.Seq = j + 1
			}
			sg.PersonID = max(ids[sg.Name], 0)
			signers = append(signers, []any{unit, p.ID, sg.Seq, personID(ids, sg.Name), sg.Name, sg.InvitedOn.String(), sg.Deadline.String(),
				sg.ConfirmedOn.String(), sg.DeclinedOn.String(), 1})
		}
		for j := range p.Handlers {
			a := &p.Handlers[j]
			handlers = append(handlers, []any{unit, p.ID, nullID(a.HandlerUnitID), a.Handler, string(a.Role), a.AssignedOn.String(),
				a.ReturnedOn.String(), a.ReturnReason, 1})
		}
	}
	if _, err := s.bulkAudited(ctx, tx, unit, "proposal_signers", []string{"unit_id", "proposal_id", "seq", "person_id", "name", "invited_on",
		"deadline", "confirmed_on", "declined_on", "version"}, signers, nil); err != nil {
		return err
	}
	aids, err := s.bulkAudited(ctx, tx, unit, "proposal_assignments", []string{"unit_id", "proposal_id", "handler_unit_id", "handler", "role",
		"assigned_on", "returned_on", "return_reason", "version"}, handlers, nil)
	if err != nil {
		return err
	}
	var replies, feedback, docs [][]any
	k := 0
	for i := range b.Proposals {
		p := &b.Proposals[i]
		first := k
		for j := range p.Handlers {
			p.Handlers[j].ID = aids[k]
			k++
		}
		for j := range p.Replies {
			r := &p.Replies[j]
			if r.AssignmentID > 0 {
				r.AssignmentID = aids[first+int(r.AssignmentID)-1]
			}
			if r.Round == 0 {
				r.Round = 1
			}
			replies = append(replies, []any{unit, p.ID, nullID(r.AssignmentID), r.Round, boolInt(r.CoView), r.RepliedOn.String(), string(r.Class),
				r.Summary, r.LetterSHA256, r.LetterName, r.ReviewedOn.String(), boolInt(r.Approved), r.ReturnReason, now, who, 1})
		}
		for j := range p.Feedback {
			f := &p.Feedback[j]
			if f.Round == 0 {
				f.Round = 1
			}
			f.PersonID = max(ids[f.Name], 0)
			feedback = append(feedback, []any{unit, p.ID, f.Round, personID(ids, f.Name), f.Name, string(f.Result), "", f.ReturnedOn.String(), now, 1})
		}
		for j := range p.Documents {
			d := &p.Documents[j]
			docs = append(docs, []any{unit, p.ID, string(d.Kind), d.SHA256, d.Name, d.On.String(), now, 1})
		}
	}
	if _, err := s.bulkAudited(ctx, tx, unit, "proposal_replies", []string{"unit_id", "proposal_id", "assignment_id", "round", "co_view",
		"replied_on", "class", "summary", "letter_sha256", "letter_name", "reviewed_on", "approved", "return_reason", "created_at",
		"created_by", "version"}, replies, nil); err != nil {
		return err
	}
	if _, err := s.bulkAudited(ctx, tx, unit, "proposal_feedback", []string{"unit_id", "proposal_id", "round", "person_id", "name", "result",
		"answers", "returned_on", "created_at", "version"}, feedback, nil); err != nil {
		return err
	}
	_, err = s.bulkAudited(ctx, tx, unit, "proposal_documents", []string{"unit_id", "proposal_id", "kind", "sha256", "name", "on_date",
		"created_at", "version"}, docs, nil)
	return err
}

// bulkStudy writes the notes checks, each validated as the form's are;
// the person checked and the checker are linked by name.
func (s *Store) bulkStudy(ctx context.Context, tx *sql.Tx, b *BulkRegisters, ids map[string]int64) error {
	now, today := s.stamp(), zhenggai.DateOf(s.now())
	rows := make([][]any, 0, len(b.NotesChecks))
	for i := range b.NotesChecks {
		c := b.NotesChecks[i]
		c.UnitID = b.UnitID
		c.Normalize()
		if err := c.Validate(today); err != nil {
			return fmt.Errorf("学习笔记检查第%d条：%w", i+1, err)
		}
		rows = append(rows, []any{b.UnitID, personID(ids, c.Name), c.Name, personID(ids, c.CheckerName), c.CheckerName, c.On.String(),
			string(c.Period), string(c.Result), c.Remark, boolInt(c.Sample), now, 1})
	}
	_, err := s.bulkAudited(ctx, tx, b.UnitID, "notes_checks", []string{"unit_id", "person_id", "name", "checker_id", "checker_name",
		"on_date", "period", "result", "remark", "sample", "created_at", "version"}, rows, nil)
	return err
}

// bulkArchives writes the archives' files and their documents, each row
// logged.
func (s *Store) bulkArchives(ctx context.Context, tx *sql.Tx, b *BulkRegisters) error {
	unit, now := b.UnitID, s.stamp()
	var rows [][]any
	for i := range b.Archives {
		f := &b.Archives[i]
		f.UnitID, f.Version = unit, 1
		rows = append(rows, []any{unit, f.Kind, f.Year, f.Holder, f.Title, f.EventOn.String(), f.Note, boolInt(f.Sample), now, 1})
	}
	fids, err := s.bulkAudited(ctx, tx, unit, "archive_files", []string{"unit_id", "kind", "year", "holder", "title", "event_on", "note",
		"sample", "created_at", "version"}, rows, nil)
	if err != nil {
		return err
	}
	rows = nil
	for i := range b.Archives {
		f := &b.Archives[i]
		f.ID = fids[i]
		for j := range f.Documents {
			d := &f.Documents[j]
			d.FileID = f.ID
			rows = append(rows, []any{unit, f.ID, d.Slot, d.SHA256, d.Name, d.Size, d.ContentType, boolInt(d.Paper), d.Place, d.CheckedBy,
				d.CheckedOn.String(), d.Defect, now, 1})
		}
	}
	_, err = s.bulkAudited(ctx, tx, unit, "archive_documents", []string{"unit_id", "file_id", "slot", "sha256", "name", "size",
		"content_type", "paper", "place", "checked_by", "checked_on", "defect", "created_at", "version"}, rows, nil)
	return err
}
