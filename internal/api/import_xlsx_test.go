package api_test

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhenggai/internal/sample"
	"zhenggai/internal/testkit"
)

// TestLedgerXLSX: GET …/ledger.xlsx gives the workbook; posted to
// /api/v1/imports it is read like a text report, and a workbook with bad
// rows is a 422 naming each row, with nothing written.
func TestLedgerXLSX(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		if code, out := e.raw("POST", "/api/v1/imports?unit_parent="+e.officeID(), "text/plain", strings.NewReader(sample.Sangzhi)); code != 201 {
			t.Fatalf("import: %d %v", code, out)
		}
		req, _ := http.NewRequest("GET", e.srv.URL+"/api/v1/rounds/1/ledger.xlsx", nil)
		e.login.Bearer(req)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		file, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || !strings.Contains(res.Header.Get("Content-Type"), "spreadsheetml") {
			t.Fatalf("GET ledger.xlsx: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
		}

		code, im := e.raw("POST", "/api/v1/imports?dry_run=1", "application/octet-stream", bytes.NewReader(file))
		if code != 200 || len(arr(im["categories"])) != 14 || m(im["round"])["inspector"] != "市委第七巡察组" {
			t.Fatalf("dry run: %d %v", code, im["round"])
		}
		before := e.snapshot()
		f := excelize.NewFile()
		f.SetSheetRow("Sheet1", "A1", &[]any{"序号", "问题类别", "具体问题", "整改措施", "完成情况"})
		f.SetSheetRow("Sheet1", "A2", &[]any{1, "（一）学习", "问题。", "措施。", "完了"})
		f.SetSheetRow("Sheet1", "A3", &[]any{1, "（一）学习", "另一问题。", "措施。"})
		var bad bytes.Buffer
		f.WriteTo(&bad)
		code, out := e.raw("POST", "/api/v1/imports?unit_parent="+e.officeID(), "", &bad)
		fields := arr(m(out["error"])["fields"])
		if code != 422 || len(fields) != 2 || m(fields[0])["field"] != "Sheet1:2:完成情况" || m(fields[1])["field"] != "Sheet1:3:序号" {
			t.Errorf("bad rows: %d %v", code, out)
		}
		if e.snapshot() != before {
			t.Error("a refused workbook wrote something")
		}
		if code, out := e.raw("POST", "/api/v1/imports?unit_parent="+e.officeID(), "", bytes.NewReader(file)); code != 201 || num(m(out["round"])["problems"]) != 38 {
			t.Errorf("import: %d %v", code, out)
		}
	})
}

// TestMergeBombImport: the attack workbook (4,000 copies of a merged range
// over every column right of the ledger and every row below) sent for a
// dry run reads as the 200 rows it carries.
func TestMergeBombImport(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		bomb := testkit.MergeBomb(t, 200, 4000, "L3:XFC1048576")
		code, im := e.raw("POST", "/api/v1/imports?dry_run=1", "application/octet-stream", bytes.NewReader(bomb))
		if code != 200 || len(arr(im["categories"])) != 1 || len(arr(m(arr(im["categories"])[0])["problems"])) != 200 {
			t.Errorf("dry run of the attack workbook: %d %v", code, im["error"])
		}
	})
}
