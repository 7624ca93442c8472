package sheet

import (
	"slices"
	"strings"
)

// Spec is a table's column list: what a workbook of the program declares
// so that the header is found and its cells are read.
type Spec struct {
	What    string   // what the table is, in messages: 台账, 序时账
	Columns []Column // the order a Row's column numbers refer to, and the order written
	// Within is how far down the header may be (title rows, a 填报单位
	// line and the like come first); 0 is 10.
	Within int
	// MinMatch is how many known names make a row the header; 0 is 3 (or
	// every column, when there are fewer). A title row names at most one
	// by chance.
	MinMatch int
	// Unknown says what a header naming no column gets: Refuse (the
	// program's own workbooks: a misnamed column would be lost) or Ignore
	// (other software's exports carry columns nobody reads).
	Unknown Unknown
	// Hint lists the headers the message names when no header is found;
	// nil is every column.
	Hint []string
}

// Unknown is what a header cell that names no column gets.
type Unknown int

const (
	Refuse Unknown = iota // a bad header, listed with the row's errors
	Ignore                // skipped
)

// Column is one column of a Spec.
type Column struct {
	Name    string   // canonical, as written: 整改时限, 借方金额
	Unit    string   // the unit written after the name in brackets, if any: 元 makes 借方金额（元）
	Units   []string // units a header may carry: 元, 万元 for an amount, 人 for a count
	Aliases []string // other names offices give it, compared folded: 借方, 借方发生额
	// Required columns must be in the header.
	Required bool
	// Once: a value in a merged cell belongs to the range's first row
	// only (an amount or a count must not be counted on every row a merge
	// spans); other columns read a merged cell's value on every row.
	Once bool
	// Max is the longest text, in characters; 0 is 20,000.
	Max int
	// Signed amounts may be negative (a journal's reversing entries);
	// others may not.
	Signed bool
	// MinYear and MaxYear bound a date's year; 0 is 1900 and 2100.
	MinYear, MaxYear int
	// Width is the column's width when written, in characters; 0 is Excel's.
	Width float64
}

func (c Column) years() (int, int) {
	lo, hi := c.MinYear, c.MaxYear
	if lo == 0 {
		lo = 1900
	}
	if hi == 0 {
		hi = 2100
	}
	return lo, hi
}

// Header is the column's header as written: its name and unit.
func (c Column) Header() string {
	if c.Unit == "" {
		return c.Name
	}
	return c.Name + "（" + c.Unit + "）"
}

func (c Column) max() int {
	if c.Max > 0 {
		return c.Max
	}
	return 20000
}

func (s *Spec) within() int {
	if s.Within > 0 {
		return s.Within
	}
	return 10
}

func (s *Spec) minMatch() int {
	if s.MinMatch > 0 {
		return min(s.MinMatch, len(s.Columns))
	}
	return min(3, len(s.Columns))
}

func (s *Spec) what() string {
	if s.What == "" {
		return "表格"
	}
	return s.What
}

// Headers are the columns' headers as written.
func (s *Spec) Headers() []string {
	h := make([]string, len(s.Columns))
	for i, c := range s.Columns {
		h[i] = c.Header()
	}
	return h
}

// Out is the header a Writer writes for the first n columns (all when n
// is 0 or more than there are): the same list reads and writes a workbook.
func (s *Spec) Out(n int) []OutColumn {
	if n <= 0 || n > len(s.Columns) {
		n = len(s.Columns)
	}
	out := make([]OutColumn, n)
	for i, c := range s.Columns[:n] {
		out[i] = OutColumn{Header: c.Header(), Width: c.Width}
	}
	return out
}

// Match finds the column a header cell names, and the unit it carries
// (the column's own Unit when it names none). A unit the column does not
// take makes no match: 追回资金（人） is no amount.
func (s *Spec) Match(cell string) (col int, unit string, ok bool) {
	return s.index().match(cell)
}

// names are a Spec's folded names, headers and aliases, each to its
// column; a Table makes them once.
type names struct {
	spec *Spec
	col  map[string]int
}

func (s *Spec) index() names {
	n := names{spec: s, col: map[string]int{}}
	for i, c := range s.Columns {
		for _, name := range append([]string{c.Name, c.Header()}, c.Aliases...) {
			if _, dup := n.col[Fold(name)]; !dup {
				n.col[Fold(name)] = i
			}
		}
	}
	return n
}

func (n names) match(cell string) (int, string, bool) {
	h := Fold(cell)
	if h == "" {
		return -1, "", false
	}
	cols := n.spec.Columns
	if i, ok := n.col[h]; ok {
		_, u := splitUnit(h)
		if u == "" || !slices.Contains(cols[i].Units, u) {
			u = cols[i].Unit
		}
		return i, u, true
	}
	base, u := splitUnit(h)
	if i, ok := n.col[base]; ok && u != "" && slices.Contains(cols[i].Units, u) {
		return i, u, true
	}
	return -1, "", false
}

// hint is the headers a missing header's message lists.
func (s *Spec) hint() string {
	if s.Hint != nil {
		return strings.Join(s.Hint, "、")
	}
	return strings.Join(s.Headers(), "、")
}
