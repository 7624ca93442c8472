package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, n := range names {
		base := strings.TrimPrefix(n, "migrations/")
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return nil, fmt.Errorf("migration %s: name must start with its number", base)
		}
		b, err := migrationFiles.ReadFile(n)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{v, base, string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// migrate applies, each in its own transaction, the migrations the
// database has not seen, by number: one numbered below the newest applied
// (branches merged out of order) is applied too, not skipped for good. A
// database newer than the binary is refused, so an old binary never
// writes into a schema it does not know.
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.wdb.ExecContext(ctx, schemaMigrationsDDL); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	applied, current, err := s.appliedMigrations(ctx)
	if err != nil {
		return err
	}
	ms, err := migrations()
	if err != nil {
		return err
	}
	if n := len(ms); n > 0 && current > ms[n-1].version {
		return fmt.Errorf("数据库版本(%d)高于本程序(%d)，请使用新版本的 zhenggai", current, ms[n-1].version)
	}
	for _, m := range ms {
		if applied[m.version] {
			continue
		}
		err := s.write(ctx, func(tx *sql.Tx) error {
			for _, stmt := range s.statements(m) {
				if _, err := tx.ExecContext(ctx, stmt); err != nil {
					return fmt.Errorf("%s: %w\n%s", m.name, err, stmt)
				}
			}
			if hook := migrationHooks[m.version]; hook != nil {
				if err := hook(s, ctx, tx); err != nil {
					return fmt.Errorf("%s: %w", m.name, err)
				}
			}
			_, err := tx.ExecContext(ctx, s.d.rebind(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`),
				m.version, m.name, time.Now().UTC().Format(time.RFC3339))
			return err
		})
		if err != nil {
			// On PostgreSQL two programs may start on one new database at
			// once: the one that lost the race finds the migration done.
			if now, _, rerr := s.appliedMigrations(ctx); rerr == nil && now[m.version] {
				continue
			}
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

// appliedMigrations reads the numbers of the migrations applied, and the
// newest of them.
func (s *Store) appliedMigrations(ctx context.Context) (map[int]bool, int, error) {
	rows, err := s.wdb.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, 0, fmt.Errorf("read schema version: %w", err)
	}
	defer rows.Close()
	applied, newest := map[int]bool{}, 0
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, 0, fmt.Errorf("read schema version: %w", err)
		}
		applied[v], newest = true, max(newest, v)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("read schema version: %w", err)
	}
	return applied, newest, nil
}

// schemaMigrationsDDL makes the table of applied migrations, before any.
const schemaMigrationsDDL = `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`

// statements are a migration's statements for the store's engine.
func (s *Store) statements(m migration) []string {
	body := strings.ReplaceAll(m.sql, "{{ID}}", s.d.identity())
	body = strings.ReplaceAll(body, "{{KEY}}", assignedKey(s.d))
	return splitSQL(body)
}

// splitSQL cuts a migration into statements at semicolons that end a line,
// dropping comment lines.
func splitSQL(s string) []string {
	var out []string
	var cur strings.Builder
	for _, line := range strings.Split(s, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "--") {
			continue
		}
		cur.WriteString(line)
		cur.WriteByte('\n')
		if strings.HasSuffix(t, ";") {
			out = append(out, strings.TrimSuffix(strings.TrimSpace(cur.String()), ";"))
			cur.Reset()
		}
	}
	if strings.TrimSpace(cur.String()) != "" {
		out = append(out, strings.TrimSpace(cur.String()))
	}
	return out
}
