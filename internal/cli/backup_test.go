package cli_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/attach"
	"zhenggai/internal/store"

	_ "modernc.org/sqlite"
)

// ack is one write the store acknowledged, in the order of acknowledgement.
type ack struct {
	table string // measures, progress or attachments
	id    int64
}

// writer writes through the store API in a loop, one write at a time, and
// records every acknowledged write.
type writer struct {
	mu   sync.Mutex
	acks []ack
	err  error
}

func (w *writer) add(a ...ack) {
	w.mu.Lock()
	w.acks = append(w.acks, a...)
	w.mu.Unlock()
}

func (w *writer) snapshot() []ack {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]ack(nil), w.acks...)
}

// run creates measures and progress reports with an evidence file each
// until stop is closed.
func (w *writer) run(ctx context.Context, st *store.Store, files *attach.Dir, round int64, cat int64, stop <-chan struct{}) {
	var problem int64
	for i := 0; ; i++ {
		select {
		case <-stop:
			return
		default:
		}
		if i%500 == 0 {
			p := &zhenggai.Problem{CategoryID: cat, Seq: 100 + i/500, Title: fmt.Sprintf("并发写入问题%d", i/500)}
			if err := st.CreateProblem(ctx, p); err != nil {
				w.err = err
				return
			}
			problem = p.ID
		}
		m := &zhenggai.Measure{ProblemID: problem, Seq: i%500 + 1, Content: fmt.Sprintf("措施%d", i),
			Kind: zhenggai.MeasureImmediate, Status: zhenggai.InProgress}
		if err := st.CreateMeasure(ctx, m); err != nil {
			w.err = err
			return
		}
		w.add(ack{"measures", m.ID})
		sum, size, err := files.Put(strings.NewReader(fmt.Sprintf("证明材料 %d %d", round, i)))
		if err != nil {
			w.err = err
			return
		}
		p := &zhenggai.Progress{MeasureID: m.ID, Date: zhenggai.NewDate(2024, 5, 1), Content: fmt.Sprintf("进展%d", i),
			Files: []zhenggai.Attachment{{Name: fmt.Sprintf("证明%d.txt", i), SHA256: sum, Size: size, ContentType: "text/plain"}}}
		if err := st.AddProgress(ctx, p, 0); err != nil {
			w.err = err
			return
		}
		w.add(ack{"progress", p.ID}, ack{"attachments", p.Files[0].ID})
	}
}

func cliCtx() context.Context {
	return zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test:backup", Via: "cli"})
}

// seedData makes a data folder with the seed report imported, one extra
// category and some evidence files, and returns it open.
func seedData(t *testing.T, dir string) (*store.Store, *attach.Dir, *zhenggai.Round, *zhenggai.Category) {
	t.Helper()
	if code, _, errs := run(t, "", "import", "--data", dir, seedFile(t)); code != 0 {
		t.Fatalf("import: %s", errs)
	}
	ctx := cliCtx()
	st, err := store.OpenSQLite(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	files, err := attach.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	rounds, err := st.Rounds(ctx)
	if err != nil || len(rounds) == 0 {
		t.Fatalf("rounds: %v %v", rounds, err)
	}
	c := &zhenggai.Category{RoundID: rounds[0].ID, Seq: 99, Title: "并发写入"}
	if err := st.CreateCategory(ctx, c); err != nil {
		t.Fatal(err)
	}
	return st, files, rounds[0], c
}

// TestBackupDuringWrites takes a backup while a writer goes on writing,
// restores it, and finds a consistent database holding every write
// acknowledged before the backup started, and exactly a prefix of all the
// writes: a snapshot of one moment, not a mixture.
func TestBackupDuringWrites(t *testing.T) {
	ctx := cliCtx()
	data := filepath.Join(t.TempDir(), "data")
	st, files, round, cat := seedData(t, data)
	// Unreferenced files are backed up too.
	loose, _, err := files.Put(strings.NewReader("未被引用的文件"))
	if err != nil {
		t.Fatal(err)
	}

	w := &writer{}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); w.run(ctx, st, files, round.ID, cat.ID, stop) }()
	for deadline := time.Now().Add(10 * time.Second); len(w.snapshot()) < 150; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			close(stop)
			wg.Wait()
			t.Fatalf("writer too slow: %d writes, err %v", len(w.snapshot()), w.err)
		}
	}

	before := w.snapshot()
	archive := filepath.Join(t.TempDir(), "备份.zip")
	code, out, errs := run(t, "", "backup", "--data", data, archive)
	during := len(w.snapshot()) - len(before)
	// Let the writer go on a little after the backup, then stop it.
	time.Sleep(50 * time.Millisecond)
	close(stop)
	wg.Wait()
	if w.err != nil {
		t.Fatalf("writer: %v", w.err)
	}
	if code != 0 {
		t.Fatalf("backup exit %d: %s %s", code, out, errs)
	}
	all := w.snapshot()
	t.Logf("%d writes acknowledged before the backup, %d during it, %d in all", len(before), during, len(all))
	if !strings.Contains(out, "备份完成") {
		t.Errorf("backup said %q", out)
	}

	restored := filepath.Join(t.TempDir(), "restored")
	if code, out, errs := run(t, "", "restore", "--data", restored, archive); code != 0 {
		t.Fatalf("restore exit %d: %s %s", code, out, errs)
	}

	db := openRaw(t, restored)
	checkIntegrity(t, db)
	present := map[ack]bool{}
	for _, table := range []string{"measures", "progress", "attachments"} {
		for _, id := range ids(t, db, table) {
			present[ack{table, id}] = true
		}
	}
	for _, a := range before {
		if !present[a] {
			t.Fatalf("write %s #%d acknowledged before the backup started is missing from the restored copy", a.table, a.id)
		}
	}
	// The writes in the copy are exactly the first k acknowledged.
	k := 0
	for k < len(all) && present[all[k]] {
		k++
	}
	for _, a := range all[k:] {
		if present[a] {
			t.Fatalf("the restored copy holds %s #%d but not %s #%d acknowledged before it: not one moment's snapshot",
				a.table, a.id, all[k].table, all[k].id)
		}
	}
	// Every file is there under its hash, referenced or not.
	var hashes []string
	rows, err := db.Query(`SELECT sha256 FROM attachments`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var h string
		rows.Scan(&h)
		hashes = append(hashes, h)
	}
	rows.Close()
	for _, h := range append(hashes, loose) {
		b, err := os.ReadFile(filepath.Join(restored, "files", h[:2], h))
		if err != nil {
			t.Fatalf("file %s: %v", h, err)
		}
		if s := sha256.Sum256(b); hex.EncodeToString(s[:]) != h {
			t.Fatalf("file %s has other content", h)
		}
	}
	db.Close()

	// The store opens the copy (migrations apply) and reads the ledger.
	st2, err := store.OpenSQLite(ctx, restored)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st2.Ledger(ctx, round.ID, zhenggai.NewDate(2024, 6, 1)); err != nil {
		t.Fatal(err)
	}
	st2.Close()

	// The copy passes the audit trail's own check.
	if code, out, errs := run(t, "", "audit", "verify", "--data", restored); code != 0 {
		t.Errorf("audit verify on the restored copy: exit %d\n%s\n%s", code, out, errs)
	}
}

// openRaw opens a data folder's database with plain SQL.
func openRaw(t *testing.T, dir string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, store.DBFile)+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// checkIntegrity runs SQLite's integrity and foreign key checks.
func checkIntegrity(t *testing.T, db *sql.DB) {
	t.Helper()
	var res string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check: %q %v", res, err)
	}
	rows, err := db.Query(`PRAGMA foreign_key_check`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if rows.Next() {
		var table, parent string
		var rowid, fk sql.NullInt64
		rows.Scan(&table, &rowid, &parent, &fk)
		t.Fatalf("foreign_key_check: %s row %d refers to a missing %s", table, rowid.Int64, parent)
	}
}

func ids(t *testing.T, db *sql.DB, table string) []int64 {
	t.Helper()
	rows, err := db.Query(`SELECT id FROM ` + table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		out = append(out, id)
	}
	return out
}

func TestBackupRefuses(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	seedData(t, data)
	dir := t.TempDir()
	existing := filepath.Join(dir, "old.zip")
	os.WriteFile(existing, []byte("an older backup"), 0o600)
	code, _, errs := run(t, "", "backup", "--data", data, existing)
	if code != 1 || !strings.Contains(errs, "已存在") || !strings.Contains(errs, existing) {
		t.Errorf("backup over an existing file: exit %d %q", code, errs)
	}
	if b, _ := os.ReadFile(existing); string(b) != "an older backup" {
		t.Errorf("the existing file was changed")
	}
	empty := t.TempDir()
	code, _, errs = run(t, "", "backup", "--data", empty, filepath.Join(dir, "new.zip"))
	if code != 1 || !strings.Contains(errs, "没有数据库") {
		t.Errorf("backup of an empty folder: exit %d %q", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "new.zip")); !os.IsNotExist(err) {
		t.Errorf("a refused backup left a file")
	}
	if code, _, _ := run(t, "", "backup", "--data", data); code != 2 {
		t.Errorf("backup without FILE: exit %d", code)
	}
	if code, _, _ := run(t, "", "restore", "--help"); code != 0 {
		t.Errorf("restore --help: exit %d", code)
	}
	// Nothing but the two files the test made is left in dir.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left in the folder: %v", entries)
	}
}

// TestBackupSkipsWhatIsNotEvidence leaves out unfinished uploads and
// stray files, and a damaged file with a warning; restore takes the rest.
func TestBackupSkipsWhatIsNotEvidence(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	_, files, _, _ := seedData(t, data)
	good, _, _ := files.Put(strings.NewReader("good"))
	bad, _, _ := files.Put(strings.NewReader("bad"))
	os.WriteFile(filepath.Join(data, "files", bad[:2], bad), []byte("bit rot"), 0o640)
	os.WriteFile(filepath.Join(data, "files", ".upload-123"), []byte("half an upl"), 0o640)
	os.WriteFile(filepath.Join(data, "files", "notes.txt"), []byte("stray"), 0o640)
	archive := filepath.Join(t.TempDir(), "b.zip")
	code, out, errs := run(t, "", "backup", "--data", data, archive)
	if code != 0 || !strings.Contains(out, "已损坏") || !strings.Contains(errs, "notes.txt") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	restored := filepath.Join(t.TempDir(), "r")
	if code, out, errs := run(t, "", "restore", "--data", restored, archive); code != 0 {
		t.Fatalf("restore exit %d: %s %s", code, out, errs)
	}
	var got []string
	filepath.WalkDir(filepath.Join(restored, "files"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			got = append(got, d.Name())
		}
		return nil
	})
	if len(got) != 1 || got[0] != good {
		t.Errorf("restored files %v, want only %s", got, good)
	}
}

func TestRestoreIntoExistingEmptyFolder(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	_, files, _, _ := seedData(t, data)
	sum, _, _ := files.Put(bytes.NewReader([]byte("证明材料")))
	archive := filepath.Join(t.TempDir(), "b.zip")
	if code, _, errs := run(t, "", "backup", "--data", data, archive); code != 0 {
		t.Fatal(errs)
	}
	target := t.TempDir() // exists, empty
	code, out, errs := run(t, "", "restore", "--data", target, archive)
	if code != 0 || !strings.Contains(out, "已恢复到") {
		t.Fatalf("exit %d %s %s", code, out, errs)
	}
	entries, _ := os.ReadDir(target)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, ",") != "files,zhenggai.db" {
		t.Errorf("target holds %v", names)
	}
	if _, err := os.Stat(filepath.Join(target, "files", sum[:2], sum)); err != nil {
		t.Error(err)
	}
	// A second restore into the now full folder is refused, naming it.
	code, _, errs = run(t, "", "restore", "--data", target, archive)
	if code != 1 || !strings.Contains(errs, target) || !strings.Contains(errs, "不是空的") {
		t.Errorf("restore into a full folder: exit %d %q", code, errs)
	}
	// So is a file.
	f := filepath.Join(t.TempDir(), "file")
	os.WriteFile(f, nil, 0o600)
	if code, _, errs := run(t, "", "restore", "--data", f, archive); code != 1 || !strings.Contains(errs, "不是文件夹") {
		t.Errorf("restore onto a file: exit %d %q", code, errs)
	}
}

// TestBackupToDatedFolder is what the daily timer runs: a backup named by
// its Beijing time in a folder made for it, and only the newest kept,
// other files of the folder untouched.
func TestBackupToDatedFolder(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	seedData(t, data)
	dir := filepath.Join(t.TempDir(), "备份")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	older := []string{"zhenggai-2026-01-01-023000.zip", "zhenggai-2026-01-02-023000.zip", "zhenggai-2026-01-03-023000.zip"}
	others := []string{"zhenggai-手工备份.zip", "zhenggai-2026-01-01.zip", "说明.txt"}
	for _, n := range append(append([]string(nil), older...), others...) {
		os.WriteFile(filepath.Join(dir, n), []byte(n), 0o600)
	}
	before := time.Now().In(zhenggai.Shanghai).Format("2006-01-02")
	code, out, errs := run(t, "", "backup", "--data", data, "--dir", dir, "--keep", "2")
	after := time.Now().In(zhenggai.Shanghai).Format("2006-01-02")
	if code != 0 {
		t.Fatalf("exit %d %s %s", code, out, errs)
	}
	entries, _ := os.ReadDir(dir)
	var names, fresh []string
	for _, e := range entries {
		names = append(names, e.Name())
		if strings.HasPrefix(e.Name(), "zhenggai-"+before+"-") || strings.HasPrefix(e.Name(), "zhenggai-"+after+"-") {
			fresh = append(fresh, e.Name())
		}
	}
	if len(fresh) != 1 || len(entries) != 2+len(others) {
		t.Fatalf("folder holds %v", names)
	}
	for _, n := range append([]string{older[2]}, others...) {
		if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
			t.Errorf("%s removed", n)
		}
	}
	for _, n := range older[:2] {
		if !strings.Contains(out, "删除旧备份："+filepath.Join(dir, n)) {
			t.Errorf("output does not name the removed %s:\n%s", n, out)
		}
	}
	if !strings.Contains(out, "备份完成："+filepath.Join(dir, fresh[0])) {
		t.Errorf("output: %s", out)
	}
	// It is a backup like any other.
	if code, out, errs := run(t, "", "restore", "--data", filepath.Join(t.TempDir(), "r"), filepath.Join(dir, fresh[0])); code != 0 {
		t.Fatalf("restore: exit %d %s %s", code, out, errs)
	}

	// A folder that does not exist yet is made; without --keep nothing goes.
	dir2 := filepath.Join(t.TempDir(), "a", "b")
	if code, _, errs := run(t, "", "backup", "--data", data, "--dir", dir2); code != 0 {
		t.Fatalf("new folder: %s", errs)
	}
	for _, args := range [][]string{
		{"--keep", "3", filepath.Join(dir, "x.zip")}, // --keep without --dir
		{"--dir", dir, filepath.Join(dir, "x.zip")},  // both
		{"--dir", dir, "--keep", "-1"},
	} {
		if code, _, _ := run(t, "", append([]string{"backup", "--data", data}, args...)...); code != 2 {
			t.Errorf("backup %q: exit %d, want 2", args, code)
		}
	}
}
