// Package sheet reads and writes the tables offices keep in Excel or hand
// over as CSV: a ledger, a meeting book, an accounting journal (序时账), a
// dues sheet, a clock's export. It knows nothing of what a table means; a
// workbook of the program (internal/xlsx) is a column list (Spec) and its
// checks, built on what is here:
//
//   - Open takes an .xlsx, or CSV text in UTF-8 (with or without BOM),
//     UTF-16 or GBK/GB18030, bounded in bytes, unzipped size, rows, cells
//     and time, and honouring the caller's context.
//   - A Table finds its header row among the first rows by the columns'
//     names and aliases, compared after folding full-width characters,
//     spaces, line breaks and a unit in brackets (金额（元）, 金额(万元)).
//   - Merged cells read as their top-left value, within bounds whatever the
//     sheet declares (merge.go).
//   - A Row's cells are read as text, dates in every form offices type
//     (ParseDate), amounts in 元 or 万元 to the fen (ParseFen) and counts;
//     what cannot be read is a RowError naming sheet, row and column with a
//     Chinese reason, and every bad row is collected (all or nothing).
//   - A Writer streams sheets with the offices' styles: a title, a header,
//     widths, 元 to two decimals, Chinese dates, percentages.
package sheet

import (
	"context"
	"fmt"
	"strings"
	"time"

	"zhenggai"
)

// Limits bound what a read may cost. The zero value of a field takes the
// default of DefaultLimits.
type Limits struct {
	MaxBytes    int64         // the file itself
	MaxUnzipped int64         // an .xlsx unpacked: a zip bomb stops here
	MaxRows     int           // non-blank rows below a table's header
	MaxCells    int           // non-blank cells below the headers, all tables of a file; 0: MaxRows × 64
	MaxTime     time.Duration // whatever the caller's context allows
}

// DefaultLimits suit a register of a county: a few thousand rows.
var DefaultLimits = Limits{MaxBytes: 16 << 20, MaxUnzipped: 128 << 20, MaxRows: 50000, MaxTime: time.Minute}

func (l Limits) orDefault() Limits {
	d := DefaultLimits
	if l.MaxBytes > 0 {
		d.MaxBytes = l.MaxBytes
	}
	if l.MaxUnzipped > 0 {
		d.MaxUnzipped = l.MaxUnzipped
	}
	if l.MaxRows > 0 {
		d.MaxRows = l.MaxRows
	}
	if l.MaxTime > 0 {
		d.MaxTime = l.MaxTime
	}
	d.MaxCells = l.MaxCells
	if d.MaxCells <= 0 {
		d.MaxCells = d.MaxRows * 64
	}
	return d
}

// RowError is one reason a row (or the header, or a cell) cannot be
// imported.
type RowError struct {
	Sheet  string `json:"sheet"`
	Row    int    `json:"row"`              // as Excel numbers it, or the CSV's line, from 1
	Column string `json:"column,omitempty"` // the column's header, "" for the whole row
	Reason string `json:"reason"`
}

func (e RowError) String() string {
	s := fmt.Sprintf("%s第%d行", e.Sheet, e.Row)
	if e.Column != "" {
		s += "“" + e.Column + "”"
	}
	return s + "：" + e.Reason
}

// Rejected is the error of a file with bad rows: nothing of it may be
// imported.
type Rejected struct {
	What string // what the file holds, as the message names it: 台账, 序时账
	Rows []RowError
}

// MaxListed is how many bad rows an error message lists; Rejected.Rows
// keeps them all.
const MaxListed = 20

func (r *Rejected) Error() string {
	var b strings.Builder
	what := r.What
	if what == "" {
		what = "文件"
	}
	fmt.Fprintf(&b, "%s中有%d处错误，未导入任何内容：", what, len(r.Rows))
	for i, e := range r.Rows {
		if i == MaxListed {
			fmt.Fprintf(&b, "\n……另有%d处", len(r.Rows)-MaxListed)
			break
		}
		b.WriteString("\n" + e.String())
	}
	return b.String()
}

// Unwrap makes a Rejected an EINVALID error, shown as it is, for the CLI,
// pages and API.
func (r *Rejected) Unwrap() error { return zhenggai.Errorf(zhenggai.EINVALID, "%s", r.Error()) }

// budget is what a read may spend: until the caller's context ends (the
// client left) and at most Limits.MaxTime. Checked every few rows, it
// costs nothing a timer would.
type budget struct {
	ctx  context.Context
	end  time.Time
	max  time.Duration
	what string // 读取<what>…: Excel台账
}

// err is nil while the read may go on; else the caller's own end as it
// is (nobody waits for a message), or the time budget as a reason to give.
func (b *budget) err() error {
	if err := b.ctx.Err(); err != nil {
		return fmt.Errorf("读取%s：%w", b.what, err)
	}
	if time.Now().After(b.end) {
		return zhenggai.Errorf(zhenggai.EINVALID, "读取%s超过%d秒仍未完成，已停止：文件过大或结构异常，请检查文件或分成几个文件导入",
			b.what, int(max(b.max, time.Second).Seconds()))
	}
	return nil
}

// Guard turns a panic in the reading of a file into an internal error, so
// that one odd upload cannot take a server down. Every reader of a
// workbook defers it first: defer sheet.Guard(&err, "读取Excel台账").
// The parsers are fuzzed not to panic; this is the last line of defence.
func Guard(err *error, doing string) {
	if v := recover(); v != nil {
		*err = zhenggai.Errorf(zhenggai.EINTERNAL, "%s时发生内部错误，请联系系统管理员", doing)
	}
}

// size writes a limit in bytes as offices read it: 16MB, 512KB.
func size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%dMB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1fMB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%dKB", max(1, n>>10))
}
