package xlsx_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"zhenggai/internal/xlsx"
)

// Dues sheets as branches keep them by hand: 2019年 merged over the
// months, 合计 rows (in 姓名 or in 序号, merged or not) and columns,
// two-character names padded with spaces, empty months.
func TestReadDuesByHand(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		file []byte
		want string
	}{
		{"merged header and 合计 row", bookMerged(t, [][2]string{{"A1", "H1"}, {"E2", "G2"}, {"A2", "A3"}, {"B2", "B3"}, {"C2", "C3"}, {"D2", "D3"}, {"H2", "H3"}, {"A6", "D6"}},
			[]any{"某支部党费收缴登记表"},
			[]any{"序号", "姓名", "类别", "缴费基数（元）", "2019年", nil, nil, "合计"},
			[]any{nil, nil, nil, nil, "1月", "2月", "3月", nil},
			[]any{1, "王  明", "在职", 5100, 76.5, "", "76.50", 153},
			[]any{2, "李 华", "退休", 6000, 60, "", "", 60},
			[]any{"合计", nil, nil, nil, 136.5, 0, 76.5, 213},
		), "4 王明 in_service 2019=510000 months=3 2019-01:7650 2019-03:7650\n5 李华 retired 2019=600000 months=3 2019-01:6000\n"},
		{"合计 and 备注 in the months' row", bookMerged(t, [][2]string{{"E1", "H1"}},
			[]any{"序号", "姓名", "类别", "缴费基数（元）", "2019年"},
			[]any{nil, nil, nil, nil, "1月", "2月", "合计", "备注"},
			[]any{1, "王明", "在职", 5100, 76, 76, 152, "抹零"},
		), "3 王明 in_service 2019=510000 months=2 2019-01:7600 2019-02:7600\n"},
		{"合计 in 序号 unmerged, spaced", book(t,
			[]any{"2019年党费"},
			[]any{"序号", "姓名", "类别", "缴费基数（元）", "1月", "2月", "全年合计"},
			[]any{1, "王明", "在职", 5100, 76.5, "", 76.5},
			[]any{2, "John Smith", "在职", 3000, 15, 15, 30},
			[]any{"合计", nil, nil, nil, 91.5, 15, 106.5},
			[]any{"总  计", nil, nil, nil, 91.5, 15, 106.5},
		), "3 王明 in_service 2019=510000 months=2 2019-01:7650\n4 John Smith in_service 2019=300000 months=2 2019-01:1500 2019-02:1500\n"},
	}
	for _, c := range cases {
		rows, _, err := xlsx.ReadDues(context.Background(), bytes.NewReader(c.file), "党费.xlsx")
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if got := duesSummary(rows); got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}

// A tick says paid, not how much: refused, naming the cell, since the
// amount is what the dues rule checks.
func TestReadDuesTick(t *testing.T) {
	t.Parallel()
	file := book(t,
		[]any{"2019年党费"},
		[]any{"姓名", "类别", "缴费基数（元）", "1月", "2月"},
		[]any{"王明", "在职", 5100, "√", 76.5},
	)
	_, _, err := xlsx.ReadDues(context.Background(), bytes.NewReader(file), "党费.xlsx")
	if err == nil || !strings.Contains(err.Error(), "第3行“1月”：“√”只表明已交，没有金额") {
		t.Errorf("%v", err)
	}
}
