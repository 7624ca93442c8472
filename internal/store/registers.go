package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"strings"
	"unicode/utf8"

	"zhenggai"
	"zhenggai/internal/selfcheck"
)

// Registers loads what the self-inspection's rules read of one unit for a
// period: its live meetings (with their 三重一大 items, the statements on
// them and, where there are such items, attendance) from
// the year before the period on (the reduction rule compares a year with
// the one before), and older 党组会议 大额资金 items (a decision may
// precede the expense by years); of its vouchers only those a rule may
// flag, with each one's expense and the forbidden words its lines name
// computed in SQL — lines are not loaded, a county's five years are a
// million of them; its dues members, bases and payments.
func (s *Store) Registers(ctx context.Context, unitID int64, p zhenggai.Period) (*selfcheck.Registers, error) {
	u, err := s.Unit(ctx, unitID)
	if err != nil {
		return nil, err
	}
	settings, err := s.NamedSettings(ctx, unitID, "selfcheck.")
	if err != nil {
		return nil, s.wrapErr(err)
	}
	r := &selfcheck.Registers{Unit: u}
	// The vouchers register's own prefixes: one definition of expense.
	if r.ExpensePrefixes, r.BudgetPrefixes, err = s.VoucherPrefixes(ctx, unitID); err != nil {
		return nil, err
	}
	from, to := "0000-00-00", "9999-12-31"
	if !p.Start.IsZero() {
		from = zhenggai.NewDate(p.Start.Year()-1, 1, 1).String()
	}
	if !p.End.IsZero() {
		to = p.End.String()
	}
	if err := s.loadMeetings(ctx, r, unitID, from, to); err != nil {
		return nil, s.wrapErr(err)
	}
	vfrom := "0000-00-00"
	if !p.Start.IsZero() {
		vfrom = p.Start.String()
	}
	threshold := selfcheck.LargeExpenseThreshold(settings)
	if err := s.loadVouchers(ctx, r, unitID, vfrom, to, selfcheck.ForbiddenWords(settings), threshold); err != nil {
		return nil, s.wrapErr(err)
	}
	if err := s.loadDues(ctx, r, unitID, to); err != nil {
		return nil, s.wrapErr(err)
	}
	return r, nil
}

// SelfCheck runs every rule over a unit's registers for a period with the
// unit's settings. step, if not nil, is called after each rule.
func (s *Store) SelfCheck(ctx context.Context, unitID int64, p zhenggai.Period, step func(done int)) ([]selfcheck.Finding, error) {
	regs, err := s.Registers(ctx, unitID, p)
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

func (s *Store) loadMeetings(ctx context.Context, r *selfcheck.Registers, unitID int64, from, to string) error {
	live := ` m.unit_id = ? AND m.voided_at IS NULL AND m.date >= ? AND m.date <= ?`
	// Every rule reading items reads the 三重一大 ones only, and
	// attendance only of the meetings deciding them: ordinary items, and
	// the attendance of study sessions and the like, are not read.
	ordinary := string(zhenggai.ItemOrdinary)
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT m.id, m.type, m.book, m.number, m.date, m.place,
		COALESCE(m.chair_id, 0), m.chair_name, m.recorder, m.non_members, m.minutes_sha256, m.note, m.sample, m.version, m.created_at
		FROM meetings m WHERE`+live+` ORDER BY m.date, m.id`), unitID, from, to)
	if err != nil {
		return err
	}
	index := map[int64]int{}
	for rows.Next() {
		var m zhenggai.Meeting
		var date, created string
		var sample int
		if err := rows.Scan(&m.ID, &m.Type, &m.Book, &m.Number, &date, &m.Place, &m.ChairID, &m.ChairName, &m.Recorder,
			&m.NonMembers, &m.MinutesSHA256, &m.Note, &sample, &m.Version, &created); err != nil {
			rows.Close()
			return err
		}
		m.UnitID, m.Date, m.Sample, m.CreatedAt = unitID, parseDate(date), sample != 0, parseTime(created)
		index[m.ID] = len(r.Meetings)
		r.Meetings = append(r.Meetings, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}

	rows, err = s.rdb.QueryContext(ctx, s.d.rebind(`SELECT a.meeting_id, COALESCE(a.person_id, 0), a.name, a.presence, a.note
		FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id WHERE`+live+`
		AND EXISTS (SELECT 1 FROM meeting_items d WHERE d.meeting_id = m.id AND d.kind <> ?)
		ORDER BY a.meeting_id, a.seq`), unitID, from, to, ordinary)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var a zhenggai.Attendance
		var presence string
		if err := rows.Scan(&id, &a.PersonID, &a.Name, &presence, &a.Note); err != nil {
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
	rows, err = s.rdb.QueryContext(ctx, s.d.rebind(`SELECT i.meeting_id, i.id, i.seq, i.title, i.kind, i.amount, i.decision
		FROM meeting_items i JOIN meetings m ON m.id = i.meeting_id WHERE`+live+` AND i.kind <> ?
		ORDER BY i.meeting_id, i.seq`), unitID, from, to, ordinary)
	if err != nil {
		return err
	}
	for rows.Next() {
		var mid int64
		var it zhenggai.AgendaItem
		var kind string
		var amount int64
		if err := rows.Scan(&mid, &it.ID, &it.Seq, &it.Title, &kind, &amount, &it.Decision); err != nil {
			rows.Close()
			return err
		}
		it.Kind, it.Amount = zhenggai.ItemKind(kind), zhenggai.Fen(amount)
		if i, ok := index[mid]; ok {
			items[it.ID] = at{i, len(r.Meetings[i].Items)}
			r.Meetings[i].Items = append(r.Meetings[i].Items, it)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = s.rdb.QueryContext(ctx, s.d.rebind(`SELECT st.item_id, st.seq, COALESCE(st.person_id, 0), st.name, st.position, st.summary
		FROM meeting_statements st JOIN meeting_items i ON i.id = st.item_id JOIN meetings m ON m.id = i.meeting_id
		WHERE`+live+` AND i.kind <> ? ORDER BY st.item_id, st.seq`), unitID, from, to, ordinary)
	if err != nil {
		return err
	}
	for rows.Next() {
		var iid int64
		var st zhenggai.Statement
		var pos string
		if err := rows.Scan(&iid, &st.Seq, &st.PersonID, &st.Name, &pos, &st.Summary); err != nil {
			rows.Close()
			return err
		}
		st.Position = zhenggai.Position(pos)
		if a, ok := items[iid]; ok {
			it := &r.Meetings[a.m].Items[a.i]
			it.Statements = append(it.Statements, st)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}

	// Older 大额资金 decisions of the 党组会议, items only: they may back
	// an expense of the period.
	rows, err = s.rdb.QueryContext(ctx, s.d.rebind(`SELECT m.id, m.type, m.book, m.number, m.date, i.id, i.seq, i.title, i.amount
		FROM meeting_items i JOIN meetings m ON m.id = i.meeting_id
		WHERE m.unit_id = ? AND m.voided_at IS NULL AND m.date < ? AND m.type = ? AND i.kind = ?
		ORDER BY m.date, m.id, i.seq`), unitID, from, zhenggai.MeetingPartyGroup, string(zhenggai.ItemLargeFund))
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

// maxWordFlags bounds the forbidden words the loader marks per voucher
// (one bit each); words past it are looked for in the vouchers' own
// summaries only.
const maxWordFlags = 60

// loadVouchers reads, in one query, the vouchers some rule may flag —
// no approver, no attachments, no summary, an expense at or above the
// large-expense threshold, a forbidden word in the voucher's or a
// line's summary — with each one's expense and the forbidden words its
// lines name, all computed in SQL over the lines. The others (most of a
// county's quarter million) are never read.
func (s *Store) loadVouchers(ctx context.Context, r *selfcheck.Registers, unitID int64, from, to string, words []string, threshold zhenggai.Fen) error {
	exp, eargs := prefixMatch("l.account_code", r.ExpensePrefixes)
	bud, bargs := prefixMatch("l.account_code", r.BudgetPrefixes)
	contains := "instr(%s, ?) > 0"
	if s.d.name() == "postgres" {
		contains = "strpos(%s, ?) > 0"
	}
	var flagged []string
	flagWords := words[:min(len(words), maxWordFlags)]
	var args []any
	// The lines' part, grouped by voucher.
	sub := `SELECT l.voucher_id AS vid,
		CAST(SUM(CASE WHEN ` + exp + ` THEN l.debit ELSE 0 END) AS BIGINT) AS e,
		CAST(SUM(CASE WHEN ` + bud + ` THEN l.debit ELSE 0 END) AS BIGINT) AS b,
		SUM(CASE WHEN ` + exp + ` THEN 1 ELSE 0 END) AS n, 0`
	args = append(args, eargs...)
	args = append(args, bargs...)
	args = append(args, eargs...)
	for i, w := range flagWords {
		// A line saying what its voucher says is checked there: the
		// word is looked for only in the lines that differ (most lines
		// repeat the voucher's 摘要), a million searches fewer.
		sub += fmt.Sprintf(" + MAX(CASE WHEN l.summary <> w.summary AND "+contains+" THEN %d ELSE 0 END)", "l.summary", int64(1)<<i)
		args = append(args, w)
	}
	sub += ` AS f FROM voucher_lines l JOIN vouchers w ON w.id = l.voucher_id
		WHERE w.unit_id = ? AND w.date >= ? AND w.date <= ? GROUP BY l.voucher_id`
	args = append(args, unitID, from, to)
	// The vouchers' part: what makes a voucher worth reading.
	flagged = append(flagged, "TRIM(v.approver) = ''", "v.attachments <= 0", "TRIM(v.summary) = ''", "COALESCE(x.f, 0) <> 0",
		"(CASE WHEN COALESCE(x.n, 0) > 0 THEN x.e ELSE COALESCE(x.b, 0) END) >= ?")
	var wargs []any
	wargs = append(wargs, unitID, from, to, int64(threshold))
	for _, w := range words {
		flagged = append(flagged, fmt.Sprintf(contains, "v.summary"))
		wargs = append(wargs, w)
	}
	q := `SELECT v.id, v.period, v.date, v.word, v.number, v.summary, v.attachments, v.approver, v.poster,
		` + linkedItem("v") + `, COALESCE(x.e, 0), COALESCE(x.b, 0), COALESCE(x.n, 0), COALESCE(x.f, 0)
		FROM vouchers v LEFT JOIN (` + sub + `) x ON x.vid = v.id
		WHERE v.unit_id = ? AND v.date >= ? AND v.date <= ? AND (` + strings.Join(flagged, " OR ") + `)
		ORDER BY v.date, v.id`
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(q), append(args, wargs...)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	r.Expenses = map[int64]zhenggai.Fen{}
	r.LineSummaries = map[int64][]string{}
	for rows.Next() {
		var v zhenggai.Voucher
		var date string
		var e, b, on, f int64
		if err := rows.Scan(&v.ID, &v.Period, &date, &v.Word, &v.Number, &v.Summary, &v.Attachments, &v.Approver,
			&v.Poster, &v.DecisionItemID, &e, &b, &on, &f); err != nil {
			return err
		}
		v.UnitID, v.Date = unitID, parseDate(date)
		r.Vouchers = append(r.Vouchers, v)
		if on == 0 {
			e = b // no line on expense accounts: the budget side
		}
		if e != 0 {
			r.Expenses[v.ID] = zhenggai.Fen(e)
		}
		// The words the lines name stand for the lines' summaries: the
		// rule looks for the words in them.
		for i, w := range flagWords {
			if f&(int64(1)<<i) != 0 {
				r.LineSummaries[v.ID] = append(r.LineSummaries[v.ID], w)
			}
		}
	}
	return rows.Err()
}

func (s *Store) loadDues(ctx context.Context, r *selfcheck.Registers, unitID int64, to string) error {
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT id, COALESCE(person_id, 0), name, kind, fixed, joined, left_month, sample, version
		FROM dues_members WHERE unit_id = ? AND voided_at IS NULL ORDER BY name, id`), unitID)
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
	rows, err = s.rdb.QueryContext(ctx, s.d.rebind(`SELECT member_id, year, base FROM dues_bases WHERE unit_id = ? ORDER BY member_id, year`), unitID)
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
	rows, err = s.rdb.QueryContext(ctx, s.d.rebind(`SELECT member_id, month, paid, paid_on FROM dues_payments
		WHERE unit_id = ? AND month <= ? ORDER BY member_id, month`), unitID, to[:7])
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var pm zhenggai.DuesPayment
		var paid int64
		var on string
		if err := rows.Scan(&pm.MemberID, &pm.Month, &paid, &on); err != nil {
			return err
		}
		pm.Paid, pm.PaidOn = zhenggai.Fen(paid), parseDate(on)
		if live[pm.MemberID] {
			r.Payments = append(r.Payments, pm)
		}
	}
	return rows.Err()
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
