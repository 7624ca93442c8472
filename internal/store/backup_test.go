package store

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"zhenggai"
)

// TestSnapshotWhileWriting takes a snapshot while a write transaction is
// open on the single writer: the snapshot neither waits for it nor holds
// its uncommitted rows.
func TestSnapshotWhileWriting(t *testing.T) {
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	dir := t.TempDir()
	st, err := OpenSQLite(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r := &zhenggai.Round{Unit: "桑植县政协党组", Inspector: "市委第七巡察组", Kind: zhenggai.KindInspection}
	if err := st.CreateRound(ctx, r); err != nil {
		t.Fatal(err)
	}
	tx, err := st.wdb.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO units (name, created_at) VALUES ('未提交的单位', '2024-01-01T00:00:00Z')`); err != nil {
		t.Fatal(err)
	}

	dest := filepath.Join(t.TempDir(), "snap.db")
	sctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	start := time.Now()
	if err := SnapshotSQLite(sctx, dir, dest); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("the snapshot waited %v for the writer", d)
	}
	info, err := InspectSnapshot(ctx, dest)
	if err != nil {
		t.Fatal(err)
	}
	if info.Counts["units"] != 1 || info.Counts["rounds"] != 1 {
		t.Errorf("counts %v: want the committed unit and round only", info.Counts)
	}
	if info.SchemaVersion != LatestSchemaVersion() || LatestSchemaVersion() < 1 {
		t.Errorf("schema version %d, latest %d", info.SchemaVersion, LatestSchemaVersion())
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}

	// VACUUM INTO never overwrites a database.
	if err := SnapshotSQLite(ctx, dir, dest); err == nil {
		t.Error("a snapshot overwrote an existing file")
	}
	if err := SnapshotSQLite(ctx, t.TempDir(), filepath.Join(t.TempDir(), "x.db")); err == nil || !strings.Contains(err.Error(), "没有数据库") {
		t.Errorf("snapshot of an empty folder: %v", err)
	}
}

func TestInspectRefuses(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.db")
	os.WriteFile(garbage, []byte(strings.Repeat("not a database ", 1000)), 0o600)
	if _, err := InspectSnapshot(ctx, garbage); err == nil {
		t.Error("garbage accepted")
	}
	// A SQLite database that is not ours.
	other := filepath.Join(dir, "other.db")
	db, err := openPlain(other)
	if err != nil {
		t.Fatal(err)
	}
	db.Exec(`CREATE TABLE t (x)`)
	db.Close()
	if _, err := InspectSnapshot(ctx, other); err == nil || !strings.Contains(err.Error(), "不是 zhenggai 的数据库") {
		t.Errorf("foreign database: %v", err)
	}
	if _, err := InspectSnapshot(ctx, filepath.Join(dir, "missing.db")); err == nil {
		t.Error("missing file accepted")
	}
}

func openPlain(path string) (*sql.DB, error) { return sql.Open("sqlite", "file:"+path) }
