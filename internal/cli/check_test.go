package cli_test

import (
	"database/sql"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"zhenggai/internal/store"
)

// TestCheck: the seed imported, two unsigned vouchers (one of 2万元 with
// no decision) written behind the program's back; check prints them by
// rule, as JSON too, and refuses a period that ends before it starts.
func TestCheck(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	if code, _, errs := run(t, "", "import", "--data", data, seedFile(t)); code != 0 {
		t.Fatal(errs)
	}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(data, store.DBFile))
	if err != nil {
		t.Fatal(err)
	}
	for i, amount := range []int64{2000000, 5000} {
		res, err := db.Exec(`INSERT INTO vouchers (unit_id, period, date, word, number, summary, attachments, imported_at)
			VALUES ((SELECT MIN(id) FROM units), '2019-03', '2019-03-0'||?, '记', ?, '会议费', 1, '2020-01-01T00:00:00Z')`, i+1, i+1)
		if err != nil {
			t.Fatal(err)
		}
		id, _ := res.LastInsertId()
		if _, err := db.Exec(`INSERT INTO voucher_lines (unit_id, voucher_id, seq, summary, account_code, debit)
			VALUES ((SELECT MIN(id) FROM units), ?, 1, '会议费', '5101', ?)`, id, amount); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	code, out, errs := run(t, "", "check", "--data", data, "--from", "2016-01-01", "--to", "2020-12-31")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"【会计凭证经审核签字】（财务管理，巡察反馈问题34）", "2019年有2张记账凭证无审核人签字",
		"【大额资金使用经党组会议事前集体研究】", "2019年有1笔单笔1万元以上开支未经党组会议研究", "涉及：记-1号（2019年3月）"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, out, errs = run(t, "", "check", "--data", data, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Findings []map[string]any `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	rules := map[string]bool{}
	for _, f := range got.Findings {
		rules[f["rule"].(string)] = true
		for _, k := range []string{"seed_problem", "severity", "text", "figures", "records"} {
			if _, ok := f[k]; !ok {
				t.Errorf("finding lacks %s: %v", k, f)
			}
		}
	}
	if !rules["voucher_approval"] || !rules["large_expense"] || len(got.Findings) != 2 {
		t.Errorf("findings %v", got.Findings)
	}
	if code, _, errs := run(t, "", "check", "--data", data, "--from", "2020-01-01", "--to", "2019-01-01"); code == 0 || !strings.Contains(errs, "不能早于") {
		t.Errorf("a period backwards: exit %d, %s", code, errs)
	}
}
