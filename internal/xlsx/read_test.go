package xlsx_test

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhenggai"
	"zhenggai/internal/xlsx"
)

// book makes a workbook whose first sheet holds rows from A1 down.
func book(t testing.TB, rows ...[]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var header = []any{"序号", "问题类别", "具体问题", "整改措施", "责任领导", "责任委室", "责任人", "整改时限", "整改进展", "完成情况", "备注"}

const cat = "（一）学习贯彻不深入"

func TestParseGood(t *testing.T) {
	file := book(t,
		[]any{"市委第七巡察组巡察桑植县政协党组反馈意见整改清单"},
		header,
		// Merged cells read as empty below their first row.
		[]any{1, cat, "学习停留在表面。", "一是集中学习。", "向建国", "机关党支部", "覃丽", "2020年9月10日", "已学习四次", "已完成", "立行立改"},
		[]any{nil, nil, nil, "二是建立学习制度。", "向建国", "机关党支部", "陈伟", "长期坚持", "", "长期坚持", ""},
		// Repeated text, a 3-1 number and an ISO date.
		[]any{"2-1", cat, "理论学习不系统。", "制定学习计划。", "", "办公室", "", "2020-10-28", "", "正在整改", ""},
		[]any{"2-2", cat, "理论学习不系统。", "开展专题研讨。", "", "办公室", "", "2020.10.28", "", "正在推进", "长效机制，另有说明"},
		// Numbers may be left out; a second category without one.
		[]any{nil, "党组对意识形态工作重视不够", "意识形态责任制落实不到位。", "", "", "", "", "", "", "", ""},
		// A heading numbered 五、 keeps its number; a problem row without a
		// measure may record the problem's 完成情况.
		[]any{9, "五、作风不实", "调研少。", "", "", "", "", "", "", "已完成", ""},
		// A heading with nothing under it yet, as the export writes one.
		[]any{nil, "（六）尚无具体问题"},
	)
	im, err := xlsx.Parse(context.Background(), bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	if im.Round.Inspector != "市委第七巡察组" || im.Round.Unit != "桑植县政协党组" || im.Round.Kind != zhenggai.KindInspection {
		t.Errorf("round from the title: %+v", im.Round)
	}
	if len(im.Categories) != 4 || im.Categories[3].Seq != 6 || len(im.Categories[3].Problems) != 0 || im.Categories[2].Seq != 5 || im.Categories[2].Title != "作风不实" || im.Categories[0].Seq != 1 || im.Categories[0].Title != "学习贯彻不深入" || im.Categories[1].Seq != 2 {
		t.Fatalf("categories %+v", im.Categories)
	}
	ps := im.Categories[0].Problems
	if len(ps) != 2 || ps[0].Seq != 1 || ps[1].Seq != 2 || len(ps[0].Measures) != 2 || len(ps[1].Measures) != 2 {
		t.Fatalf("problems %+v", ps)
	}
	m := ps[0].Measures[0]
	want := zhenggai.ImportedMeasure{Content: "一是集中学习。", Leader: "向建国", Office: "机关党支部", Owner: "覃丽",
		Deadline: zhenggai.NewDate(2020, 9, 10), Kind: zhenggai.MeasureImmediate, Status: zhenggai.Completed, Progress: "已学习四次"}
	if !reflect.DeepEqual(m, want) {
		t.Errorf("measure %+v, want %+v", m, want)
	}
	if m := ps[0].Measures[1]; m.Kind != zhenggai.MeasureMechanism || !m.Deadline.IsZero() || m.Status != zhenggai.Ongoing {
		t.Errorf("长期坚持 measure %+v", m)
	}
	for _, m := range ps[1].Measures {
		if m.Deadline != zhenggai.NewDate(2020, 10, 28) || m.Status != zhenggai.InProgress {
			t.Errorf("measure %+v", m)
		}
	}
	if p := im.Categories[1].Problems; len(p) != 1 || p[0].Seq != 3 || len(p[0].Measures) != 0 || p[0].Recorded() != "" {
		t.Errorf("second category problems %+v", p)
	}
	// What the ledger records per problem (原台账记载): its own 完成情况, or
	// the slowest of its measures'.
	if p := im.Categories[2].Problems[0]; p.Status != zhenggai.Completed || p.Recorded() != zhenggai.Completed {
		t.Errorf("a problem's own 完成情况: %+v", p)
	}
	if r := ps[1].Recorded(); r != zhenggai.InProgress {
		t.Errorf("problem 2 recorded %q", r)
	}
	if len(im.Warnings) != 1 || !strings.Contains(im.Warnings[0], "备注") {
		t.Errorf("warnings %q", im.Warnings)
	}
}

// TestParseExcelDate: a real date cell (a serial number with a date
// format) reads as its day.
func TestParseExcelDate(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetRow("Sheet1", "A1", &header)
	f.SetSheetRow("Sheet1", "A2", &[]any{1, cat, "问题。", "措施。"})
	if err := f.SetCellValue("Sheet1", "H2", zhenggai.NewDate(2020, 10, 28).Time()); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	f.WriteTo(&buf)
	im, err := xlsx.Parse(context.Background(), &buf)
	if err != nil {
		t.Fatal(err)
	}
	if d := im.Categories[0].Problems[0].Measures[0].Deadline; d != zhenggai.NewDate(2020, 10, 28) {
		t.Errorf("deadline %v", d)
	}
}

func TestParseRejects(t *testing.T) {
	long := strings.Repeat("长", zhenggai.MaxContent+1)
	ok := []any{1, cat, "问题一。", "措施。", "", "", "", "", "", "", ""}
	type bad struct {
		row    int
		column string
		reason string
	}
	cases := []struct {
		name string
		rows [][]any
		want []bad
	}{
		{"empty problem on a first row", [][]any{header, {1, cat, "", "措施。"}},
			[]bad{{2, "具体问题", "具体问题不能为空"}}},
		{"measure without problem", [][]any{header, {nil, cat, nil, "措施。", "向建国"}},
			[]bad{{2, "具体问题", "没有对应的具体问题"}}},
		{"no category", [][]any{header, {1, nil, "问题。", "措施。"}},
			[]bad{{2, "问题类别", "问题类别不能为空"}}},
		{"unknown status", [][]any{header, {1, cat, "问题。", "措施。", "", "", "", "", "", "差不多了"}},
			[]bad{{2, "完成情况", "“差不多了”应为未启动、正在整改、基本完成、已完成或长期坚持之一"}}},
		{"bad date", [][]any{header, {1, cat, "问题。", "措施。", "", "", "", "下个月"}},
			[]bad{{2, "整改时限", "“下个月”不是日期"}}},
		{"no such day", [][]any{header, {1, cat, "问题。", "措施。", "", "", "", "2020年2月30日"}},
			[]bad{{2, "整改时限", "不是有效日期"}}},
		{"year out of range", [][]any{header, {1, cat, "问题。", "措施。", "", "", "", "1900-01-01"}},
			[]bad{{2, "整改时限", "年份应在1949至2100之间"}}},
		{"over-long measure", [][]any{header, {1, cat, "问题。", long}},
			[]bad{{2, "整改措施", "内容过长（最多20000字）"}}},
		{"over-long name", [][]any{header, {1, cat, "问题。", "措施。", strings.Repeat("王", 101)}},
			[]bad{{2, "责任领导", "内容过长（最多100字）"}}},
		{"control character", [][]any{header, {1, cat, "问题_x0001_。", "措施。"}},
			[]bad{{2, "具体问题", "控制字符"}}},
		{"garbled text", [][]any{header, {1, cat, "问题。", "措施\x0b。"}},
			[]bad{{2, "整改措施", "乱码"}}},
		{"empty measure with its owner", [][]any{header, ok, {nil, nil, nil, "", "", "", "覃丽"}},
			[]bad{{3, "整改措施", "整改措施不能为空"}}},
		{"duplicate number", [][]any{header, ok, {2, cat, "问题二。", "措施。"}, {1, cat, "另一个问题。", "措施。"}},
			[]bad{{4, "序号", "序号1与第2行的具体问题重复"}}},
		{"duplicate category number", [][]any{header, ok, {2, "（一）另一类别", "问题二。", "措施。"}},
			[]bad{{3, "问题类别", "问题类别序号（一）与第2行的问题类别重复"}}},
		{"number not a number", [][]any{header, {"甲", cat, "问题。", "措施。"}},
			[]bad{{2, "序号", "“甲”应为数字"}}},
		{"number out of range", [][]any{header, {10000, cat, "问题。", "措施。"}},
			[]bad{{2, "序号", "1至9999"}}},
		{"misnamed column", [][]any{{"序号", "问题类别", "具体问题", "整改措施", "牵头人员"}, ok},
			[]bad{{1, "E列", "表头“牵头人员”不是台账的列"}}},
		{"missing column", [][]any{{"序号", "具体问题", "整改措施", "责任人"}, ok},
			[]bad{{1, "", "表头缺少“问题类别”列"}}},
		{"duplicate column", [][]any{{"序号", "问题类别", "具体问题", "整改措施", "责任人", "责任人"}, ok},
			[]bad{{1, "F列", "与E列重复"}}},
		{"no header", [][]any{{"一些", "文字"}, ok},
			[]bad{{1, "", "未找到表头"}}},
		{"nothing under the header", [][]any{header},
			[]bad{{2, "", "没有任何问题"}}},
		{"every bad row is reported", [][]any{header, ok, {2, cat, "问题。", "措施。", "", "", "", "明天"}, {3, cat, "问题三。", "措施。", "", "", "", "", "", "完了"}, {nil, nil, nil, "措施。", "", "", "", "2020/13/01"}},
			[]bad{{3, "整改时限", "不是日期"}, {4, "完成情况", "应为"}, {5, "整改时限", "不是有效日期"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			im, err := xlsx.Parse(context.Background(), bytes.NewReader(book(t, c.rows...)))
			if im != nil {
				t.Error("something was returned to import")
			}
			var rej *xlsx.Rejected
			if !errors.As(err, &rej) {
				t.Fatalf("error %v, want rejected rows", err)
			}
			if zhenggai.ErrorCode(err) != zhenggai.EINVALID || !strings.Contains(zhenggai.ErrorMessage(err), "未导入任何内容") {
				t.Errorf("code %s message %q", zhenggai.ErrorCode(err), zhenggai.ErrorMessage(err))
			}
			if len(rej.Rows) != len(c.want) {
				t.Fatalf("errors %+v, want %+v", rej.Rows, c.want)
			}
			for i, w := range c.want {
				g := rej.Rows[i]
				if g.Row != w.row || g.Column != w.column || !strings.Contains(g.Reason, w.reason) {
					t.Errorf("error %d: %+v, want %+v", i, g, w)
				}
			}
		})
	}
}

func TestParseRejectsFiles(t *testing.T) {
	rows := make([][]any, 0, xlsx.MaxRows+2)
	rows = append(rows, header)
	for i := range xlsx.MaxRows + 1 {
		rows = append(rows, []any{i + 1, cat, "问题。"})
	}
	cases := []struct {
		name, want string
		file       []byte
	}{
		{"text file", "不是Excel工作簿", []byte("序号,问题类别\n1,学习\n")},
		{"empty file", "不是Excel工作簿", nil},
		{"old xls", "旧版Excel", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...)},
		{"broken zip", "无法读取Excel工作簿", []byte("PK\x03\x04 not really a zip")},
		{"too large", "过大", append([]byte("PK\x03\x04"), make([]byte, xlsx.MaxFileSize)...)},
		{"too many rows", "超过50000行", book(t, rows...)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			im, err := xlsx.Parse(context.Background(), bytes.NewReader(c.file))
			if im != nil || zhenggai.ErrorCode(err) != zhenggai.EINVALID || !strings.Contains(zhenggai.ErrorMessage(err), c.want) {
				t.Errorf("got %v, %v; want %q", im, err, c.want)
			}
		})
	}
}

// TestParseRoundSheet: the 巡察信息 sheet gives the round; a bad date
// there is a bad row like any other.
func TestParseRoundSheet(t *testing.T) {
	mk := func(feedback string) []byte {
		f := excelize.NewFile()
		defer f.Close()
		f.SetSheetName("Sheet1", xlsx.LedgerSheet)
		f.SetSheetRow(xlsx.LedgerSheet, "A1", &header)
		f.SetSheetRow(xlsx.LedgerSheet, "A2", &[]any{1, cat, "问题。", "措施。"})
		f.NewSheet(xlsx.RoundSheet)
		for i, kv := range [][]any{{"项目", "内容"}, {"巡察组", "县委第二巡察组"}, {"被巡察单位", "县文旅局党组"}, {"类型", "巡察"},
			{"反馈日期", feedback}, {"公布具体问题数", "1"}} {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			f.SetSheetRow(xlsx.RoundSheet, cell, &kv)
		}
		var buf bytes.Buffer
		f.WriteTo(&buf)
		return buf.Bytes()
	}
	im, err := xlsx.Parse(context.Background(), bytes.NewReader(mk("2021年3月5日")))
	if err != nil {
		t.Fatal(err)
	}
	want := zhenggai.ImportedRound{Inspector: "县委第二巡察组", Unit: "县文旅局党组", Kind: zhenggai.KindInspection, FeedbackDate: zhenggai.NewDate(2021, 3, 5)}
	if im.Round != want || im.Declared.Problems != 1 {
		t.Errorf("round %+v declared %+v", im.Round, im.Declared)
	}
	xlsx.Supply(im, zhenggai.ImportedRound{Unit: "县文化旅游广电体育局党组"})
	if im.Round.Unit != "县文化旅游广电体育局党组" || im.Round.Inspector != "县委第二巡察组" {
		t.Errorf("supplied %+v", im.Round)
	}
	_, err = xlsx.Parse(context.Background(), bytes.NewReader(mk("三月")))
	var rej *xlsx.Rejected
	if !errors.As(err, &rej) || len(rej.Rows) != 1 || rej.Rows[0].Sheet != xlsx.RoundSheet || rej.Rows[0].Row != 5 || rej.Rows[0].Column != "反馈日期" {
		t.Errorf("bad feedback date: %v", err)
	}
}

// TestParseMergedCells: an office merges 序号, 具体问题 and also 责任领导
// and 整改时限 over a problem's measures; each measure gets the merged value.
func TestParseMergedCells(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{
		{"县委第二巡察组巡察县文旅局党组反馈意见整改清单"},
		header,
		{1, cat, "问题一。", "措施一。", "向建国", "办公室", "覃丽", "2021-03-31", "", "已完成", ""},
		{nil, nil, nil, "措施二。", nil, nil, "陈伟", nil, "", "正在整改", ""},
		{nil, nil, nil, "措施三。", nil, nil, "谷红", nil, "", "未启动", ""},
		{2, nil, "问题二。", "措施。", "王志华", "办公室", "刘洋", "2021年4月30日", "", "", ""},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	for _, m := range [][2]string{{"A1", "K1"}, {"A3", "A5"}, {"B3", "B6"}, {"C3", "C5"}, {"E3", "E5"}, {"F3", "F5"}, {"H3", "H5"}} {
		if err := f.MergeCell("Sheet1", m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	f.WriteTo(&buf)
	im, err := xlsx.Parse(context.Background(), &buf)
	if err != nil {
		t.Fatal(err)
	}
	if im.Round.Unit != "县文旅局党组" || len(im.Categories) != 1 {
		t.Fatalf("%+v", im)
	}
	ps := im.Categories[0].Problems
	if len(ps) != 2 || len(ps[0].Measures) != 3 || len(ps[1].Measures) != 1 {
		t.Fatalf("problems %+v", ps)
	}
	for i, m := range ps[0].Measures {
		if m.Leader != "向建国" || m.Office != "办公室" || m.Deadline != zhenggai.NewDate(2021, 3, 31) {
			t.Errorf("measure %d: %+v", i+1, m)
		}
	}
	if m := ps[1].Measures[0]; m.Leader != "王志华" || m.Deadline != zhenggai.NewDate(2021, 4, 30) {
		t.Errorf("second problem's measure %+v", m)
	}
}

// TestParseStripsInvisible: characters that show nothing (pasted from web
// pages with the text) are taken out of the cells, the header and the
// 巡察信息 sheet, and a warning says where; the import goes on.
func TestParseStripsInvisible(t *testing.T) {
	h := append([]any{}, header...)
	h[0] = "\ufeff序号"
	file := book(t,
		[]any{"市委第七巡察组巡察某局党组反馈意见整改清单\u200b"},
		h,
		[]any{1, cat, "学习\u200b停留在表面。", "集中学习。", "向建国\u202e", "办公室", "覃\u200d丽", "2020年10月28日", "", "正在整改\u2028", ""},
		[]any{2, cat, "制度不健全。", "建立制度\uE000。", "", "", "", "", "", "", ""},
	)
	im, err := xlsx.Parse(context.Background(), bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	ps := im.Categories[0].Problems
	m := ps[0].Measures[0]
	if ps[0].Title != "学习停留在表面。" || m.Leader != "向建国" || m.Owner != "覃丽" || m.Status != zhenggai.InProgress ||
		ps[1].Measures[0].Content != "建立制度。" || im.Round.Unit != "某局党组" {
		t.Errorf("not stripped: %+v %+v %+v", ps[0], m, im.Round)
	}
	if len(im.Warnings) != 1 || !strings.Contains(im.Warnings[0], "有5个单元格含有不可见的字符（如U+200B") ||
		!strings.Contains(im.Warnings[0], "Sheet1第3行“具体问题”、Sheet1第3行“责任领导”") || !strings.HasSuffix(im.Warnings[0], "Sheet1第4行“整改措施”") {
		t.Errorf("warnings %q", im.Warnings)
	}
}
