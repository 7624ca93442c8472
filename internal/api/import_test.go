package api_test

import (
	"strings"
	"testing"

	"zhenggai/internal/sample"
)

func TestImport(t *testing.T) {
	e := newEnv(t)
	before := e.snapshot()

	code, im := e.raw("POST", "/api/v1/imports?dry_run=1", "text/plain; charset=utf-8", strings.NewReader(sample.Sangzhi))
	if code != 200 {
		t.Fatalf("dry run: %d %v", code, im)
	}
	cats := arr(im["categories"])
	problems := 0
	for _, c := range cats {
		problems += len(arr(m(c)["problems"]))
	}
	if len(cats) != 14 || problems != 38 {
		t.Errorf("dry run: %d categories, %d problems", len(cats), problems)
	}
	if m(im["round"])["inspector"] != "市委第七巡察组" {
		t.Errorf("dry run round: %v", im["round"])
	}
	if e.snapshot() != before {
		t.Fatal("dry run wrote something")
	}

	// Garbage and an empty body: 422, nothing written.
	for _, text := range []string{"这不是一份整改报告。\n只是几句话。", "", "\xff\xfe乱码"} {
		code, out := e.raw("POST", "/api/v1/imports?unit_parent="+e.officeID(), "text/plain", strings.NewReader(text))
		if code != 422 || !hasHan(m(out["error"])["message"].(string)) {
			t.Errorf("garbage %q: %d %v", text, code, out)
		}
	}
	if code, _ := e.raw("POST", "/api/v1/imports?dry_run=maybe", "text/plain", strings.NewReader(sample.Sangzhi)); code != 400 {
		t.Errorf("bad dry_run: %d", code)
	}
	if e.snapshot() != before {
		t.Fatal("a refused import wrote something")
	}

	code, out := e.raw("POST", "/api/v1/imports?unit_parent="+e.officeID(), "text/plain", strings.NewReader(sample.Sangzhi))
	if code != 201 {
		t.Fatalf("import: %d %v", code, out)
	}
	r := m(out["round"])
	var sum int64
	for _, v := range m(r["status_counts"]) {
		sum += num(v)
	}
	if sum != 38 || num(r["problems"]) != 38 || num(r["categories"]) != 14 || r["unit"] != "桑植县政协党组" {
		t.Errorf("imported round: %v", r)
	}
	if d := m(r["declared"]); num(d["completed"]) != 35 || num(d["basically_completed"]) != 3 {
		t.Errorf("declared: %v", d)
	}
	if len(arr(m(out["imported"])["categories"])) != 14 {
		t.Errorf("imported: %v", out["imported"])
	}
	list := e.must(200, "GET", "/api/v1/rounds", nil)
	if len(arr(list["rounds"])) != 1 {
		t.Errorf("rounds after import: %v", list)
	}
	l := e.must(200, "GET", path("/api/v1/rounds/%d/ledger", num(r["id"])), nil)
	if len(arr(l["categories_tree"])) != 14 {
		t.Errorf("ledger after import: %d categories", len(arr(l["categories_tree"])))
	}

	// Too large.
	big := strings.Repeat("字", 1<<20) // 3 MiB
	if code, _ := e.raw("POST", "/api/v1/imports?dry_run=1", "text/plain", strings.NewReader(big)); code != 413 {
		t.Errorf("large import: %d", code)
	}
}

// TestImportShapes: a report cut after its preamble imports as a round
// without problems, keeping its facts and figures; a compilation of several
// units is refused with their names, and nothing is written; the round
// keeps the report's title, signature and declared outcomes.
func TestImportShapes(t *testing.T) {
	e := newEnv(t)
	before := e.snapshot()
	compiled := "市委巡察整改情况摘编\n市财政局党组\n1.预算执行偏慢。\n整改情况：已整改。\n市审计局党组\n1.整改跟踪不到位。\n整改情况：已整改。\n"
	code, out := e.raw("POST", "/api/v1/imports?unit_parent="+e.officeID(), "text/plain", strings.NewReader(compiled))
	if msg, _ := m(out["error"])["message"].(string); code != 422 || !strings.Contains(msg, "市财政局党组、市审计局党组") {
		t.Errorf("compilation: %d %v", code, out)
	}
	if e.snapshot() != before {
		t.Fatal("a refused compilation wrote something")
	}

	cut := "中共临江县林业局党组关于县委巡察整改进展情况的通报\n" +
		"根据县委统一部署，2024年2月26日至4月19日，县委第二巡察组对县林业局党组开展了常规巡察。5月30日，县委第二巡察组向县林业局党组反馈了巡察意见。\n" +
		"一、组织整改落实情况\n截至7月31日，巡察反馈的3个方面10个问题，已完成整改8个，正在整改2个。建立完善制度4项，清退违规发放津补贴2.3万元。局党组召开专题会议"
	code, out = e.raw("POST", "/api/v1/imports?unit_parent="+e.officeID(), "text/plain", strings.NewReader(cut))
	if code != 201 {
		t.Fatalf("cut report: %d %v", code, out)
	}
	r := m(out["round"])
	if r["unit"] != "县林业局党组" || num(r["problems"]) != 0 || r["report_title"] != "中共临江县林业局党组关于县委巡察整改进展情况的通报" {
		t.Errorf("round %v", r)
	}
	d := m(r["declared"])
	if o := m(d["outcomes"]); num(d["problems"]) != 10 || num(o["rules"]) != 4 || num(o["refunded_fen"]) != 2_300_000 {
		t.Errorf("declared %v", d)
	}
	warns := arr(m(out["imported"])["warnings"])
	if len(warns) == 0 || !strings.Contains(warns[0].(string), "处中断") {
		t.Errorf("warnings %v", warns)
	}
}
