package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"zhenggai"
)

// The audit trail. Every change to an audited table appends, in the same
// transaction as the change, one entry per changed row to audit_log: who
// (the zhenggai.Actor of the context), when, what (create, update or
// delete of entity #entity_id) and the whole row before and after, as
// canonical JSON. Entries are hash-chained: each carries the hash of the
// one before it, and audit_head holds the id and hash of the last one.
// VerifyAudit (audit_verify.go) recomputes the chain and compares every
// audited row with the last entry about it, so that an edit made behind
// the program's back, to a record or to the log, is found.
//
// A store method changes an audited table only through the helpers of
// rows.go (insertRow, updateRow, voidRow, restoreRow), inside s.write:
// they take the snapshot, run the versioned SQL, check the version and
// append the entry, so that no write path can forget the audit. The bulk
// writes (bulk.go) append theirs a page at a time.
//
// A new audited table needs an "id" column and Audited in its entry of
// the registry (tables.go).
// Columns whose name contains "password" or "secret" or ends in "_hash"
// are secrets: entries keep "sha256:" and the hash of their value, so that
// a change shows and is proven without the history handing them out.

// The audited tables are those Audited in the registry (tables.go),
// parents first. Not audited: sessions (they churn and are not records:
// only the login that creates one is logged, see sessions.go),
// schema_migrations, round_counts (derived), and the log itself.

// Actions of audit entries.
const (
	auditCreate = "create"
	auditUpdate = "update"
	auditDelete = "delete"
	// auditBaseline records a row that existed before the audit trail was
	// switched on (migration 0002): the program does not claim to know who
	// made it or when.
	auditBaseline = "baseline"
)

// zeroHash is the prev_hash of the first entry.
const zeroHash = "0000000000000000000000000000000000000000000000000000000000000000"

// AuditEntry is one entry of the audit log.
type AuditEntry struct {
	ID       int64
	UnitID   int64 // 0: installation-wide
	At       time.Time
	Actor    zhenggai.Actor
	Action   string // create, update, delete or baseline
	Entity   string // table name
	EntityID int64
	Before   string // canonical JSON of the row before, "" for none
	After    string // canonical JSON of the row after, "" for none
	PrevHash string
	Hash     string

	at string // At as stored: the hash covers this text
}

// computeHash is the hash of an entry. It is hex SHA-256 over
//
//	"zhenggai-audit-v1\n" followed by, for each field in this order,
//	  its length in bytes (decimal), ":", the field, "\n"
//	fields: prev_hash, id, unit_id, at, actor_user_id, actor_name,
//	  actor_via, actor_addr, action, entity, entity_id, before, after
//
// Integers are written in decimal without padding, text as the UTF-8
// stored (at is RFC 3339 UTC text, before and after canonical JSON). Every
// field is TEXT or BIGINT in both SQLite and PostgreSQL and is read back
// byte for byte, so the hash is the same on both; it can be recomputed by
// any program from a plain export of the table.
func (e *AuditEntry) computeHash() string {
	h := sha256.New()
	io.WriteString(h, "zhenggai-audit-v1\n")
	field := func(h hash.Hash, s string) {
		io.WriteString(h, strconv.Itoa(len(s)))
		io.WriteString(h, ":")
		io.WriteString(h, s)
		io.WriteString(h, "\n")
	}
	num := strconv.FormatInt
	for _, f := range []string{e.PrevHash, num(e.ID, 10), num(e.UnitID, 10), e.at, num(e.Actor.UserID, 10),
		e.Actor.Name, e.Actor.Via, e.Actor.Addr, e.Action, e.Entity, num(e.EntityID, 10), e.Before, e.After} {
		field(h, f)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// auditStmts keeps the audit trail's statements prepared on the writer:
// they run several times in every write, and compiling them each time
// would cost more than running them. They are prepared once the schema is
// up to date (prepareAudit); until then (in migrations) each transaction
// prepares its own. Not on PostgreSQL, where pgx keeps every statement
// prepared on each connection by itself (dialect.prepares).
type auditStmts struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

const (
	qHeadRead  = `SELECT last_id, last_hash FROM audit_head WHERE id = 1`
	qHeadMove  = `UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1 AND last_id = ? AND last_hash = ?`
	qAuditInto = `INSERT INTO audit_log (id, unit_id, at, actor_user_id, actor_name, actor_via,
		actor_addr, action, entity, entity_id, before, after, prev_hash, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
)

func qSnapshot(table string) string { return `SELECT * FROM ` + table + ` WHERE id = ?` }

// prepareAudit prepares the statements of the audit trail on the writer.
// It must not run inside a transaction of the writer (whose one
// connection the transaction holds).
func (s *Store) prepareAudit(ctx context.Context) error {
	if !s.d.prepares() {
		return nil
	}
	qs := []string{qHeadRead, qHeadMove, qAuditInto}
	for _, t := range auditedTables {
		qs = append(qs, qSnapshot(t))
	}
	s.auditStmts.mu.Lock()
	defer s.auditStmts.mu.Unlock()
	s.auditStmts.m = map[string]*sql.Stmt{}
	for _, q := range qs {
		st, err := s.wdb.PrepareContext(ctx, s.d.rebind(q))
		if err != nil {
			return fmt.Errorf("prepare audit statement: %w", err)
		}
		s.auditStmts.m[q] = st
	}
	return nil
}

// stmtRunner is a statement bound to a transaction: a *sql.Stmt, or a
// txQuery where the driver prepares by itself.
type stmtRunner interface {
	QueryContext(ctx context.Context, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, args ...any) *sql.Row
	ExecContext(ctx context.Context, args ...any) (sql.Result, error)
}

// txQuery runs a query text in a transaction.
type txQuery struct {
	tx *sql.Tx
	q  string
}

func (t txQuery) QueryContext(ctx context.Context, args ...any) (*sql.Rows, error) {
	return t.tx.QueryContext(ctx, t.q, args...)
}

func (t txQuery) QueryRowContext(ctx context.Context, args ...any) *sql.Row {
	return t.tx.QueryRowContext(ctx, t.q, args...)
}

func (t txQuery) ExecContext(ctx context.Context, args ...any) (sql.Result, error) {
	return t.tx.ExecContext(ctx, t.q, args...)
}

// stmt returns q, one of the statements above, bound to tx.
func (s *Store) stmt(ctx context.Context, tx *sql.Tx, q string) (stmtRunner, error) {
	if !s.d.prepares() {
		return txQuery{tx, s.d.rebind(q)}, nil
	}
	s.auditStmts.mu.Lock()
	st := s.auditStmts.m[q]
	s.auditStmts.mu.Unlock()
	if st == nil {
		return tx.PrepareContext(ctx, s.d.rebind(q))
	}
	return tx.StmtContext(ctx, st), nil
}

// snapshot reads one row of an audited table as canonical JSON, "" when
// there is no such row, before the transaction updates or deletes it. It
// locks the row until the transaction ends (SELECT … FOR UPDATE on
// PostgreSQL; on SQLite the writer is alone anyway), or a concurrent save
// of a record without a version could slip between this read and the
// UPDATE that follows, and the log would show a "before" that never was.
func (s *Store) snapshot(ctx context.Context, tx *sql.Tx, table string, id int64) (string, error) {
	if s.noAudit {
		return "", nil
	}
	_, js, err := s.snapshotRow(ctx, tx, table, id, true)
	return js, err
}

// snapshotRow reads one row as a map and as canonical JSON; lock locks it
// (see snapshot).
func (s *Store) snapshotRow(ctx context.Context, tx *sql.Tx, table string, id int64, lock bool) (map[string]any, string, error) {
	if !Logged(table) {
		return nil, "", fmt.Errorf("audit: %q is not an audited table", table)
	}
	q := qSnapshot(table)
	if lock {
		q += s.d.lockRow()
	}
	st, err := s.stmt(ctx, tx, q)
	if err != nil {
		return nil, "", err
	}
	rows, err := st.QueryContext(ctx, id)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, "", err
	}
	if !rows.Next() {
		return nil, "", rows.Err()
	}
	m, err := scanSnapshot(rows, cols, 0)
	if err != nil {
		return nil, "", err
	}
	js, err := canonicalJSON(m)
	return m, js, err
}

// scanSnapshot reads the current row's columns from skip on into a map of
// normalised values.
func scanSnapshot(rows *sql.Rows, cols []string, skip int) (map[string]any, error) {
	vals, err := scanValues(rows, len(cols))
	if err != nil {
		return nil, err
	}
	return rowMap(cols[skip:], vals[skip:]), nil
}

func scanValues(rows *sql.Rows, n int) ([]any, error) {
	vals := make([]any, n)
	ptrs := make([]any, n)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := rows.Scan(ptrs...); err != nil {
		return nil, err
	}
	return vals, nil
}

// rowMap is a row as the log records it: column names in lower case,
// values normalised, secrets replaced by their hash.
func rowMap(cols []string, vals []any) map[string]any {
	m := make(map[string]any, len(cols))
	for i, c := range cols {
		name := strings.ToLower(c)
		v := normalise(vals[i])
		if secretColumn(name) && v != nil {
			sum := sha256.Sum256([]byte(fmt.Sprint(v)))
			v = "sha256:" + hex.EncodeToString(sum[:])
		}
		m[name] = v
	}
	return m
}

// secretColumn reports whether a column holds a secret (a password or
// token hash): the log keeps the SHA-256 of its value instead, so that a
// change is still seen and proven but the history does not hand out the
// secret.
func secretColumn(name string) bool {
	return strings.Contains(name, "password") || strings.Contains(name, "secret") || strings.HasSuffix(name, "_hash")
}

// normalise makes the values of either driver the same Go values, so that
// a row's JSON, and so the hash of its entry, is the same on SQLite and
// PostgreSQL: integers of every width int64 (pgx's database/sql driver
// hands out int64 for int2, int4 and int8, but a driver or a cast may give
// a narrower one), text string, NULL nil, bytes as text, times RFC 3339
// UTC, booleans 0 or 1 (SQLite has no booleans: 0/1 integers are what
// the schema stores).
func normalise(v any) any {
	switch x := v.(type) {
	case nil, int64, string, float64:
		return x
	case []byte:
		return string(x)
	case int:
		return int64(x)
	case int32:
		return int64(x)
	case int16:
		return int64(x)
	case int8:
		return int64(x)
	case uint8:
		return int64(x)
	case uint16:
		return int64(x)
	case uint32:
		return int64(x)
	case float32:
		return float64(x)
	case bool:
		if x {
			return int64(1)
		}
		return int64(0)
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	}
	return fmt.Sprint(v)
}

// canonicalJSON is a row as JSON, byte for byte what encoding/json writes
// for the map (keys sorted, no spaces, <, > and & escaped): the same bytes
// for the same values. Plain text and integers, nearly all of a row, are
// written here directly; anything else goes through encoding/json.
func canonicalJSON(m map[string]any) (string, error) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	b := make([]byte, 0, 512)
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		var err error
		if b, err = appendJSON(b, k); err != nil {
			return "", err
		}
		b = append(b, ':')
		if b, err = appendJSON(b, m[k]); err != nil {
			return "", err
		}
	}
	b = append(b, '}')
	return string(b), nil
}

func appendJSON(b []byte, v any) ([]byte, error) {
	switch x := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case int64:
		return strconv.AppendInt(b, x, 10), nil
	case string:
		if plainJSON(x) {
			b = append(b, '"')
			b = append(b, x...)
			return append(b, '"'), nil
		}
	}
	j, err := json.Marshal(v)
	return append(b, j...), err
}

// plainJSON reports whether encoding/json writes s as it is between quotes:
// valid UTF-8 without control characters, quotes, backslashes, <, >, &,
// U+2028 or U+2029.
func plainJSON(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r == '\u2028' || r == '\u2029' {
			return false
		}
		i += n
	}
	return true
}

// audit appends the entry for one row changed in tx: action is
// auditCreate (before ""), auditUpdate or auditDelete (before the
// snapshot taken before the change). It reads the row after the change
// itself. An update that changed nothing is not recorded.
func (s *Store) audit(ctx context.Context, tx *sql.Tx, action, table string, id int64, before string) error {
	if err := s.markRoundOf(ctx, tx, table, id, before); err != nil {
		return err
	}
	if s.noAudit {
		return nil
	}
	var after string
	var row map[string]any
	if action != auditDelete {
		var err error
		row, after, err = s.snapshotRow(ctx, tx, table, id, false)
		if err != nil {
			return err
		}
		if row == nil {
			return fmt.Errorf("audit: %s #%d not found after %s", table, id, action)
		}
	} else if before == "" {
		return fmt.Errorf("audit: delete of %s #%d without its snapshot", table, id)
	}
	switch action {
	case auditCreate, auditBaseline:
		before = ""
	case auditUpdate:
		if before == "" {
			return fmt.Errorf("audit: update of %s #%d without its snapshot", table, id)
		}
		if after == before {
			return nil
		}
	case auditDelete:
	default:
		return fmt.Errorf("audit: unknown action %q", action)
	}
	if row == nil {
		row = decodeSnapshot(before)
	}
	e := &AuditEntry{
		Actor: zhenggai.ActorFrom(ctx), Action: action, Entity: table, EntityID: id,
		Before: before, After: after, UnitID: unitOf(table, id, row),
	}
	return s.appendAudit(ctx, tx, e)
}

// unitOf is the unit an entry belongs to: the unit_id of the row, the
// unit itself for units, 0 for installation-wide records.
func unitOf(table string, id int64, row map[string]any) int64 {
	if table == "units" {
		return id
	}
	switch v := row["unit_id"].(type) {
	case int64:
		return v
	case json.Number:
		n, _ := v.Int64()
		return n
	}
	return 0
}

// Rows returns the row before and after the change, decoded (numbers as
// json.Number); nil for a side the entry does not have.
func (e *AuditEntry) Rows() (before, after map[string]any) {
	return decodeSnapshot(e.Before), decodeSnapshot(e.After)
}

func decodeSnapshot(js string) map[string]any {
	if js == "" {
		return nil
	}
	var m map[string]any
	dec := json.NewDecoder(strings.NewReader(js))
	dec.UseNumber()
	if dec.Decode(&m) != nil {
		return nil
	}
	return m
}

// auditHead is this process's idea of audit_head. It saves reading the
// head before every append; a compare-and-swap on the head row proves it
// right, so that a stale idea (another process wrote, or a transaction
// that moved it rolled back) costs a re-read, never a broken chain.
type auditHead struct {
	mu   sync.Mutex
	id   int64
	hash string
	ok   bool
}

func (h *auditHead) get() (int64, string, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.id, h.hash, h.ok
}

func (h *auditHead) set(id int64, hash string, ok bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.id, h.hash, h.ok = id, hash, ok
}

// lockHead reads the head of the chain and locks its row until the
// transaction ends (FOR UPDATE on PostgreSQL; SQLite's writer is alone).
func (s *Store) lockHead(ctx context.Context, tx *sql.Tx) (int64, string, error) {
	read, err := s.stmt(ctx, tx, qHeadRead+s.d.lockRow())
	if err != nil {
		return 0, "", err
	}
	var id int64
	var hash string
	err = read.QueryRowContext(ctx).Scan(&id, &hash)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", errors.New("审计日志头（audit_head）缺失，数据库可能被绕过程序修改；请运行 zhenggai audit verify")
	}
	if err != nil {
		return 0, "", fmt.Errorf("audit head: %w", err)
	}
	return id, hash, nil
}

// appendAudit links e to the head of the chain, moves the head to it and
// writes it. Moving the head is an UPDATE … WHERE last_id = ? AND
// last_hash = ? of the one head row: it takes that row's lock, which on
// PostgreSQL serialises every writer of the log until commit (SQLite has
// a single writer anyway), and it fails, to be retried from a fresh read,
// if the head is not what this process believed. The fresh read locks
// the head row (SELECT … FOR UPDATE on PostgreSQL), so that the retry
// cannot lose to yet another writer: however many write at once, an
// append takes at most two tries.
func (s *Store) appendAudit(ctx context.Context, tx *sql.Tx, e *AuditEntry) error {
	e.at = s.stamp()
	e.At = parseTime(e.at)
	lastID, lastHash, known := s.auditHead.get()
	for try := 0; ; try++ {
		if !known || try > 0 {
			var err error
			if lastID, lastHash, err = s.lockHead(ctx, tx); err != nil {
				return err
			}
		}
		e.ID, e.PrevHash = lastID+1, lastHash
		e.Hash = e.computeHash()
		move, err := s.stmt(ctx, tx, qHeadMove)
		if err != nil {
			return err
		}
		res, err := move.ExecContext(ctx, e.ID, e.Hash, lastID, lastHash)
		if err != nil {
			return fmt.Errorf("audit head: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 1 {
			break
		}
		if try >= 3 {
			return errors.New("audit head: keeps changing under this transaction")
		}
	}
	// Believed from now on; if this transaction rolls back, the next append
	// finds the head differs and reads it again.
	s.auditHead.set(e.ID, e.Hash, true)
	insert, err := s.stmt(ctx, tx, qAuditInto)
	if err != nil {
		return err
	}
	_, err = insert.ExecContext(ctx,
		e.ID, e.UnitID, e.at, e.Actor.UserID, e.Actor.Name, e.Actor.Via, e.Actor.Addr, e.Action, e.Entity, e.EntityID,
		e.Before, e.After, e.PrevHash, e.Hash)
	if err != nil {
		return fmt.Errorf("audit append: %w", err)
	}
	return nil
}

// auditBaseline runs with migration 0002: every row that already exists
// gets a "baseline" entry, so that a database made before the audit trail
// passes verification from then on.
func (s *Store) auditBaseline(ctx context.Context, tx *sql.Tx) error {
	ctx = zhenggai.WithActor(ctx, zhenggai.Actor{Name: "system:migrate", Via: "cli"})
	// The tables of migration 0001; tables made later start empty and are
	// audited from their first row.
	for _, table := range []string{"units", "settings", "rounds", "categories", "problems", "measures", "progress", "attachments"} {
		ids, err := s.ids(ctx, tx, `SELECT id FROM `+table+` ORDER BY id`)
		if err != nil {
			return fmt.Errorf("audit baseline of %s: %w", table, err)
		}
		for _, id := range ids {
			if err := s.audit(ctx, tx, auditBaseline, table, id, ""); err != nil {
				return err
			}
		}
	}
	return nil
}

// assignedKey is the column definition of a 64-bit primary key whose
// values the program assigns ({{KEY}} in migrations): in SQLite an
// INTEGER PRIMARY KEY, which is the rowid itself (64-bit there); elsewhere
// a BIGINT.
func assignedKey(d dialect) string {
	if d.name() == "sqlite" {
		return "INTEGER PRIMARY KEY"
	}
	return "BIGINT PRIMARY KEY"
}

// migrationHooks run in the transaction of their migration, after its SQL.
var migrationHooks = map[int]func(s *Store, ctx context.Context, tx *sql.Tx) error{
	2: (*Store).auditBaseline,
	// 8 created round_counts and 9 gave it a column; the counts leave
	// voided records out since 15: they are computed once all are there.
	15: (*Store).rebuildRoundCounts,
	// 18 created the roster: the names in use enter it.
	18: (*Store).backfillPersons,
	// 24 gave voucher links their table: those kept as settings move in.
	24: (*Store).moveVoucherLinks,
}

const auditCols = `id, unit_id, at, actor_user_id, actor_name, actor_via, actor_addr, action, entity, entity_id,
	before, after, prev_hash, hash`

func scanAudit(sc interface{ Scan(...any) error }) (*AuditEntry, error) {
	var e AuditEntry
	err := sc.Scan(&e.ID, &e.UnitID, &e.at, &e.Actor.UserID, &e.Actor.Name, &e.Actor.Via, &e.Actor.Addr,
		&e.Action, &e.Entity, &e.EntityID, &e.Before, &e.After, &e.PrevHash, &e.Hash)
	if err != nil {
		return nil, err
	}
	e.At = parseTime(e.at)
	return &e, nil
}

// History returns the entries about one record, oldest first. An entity
// that is not an audited table, or a record the log never saw, is
// ENOTFOUND.
func (s *Store) History(ctx context.Context, entity string, id int64) ([]*AuditEntry, error) {
	if !IsAudited(entity) {
		return nil, zhenggai.Errorf(zhenggai.ENOTFOUND, "没有这类记录")
	}
	var out []*AuditEntry
	err := s.AuditEntries(ctx, AuditQuery{Entity: entity, EntityID: id}, func(e *AuditEntry) error {
		out = append(out, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, zhenggai.Errorf(zhenggai.ENOTFOUND, "没有该记录的修改记录")
	}
	return out, nil
}

// AuditQuery selects entries of the log.
type AuditQuery struct {
	Entity   string // "" for all
	EntityID int64  // 0 for all records of Entity
	Last     int    // only the last N entries; 0 for all
}

// AuditEntries calls fn with each entry q selects, oldest first, without
// holding them all in memory (unless Last is set).
func (s *Store) AuditEntries(ctx context.Context, q AuditQuery, fn func(*AuditEntry) error) error {
	var where []string
	var args []any
	if q.Entity != "" {
		where, args = append(where, "entity = ?"), append(args, q.Entity)
		if q.EntityID != 0 {
			where, args = append(where, "entity_id = ?"), append(args, q.EntityID)
		}
	}
	query := `SELECT ` + auditCols + ` FROM audit_log`
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, " AND ")
	}
	if q.Last > 0 {
		query += ` ORDER BY id DESC LIMIT ?`
		args = append(args, q.Last)
	} else {
		query += ` ORDER BY id`
	}
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(query), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var buf []*AuditEntry
	for rows.Next() {
		e, err := scanAudit(rows)
		if err != nil {
			return err
		}
		if q.Last > 0 {
			buf = append(buf, e)
			continue
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for i := len(buf) - 1; i >= 0; i-- {
		if err := fn(buf[i]); err != nil {
			return err
		}
	}
	return nil
}
