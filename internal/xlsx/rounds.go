package xlsx

import (
	"io"

	"zhenggai"
	"zhenggai/internal/sheet"
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

var roundColumns = []string{"被巡察单位", "巡察组", "类型", "反馈日期", "具体问题", "未启动", "正在整改",
	"基本完成", "已完成", "长期坚持", "完成率", "逾期措施", "黄色预警", "待验收"}

var roundWidths = []float64{28, 18, 6, 15, 9, 8, 9, 9, 8, 9, 8, 9, 9, 8}

// WriteRounds writes the office's list of rounds as a workbook with a
// title row, the header and one row per round, as the list page shows it
// (filtered and sorted, every page). The completion rate is a percentage
// Excel can sort and average.
func WriteRounds(w io.Writer, title string, rows []RoundRow) error {
	l := List{Sheet: RoundsSheet, Title: title}
	for i, c := range roundColumns {
		l.Columns = append(l.Columns, Col(c, roundWidths[i]))
	}
	for _, r := range rows {
		num := func(v int) sheet.Cell { return sheet.Cell{Style: sheet.Centre, Value: v} }
		l.Rows = append(l.Rows, []sheet.Cell{Text(r.Unit), Text(r.Inspector), Label(string(r.Kind)),
			sheet.Day(r.Feedback), num(r.Problems), num(r.Counts[zhenggai.NotStarted]), num(r.Counts[zhenggai.InProgress]),
			num(r.Counts[zhenggai.BasicallyCompleted]), num(r.Counts[zhenggai.Completed]), num(r.Counts[zhenggai.Ongoing]),
			Rate(r.Rate), num(r.Red), num(r.Yellow), num(r.Pending)})
	}
	return l.Write(w)
}
