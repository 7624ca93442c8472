package ui

import (
	"net/http"
	"strconv"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/sheet"
	"zhenggai/internal/xlsx"
)

// ExportTasks is 我的任务's measures as a workbook, in the page's order;
// 剩余天数 is a number (negative when overdue) Excel can sort.
func (h *Handler) ExportTasks(w http.ResponseWriter, r *http.Request) {
	u := auth.UserFrom(r.Context())
	t, err := h.Store.Tasks(r.Context(), u, h.today())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	l := &xlsx.List{Sheet: "我的任务", Title: u.DisplayName + "的整改任务（截至" + h.today().Chinese() + "）",
		Columns: []sheet.OutColumn{xlsx.Col("巡察轮次", 24), xlsx.Col("具体问题", 30), xlsx.Col("整改措施", 42), xlsx.Col("责任领导", 10),
			xlsx.Col("责任人", 10), xlsx.Col("整改时限", 15), xlsx.Col("剩余天数", 9), xlsx.Col("完成情况", 10), xlsx.Col("销号情况", 16), xlsx.Col("预警", 12)}}
	for _, m := range t.Measures {
		l.Rows = append(l.Rows, []sheet.Cell{xlsx.Text(m.Round), xlsx.Text(problemLabel(m.ProblemSeq, m.Problem)), xlsx.Text(m.Content),
			xlsx.Label(m.Leader), xlsx.Label(m.Owner), sheet.Day(m.Deadline), daysCell(m.Node()), xlsx.Label(m.Status.Label()),
			xlsx.Label(closeText(m.CloseState)), xlsx.Label(colourText(m.Colour))})
	}
	h.sendList(w, r, l, u.Unit, u.DisplayName, "我的任务")
}

// problemLabel is a problem as lists name it: 3.学习停留在表面.
func problemLabel(seq int, title string) string { return strconv.Itoa(seq) + "." + title }

// daysCell is a measure's days to its deadline as a number, empty when
// none counts (no deadline, done, approved by its leader: as daysLeft).
func daysCell(m *zhenggai.MeasureNode) sheet.Cell {
	if m.Deadline.IsZero() || m.Status.Done() || m.CloseState == zhenggai.CloseApproved {
		return sheet.Cell{Style: sheet.Count}
	}
	return xlsx.Num(m.DaysLeft)
}

// colourText is a colour's name in a workbook, "" for none.
func colourText(c zhenggai.Colour) string {
	if c == zhenggai.NoColour {
		return ""
	}
	return c.Label()
}

// closeText is a closing state in a workbook, "" when none was asked.
func closeText(s zhenggai.CloseState) string {
	if s == zhenggai.CloseOpen {
		return ""
	}
	return s.Label()
}
