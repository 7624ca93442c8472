package api_test

import (
	"context"
	"fmt"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// TestSelfCheckAPI: findings as `zhenggai check --json` prints them; the
// keys chosen become a round of 自查; a leader may read but not make one,
// and another unit's findings are refused.
func TestSelfCheckAPI(t *testing.T) {
	testkit.EachBackend(t, func(t *testing.T, k *testkit.Env) {
		e := serve(t, k)
		ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
		rd := &zhenggai.Round{Unit: "桑植县政协党组", Inspector: "市委第七巡察组", Kind: zhenggai.KindInspection}
		if err := e.st.CreateRound(ctx, rd); err != nil {
			t.Fatal(err)
		}
		raw := k.Raw(t)
		var vid int64
		if err := raw.QueryRow(`INSERT INTO vouchers (unit_id, period, date, word, number, summary, attachments, imported_at)
			VALUES (?, '2019-03', '2019-03-05', '记', 15, '会议费', 0, '2020-01-01T00:00:00Z') RETURNING id`, rd.UnitID).Scan(&vid); err != nil {
			t.Fatal(err)
		}
		if _, err := raw.Exec(`INSERT INTO voucher_lines (unit_id, voucher_id, seq, summary, account_code, debit) VALUES (?, ?, 1, '会议费', '5101', 300000)`, rd.UnitID, vid); err != nil {
			t.Fatal(err)
		}
		out := e.must(200, "GET", fmt.Sprintf("/api/v1/selfcheck?unit=%d&from=2016-01-01&to=2020-12-31", rd.UnitID), nil)
		fs, _ := out["findings"].([]any)
		keys := map[string]obj{}
		for _, f := range fs {
			keys[f.(obj)["key"].(string)] = f.(obj)
		}
		if len(fs) != 2 || keys["voucher_approval-1"] == nil || keys["voucher_purpose-1"] == nil {
			t.Fatalf("findings %v", out)
		}
		f := keys["voucher_purpose-1"]
		recs := f["records"].([]any)
		if f["text"] != "财务报销手续不完备，2019年有1张支出凭证未附原始单据，涉及金额3000元" || num(f["seed_problem"]) != 35 ||
			f["severity"] != "common" || num(f["figures"].(obj)["vouchers"]) != 1 || len(recs) != 1 || num(recs[0].(obj)["id"]) != vid {
			t.Errorf("finding %v", f)
		}
		if code, out := e.call("GET", "/api/v1/selfcheck?unit=1&from=2020-01-01&to=2019-01-01", nil); code != 422 {
			t.Errorf("a period backwards: %d %v", code, out)
		}

		leader := testkit.SignIn(t, e.st, zhenggai.RoleLeader, rd.Unit, "张主席")
		clerk := testkit.SignIn(t, e.st, zhenggai.RoleUnitAdmin, rd.Unit, "办公室")
		other := testkit.SignIn(t, e.st, zhenggai.RoleUnitAdmin, "慈利县政协党组", "办公室")
		body := obj{"unit": rd.UnitID, "from": "2016-01-01", "to": "2020-12-31", "keys": []string{"voucher_purpose-1"}}
		as := func(l *testkit.Login) *env { c := *e; c.login = l; return &c }
		if code, _ := as(leader).call("GET", "/api/v1/selfcheck", nil); code != 200 {
			t.Errorf("a leader reads his unit's findings: %d", code)
		}
		if code, _ := as(other).call("GET", fmt.Sprintf("/api/v1/selfcheck?unit=%d", rd.UnitID), nil); code != 403 {
			t.Errorf("another unit reads the findings: %d", code)
		}
		if code, _ := as(leader).call("POST", "/api/v1/selfcheck/round", body); code != 403 {
			t.Errorf("a leader makes a round: %d", code)
		}
		round := as(clerk).must(201, "POST", "/api/v1/selfcheck/round", body)
		if round["kind"] != "自查" || num(round["unit_id"]) != rd.UnitID {
			t.Fatalf("round %v", round)
		}
		l, err := e.st.Ledger(ctx, num(round["id"]), zhenggai.NewDate(2024, 6, 1))
		if err != nil {
			t.Fatal(err)
		}
		if len(l.Categories) != 1 || l.Categories[0].Title != "财务管理" || len(l.Categories[0].Problems) != 1 {
			t.Fatalf("ledger %+v", l.Categories)
		}
		if code, out := as(clerk).call("POST", "/api/v1/selfcheck/round", obj{"keys": []string{"nothing-1"}}); code != 422 {
			t.Errorf("a round of no finding: %d %v", code, out)
		}
	})
}
