package xlsx_test

import (
	"bytes"
	"mime"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhenggai"
	"zhenggai/internal/sheet"
	"zhenggai/internal/xlsx"
)

// TestFileNameAndDisposition: a download is named for its unit, round and
// day, without characters a file system refuses; browsers read the UTF-8
// name back, old clients get an ASCII one.
func TestFileNameAndDisposition(t *testing.T) {
	day := zhenggai.NewDate(2020, 10, 28)
	for _, c := range []struct {
		parts    []string
		name, cd string
	}{
		{[]string{"桑植县政协党组", "市委第七巡察组", "问题清单"}, "桑植县政协党组-市委第七巡察组-问题清单-2020-10-28.xlsx",
			`attachment; filename="zhenggai-2020-10-28.xlsx"; filename*=UTF-8''%E6%A1%91%E6%A4%8D%E5%8E%BF%E6%94%BF%E5%8D%8F%E5%85%9A%E7%BB%84-%E5%B8%82%E5%A7%94%E7%AC%AC%E4%B8%83%E5%B7%A1%E5%AF%9F%E7%BB%84-%E9%97%AE%E9%A2%98%E6%B8%85%E5%8D%95-2020-10-28.xlsx`},
		{[]string{"", " a/b:c ", "list"}, "a_b_c-list-2020-10-28.xlsx", `attachment; filename="a_b_c-list-2020-10-28.xlsx"`},
		{[]string{"单位 \"甲\""}, "单位 _甲_-2020-10-28.xlsx", ""},
	} {
		name := xlsx.FileName(day, ".xlsx", c.parts...)
		if name != c.name {
			t.Errorf("%q: name %q, want %q", c.parts, name, c.name)
		}
		cd := xlsx.ContentDisposition(name)
		if c.cd != "" && cd != c.cd {
			t.Errorf("%q: %s\nwant %s", name, cd, c.cd)
		}
		disp, params, err := mime.ParseMediaType(cd)
		if err != nil || disp != "attachment" || params["filename"] != name {
			t.Errorf("%q: %s reads back as %q %q %v", name, cd, disp, params, err)
		}
	}
}

// TestListWrite: 序号 first and numbered, numbers stay numbers, the rate a
// percentage.
func TestListWrite(t *testing.T) {
	l := &xlsx.List{Sheet: "清单", Title: "标题", Columns: []sheet.OutColumn{xlsx.Col("名称", 10), xlsx.Col("数", 6), xlsx.Col("完成率", 8)}}
	l.Rows = [][]sheet.Cell{{xlsx.Text("甲"), xlsx.Num(3), xlsx.Rate(85)}, {xlsx.Text("乙"), xlsx.Num(-2), xlsx.Rate(100)}}
	body, err := l.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("清单")
	if len(rows) != 4 || rows[0][0] != "标题" || rows[1][0] != "序号" || rows[1][3] != "完成率" || rows[2][0] != "1" || rows[3][0] != "2" ||
		rows[2][3] != "85%" || rows[3][2] != "-2" {
		t.Errorf("rows %q", rows)
	}
	for cell, want := range map[string]string{"A3": "1", "C3": "3", "D3": "0.85", "D4": "1"} {
		v, _ := f.GetCellValue("清单", cell, excelize.Options{RawCellValue: true})
		typ, _ := f.GetCellType("清单", cell)
		if v != want || (typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber) {
			t.Errorf("%s: %q (type %v), want the number %s", cell, v, typ, want)
		}
	}
}
