package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/bits"
	"runtime"
	"slices"

	"strings"
	"sync"
	"unicode/utf8"

	"zhenggai"
	"zhenggai/internal/selfcheck"
)

// Registers loads what the self-inspection's rules read of one unit for a
// period (every part: RegistersFor with selfcheck.NeedAll).
func (s *Store) Registers(ctx context.Context, unitID int64, p zhenggai.Period) (*selfcheck.Registers, error) {
	return s.RegistersFor(ctx, unitID, p, selfcheck.NeedAll)
}

// RegistersFor loads the parts of a unit's registers that needs name:
// its live meetings from the year before the period on (the reduction
// rule compares a year with the one before); with NeedItems their
// 三重一大 items, the statements on them and the attendance of the
// meetings deciding them; with NeedLarge older 党组会议 大额资金 items
// too (a decision may precede the expense by years). Of the vouchers
// only those a needed rule may flag, with each one's expense and the
// forbidden words its lines name computed in SQL — lines are not
// loaded, a county's five years are a million of them; the lines are
// read at all only for NeedLarge or NeedForbidden. With NeedDues its
// dues members, bases and payments.
func (s *Store) RegistersFor(ctx context.Context, unitID int64, p zhenggai.Period, needs selfcheck.Needs) (*selfcheck.Registers, error) {
	pl, err := s.planRegisters(ctx, unitID, p, needs)
	if err != nil {
		return nil, err
	}
	r := &selfcheck.Registers{Unit: pl.unit, ExpensePrefixes: pl.expense, BudgetPrefixes: pl.budget}
	// The parts at once, each on its own connection and into its own
	// fields: the vouchers' million lines take as long as the rest. The
	// first part needed runs on this goroutine: a new one grows its stack
	// anew in the SQLite driver, which is most of a small part's time.
	var plenary []zhenggai.Meeting
	var parts []func() error
	add := func(need bool, load func() error) {
		if need {
			parts = append(parts, load)
		}
	}
	add(needs&(selfcheck.NeedMeetings|selfcheck.NeedItems|selfcheck.NeedLarge) != 0, func() error { return s.loadMeetings(ctx, r, pl) })
	r.Expenses, r.LineSummaries = map[int64]zhenggai.Fen{}, map[int64][]string{}
	if q, _ := s.vouchersQ(pl); q != "" {
		parts = append(parts, func() error { return s.loadVouchers(ctx, r, pl) })
	}
	add(needs&selfcheck.NeedDues != 0, func() error { return s.loadDues(ctx, r, pl) })
	// The CPPCC registers (issue 15), each into its own fields.
	add(needs&selfcheck.NeedProposals != 0, func() error { return s.loadProposals(ctx, r, pl) })
	add(needs&selfcheck.NeedCPPCCMembers != 0, func() error { return s.loadCPPCCMembers(ctx, r, pl) })
	add(needs&selfcheck.NeedPlenary != 0, func() (err error) { plenary, err = s.loadPlenary(ctx, r, pl); return err })
	add(needs&selfcheck.NeedSuggestions != 0, func() error { return s.loadSuggestions(ctx, r, pl) })
	add(needs&selfcheck.NeedTownships != 0, func() error { return s.loadTownships(ctx, r, pl) })
	add(needs&selfcheck.NeedReports != 0, func() error { return s.loadReports(ctx, r, pl) })
	// Registers (III), issue 16: one line each, into their own fields.
	for _, m := range []struct {
		need selfcheck.Needs
		load func(context.Context, *selfcheck.Registers, *regPlan) error
	}{
		{selfcheck.NeedAttendance, s.loadAttendance},
		{selfcheck.NeedAttendance | selfcheck.NeedCalendar, s.loadCalendar},
		{selfcheck.NeedTravel, s.loadTravel},
		{selfcheck.NeedRetired, s.loadRetiredPosts},
		{selfcheck.NeedStudy, s.loadStudy},
		{selfcheck.NeedArchives, s.loadArchives},
	} {
		add(needs&m.need != 0, func() error { return m.load(ctx, r, pl) })
	}
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	for i := 1; i < len(parts); i++ {
		wg.Go(func() { errs[i] = parts[i]() })
	}
	if len(parts) > 0 {
		errs[0] = parts[0]()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, s.wrapErr(err)
		}
	}
	mergePlenary(r, plenary)
	return r, nil
}

// regPlan is what RegistersFor reads, settled before any register is:
// its queries are built from it (and run bare by the benchmarks).
type regPlan struct {
	unit            *zhenggai.Unit
	unitID          int64
	needs           selfcheck.Needs
	from, to, vfrom string
	words           []string
	vague           []string // 摘要 that name no purpose
	threshold       zhenggai.Fen
	expense, budget []string
	// The CPPCC registers: proposals by the year they count in (the
	// year before the period's too, as meetings), and the meeting types
	// of the plenary and the standing committee (members.plenary_types,
	// members.standing_types).
	yfrom, yto              int
	plenaryTypes, standings []string
	// Study: the unit's study types (planStudy).
	studyTypes []string
}

func (s *Store) planRegisters(ctx context.Context, unitID int64, p zhenggai.Period, needs selfcheck.Needs) (*regPlan, error) {
	u, err := s.Unit(ctx, unitID)
	if err != nil {
		return nil, err
	}
	settings, err := s.NamedSettings(ctx, unitID, "selfcheck.")
	if err != nil {
		return nil, s.wrapErr(err)
	}
	pl := &regPlan{unit: u, unitID: unitID, needs: needs, from: "0000-00-00", to: "9999-12-31", vfrom: "0000-00-00",
		words: selfcheck.ForbiddenWords(settings), threshold: selfcheck.LargeExpenseThreshold(settings),
		vague: selfcheck.VagueSummaries(settings)}
	// The vouchers register's own prefixes: one definition of expense.
	if pl.expense, pl.budget, err = s.VoucherPrefixes(ctx, unitID); err != nil {
		return nil, err
	}
	if !p.Start.IsZero() {
		pl.from = zhenggai.NewDate(p.Start.Year()-1, 1, 1).String()
		pl.vfrom = p.Start.String()
	}
	if !p.End.IsZero() {
		pl.to = p.End.String()
	}
	pl.yfrom, pl.yto = 0, 9999
	if !p.Start.IsZero() {
		pl.yfrom = p.Start.Year() - 1
	}
	if !p.End.IsZero() {
		pl.yto = p.End.Year()
	}
	if needs&selfcheck.NeedPlenary != 0 {
		ms, err := s.NamedSettings(ctx, unitID, "members.")
		if err != nil {
			return nil, s.wrapErr(err)
		}
		pl.plenaryTypes, pl.standings = PlenaryTypes(ms)
	}
	if needs&selfcheck.NeedStudy != 0 {
		if pl.studyTypes, err = s.StudyTypes(ctx, unitID); err != nil {
			return nil, s.wrapErr(err)
		}
	}
	return pl, nil
}

// PlenaryTypes are the meeting types of the plenary (全体会议) and of the
// standing committee (常委会议) from the unit's members.* settings.
func PlenaryTypes(settings map[string]string) (plenary, standing []string) {
	plenary = selfcheck.List(settings["members.plenary_types"])
	if len(plenary) == 0 {
		plenary = []string{"全体会议"}
	}
	standing = selfcheck.List(settings["members.standing_types"])
	if len(standing) == 0 {
		standing = []string{"常委会议"}
	}
	return plenary, standing
}

// RegisterQuery is one query the loader runs, rebound for the backend.
type RegisterQuery struct {
	Name string
	SQL  string
	Args []any
}

// RegistersSQL are the queries RegistersFor runs for needs, in order:
// what a benchmark runs bare beside it.
func (s *Store) RegistersSQL(ctx context.Context, unitID int64, p zhenggai.Period, needs selfcheck.Needs) ([]RegisterQuery, error) {
	pl, err := s.planRegisters(ctx, unitID, p, needs)
	if err != nil {
		return nil, err
	}
	var out []RegisterQuery
	add := func(name string, q string, args []any) {
		out = append(out, RegisterQuery{name, s.d.rebind(q), args})
	}
	if needs&(selfcheck.NeedMeetings|selfcheck.NeedItems|selfcheck.NeedLarge) != 0 {
		q, a := pl.meetingsQ()
		add("meetings", q, a)
		if needs&selfcheck.NeedItems != 0 {
			q, a = pl.attendanceQ()
			add("attendance", q, a)
			q, a = pl.itemsQ()
			add("items", q, a)
			q, a = pl.statementsQ()
			add("statements", q, a)
		}
		if needs&selfcheck.NeedLarge != 0 {
			q, a = pl.olderQ()
			add("older", q, a)
		}
	}
	if q, a := s.vouchersQ(pl); q != "" {
		add("vouchers", q, a)
	}
	if needs&selfcheck.NeedDues != 0 {
		for _, f := range []func() (string, []any){pl.membersQ, pl.basesQ, pl.paymentsQ} {
			q, a := f()
			add("dues", q, a)
		}
	}
	parts := []struct {
		need  selfcheck.Needs
		name  string
		query []func() (string, []any)
	}{
		{selfcheck.NeedProposals, "proposals", []func() (string, []any){pl.proposalsQ, pl.signersQ, pl.assignmentsQ,
			pl.repliesQ, pl.feedbackQ, pl.documentsQ}},
		{selfcheck.NeedCPPCCMembers, "cppcc_members", []func() (string, []any){pl.cppccMembersQ}},
		{selfcheck.NeedPlenary, "plenary", []func() (string, []any){pl.plenaryQ, pl.plenaryAttendanceQ}},
		{selfcheck.NeedSuggestions, "suggestions", []func() (string, []any){pl.suggestionsQ}},
		{selfcheck.NeedTownships, "townships", []func() (string, []any){pl.townshipsQ, pl.postsQ, pl.invitationsQ}},
		{selfcheck.NeedReports, "reports", []func() (string, []any){pl.reportsQ}},
		{selfcheck.NeedTravel, "travel", []func() (string, []any){pl.travelRosterQ, pl.travelQ}},
		{selfcheck.NeedRetired, "retired", []func() (string, []any){pl.retiredQ}},
		{selfcheck.NeedStudy, "study", pl.studyQueries()},
		{selfcheck.NeedArchives, "archives", []func() (string, []any){pl.archiveKindsQ, pl.archiveFilesQ, pl.archiveDocumentsQ}},
		{selfcheck.NeedAttendance, "attendance", pl.attendanceQs()},
		{selfcheck.NeedAttendance | selfcheck.NeedCalendar, "calendar", []func() (string, []any){pl.calendarQ}},
	}
	for _, pt := range parts {
		if needs&pt.need == 0 {
			continue
		}
		for _, f := range pt.query {
			q, a := f()
			add(pt.name, q, a)
		}
	}
	return out, nil
}

// SelfCheck runs every rule over a unit's registers for a period with the
// unit's settings. step, if not nil, is called after each rule.
func (s *Store) SelfCheck(ctx context.Context, unitID int64, p zhenggai.Period, step func(done int)) ([]selfcheck.Finding, error) {
	regs, err := s.RegistersFor(ctx, unitID, p, selfcheck.NeedsOf(selfcheck.Rules))
	if err != nil {
		return nil, err
	}
	settings, err := s.NamedSettings(ctx, unitID, "selfcheck.")
	if err != nil {
		return nil, s.wrapErr(err)
	}
	fs, err := selfcheck.Run(ctx, regs, p, settings, step)
	for i := range fs {
		fs[i].UnitID, fs[i].Unit = unitID, regs.Unit.Name
	}
	return fs, err
}

// SelfCheckUnits runs SelfCheck over each unit, several at once: on
// PostgreSQL four (the server works while the client reads; twelve of the
// pool's sixteen connections), on SQLite one per processor. The findings
// come back per unit in the units' order; done, if not nil, is called
// after each unit with the number done so far, never two calls at once.
func (s *Store) SelfCheckUnits(ctx context.Context, units []zhenggai.Unit, p zhenggai.Period, done func(n int)) ([][]selfcheck.Finding, error) {
	workers := runtime.GOMAXPROCS(0)
	if s.d.name() == "postgres" {
		workers = 4
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	out := make([][]selfcheck.Finding, len(units))
	errs := make([]error, len(units))
	next := make(chan int)
	var mu sync.Mutex
	finished := 0
	var wg sync.WaitGroup
	for range min(workers, len(units)) {
		wg.Go(func() {
			for i := range next {
				out[i], errs[i] = s.SelfCheck(ctx, units[i].ID, p, nil)
				if errs[i] != nil {
					errs[i] = fmt.Errorf("%s：%w", units[i].Name, errs[i])
					cancel() // the others stop at their next query
					continue
				}
				mu.Lock()
				finished++
				if done != nil {
					done(finished)
				}
				mu.Unlock()
			}
		})
	}
feed:
	for i := range units {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	// The first unit that failed for itself, not for being cancelled.
	for _, err := range errs {
		if err != nil && !errors.Is(err, context.Canceled) {
			return nil, err
		}
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

const liveMeetings = ` m.unit_id = ? AND m.voided_at IS NULL AND m.date >= ? AND m.date <= ?`

// The loader reads of each record the fields the rules read (a meeting's
// place, minutes or note are not): twenty thousand meetings, a quarter
// of the time.
func (pl *regPlan) meetingsQ() (string, []any) {
	return `SELECT m.id, m.type, m.book, m.number, m.date, COALESCE(m.chair_id, 0), m.chair_name
		FROM meetings m WHERE` + liveMeetings + ` ORDER BY m.date, m.id`, []any{pl.unitID, pl.from, pl.to}
}

// Every rule reading items reads the 三重一大 ones only, and attendance
// only of the meetings deciding them: ordinary items, and the attendance
// of study sessions and the like, are not read.
func (pl *regPlan) attendanceQ() (string, []any) {
	return `SELECT a.meeting_id, COALESCE(a.person_id, 0), a.name, a.presence
		FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id WHERE` + liveMeetings + `
		AND EXISTS (SELECT 1 FROM meeting_items d WHERE d.meeting_id = m.id AND d.kind <> ?)
		ORDER BY a.meeting_id, a.seq`, []any{pl.unitID, pl.from, pl.to, string(zhenggai.ItemOrdinary)}
}

func (pl *regPlan) itemsQ() (string, []any) {
	return `SELECT i.meeting_id, i.id, i.seq, i.title, i.kind, i.amount, i.decision
		FROM meeting_items i JOIN meetings m ON m.id = i.meeting_id WHERE` + liveMeetings + ` AND i.kind <> ?
		ORDER BY i.meeting_id, i.seq`, []any{pl.unitID, pl.from, pl.to, string(zhenggai.ItemOrdinary)}
}

func (pl *regPlan) statementsQ() (string, []any) {
	return `SELECT st.item_id, st.seq, COALESCE(st.person_id, 0), st.name, st.position, st.summary
		FROM meeting_statements st JOIN meeting_items i ON i.id = st.item_id JOIN meetings m ON m.id = i.meeting_id
		WHERE` + liveMeetings + ` AND i.kind <> ? ORDER BY st.item_id, st.seq`, []any{pl.unitID, pl.from, pl.to, string(zhenggai.ItemOrdinary)}
}

// Older 大额资金 decisions of the 党组会议, items only: they may back an
// expense of the period.
func (pl *regPlan) olderQ() (string, []any) {
	return `SELECT m.id, m.type, m.book, m.number, m.date, i.id, i.seq, i.title, i.amount
		FROM meeting_items i JOIN meetings m ON m.id = i.meeting_id
		WHERE m.unit_id = ? AND m.voided_at IS NULL AND m.date < ? AND m.type = ? AND i.kind = ?
		ORDER BY m.date, m.id, i.seq`, []any{pl.unitID, pl.from, zhenggai.MeetingPartyGroup, string(zhenggai.ItemLargeFund)}
}

func (s *Store) loadMeetings(ctx context.Context, r *selfcheck.Registers, pl *regPlan) error {
	unitID := pl.unitID
	q, args := pl.meetingsQ()
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(q), args...)
	if err != nil {
		return err
	}
	// Rows into small values first, then the meetings at their exact
	// number: growing a slice of twenty thousand large Meeting values (or
	// filling chunks of them) cost half the loader's time.
	type row struct {
		id, chair                  int64
		typ, book, chairName, date string
		number                     int64
	}
	var got chunks[row]
	for rows.Next() {
		g := got.next()
		if err := rows.Scan(&g.id, &g.typ, &g.book, &g.number, &g.date, &g.chair, &g.chairName); err != nil {
			rows.Close()
			return err
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	r.Meetings = make([]zhenggai.Meeting, got.n)
	for i := range r.Meetings {
		g := got.at(i)
		r.Meetings[i] = zhenggai.Meeting{ID: g.id, UnitID: unitID, Type: g.typ, Book: g.book, Number: int(g.number),
			Date: parseDate(g.date), ChairID: g.chair, ChairName: g.chairName}
	}
	if pl.needs&selfcheck.NeedItems != 0 {
		index := make(map[int64]int, len(r.Meetings))
		for i, m := range r.Meetings {
			index[m.ID] = i
		}
		if err := s.loadItems(ctx, r, pl, index); err != nil {
			return err
		}
	}
	if pl.needs&selfcheck.NeedLarge == 0 {
		return nil
	}
	q, args = pl.olderQ()
	rows, err = s.rdb.QueryContext(ctx, s.d.rebind(q), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var older []zhenggai.Meeting
	for rows.Next() {
		var m zhenggai.Meeting
		var it zhenggai.AgendaItem
		var date string
		var amount int64
		if err := rows.Scan(&m.ID, &m.Type, &m.Book, &m.Number, &date, &it.ID, &it.Seq, &it.Title, &amount); err != nil {
			return err
		}
		it.Kind, it.Amount = zhenggai.ItemLargeFund, zhenggai.Fen(amount)
		if n := len(older); n > 0 && older[n-1].ID == m.ID {
			older[n-1].Items = append(older[n-1].Items, it)
			continue
		}
		m.UnitID, m.Date, m.Items = unitID, parseDate(date), []zhenggai.AgendaItem{it}
		older = append(older, m)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	r.Meetings = append(older, r.Meetings...)
	return nil
}

// loadItems reads the 三重一大 items of the loaded meetings, the
// statements on them and the attendance of the meetings deciding them.
func (s *Store) loadItems(ctx context.Context, r *selfcheck.Registers, pl *regPlan, index map[int64]int) error {
	q, args := pl.attendanceQ()
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(q), args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var a zhenggai.Attendance
		var presence string
		if err := rows.Scan(&id, &a.PersonID, &a.Name, &presence); err != nil {
			rows.Close()
			return err
		}
		a.Presence = zhenggai.Presence(presence)
		if i, ok := index[id]; ok {
			r.Meetings[i].Attendance = append(r.Meetings[i].Attendance, a)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}

	// Items, then statements by item.
	type at struct{ m, i int }
	items := map[int64]at{}
	q, args = pl.itemsQ()
	rows, err = s.rdb.QueryContext(ctx, s.d.rebind(q), args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		mid, it, err := scanItem(rows)
		if err != nil {
			rows.Close()
			return err
		}
		if i, ok := index[mid]; ok {
			items[it.ID] = at{i, len(r.Meetings[i].Items)}
			r.Meetings[i].Items = append(r.Meetings[i].Items, it)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	q, args = pl.statementsQ()
	rows, err = s.rdb.QueryContext(ctx, s.d.rebind(q), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		iid, st, err := scanStatement(rows)
		if err != nil {
			return err
		}
		if a, ok := items[iid]; ok {
			it := &r.Meetings[a.m].Items[a.i]
			it.Statements = append(it.Statements, st)
		}
	}
	return rows.Err()
}

// prefixMatch is a SQL condition that col starts with one of prefixes,
// with its arguments; "1 = 0" for none.
func prefixMatch(col string, prefixes []string) (string, []any) {
	var conds []string
	var args []any
	for _, p := range prefixes {
		if p == "" {
			continue
		}
		// substr, not LIKE: no pattern to match, a million lines faster.
		conds = append(conds, fmt.Sprintf("substr(%s, 1, %d) = ?", col, utf8.RuneCountInString(p)))
		args = append(args, p)
	}
	if len(conds) == 0 {
		return "1 = 0", nil
	}
	return "(" + strings.Join(conds, " OR ") + ")", args
}

// VoucherExpenses computes every voucher's expense of a unit dated from
// through to in SQL, as zhenggai.Voucher's Expense does from the lines:
// the debit total on expense accounts, or where the voucher has no line
// on them on budget accounts.
func (s *Store) VoucherExpenses(ctx context.Context, unitID int64, from, to string, expense, budget []string) (map[int64]zhenggai.Fen, error) {
	exp, eargs := prefixMatch("l.account_code", expense)
	bud, bargs := prefixMatch("l.account_code", budget)
	q := `SELECT l.voucher_id,
		CAST(SUM(CASE WHEN ` + exp + ` THEN l.debit ELSE 0 END) AS BIGINT),
		CAST(SUM(CASE WHEN ` + bud + ` THEN l.debit ELSE 0 END) AS BIGINT),
		SUM(CASE WHEN ` + exp + ` THEN 1 ELSE 0 END)
		FROM voucher_lines l JOIN vouchers v ON v.id = l.voucher_id
		WHERE v.unit_id = ? AND v.date >= ? AND v.date <= ? AND (` + exp + ` OR ` + bud + `)
		GROUP BY l.voucher_id`
	var args []any
	args = append(args, eargs...)
	args = append(args, bargs...)
	args = append(args, eargs...)
	args = append(args, unitID, from, to)
	args = append(args, eargs...)
	args = append(args, bargs...)
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(q), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]zhenggai.Fen{}
	for rows.Next() {
		var id, e, b, on int64
		if err := rows.Scan(&id, &e, &b, &on); err != nil {
			return nil, err
		}
		if on == 0 {
			e = b // no line on expense accounts: the budget side
		}
		if e != 0 {
			out[id] = zhenggai.Fen(e)
		}
	}
	return out, rows.Err()
}

// vouchersQ is the one query reading the vouchers some needed rule may
// flag — no approver (NeedUnsigned), no attachments or summary
// (NeedUnsupported), an expense at or above the large-expense threshold
// (NeedLarge), a forbidden word in the voucher's or a line's summary
// (NeedForbidden) — with each one's expense and the forbidden words its
// lines name, all computed in SQL over the lines. The others (most of a
// county's quarter million) are never read; "" when no rule needs
// vouchers.
func (s *Store) vouchersQ(pl *regPlan) (string, []any) {
	needs := pl.needs
	var own []string // conditions on the voucher itself
	var ownArgs []any
	contains := "instr(%s, ?) > 0"
	if s.d.name() == "postgres" {
		contains = "strpos(%s, ?) > 0"
	}
	if needs&selfcheck.NeedUnsigned != 0 {
		own = append(own, "TRIM(%[1]s.approver) = ''")
	}
	if needs&selfcheck.NeedUnsupported != 0 {
		own = append(own, "%[1]s.attachments <= 0", "TRIM(%[1]s.summary) = ''")
		// A 摘要 that names no purpose (报销, 付款 …) is read too.
		for _, w := range pl.vague {
			own = append(own, "TRIM(%[1]s.summary) = ?")
			ownArgs = append(ownArgs, w)
		}
	}
	if needs&selfcheck.NeedForbidden != 0 {
		for _, w := range pl.words {
			own = append(own, fmt.Sprintf(contains, "%[1]s.summary"))
			ownArgs = append(ownArgs, w)
		}
	}
	lines := needs&(selfcheck.NeedLarge|selfcheck.NeedForbidden) != 0
	if len(own) == 0 && !lines {
		return "", nil
	}
	on := func(alias string) string {
		out := make([]string, len(own))
		for i, c := range own {
			out[i] = fmt.Sprintf(c, alias)
		}
		return strings.Join(out, " OR ")
	}
	exp, eargs := prefixMatch("l.account_code", pl.expense)
	bud, bargs := prefixMatch("l.account_code", pl.budget)
	var flagWords []string
	if needs&selfcheck.NeedForbidden != 0 {
		flagWords = pl.words
	}
	// One level: each voucher of the period (in the order of the date
	// index, so neither the grouping nor the order sorts) with its lines.
	var args []any
	cols := `SELECT v.id, v.period, v.date, v.word, v.number, v.summary, v.attachments, v.approver, v.poster,
		` + linkedItem("v") + `,
		CAST(COALESCE(SUM(CASE WHEN ` + exp + ` THEN l.debit ELSE 0 END), 0) AS BIGINT) AS e,
		CAST(COALESCE(SUM(CASE WHEN ` + bud + ` THEN l.debit ELSE 0 END), 0) AS BIGINT) AS b,
		COALESCE(SUM(CASE WHEN ` + exp + ` THEN 1 ELSE 0 END), 0) AS n`
	args = append(args, eargs...)
	args = append(args, bargs...)
	args = append(args, eargs...)
	// The lines whose 摘要 differs from their voucher's (most repeat
	// it: one comparison, no search) and names a forbidden word, their
	// 摘要 joined: the rule looks for the words in them.
	fexpr := "NULL"
	if len(flagWords) > 0 {
		var ws []string
		for _, w := range flagWords {
			ws = append(ws, fmt.Sprintf(contains, "l.summary"))
			args = append(args, w)
		}
		agg := "GROUP_CONCAT(%s, char(10))"
		if s.d.name() == "postgres" {
			agg = "string_agg(%s, chr(10))"
		}
		fexpr = fmt.Sprintf(agg, "CASE WHEN l.summary <> v.summary AND ("+strings.Join(ws, " OR ")+") THEN l.summary END")
	}
	cols += ", " + fexpr
	q := cols + ` FROM vouchers v LEFT JOIN voucher_lines l ON l.voucher_id = v.id
		WHERE v.unit_id = ? AND v.date >= ? AND v.date <= ?`
	args = append(args, pl.unitID, pl.vfrom, pl.to)
	if !lines {
		// Only the flagged vouchers are read, their lines for their expense.
		q += ` AND (` + on("v") + `) GROUP BY v.date, v.id ORDER BY v.date, v.id`
		return q, append(args, ownArgs...)
	}
	// What makes a voucher worth reading.
	var flagged []string
	if len(own) > 0 {
		flagged = append(flagged, on("v"))
		args = append(args, ownArgs...)
	}
	if needs&selfcheck.NeedForbidden != 0 {
		flagged = append(flagged, fexpr+" IS NOT NULL")
		args = append(args, wordArgs(flagWords)...)
	}
	if needs&selfcheck.NeedLarge != 0 {
		flagged = append(flagged, `(CASE WHEN SUM(CASE WHEN `+exp+` THEN 1 ELSE 0 END) > 0
			THEN SUM(CASE WHEN `+exp+` THEN l.debit ELSE 0 END) ELSE SUM(CASE WHEN `+bud+` THEN l.debit ELSE 0 END) END) >= ?`)
		args = append(args, eargs...)
		args = append(args, eargs...)
		args = append(args, bargs...)
		args = append(args, int64(pl.threshold))
	}
	q += ` GROUP BY v.date, v.id HAVING ` + strings.Join(flagged, " OR ") + ` ORDER BY v.date, v.id`
	return q, args
}

func wordArgs(ws []string) []any {
	out := make([]any, len(ws))
	for i, w := range ws {
		out[i] = w
	}
	return out
}

func (s *Store) loadVouchers(ctx context.Context, r *selfcheck.Registers, pl *regPlan) error {
	q, args := s.vouchersQ(pl)
	if q == "" {
		return nil
	}
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(q), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var v zhenggai.Voucher
		var date string
		var e, b, on int64
		var lines sql.NullString
		if err := rows.Scan(&v.ID, &v.Period, &date, &v.Word, &v.Number, &v.Summary, &v.Attachments, &v.Approver,
			&v.Poster, &v.DecisionItemID, &e, &b, &on, &lines); err != nil {
			return err
		}
		v.UnitID, v.Date = pl.unitID, parseDate(date)
		r.Vouchers = append(r.Vouchers, v)
		if on == 0 {
			e = b // no line on expense accounts: the budget side
		}
		if e != 0 {
			r.Expenses[v.ID] = zhenggai.Fen(e)
		}
		if lines.Valid {
			r.LineSummaries[v.ID] = strings.Split(lines.String, "\n")
		}
	}
	return rows.Err()
}

func (pl *regPlan) membersQ() (string, []any) {
	return `SELECT id, COALESCE(person_id, 0), name, kind, fixed, joined, left_month, sample, version
		FROM dues_members WHERE unit_id = ? AND voided_at IS NULL ORDER BY name, id`, []any{pl.unitID}
}

func (pl *regPlan) basesQ() (string, []any) {
	return `SELECT member_id, year, base FROM dues_bases WHERE unit_id = ? ORDER BY member_id, year`, []any{pl.unitID}
}

func (pl *regPlan) paymentsQ() (string, []any) {
	return `SELECT member_id, month, paid, paid_on FROM dues_payments
		WHERE unit_id = ? AND month <= ? ORDER BY member_id, month`, []any{pl.unitID, pl.to[:7]}
}

func (s *Store) loadDues(ctx context.Context, r *selfcheck.Registers, pl *regPlan) error {
	unitID := pl.unitID
	q, args := pl.membersQ()
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(q), args...)
	if err != nil {
		return err
	}
	live := map[int64]bool{}
	for rows.Next() {
		var m zhenggai.DuesMember
		var kind string
		var fixed int64
		var sample int
		if err := rows.Scan(&m.ID, &m.PersonID, &m.Name, &kind, &fixed, &m.Joined, &m.Left, &sample, &m.Version); err != nil {
			rows.Close()
			return err
		}
		m.UnitID, m.Kind, m.Fixed, m.Sample = unitID, zhenggai.DuesKind(kind), zhenggai.Fen(fixed), sample != 0
		live[m.ID] = true
		r.Members = append(r.Members, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	q, args = pl.basesQ()
	rows, err = s.rdb.QueryContext(ctx, s.d.rebind(q), args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		var b zhenggai.DuesBase
		var base int64
		if err := rows.Scan(&b.MemberID, &b.Year, &base); err != nil {
			rows.Close()
			return err
		}
		b.Base = zhenggai.Fen(base)
		if live[b.MemberID] {
			r.Bases = append(r.Bases, b)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	q, args = pl.paymentsQ()
	rows, err = s.rdb.QueryContext(ctx, s.d.rebind(q), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var got chunks[zhenggai.DuesPayment]
	for rows.Next() {
		var id int64
		var month, on string
		var paid int64
		if err := rows.Scan(&id, &month, &paid, &on); err != nil {
			return err
		}
		if live[id] {
			*got.next() = zhenggai.DuesPayment{MemberID: id, Month: month, Paid: zhenggai.Fen(paid), PaidOn: parseDate(on)}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	r.Payments = got.slice()
	return nil
}

// chunks collects values of unknown number without copying them while
// they come: a register's rows are read into it, then into one slice.
type chunks[T any] struct {
	parts [][]T
	n     int
}

// Chunks grow from firstChunk values, doubling, to chunkLen: a register
// of twenty townships must not clear a chunk sized for a million lines
// (that was most of a small rule's time).
const (
	firstChunk = 64
	chunkLen   = 4096
	// growing is how many values the growing chunks hold in all
	// (64+128+…+2048).
	growing = chunkLen - firstChunk
	grown   = 6 // how many growing chunks there are
)

// next is a new zero value at the end.
func (c *chunks[T]) next() *T {
	k := len(c.parts) - 1
	if k < 0 || len(c.parts[k]) == cap(c.parts[k]) {
		size := chunkLen
		if k < grown-1 {
			size = firstChunk << (k + 1)
		}
		c.parts = append(c.parts, make([]T, 0, size))
		k++
	}
	c.parts[k] = c.parts[k][:len(c.parts[k])+1]
	c.n++
	return &c.parts[k][len(c.parts[k])-1]
}

// at is the i-th value.
func (c *chunks[T]) at(i int) *T {
	if i < growing {
		k := bits.Len(uint(i/firstChunk+1)) - 1
		return &c.parts[k][i-firstChunk*((1<<k)-1)]
	}
	i -= growing
	return &c.parts[grown+i/chunkLen][i%chunkLen]
}

// slice is the values in order; nil when there are none.
func (c *chunks[T]) slice() []T {
	if c.n == 0 {
		return nil
	}
	out := make([]T, 0, c.n)
	for _, p := range c.parts {
		out = append(out, p[:min(len(p), c.n-len(out))]...)
	}
	return out
}

// CreateSelfCheckRound turns findings of a unit into a new round of kind
// 自查 in one transaction: a category per area (in selfcheck.Areas'
// order), a problem per finding whose title is the finding's sentence,
// and the finding's records linked to its problem (problem_records) as
// the evidence behind it.
func (s *Store) CreateSelfCheckRound(ctx context.Context, unitID int64, p zhenggai.Period, findings []selfcheck.Finding) (*zhenggai.Round, error) {
	if len(findings) == 0 {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "请至少选择一个自查发现的问题")
	}
	u, err := s.Unit(ctx, unitID)
	if err != nil {
		return nil, err
	}
	per := p.Chinese()
	if per == "" {
		per = "全部期间"
	}
	r := &zhenggai.Round{Unit: u.Name, Place: &zhenggai.UnitPlace{UnitID: u.ID}, Inspector: "本单位自查",
		Kind: zhenggai.KindSelfInspection, FeedbackDate: zhenggai.DateOf(s.now()),
		Note: fmt.Sprintf("自查期间%s，由自查规则发现的%d个问题生成", per, len(findings))}
	if err := r.Validate(); err != nil {
		return nil, err
	}
	byArea := map[string][]selfcheck.Finding{}
	for _, f := range findings {
		byArea[f.Area] = append(byArea[f.Area], f)
	}
	areas := append([]string{}, selfcheck.Areas...)
	for a := range byArea {
		if !slices.Contains(areas, a) {
			areas = append(areas, a)
		}
	}
	for _, f := range findings {
		pb := zhenggai.Problem{Seq: 1, CategoryID: 1, Title: f.Text}
		if err := pb.Validate(); err != nil {
			return nil, err
		}
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		if err := s.createRound(ctx, tx, r); err != nil {
			return err
		}
		seq, n := 0, 0 // problems are numbered through the round
		for _, a := range areas {
			fs := byArea[a]
			if len(fs) == 0 {
				continue
			}
			seq++
			c := &zhenggai.Category{RoundID: r.ID, Seq: seq, Title: a}
			if err := s.createCategory(ctx, tx, c); err != nil {
				return err
			}
			for _, f := range fs {
				n++
				pb := &zhenggai.Problem{CategoryID: c.ID, Seq: n, Title: f.Text}
				if err := s.createProblem(ctx, tx, pb); err != nil {
					return err
				}
				if err := s.insertProblemRecords(ctx, tx, pb, f.Records); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, s.wrapErr(err)
	}
	return r, nil
}

// insertProblemRecords writes a problem's records in one statement; they
// are logged with the round's creation, not one by one.
func (s *Store) insertProblemRecords(ctx context.Context, tx *sql.Tx, pb *zhenggai.Problem, recs []selfcheck.Record) error {
	if len(recs) == 0 {
		return nil
	}
	var vals []string
	var args []any
	for i, rec := range recs {
		vals = append(vals, "(?, ?, ?, ?, ?, ?)")
		args = append(args, pb.UnitID, pb.ID, i+1, rec.Kind, rec.ID, rec.Label)
	}
	_, err := tx.ExecContext(ctx, s.d.rebind(`INSERT INTO problem_records (unit_id, problem_id, seq, kind, record_id, label) VALUES `+
		strings.Join(vals, ", ")), args...)
	return err
}

// ProblemRecords are the records a self-inspection problem was made from.
func (s *Store) ProblemRecords(ctx context.Context, problemID int64) ([]selfcheck.Record, error) {
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT kind, record_id, label FROM problem_records WHERE problem_id = ? ORDER BY seq`), problemID)
	if err != nil {
		return nil, s.wrapErr(err)
	}
	defer rows.Close()
	var out []selfcheck.Record
	for rows.Next() {
		var r selfcheck.Record
		if err := rows.Scan(&r.Kind, &r.ID, &r.Label); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// The CPPCC registers (issue 15): each part read by its own queries, a
// proposal's parts by proposal in the order of its id; of each row the
// columns a rule reads (a member's sector, a suggestion's adoption, an
// invitation's title are not).

const liveProposals = ` p.unit_id = ? AND p.voided_at IS NULL AND p.year >= ? AND p.year <= ?`

func (pl *regPlan) proposalArgs() []any { return []any{pl.unitID, pl.yfrom, pl.yto} }

func (pl *regPlan) proposalsQ() (string, []any) {
	return `SELECT p.id, p.session, p.year, p.number, p.title, p.source, p.status, p.submitted_on, p.assigned_on,
		p.due_on, p.extended_to, p.redo_due_on, p.class, p.done_on FROM proposals p WHERE` + liveProposals + ` ORDER BY p.id`, pl.proposalArgs()
}

func (pl *regPlan) signersQ() (string, []any) {
	return `SELECT s.proposal_id, s.seq, COALESCE(s.person_id, 0), s.name, s.confirmed_on, s.declined_on
		FROM proposal_signers s JOIN proposals p ON p.id = s.proposal_id WHERE` + liveProposals + ` ORDER BY s.proposal_id, s.seq`, pl.proposalArgs()
}

func (pl *regPlan) assignmentsQ() (string, []any) {
	return `SELECT a.proposal_id, a.id, a.handler, a.role, a.assigned_on, a.returned_on
		FROM proposal_assignments a JOIN proposals p ON p.id = a.proposal_id WHERE` + liveProposals + ` ORDER BY a.proposal_id, a.id`, pl.proposalArgs()
}

func (pl *regPlan) repliesQ() (string, []any) {
	return `SELECT r.proposal_id, r.id, COALESCE(r.assignment_id, 0), r.round, r.co_view, r.replied_on, r.class,
		r.letter_sha256, r.approved FROM proposal_replies r JOIN proposals p ON p.id = r.proposal_id WHERE` + liveProposals + `
		ORDER BY r.proposal_id, r.id`, pl.proposalArgs()
}

func (pl *regPlan) feedbackQ() (string, []any) {
	return `SELECT f.proposal_id, f.id, f.round, COALESCE(f.person_id, 0), f.name, f.result, f.returned_on
		FROM proposal_feedback f JOIN proposals p ON p.id = f.proposal_id WHERE` + liveProposals + ` ORDER BY f.proposal_id, f.id`, pl.proposalArgs()
}

func (pl *regPlan) documentsQ() (string, []any) {
	return `SELECT d.proposal_id, d.id, d.kind, d.on_date FROM proposal_documents d JOIN proposals p ON p.id = d.proposal_id
		WHERE` + liveProposals + ` AND d.voided_at IS NULL ORDER BY d.proposal_id, d.id`, pl.proposalArgs()
}

// eachRow runs a loader's query and calls fn for each row.
func (s *Store) eachRow(ctx context.Context, q func() (string, []any), fn func(rows *sql.Rows) error) error {
	sqlText, args := q()
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(sqlText), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// loadParts reads the rows of a record's part (a proposal's signers, a
// meeting's attendance), which come record by record, into one slice of
// their exact number, and gives each record its run of it: a slice grown
// row by row for each of five thousand records was a fifth of the time.
// scan fills a value and says whose it is.
func loadParts[T any](ctx context.Context, s *Store, q func() (string, []any), scan func(rows *sql.Rows, v *T) (int64, error),
	give func(owner int64, part []T)) error {
	var got chunks[T]
	var of []int64 // the owner of each value
	err := s.eachRow(ctx, q, func(rows *sql.Rows) error {
		id, err := scan(rows, got.next())
		of = append(of, id)
		return err
	})
	if err != nil {
		return err
	}
	all := got.slice()
	for start := 0; start < len(all); {
		end := start + 1
		for end < len(all) && of[end] == of[start] {
			end++
		}
		give(of[start], all[start:end:end])
		start = end
	}
	return nil
}

func (s *Store) loadProposals(ctx context.Context, r *selfcheck.Registers, pl *regPlan) error {
	type row struct {
		id                                                               int64
		year                                                             int
		session, number, title, source, status, submitted, assigned, due string
		extended, redo, class, done                                      string
	}
	var got chunks[row]
	err := s.eachRow(ctx, pl.proposalsQ, func(rows *sql.Rows) error {
		g := got.next()
		return rows.Scan(&g.id, &g.session, &g.year, &g.number, &g.title, &g.source, &g.status, &g.submitted, &g.assigned,
			&g.due, &g.extended, &g.redo, &g.class, &g.done)
	})
	if err != nil {
		return err
	}
	ps := make([]zhenggai.Proposal, got.n)
	index := make(map[int64]int, got.n)
	for i := range ps {
		g := got.at(i)
		ps[i] = zhenggai.Proposal{ID: g.id, UnitID: pl.unitID, Session: g.session, Year: g.year, Number: g.number, Title: g.title,
			Source: zhenggai.ProposalSource(g.source), Status: zhenggai.ProposalStatus(g.status), SubmittedOn: parseDate(g.submitted),
			AssignedOn: parseDate(g.assigned), DueOn: parseDate(g.due), ExtendedTo: parseDate(g.extended), RedoDueOn: parseDate(g.redo),
			Class: zhenggai.ReplyClass(g.class), DoneOn: parseDate(g.done)}
		index[g.id] = i
	}
	r.Proposals = ps
	at := func(id int64) *zhenggai.Proposal {
		if i, ok := index[id]; ok {
			return &ps[i]
		}
		return nil
	}
	// The parts of the proposals at once, each on its own connection and
	// into its own field of the proposals.
	signers := func() error {
		var confirmed, declined string
		return loadParts(ctx, s, pl.signersQ, func(rows *sql.Rows, sg *zhenggai.ProposalSigner) (pid int64, err error) {
			err = rows.Scan(&pid, &sg.Seq, &sg.PersonID, &sg.Name, &confirmed, &declined)
			sg.ConfirmedOn, sg.DeclinedOn = parseDate(confirmed), parseDate(declined)
			return pid, err
		}, func(pid int64, part []zhenggai.ProposalSigner) {
			if p := at(pid); p != nil {
				p.Signers = part
			}
		})
	}
	handlers := func() error {
		var role, assigned, returned string
		return loadParts(ctx, s, pl.assignmentsQ, func(rows *sql.Rows, a *zhenggai.ProposalAssignment) (pid int64, err error) {
			err = rows.Scan(&pid, &a.ID, &a.Handler, &role, &assigned, &returned)
			a.Role, a.AssignedOn, a.ReturnedOn = zhenggai.HandlerRole(role), parseDate(assigned), parseDate(returned)
			return pid, err
		}, func(pid int64, part []zhenggai.ProposalAssignment) {
			if p := at(pid); p != nil {
				p.Handlers = part
			}
		})
	}
	replies := func() error {
		var co, approved int
		var on, class string
		return loadParts(ctx, s, pl.repliesQ, func(rows *sql.Rows, rp *zhenggai.ProposalReply) (pid int64, err error) {
			err = rows.Scan(&pid, &rp.ID, &rp.AssignmentID, &rp.Round, &co, &on, &class, &rp.LetterSHA256, &approved)
			rp.CoView, rp.Approved, rp.RepliedOn, rp.Class = co != 0, approved != 0, parseDate(on), zhenggai.ReplyClass(class)
			return pid, err
		}, func(pid int64, part []zhenggai.ProposalReply) {
			if p := at(pid); p != nil {
				p.Replies = part
			}
		})
	}
	feedback := func() error {
		var result, on string
		return loadParts(ctx, s, pl.feedbackQ, func(rows *sql.Rows, f *zhenggai.ProposalFeedback) (pid int64, err error) {
			err = rows.Scan(&pid, &f.ID, &f.Round, &f.PersonID, &f.Name, &result, &on)
			f.Result, f.ReturnedOn = zhenggai.FeedbackResult(result), parseDate(on)
			return pid, err
		}, func(pid int64, part []zhenggai.ProposalFeedback) {
			if p := at(pid); p != nil {
				p.Feedback = part
			}
		})
	}
	documents := func() error {
		var kind, on string
		return loadParts(ctx, s, pl.documentsQ, func(rows *sql.Rows, d *zhenggai.ProposalDocument) (pid int64, err error) {
			err = rows.Scan(&pid, &d.ID, &kind, &on)
			d.Kind, d.On = zhenggai.ProposalDocKind(kind), parseDate(on)
			return pid, err
		}, func(pid int64, part []zhenggai.ProposalDocument) {
			if p := at(pid); p != nil {
				p.Documents = part
			}
		})
	}
	var wg sync.WaitGroup
	parts := []func() error{signers, handlers, replies, feedback, documents}
	errs := make([]error, len(parts))
	for i, load := range parts[1:] {
		wg.Go(func() { errs[i+1] = load() })
	}
	errs[0] = parts[0]() // on this goroutine, whose stack is grown
	wg.Wait()
	return errors.Join(errs...)
}

func (pl *regPlan) cppccMembersQ() (string, []any) {
	return `SELECT COUNT(*) OVER (), id, COALESCE(person_id, 0), name, standing, status, joined_on, left_on
		FROM cppcc_members WHERE unit_id = ? AND voided_at IS NULL ORDER BY id`, []any{pl.unitID}
}

// loadCPPCCMembers reads the members; not their activities, which no
// rule reads (a county's five years are three thousand of them).
func (s *Store) loadCPPCCMembers(ctx context.Context, r *selfcheck.Registers, pl *regPlan) error {
	// One value scanned into, outside the loop: a value per row would
	// escape to the heap with each of its fields. The rows come with
	// their number (countedCap), so the slice is made once.
	var m selfcheck.CPPCCMember
	var n, standing int64
	var status, joined, left string
	return s.eachRow(ctx, pl.cppccMembersQ, func(rows *sql.Rows) error {
		if err := rows.Scan(&n, &m.ID, &m.PersonID, &m.Name, &standing, &status, &joined, &left); err != nil {
			return err
		}
		m.Standing, m.Status, m.JoinedOn, m.LeftOn = standing != 0, zhenggai.MemberStatus(status), parseDate(joined), parseDate(left)
		if r.CPPCCMembers == nil {
			r.CPPCCMembers = make([]selfcheck.CPPCCMember, 0, countedCap(n))
		}
		r.CPPCCMembers = append(r.CPPCCMembers, m)
		return nil
	})
}

// countedCap is the capacity for a register whose query counts its rows
// (COUNT(*) OVER ()): its number, within reason — more rows than it says
// are appended as usual.
func countedCap(n int64) int { return int(min(max(n, 0), 1<<16)) }

// inList is "(?, ?, …)" for n values.
func inList(n int) string { return "(" + strings.TrimSuffix(strings.Repeat("?, ", n), ", ") + ")" }

func (pl *regPlan) plenaryArgs() []any {
	args := []any{pl.unitID, pl.from, pl.to}
	for _, t := range append(slices.Clone(pl.plenaryTypes), pl.standings...) {
		args = append(args, t)
	}
	return args
}

// plenaryQ reads the plenary and standing committee meetings; their
// attendance is read whole (plenaryAttendanceQ): whom it counts is what
// the member rules read.
func (pl *regPlan) plenaryQ() (string, []any) {
	return `SELECT m.id, m.type, m.book, m.number, m.date, COALESCE(m.chair_id, 0), m.chair_name FROM meetings m
		WHERE` + liveMeetings + ` AND m.type IN ` + inList(len(pl.plenaryTypes)+len(pl.standings)) + ` ORDER BY m.date, m.id`, pl.plenaryArgs()
}

func (pl *regPlan) plenaryAttendanceQ() (string, []any) {
	return `SELECT a.meeting_id, COALESCE(a.person_id, 0), a.name, a.presence
		FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id WHERE` + liveMeetings + `
		AND m.type IN ` + inList(len(pl.plenaryTypes)+len(pl.standings)) + ` ORDER BY a.meeting_id, a.seq`, pl.plenaryArgs()
}

// loadPlenary reads the plenary and standing committee meetings with
// their attendance and marks them in r.Plenary (true: a plenary); they
// join r.Meetings once every part is read (mergePlenary). The meetings
// and the attendance are read at once, each on its own connection, into
// chunks of small rows, then into slices of their exact size: growing a
// slice of large Meeting values, or each meeting's attendance one row at
// a time, was a third of the time. A meeting's attendance is a part of
// one slice of every meeting's (the rows come meeting by meeting).
func (s *Store) loadPlenary(ctx context.Context, r *selfcheck.Registers, pl *regPlan) ([]zhenggai.Meeting, error) {
	type mrow struct {
		id, chair, number          int64
		typ, book, chairName, date string
	}
	var got chunks[mrow]
	meetings := func() error {
		return s.eachRow(ctx, pl.plenaryQ, func(rows *sql.Rows) error {
			g := got.next()
			return rows.Scan(&g.id, &g.typ, &g.book, &g.number, &g.date, &g.chair, &g.chairName)
		})
	}
	attendance := map[int64][]zhenggai.Attendance{}
	attend := func() error {
		// A few hundred names and four presences over tens of thousands
		// of rows: each string made once.
		names := map[string]string{}
		var name, presence sql.RawBytes
		return loadParts(ctx, s, pl.plenaryAttendanceQ, func(rows *sql.Rows, a *zhenggai.Attendance) (id int64, err error) {
			if err := rows.Scan(&id, &a.PersonID, &name, &presence); err != nil {
				return 0, err
			}
			n, ok := names[string(name)]
			if !ok {
				n = string(name)
				names[n] = n
			}
			a.Name, a.Presence = n, presenceOf(presence)
			return id, nil
		}, func(id int64, part []zhenggai.Attendance) { attendance[id] = part })
	}
	var errM, errA error
	var wg sync.WaitGroup
	wg.Go(func() { errM = meetings() })
	errA = attend()
	wg.Wait()
	if err := errors.Join(errM, errA); err != nil {
		return nil, err
	}
	ms := make([]zhenggai.Meeting, got.n)
	r.Plenary = make(map[int64]bool, got.n)
	for i := range ms {
		g := got.at(i)
		ms[i] = zhenggai.Meeting{ID: g.id, UnitID: pl.unitID, Type: g.typ, Book: g.book, Number: int(g.number),
			Date: parseDate(g.date), ChairID: g.chair, ChairName: g.chairName, Attendance: attendance[g.id]}
		r.Plenary[g.id] = slices.Contains(pl.plenaryTypes, g.typ)
	}
	return ms, nil
}

// presenceOf is a presence read as bytes, without a string made for
// each row.
func presenceOf(b []byte) zhenggai.Presence {
	switch string(b) {
	case string(zhenggai.Present):
		return zhenggai.Present
	case string(zhenggai.OnLeave):
		return zhenggai.OnLeave
	case string(zhenggai.WrittenView):
		return zhenggai.WrittenView
	case string(zhenggai.AbsentNoLeave):
		return zhenggai.AbsentNoLeave
	}
	return zhenggai.Presence(string(b))
}

// mergePlenary gives the loaded meetings the plenary ones' attendance, or
// adds those not loaded (when no rule needed the meetings themselves).
func mergePlenary(r *selfcheck.Registers, plenary []zhenggai.Meeting) {
	if len(plenary) == 0 {
		return
	}
	if len(r.Meetings) == 0 {
		r.Meetings = plenary
		return
	}
	index := make(map[int64]int, len(r.Meetings))
	for i, m := range r.Meetings {
		index[m.ID] = i
	}
	var missing int
	for _, m := range plenary {
		i, ok := index[m.ID]
		if !ok {
			missing++
			continue
		}
		if len(r.Meetings[i].Attendance) == 0 {
			r.Meetings[i].Attendance = m.Attendance
		}
	}
	if missing == 0 {
		return
	}
	r.Meetings = slices.Grow(r.Meetings, missing)
	for _, m := range plenary {
		if _, ok := index[m.ID]; !ok {
			r.Meetings = append(r.Meetings, m)
		}
	}
}

// suggestionsQ reads the suggestions put on the platform (政协云), the
// only ones a rule counts, without their titles, which none reads.
func (pl *regPlan) suggestionsQ() (string, []any) {
	return `SELECT COUNT(*) OVER (), id, COALESCE(member_id, 0), COALESCE(person_id, 0), name, kind, via, on_date
		FROM suggestions WHERE unit_id = ? AND voided_at IS NULL AND via = ? AND on_date >= ? AND on_date <= ? ORDER BY on_date, id`,
		[]any{pl.unitID, string(zhenggai.ViaPlatform), pl.from, pl.to}
}

func (s *Store) loadSuggestions(ctx context.Context, r *selfcheck.Registers, pl *regPlan) error {
	var g selfcheck.Suggestion // as the members'
	var n int64
	var kind, via, on string
	return s.eachRow(ctx, pl.suggestionsQ, func(rows *sql.Rows) error {
		if err := rows.Scan(&n, &g.ID, &g.MemberID, &g.PersonID, &g.Name, &kind, &via, &on); err != nil {
			return err
		}
		g.Kind, g.Via, g.On = zhenggai.SuggestionKind(kind), zhenggai.SuggestionVia(via), parseDate(on)
		if r.Suggestions == nil {
			r.Suggestions = make([]selfcheck.Suggestion, 0, countedCap(n))
		}
		r.Suggestions = append(r.Suggestions, g)
		return nil
	})
}

func (pl *regPlan) townshipsQ() (string, []any) {
	return `SELECT id, name, seq, since FROM townships WHERE unit_id = ? AND voided_at IS NULL ORDER BY seq, id`, []any{pl.unitID}
}

// Posts are read whole (a vacancy is counted from the last leader's
// leaving, years before); invitations of the period.
func (pl *regPlan) postsQ() (string, []any) {
	return `SELECT l.township_id, l.id, COALESCE(l.person_id, 0), COALESCE(l.member_id, 0), l.name, l.role, l.from_date, l.to_date
		FROM liaison_posts l JOIN townships t ON t.id = l.township_id
		WHERE t.unit_id = ? AND t.voided_at IS NULL ORDER BY l.township_id, l.from_date, l.id`, []any{pl.unitID}
}

func (pl *regPlan) invitationsQ() (string, []any) {
	return `SELECT i.township_id, i.id, i.kind, i.on_date, COALESCE(i.person_id, 0), i.name
		FROM liaison_invitations i JOIN townships t ON t.id = i.township_id
		WHERE t.unit_id = ? AND t.voided_at IS NULL AND i.on_date >= ? AND i.on_date <= ?
		ORDER BY i.township_id, i.on_date, i.id`, []any{pl.unitID, pl.from, pl.to}
}

func (s *Store) loadTownships(ctx context.Context, r *selfcheck.Registers, pl *regPlan) error {
	type post struct {
		tid int64
		p   zhenggai.LiaisonPost
	}
	type invitation struct {
		tid int64
		in  zhenggai.LiaisonInvitation
	}
	var posts []post
	var invs []invitation
	townships := func() error {
		return s.eachRow(ctx, pl.townshipsQ, func(rows *sql.Rows) error {
			var t zhenggai.Township
			var since string
			if err := rows.Scan(&t.ID, &t.Name, &t.Seq, &since); err != nil {
				return err
			}
			t.UnitID, t.Since = pl.unitID, parseDate(since)
			r.Townships = append(r.Townships, t)
			return nil
		})
	}
	leaders := func() error {
		return s.eachRow(ctx, pl.postsQ, func(rows *sql.Rows) error {
			var g post
			var role, from, to string
			if err := rows.Scan(&g.tid, &g.p.ID, &g.p.PersonID, &g.p.MemberID, &g.p.Name, &role, &from, &to); err != nil {
				return err
			}
			g.p.Role, g.p.From, g.p.To = zhenggai.LiaisonRole(role), parseDate(from), parseDate(to)
			posts = append(posts, g)
			return nil
		})
	}
	invitations := func() error {
		return s.eachRow(ctx, pl.invitationsQ, func(rows *sql.Rows) error {
			var g invitation
			var kind, on string
			if err := rows.Scan(&g.tid, &g.in.ID, &kind, &on, &g.in.PersonID, &g.in.Name); err != nil {
				return err
			}
			g.in.Kind, g.in.On = zhenggai.InvitationKind(kind), parseDate(on)
			invs = append(invs, g)
			return nil
		})
	}
	// One after the other: at once, on three connections, they took
	// half as long again (a few dozen rows each, the statements' preparing
	// is the time, and it is CPU).
	errT, errP, errI := townships(), leaders(), invitations()
	if err := errors.Join(errT, errP, errI); err != nil {
		return err
	}
	index := make(map[int64]int, len(r.Townships))
	for i, t := range r.Townships {
		index[t.ID] = i
	}
	for _, g := range posts {
		if i, ok := index[g.tid]; ok {
			r.Townships[i].Posts = append(r.Townships[i].Posts, g.p)
		}
	}
	for _, g := range invs {
		if i, ok := index[g.tid]; ok {
			r.Townships[i].Invitations = append(r.Townships[i].Invitations, g.in)
		}
	}
	return nil
}

// reportsQ reads the unit's publications that are public (approved, not
// withdrawn): the progress reports whose figures a rule checks.
func (pl *regPlan) reportsQ() (string, []any) {
	return `SELECT id, title, as_of, body FROM publications WHERE unit_id = ? AND state = ? AND withdrawn = 0 ORDER BY id`,
		[]any{pl.unitID, string(zhenggai.PublicationPublished)}
}

func (s *Store) loadReports(ctx context.Context, r *selfcheck.Registers, pl *regPlan) error {
	return s.eachRow(ctx, pl.reportsQ, func(rows *sql.Rows) error {
		var rep selfcheck.Report
		var on, body string
		if err := rows.Scan(&rep.ID, &rep.Title, &on, &body); err != nil {
			return err
		}
		rep.Kind, rep.On, rep.Text = "publication", parseDate(on), selfcheck.ReportText(body)
		r.Reports = append(r.Reports, rep)
		return nil
	})
}
