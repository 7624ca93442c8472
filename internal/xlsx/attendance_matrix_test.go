package xlsx_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
	"zhenggai/internal/xlsx"
)

// signInLines writes rows read as a user checks them: person, day, first
// in and last out ("" for none).
func signInLines(rows []store.SignInRow) string {
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%s %s %s-%s\n", r.Name, r.On, zhenggai.Clock(r.FirstIn), zhenggai.Clock(r.LastOut))
	}
	return b.String()
}

// matrixBook is a workbook of one sheet, with merged ranges and hidden
// columns.
func matrixBook(t testing.TB, name string, merges [][2]string, hidden []string, rows ...[]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", name); err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(name, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range merges {
		if err := f.MergeCell(name, m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range hidden {
		if err := f.SetColVisible(name, c, false); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestParseSignInsMatrix(t *testing.T) {
	for _, c := range []struct {
		name string
		file []byte
		want string
	}{{
		name: "days 1…31 under a title, 工号 部门 职位 before, summaries after; every form of a cell",
		file: []byte("2020年7月考勤月报\n" +
			"工号,姓名,部门,职位,1,2,3,4,5,出勤天数,迟到次数,缺卡,旷工,请假,备注\n" +
			"001,王明,办公室,科员,08:55 18:02,\"08:55\n18:02\",08:55-18:02,上班08:55 下班18:02,０８：５０～１７：３１,5,0,0,0,0,\n" +
			"002,李 华,办公室,科员,正常,√,出勤,缺卡,上班缺卡 下班18:02,3,0,1,0,0,\n" +
			"003,赵强,财务室,,未打卡,--,-,,旷工,0,0,2,1,0,\n" +
			"004,钱进,财务室,,休息,事假,年假,出差,公休,0,0,0,0,3,\n" +
			"005,孙丽,财务室,,08:30,17:45,12:30,迟到 09:12,\"08:01 12:02\n18:05\",5,1,0,0,0,\n" +
			"006,周平,财务室,,迟到5分钟,08:55(上班) 18:02(下班),下班打卡：17:31,上班：13:05,,2,1,0,0,0,\n" +
			",合计,,,,,,,,,,,,,\n" +
			"注：√为正常出勤；本表由考勤机导出\n"),
		want: "王明 2020-07-01 08:55-18:02\n王明 2020-07-02 08:55-18:02\n王明 2020-07-03 08:55-18:02\n王明 2020-07-04 08:55-18:02\n" +
			"王明 2020-07-05 08:50-17:31\n" +
			"李华 2020-07-01 -\n李华 2020-07-02 -\n李华 2020-07-03 -\n李华 2020-07-05 -18:02\n" +
			"孙丽 2020-07-01 08:30-\n孙丽 2020-07-02 -17:45\n孙丽 2020-07-03 -12:30\n孙丽 2020-07-04 09:12-\n孙丽 2020-07-05 08:01-18:05\n" +
			"周平 2020-07-01 -\n周平 2020-07-02 08:55-18:02\n周平 2020-07-03 -17:31\n周平 2020-07-04 13:05-\n",
	}, {
		name: "1日 headers, the month from 统计日期 above",
		file: matrixBook(t, "Sheet1", nil, nil, []any{"钉钉考勤月度汇总"}, []any{"统计日期：2020-07-01 至 2020-07-31"},
			[]any{"人员", "部门", "1日", "2日", "3日"}, []any{"王明", "办公室", "08:55", "", "18:02"}),
		want: "王明 2020-07-01 08:55-\n王明 2020-07-03 -18:02\n",
	}, {
		name: "01 headers, the month from the sheet's name",
		file: matrixBook(t, "2020年7月", nil, nil, []any{"员工姓名", "01", "02", "03"}, []any{"王明", "08:55", "正常", "缺卡"}),
		want: "王明 2020-07-01 08:55-\n王明 2020-07-02 -\n",
	}, {
		name: "7-1 and 07/01 headers, the year from the title",
		file: matrixBook(t, "Sheet1", nil, nil, []any{"2020年7月打卡明细月报"}, []any{"姓名", "7-1", "07/02", "7月3日"},
			[]any{"王明", "08:55", "08:56", "08:57"}),
		want: "王明 2020-07-01 08:55-\n王明 2020-07-02 08:56-\n王明 2020-07-03 08:57-\n",
	}, {
		name: "dates in the header, as text and as Excel's date numbers, no title",
		file: matrixBook(t, "Sheet1", nil, nil, []any{"姓名", "2020-07-01", 44014, "2020/7/3 星期五"},
			[]any{"王明", "08:55", "18:00", "正常"}),
		want: "王明 2020-07-01 08:55-\n王明 2020-07-02 -18:00\n王明 2020-07-03 -\n",
	}, {
		name: "a day and its weekday in one header cell",
		file: []byte("考勤月份：2020年07月\n姓名,\"1\n三\",2 星期四,3(五),4（六）,5 周日\n王明,08:55,08:56,08:57,08:58,08:59\n"),
		want: "王明 2020-07-01 08:55-\n王明 2020-07-02 08:56-\n王明 2020-07-03 08:57-\n王明 2020-07-04 08:58-\n王明 2020-07-05 08:59-\n",
	}, {
		name: "days over a row of weekdays, 姓名 merged over both, a title merged across",
		file: matrixBook(t, "考勤月报", [][2]string{{"A1", "E1"}, {"A2", "A3"}, {"B2", "B3"}, {"C5", "E5"}}, nil,
			[]any{"2020年7月考勤月报"}, []any{"姓名", "部门", "1", "2", "3"}, []any{"", "", "三", "四", "五"},
			[]any{"王明", "办公室", "08:55 18:02", "正常", "缺卡"}, []any{"李华", "办公室", "出差"}),
		want: "王明 2020-07-01 08:55-18:02\n王明 2020-07-02 -\n",
	}, {
		name: "days under a heading (考勤结果), 姓名 in the row above, merged down or not",
		file: []byte("2020年7月考勤月报\n姓名,考勤组,出勤天数,考勤结果,,\n,,,\"1\n三\",\"2\n四\",\"3\n五\"\n王明,机关,3,正常,08:55 18:02,√\n"),
		want: "王明 2020-07-01 -\n王明 2020-07-02 08:55-18:02\n王明 2020-07-03 -\n",
	}, {
		name: "days under a heading in a workbook, 姓名 and 考勤结果 merged",
		file: matrixBook(t, "Sheet1", [][2]string{{"A2", "A3"}, {"B2", "B3"}, {"C2", "E2"}}, nil, []any{"统计日期：2020-07-01 至 2020-07-31"},
			[]any{"员工姓名", "出勤天数", "考勤结果"}, []any{"", "", "1 三", "2 四", "3 五"}, []any{"王明", 2, "正常", "缺卡", "08:55"}),
		want: "王明 2020-07-01 -\n王明 2020-07-03 08:55-\n",
	}, {
		name: "a day merged over 上班 and 下班 columns",
		file: matrixBook(t, "Sheet1", [][2]string{{"B2", "C2"}, {"D2", "E2"}}, nil, []any{"2020年7月考勤"},
			[]any{"姓名", "1", "", "2", ""}, []any{"", "上班", "下班", "上班", "下班"},
			[]any{"王明", "12:40", "18:02", "缺卡", "11:30"}),
		want: "王明 2020-07-01 12:40-18:02\n王明 2020-07-02 -11:30\n",
	}, {
		name: "a month from the 26th to the 25th, its start in the title",
		file: []byte("2020年7月考勤月报\n统计日期：2020-06-29 至 2020-07-02,,导出时间：2020-08-03 10:12\n姓名,29,30,1,2\n王明,08:01,08:02,08:03,08:04\n"),
		want: "王明 2020-06-29 08:01-\n王明 2020-06-30 08:02-\n王明 2020-07-01 08:03-\n王明 2020-07-02 08:04-\n",
	}, {
		name: "Excel's times and date-times in cells, a hidden column read as any other",
		file: matrixBook(t, "Sheet1", nil, []string{"C"}, []any{"2020年7月考勤"}, []any{"姓名", "1", "2", "3"},
			[]any{"王明", 0.3715277777, 44014.75, "08:00"}),
		want: "王明 2020-07-01 08:55-\n王明 2020-07-02 -18:00\n王明 2020-07-03 08:00-\n",
	}, {
		name: "one person in two rows (two departments): one day, the earliest in and the latest out",
		file: []byte("2020年7月\n姓名,部门,1,2\n王明,办公室,08:55,\n王 明,财务室,18:02,正常\n"),
		want: "王明 2020-07-01 08:55-18:02\n王明 2020-07-02 -\n",
	}} {
		t.Run(c.name, func(t *testing.T) {
			im, err := xlsx.ParseSignIns(context.Background(), bytes.NewReader(c.file))
			if err != nil {
				t.Fatal(err)
			}
			if !im.Matrix || im.Punches {
				t.Errorf("layout: matrix %v, punches %v", im.Matrix, im.Punches)
			}
			if got := signInLines(im.Rows); got != c.want {
				t.Errorf("read\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

// TestParseSignInsMatrixBad: what cannot be read is named (sheet, row,
// day) and nothing is returned; a month that cannot be known is asked for.
func TestParseSignInsMatrixBad(t *testing.T) {
	for _, c := range []struct {
		name string
		file []byte
		want []string
	}{{
		name: "only day numbers, no month anywhere",
		file: matrixBook(t, "考勤", nil, nil, []any{"姓名", "1", "2", "3"}, []any{"王明", "08:55", "正常", ""}),
		want: []string{"考勤第1行", "找不到年月", "请在表头上方加一行标题写明年月", "写成完整日期（如2020-07-01）"},
	}, {
		name: "month and day, no year",
		file: []byte("姓名,7-1,7-2\n王明,08:55,08:56\n"),
		want: []string{"第1行“7-1”", "未写年份"},
	}, {
		name: "cells that are no punch",
		file: matrixBook(t, "Sheet1", nil, nil, []any{"2020年7月考勤"}, []any{"姓名", "1", "2", "3", "4"},
			[]any{"王明", "早上好", "25:70", "", 44015.5}, []any{"李华", "", "", "上班18:00 下班08:00"}, []any{"", "08:55"}),
		want: []string{"Sheet1第3行“2020年7月1日”：“早上好”不是打卡时间或考勤结果", "第3行“2020年7月2日”：“25:70”不是有效的时间",
			"第3行“2020年7月4日”：打卡时间的日期2020年7月3日与所在列的日期不一致",
			"第4行“2020年7月3日”：下班打卡时间早于上班打卡时间", "第5行“姓名”：姓名不能为空"},
	}, {
		name: "the weekdays are not the title's month's",
		file: []byte("2020年8月考勤\n姓名,1 三,2 四\n王明,08:55,08:56\n"),
		want: []string{"第2行“1 三”", "表头写的是星期三，而2020年8月1日是星期六", "核对标题中的年月"},
	}, {
		name: "a day the month has not",
		file: []byte("2020年6月考勤\n姓名,30,31\n王明,08:55,08:56\n"),
		want: []string{"第2行“31”：2020年6月没有31日"},
	}, {
		name: "days over two months under a title naming one month",
		file: []byte("2020年7月考勤\n姓名,30,31,1\n王明,08:55,08:56,08:57\n"),
		want: []string{"跨了两个月", "统计日期：2020-06-26 至 2020-07-25"},
	}, {
		name: "no day signed in the whole file",
		file: []byte("2020年7月考勤\n姓名,1,2\n王明,缺卡,休息\n"),
		want: []string{"没有签到记录"},
	}} {
		t.Run(c.name, func(t *testing.T) {
			im, err := xlsx.ParseSignIns(context.Background(), bytes.NewReader(c.file))
			if im != nil {
				t.Errorf("something returned: %+v", im.Rows)
			}
			for _, w := range c.want {
				if err == nil || !strings.Contains(err.Error(), w) {
					t.Errorf("want %q in %v", w, err)
				}
			}
		})
	}
}

// TestParseSignInsLayoutsKept: a daily sheet whose header has day-like
// words is still a daily sheet, and a punch list a punch list.
func TestParseSignInsLayoutsKept(t *testing.T) {
	im, err := xlsx.ParseSignIns(context.Background(), strings.NewReader("2020年7月\n姓名,日期,上班打卡,下班打卡,1,2\n王明,2020-07-27,08:02,17:35,,\n"))
	if err != nil || im.Matrix || len(im.Rows) != 1 || im.Rows[0].On != zhenggai.NewDate(2020, 7, 27) {
		t.Fatalf("daily sheet: %+v, %v", im, err)
	}
	im, err = xlsx.ParseSignIns(context.Background(), strings.NewReader("姓名,打卡时间\n王明,2020-07-27 08:02\n"))
	if err != nil || im.Matrix || !im.Punches {
		t.Fatalf("punch list: %+v, %v", im, err)
	}
}

// TestParseSignInsMatrixBounded: a merged range over the whole sheet is
// spread over the rows that exist and the table's columns only, and a
// context ended stops the reading.
func TestParseSignInsMatrixBounded(t *testing.T) {
	file := testkit.WithMerges(t, matrixBook(t, "Sheet1", nil, nil, []any{"2020年7月考勤"}, []any{"姓名", "1", "2"},
		[]any{"王明", "08:55"}, []any{"李华"}), []string{"B3:XFD1048576", "B3:XFD1048576"})
	start := time.Now()
	im, err := xlsx.ParseSignIns(context.Background(), bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := signInLines(im.Rows), "王明 2020-07-01 08:55-\n王明 2020-07-02 08:55-\n李华 2020-07-01 08:55-\n李华 2020-07-02 08:55-\n"; got != want {
		t.Errorf("read\n%s\nwant\n%s", got, want)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if im, err := xlsx.ParseSignIns(ctx, bytes.NewReader(file)); err == nil || im != nil {
		t.Errorf("read after the context ended: %+v", im)
	}
}
