package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// This file is what backup and restore need from the database: a
// consistent copy taken while the server writes, and a check of a copy
// before it is trusted.

// LatestSchemaVersion is the schema version this program brings a
// database up to: the number of its newest migration.
func LatestSchemaVersion() int {
	ms, err := migrations()
	if err != nil || len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

// SnapshotSQLite writes a consistent copy of the database of the data
// folder dir into dest, which must not exist or be an empty file. It uses
// VACUUM INTO: one read transaction, so that the copy is the database as
// of one commit, while the server (another process or this one) goes on
// writing through WAL. It opens its own connection and never migrates, so
// a newer program can back up a database an older server is running on.
func SnapshotSQLite(ctx context.Context, dir, dest string) error {
	path := filepath.Join(dir, DBFile)
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("数据目录 %s 中没有数据库：%w", dir, err)
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, dest); err != nil {
		return fmt.Errorf("复制数据库：%w", err)
	}
	return nil
}

// SnapshotInfo describes a database file: its schema version, the number
// of rows of each table, and the evidence files its records name.
type SnapshotInfo struct {
	SchemaVersion int
	Counts        map[string]int64
	// Hashes are the distinct SHA-256 names of the evidence files referenced
	// (attachments, and the scans of meetings' minutes).
	Hashes []string
}

// InspectSnapshot checks a database file that is not in use (a snapshot
// just taken, or one just restored): SQLite's integrity check, every
// foreign key, and then what it holds. It writes nothing.
func InspectSnapshot(ctx context.Context, path string) (*SnapshotInfo, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, err
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "query_only(1)")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)

	var problems []string
	rows, err := db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return nil, fmt.Errorf("数据库无法读取：%w", err)
	}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return nil, err
		}
		if s != "ok" {
			problems = append(problems, s)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("数据库无法读取：%w", err)
	}
	if len(problems) > 0 {
		if len(problems) > 5 {
			problems = append(problems[:5], "…")
		}
		return nil, fmt.Errorf("数据库完整性检查未通过：%s", strings.Join(problems, "；"))
	}
	rows, err = db.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return nil, err
	}
	if rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fk int64
		err := rows.Scan(&table, &rowid, &parent, &fk)
		rows.Close()
		if err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("数据库引用检查未通过：表 %s 第 %d 行引用的 %s 记录不存在", table, rowid.Int64, parent)
	}
	rows.Close()

	info := &SnapshotInfo{Counts: map[string]int64{}}
	var tables []string
	rows, err = db.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, err
		}
		tables = append(tables, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	has := map[string]bool{}
	for _, t := range tables {
		has[t] = true
		var n int64
		if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM "`+strings.ReplaceAll(t, `"`, `""`)+`"`).Scan(&n); err != nil {
			return nil, err
		}
		info.Counts[t] = n
	}
	if has["schema_migrations"] {
		if err := db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&info.SchemaVersion); err != nil {
			return nil, err
		}
	}
	if has["attachments"] {
		rows, err := db.QueryContext(ctx, `SELECT DISTINCT sha256 FROM attachments ORDER BY sha256`)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			var h string
			if err := rows.Scan(&h); err != nil {
				return nil, err
			}
			info.Hashes = append(info.Hashes, h)
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	// The scans of meetings' minutes and the archives' documents are
	// evidence files too.
	seen := make(map[string]bool, len(info.Hashes))
	for _, h := range info.Hashes {
		seen[h] = true
	}
	for _, q := range []struct{ table, query string }{
		{"meetings", `SELECT DISTINCT minutes_sha256 FROM meetings WHERE minutes_sha256 <> '' ORDER BY minutes_sha256`},
		{"archive_documents", `SELECT DISTINCT sha256 FROM archive_documents WHERE sha256 <> '' ORDER BY sha256`},
	} {
		if !has[q.table] {
			continue
		}
		if err := func() error {
			rows, err := db.QueryContext(ctx, q.query)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var h string
				if err := rows.Scan(&h); err != nil {
					return err
				}
				if !seen[h] {
					seen[h] = true
					info.Hashes = append(info.Hashes, h)
				}
			}
			return rows.Err()
		}(); err != nil {
			return nil, err
		}
	}
	slices.Sort(info.Hashes)
	if info.SchemaVersion == 0 {
		return nil, errors.New("不是 zhenggai 的数据库（没有版本记录）")
	}
	return info, nil
}
