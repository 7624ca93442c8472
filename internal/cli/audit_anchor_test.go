package cli_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestAuditAnchor: someone who can write the database cuts the end of the
// log with the record it made and moves the head back — a consistent,
// shorter history; the anchor written down earlier catches it.
func TestAuditAnchor(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := run(t, "", "import", "--data", dir, seedFile(t)); code != 0 {
		t.Fatalf("import: %s", errs)
	}
	code, out, errs := run(t, "", "audit", "verify", "--data", dir)
	if code != 0 {
		t.Fatalf("verify: %s %s", out, errs)
	}
	m := regexp.MustCompile(`最后一条为第(\d+)条，哈希 ([0-9a-f]{64})`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no anchor printed: %s", out)
	}
	anchor := m[1] + ":" + m[2]
	if code, out, _ := run(t, "", "audit", "verify", "--data", dir, "--expect", anchor); code != 0 {
		t.Fatalf("the anchor of an intact log is refused: %s", out)
	}

	// Cut the last entry together with the record it created, and point
	// the head at the entry before: a consistent, shorter history.
	db := rawSQL(t, dir, "")
	var lastID int64
	var entity string
	var entityID int64
	if err := db.QueryRow(`SELECT id, entity, entity_id FROM audit_log ORDER BY id DESC LIMIT 1`).Scan(&lastID, &entity, &entityID); err != nil {
		t.Fatal(err)
	}
	if entity != "measures" {
		t.Fatalf("the last entry is about %s; the test expects a measure", entity)
	}
	for _, q := range []string{
		`PRAGMA foreign_keys = OFF`,
		`DELETE FROM measures WHERE id = (SELECT entity_id FROM audit_log ORDER BY id DESC LIMIT 1)`,
		`DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)`,
		`UPDATE audit_head SET last_id = (SELECT MAX(id) FROM audit_log), last_hash = (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	code, out, _ = run(t, "", "audit", "verify", "--data", dir, "--expect", anchor)
	if code != 1 || !strings.Contains(out, "已不存在") {
		t.Errorf("a cut log passes against its anchor: %d %s", code, out)
	}
	if code, _, errs := run(t, "", "audit", "verify", "--data", dir, "--expect", "12:xyz"); code != 2 {
		t.Errorf("a malformed anchor: exit %d %s", code, errs)
	}
}

// TestAuditFiles: an evidence file replaced on disk is caught by --files.
func TestAuditFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "demo")
	startAndGet(t, []string{"demo", "--data", dir, "--addr", "127.0.0.1:0"}, "", "/healthz", "ok")
	if code, out, _ := run(t, "", "audit", "verify", "--data", dir, "--files"); code != 0 || !strings.Contains(out, "已重新核对97份佐证材料") {
		t.Fatalf("intact files: %d %s", code, out)
	}
	var victim string
	filepath.WalkDir(filepath.Join(dir, "files"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && victim == "" {
			victim = p
		}
		return nil
	})
	if err := os.WriteFile(victim, []byte("改过的材料"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := run(t, "", "audit", "verify", "--data", dir, "--files")
	if code != 1 || !strings.Contains(out, "内容已被改动") {
		t.Errorf("a replaced evidence file is not found: %d %s", code, out)
	}
}
