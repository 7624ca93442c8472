package xlsx_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/sheet"
	"zhenggai/internal/store"
	"zhenggai/internal/xlsx"
)

func duesSummary(rows []store.DuesImportRow) string {
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%d %s %s", r.Row, r.Name, r.Kind)
		if r.Fixed != 0 {
			fmt.Fprintf(&b, " fixed=%d", r.Fixed)
		}
		for _, y := range []int{2018, 2019, 2020} {
			if v, ok := r.Bases[y]; ok {
				fmt.Fprintf(&b, " %d=%d", y, v)
			}
		}
		fmt.Fprintf(&b, " months=%d", len(r.Months))
		for _, p := range r.Payments {
			fmt.Fprintf(&b, " %s:%d", p.Month, p.Paid)
			if !p.PaidOn.IsZero() {
				fmt.Fprintf(&b, "@%s", p.PaidOn)
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestReadDuesForms(t *testing.T) {
	for _, c := range []struct {
		name string
		file []byte
		want string
	}{
		{"title names the year", book(t,
			[]any{"2019年党费收缴登记表"},
			[]any{"序号", "姓名", "类别", "缴费基数（元）", "1月", "2月", "3月", "合计"},
			[]any{1, "王明", "在职", 5100, 76.5, "76.50", "", 153},
			[]any{2, "张三", "学生党员", "", 0.2, "未交", "0.2"},
			[]any{3, "赵农", "农民", "", 0.5, 0.5, 0.5},
			[]any{"", "合计", "", "", 77.2, 77, 0.5}),
			"3 王明 in_service 2019=510000 months=3 2019-01:7650 2019-02:7650\n" +
				"4 张三 student months=3 2019-01:20 2019-03:20\n5 赵农 farmer months=3 2019-01:50 2019-02:50 2019-03:50\n"},
		{"months with their year", book(t,
			[]any{"姓名", "党员类别", "2019年缴费基数(元)", "2020年缴费基数(元)", "2019年12月", "2020年1月"},
			[]any{"王明", "离退休", 4000, 5200, 20, 52}),
			"2 王明 retired 2019=400000 2020=520000 months=2 2019-12:2000 2020-01:5200\n"},
		{"two header rows", book(t,
			[]any{"党费收缴登记表"},
			[]any{"序号", "姓名", "类别", "缴费基数（元）", "2019年"},
			[]any{"", "", "", "", "1月", "2月"},
			[]any{1, "王明", "在职", 5100, 76.5, 76.5}),
			"4 王明 in_service 2019=510000 months=2 2019-01:7650 2019-02:7650\n"},
		{"ISO months, fixed column", book(t,
			[]any{"姓名", "类别", "固定额（元）", "2019-01", "2019-02"},
			[]any{"赵农", "农民", 1, 1, "1.00"}),
			"2 赵农 farmer fixed=100 months=2 2019-01:100 2019-02:100\n"},
		{"long form", book(t,
			[]any{"党费缴纳明细"},
			[]any{"姓名", "月份", "缴费基数", "应交", "实交金额", "交纳日期"},
			[]any{"王明", "2019年3月", 5100, 76.5, 76, "2019-03-05"},
			[]any{"王明", "2019-04", "", 76.5, "", ""}),
			"3 王明  2019=510000 months=1 2019-03:7600@2019-03-05\n4 王明  months=1\n"},
	} {
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

func TestReadDuesCSV(t *testing.T) {
	csv := "2019年度党费\n姓名,类别,基数,一月,1月,2月\n王明,在职,\"5,100.00\",x,76.5,76.5\n"
	rows, _, err := xlsx.ReadDues(context.Background(), strings.NewReader(csv), "党费.csv")
	if err != nil {
		t.Fatal(err)
	}
	if got := duesSummary(rows); got != "3 王明 in_service 2019=510000 months=2 2019-01:7650 2019-02:7650\n" {
		t.Errorf("got %s", got)
	}
}

func TestReadDuesBad(t *testing.T) {
	for _, c := range []struct {
		name string
		file []byte
		want []string
	}{
		{"no year", book(t, []any{"姓名", "类别", "1月"}, []any{"王明", "在职", 1}), []string{"第1行“1月”：无法确定月份所属的年度"}},
		{"bad cells", book(t,
			[]any{"2019年"},
			[]any{"姓名", "类别", "缴费基数", "1月", "2月"},
			[]any{"王明", "干部", 5100, "七十六", 1},
			[]any{"", "在职", 1, 1, 1},
			[]any{"李华", "在职", -5, 1, 1.234}),
			[]string{"第3行“类别”：“干部”须为在职", "第3行“1月”", "第4行“姓名”：姓名不能为空", "第5行“缴费基数（元）”", "第5行“2月”"}},
		{"two columns of a month", book(t, []any{"姓名", "2019-01", "2019年1月"}, []any{"王明", 1, 1}), []string{"2019年1月有两列"}},
		{"bad month", book(t, []any{"姓名", "月份", "实交"}, []any{"王明", "2019-13", 1}), []string{"第2行“月份”"}},
	} {
		_, _, err := xlsx.ReadDues(context.Background(), bytes.NewReader(c.file), "党费.xlsx")
		var rej *sheet.Rejected
		if !errors.As(err, &rej) {
			t.Errorf("%s: %v, want rejected", c.name, err)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %v\nlacks %q", c.name, err, w)
			}
		}
	}
	_, _, err := xlsx.ReadDues(context.Background(), bytes.NewReader(book(t, []any{"序号", "问题"})), "x.xlsx")
	if zhenggai.ErrorCode(err) != zhenggai.EINVALID || !strings.Contains(err.Error(), "未找到党费缴纳表的表头") {
		t.Errorf("no header: %v", err)
	}
}

func TestDuesRoundTrip(t *testing.T) {
	ms := []*zhenggai.DuesMember{{ID: 1, Name: "王明", Kind: zhenggai.DuesInService}, {ID: 2, Name: "赵农", Kind: zhenggai.DuesFarmer, Fixed: 50},
		{ID: 3, Name: "张三", Kind: zhenggai.DuesStudent}}
	years := []xlsx.DuesYear{{Year: 2019, Members: ms, Bases: map[int64]zhenggai.Fen{1: 510000},
		Payments: map[int64]map[string]zhenggai.Fen{1: {"2019-01": 7650, "2019-12": 7700}, 2: {"2019-02": 50}}}}
	var buf bytes.Buffer
	if err := xlsx.WriteDues(&buf, "某单位", years); err != nil {
		t.Fatal(err)
	}
	rows, _, err := xlsx.ReadDues(context.Background(), &buf, "x.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	want := "3 王明 in_service 2019=510000 months=12 2019-01:7650 2019-12:7700\n4 赵农 farmer fixed=50 months=12 2019-02:50\n5 张三 student months=12\n"
	if got := duesSummary(rows); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// FuzzReadDues: no input makes ReadDues panic or return rows an import
// would refuse for their shape.
func FuzzReadDues(f *testing.F) {
	f.Add([]byte("2019年党费\n姓名\t类别\t缴费基数（元）\t1月\t2月\n王明\t在职\t5100\t76.5\t\n张三\t学生\t\t0.2\t未交"))
	f.Add([]byte("姓名\t月份\t实交\t交纳日期\n王明\t2019-03\t76\t2019-03-05\n王明\t43525\t1\t"))
	f.Add([]byte("姓名\t2019年缴费基数\t2019-01\t43466\n王明\t1\t1\t1"))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if !bytes.HasPrefix(b, []byte("PK")) {
			b = tsvBook(t, string(b))
		}
		rows, _, err := xlsx.ReadDues(context.Background(), bytes.NewReader(b), "x.xlsx")
		if zhenggai.ErrorCode(err) == zhenggai.EINTERNAL {
			t.Fatalf("internal error: %v", err)
		}
		for _, r := range rows {
			if strings.TrimSpace(r.Name) == "" || r.Row <= 0 {
				t.Fatalf("row %+v", r)
			}
			for _, p := range r.Payments {
				if _, err := zhenggai.ParseMonth(p.Month); err != nil || p.Paid < 0 {
					t.Fatalf("payment %+v", p)
				}
			}
			for _, m := range r.Months {
				if _, err := zhenggai.ParseMonth(m); err != nil {
					t.Fatalf("month %q", m)
				}
			}
		}
	})
}
