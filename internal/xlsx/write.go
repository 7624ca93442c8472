package xlsx

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"zhenggai"
)

// widths of the columns, in characters, as an office would set them.
var widths = [numCols]float64{6, 18, 30, 42, 10, 12, 10, 15, 36, 10, 10, 24, 12, 12, 12, 12, 10, 10}

// Write writes the ledger as a workbook: the 整改清单 sheet, streamed row by
// row so that a large round stays small in memory, and the 巡察信息 sheet.
// latest is the newest progress entry of each measure (may be nil), shown
// in 整改进展 as the ledger page shows it.
//
// The outcome columns follow 备注 when any measure records an outcome; a
// round without any keeps the eleven columns offices print.
func Write(w io.Writer, l *zhenggai.Ledger, latest map[int64]*zhenggai.Progress) error {
	cols := baseCols
	if !l.Summary.Outcomes.IsZero() {
		cols = numCols
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", LedgerSheet); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	// Page setup goes on the sheet before streaming: the stream writer
	// keeps what the sheet already has.
	if err := f.SetPageLayout(LedgerSheet, &excelize.PageLayoutOptions{
		Size: ptr(9), Orientation: ptr("landscape"), FitToWidth: ptr(1), FitToHeight: ptr(0),
	}); err != nil {
		return err
	}
	if err := f.SetSheetProps(LedgerSheet, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return err
	}
	if err := f.SetPageMargins(LedgerSheet, &excelize.PageLayoutMarginsOptions{
		Top: ptr(0.6), Bottom: ptr(0.6), Left: ptr(0.4), Right: ptr(0.4),
	}); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(cols)
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + LedgerSheet + "'!$1:$2", Scope: LedgerSheet}); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(LedgerSheet)
	if err != nil {
		return err
	}
	for i, wd := range widths[:cols] {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	titleRow := make([]any, cols)
	titleRow[0] = excelize.Cell{StyleID: st.title, Value: title(l.Round)}
	if err := sw.SetRow("A1", titleRow, excelize.RowOpts{Height: 32}); err != nil {
		return err
	}
	if err := sw.MergeCell("A1", last+"1"); err != nil {
		return err
	}
	head := make([]any, cols)
	for i, c := range Columns[:cols] {
		head[i] = excelize.Cell{StyleID: st.head, Value: c}
	}
	if err := sw.SetRow("A2", head, excelize.RowOpts{Height: 24}); err != nil {
		return err
	}

	row := 3
	merge := func(col, from, to int) error {
		if to <= from {
			return nil
		}
		c, _ := excelize.ColumnNumberToName(col + 1)
		return sw.MergeCell(c+strconv.Itoa(from), c+strconv.Itoa(to))
	}
	vals := make([]any, cols)
	for _, c := range l.Categories {
		catFrom := row
		catTitle := "（" + zhenggai.Numeral(c.Seq) + "）" + c.Title
		for _, p := range c.Problems {
			probFrom := row
			n := max(len(p.Measures), 1)
			for i := range n {
				for k := range vals {
					vals[k] = excelize.Cell{StyleID: st.body}
				}
				vals[colSeq] = excelize.Cell{StyleID: st.centre}
				if i == 0 {
					vals[colSeq] = excelize.Cell{StyleID: st.centre, Value: p.Seq}
					vals[colProblem] = excelize.Cell{StyleID: st.body, Value: p.Title}
				}
				if row == catFrom {
					vals[colCategory] = excelize.Cell{StyleID: st.body, Value: catTitle}
				}
				if len(p.Measures) == 0 {
					vals[colStatus] = excelize.Cell{StyleID: st.centre, Value: p.Status.Label()}
				} else {
					m := p.Measures[i]
					vals[colMeasure] = excelize.Cell{StyleID: st.body, Value: m.Content}
					vals[colLeader] = excelize.Cell{StyleID: st.centre, Value: m.Leader}
					vals[colOffice] = excelize.Cell{StyleID: st.centre, Value: m.Office}
					vals[colOwner] = excelize.Cell{StyleID: st.centre, Value: m.Owner}
					vals[colDeadline] = excelize.Cell{StyleID: st.date}
					if !m.Deadline.IsZero() {
						vals[colDeadline] = excelize.Cell{StyleID: st.date, Value: m.Deadline.Time()}
					}
					if e := latest[m.ID]; e != nil {
						vals[colProgress] = excelize.Cell{StyleID: st.body, Value: e.Date.Chinese() + "：" + e.Content}
					}
					vals[colStatus] = excelize.Cell{StyleID: st.centre, Value: m.Status.Label()}
					vals[colNote] = excelize.Cell{StyleID: st.centre, Value: m.Kind.Label()}
					if cols > baseCols {
						outcomeCells(vals, m.Measure, st)
					}
				}
				if err := sw.SetRow("A"+strconv.Itoa(row), vals); err != nil {
					return err
				}
				row++
			}
			if err := merge(colSeq, probFrom, row-1); err != nil {
				return err
			}
			if err := merge(colProblem, probFrom, row-1); err != nil {
				return err
			}
		}
		if len(c.Problems) == 0 {
			// A heading without problems yet still shows; an import
			// reads it back as nothing, as there is nothing to rectify.
			for k := range vals {
				vals[k] = excelize.Cell{StyleID: st.body}
			}
			vals[colCategory] = excelize.Cell{StyleID: st.body, Value: catTitle}
			if err := sw.SetRow("A"+strconv.Itoa(row), vals); err != nil {
				return err
			}
			row++
		}
		if err := merge(colCategory, catFrom, row-1); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if err := writeRound(f, l, st); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// outcomeCells fills a measure's outcome columns: the rules one a line in
// 《》, amounts as numbers of 元 shown to the fen (so that Excel sums
// them), counts as numbers; nothing where the measure records nothing.
func outcomeCells(vals []any, m *zhenggai.Measure, st *styles) {
	titles := make([]string, len(m.RuleNames))
	for i, n := range m.RuleNames {
		titles[i] = zhenggai.RuleTitle(n)
	}
	vals[colRules] = excelize.Cell{StyleID: st.body, Value: strings.Join(titles, "\n")}
	o := m.Outcomes()
	for c := colRefunded; c < numCols; c++ {
		k := outcomeKinds[c]
		v := o.Value(k)
		switch {
		case v == 0:
			vals[c] = excelize.Cell{StyleID: st.number}
		case k.Money():
			// fen/100 is the double nearest the decimal, which Excel's
			// file keeps as its shortest form (2316.4): read back exact.
			vals[c] = excelize.Cell{StyleID: st.money, Value: float64(v) / 100}
		default:
			vals[c] = excelize.Cell{StyleID: st.number, Value: v}
		}
	}
}

func writeRound(f *excelize.File, l *zhenggai.Ledger, st *styles) error {
	if _, err := f.NewSheet(RoundSheet); err != nil {
		return err
	}
	r, d := l.Round, l.Round.Declared
	kind := r.Kind
	if kind == "" {
		kind = zhenggai.KindInspection
	}
	rows := [][2]string{
		{"项目", "内容"},
		{kInspector, r.Inspector},
		{kUnit, r.Unit},
		{kKind, string(kind)},
		{kStart, r.Onsite.Start.Chinese()},
		{kEnd, r.Onsite.End.Chinese()},
		{kFeedback, r.FeedbackDate.Chinese()},
	}
	if !d.IsZero() {
		num := func(n int) string {
			if n == 0 {
				return ""
			}
			return strconv.Itoa(n)
		}
		rows = append(rows, [][2]string{
			{kAsOf, d.AsOf.Chinese()}, {kDCats, num(d.Categories)}, {kDProbs, num(d.Problems)},
			{kDDone, num(d.Completed)}, {kDBasic, num(d.BasicallyCompleted)}, {kDProg, num(d.InProgress)},
			{kDNot, num(d.NotCompleted)}, {kDRate, num(d.RatePercent)},
		}...)
		if o := d.Outcomes; !o.IsZero() {
			yuan := func(fen zhenggai.Fen) string {
				if fen == 0 {
					return ""
				}
				return fen.Yuan()
			}
			rows = append(rows, [][2]string{
				{kDRules, num(o.Rules)}, {kDRefunded, yuan(o.RefundedFen)}, {kDRecovered, yuan(o.RecoveredFen)},
				{kDSaved, yuan(o.SavedFen)}, {kDTalks, num(o.Talks)}, {kDOrganisational, num(o.Organisational)},
				{kDDisciplinary, num(o.Disciplinary)},
			}...)
		}
	}
	rows = append(rows, [2]string{"导出日期", l.Today.Chinese()})
	for i, kv := range rows {
		style := st.body
		if i == 0 {
			style = st.head
		}
		for j, v := range kv {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			// Text, not numbers: a 公布 figure or date reads back as written.
			if err := f.SetCellStr(RoundSheet, cell, v); err != nil {
				return err
			}
			if err := f.SetCellStyle(RoundSheet, cell, cell, style); err != nil {
				return err
			}
		}
	}
	if err := f.SetColWidth(RoundSheet, "A", "A", 20); err != nil {
		return err
	}
	note := fmt.Sprintf("本表供导入时识别巡察轮次；“%s”表中各列为台账内容。", LedgerSheet)
	return f.SetCellStr(RoundSheet, fmt.Sprintf("A%d", len(rows)+2), note)
}

type styles struct{ title, head, body, centre, date, money, number int }

func newStyles(f *excelize.File) (*styles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	font := &excelize.Font{Family: "宋体", Size: 10.5}
	var s styles
	var err error
	mk := func(st *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(st)
		return id
	}
	s.title = mk(&excelize.Style{Font: &excelize.Font{Family: "方正小标宋简体", Size: 18},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	s.head = mk(&excelize.Style{Font: &excelize.Font{Family: "黑体", Size: 11}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	s.body = mk(&excelize.Style{Font: font, Border: border,
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}})
	s.centre = mk(&excelize.Style{Font: font, Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	s.date = mk(&excelize.Style{Font: font, Border: border, CustomNumFmt: ptr(`yyyy"年"m"月"d"日"`),
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	s.money = mk(&excelize.Style{Font: font, Border: border, CustomNumFmt: ptr(`#,##0.00`),
		Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}})
	s.number = mk(&excelize.Style{Font: font, Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	return &s, err
}

func ptr[T any](v T) *T { return &v }
