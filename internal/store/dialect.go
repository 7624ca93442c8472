package store

import (
	"errors"
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
	// foreignKeyViolation reports whether err is a broken reference.
	foreignKeyViolation(err error) bool
}

type sqliteDialect struct{}

func (sqliteDialect) name() string           { return "sqlite" }
func (sqliteDialect) identity() string       { return "INTEGER PRIMARY KEY AUTOINCREMENT" }
func (sqliteDialect) rebind(q string) string { return q }

func (sqliteDialect) uniqueViolation(err error) bool {
	var e *sqlite.Error
	return errors.As(err, &e) && (e.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || e.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY)
}

func (sqliteDialect) foreignKeyViolation(err error) bool {
	var e *sqlite.Error
	return errors.As(err, &e) && e.Code() == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY
}
