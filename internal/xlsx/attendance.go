package xlsx

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"zhenggai"
	"zhenggai/internal/sheet"
	"zhenggai/internal/store"
)

// Attendance as a workbook: the clock's or the office app's export, in
// any of the three layouts they come in — a daily sheet (姓名, 日期, 上班打卡,
// 下班打卡: one row a person and day), a punch list (姓名, 打卡时间: one row
// a punch, the date in its own column or in the same cell) or a month
// matrix (a row a person, a column a day: attendance_matrix.go) — and the
// leave requests' list.

// SignInSheet is the sheet's name the program writes.
const SignInSheet = "考勤记录"

const (
	siSeq = iota
	siName
	siDate
	siIn
	siOut
	siPunch
	aSource
)

// SignInColumns are the columns of both layouts; 工号, 部门 and the other
// columns of an export are ignored.
var SignInColumns = sheet.Spec{What: "考勤记录", Unknown: sheet.Ignore, MinMatch: 2, Hint: []string{"姓名", "日期", "上班打卡", "下班打卡", "打卡时间"},
	Columns: []sheet.Column{
		siSeq:  {Name: "序号", Aliases: []string{"编号"}, Width: 6},
		siName: {Name: "姓名", Aliases: []string{"人员", "人员姓名", "员工姓名", "职工姓名", "名字", "考勤人"}, Required: true, Max: zhenggai.MaxName, Width: 10},
		siDate: {Name: "日期", Aliases: []string{"考勤日期", "打卡日期", "签到日期", "工作日期", "日 期"}, MinYear: 2000, Width: 14},
		siIn: {Name: "上班打卡", Aliases: []string{"签到时间", "上班时间", "上班打卡时间", "签到", "上班", "上班1打卡时间", "上班1",
			"上午签到", "首次打卡"}, Max: 40, Width: 12},
		siOut: {Name: "下班打卡", Aliases: []string{"签退时间", "下班时间", "下班打卡时间", "签退", "下班", "下班1打卡时间", "下班1",
			"下午签退", "末次打卡"}, Max: 40, Width: 12},
		siPunch: {Name: "打卡时间", Aliases: []string{"刷卡时间", "考勤时间", "打卡日期时间", "签到时间点", "时间", "日期时间"}, MinYear: 2000, Max: 40, Width: 20},
		aSource: {Name: "来源", Aliases: []string{"打卡方式", "打卡设备", "考勤机", "设备"}, Max: 40, Width: 10},
	}}

// SignInsRead is an export read: one row per person and day (punches of a
// day merged: the earliest in, the latest out), each with its row.
type SignInsRead struct {
	Rows     []store.SignInRow
	Punches  bool // the punch-list layout
	Matrix   bool // the month matrix: a row a person, a column a day
	Warnings []string
}

// noPunch are what exports write in a cell without a punch.
var noPunch = map[string]bool{"缺卡": true, "未打卡": true, "未签到": true, "未签退": true, "旷工": true, "请假": true, "休息": true,
	"-": true, "--": true, "—": true, "无": true, "/": true, "出差": true, "外出": true}

// ParseSignIns reads an attendance export; every bad cell is named and
// nothing returned then.
func ParseSignIns(ctx context.Context, r io.Reader) (_ *SignInsRead, err error) {
	defer sheet.Guard(&err, "读取考勤记录")
	b, err := sheet.Open(ctx, r, sheet.Options{What: "考勤记录", CSV: true,
		Limits: sheet.Limits{MaxBytes: 64 << 20, MaxUnzipped: 512 << 20, MaxRows: store.MaxSignInRows}})
	if err != nil {
		return nil, err
	}
	defer b.Close()
	name := SignInSheet
	if !b.Has(name) {
		if len(b.Sheets()) == 0 {
			return nil, zhenggai.Errorf(zhenggai.EINVALID, "工作簿中没有工作表")
		}
		name = b.Sheets()[0]
	}
	if m, err := parseMatrix(b, name); m != nil || err != nil {
		return m, err
	}
	t, err := b.Table(name, &SignInColumns)
	if err != nil {
		return nil, err
	}
	out := &SignInsRead{}
	type key struct {
		name string
		day  zhenggai.Date
	}
	at := map[key]int{}
	var lo, hi []int // a punch list's earliest and latest punch, by row of out
	first := true
	for t.Next() {
		row := t.Row()
		if first {
			first = false
			out.Punches = row.Has(siPunch)
			if !out.Punches && !row.Has(siIn) && !row.Has(siOut) {
				t.Close()
				return nil, zhenggai.Errorf(zhenggai.EINVALID, "“%s”表中没有打卡时间列：应有“上班打卡”“下班打卡”两列，或一列“打卡时间”", name)
			}
		}
		where := fmt.Sprintf("%s第%d行：", name, row.N())
		if b.CSV() {
			where = fmt.Sprintf("第%d行：", row.N())
		}
		nm, ok := row.Text(siName)
		nm = hanName(nm)
		if !ok {
			continue
		}
		if nm == "" {
			row.Bad(siName, "姓名不能为空")
			continue
		}
		day, ok := row.Date(siDate)
		if !ok {
			continue
		}
		var in, outAt int = -1, -1
		if out.Punches {
			d, m, ok := punchAt(row, siPunch, day)
			if !ok {
				continue
			}
			if m < 0 {
				continue // no punch in the cell
			}
			day = d
			in = m
		} else {
			var okIn, okOut bool
			var d1, d2 zhenggai.Date
			d1, in, okIn = punchAt(row, siIn, day)
			d2, outAt, okOut = punchAt(row, siOut, day)
			if !okIn || !okOut {
				continue
			}
			if in >= 0 && day.IsZero() {
				day = d1
			}
			if outAt >= 0 && day.IsZero() {
				day = d2
			}
			if in < 0 && outAt < 0 && !signedCell(row, siIn) && !signedCell(row, siOut) {
				continue // a day without punches: no sign-in
			}
			if in >= 0 && outAt >= 0 && outAt < in {
				row.Bad(siOut, "下班打卡时间早于上班打卡时间")
				continue
			}
		}
		if day.IsZero() {
			row.Bad(siDate, "日期不能为空")
			continue
		}
		k := key{zhenggai.PersonKey(nm), day}
		i, seen := at[k]
		if !seen {
			i = len(out.Rows)
			at[k] = i
			out.Rows = append(out.Rows, store.SignInRow{Name: nm, On: day, FirstIn: -1, LastOut: -1, Where: where})
			lo, hi = append(lo, -1), append(hi, -1)
		}
		if out.Punches {
			// Every punch of the day: the earliest and the latest.
			m := max(in, outAt)
			if lo[i] < 0 || m < lo[i] {
				lo[i] = m
			}
			hi[i] = max(hi[i], m)
			continue
		}
		r := &out.Rows[i]
		r.FirstIn = earliestMin(r.FirstIn, in)
		r.LastOut = max(r.LastOut, outAt)
		if r.FirstIn >= 0 && r.LastOut >= 0 && r.LastOut < r.FirstIn {
			// Two rows of the day, an arrival after the other's leaving.
			r.FirstIn, r.LastOut = r.LastOut, r.FirstIn
		}
	}
	if out.Punches {
		// One punch: before noon the arrival, after it the leaving.
		for i := range out.Rows {
			r := &out.Rows[i]
			switch {
			case lo[i] == hi[i] && lo[i] < 12*60:
				r.FirstIn = lo[i]
			case lo[i] == hi[i]:
				r.LastOut = lo[i]
			default:
				r.FirstIn, r.LastOut = lo[i], hi[i]
			}
		}
	}
	err = t.Err()
	t.Close()
	if err != nil {
		return nil, err
	}
	if err := b.Rejected(); err != nil {
		return nil, err
	}
	if len(out.Rows) == 0 {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "“%s”表中没有打卡记录", name)
	}
	out.Warnings = b.Warnings()
	return out, nil
}

// punchAt reads a punch cell: a time (08:02, 8时2分, Excel's fraction of a
// day), a date and time in one cell (2020-07-28 08:02:11), or what exports
// write for none (缺卡, --): minute -1. The day is the cell's own when it
// has one, else day.
func punchAt(row *sheet.Row, col int, day zhenggai.Date) (zhenggai.Date, int, bool) {
	if !row.Has(col) {
		return day, -1, true
	}
	s, ok := row.Text(col)
	if !ok {
		return day, -1, false
	}
	s = strings.TrimSpace(s)
	if s == "" || noPunch[s] || matrixPresent[s] {
		return day, -1, true // 正常: signed, no time (signedCell)
	}
	// Some apps write several punches in one cell: 08:01 12:02 18:05.
	if f := strings.Fields(s); len(f) > 1 && !strings.ContainsAny(s, "-/年.") {
		s = f[0]
	}
	if c, err := sheet.ParseClock(s); err == nil {
		return day, int(c / time.Minute), true
	}
	d, c, has, ok := row.DateTime(col)
	if !ok {
		return day, -1, false
	}
	if !has {
		row.Bad(col, "“"+zhenggai.Clip(s, 20)+"”没有打卡时间")
		return day, -1, false
	}
	if !day.IsZero() && d != day {
		row.Bad(col, "打卡时间的日期"+d.Chinese()+"与日期列"+day.Chinese()+"不一致")
		return day, -1, false
	}
	return d, int(c / time.Minute), true
}

// signedCell: the cell says the day was signed without a time (正常, √),
// as WriteSignIns writes a month matrix's such day.
func signedCell(row *sheet.Row, col int) bool {
	if !row.Has(col) {
		return false
	}
	s, ok := row.Text(col)
	return ok && matrixPresent[strings.TrimSpace(s)]
}

// WriteSignIns writes sign-ins as the daily sheet ParseSignIns reads; a
// day signed without a time is 正常.
func WriteSignIns(w io.Writer, title string, ss []zhenggai.SignIn) error {
	wb := sheet.NewWriter()
	defer wb.Close()
	cols := []sheet.Column{SignInColumns.Columns[siSeq], SignInColumns.Columns[siName], SignInColumns.Columns[siDate],
		SignInColumns.Columns[siIn], SignInColumns.Columns[siOut], SignInColumns.Columns[aSource]}
	spec := sheet.Spec{Columns: cols}
	s, err := wb.Sheet(SignInSheet, sheet.Layout{Title: title, Columns: spec.Out(0), Print: true, Freeze: true})
	if err != nil {
		return err
	}
	for i, g := range ss {
		in := zhenggai.Clock(g.FirstIn)
		if g.FirstIn < 0 && g.LastOut < 0 {
			in = "正常"
		}
		if err := s.Row(sheet.Cell{Style: sheet.Centre, Value: i + 1}, Label(g.Name), sheet.Day(g.On), Label(in),
			Label(zhenggai.Clock(g.LastOut)), Label(g.Source)); err != nil {
			return err
		}
	}
	_, err = wb.WriteTo(w)
	return err
}

// LeaveSheet is the leave list's sheet.
const LeaveSheet = "请销假登记"

const (
	lSeq = iota
	lName
	lKind
	lFrom
	lTo
	lReason
	lApprovedBy
	lApprovedOn
	lExpected
	lReturned
)

// LeaveColumns are the columns of the leave list.
var LeaveColumns = sheet.Spec{What: "请销假登记", Unknown: sheet.Ignore, Columns: []sheet.Column{
	lSeq:        {Name: "序号", Aliases: []string{"编号"}, Width: 6},
	lName:       {Name: "请假人", Aliases: []string{"姓名", "请假人员"}, Required: true, Max: zhenggai.MaxName, Width: 10},
	lKind:       {Name: "请假类别", Aliases: []string{"类别", "请假类型", "假别"}, Max: 20, Width: 10},
	lFrom:       {Name: "开始日期", Aliases: []string{"请假开始日期", "起始日期", "请假起始时间", "开始时间"}, Required: true, MinYear: 1949, Width: 14},
	lTo:         {Name: "结束日期", Aliases: []string{"请假结束日期", "截止日期", "请假截止时间", "结束时间"}, Required: true, MinYear: 1949, Width: 14},
	lReason:     {Name: "请假事由", Aliases: []string{"事由", "原因"}, Max: zhenggai.MaxTitle, Width: 24},
	lApprovedBy: {Name: "批准人", Aliases: []string{"审批人", "批准领导"}, Max: zhenggai.MaxName, Width: 10},
	lApprovedOn: {Name: "批准日期", Aliases: []string{"审批日期", "审批时间"}, MinYear: 1949, Width: 14},
	lExpected:   {Name: "应销假日期", Aliases: []string{"预计返岗日期", "应返岗日期"}, MinYear: 1949, Width: 14},
	lReturned:   {Name: "销假日期", Aliases: []string{"实际返岗日期", "销假时间"}, MinYear: 1949, Width: 14},
}}

// LeavesRead is a leave list as read.
type LeavesRead struct {
	Leaves []*zhenggai.Leave
	Where  []string
}

// ParseLeaves reads a leave list; every bad cell is named and nothing
// returned then.
func ParseLeaves(ctx context.Context, r io.Reader) (_ *LeavesRead, err error) {
	defer sheet.Guard(&err, "读取请销假登记")
	b, err := sheet.Open(ctx, r, sheet.Options{What: "请销假登记"})
	if err != nil {
		return nil, err
	}
	defer b.Close()
	name := LeaveSheet
	if !b.Has(name) {
		if len(b.Sheets()) == 0 {
			return nil, zhenggai.Errorf(zhenggai.EINVALID, "工作簿中没有工作表")
		}
		name = b.Sheets()[0]
	}
	t, err := b.Table(name, &LeaveColumns)
	if err != nil {
		return nil, err
	}
	out := &LeavesRead{}
	for t.Next() {
		row := t.Row()
		ok := true
		text := func(col int) string {
			s, good := row.Text(col)
			ok = ok && good
			return s
		}
		date := func(col int) zhenggai.Date {
			d, good := row.Date(col)
			ok = ok && good
			return d
		}
		l := &zhenggai.Leave{Name: hanName(text(lName)), Reason: text(lReason), ApprovedBy: hanName(text(lApprovedBy)),
			From: date(lFrom), To: date(lTo), ApprovedOn: date(lApprovedOn), ExpectedReturn: date(lExpected), ReturnedOn: date(lReturned)}
		kind := text(lKind)
		if k, good := zhenggai.ParseLeaveKind(kind); good {
			l.Kind = k
		} else {
			row.Bad(lKind, "请假类别“"+zhenggai.Clip(kind, 20)+"”须为事假、病假、年休假、婚假、产假、丧假、探亲假、公差或其他")
			ok = false
		}
		if ok && l.Name == "" {
			row.Bad(lName, "请假人不能为空")
			ok = false
		}
		if ok && (l.From.IsZero() || l.To.IsZero()) {
			row.BadRow("请假开始日期和结束日期不能为空")
			ok = false
		}
		if ok {
			out.Leaves = append(out.Leaves, l)
			out.Where = append(out.Where, fmt.Sprintf("%s第%d行：", name, row.N()))
		}
	}
	err = t.Err()
	t.Close()
	if err != nil {
		return nil, err
	}
	if err := b.Rejected(); err != nil {
		return nil, err
	}
	if len(out.Leaves) == 0 {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "“%s”表中没有请假记录", name)
	}
	return out, nil
}

// WriteLeaves writes leave requests as the list ParseLeaves reads.
func WriteLeaves(w io.Writer, title string, ls []*zhenggai.Leave) error {
	wb := sheet.NewWriter()
	defer wb.Close()
	s, err := wb.Sheet(LeaveSheet, sheet.Layout{Title: title, Columns: LeaveColumns.Out(0), Print: true, Freeze: true})
	if err != nil {
		return err
	}
	for i, l := range ls {
		if err := s.Row(sheet.Cell{Style: sheet.Centre, Value: i + 1}, Label(l.Name), Label(l.Kind.Label()), sheet.Day(l.From), sheet.Day(l.To),
			Text(l.Reason), Label(l.ApprovedBy), sheet.Day(l.ApprovedOn), sheet.Day(l.ExpectedReturn), sheet.Day(l.ReturnedOn)); err != nil {
			return err
		}
	}
	_, err = wb.WriteTo(w)
	return err
}

func earliestMin(a, b int) int {
	switch {
	case a < 0:
		return b
	case b < 0:
		return a
	}
	return min(a, b)
}
