package store

import (
	"database/sql"
	"path/filepath"
)

// MarkSchemaForTest records a schema version as if a newer binary had run.
func MarkSchemaForTest(dir string, version int) error {
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, DBFile))
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', '')`, version)
	return err
}

// SetAuditForTest switches the audit trail of st on or off (benchmarks of
// what it costs). Never off outside tests.
func SetAuditForTest(st *Store, on bool) { st.noAudit = !on }
