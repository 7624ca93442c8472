package cli_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestRegisterMeetingsByHand: a book typed from handwritten minutes (第三次,
// 2019.3.5, names between 、 and spaces, every statement in one cell)
// imports, and check finds the chair who stated first.
func TestRegisterMeetingsByHand(t *testing.T) {
	data := t.TempDir()
	if code, _, errs := run(t, "", "import", "--data", data, seedFile(t)); code != 0 {
		t.Fatal(errs)
	}
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "会议")
	f.NewSheet("议题及表态")
	put := func(sheet string, rows ...[]any) {
		for i, r := range rows {
			if err := f.SetSheetRow(sheet, "A"+strconv.Itoa(i+1), &r); err != nil {
				t.Fatal(err)
			}
		}
	}
	put("会议", []any{"序号", "会议类型", "日期", "第几次", "主持人", "应到人员", "出席人员", "请假人员"},
		[]any{1, "党组会议", "2019.3.5", "第三次", "王明", "王明、李华、赵强 孙丽", "王明 李华 赵强", "孙丽（出差）"})
	put("议题及表态", []any{"会议序号", "议题", "类别", "金额（万元）", "表态", "决定事项"},
		[]any{1, "购置公务用车", "大额资金", 25, "王明：同意；李华：同意；赵强：同意，建议压缩", "同意购置"})
	file := filepath.Join(t.TempDir(), "会议记录.xlsx")
	if err := f.SaveAs(file); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "", "register", "import", "meetings", file, "--data", data)
	if code != 0 || !strings.Contains(out, "会议1次，议题1项，表态发言3条") {
		t.Fatalf("import: exit %d %s %s", code, out, errs)
	}
	code, out, errs = run(t, "", "check", "--data", data, "--from", "2019-01-01", "--to", "2019-12-31")
	if code != 0 || !strings.Contains(out, "2019年有1次会议的1个三重一大议题主持人先于其他成员表态（2019年3月5日第3次党组会议）") {
		t.Fatalf("check: exit %d %s %s", code, out, errs)
	}
}

// TestRegisterVouchersDirection: a journal with 方向 and 金额 (GBK CSV)
// imports; a bad direction refuses the whole file, naming the row; check
// finds the 12,000元 expense no decision backs.
func TestRegisterVouchersDirection(t *testing.T) {
	data := t.TempDir()
	if code, _, errs := run(t, "", "import", "--data", data, seedFile(t)); code != 0 {
		t.Fatal(errs)
	}
	text := "日期,凭证字号,摘要,科目编码,科目名称,方向,金额,附件数,审核人\r\n" +
		"2021-01-05,银付15,付会议费,5001,业务活动费用,借,\"12,000.00\",3,李华\r\n" +
		"2021-01-05,银付15,付会议费,1002,银行存款,贷,\"12,000.00\",3,李华\r\n"
	enc, err := simplifiedchinese.GBK.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "坏.csv")
	good := filepath.Join(dir, "序时账.csv")
	badText, _ := simplifiedchinese.GBK.NewEncoder().String(strings.Replace(text, ",贷,", ",平,", 1))
	if os.WriteFile(bad, []byte(badText), 0o600) != nil || os.WriteFile(good, []byte(enc), 0o600) != nil {
		t.Fatal("write")
	}
	code, _, errs := run(t, "", "register", "import", "vouchers", bad, "--data", data)
	if code == 0 || !strings.Contains(errs, "第3行“方向”：“平”不是借贷方向") {
		t.Fatalf("bad: exit %d %s", code, errs)
	}
	code, out, errs := run(t, "", "register", "import", "vouchers", good, "--data", data)
	if code != 0 || !strings.Contains(out, "凭证1张，分录2行") {
		t.Fatalf("import: exit %d %s %s", code, out, errs)
	}
	code, out, errs = run(t, "", "check", "--data", data, "--from", "2021-01-01", "--to", "2021-12-31")
	if code != 0 || !strings.Contains(out, "2021年有1笔单笔1万元以上开支未经党组会议研究，金额合计1.2万元") || !strings.Contains(out, "银付-15号（2021年1月）") {
		t.Fatalf("check: exit %d %s %s", code, out, errs)
	}
}

// TestRegisterDuesByHand: a branch's sheet (2019年 merged over the
// months, a 合计 row, 王  明 padded) imports, and check names 抹零头.
func TestRegisterDuesByHand(t *testing.T) {
	data := t.TempDir()
	if code, _, errs := run(t, "", "import", "--data", data, seedFile(t)); code != 0 {
		t.Fatal(errs)
	}
	f := excelize.NewFile()
	rows := [][]any{{"某支部党费收缴登记表"}, {"序号", "姓名", "类别", "缴费基数（元）", "2019年"},
		{nil, nil, nil, nil, "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月", "合计"}}
	r := []any{1, "王  明", "在职", 5100}
	for range 12 {
		r = append(r, 76)
	}
	rows = append(rows, append(r, 912), []any{"合计", nil, nil, nil, 76})
	for i, row := range rows {
		if err := f.SetSheetRow("Sheet1", "A"+strconv.Itoa(i+1), &row); err != nil {
			t.Fatal(err)
		}
	}
	if f.MergeCell("Sheet1", "E2", "P2") != nil || f.MergeCell("Sheet1", "A5", "D5") != nil {
		t.Fatal("merge")
	}
	file := filepath.Join(t.TempDir(), "党费.xlsx")
	if err := f.SaveAs(file); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "", "register", "import", "dues", file, "--data", data)
	if code != 0 {
		t.Fatalf("import: exit %d %s %s", code, out, errs)
	}
	code, out, errs = run(t, "", "check", "--data", data, "--from", "2019-01-01", "--to", "2019-12-31")
	if code != 0 || !strings.Contains(out, "2019年有1名党员12个月次实缴党费与应缴不符") || !strings.Contains(out, "抹零头") ||
		!strings.Contains(out, "党员王明") {
		t.Fatalf("check: exit %d %s %s", code, out, errs)
	}
}
