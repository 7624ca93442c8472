package sheet

import (
	"encoding/csv"
	"errors"
	"io"

	"github.com/xuri/excelize/v2"

	"zhenggai"
)

// Rows reads a sheet (or the CSV file) one row at a time, never the whole
// of it: excelize's row iterator over the sheet's XML, or encoding/csv
// over the decoded text. The caller's context and the time budget are
// asked every 64 rows, blank ones included.
type Rows struct {
	b     *Book
	sheet string
	n     int
	cells []string
	err   error

	x *excelize.Rows // .xlsx

	c      *csv.Reader // CSV
	cap    *capReader
	last64 int // the budget was last asked in this 64th of the lines

	// Merged ranges, spread over the first limit columns; own keeps the
	// cells as stored when a column wants them (Column.Once).
	merged  map[int][]*span
	active  []*span
	limit   int
	keepOwn bool
	own     []string
}

// Rows reads a sheet's rows as they are stored, merged cells empty below
// and right of their first. Close it when done.
func (b *Book) Rows(sheet string) (*Rows, error) {
	if b.csv {
		if sheet != b.opt.Name {
			return nil, zhenggai.Errorf(zhenggai.EINVALID, "文件中没有工作表“%s”", sheet)
		}
		return b.csvRows(), nil
	}
	x, err := b.f.Rows(sheet)
	if err != nil {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "无法读取工作表“%s”", sheet)
	}
	return &Rows{b: b, sheet: sheet, x: x}, nil
}

// MergedRows reads a sheet's rows with each merged cell's value spread
// over its range (within the first 64 columns), for a reader whose
// columns are not a Spec's (a month's days). Close it when done.
func (b *Book) MergedRows(sheet string) (*Rows, error) { return b.mergedRows(sheet, false) }

// mergedRows reads a sheet's rows with each merged cell's value spread
// over its range.
func (b *Book) mergedRows(sheet string, keepOwn bool) (*Rows, error) {
	r, err := b.Rows(sheet)
	if err != nil || b.csv {
		return r, err
	}
	if r.merged, err = merges(b.bud, b.zr, sheet, b.what(), b.opt.MaxUnzipped); err != nil {
		r.Close()
		return nil, err
	}
	r.limit, r.keepOwn = maxMergeCols, keepOwn
	return r, nil
}

// Next moves to the next row; false at the end or on an error (Err).
func (r *Rows) Next() bool {
	if r.err != nil {
		return false
	}
	if r.c != nil {
		return r.nextCSV()
	}
	if !r.x.Next() {
		if r.x.Error() != nil {
			r.err = zhenggai.Errorf(zhenggai.EINVALID, "工作表“%s”无法读取：行数超出Excel的上限或文件已损坏", r.sheet)
		}
		return false
	}
	r.n++
	if r.n%64 == 0 {
		// Blank rows cost little each but may be a million.
		if r.err = r.b.bud.err(); r.err != nil {
			return false
		}
	}
	// Raw values: a date cell is its serial number and an amount the
	// number Excel keeps, not Excel's display of them (10-28-20, 1,260.5).
	cells, err := r.x.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		r.err = zhenggai.Errorf(zhenggai.EINVALID, "工作表“%s”第%d行无法读取，文件可能已损坏", r.sheet, r.n)
		return false
	}
	if r.merged != nil {
		if r.keepOwn {
			r.own = append(r.own[:0], cells...)
		}
		cells, r.active = spread(r.n, cells, r.merged[r.n], r.active, r.limit)
	}
	r.cells = cells
	return true
}

func (r *Rows) nextCSV() bool {
	r.cap.left = maxRecord
	rec, err := r.c.Read()
	if err == io.EOF {
		return false
	}
	line, _ := r.c.FieldPos(0)
	if err != nil {
		if errors.Is(err, errRecordTooLong) {
			r.err = zhenggai.Errorf(zhenggai.EINVALID, "%s第%d行起的一行超过%s，不是正常的CSV文件（可能少了一个引号）", r.sheet, r.n+1, size(maxRecord))
		} else {
			r.err = zhenggai.Errorf(zhenggai.EINVALID, "%s第%d行无法读取，文件可能已损坏", r.sheet, max(line, r.n+1))
		}
		return false
	}
	// The line the record starts on, as a text editor numbers it; empty
	// lines are skipped but counted.
	r.n = line
	for i, c := range rec {
		rec[i] = csvCell(c)
	}
	r.cells = rec
	if r.n/64 != r.last64 {
		r.last64 = r.n / 64
		if r.err = r.b.bud.err(); r.err != nil {
			return false
		}
	}
	return true
}

// N is the row's number as Excel shows it, or the CSV line it starts on.
func (r *Rows) N() int { return r.n }

// Cells are the row's cells as text; an empty cell is "", and the slice
// ends at the last cell with a value. It is reused by Next.
func (r *Rows) Cells() []string { return r.cells }

// Err is what stopped the rows: the time budget, the caller's context,
// or a file that cannot be read further.
func (r *Rows) Err() error { return r.err }

// Close lets go of the sheet.
func (r *Rows) Close() error {
	if r.x != nil {
		r.x.Close()
	}
	return nil
}
