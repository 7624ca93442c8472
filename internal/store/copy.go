package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Copying a whole installation from one database to another (zhenggai
// migrate-data): SQLite to PostgreSQL, back, or SQLite to SQLite. Every
// row is copied as it is, ids included, and the audit trail verbatim, so
// that the copy passes audit verify: the hashes are over canonical JSON
// that comes out the same on both engines (see normalise).

// The tables copied are those Copied in the registry (tables.go),
// parents before children. units refer to themselves: their parents are
// set once all of them are in. The others (schema_migrations, sessions,
// login devices, round_counts) each database keeps or rebuilds itself.

// identityTables have an identity id, whose sequence follows the copied
// ids once they are in: audit_log's ids are assigned by the program, and
// audit_head has one row.
func identityTable(t string) bool { return t != "audit_log" && t != "audit_head" }

// Exists reports whether there is a zhenggai database: on SQLite (dsn "")
// its file in the data folder, on PostgreSQL its schema in the database.
// It creates nothing.
func Exists(ctx context.Context, dataDir, dsn string) (bool, error) {
	if dsn == "" {
		_, err := os.Stat(filepath.Join(dataDir, DBFile))
		if errors.Is(err, os.ErrNotExist) {
			return false, nil
		}
		return err == nil, err
	}
	if !IsDSN(dsn) {
		return false, fmt.Errorf("不支持的数据库地址 %q：应为 postgres://用户@主机:端口/库名", RedactDSN(dsn))
	}
	db, err := openPgx(dsn)
	if err != nil {
		return false, fmt.Errorf("PostgreSQL 地址 %s 有误：%w", RedactDSN(dsn), err)
	}
	defer db.Close()
	var n int
	err = db.QueryRowContext(ctx, `SELECT COUNT(*) FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_name = 'schema_migrations'`).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("无法连接 PostgreSQL（%s）：%w", RedactDSN(dsn), err)
	}
	return n > 0, nil
}

// tables lists the tables of the database.
func (s *Store) tables(ctx context.Context, q queryer) ([]string, error) {
	query := `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`
	if s.d.name() != "sqlite" {
		query = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`
	}
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		out = append(out, strings.ToLower(t))
	}
	sort.Strings(out)
	return out, rows.Err()
}

// Empty reports whether the database holds no records: nothing in any
// table but a fresh audit head. A target of CopyInto must be empty.
func (s *Store) Empty(ctx context.Context) (bool, error) {
	for _, t := range append([]string{"sessions"}, copyTables[:len(copyTables)-1]...) {
		var one int
		err := s.rdb.QueryRowContext(ctx, `SELECT 1 FROM `+t+` LIMIT 1`).Scan(&one)
		if err == nil {
			return false, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return false, err
		}
	}
	var last int64
	err := s.rdb.QueryRowContext(ctx, `SELECT last_id FROM audit_head WHERE id = 1`).Scan(&last)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, err
	}
	return last == 0, nil
}

// CopyProgress is told, while a table is copied, how many of its rows are
// in so far (done) of how many (total).
type CopyProgress func(table string, done, total int64)

// CopyReport is what CopyInto copied: rows per table.
type CopyReport struct {
	Tables []string         // in the order copied
	Counts map[string]int64 // rows per table
}

// copyBatchParams bounds the values of one multi-row INSERT (SQLite
// allows 32766, PostgreSQL 65535).
const copyBatchParams = 4000

// CopyInto copies every record of s into dst, which must be empty (a
// fresh schema): all tables but sessions, in one read of s (a consistent
// snapshot while a server may still be writing to it) and in one
// transaction on dst, so that a copy that fails leaves dst as empty as it
// was and can simply be run again. Ids are kept; identity sequences on
// PostgreSQL are moved past them. Both databases must be at the same
// schema version (Open brings both to this program's).
func (s *Store) CopyInto(ctx context.Context, dst *Store, progress CopyProgress) (*CopyReport, error) {
	if progress == nil {
		progress = func(string, int64, int64) {}
	}
	if empty, err := dst.Empty(ctx); err != nil {
		return nil, err
	} else if !empty {
		return nil, errors.New("目标数据库中已有数据；迁移只写入空的数据库（新建的数据目录或空的 PostgreSQL 库）")
	}
	src, err := s.rdb.BeginTx(ctx, &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead})
	if err != nil {
		return nil, err
	}
	defer src.Rollback()
	// A table this code does not know must not be left behind unnoticed:
	// a migration that adds one adds it to the registry (TestTables fails
	// until it does), and a table of some other program in the same
	// PostgreSQL schema is not this program's to copy or to leave.
	have, err := s.tables(ctx, src)
	if err != nil {
		return nil, fmt.Errorf("读取源数据库的表：%w", err)
	}
	known := map[string]bool{}
	for _, t := range copyTables {
		known[t] = true
	}
	for _, t := range have {
		if !known[t] && TableNamed(t) == nil {
			return nil, fmt.Errorf("源数据库中有不在迁移清单中的表 %s；请确认该数据库（或 PostgreSQL 的当前 schema）中只有 zhenggai 的表", t)
		}
	}

	rep := &CopyReport{Counts: map[string]int64{}}
	err = dst.writeOnce(ctx, func(tx *sql.Tx) error {
		// The fresh schema's audit head is replaced by the source's.
		if _, err := tx.ExecContext(ctx, `DELETE FROM audit_head`); err != nil {
			return err
		}
		for _, t := range copyTables {
			var total int64
			if err := src.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+t).Scan(&total); err != nil {
				return fmt.Errorf("%s：%w", t, err)
			}
			progress(t, 0, total)
			n, err := s.copyTable(ctx, src, dst, tx, t, func(done int64) { progress(t, done, total) })
			if err != nil {
				return fmt.Errorf("复制表 %s：%w", t, err)
			}
			var got int64
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+t).Scan(&got); err != nil {
				return err
			}
			if n != total || got != total {
				return fmt.Errorf("复制表 %s：源有 %d 行，读出 %d 行，写入后 %d 行", t, total, n, got)
			}
			if identityTable(t) {
				if err := dst.d.resetIdentity(ctx, tx, t); err != nil {
					return fmt.Errorf("%s 的编号序列：%w", t, err)
				}
			}
			rep.Tables = append(rep.Tables, t)
			rep.Counts[t] = n
		}
		return dst.rebuildRoundCounts(ctx, tx)
	})
	// dst's idea of the audit head may be wrong now: read it afresh.
	dst.auditHead.set(0, "", false)
	if err != nil {
		return nil, err
	}
	return rep, nil
}

// copyTable copies one table's rows, in id order, into tx on dst, and
// returns how many it copied.
func (s *Store) copyTable(ctx context.Context, src *sql.Tx, dst *Store, tx *sql.Tx, table string, step func(int64)) (int64, error) {
	rows, err := src.QueryContext(ctx, `SELECT * FROM `+table+` ORDER BY id`)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return 0, err
	}
	for i := range cols {
		cols[i] = strings.ToLower(cols[i])
	}
	if err := sameColumns(ctx, tx, table, cols); err != nil {
		return 0, err
	}
	// units point at each other: each goes in without its parent, and the
	// parents are set once every unit is in.
	parentCol := -1
	type parentOf struct{ id, parent any }
	var parents []parentOf
	if table == "units" {
		for i, c := range cols {
			if c == "parent_id" {
				parentCol = i
			}
		}
	}
	idCol := -1
	for i, c := range cols {
		if c == "id" {
			idCol = i
		}
	}

	per := max(1, copyBatchParams/len(cols))
	insert := func(n int) string {
		row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
		return dst.d.rebind(`INSERT INTO ` + table + ` (` + strings.Join(cols, ", ") + `) VALUES ` +
			strings.TrimSuffix(strings.Repeat(row+", ", n), ", "))
	}
	full, err := tx.PrepareContext(ctx, insert(per))
	if err != nil {
		return 0, err
	}
	defer full.Close()
	var batch []any
	var n, inBatch int64
	flush := func() error {
		if inBatch == 0 {
			return nil
		}
		var err error
		if inBatch == int64(per) {
			_, err = full.ExecContext(ctx, batch...)
		} else {
			_, err = tx.ExecContext(ctx, insert(int(inBatch)), batch...)
		}
		if err != nil {
			return err
		}
		n += inBatch
		batch, inBatch = batch[:0], 0
		step(n)
		return nil
	}
	for rows.Next() {
		vals, err := scanValues(rows, len(cols))
		if err != nil {
			return n, err
		}
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				vals[i] = string(b)
			}
		}
		if parentCol >= 0 && vals[parentCol] != nil {
			parents = append(parents, parentOf{vals[idCol], vals[parentCol]})
			vals[parentCol] = nil
		}
		batch = append(batch, vals...)
		if inBatch++; inBatch == int64(per) {
			if err := flush(); err != nil {
				return n, err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return n, err
	}
	if err := flush(); err != nil {
		return n, err
	}
	if len(parents) > 0 {
		set, err := tx.PrepareContext(ctx, dst.d.rebind(`UPDATE units SET parent_id = ? WHERE id = ?`))
		if err != nil {
			return n, err
		}
		defer set.Close()
		for _, p := range parents {
			if _, err := set.ExecContext(ctx, p.parent, p.id); err != nil {
				return n, err
			}
		}
	}
	return n, nil
}

// sameColumns checks that table in tx has exactly the columns cols.
func sameColumns(ctx context.Context, tx *sql.Tx, table string, cols []string) error {
	rows, err := tx.QueryContext(ctx, `SELECT * FROM `+table+` WHERE 1 = 0`)
	if err != nil {
		return err
	}
	have, err := rows.Columns()
	rows.Close()
	if err != nil {
		return err
	}
	want := map[string]bool{}
	for _, c := range cols {
		want[c] = true
	}
	if len(have) != len(cols) {
		return fmt.Errorf("两边的列不同（源：%s；目标：%s）", strings.Join(cols, ","), strings.ToLower(strings.Join(have, ",")))
	}
	for _, c := range have {
		if !want[strings.ToLower(c)] {
			return fmt.Errorf("两边的列不同（源：%s；目标：%s）", strings.Join(cols, ","), strings.ToLower(strings.Join(have, ",")))
		}
	}
	return nil
}

// Count is the number of rows of one of the tables an installation copies
// (CopyReport names them).
func (s *Store) Count(ctx context.Context, table string) (int64, error) {
	ok := table == "sessions"
	for _, t := range copyTables {
		ok = ok || t == table
	}
	if !ok {
		return 0, fmt.Errorf("count: unknown table %q", table)
	}
	var n int64
	err := s.rdb.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+table).Scan(&n)
	return n, err
}

// AttachmentHashes lists the distinct SHA-256 names of the evidence files
// the records refer to (progress attachments and archives' documents).
func (s *Store) AttachmentHashes(ctx context.Context) ([]string, error) {
	rows, err := s.rdb.QueryContext(ctx, `SELECT sha256 FROM attachments UNION SELECT sha256 FROM archive_documents WHERE sha256 <> '' ORDER BY 1`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var h string
		if err := rows.Scan(&h); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}
