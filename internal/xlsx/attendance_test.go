package xlsx_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
	"zhenggai/internal/xlsx"
)

func TestParseSignInsDaily(t *testing.T) {
	b := book(t, []any{"2020年7月考勤汇总"}, []any{"工号", "姓名", "部门", "考勤日期", "签到时间", "签退时间", "备注"},
		[]any{"001", "王明", "办公室", "2020-07-27", "08:02", "17:35", ""},
		[]any{"002", "李 华", "办公室", "2020/7/27", "缺卡", "18:01:22", ""},
		[]any{"002", "李华", "办公室", "2020-07-28", "--", "--", "旷工"},
		[]any{"003", "赵强", "财务室", 44040, 0.3333333, 0.75, ""})
	im, err := xlsx.ParseSignIns(context.Background(), bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if im.Punches || len(im.Rows) != 3 {
		t.Fatalf("read %+v", im)
	}
	r := im.Rows
	if r[0].Name != "王明" || r[0].FirstIn != 482 || r[0].LastOut != 17*60+35 || r[1].Name != "李华" || r[1].FirstIn != -1 ||
		r[1].LastOut != 18*60+1 || r[2].On != zhenggai.NewDate(2020, 7, 28) || r[2].FirstIn != 480 || r[2].LastOut != 18*60 {
		t.Fatalf("rows %+v", r)
	}
	if !strings.Contains(r[1].Where, "第4行") {
		t.Errorf("where %q", r[1].Where)
	}
}

func TestParseSignInsPunches(t *testing.T) {
	csv := "姓名,部门,打卡时间,打卡方式\n王明,办公室,2020-07-27 08:02:11,考勤机\n王明,办公室,2020-07-27 12:01:00,考勤机\n" +
		"王明,办公室,2020-07-27 17:40:00,考勤机\n李华,办公室,2020-07-27 17:50,钉钉\n赵强,财务室,2020年7月28日 7:59,钉钉\n"
	im, err := xlsx.ParseSignIns(context.Background(), strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	if !im.Punches || len(im.Rows) != 3 {
		t.Fatalf("read %+v", im)
	}
	r := im.Rows
	if r[0].FirstIn != 482 || r[0].LastOut != 17*60+40 || r[1].FirstIn != -1 || r[1].LastOut != 17*60+50 || r[2].FirstIn != 479 ||
		r[2].On != zhenggai.NewDate(2020, 7, 28) {
		t.Fatalf("rows %+v", r)
	}
	// A date column beside a time column.
	im, err = xlsx.ParseSignIns(context.Background(), strings.NewReader("姓名\t日期\t打卡时间\n王明\t2020-07-27\t8:01\n王明\t2020-07-27\t下午5:31\n"))
	if err != nil || len(im.Rows) != 1 || im.Rows[0].FirstIn != 481 || im.Rows[0].LastOut != 17*60+31 {
		t.Fatalf("date and time: %+v, %v", im, err)
	}
	// Bad cells are named by row; nothing is returned.
	_, err = xlsx.ParseSignIns(context.Background(), strings.NewReader("姓名,日期,打卡时间\n王明,2020-07-27,早上\n,2020-07-27,8:00\n李华,2020-07-28,2020-07-27 08:00\n"))
	for _, w := range []string{"第2行", "第3行", "姓名不能为空", "第4行", "不一致"} {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("want %q in %v", w, err)
		}
	}
	_, err = xlsx.ParseSignIns(context.Background(), strings.NewReader("姓名,日期,备注\n王明,2020-07-27,\n"))
	if err == nil || !strings.Contains(err.Error(), "没有打卡时间列") {
		t.Errorf("no punch column: %v", err)
	}
}

func TestSignInsRoundTrip(t *testing.T) {
	ss := []zhenggai.SignIn{{Name: "王明", On: zhenggai.NewDate(2020, 7, 28), FirstIn: 482, LastOut: 1055, Source: "考勤机"},
		{Name: "李华", On: zhenggai.NewDate(2020, 7, 28), FirstIn: -1, LastOut: 1080},
		{Name: "赵强", On: zhenggai.NewDate(2020, 7, 28), FirstIn: -1, LastOut: -1}} // a month matrix's 正常
	var buf bytes.Buffer
	if err := xlsx.WriteSignIns(&buf, "考勤记录", ss); err != nil {
		t.Fatal(err)
	}
	im, err := xlsx.ParseSignIns(context.Background(), &buf)
	if err != nil || len(im.Rows) != 3 || im.Rows[0].FirstIn != 482 || im.Rows[1].LastOut != 1080 || im.Rows[1].FirstIn != -1 ||
		im.Rows[2].Name != "赵强" || im.Rows[2].FirstIn != -1 || im.Rows[2].LastOut != -1 {
		t.Fatalf("%+v, %v", im, err)
	}
	ls := []*zhenggai.Leave{{Name: "王明", Kind: zhenggai.LeaveTrip, From: zhenggai.NewDate(2020, 7, 20), To: zhenggai.NewDate(2020, 7, 24),
		ApprovedBy: "李华", ApprovedOn: zhenggai.NewDate(2020, 7, 19), ReturnedOn: zhenggai.NewDate(2020, 7, 27)}}
	buf.Reset()
	if err := xlsx.WriteLeaves(&buf, "请销假登记", ls); err != nil {
		t.Fatal(err)
	}
	lr, err := xlsx.ParseLeaves(context.Background(), &buf)
	if err != nil || len(lr.Leaves) != 1 || *lr.Leaves[0] != *ls[0] {
		t.Fatalf("%+v, %v", lr, err)
	}
}

// FuzzParseSignIns: no export, however broken, makes ParseSignIns panic,
// and what it accepts is a person's day with a punch (or, but from a
// punch list, a day signed without one: 正常, √).
func FuzzParseSignIns(f *testing.F) {
	var buf bytes.Buffer
	if err := xlsx.WriteSignIns(&buf, "考勤", []zhenggai.SignIn{{Name: "王明", On: zhenggai.NewDate(2020, 7, 28), FirstIn: 482, LastOut: 1055}}); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("工号\t姓名\t考勤日期\t签到时间\t签退时间\n1\t王明\t2020-07-27\t08:02\t缺卡\n2\t李华\t44040\t0.33\t0.75"))
	f.Add([]byte("姓名\t打卡时间\n王明\t2020-07-27 08:02:11\n王明\t2020年7月27日 下午5:30\n李华\t2020/7/28 7:59"))
	f.Add(testkit.MergeBomb(f, 5, 40, "A3:XFD1048576"))
	// Month matrices: a row a person, a column a day.
	f.Add([]byte("2020年7月考勤月报\n工号\t姓名\t1\t2\t3\t出勤天数\n1\t王明\t08:55 18:02\t正常\t上班缺卡 下班18:02\t3\n2\t李华\t√\t事假\t0.37\t1"))
	f.Add([]byte("统计日期：2020-06-29 至 2020-07-02\n姓名\t29 一\t30(二)\t1\t2\n\t\t\t三\t四\n王明\t08:01-18:00\t--\t44013.75\t迟到 09:12"))
	f.Add([]byte("姓名\t2020-07-01\t7-2\t44015\n王明\t08:55\t出勤\t18:00"))
	f.Add(matrixBook(f, "2020年7月", [][2]string{{"A1", "A2"}, {"B1", "C1"}, {"B4", "D4"}}, []string{"C"},
		[]any{"姓名", "1", "", "2"}, []any{"", "上班", "下班", "四"}, []any{"王明", "08:55", "18:02", "正常"}, []any{"李华", "出差"}))
	f.Fuzz(func(t *testing.T, b []byte) {
		if !bytes.HasPrefix(b, []byte("PK")) {
			b = namedSheets(t, []string{xlsx.SignInSheet}, tsvRows(string(b)))
		}
		im, err := xlsx.ParseSignIns(context.Background(), bytes.NewReader(b))
		if zhenggai.ErrorCode(err) == zhenggai.EINTERNAL {
			t.Fatalf("internal error: %v", err)
		}
		if err != nil {
			if im != nil {
				t.Fatal("rejected, yet something returned")
			}
			return
		}
		for _, r := range im.Rows {
			// A punch list has no day signed without a time (正常, √).
			if r.Name == "" || r.On.IsZero() || !r.On.Valid() || (r.FirstIn < 0 && r.LastOut < 0 && im.Punches) || r.FirstIn >= 1440 || r.LastOut >= 1440 ||
				(r.FirstIn >= 0 && r.LastOut >= 0 && r.LastOut < r.FirstIn) {
				t.Fatalf("accepted %+v", r)
			}
		}
	})
}

// FuzzParseLeaves: no leave list makes ParseLeaves panic, and what it
// accepts has a name and both dates.
func FuzzParseLeaves(f *testing.F) {
	var buf bytes.Buffer
	if err := xlsx.WriteLeaves(&buf, "请销假", []*zhenggai.Leave{{Name: "王明", Kind: zhenggai.LeaveTrip, From: zhenggai.NewDate(2020, 7, 20),
		To: zhenggai.NewDate(2020, 7, 24)}}); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("序号\t姓名\t假别\t开始日期\t结束日期\t审批人\t审批日期\n1\t王明\t出差\t2020-07-20\t44040\t李华\t2020-07-19"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if !bytes.HasPrefix(b, []byte("PK")) {
			b = namedSheets(t, []string{xlsx.LeaveSheet}, tsvRows(string(b)))
		}
		im, err := xlsx.ParseLeaves(context.Background(), bytes.NewReader(b))
		if zhenggai.ErrorCode(err) == zhenggai.EINTERNAL {
			t.Fatalf("internal error: %v", err)
		}
		if err != nil {
			if im != nil {
				t.Fatal("rejected, yet something returned")
			}
			return
		}
		for _, l := range im.Leaves {
			if l.Name == "" || l.From.IsZero() || l.To.IsZero() || l.Kind.Label() == string(l.Kind) {
				t.Fatalf("accepted %+v", l)
			}
		}
	})
}

// TestParseSignInsWeekday: an office app's daily export writes the day of
// the week after the date and 缺卡 for a punch missing.
func TestParseSignInsWeekday(t *testing.T) {
	im, err := xlsx.ParseSignIns(context.Background(), strings.NewReader(
		"考勤日期,姓名,上班1打卡时间,下班1打卡时间\n2020/07/01 星期三,王明,08:55,18:02\n2020-07-02(周四),王明,缺卡,17:30\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(im.Rows) != 2 || im.Rows[0].On != zhenggai.NewDate(2020, 7, 1) || im.Rows[0].FirstIn != 8*60+55 ||
		im.Rows[1].On != zhenggai.NewDate(2020, 7, 2) || im.Rows[1].FirstIn != -1 || im.Rows[1].LastOut != 17*60+30 {
		t.Errorf("rows %+v", im.Rows)
	}
}
