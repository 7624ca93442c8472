package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// dialect is what differs between the SQL engines the store runs on. The
// queries themselves are written once, with ? placeholders, in SQL that
// SQLite and PostgreSQL (and PostgreSQL-compatible engines) both accept.
type dialect interface {
	name() string
	// identity is the column definition of a generated primary key.
	identity() string
	// rebind turns ? placeholders into the engine's own.
	rebind(q string) string
	// uniqueViolation reports whether err is a broken UNIQUE constraint.
	uniqueViolation(err error) bool
	// constraint names the UNIQUE constraint err broke: its name
	// (PostgreSQL), or "table|col, col" (SQLite, which names the columns).
	constraint(err error) string
	// foreignKeyViolation reports whether err is a broken reference.
	foreignKeyViolation(err error) bool
	// badValue reports whether err is a value the engine cannot store
	// (PostgreSQL refuses the NUL character in text and integers beyond
	// a column's width; SQLite stores both).
	badValue(err error) bool
	// lockRow is what follows a SELECT of one row that the transaction is
	// about to update, so that nobody changes it in between: "" where the
	// writer is alone (SQLite), " FOR UPDATE" where writers run side by side.
	lockRow() string
	// retryable reports whether err means the transaction lost a race with
	// another one (serialization failure, deadlock) and may succeed if run
	// again from the start.
	retryable(err error) bool
	// prepares reports whether the store should prepare its hot statements
	// itself. SQLite compiles every statement it is not given prepared;
	// pgx keeps each connection's statements prepared by itself, and,
	// unlike a statement prepared once through database/sql, forgets one
	// whose result a later ALTER TABLE changed.
	prepares() bool
	// contains is a condition true when text hay holds text needle.
	contains(hay, needle string) string
	// byteOrder is expr compared byte by byte, as Go compares strings
	// (PostgreSQL otherwise follows the database's locale).
	byteOrder(expr string) string
	// resetIdentity makes the identity column id of table continue after
	// the largest id in it, once rows were inserted with their ids given.
	resetIdentity(ctx context.Context, tx *sql.Tx, table string) error
	// catalog reads the schema of the database q reads (schema.go): its
	// tables, columns, indexes, constraints, triggers, views and, where
	// the engine has them, functions, rules and policies. A catalog the
	// engine lacks (a PostgreSQL-compatible one may) is left out: it
	// reads those of only (all when nil) and returns those it read.
	catalog(ctx context.Context, q queryer, only map[string]bool) ([]schemaObject, map[string]bool, error)
	// reference is the catalog of the schema the store's migrations make,
	// built where it touches nothing: a fresh in-memory SQLite database,
	// or on PostgreSQL a schema of its own in a transaction rolled back.
	reference(ctx context.Context, s *Store, only map[string]bool) ([]schemaObject, error)
}

type sqliteDialect struct{}

func (sqliteDialect) name() string             { return "sqlite" }
func (sqliteDialect) identity() string         { return "INTEGER PRIMARY KEY AUTOINCREMENT" }
func (sqliteDialect) rebind(q string) string   { return q }
func (sqliteDialect) lockRow() string          { return "" }
func (sqliteDialect) retryable(err error) bool { return false }
func (sqliteDialect) badValue(err error) bool  { return false }
func (sqliteDialect) prepares() bool           { return true }
func (sqliteDialect) contains(hay, needle string) string {
	return "INSTR(" + hay + ", " + needle + ") > 0"
}
func (sqliteDialect) byteOrder(expr string) string { return expr }

// resetIdentity: SQLite's AUTOINCREMENT keeps the largest id ever inserted
// in sqlite_sequence, and an INSERT with its id given moves it too.
func (sqliteDialect) resetIdentity(context.Context, *sql.Tx, string) error { return nil }

func (sqliteDialect) uniqueViolation(err error) bool {
	var e *sqlite.Error
	return errors.As(err, &e) && (e.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || e.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY)
}

func (sqliteDialect) constraint(err error) string {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return ""
	}
	// "constraint failed: UNIQUE constraint failed: t.a, t.b (2067)"
	msg := e.Error()
	i := strings.LastIndex(msg, "constraint failed: ")
	if i < 0 {
		return ""
	}
	cols := msg[i+len("constraint failed: "):]
	if j := strings.LastIndex(cols, " ("); j >= 0 {
		cols = cols[:j]
	}
	var table string
	var names []string
	for _, tc := range strings.Split(cols, ", ") {
		t, c, _ := strings.Cut(strings.TrimSpace(tc), ".")
		table, names = t, append(names, c)
	}
	return table + "|" + strings.Join(names, ", ")
}

func (sqliteDialect) foreignKeyViolation(err error) bool {
	var e *sqlite.Error
	return errors.As(err, &e) && e.Code() == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY
}

// pgDialect is PostgreSQL through pgx, and the engines that speak its
// dialect: only plain SQL is used (no advisory locks, no LISTEN).
type pgDialect struct{}

func (pgDialect) name() string     { return "postgres" }
func (pgDialect) identity() string { return "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" }
func (pgDialect) lockRow() string  { return " FOR UPDATE" }
func (pgDialect) prepares() bool   { return false }
func (pgDialect) contains(hay, needle string) string {
	return "STRPOS(" + hay + ", " + needle + ") > 0"
}
func (pgDialect) byteOrder(expr string) string { return expr + ` COLLATE "C"` }

// rebind numbers the placeholders: ? becomes $1, $2, … A ? inside a
// quoted string or identifier is left alone.
func (pgDialect) rebind(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	var quote byte
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func pgCode(err error) string {
	var e *pgconn.PgError
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

func (pgDialect) uniqueViolation(err error) bool     { return pgCode(err) == "23505" }
func (pgDialect) foreignKeyViolation(err error) bool { return pgCode(err) == "23503" }

func (pgDialect) constraint(err error) string {
	var e *pgconn.PgError
	if errors.As(err, &e) {
		return e.ConstraintName
	}
	return ""
}

// badValue: character_not_in_repertoire (a NUL in text),
// untranslatable_character, numeric_value_out_of_range.
func (pgDialect) badValue(err error) bool {
	c := pgCode(err)
	return c == "22021" || c == "22P05" || c == "22003"
}

func (pgDialect) retryable(err error) bool {
	var e *pgconn.PgError
	if !errors.As(err, &e) {
		return false
	}
	switch e.Code {
	case "40001", "40P01": // serialization_failure, deadlock_detected
		return true
	case "0A000":
		// A table's columns changed (a newer program migrated it) under a
		// statement pgx had prepared on this connection: pgx has dropped
		// it, and the next run prepares it afresh.
		return strings.Contains(e.Message, "cached plan must not change result type")
	}
	return false
}

// resetIdentity moves the identity sequence of table.id to its largest
// id: plain setval, which the PostgreSQL-compatible engines accept too.
// An empty table keeps its sequence as it is.
func (pgDialect) resetIdentity(ctx context.Context, tx *sql.Tx, table string) error {
	_, err := tx.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence('`+table+`', 'id'), m) FROM (SELECT MAX(id) AS m FROM `+table+`) t WHERE m IS NOT NULL`)
	return err
}

// catalog of SQLite: sqlite_master (tables, indexes, triggers, views with
// the SQL that made them, as SQLite keeps it) and each table's columns.
// SQLite's own objects (sqlite_sequence, statistics, the indexes of
// UNIQUE constraints, which the table's SQL holds) are left out.
func (sqliteDialect) catalog(ctx context.Context, q queryer, _ map[string]bool) ([]schemaObject, map[string]bool, error) {
	rows, err := q.QueryContext(ctx, `SELECT type, tbl_name, name, COALESCE(sql, '') FROM sqlite_master
		WHERE name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY type, name`)
	if err != nil {
		return nil, nil, err
	}
	var out []schemaObject
	var tables []string
	for rows.Next() {
		var o schemaObject
		if err := rows.Scan(&o.Kind, &o.Table, &o.Name, &o.Def); err != nil {
			rows.Close()
			return nil, nil, err
		}
		o.Def = normDef(o.Def, "")
		if o.Kind == "table" || o.Kind == "view" {
			o.Table = ""
		}
		if o.Kind == "table" {
			tables = append(tables, o.Name)
		}
		out = append(out, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	for _, t := range tables {
		cols, err := q.QueryContext(ctx, `SELECT name, type, "notnull", COALESCE(dflt_value, ''), pk FROM pragma_table_info(?)`, t)
		if err != nil {
			return nil, nil, err
		}
		for cols.Next() {
			var name, typ, dflt string
			var notNull, pk int
			if err := cols.Scan(&name, &typ, &notNull, &dflt, &pk); err != nil {
				cols.Close()
				return nil, nil, err
			}
			def := typ
			if notNull != 0 {
				def += " NOT NULL"
			}
			if dflt != "" {
				def += " DEFAULT " + dflt
			}
			if pk != 0 {
				def += " PRIMARY KEY"
			}
			out = append(out, schemaObject{Kind: "column", Table: t, Name: name, Def: def})
		}
		cols.Close()
		if err := cols.Err(); err != nil {
			return nil, nil, err
		}
	}
	return out, nil, nil
}

// reference of SQLite: the migrations applied to a new in-memory database
// on one connection of its own.
func (sqliteDialect) reference(ctx context.Context, s *Store, _ map[string]bool) ([]schemaObject, error) {
	db, err := sql.Open("sqlite", "file:zhenggai-reference?mode=memory")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if err := applyMigrations(ctx, s, conn); err != nil {
		return nil, err
	}
	objs, _, err := sqliteDialect{}.catalog(ctx, conn, nil)
	return objs, err
}

// applyMigrations runs every migration's statements on q, as migrate does
// on the database (without its data hooks, which change no schema).
func applyMigrations(ctx context.Context, s *Store, q queryer) error {
	if _, err := q.ExecContext(ctx, schemaMigrationsDDL); err != nil {
		return err
	}
	ms, err := migrations()
	if err != nil {
		return err
	}
	for _, m := range ms {
		for _, stmt := range s.statements(m) {
			if _, err := q.ExecContext(ctx, stmt); err != nil {
				return fmt.Errorf("reference schema, %s: %w", m.name, err)
			}
		}
	}
	return nil
}

// pgCatalog are the queries of PostgreSQL's catalog, each giving table,
// name and definition of one kind of object in the current schema.
// Objects that belong to an extension (pg_stat_statements, pgcrypto…) are
// the extension's, not foreign. optional ones are left out where the
// engine lacks the catalog; global ones are database-wide, so the
// reference has none of them, whatever the database has.
var pgCatalog = []struct {
	kind     string
	optional bool
	global   bool
	q        string
}{
	{"table", false, false, `SELECT '', c.relname, c.relkind::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'f') AND ` + pgNotExt("pg_class", "c.oid")},
	{"view", false, false, `SELECT '', c.relname, pg_get_viewdef(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = current_schema() AND c.relkind IN ('v', 'm') AND ` + pgNotExt("pg_class", "c.oid")},
	{"sequence", false, false, `SELECT '', c.relname, '' FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = current_schema() AND c.relkind = 'S' AND ` + pgNotExt("pg_class", "c.oid")},
	{"column", false, false, `SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod)
		|| CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END || COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
		FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
		LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
		WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'f') AND a.attnum > 0 AND NOT a.attisdropped
		AND ` + pgNotExt("pg_class", "c.oid")},
	{"identity", true, false, `SELECT c.relname, a.attname, a.attidentity::text FROM pg_attribute a
		JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = current_schema() AND a.attnum > 0 AND NOT a.attisdropped AND a.attidentity <> ''`},
	{"index", false, false, `SELECT t.relname, i.relname, pg_get_indexdef(i.oid) FROM pg_index x
		JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
		WHERE n.nspname = current_schema() AND ` + pgNotExt("pg_class", "t.oid")},
	{"constraint", false, false, `SELECT t.relname, co.conname, pg_get_constraintdef(co.oid) FROM pg_constraint co
		JOIN pg_class t ON t.oid = co.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
		WHERE n.nspname = current_schema() AND ` + pgNotExt("pg_class", "t.oid")},
	{"trigger", false, false, `SELECT t.relname, tg.tgname, pg_get_triggerdef(tg.oid) FROM pg_trigger tg
		JOIN pg_class t ON t.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = t.relnamespace
		WHERE n.nspname = current_schema() AND NOT tg.tgisinternal`},
	{"rule", false, false, `SELECT tablename, rulename, definition FROM pg_rules WHERE schemaname = current_schema()`},
	{"function", false, false, `SELECT '', p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', ''
		FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
		WHERE n.nspname = current_schema() AND ` + pgNotExt("pg_proc", "p.oid")},
	{"policy", true, false, `SELECT tablename, policyname, cmd || ' USING ' || COALESCE(qual, '') || ' WITH CHECK ' || COALESCE(with_check, '')
		FROM pg_policies WHERE schemaname = current_schema()`},
	{"rls", true, false, `SELECT '', c.relname, CASE WHEN c.relforcerowsecurity THEN 'FORCE ROW LEVEL SECURITY' ELSE 'ROW LEVEL SECURITY' END
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relrowsecurity`},
	{"event trigger", true, true, `SELECT '', e.evtname, e.evtevent || ' ' || e.evtfoid::regproc::text FROM pg_event_trigger e
		WHERE ` + pgNotExt("pg_event_trigger", "e.oid")},
}

// pgNotExt is a condition true when the object of class with that oid is
// not an extension's.
func pgNotExt(class, oid string) string {
	return `NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.classid = '` + class + `'::regclass AND dep.objid = ` + oid +
		` AND dep.deptype = 'e')`
}

func (pgDialect) catalog(ctx context.Context, q queryer, only map[string]bool) ([]schemaObject, map[string]bool, error) {
	var schema string
	if err := q.QueryRowContext(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		return nil, nil, err
	}
	var out []schemaObject
	ran := map[string]bool{}
	for _, c := range pgCatalog {
		if only != nil && !only[c.kind] {
			continue
		}
		rows, err := q.QueryContext(ctx, c.q)
		if err != nil {
			// 42P01 undefined_table, 42703 undefined_column, 42883
			// undefined_function: a catalog this engine lacks.
			if code := pgCode(err); c.optional && only == nil && (code == "42P01" || code == "42703" || code == "42883") {
				continue
			}
			return nil, nil, fmt.Errorf("%s: %w", c.kind, err)
		}
		for rows.Next() {
			o := schemaObject{Kind: c.kind}
			if err := rows.Scan(&o.Table, &o.Name, &o.Def); err != nil {
				rows.Close()
				return nil, nil, err
			}
			o.Def = normDef(o.Def, schema)
			out = append(out, o)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, nil, err
		}
		ran[c.kind] = true
	}
	return out, ran, nil
}

// reference of PostgreSQL: the migrations applied in a new schema of
// their own, read, and rolled back, all in one transaction, so that
// nothing of it is ever seen outside. It needs the right to create a
// schema in the database (its owner has it).
func (pgDialect) reference(ctx context.Context, s *Store, only map[string]bool) ([]schemaObject, error) {
	tx, err := s.wdb.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	b := make([]byte, 6)
	rand.Read(b)
	schema := "zg_reference_" + hex.EncodeToString(b)
	if _, err := tx.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		if pgCode(err) == "42501" {
			return nil, fmt.Errorf("无法核对表结构：数据库用户没有在库中建立模式（schema）的权限，请由 DBA 执行 GRANT CREATE ON DATABASE 库名 TO 用户名（核对时建立的模式在同一事务中撤销，不留下任何内容）：%w", err)
		}
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `SET LOCAL search_path TO `+schema); err != nil {
		return nil, err
	}
	if err := applyMigrations(ctx, s, tx); err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, c := range pgCatalog {
		if only[c.kind] && !c.global {
			want[c.kind] = true
		}
	}
	objs, _, err := pgDialect{}.catalog(ctx, tx, want)
	return objs, err
}
