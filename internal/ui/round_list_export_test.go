package ui_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhenggai/internal/sample"
	"zhenggai/internal/xlsx"
)

// TestRoundListFilterAndExport: the list of rounds narrows by a unit's
// name, and its 导出Excel gives the rounds the filter keeps, with their
// figures, in a workbook.
func TestRoundListFilterAndExport(t *testing.T) {
	e := newFormEnv(t)
	resp, body := e.postMultipart("/import", url.Values{"text": {sample.Sangzhi}, "confirm": {"1"}, "unit_parent": {e.office}})
	wantRedirect(t, resp, body, "/rounds/1")
	// Another unit's report, its signature too (a signature names the unit).
	other := strings.NewReplacer("桑植县政协党组", "慈利县政协党组", "政协桑植县委员会", "政协慈利县委员会").Replace(sample.Sangzhi)
	resp, body = e.postMultipart("/import", url.Values{"text": {other}, "confirm": {"1"}, "unit_parent": {e.office}})
	wantRedirect(t, resp, body, "/rounds/2")

	resp, body = e.get("/")
	wantStatus(t, resp, body, 200)
	if !strings.Contains(body, "慈利县政协党组") || !strings.Contains(body, "桑植县政协党组") {
		t.Fatal("the list lacks a round")
	}
	resp, body = e.get("/?q=" + url.QueryEscape("慈利"))
	wantStatus(t, resp, body, 200)
	if !strings.Contains(body, "慈利县政协党组") || strings.Contains(body, "<td>桑植县政协党组</td>") ||
		!strings.Contains(body, "筛选出 1 个巡察轮次（共 2 个）") {
		t.Errorf("filter by name: %s", body)
	}
	if !strings.Contains(body, `href="/rounds.xlsx?q=%E6%85%88%E5%88%A9"`) {
		t.Error("the export link does not carry the filter")
	}

	resp, file := e.get("/rounds.xlsx?q=" + url.QueryEscape("慈利"))
	wantStatus(t, resp, "", 200)
	if ct := resp.Header.Get("Content-Type"); !strings.Contains(ct, "spreadsheetml") {
		t.Errorf("Content-Type %q", ct)
	}
	f, err := excelize.OpenReader(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(xlsx.RoundsSheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 {
		t.Fatalf("%d rows, want title, header and one round: %v", len(rows), rows)
	}
	if !strings.HasPrefix(rows[0][0], "巡察整改情况统计") || rows[1][1] != "被巡察单位" || rows[1][14] != "待验收" {
		t.Errorf("title and header %v %v", rows[0], rows[1])
	}
	if r := rows[2]; r[1] != "慈利县政协党组" || r[2] != "市委第七巡察组" || r[5] != "38" {
		t.Errorf("round row %v", r)
	}
}
