package sheet

import (
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"zhenggai"
)

// Writer writes a workbook as offices print them: each sheet streamed
// row by row (excelize's StreamWriter keeps what it has written on disk
// past a few megabytes, so a journal of a million lines stays small in
// memory), with a title row, a bold grey header repeated on every printed
// page, column widths, and cells styled by what they hold.
type Writer struct {
	f      *excelize.File
	styles map[Style]int
	sheets []*SheetWriter
}

// Style is how a cell looks and what Excel takes it for.
type Style int

const (
	Plain    Style = iota // Excel's default: no border
	Title                 // the title row: 方正小标宋简体 18, centred
	Head                  // a header cell: 黑体 11 on grey, centred, bordered
	Text                  // text, left, wrapped, bordered
	Centre                // text or a number, centred
	Date                  // a date shown 2020年10月28日
	DateTime              // a date and time, 2020年10月28日 09:30
	Money                 // fen written as 元, shown 1,260.50
	Count                 // a whole number, centred
	Percent               // a fraction shown 85%
	Percent1              // a fraction shown 85.3%
)

// Cell is one cell to write: a value and its style. Values are string,
// int, int64, float64, time.Time and zhenggai.Date; Yuan and Day make the
// usual ones.
type Cell struct {
	Style Style
	Value any
}

// Yuan is an amount of fen as a number of 元 shown to the fen: fen/100 is
// the double nearest the decimal, which the file keeps in its shortest
// form (2316.4) and a reader takes back exact (ParseFen).
func Yuan(fen int64) Cell { return Cell{Style: Money, Value: float64(fen) / 100} }

// Day is a date cell, empty for the zero date.
func Day(d zhenggai.Date) Cell {
	if d.IsZero() {
		return Cell{Style: Date}
	}
	return Cell{Style: Date, Value: d.Time()}
}

// Ratio is a percentage cell of part out of whole, empty when whole is 0.
func Ratio(part, whole int) Cell {
	if whole == 0 {
		return Cell{Style: Percent}
	}
	return Cell{Style: Percent, Value: float64(part) / float64(whole)}
}

// Layout is how a sheet is set up before its rows are written.
type Layout struct {
	// Title is a row above the header, merged across the columns; none
	// when "".
	Title string
	// Columns are the header's cells and widths, in characters.
	Columns []OutColumn
	// Print: A4 landscape, fitted to the page's width, header rows
	// repeated on every page, narrow margins.
	Print bool
	// Margins sets the page's margins (inches: top, bottom, left, right)
	// when Print; nil keeps Excel's.
	Margins *[4]float64
	// Freeze keeps the title and header in view while scrolling.
	Freeze bool
}

// OutColumn is a column as written.
type OutColumn struct {
	Header string
	Width  float64
}

// SheetWriter streams one sheet's rows.
type SheetWriter struct {
	w    *Writer
	name string
	sw   *excelize.StreamWriter
	row  int // the last row written
	vals []any
}

// NewWriter starts a workbook.
func NewWriter() *Writer {
	return &Writer{f: excelize.NewFile(), styles: map[Style]int{}}
}

// Close lets go of the workbook's temporary files.
func (w *Writer) Close() error { return w.f.Close() }

// Sheet adds a sheet, set up as the layout says, with its title and
// header rows written; its rows follow with Row.
func (w *Writer) Sheet(name string, l Layout) (*SheetWriter, error) {
	if len(w.sheets) == 0 {
		if err := w.f.SetSheetName("Sheet1", name); err != nil {
			return nil, err
		}
	} else if _, err := w.f.NewSheet(name); err != nil {
		return nil, err
	}
	s := &SheetWriter{w: w, name: name}
	w.sheets = append(w.sheets, s)
	// Page setup goes on the sheet before streaming: the stream writer
	// keeps what the sheet already has.
	heads := 0
	if l.Title != "" {
		heads++
	}
	if len(l.Columns) > 0 {
		heads++
	}
	if l.Print {
		if err := w.f.SetPageLayout(name, &excelize.PageLayoutOptions{
			Size: ptr(9), Orientation: ptr("landscape"), FitToWidth: ptr(1), FitToHeight: ptr(0),
		}); err != nil {
			return nil, err
		}
		if err := w.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
			return nil, err
		}
		if m := l.Margins; m != nil {
			if err := w.f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{
				Top: ptr(m[0]), Bottom: ptr(m[1]), Left: ptr(m[2]), Right: ptr(m[3]),
			}); err != nil {
				return nil, err
			}
		}
		if heads > 0 {
			if err := w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles",
				RefersTo: fmt.Sprintf("'%s'!$1:$%d", name, heads), Scope: name}); err != nil {
				return nil, err
			}
		}
	}
	var err error
	if s.sw, err = w.f.NewStreamWriter(name); err != nil {
		return nil, err
	}
	for i, c := range l.Columns {
		if c.Width > 0 {
			if err := s.sw.SetColWidth(i+1, i+1, c.Width); err != nil {
				return nil, err
			}
		}
	}
	if l.Freeze && heads > 0 {
		if err := s.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: heads, TopLeftCell: "A" + strconv.Itoa(heads+1),
			ActivePane: "bottomLeft"}); err != nil {
			return nil, err
		}
	}
	n := max(len(l.Columns), 1)
	if l.Title != "" {
		row := make([]Cell, n)
		row[0] = Cell{Style: Title, Value: l.Title}
		if err := s.RowHeight(32, row...); err != nil {
			return nil, err
		}
		if n > 1 {
			last, _ := excelize.ColumnNumberToName(n)
			if err := s.sw.MergeCell("A1", last+"1"); err != nil {
				return nil, err
			}
		}
	}
	if len(l.Columns) > 0 {
		row := make([]Cell, n)
		for i, c := range l.Columns {
			row[i] = Cell{Style: Head, Value: c.Header}
		}
		if err := s.RowHeight(24, row...); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Row writes the next row.
func (s *SheetWriter) Row(cells ...Cell) error { return s.RowHeight(0, cells...) }

// RowHeight writes the next row at a height in points (0: Excel's).
func (s *SheetWriter) RowHeight(height float64, cells ...Cell) error {
	if s.row >= excelize.TotalRows {
		return zhenggai.Errorf(zhenggai.EINVALID, "工作表“%s”超过Excel的上限%d行，请缩小导出的范围", s.name, excelize.TotalRows)
	}
	s.row++
	s.vals = s.vals[:0]
	for _, c := range cells {
		id, err := s.w.style(c.Style)
		if err != nil {
			return err
		}
		v := c.Value
		if d, ok := v.(zhenggai.Date); ok {
			v = nil
			if !d.IsZero() {
				v = d.Time()
			}
		}
		s.vals = append(s.vals, excelize.Cell{StyleID: id, Value: v})
	}
	var opts []excelize.RowOpts
	if height > 0 {
		opts = append(opts, excelize.RowOpts{Height: height})
	}
	return s.sw.SetRow("A"+strconv.Itoa(s.row), s.vals, opts...)
}

// N is the number of the last row written.
func (s *SheetWriter) N() int { return s.row }

// Merge merges a column's cells from one row to another (numbers as Excel
// shows them; col from 0); nothing when to is not below from.
func (s *SheetWriter) Merge(col, from, to int) error {
	if to <= from {
		return nil
	}
	c, _ := excelize.ColumnNumberToName(col + 1)
	return s.sw.MergeCell(c+strconv.Itoa(from), c+strconv.Itoa(to))
}

// WriteTo finishes every sheet and writes the workbook.
func (w *Writer) WriteTo(out io.Writer) (int64, error) {
	for _, s := range w.sheets {
		if s.sw != nil {
			if err := s.sw.Flush(); err != nil {
				return 0, err
			}
			s.sw = nil
		}
	}
	return w.f.WriteTo(out)
}

// style is the workbook's style id of a Style, made on first use.
func (w *Writer) style(s Style) (int, error) {
	if s == Plain {
		return 0, nil
	}
	if id, ok := w.styles[s]; ok {
		return id, nil
	}
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	font := &excelize.Font{Family: "宋体", Size: 10.5}
	centre := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	var st *excelize.Style
	switch s {
	case Title:
		st = &excelize.Style{Font: &excelize.Font{Family: "方正小标宋简体", Size: 18}, Alignment: centre}
	case Head:
		st = &excelize.Style{Font: &excelize.Font{Family: "黑体", Size: 11}, Border: border,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}, Alignment: centre}
	case Text:
		st = &excelize.Style{Font: font, Border: border,
			Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}}
	case Centre:
		st = &excelize.Style{Font: font, Border: border, Alignment: centre}
	case Date:
		st = &excelize.Style{Font: font, Border: border, CustomNumFmt: ptr(`yyyy"年"m"月"d"日"`), Alignment: centre}
	case DateTime:
		st = &excelize.Style{Font: font, Border: border, CustomNumFmt: ptr(`yyyy"年"m"月"d"日" hh:mm`), Alignment: centre}
	case Money:
		st = &excelize.Style{Font: font, Border: border, CustomNumFmt: ptr(`#,##0.00`),
			Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}}
	case Count:
		st = &excelize.Style{Font: font, Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}
	case Percent:
		st = &excelize.Style{Font: font, Border: border, NumFmt: 9, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}
	case Percent1:
		st = &excelize.Style{Font: font, Border: border, CustomNumFmt: ptr(`0.0%`),
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}
	default:
		return 0, fmt.Errorf("sheet: unknown style %d", s)
	}
	id, err := w.f.NewStyle(st)
	if err != nil {
		return 0, err
	}
	w.styles[s] = id
	return id, nil
}

func ptr[T any](v T) *T { return &v }
