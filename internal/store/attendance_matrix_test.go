package store_test

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhenggai"
	"zhenggai/internal/selfcheck"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
	"zhenggai/internal/xlsx"
)

// TestSignInMatrixImport: an office app's month matrix (a title, days
// over a row of weekdays, 姓名 merged over both, summaries after) is read
// and imported: 王明's punches, 李华's 正常 and √ days kept as days signed
// without a time, 事假 and 缺卡 no sign-in; the self-check counts the
// 正常 days as signed, so only 李华's 缺卡 day is a gap.
func TestSignInMatrixImport(t *testing.T) {
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st := env.Store
		ctx := actx()
		r, _, _, _ := seedRound(t, st)
		for _, p := range []zhenggai.Person{{Name: "王明", Kind: zhenggai.PersonLeader}, {Name: "李华", Kind: zhenggai.PersonStaff}} {
			p.UnitID = r.UnitID
			if err := st.SavePerson(ctx, &p); err != nil {
				t.Fatal(err)
			}
		}
		// 2020年7月6日 was a Monday; the week's five working days.
		f := excelize.NewFile()
		defer f.Close()
		rows := [][]any{{"2020年7月考勤月报"}, {"姓名", "部门", "6", "7", "8", "9", "10", "出勤天数", "备注"},
			{"", "", "一", "二", "三", "四", "五"},
			{"王明", "办公室", "08:55 18:02", "08:50\n17:40", "上班08:40 下班18:10", "事假", "08:30-17:31", 4},
			{"李华", "办公室", "正常", "√", "缺卡", "正常", "正常", 4}}
		for i, row := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
				t.Fatal(err)
			}
		}
		for _, m := range [][2]string{{"A1", "I1"}, {"A2", "A3"}, {"B2", "B3"}} {
			if err := f.MergeCell("Sheet1", m[0], m[1]); err != nil {
				t.Fatal(err)
			}
		}
		var buf bytes.Buffer
		if _, err := f.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		im, err := xlsx.ParseSignIns(ctx, &buf)
		if err != nil {
			t.Fatal(err)
		}
		res, err := st.ImportSignIns(ctx, &store.SignInImport{UnitID: r.UnitID, FileName: "7月考勤月报.xlsx", Source: "钉钉", Rows: im.Rows}, false)
		if err != nil {
			t.Fatal(err)
		}
		if res.SignIns != 8 || res.Persons != 2 || res.From != zhenggai.NewDate(2020, 7, 6) || res.To != zhenggai.NewDate(2020, 7, 10) {
			t.Fatalf("result %+v", res)
		}
		got, err := st.SignIns(ctx, store.SignInQuery{UnitID: r.UnitID})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string][2]int{"王明 2020-07-06": {535, 1082}, "王明 2020-07-07": {530, 1060}, "王明 2020-07-08": {520, 1090},
			"王明 2020-07-10": {510, 1051}, "李华 2020-07-06": {-1, -1}, "李华 2020-07-07": {-1, -1}, "李华 2020-07-09": {-1, -1},
			"李华 2020-07-10": {-1, -1}}
		if len(got) != len(want) {
			t.Fatalf("sign-ins %+v", got)
		}
		for _, g := range got {
			k := g.Name + " " + g.On.String()
			if w, ok := want[k]; !ok || g.FirstIn != w[0] || g.LastOut != w[1] || g.Source != "钉钉" {
				t.Errorf("%s: %d–%d, want %v", k, g.FirstIn, g.LastOut, w)
			}
		}
		p := zhenggai.Period{Start: zhenggai.NewDate(2020, 7, 1), End: zhenggai.NewDate(2020, 7, 31)}
		regs, err := st.RegistersFor(ctx, r.UnitID, p, selfcheck.NeedAttendance)
		if err != nil {
			t.Fatal(err)
		}
		fs, err := selfcheck.AttendanceGap.Check(ctx, regs, p, selfcheck.Values{"min_days": "1"})
		if err != nil {
			t.Fatal(err)
		}
		// 李华's 缺卡 day, and 王明's 事假: the leave register has no such
		// leave (the matrix's word is not made into one).
		gaps := map[string]int64{}
		for _, f := range fs {
			gaps[f.Records[0].Label] = f.Figures["days"]
		}
		if len(fs) != 2 || gaps["李华"] != 1 || gaps["王明"] != 1 {
			t.Errorf("gaps %v: %+v", gaps, fs)
		}
	})
}
