package ui_test

import (
	"bytes"
	"context"
	"html"
	"net/url"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhenggai/internal/sample"
	"zhenggai/internal/xlsx"
)

// TestLedgerXLSXAndImport: the ledger page offers the workbook; uploaded
// on the import page it is previewed, then imported on confirmation; a
// workbook with bad rows lists each in a table and imports nothing.
func TestLedgerXLSXAndImport(t *testing.T) {
	e := newFormEnv(t)
	resp, body := e.postMultipart("/import", url.Values{"text": {sample.Sangzhi}, "confirm": {"1"}, "unit_parent": {e.office}})
	wantRedirect(t, resp, body, "/rounds/1")

	resp, body = e.get("/rounds/1/ledger")
	wantStatus(t, resp, body, 200)
	if !strings.Contains(body, `href="/rounds/1/ledger.xlsx"`) || !strings.Contains(body, "导出Excel") {
		t.Error("ledger page lacks the 导出Excel link")
	}
	resp, file := e.get("/rounds/1/ledger.xlsx")
	wantStatus(t, resp, "", 200)
	if ct := resp.Header.Get("Content-Type"); !strings.Contains(ct, "spreadsheetml") {
		t.Errorf("Content-Type %q", ct)
	}
	if cd := resp.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment") || !strings.Contains(cd, ".xlsx") {
		t.Errorf("Content-Disposition %q", cd)
	}
	im, err := xlsx.Parse(context.Background(), strings.NewReader(file))
	if err != nil || im.ProblemCount() != 38 {
		t.Fatalf("downloaded workbook: %v", err)
	}

	// Upload: a preview, nothing written yet.
	up := upFile{"file", "桑植县政协党组整改台账.xlsx", []byte(file)}
	resp, body = e.postMultipart("/import", url.Values{"text": {""}}, up)
	wantStatus(t, resp, body, 200)
	for _, s := range []string{"确认导入", "市委第七巡察组", "14个问题、38个具体问题", "学习停留在表面", "该报告可能已经导入过"} {
		if !strings.Contains(body, s) {
			t.Errorf("preview lacks %q", s)
		}
	}
	if n := e.counts(); n[0] != 1 {
		t.Fatalf("preview wrote: %v", n)
	}
	const mark = `<input type="hidden" name="xlsx" value="`
	i := strings.Index(body, mark)
	if i < 0 {
		t.Fatal("the preview does not carry the workbook")
	}
	carried := body[i+len(mark):]
	carried = html.UnescapeString(carried[:strings.IndexByte(carried, '"')])
	resp, body = e.postMultipart("/import", url.Values{"xlsx": {carried}, "confirm": {"1"}, "unit": {"桑植县政协"}, "unit_parent": {e.office}})
	wantRedirect(t, resp, body, "/rounds/2")
	if n := e.counts(); n[0] != 2 || n[2] != 76 {
		t.Errorf("after the Excel import %v", n)
	}

	// Bad rows: a table of them, and nothing written.
	f := excelize.NewFile()
	for i, r := range [][]any{
		{"序号", "问题类别", "具体问题", "整改措施", "完成情况", "整改时限"},
		{1, "（一）学习不深入", "学习停留在表面。", "集中学习。", "完了", "2020-13-01"},
		{2, nil, nil, "建立制度。"},
	} {
		f.SetSheetRow("Sheet1", "A"+string(rune('1'+i)), &r)
	}
	var bad bytes.Buffer
	f.WriteTo(&bad)
	resp, body = e.postMultipart("/import", url.Values{"text": {""}, "inspector": {"县委第一巡察组"}}, upFile{"file", "坏.xlsx", bad.Bytes()})
	wantStatus(t, resp, body, 422)
	for _, s := range []string{"台账中有3处错误", "未导入任何内容", `<td class="num">2</td><td>完成情况</td>`,
		`<td class="num">2</td><td>整改时限</td>`, `<td class="num">3</td><td>具体问题</td>`, `value="县委第一巡察组"`} {
		if !strings.Contains(body, s) {
			t.Errorf("bad-rows page lacks %q", s)
		}
	}
	if n := e.counts(); n[0] != 2 {
		t.Errorf("a rejected workbook wrote: %v", n)
	}
	resp, body = e.postMultipart("/import", url.Values{"text": {""}}, upFile{"file", "假.xlsx", []byte("not a workbook")})
	wantStatus(t, resp, body, 422)
	if !strings.Contains(body, "不是Excel工作簿") {
		t.Error("no message for a file that is not a workbook")
	}
}
