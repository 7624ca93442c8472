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
		code, out := e.raw("POST", "/api/v1/imports", "text/plain", strings.NewReader(text))
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

	code, out := e.raw("POST", "/api/v1/imports", "text/plain", strings.NewReader(sample.Sangzhi))
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
