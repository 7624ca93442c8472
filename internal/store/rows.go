package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"strings"

	"zhenggai"
)

// The writes of one row. Every store method changes an audited table
// through these, inside s.write, so that none can forget the snapshot,
// the version check or the audit entry. The column lists stay with each
// table's method. They change nothing outside the transaction, and so may
// run again when s.write retries it.

// anyVersion asks updateRow not to check the version (a change the
// program makes, not an editor's save of what he loaded).
const anyVersion int64 = -1

// insertRow inserts one row (cols, comma-separated, and one value each)
// and logs its creation; it returns the new id.
func (s *Store) insertRow(ctx context.Context, tx *sql.Tx, table, cols string, vals ...any) (int64, error) {
	q := `INSERT INTO ` + table + ` (` + cols + `) VALUES (` + placeholders(len(vals)) + `) RETURNING id`
	var id int64
	if err := tx.QueryRowContext(ctx, s.d.rebind(q), vals...).Scan(&id); err != nil {
		return 0, s.rowError(err, table, splitCols(cols), vals)
	}
	return id, s.audit(ctx, tx, auditCreate, table, id, "")
}

// updateRow sets columns of row id (set: "a = ?, b = ?", args one each)
// and logs the change. On a versioned table the version goes up by one,
// and unless version is anyVersion the row must still be at it: if not,
// the record is gone (ENOTFOUND) or another save came first (ECONFLICT).
func (s *Store) updateRow(ctx context.Context, tx *sql.Tx, table string, id, version int64, set string, args ...any) error {
	tb := tableByName[table]
	before, err := s.snapshot(ctx, tx, table, id)
	if err != nil {
		return err
	}
	q := `UPDATE ` + table + ` SET ` + set
	if tb.Versioned {
		q += `, version = version + 1`
	}
	q += ` WHERE id = ?`
	vals := append(args[:len(args):len(args)], id)
	if tb.Voidable {
		// A voided record is history: restored first, then changed.
		q += ` AND voided_at IS NULL`
	}
	if version != anyVersion {
		q += ` AND version = ?`
		vals = append(vals, version)
	}
	res, err := tx.ExecContext(ctx, s.d.rebind(q), vals...)
	if err != nil {
		return s.rowError(err, table, setCols(set), args)
	}
	if tb.Voidable && !updated(res) {
		var voided sql.NullString
		err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT voided_at FROM `+table+` WHERE id = ?`), id).Scan(&voided)
		switch {
		case err != nil && !errors.Is(err, sql.ErrNoRows):
			return err
		case err == nil && voided.Valid:
			return zhenggai.Errorf(zhenggai.ECONFLICT, "该%s已作废，不能修改；确需修改的，请单位管理员先恢复", tb.Label)
		}
	}
	if version != anyVersion {
		err = s.checkUpdated(ctx, tx, res, table, tb.Label, id)
	} else {
		err = rowFound(res, tb.Label)
	}
	if err != nil {
		return err
	}
	return s.audit(ctx, tx, auditUpdate, table, id, before)
}

// voidRow voids a live row of a voidable table: who, when and why are
// kept on the row and in its history.
func (s *Store) voidRow(ctx context.Context, tx *sql.Tx, table string, id int64, at, by, reason string) error {
	return s.setVoid(ctx, tx, table, id, true, `voided_at = ?, voided_by = ?, void_reason = ?`, at, by, reason)
}

// restoreRow brings a voided row back; its history keeps the voiding.
func (s *Store) restoreRow(ctx context.Context, tx *sql.Tx, table string, id int64) error {
	return s.setVoid(ctx, tx, table, id, false, `voided_at = NULL, voided_by = '', void_reason = ''`)
}

func (s *Store) setVoid(ctx context.Context, tx *sql.Tx, table string, id int64, void bool, set string, args ...any) error {
	tb := tableByName[table]
	if tb == nil || !tb.Voidable {
		return fmt.Errorf("void: %q is not a voidable table", table)
	}
	before, err := s.snapshot(ctx, tx, table, id)
	if err != nil {
		return err
	}
	q := `UPDATE ` + table + ` SET ` + set
	if tb.Versioned {
		q += `, version = version + 1`
	}
	cond := ` WHERE id = ? AND voided_at IS NULL`
	if !void {
		cond = ` WHERE id = ? AND voided_at IS NOT NULL`
	}
	res, err := tx.ExecContext(ctx, s.d.rebind(q+cond), append(args, id)...)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n != 1 {
		var one int
		err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT 1 FROM `+table+` WHERE id = ?`), id).Scan(&one)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return zhenggai.Errorf(zhenggai.ENOTFOUND, "%s不存在", tb.Label)
		case err != nil:
			return err
		case void:
			return zhenggai.Errorf(zhenggai.ECONFLICT, "该%s已经作废", tb.Label)
		default:
			return zhenggai.Errorf(zhenggai.ECONFLICT, "该%s没有作废，无需恢复", tb.Label)
		}
	}
	return s.audit(ctx, tx, auditUpdate, table, id, before)
}

// updated reports whether an UPDATE of one row touched it.
func updated(res sql.Result) bool {
	n, err := res.RowsAffected()
	return err == nil && n == 1
}

// rowFound turns an unversioned UPDATE … WHERE id = ? that touched no row
// into ENOTFOUND.
func rowFound(res sql.Result, what string) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n != 1 {
		return zhenggai.Errorf(zhenggai.ENOTFOUND, "%s不存在", what)
	}
	return nil
}

func splitCols(cols string) []string {
	out := strings.Split(cols, ",")
	for i := range out {
		out[i] = strings.TrimSpace(out[i])
	}
	return out
}

// setCols are the columns of a SET clause, one per placeholder: "a = ?,
// b = b + 1" gives [a].
func setCols(set string) []string {
	var out []string
	for _, part := range strings.Split(set, ",") {
		if strings.Contains(part, "?") {
			name, _, _ := strings.Cut(part, "=")
			out = append(out, strings.TrimSpace(name))
		}
	}
	return out
}

// uniqueKey is a UNIQUE constraint of the schema as the person who broke
// it is told: the field of the form, and the message (“%s” is the value
// given, when known).
type uniqueKey struct {
	name, table, cols string // constraint, and its columns as SQLite names them
	column            string // whose value the message quotes
	field             string // of the form; "" for a conflict not tied to one field
	msg               string
}

// uniqueKeys map every UNIQUE constraint of the schema, once.
var uniqueKeys = []uniqueKey{
	{"units_name_key", "units", "name", "name", "name", "已有同名单位“%s”"},
	{"settings_unit_name_key", "settings", "unit_id, name", "name", "", "该设置项“%s”已有"},
	{"categories_seq_key", "categories", "round_id, seq", "seq", "seq", "序号%s与本轮已有的问题类别重复"},
	{"problems_seq_key", "problems", "round_id, seq", "seq", "seq", "序号%s与本轮已有的具体问题重复"},
	{"measures_seq_key", "measures", "problem_id, seq", "seq", "seq", "本问题已有第%s项措施"},
	{"users_name_key", "users", "name", "name", "name", "登录名“%s”已被使用"},
	{"users_person_key", "users", "unit_id, person_name", "person_name", "display_name",
		"姓名“%s”已是本单位另一账号的姓名：同一单位的责任领导、责任人姓名不能相同"},
	{"sessions_id_hash_key", "sessions", "id_hash", "", "", "会话标识重复"},
	{"tokens_hash_key", "tokens", "token_hash", "", "", "令牌重复"},
	{"warn_states_measure_key", "warn_states", "measure_id", "", "", "该措施的预警状态已有记录"},
	{"digests_user_day_key", "digests", "user_id, day", "", "", "当天的每日汇总已经记录"},
	// CreateOpinion draws another reference number on this one.
	{"opinions_ref_key", "opinions", "ref", "", "", errRefTaken},
	// Set through setDuesBase / setDuesPayment, which update an existing row.
	{"dues_bases_key", "dues_bases", "member_id, year", "year", "year", "该党员%s年的缴费基数已有"},
	{"dues_payments_key", "dues_payments", "member_id, month", "month", "month", "该党员%s的缴纳记录已有"},
	// One live link per voucher: a second save of the link form came first.
	// Signers are numbered by the proposal's writes alone (1 the lead).
	{"proposal_signers_key", "proposal_signers", "proposal_id, seq", "seq", "", "该提案的第%s位提案人已有"},
	// One calendar row per unit and year: a second save of the year came first.
	{"work_calendars_year_key", "work_calendars", "unit_id, year", "year", "year", "本单位%s年的工作日历已有，请刷新后再改"},
	{"voucher_links_live_idx", "voucher_links", "unit_id, period, word, number", "", "decision_item_id", "这张凭证已关联了会议决策，请刷新后再改"},
}

const errRefTaken = "意见建议编号已被使用"

// uniqueError is the domain error of a broken UNIQUE constraint: a
// ValidationError on the key's field, or ECONFLICT; cols and vals (may be
// nil) give the value the message quotes.
func (s *Store) uniqueError(err error, cols []string, vals []any) error {
	name := s.d.constraint(err)
	for _, k := range uniqueKeys {
		if name != k.name && name != k.table+"|"+k.cols {
			continue
		}
		value := ""
		for i, c := range cols {
			if c == k.column && i < len(vals) && vals[i] != nil {
				value = fmt.Sprint(vals[i])
			}
		}
		msg := k.msg
		if value == "" {
			msg = strings.NewReplacer("“%s”", "", "%s", "").Replace(msg)
		} else {
			msg = fmt.Sprintf(msg, value)
		}
		if k.field != "" {
			v := &zhenggai.ValidationError{}
			v.Add(k.field, msg)
			return v
		}
		return zhenggai.Errorf(zhenggai.ECONFLICT, "%s", msg)
	}
	return zhenggai.Errorf(zhenggai.ECONFLICT, "序号或名称与已有记录重复")
}

// rowError is the error of a failed INSERT or UPDATE of table: a broken
// UNIQUE constraint told as its key says, anything else as it is (write
// names the method).
func (s *Store) rowError(err error, table string, cols []string, vals []any) error {
	if s.d.uniqueViolation(err) {
		return s.uniqueError(err, cols, vals)
	}
	return fmt.Errorf("%s: %w", table, err)
}

// methodName is the exported store method that called write, for the
// errors it wraps: "Store.CreateRound".
func methodName() string {
	pc := make([]uintptr, 16)
	n := runtime.Callers(3, pc)
	frames := runtime.CallersFrames(pc[:n])
	name := "Store"
	for {
		f, more := frames.Next()
		fn := f.Function[strings.LastIndex(f.Function, "/")+1:]
		if m, ok := strings.CutPrefix(fn, "store.(*Store)."); ok && m != "write" && !strings.Contains(m, ".func") {
			if m[0] >= 'A' && m[0] <= 'Z' {
				return "Store." + m
			}
			if name == "Store" {
				name = "Store." + m // an unexported helper; its exported caller is better
			}
		}
		if !more {
			return name
		}
	}
}
