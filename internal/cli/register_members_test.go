package cli_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zhenggai/internal/store"
)

// TestRegisterMembers: a members list is checked (--dry-run, nothing
// written), refused whole with the bad row named, imported (persons
// entered), its activities imported for the latest term, and both
// exported.
func TestRegisterMembers(t *testing.T) {
	data := t.TempDir()
	if code, _, errs := run(t, "", "import", "--data", data, seedFile(t)); code != 0 {
		t.Fatal(errs)
	}
	dir := t.TempDir()
	write := func(name, s string) string {
		f := filepath.Join(dir, name)
		if err := os.WriteFile(f, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return f
	}
	count := func() int {
		st, err := store.OpenSQLite(context.Background(), data)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		u, err := st.UnitNamed(context.Background(), "桑植县政协党组")
		if err != nil {
			t.Fatal(err)
		}
		ms, err := st.CPPCCMembers(context.Background(), u.ID, "", false)
		if err != nil {
			t.Fatal(err)
		}
		return len(ms)
	}
	bad := write("bad.csv", "姓名,届次,界别,状态\n王明,第九届,中共,在任\n李华,第九届,教育界,退休\n")
	code, _, errs := run(t, "", "register", "import", "members", bad, "--data", data)
	if code == 0 || !strings.Contains(errs, "第3行“状态”") || count() != 0 {
		t.Fatalf("bad list: exit %d %s, %d members", code, errs, count())
	}
	good := write("good.csv", "姓名,届次,界别,状态\n王明,第九届,中共,在任\n李华,第九届,教育界,在任\n")
	code, out, errs := run(t, "", "register", "import", "members", good, "--data", data, "--dry-run", "--json")
	var sum struct {
		DryRun bool `json:"dry_run"`
		Rows   int  `json:"rows"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &sum) != nil || !sum.DryRun || sum.Rows != 2 || count() != 0 {
		t.Fatalf("dry run: exit %d %s %s", code, out, errs)
	}
	if code, out, errs = run(t, "", "register", "import", "members", good, "--data", data); code != 0 || count() != 2 {
		t.Fatalf("import: exit %d %s %s", code, out, errs)
	}
	acts := write("acts.csv", "姓名,活动类别,活动名称,日期\n王明,调研,乡村振兴调研,2020-05-06\n李华,视察,视察学校,2020-06-01\n")
	if code, out, errs = run(t, "", "register", "import", "activities", acts, "--data", data); code != 0 || !strings.Contains(out, "第九届履职活动2条") {
		t.Fatalf("activities: exit %d %s %s", code, out, errs)
	}
	for _, kind := range []string{"members", "activities"} {
		f := filepath.Join(dir, kind+".xlsx")
		if code, out, errs = run(t, "", "register", "export", kind, "--data", data, "-o", f); code != 0 {
			t.Fatalf("export %s: exit %d %s %s", kind, code, out, errs)
		}
		if b, err := os.ReadFile(f); err != nil || !strings.HasPrefix(string(b), "PK") {
			t.Fatalf("export %s: %v", kind, err)
		}
	}
}
