package api_test

import (
	"fmt"
	"strings"
	"testing"
)

// TestProposalsAPI: a list is checked (dry run), refused with its bad
// rows named, imported, refused again as a re-import, and counted by the
// statistics with every rate's numerator and denominator.
func TestProposalStatsAndImportAPI(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		list := "九届四次会议提案目录\n序号,提案号,届次,年度,案由,提案人,联名人,审查结果,承办单位,交办日期,答复日期,答复类别,满意度,办结日期\n" +
			"1,1,九届四次,2020,关于饮水安全的建议,王明,李华,,县水利局,2020-02-10,2020-04-30,A类,满意,2020-06-01\n" +
			"2,2,九届四次,2020,关于乡村旅游的建议,李华,,并入第1号\n" +
			"3,3,九届四次,2020,关于某事的建议,王明,,转社情民意\n" +
			"4,4,九届四次,2020,关于教育的建议,王明,,,县教育局,2020-02-10,2020-05-20,B类,基本满意\n"
		code, out := e.raw("POST", "/api/v1/proposals/import?dry_run=1&name=提案.csv", "text/csv", strings.NewReader(list))
		if code != 200 || num(out["proposals"]) != 4 || num(out["registered"]) != 2 || out["dry_run"] != true || len(out["sha256"].(string)) != 64 {
			t.Fatalf("dry run: %d %v", code, out)
		}
		stats := e.must(200, "GET", "/api/v1/proposals/stats?session=九届四次", nil)
		if num(m(stats["counts"])["received"]) != 0 {
			t.Fatalf("dry run wrote: %v", stats)
		}
		bad := "序号,提案号,届次,年度,案由,提案人,答复类别\n1,1,九届四次,2020,题,王明,D类\n"
		code, out = e.raw("POST", "/api/v1/proposals/import?name=坏.csv", "text/csv", strings.NewReader(bad))
		fields := arr(m(out["error"])["fields"])
		if code != 422 || len(fields) < 1 || !strings.HasPrefix(m(fields[0])["field"].(string), "坏.csv:2:") {
			t.Fatalf("bad list: %d %v", code, out)
		}
		code, out = e.raw("POST", "/api/v1/proposals/import?name=提案.csv", "text/csv", strings.NewReader(list))
		if code != 201 || num(out["proposals"]) != 4 || num(out["id"]) == 0 {
			t.Fatalf("import: %d %v", code, out)
		}
		code, out = e.raw("POST", "/api/v1/proposals/import?name=提案.csv", "text/csv", strings.NewReader(list))
		if code != 422 || !strings.Contains(fmt.Sprint(out), "九届四次第1号已在提案登记簿中") {
			t.Fatalf("re-import: %d %v", code, out)
		}
		stats = e.must(200, "GET", "/api/v1/proposals/stats?session=九届四次", nil)
		c := m(stats["counts"])
		if num(c["received"]) != 4 || num(c["registered"]) != 2 || num(c["merged"]) != 1 || num(c["converted"]) != 1 ||
			num(c["replied"]) != 2 || num(c["on_time"]) != 1 || num(c["forms"]) != 2 || num(c["satisfied"]) != 1 || num(c["basic"]) != 1 {
			t.Fatalf("counts %v", c)
		}
		rates := map[string]obj{}
		for _, r := range arr(stats["rates"]) {
			rates[m(r)["label"].(string)] = m(r)
		}
		sat, both := rates["满意率"], rates["满意和基本满意率"]
		if sat["percent"] != "50%" || num(sat["num"]) != 1 || num(sat["den"]) != 2 || sat["over"] != "收回的意见表" ||
			both["percent"] != "100%" || num(both["num"]) != 2 {
			t.Errorf("satisfaction rates %v %v", sat, both)
		}
		if r := rates["按期答复率"]; r["percent"] != "50%" || num(r["den"]) != 2 {
			t.Errorf("on time %v", r)
		}
		sent := arr(stats["sentences"])
		if len(sent) != 2 || sent[0] != "九届四次会议共收到提案4件，经提案委员会审查，转一般性意见1件，并案后实际立案2件。" {
			t.Errorf("sentences %v", sent)
		}
		if got := e.must(200, "GET", "/api/v1/proposals/stats", nil); got["session"] != "九届四次" || num(m(got["counts"])["received"]) != 4 {
			t.Errorf("the latest session by default: %v", got)
		}
		for _, q := range []string{"?year=abc", "?year=1800"} {
			if code, out := e.call("GET", "/api/v1/proposals/stats"+q, nil); code != 422 {
				t.Errorf("%q: %d %v", q, code, out)
			}
		}
	})
}
