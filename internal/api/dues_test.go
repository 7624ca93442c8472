package api_test

import (
	"strings"
	"testing"
)

// TestDuesAPI: a CSV sheet is checked (dry run), refused with its bad rows
// named, imported, and listed with each month due against paid; the
// calculator answers the rule's rate, tier and amount.
func TestDuesAPI(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		sheet := "2024年党费缴纳表\n姓名,类别,缴费基数（元）,1月,2月,3月\n王明,在职,5100,76.5,76,\n张三,学生,,0.2,0.2,0.2\n"
		code, out := e.raw("POST", "/api/v1/dues/import?dry_run=1&name=党费.csv", "text/csv", strings.NewReader(sheet))
		if code != 200 || num(out["members"]) != 2 || num(out["payments"]) != 5 || out["dry_run"] != true {
			t.Fatalf("dry run: %d %v", code, out)
		}
		if got := e.must(200, "GET", "/api/v1/dues", nil); len(arr(got["members"])) != 0 {
			t.Fatalf("dry run wrote: %v", got)
		}
		bad := "2024年\n姓名,类别,1月\n李四,干部,1\n"
		code, out = e.raw("POST", "/api/v1/dues/import?name=坏.csv", "text/csv", strings.NewReader(bad))
		fields := arr(m(out["error"])["fields"])
		if code != 422 || len(fields) != 1 || m(fields[0])["field"] != "坏.csv:3:类别" {
			t.Fatalf("bad sheet: %d %v", code, out)
		}
		code, out = e.raw("POST", "/api/v1/dues/import?name=党费.csv", "text/csv", strings.NewReader(sheet))
		if code != 201 || num(out["new_members"]) != 2 {
			t.Fatalf("import: %d %v", code, out)
		}
		got := e.must(200, "GET", "/api/v1/dues?year=2024", nil)
		ms := arr(got["members"])
		if len(ms) != 2 || got["rounding"] != "half_up" {
			t.Fatalf("list: %v", got)
		}
		wang := m(ms[1])
		// Due from January to June (the clock is 2024-06-01): 6 × 76.50.
		if wang["name"] != "王明" || num(wang["base"]) != 510000 || num(wang["monthly_due"]) != 7650 || num(wang["due"]) != 6*7650 ||
			num(wang["paid"]) != 15250 || len(arr(wang["months"])) != 12 {
			t.Errorf("王明: %v", wang)
		}
		var short []string
		for _, s := range arr(wang["short"]) {
			short = append(short, s.(string))
		}
		if strings.Join(short, ",") != "2024-02,2024-03,2024-04,2024-05,2024-06" {
			t.Errorf("short months %v", short)
		}
		if code, out := e.call("GET", "/api/v1/dues?year=abc", nil); code != 400 {
			t.Errorf("year abc: %d %v", code, out)
		}

		calc := e.must(200, "GET", "/api/v1/dues/calculate?kind=in_service&base=5100", nil)
		if calc["rate"] != "1.5%" || calc["due"] != "76.50" || num(calc["due_fen"]) != 7650 ||
			calc["tier"] != "月工资收入（税后）5000元以上至10000元（含）的，交纳1.5%" || calc["arithmetic"] != "5100.00元 × 1.5% = 76.50元" {
			t.Errorf("calculate: %v", calc)
		}
		if calc := e.must(200, "GET", "/api/v1/dues/calculate?kind=retired&base=5000.01&rounding=down", nil); calc["due"] != "50.00" {
			t.Errorf("retired: %v", calc)
		}
		for _, q := range []string{"kind=cadre&base=1", "kind=in_service", "kind=in_service&base=-1", "kind=farmer&fixed=2", "kind=retired&base=1&rounding=up"} {
			if code, out := e.call("GET", "/api/v1/dues/calculate?"+q, nil); code != 422 {
				t.Errorf("%s: %d %v", q, code, out)
			}
		}
	})
}
