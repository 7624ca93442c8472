package sheet

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"zhenggai"
)

// Row is a row of a Table. Its accessors take a column's number in the
// Spec; each reads the cell once, records in the Book what is wrong with
// it (sheet, row, the column's header and a reason) and reports whether
// the value may be used. A blank cell, or a column the header lacks, is
// the zero value and fine: a workbook's checks say what is required.
type Row struct {
	t     *Table
	n     int
	cells []string
	own   []string
	text  []string
	state []uint8 // per column: unread, read, bad
}

const (
	unread uint8 = iota
	read
	badCell
)

// N is the row's number as Excel shows it (or the CSV's line).
func (r *Row) N() int { return r.n }

// Raw is the cell as stored, untrimmed; "" when the header lacks the column.
func (r *Row) Raw(col int) string {
	i := r.t.col[col]
	cells := r.cells
	if r.t.spec.Columns[col].Once && r.own != nil {
		cells = r.own
	}
	if i < 0 || i >= len(cells) {
		return ""
	}
	return cells[i]
}

// Text is the cell's text: Windows line ends made plain, invisible
// characters taken out (Book.Warnings says where), spaces trimmed. Text
// that is garbled, holds control characters or is longer than the
// column's Max is a bad cell; the text is returned anyway, so that what
// else the row holds can still be checked.
func (r *Row) Text(col int) (string, bool) {
	switch r.state[col] {
	case read:
		return r.text[col], true
	case badCell:
		return r.text[col], false
	}
	s := r.Raw(col)
	if s != "" {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = r.t.b.Strip(r.t.Sheet(), r.n, r.t.spec.Columns[col].Header(), s)
		s = strings.TrimFunc(s, unicode.IsSpace)
	}
	r.text[col], r.state[col] = s, read
	if s != "" {
		if reason := checkText(s, r.t.spec.Columns[col].max()); reason != "" {
			r.Bad(col, reason)
			return s, false
		}
	}
	return s, true
}

// checkText is why a text cannot be kept, or "".
func checkText(s string, max int) string {
	switch {
	case !utf8.ValidString(s) || strings.ContainsRune(s, utf8.RuneError):
		return "含有无法识别的字符（乱码），请从原文重新复制"
	case strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\t' && r != '\n' }):
		return "含有不可见的控制字符，请删除后再导入"
	case utf8.RuneCountInString(s) > max:
		return fmt.Sprintf("内容过长（最多%d字）", max)
	}
	return ""
}

// Has reports whether the header has the column.
func (r *Row) Has(col int) bool { return r.t.col[col] >= 0 }

// Blank reports whether the cell holds nothing.
func (r *Row) Blank(col int) bool {
	s, _ := r.Text(col)
	return s == ""
}

// Bad records a reason the cell cannot be imported; the row is bad.
func (r *Row) Bad(col int, reason string) {
	r.state[col] = badCell
	r.t.b.Bad(r.t.Sheet(), r.n, r.t.spec.Columns[col].Header(), reason)
}

// BadRow records a reason the whole row cannot be imported.
func (r *Row) BadRow(reason string) { r.t.b.Bad(r.t.Sheet(), r.n, "", reason) }

// typed is the text of a cell a parser will read: "" and true when blank.
func (r *Row) typed(col int) (string, bool) {
	s, ok := r.Text(col)
	if !ok {
		return "", false
	}
	return s, true
}

func quote(s string) string { return "“" + zhenggai.Clip(s, 20) + "”" }

// Date reads the cell as a date (ParseDate), of a year the column allows.
func (r *Row) Date(col int) (zhenggai.Date, bool) {
	d, _, _, ok := r.DateTime(col)
	return d, ok
}

// DateTime reads the cell as a date with, where it has one, the time of
// day (hasClock).
func (r *Row) DateTime(col int) (d zhenggai.Date, clock time.Duration, hasClock, ok bool) {
	s, ok := r.typed(col)
	if !ok || s == "" {
		return zhenggai.Date{}, 0, false, ok
	}
	d, clock, hasClock, err := ParseDateTime(s, r.t.b.date1904)
	if err != nil {
		r.Bad(col, quote(s)+err.Error())
		return zhenggai.Date{}, 0, false, false
	}
	c := r.t.spec.Columns[col]
	lo, hi := c.years()
	switch {
	case (d.Year() < lo || d.Year() > hi) && serialRe.MatchString(s):
		// A number that makes a day out of range is no date cell: 2020
		// typed for a year is serial 2020, 12 July 1905.
		r.Bad(col, quote(s)+ErrNotDate.Error())
		return zhenggai.Date{}, 0, false, false
	case d.Year() < lo || d.Year() > hi:
		r.Bad(col, fmt.Sprintf("%s的年份应在%d至%d之间", quote(s), lo, hi))
		return zhenggai.Date{}, 0, false, false
	}
	return d, clock, hasClock, true
}

// Clock reads the cell as a time of day (ParseClock).
func (r *Row) Clock(col int) (time.Duration, bool) {
	s, ok := r.typed(col)
	if !ok || s == "" {
		return 0, ok
	}
	c, err := ParseClock(s)
	if err != nil {
		r.Bad(col, quote(s)+err.Error())
		return 0, false
	}
	return c, true
}

// Fen reads the cell as an amount (ParseFen) in the unit its header
// carries (元, or 万元); negative only where the column is Signed.
func (r *Row) Fen(col int) (int64, bool) {
	s, ok := r.typed(col)
	if !ok || s == "" {
		return 0, ok
	}
	fen, err := ParseFen(s, r.t.unit[col] == "万元")
	if err == nil && fen < 0 && !r.t.spec.Columns[col].Signed {
		err = ErrNegative
	}
	if err != nil {
		r.Bad(col, quote(s)+err.Error())
		return 0, false
	}
	return fen, true
}

// Count reads the cell as a whole number from 0 to limit (ParseCount),
// one of the column's Units allowed after it.
func (r *Row) Count(col, limit int) (int, bool) {
	s, ok := r.typed(col)
	if !ok || s == "" {
		return 0, ok
	}
	n, err := ParseCount(s, limit, r.t.spec.Columns[col].Units...)
	if err != nil {
		r.Bad(col, quote(s)+err.Error())
		return 0, false
	}
	return n, true
}

// Unit is the unit the column's header carries (元, 万元), or its Unit.
func (r *Row) Unit(col int) string { return r.t.unit[col] }
