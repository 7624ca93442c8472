package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"zhenggai"
)

// Finance vouchers (财务凭证). An import of the journal replaces whole
// periods in one transaction: the audited record is its voucher_imports
// row; the vouchers and lines are written with multi-row INSERTs and not
// logged one by one (a county's five years are a million lines).
//
// A voucher's link to the 大额资金 item that decided it is kept in
// voucher_links (voucher_links.go), by period, word and number, so that
// it is audited although vouchers are not, and survives the re-import
// that replaces the voucher's row.

// VoucherImport is a journal read, to be written for a unit.
type VoucherImport struct {
	UnitID   int64
	FileName string
	SHA256   string
	Periods  []string // those the file holds, each replaced whole
	Vouchers []*zhenggai.Voucher
}

// VoucherImportResult says what an import did (or, for a preview, would do).
type VoucherImportResult struct {
	ID       int64    `json:"import_id,omitempty"`
	Periods  []string `json:"periods"`
	Vouchers int      `json:"vouchers"`
	Lines    int      `json:"lines"`
	// Replaced is how many vouchers already imported for those periods
	// the import replaces, by period.
	Replaced        int            `json:"replaced"`
	ReplacedPeriods map[string]int `json:"replaced_periods,omitempty"`
	// Relinked is how many links to decisions were carried over.
	Relinked int `json:"relinked,omitempty"`
}

func (r *VoucherImportResult) String() string {
	s := fmt.Sprintf("会计期间%d个（%s），凭证%d张，分录%d行", len(r.Periods), periodSpan(r.Periods), r.Vouchers, r.Lines)
	if r.Replaced > 0 {
		s += fmt.Sprintf("；替换已导入的凭证%d张", r.Replaced)
	}
	return s
}

func periodSpan(p []string) string {
	switch len(p) {
	case 0:
		return ""
	case 1:
		return zhenggai.PeriodChinese(p[0])
	}
	return zhenggai.PeriodChinese(p[0]) + "至" + zhenggai.PeriodChinese(p[len(p)-1])
}

func (im *VoucherImport) validate() error {
	switch {
	case im.UnitID <= 0:
		return zhenggai.Errorf(zhenggai.EINVALID, "未指明单位")
	case len(im.Vouchers) == 0:
		return zhenggai.Errorf(zhenggai.EINVALID, "序时账中没有凭证")
	}
	in := map[string]bool{}
	for _, p := range im.Periods {
		in[p] = true
	}
	for _, v := range im.Vouchers {
		if !in[v.Period] {
			return zhenggai.Errorf(zhenggai.EINVALID, "凭证%s的会计期间%s不在导入的期间中", v.Ref(), v.Period)
		}
		if d, c := v.Totals(); d != c {
			return zhenggai.Errorf(zhenggai.EINVALID, "凭证%s（%s）借贷不平", v.Ref(), zhenggai.PeriodChinese(v.Period))
		}
	}
	return nil
}

// VoucherReplaces counts the vouchers already imported for each of the
// periods: what an import of them would replace.
func (s *Store) VoucherReplaces(ctx context.Context, unitID int64, periods []string) (map[string]int, error) {
	return s.replaces(ctx, s.rdb, unitID, periods)
}

func (s *Store) replaces(ctx context.Context, db queryer, unitID int64, periods []string) (map[string]int, error) {
	out := map[string]int{}
	if len(periods) == 0 {
		return out, nil
	}
	args := []any{unitID}
	for _, p := range periods {
		args = append(args, p)
	}
	rows, err := db.QueryContext(ctx, s.d.rebind(`SELECT period, COUNT(*) FROM vouchers WHERE unit_id = ? AND period IN (`+
		placeholders(len(periods))+`) GROUP BY period`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var p string
		var n int
		if err := rows.Scan(&p, &n); err != nil {
			return nil, err
		}
		out[p] = n
	}
	return out, rows.Err()
}

// ImportVouchers replaces the unit's vouchers of the periods the import
// holds by its vouchers, in one transaction, with one audited
// voucher_imports row. Links to decisions of replaced vouchers carry over
// to the new voucher of the same period, word and number.
func (s *Store) ImportVouchers(ctx context.Context, im *VoucherImport) (*VoucherImportResult, error) {
	if err := im.validate(); err != nil {
		return nil, err
	}
	res := &VoucherImportResult{Periods: im.Periods, Vouchers: len(im.Vouchers)}
	for i := range im.Vouchers {
		res.Lines += len(im.Vouchers[i].Lines)
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		res.Relinked = 0
		var one int
		if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT 1 FROM units WHERE id = ?`), im.UnitID).Scan(&one); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return zhenggai.Errorf(zhenggai.ENOTFOUND, "单位不存在")
			}
			return err
		}
		rep, err := s.replaces(ctx, tx, im.UnitID, im.Periods)
		if err != nil {
			return err
		}
		res.ReplacedPeriods, res.Replaced = rep, 0
		for _, n := range rep {
			res.Replaced += n
		}
		now := s.stamp()
		// The audited record first: it takes the audit chain's head,
		// which keeps other writers out until the commit.
		res.ID, err = s.insertRow(ctx, tx, "voucher_imports", `unit_id, file_name, sha256, periods, vouchers, lines, imported_by, created_at`,
			im.UnitID, zhenggai.Clip(im.FileName, 200), im.SHA256, strings.Join(im.Periods, ","), res.Vouchers, res.Lines,
			zhenggai.ActorFrom(ctx).Name, now)
		if err != nil {
			return err
		}
		links, err := s.liveLinkKeys(ctx, tx, im.UnitID)
		if err != nil {
			return err
		}
		args := []any{im.UnitID}
		for _, p := range im.Periods {
			args = append(args, p)
		}
		in := `unit_id = ? AND period IN (` + placeholders(len(im.Periods)) + `)`
		if _, err := tx.ExecContext(ctx, s.d.rebind(`DELETE FROM voucher_lines WHERE voucher_id IN (SELECT id FROM vouchers WHERE `+in+`)`), args...); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.d.rebind(`DELETE FROM vouchers WHERE `+in), args...); err != nil {
			return err
		}
		// Ids are given, so that the lines can name their voucher without
		// reading each id back.
		var next int64
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM vouchers`).Scan(&next); err != nil {
			return err
		}
		vb := s.newBatch(ctx, tx, "vouchers", "id", "unit_id", "import_id", "period", "date", "word", "number", "summary",
			"attachments", "maker", "approver", "poster", "debit", "sample", "version", "imported_at")
		lb := s.newBatch(ctx, tx, "voucher_lines", "unit_id", "voucher_id", "seq", "summary", "account_code", "account_name",
			"debit", "credit")
		for i, v := range im.Vouchers {
			if i%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			next++
			debit, _ := v.Totals()
			if links[linkKey(v.Period, v.Word, v.Number)] {
				res.Relinked++
			}
			err := vb.add(next, im.UnitID, res.ID, v.Period, v.Date.String(), v.Word, v.Number, zhenggai.Clip(v.Summary, 500),
				v.Attachments, v.Maker, v.Approver, v.Poster, int64(debit), boolInt(v.Sample), 1, now)
			if err != nil {
				return err
			}
			for k, l := range v.Lines {
				if lb.n == bulkRows-1 {
					// The lines' vouchers first: their foreign key.
					if err := vb.flush(); err != nil {
						return err
					}
				}
				if err := lb.add(im.UnitID, next, k+1, l.Summary, l.AccountCode, l.AccountName, int64(l.Debit), int64(l.Credit)); err != nil {
					return err
				}
			}
		}
		if err := vb.flush(); err != nil {
			return err
		}
		if err := lb.flush(); err != nil {
			return err
		}
		return s.d.resetIdentity(ctx, tx, "vouchers")
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// VoucherQuery selects vouchers of a unit for a list page.
type VoucherQuery struct {
	UnitID        int64
	Period        string // "" for all
	Word          string // with Number: one 凭证字号
	Number        int
	Keyword       string       // in the voucher's or a line's 摘要
	MinAmount     zhenggai.Fen // debit total at least
	NoApprover    bool         // 无审核人
	NoAttachments bool         // 无附单据
	Limit, Offset int          // 0: 100
}

// VoucherPage is a page of vouchers (without lines) and what the whole
// selection amounts to.
type VoucherPage struct {
	Vouchers []zhenggai.Voucher `json:"vouchers"`
	Total    int                `json:"total"`
	Debit    zhenggai.Fen       `json:"debit"` // debit total of the selection
}

var voucherCols = `id, unit_id, period, date, word, number, summary, attachments, maker, approver, poster, debit,
	` + linkedItem("vouchers") + `, sample, version, imported_at`

func scanVoucher(sc interface{ Scan(...any) error }, v *zhenggai.Voucher) error {
	var date, at string
	var sample int
	err := sc.Scan(&v.ID, &v.UnitID, &v.Period, &date, &v.Word, &v.Number, &v.Summary, &v.Attachments, &v.Maker, &v.Approver,
		&v.Poster, &v.Debit, &v.DecisionItemID, &sample, &v.Version, &at)
	v.Date, v.ImportedAt, v.Sample = parseDate(date), parseTime(at), sample != 0
	return err
}

// Vouchers lists a unit's vouchers by period and number, as the query
// selects them, a page at a time.
func (s *Store) Vouchers(ctx context.Context, q VoucherQuery) (*VoucherPage, error) {
	where := []string{"unit_id = ?"}
	args := []any{q.UnitID}
	if q.Period != "" {
		where, args = append(where, "period = ?"), append(args, q.Period)
	}
	if q.Number > 0 {
		where, args = append(where, "word = ? AND number = ?"), append(args, q.Word, q.Number)
	}
	if k := strings.TrimSpace(q.Keyword); k != "" {
		where = append(where, "("+s.d.contains("summary", "?")+` OR EXISTS (SELECT 1 FROM voucher_lines l
			WHERE l.voucher_id = vouchers.id AND `+s.d.contains("l.summary", "?")+"))")
		args = append(args, k, k)
	}
	if q.MinAmount > 0 {
		where, args = append(where, "debit >= ?"), append(args, int64(q.MinAmount))
	}
	if q.NoApprover {
		where = append(where, "approver = ''")
	}
	if q.NoAttachments {
		where = append(where, "attachments = 0")
	}
	cond := strings.Join(where, " AND ")
	page := &VoucherPage{Vouchers: []zhenggai.Voucher{}}
	var debit int64
	err := s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT COUNT(*), COALESCE(SUM(debit), 0) FROM vouchers WHERE `+cond), args...).
		Scan(&page.Total, &debit)
	if err != nil {
		return nil, err
	}
	page.Debit = zhenggai.Fen(debit)
	limit := q.Limit
	if limit <= 0 || limit > 1000 {
		limit = 100
	}
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT `+voucherCols+` FROM vouchers WHERE `+cond+
		` ORDER BY period, word, number, id LIMIT ? OFFSET ?`), append(args, limit, max(q.Offset, 0))...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var v zhenggai.Voucher
		if err := scanVoucher(rows, &v); err != nil {
			return nil, err
		}
		page.Vouchers = append(page.Vouchers, v)
	}
	return page, rows.Err()
}

// PeriodCount is a period with its number of vouchers.
type PeriodCount struct {
	Period   string       `json:"period"`
	Vouchers int          `json:"vouchers"`
	Debit    zhenggai.Fen `json:"debit"`
}

// VoucherPeriods lists the periods the unit has vouchers of, latest first.
func (s *Store) VoucherPeriods(ctx context.Context, unitID int64) ([]PeriodCount, error) {
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT period, COUNT(*), COALESCE(SUM(debit), 0) FROM vouchers
		WHERE unit_id = ? GROUP BY period ORDER BY period DESC`), unitID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PeriodCount
	for rows.Next() {
		var p PeriodCount
		var d int64
		if err := rows.Scan(&p.Period, &p.Vouchers, &d); err != nil {
			return nil, err
		}
		p.Debit = zhenggai.Fen(d)
		out = append(out, p)
	}
	return out, rows.Err()
}

// Voucher returns one voucher with its lines.
func (s *Store) Voucher(ctx context.Context, id int64) (*zhenggai.Voucher, error) {
	v := &zhenggai.Voucher{}
	err := scanVoucher(s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT `+voucherCols+` FROM vouchers WHERE id = ?`), id), v)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, zhenggai.Errorf(zhenggai.ENOTFOUND, "财务凭证不存在")
	}
	if err != nil {
		return nil, err
	}
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT seq, summary, account_code, account_name, debit, credit
		FROM voucher_lines WHERE voucher_id = ? ORDER BY seq, id`), id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var l zhenggai.VoucherLine
		if err := rows.Scan(&l.Seq, &l.Summary, &l.AccountCode, &l.AccountName, &l.Debit, &l.Credit); err != nil {
			return nil, err
		}
		v.Lines = append(v.Lines, l)
	}
	return v, rows.Err()
}

// EachVoucher calls fn with each of the unit's vouchers and its lines, by
// period and number, reading one voucher at a time (an export of a
// million lines).
func (s *Store) EachVoucher(ctx context.Context, unitID int64, fn func(v *zhenggai.Voucher) error) error {
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT v.id, v.unit_id, v.period, v.date, v.word, v.number, v.summary,
		v.attachments, v.maker, v.approver, v.poster, v.debit, `+linkedItem("v")+`, v.sample, v.version, v.imported_at,
		l.seq, l.summary, l.account_code, l.account_name, l.debit, l.credit
		FROM vouchers v JOIN voucher_lines l ON l.voucher_id = v.id
		WHERE v.unit_id = ? ORDER BY v.period, v.word, v.number, v.id, l.seq, l.id`), unitID)
	if err != nil {
		return err
	}
	defer rows.Close()
	var cur *zhenggai.Voucher
	n := 0
	for rows.Next() {
		if n++; n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		var v zhenggai.Voucher
		var l zhenggai.VoucherLine
		var date, at string
		var sample int
		err := rows.Scan(&v.ID, &v.UnitID, &v.Period, &date, &v.Word, &v.Number, &v.Summary, &v.Attachments, &v.Maker,
			&v.Approver, &v.Poster, &v.Debit, &v.DecisionItemID, &sample, &v.Version, &at,
			&l.Seq, &l.Summary, &l.AccountCode, &l.AccountName, &l.Debit, &l.Credit)
		if err != nil {
			return err
		}
		if cur == nil || cur.ID != v.ID {
			if cur != nil {
				if err := fn(cur); err != nil {
					return err
				}
			}
			v.Date, v.ImportedAt, v.Sample = parseDate(date), parseTime(at), sample != 0
			cur = &v
		}
		cur.Lines = append(cur.Lines, l)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if cur != nil {
		return fn(cur)
	}
	return nil
}

// VoucherPrefixes are the unit's expense and budget account prefixes
// (settings vouchers.expense_prefixes and vouchers.budget_prefixes).
func (s *Store) VoucherPrefixes(ctx context.Context, unitID int64) (expense, budget []string, err error) {
	set, err := s.NamedSettings(ctx, unitID, zhenggai.SettingExpensePrefixes)
	if err != nil {
		return nil, nil, err
	}
	if expense, err = zhenggai.AccountPrefixes(set[zhenggai.SettingExpensePrefixes], zhenggai.DefaultExpensePrefixes); err != nil {
		return nil, nil, err
	}
	set, err = s.NamedSettings(ctx, unitID, zhenggai.SettingBudgetPrefixes)
	if err != nil {
		return nil, nil, err
	}
	budget, err = zhenggai.AccountPrefixes(set[zhenggai.SettingBudgetPrefixes], zhenggai.DefaultBudgetPrefixes)
	return expense, budget, err
}

// DecisionItem is a 大额资金 agenda item of a meeting, as a voucher links it.
type DecisionItem struct {
	ID            int64         `json:"id"`
	MeetingID     int64         `json:"meeting_id"`
	MeetingType   string        `json:"meeting_type"`
	MeetingNumber int           `json:"meeting_number"`
	MeetingDate   zhenggai.Date `json:"meeting_date"`
	Title         string        `json:"title"`
	Amount        zhenggai.Fen  `json:"amount"`
	Decision      string        `json:"decision"`
}

// Label names the item as a form offers it: 2019年3月1日党组会议（第2次）：购置公务用车（20万元）.
func (d *DecisionItem) Label() string {
	return fmt.Sprintf("%s%s（第%d次）：%s（%s）", d.MeetingDate.Chinese(), d.MeetingType, d.MeetingNumber, d.Title, d.Amount.Text())
}

const decisionSelect = `SELECT mi.id, m.id, m.type, m.number, m.date, mi.title, mi.amount, mi.decision
	FROM meeting_items mi JOIN meetings m ON m.id = mi.meeting_id
	WHERE mi.unit_id = ? AND mi.kind = 'large_fund' AND m.voided_at IS NULL`

func (s *Store) decisionItems(ctx context.Context, db queryer, q string, args ...any) ([]DecisionItem, error) {
	rows, err := db.QueryContext(ctx, s.d.rebind(q), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []DecisionItem{}
	for rows.Next() {
		var d DecisionItem
		var date string
		if err := rows.Scan(&d.ID, &d.MeetingID, &d.MeetingType, &d.MeetingNumber, &date, &d.Title, &d.Amount, &d.Decision); err != nil {
			return nil, err
		}
		d.MeetingDate = parseDate(date)
		out = append(out, d)
	}
	return out, rows.Err()
}

// DecisionItems are the unit's 大额资金 items, latest meeting first.
func (s *Store) DecisionItems(ctx context.Context, unitID int64) ([]DecisionItem, error) {
	return s.decisionItems(ctx, s.rdb, decisionSelect+` ORDER BY m.date DESC, m.id DESC, mi.seq`, unitID)
}

// DecisionItem returns one 大额资金 item.
func (s *Store) DecisionItem(ctx context.Context, id int64) (*DecisionItem, error) {
	var unit int64
	if err := s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT unit_id FROM meeting_items WHERE id = ?`), id).Scan(&unit); err != nil {
		return nil, zhenggai.Errorf(zhenggai.ENOTFOUND, "会议议题不存在")
	}
	list, err := s.decisionItems(ctx, s.rdb, decisionSelect+` AND mi.id = ?`, unit, id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, zhenggai.Errorf(zhenggai.ENOTFOUND, "会议议题不存在或不是大额资金事项")
	}
	return &list[0], nil
}

// ProposeDecisions are the items that may have decided a voucher's
// expense: of its unit, decided on or before its date, for at least the
// expense; the nearest first, at most n.
func (s *Store) ProposeDecisions(ctx context.Context, v *zhenggai.Voucher, expense zhenggai.Fen, n int) ([]DecisionItem, error) {
	return s.decisionItems(ctx, s.rdb, decisionSelect+` AND m.date <= ? AND mi.amount >= ?
		ORDER BY m.date DESC, m.id DESC, mi.seq LIMIT ?`, v.UnitID, v.Date.String(), int64(expense), n)
}

func invalid(field, msg string) error {
	var v zhenggai.ValidationError
	v.Add(field, msg)
	return v.Err()
}

// SaveVoucherPrefixes sets the unit's expense and budget account prefixes
// (audited settings); blank returns one to its default (5, 7).
func (s *Store) SaveVoucherPrefixes(ctx context.Context, unitID int64, expense, budget string) error {
	v := &zhenggai.ValidationError{}
	norm := func(field, text string) string {
		p, err := zhenggai.AccountPrefixes(text, nil)
		if err != nil {
			v.Add(field, zhenggai.ErrorMessage(err))
		}
		return strings.Join(p, ",")
	}
	set := map[string]string{zhenggai.SettingExpensePrefixes: norm("expense_prefixes", expense),
		zhenggai.SettingBudgetPrefixes: norm("budget_prefixes", budget)}
	if err := v.Err(); err != nil {
		return err
	}
	return s.SaveNamedSettings(ctx, unitID, set)
}
