package xlsx

import (
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"zhenggai"
)

// RoundsSheet is the sheet of the list of rounds.
const RoundsSheet = "巡察整改情况"

// RoundRow is one line of an inspection office's list of rounds.
type RoundRow struct {
	Unit, Inspector string
	Kind            zhenggai.Kind
	Feedback        zhenggai.Date
	Problems        int
	Counts          zhenggai.StatusCounts
	Rate            int // completion rate, per cent
	Red, Yellow     int // measures overdue, and due within the yellow window
	Pending         int // problems waiting for the office's acceptance
}

var roundColumns = []string{"序号", "被巡察单位", "巡察组", "类型", "反馈日期", "具体问题", "未启动", "正在整改",
	"基本完成", "已完成", "长期坚持", "完成率", "逾期措施", "黄色预警", "待验收"}

var roundWidths = []float64{6, 28, 18, 6, 15, 9, 8, 9, 9, 8, 9, 8, 9, 9, 8}

// WriteRounds writes the office's list of rounds as a workbook with a
// title row, the header and one row per round, as the list page shows it
// (filtered and sorted, every page).
func WriteRounds(w io.Writer, title string, rows []RoundRow) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", RoundsSheet); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetPageLayout(RoundsSheet, &excelize.PageLayoutOptions{
		Size: ptr(9), Orientation: ptr("landscape"), FitToWidth: ptr(1), FitToHeight: ptr(0),
	}); err != nil {
		return err
	}
	if err := f.SetSheetProps(RoundsSheet, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + RoundsSheet + "'!$1:$2", Scope: RoundsSheet}); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(RoundsSheet)
	if err != nil {
		return err
	}
	for i, wd := range roundWidths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	n := len(roundColumns)
	last, _ := excelize.ColumnNumberToName(n)
	head := make([]any, n)
	head[0] = excelize.Cell{StyleID: st.title, Value: title}
	if err := sw.SetRow("A1", head, excelize.RowOpts{Height: 32}); err != nil {
		return err
	}
	if err := sw.MergeCell("A1", last+"1"); err != nil {
		return err
	}
	for i, c := range roundColumns {
		head[i] = excelize.Cell{StyleID: st.head, Value: c}
	}
	if err := sw.SetRow("A2", head, excelize.RowOpts{Height: 24}); err != nil {
		return err
	}
	for i, r := range rows {
		num := func(v int) any { return excelize.Cell{StyleID: st.centre, Value: v} }
		fb := excelize.Cell{StyleID: st.date}
		if !r.Feedback.IsZero() {
			fb.Value = r.Feedback.Time()
		}
		vals := []any{num(i + 1), excelize.Cell{StyleID: st.body, Value: r.Unit},
			excelize.Cell{StyleID: st.body, Value: r.Inspector}, excelize.Cell{StyleID: st.centre, Value: string(r.Kind)}, fb,
			num(r.Problems), num(r.Counts[zhenggai.NotStarted]), num(r.Counts[zhenggai.InProgress]),
			num(r.Counts[zhenggai.BasicallyCompleted]), num(r.Counts[zhenggai.Completed]), num(r.Counts[zhenggai.Ongoing]),
			excelize.Cell{StyleID: st.centre, Value: strconv.Itoa(r.Rate) + "%"}, num(r.Red), num(r.Yellow), num(r.Pending)}
		cell, _ := excelize.CoordinatesToCellName(1, i+3)
		if err := sw.SetRow(cell, vals); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(w)
}
