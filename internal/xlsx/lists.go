package xlsx

import (
	"bytes"
	"io"
	"strings"
	"time"

	"zhenggai"
	"zhenggai/internal/sheet"
)

// List is a list page as a workbook (每个列表的导出): a title row, the
// header, then one row per line, 序号 first. Cells keep their kind: counts
// and days are numbers, rates percentages, dates dates, so that Excel can
// sum, sort and average them.
type List struct {
	Sheet   string
	Title   string
	Columns []sheet.OutColumn // after 序号
	Rows    [][]sheet.Cell
}

// Col is a column of a List: its header and width in characters.
func Col(header string, width float64) sheet.OutColumn {
	return sheet.OutColumn{Header: header, Width: width}
}

// Text is a text cell.
func Text(s string) sheet.Cell { return sheet.Cell{Style: sheet.Text, Value: s} }

// Label is a short text cell, centred (a status, a name).
func Label(s string) sheet.Cell { return sheet.Cell{Style: sheet.Centre, Value: s} }

// Num is a whole number, kept a number.
func Num(n int) sheet.Cell { return sheet.Cell{Style: sheet.Count, Value: n} }

// Rate is a per-cent figure (85 for 85%) as a percentage cell.
func Rate(percent int) sheet.Cell { return sheet.Ratio(percent, 100) }

// When is a time as a date and time in Shanghai, empty when zero.
func When(t time.Time) sheet.Cell {
	if t.IsZero() {
		return sheet.Cell{Style: sheet.DateTime}
	}
	sh := t.In(zhenggai.Shanghai)
	// Excel has no zones: the cell holds the wall clock in Shanghai.
	return sheet.Cell{Style: sheet.DateTime, Value: time.Date(sh.Year(), sh.Month(), sh.Day(), sh.Hour(), sh.Minute(), 0, 0, time.UTC)}
}

// Write writes the list as a workbook ready to print (A4 landscape,
// header repeated, frozen under the header).
func (l *List) Write(w io.Writer) error {
	wb := sheet.NewWriter()
	defer wb.Close()
	cols := append([]sheet.OutColumn{{Header: "序号", Width: 6}}, l.Columns...)
	s, err := wb.Sheet(l.Sheet, sheet.Layout{Title: l.Title, Columns: cols, Print: true, Freeze: true})
	if err != nil {
		return err
	}
	row := make([]sheet.Cell, 0, len(cols))
	for i, r := range l.Rows {
		row = append(append(row[:0], sheet.Cell{Style: sheet.Centre, Value: i + 1}), r...)
		if err := s.Row(row...); err != nil {
			return err
		}
	}
	_, err = wb.WriteTo(w)
	return err
}

// Bytes is the workbook whole, for a download.
func (l *List) Bytes() ([]byte, error) {
	var buf bytes.Buffer
	if err := l.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// FileName is a download's name as offices file them: the unit, the round
// and what the list is, then the day, 桑植县政协党组-市委第七巡察组-问题清单-2020-10-28.xlsx;
// empty parts are left out and characters no file system takes replaced.
func FileName(day zhenggai.Date, ext string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		p = strings.Map(func(r rune) rune {
			if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
				return '_'
			}
			return r
		}, strings.TrimSpace(p))
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(append(keep, day.String()), "-") + ext
}

// ContentDisposition is the header of a download named name: an ASCII
// name for old clients, and the real one in UTF-8 (RFC 5987 filename*),
// which browsers prefer.
func ContentDisposition(name string) string {
	ascii := strings.Map(func(r rune) rune {
		if r < 0x80 && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || strings.ContainsRune("-._", r)) {
			return r
		}
		return -1
	}, name)
	if ascii != name {
		for strings.Contains(ascii, "--") {
			ascii = strings.ReplaceAll(ascii, "--", "-")
		}
		ascii = "zhenggai-" + strings.TrimLeft(ascii, "-._")
	}
	// The fallback holds only letters, digits and -._: quoted as it is.
	cd := `attachment; filename="` + ascii + `"`
	if ascii != name {
		cd += "; filename*=UTF-8''" + pathEscape(name)
	}
	return cd
}

// pathEscape percent-encodes what RFC 5987's attr-char does not allow.
func pathEscape(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || strings.IndexByte("!#$&+-.^_`|~", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}
