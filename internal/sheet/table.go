package sheet

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"zhenggai"
)

// Table reads a sheet as a Spec declares it: rows above the header (a
// title, a 填报单位 line) are passed over, the header row is found among
// the first Spec.Within rows by the names it carries, and each non-blank
// row below it is a Row. A header of two rows (金额 over 借方 and 贷方) is
// read as one. What is wrong with the header or a cell is recorded in the
// Book (RowError); what stops the reading (the budget, the context, too
// many rows, a broken file) is Err.
type Table struct {
	b     *Book
	spec  *Spec
	names names
	rows  *Rows
	col   []int    // cell index of each column, -1 when absent
	unit  []string // the unit each column's header carries
	title string

	header int // the header's row; 0 until found
	pend   []string
	pendN  int
	done   bool
	data   int
	last   int
	err    error
	row    Row
}

// Table starts reading a sheet (for a CSV file, Options.Name) as spec
// declares it. Close it when done.
func (b *Book) Table(sheet string, spec *Spec) (*Table, error) {
	once := slices.ContainsFunc(spec.Columns, func(c Column) bool { return c.Once })
	rows, err := b.mergedRows(sheet, once)
	if err != nil {
		return nil, err
	}
	n := len(spec.Columns)
	t := &Table{b: b, spec: spec, names: spec.index(), rows: rows, col: make([]int, n), unit: make([]string, n)}
	t.row = Row{t: t, text: make([]string, n), state: make([]uint8, n)}
	for i := range t.col {
		t.col[i] = -1
	}
	return t, nil
}

// Next moves to the next non-blank row below the header; false when there
// is none, when the header is missing or bad (recorded in the Book), or
// when the reading stopped (Err).
func (t *Table) Next() bool {
rows:
	for !t.done && t.rows.Next() {
		n, cells := t.rows.N(), t.rows.Cells()
		t.last = n
		switch {
		case t.pend != nil:
			// The row under the header: its second row, or the first data.
			h1 := t.pend
			t.pend = nil
			if both, ok := t.secondRow(h1, cells); ok {
				t.readHeader(t.pendN, n, both)
				continue
			}
			if !t.readHeader(t.pendN, t.pendN, h1) {
				return false
			}
		case t.header == 0:
			if n > t.spec.within() {
				break rows
			}
			if t.looksLikeHeader(cells) {
				t.pend, t.pendN = slices.Clone(cells), n
				// Merged cells spread over the header's columns from here.
				t.rows.limit = t.width(cells)
			} else if t.title == "" {
				t.title, _ = zhenggai.StripInvisible(firstText(cells))
			}
			continue
		}
		if blank(cells) {
			continue
		}
		if t.data++; t.data > t.b.opt.MaxRows {
			t.err = zhenggai.Errorf(zhenggai.EINVALID, "%s超过%d行，请分成几个文件导入", t.spec.what(), t.b.opt.MaxRows)
			t.done = true
			return false
		}
		for _, i := range t.col {
			if i >= 0 && i < len(cells) && cells[i] != "" {
				t.b.cells++
			}
		}
		if t.b.cells > t.b.opt.MaxCells {
			t.err = zhenggai.Errorf(zhenggai.EINVALID, "%s的单元格超过%d个，请分成几个文件导入", t.spec.what(), t.b.opt.MaxCells)
			t.done = true
			return false
		}
		t.row.n, t.row.cells, t.row.own = n, cells, t.rows.own
		clear(t.row.state)
		return true
	}
	if t.done {
		return false
	}
	t.done = true
	if t.err = t.rows.Err(); t.err != nil {
		return false
	}
	switch {
	case t.pend != nil: // the header is the last row
		t.readHeader(t.pendN, t.pendN, t.pend)
	case t.header == 0:
		t.b.Bad(t.rows.sheet, 1, "", fmt.Sprintf("未找到表头：%s的前%d行中应有一行依次写着%s", t.spec.what(), t.spec.within(), t.spec.hint()))
	}
	return false
}

// looksLikeHeader: enough known column names make a header row; a title
// row names at most one by chance.
func (t *Table) looksLikeHeader(cells []string) bool {
	n := 0
	for _, c := range cells {
		if _, _, ok := t.names.match(c); ok {
			n++
		}
	}
	return n >= t.spec.minMatch()
}

// width is the cells up to the last one naming a column.
func (t *Table) width(cells []string) int {
	w := 0
	for i, c := range cells {
		if _, _, ok := t.names.match(c); ok {
			w = i + 1
		}
	}
	return w
}

// secondRow: a row under the header that names columns the header does not
// and holds nothing else (but the header's own cells, merged down) is the
// header's second row; both read as one, the lower name winning.
func (t *Table) secondRow(h1, h2 []string) ([]string, bool) {
	named := map[int]bool{}
	for _, c := range h1 {
		if k, _, ok := t.names.match(c); ok {
			named[k] = true
		}
	}
	both := slices.Clone(h1)
	adds := false
	for i, c := range h2 {
		if strings.TrimSpace(c) == "" {
			continue
		}
		k, _, ok := t.names.match(c)
		switch {
		case ok && !named[k]:
			adds = true
			fallthrough
		case ok:
			for len(both) <= i {
				both = append(both, "")
			}
			both[i] = c
		case i < len(h1) && c == h1[i]:
		default:
			return nil, false
		}
	}
	return both, adds
}

// readHeader maps the columns; it reports whether the table can be read.
func (t *Table) readHeader(row, last int, cells []string) bool {
	before := len(t.b.errs)
	bad := func(column, reason string) { t.b.Bad(t.rows.sheet, row, column, reason) }
	for i, c := range cells {
		if strings.TrimSpace(c) == "" {
			continue
		}
		k, unit, ok := t.names.match(c)
		switch {
		case !ok && t.spec.Unknown == Ignore:
		case !ok:
			bad(colName(i), fmt.Sprintf("表头“%s”不是%s的列；%s的列为%s", zhenggai.Clip(c, 20), t.spec.what(), t.spec.what(),
				strings.Join(t.spec.Headers(), "、")))
		case t.col[k] >= 0:
			bad(colName(i), fmt.Sprintf("表头“%s”与%s重复", zhenggai.Clip(c, 20), colName(t.col[k])))
		default:
			t.col[k], t.unit[k] = i, unit
		}
	}
	for k, c := range t.spec.Columns {
		if c.Required && t.col[k] < 0 {
			bad("", "表头缺少“"+c.Header()+"”列")
		}
	}
	if len(t.b.errs) > before {
		t.done = true // the header's errors say it all
		return false
	}
	t.header = last
	t.rows.limit = 0
	for _, i := range t.col {
		t.rows.limit = max(t.rows.limit, i+1)
	}
	return true
}

// colName is a column as Excel letters it: E列.
func colName(i int) string {
	name, _ := excelize.ColumnNumberToName(i + 1)
	return name + "列"
}

// Found reports whether the header was found and read without error.
func (t *Table) Found() bool { return t.header > 0 }

// Header is the header's row (its last, for a header of two rows).
func (t *Table) Header() int { return t.header }

// Has reports whether the header has the column.
func (t *Table) Has(col int) bool { return t.col[col] >= 0 }

// Unit is the unit the column's header carries (元, 万元), or its Unit.
func (t *Table) Unit(col int) string { return t.unit[col] }

// Title is the first text above the header, as a title row gives it
// (invisible characters taken out).
func (t *Table) Title() string { return t.title }

// Last is the number of the last row read.
func (t *Table) Last() int { return t.last }

// Sheet is the sheet's name.
func (t *Table) Sheet() string { return t.rows.sheet }

// Row is the current row; it is reused by Next.
func (t *Table) Row() *Row { return &t.row }

// Err is what stopped the reading, if anything did.
func (t *Table) Err() error { return t.err }

// Close lets go of the sheet.
func (t *Table) Close() error { return t.rows.Close() }

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func firstText(cells []string) string {
	for _, c := range cells {
		if s := strings.TrimSpace(c); s != "" {
			return s
		}
	}
	return ""
}
