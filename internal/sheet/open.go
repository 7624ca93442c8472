package sheet

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"zhenggai"
)

// Options say what Open takes and how it names it.
type Options struct {
	Limits
	// What the file holds, as messages name it: 台账, 序时账.
	What string
	// CSV: text (comma- or tab-separated) is taken as well as .xlsx; else
	// only a workbook is.
	CSV bool
	// Name is the sheet name a CSV's rows get in messages (a CSV has no
	// sheets): the file's name, or "" for 第N行 alone.
	Name string
}

// Book is an opened workbook or CSV file. Its errors (RowError) and
// warnings are collected across its tables; Close it when done.
type Book struct {
	opt  Options
	bud  *budget
	csv  bool
	errs []RowError
	inv  stripped
	// cells is the number of non-blank cells read below headers.
	cells int

	// The file: in memory, or on disk: the caller's own file, or a
	// temporary one (spooled) when large.
	data    []byte
	file    *os.File
	spooled bool
	size    int64

	// .xlsx
	f        *excelize.File
	zr       *zip.Reader
	date1904 bool

	// CSV
	enc  encoding
	skip int64 // a byte-order mark
}

// spoolAbove is the size from which a file is kept on disk rather than in
// memory while it is read: a journal of a million lines is some tens of
// megabytes zipped and excelize would hold it twice.
var spoolAbove int64 = 8 << 20

// xmlInMemory is the largest worksheet or shared-strings part excelize
// keeps in memory; a larger one is unzipped to a temporary file and read
// from there row by row. maxInMemory bounds all the parts it keeps.
const (
	xmlInMemory = 16 << 20
	maxInMemory = 128 << 20
	maxParts    = 10000
)

// Open reads a file as far as knowing what it is: an .xlsx workbook, or
// (with Options.CSV) CSV text. An old .xls, an encrypted workbook, a file
// too large or not a table at all gives a zhenggai.Error saying so. It
// stops when ctx ends or after Limits.MaxTime, which bounds the reading
// of its tables too.
func Open(ctx context.Context, r io.Reader, opt Options) (_ *Book, err error) {
	opt.Limits = opt.Limits.orDefault()
	b := &Book{opt: opt}
	b.bud = &budget{ctx: ctx, end: time.Now().Add(opt.MaxTime), max: opt.MaxTime, what: b.noun()}
	defer func() {
		if err != nil {
			b.Close()
		}
	}()
	if err := b.bud.err(); err != nil {
		return nil, err
	}
	if err := b.load(r); err != nil {
		return nil, err
	}
	head := make([]byte, 8)
	n, _ := b.readerAt().ReadAt(head, 0)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "这是旧版Excel（.xls）文件或设有密码的工作簿：请在Excel中“另存为”Excel工作簿（.xlsx）并取消密码后再导入")
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		if err := b.openXLSX(); err != nil {
			return nil, err
		}
		return b, nil
	case !opt.CSV:
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "文件不是Excel工作簿（.xlsx）")
	}
	b.csv = true
	b.bud.what = b.noun()
	if err := b.openCSV(); err != nil {
		return nil, err
	}
	return b, nil
}

// noun is the file as messages name it: Excel台账, CSV序时账.
func (b *Book) noun() string {
	switch {
	case b.csv:
		return "CSV" + b.what()
	case b.f != nil || !b.opt.CSV:
		return "Excel" + b.what()
	}
	return b.what()
}

func (b *Book) what() string {
	if b.opt.What == "" {
		return "文件"
	}
	return b.opt.What
}

// load takes the file in, up to MaxBytes: in memory, or on disk past
// spoolAbove; a file on disk already (the command line's) is read where
// it is.
func (b *Book) load(r io.Reader) error {
	tooLarge := func() error {
		if b.opt.CSV {
			return zhenggai.Errorf(zhenggai.EINVALID, "文件过大（最大%s）", size(b.opt.MaxBytes))
		}
		return zhenggai.Errorf(zhenggai.EINVALID, "Excel文件过大（最大%s）", size(b.opt.MaxBytes))
	}
	readErr := func(err error) error {
		if b.opt.CSV {
			return fmt.Errorf("读取文件：%w", err)
		}
		return fmt.Errorf("读取Excel文件：%w", err)
	}
	if f, ok := r.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			if off, err := f.Seek(0, io.SeekCurrent); err == nil && off == 0 {
				if st.Size() > b.opt.MaxBytes {
					return tooLarge()
				}
				b.file, b.size = f, st.Size()
				return nil
			}
		}
	}
	var buf bytes.Buffer
	first := min(spoolAbove, b.opt.MaxBytes) + 1
	n, err := io.CopyN(&buf, r, first)
	if err != nil && err != io.EOF {
		return readErr(err)
	}
	if n < first {
		b.data, b.size = buf.Bytes(), n
		return nil
	}
	if n > b.opt.MaxBytes {
		return tooLarge()
	}
	f, err := os.CreateTemp("", "zhenggai-sheet-")
	if err != nil {
		return fmt.Errorf("读取文件：%w", err)
	}
	b.file, b.spooled = f, true
	if _, err := f.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("读取文件：%w", err)
	}
	m, err := io.Copy(f, io.LimitReader(r, b.opt.MaxBytes+1-n))
	if err != nil {
		return readErr(err)
	}
	if n+m > b.opt.MaxBytes {
		return tooLarge()
	}
	b.size = n + m
	return nil
}

func (b *Book) readerAt() io.ReaderAt {
	if b.file != nil {
		return b.file
	}
	return bytes.NewReader(b.data)
}

func (b *Book) openXLSX() error {
	bad := zhenggai.Errorf(zhenggai.EINVALID, "无法读取Excel工作簿，文件可能已损坏或不是.xlsx格式")
	zr, err := zip.NewReader(b.readerAt(), b.size)
	if err != nil {
		return bad
	}
	// excelize checks the sizes the zip declares (archive/zip holds every
	// part to its declared size); what it keeps in memory is bounded here,
	// with the reason given.
	if len(zr.File) > maxParts {
		return zhenggai.Errorf(zhenggai.EINVALID, "Excel工作簿中的部件超过%d个，不是正常的%s，请检查文件", maxParts, b.what())
	}
	var total, inMemory uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		name := strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))
		part := strings.HasPrefix(name, "xl/worksheets/sheet") || name == "xl/sharedstrings.xml"
		if !part || f.UncompressedSize64 <= xmlInMemory {
			inMemory += f.UncompressedSize64
		}
	}
	if total > uint64(b.opt.MaxUnzipped) || inMemory > maxInMemory {
		return zhenggai.Errorf(zhenggai.EINVALID, "Excel工作簿解压后超过%s，不是正常的%s，请检查文件或分成几个文件导入",
			size(min(b.opt.MaxUnzipped, int64(total))), b.what())
	}
	b.zr = zr
	opts := excelize.Options{UnzipSizeLimit: b.opt.MaxUnzipped, UnzipXMLSizeLimit: min(xmlInMemory, b.opt.MaxUnzipped)}
	if b.file != nil {
		b.f, err = excelize.OpenFile(b.file.Name(), opts)
	} else {
		b.f, err = excelize.OpenReader(bytes.NewReader(b.data), opts)
	}
	if err != nil {
		return bad
	}
	b.bud.what = b.noun()
	if props, err := b.f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		b.date1904 = *props.Date1904
	}
	return b.bud.err()
}

// Close lets go of the workbook and its temporary files.
func (b *Book) Close() error {
	var err error
	if b.f != nil {
		err = b.f.Close()
		b.f = nil
	}
	if b.file != nil && b.spooled {
		b.file.Close()
		err = errors.Join(err, os.Remove(b.file.Name()))
	}
	b.file = nil
	return err
}

// CSV reports whether the file is CSV text rather than a workbook.
func (b *Book) CSV() bool { return b.csv }

// Date1904 reports whether the workbook counts its dates from 1904 (a
// Mac setting); ParseDate needs it for serial numbers.
func (b *Book) Date1904() bool { return b.date1904 }

// Sheets lists the sheets in their order; a CSV file is one sheet named
// Options.Name.
func (b *Book) Sheets() []string {
	if b.csv {
		return []string{b.opt.Name}
	}
	return b.f.GetSheetList()
}

// Has reports whether the book has a sheet of that name.
func (b *Book) Has(sheet string) bool {
	for _, s := range b.Sheets() {
		if s == sheet {
			return true
		}
	}
	return false
}

// Bad records a reason a row (column "") or a cell cannot be imported.
func (b *Book) Bad(sheet string, row int, column, reason string) {
	b.errs = append(b.errs, RowError{Sheet: sheet, Row: row, Column: column, Reason: reason})
}

// Errors are the reasons recorded so far, in order.
func (b *Book) Errors() []RowError { return b.errs }

// Rejected is nil when nothing was found wrong, else the *Rejected error
// listing every bad row: nothing of the file may be imported.
func (b *Book) Rejected() error {
	if len(b.errs) == 0 {
		return nil
	}
	return &Rejected{What: b.opt.What, Rows: b.errs}
}

// Warnings are what the reading changed without refusing anything: the
// invisible characters taken out of cells, and where.
func (b *Book) Warnings() []string {
	st := b.inv
	if st.cells == 0 {
		return nil
	}
	w := fmt.Sprintf("有%d个单元格含有不可见的字符（如%s，多为从网页或其他文档复制时带入），已删除：%s", st.cells,
		zhenggai.CodePoint(st.char), strings.Join(st.first, "、"))
	if st.cells > len(st.first) {
		w += "等"
	}
	return []string{w}
}

// stripped is where invisible characters were taken out of cells.
type stripped struct {
	cells int
	first []string // the first few places, as a message names them
	char  rune     // one of the characters, for the message
}

// Strip takes invisible characters (zhenggai.Invisible) out of a cell's
// text: pasted from web pages and other documents, cells carry them
// without their authors knowing. Warnings says where.
func (b *Book) Strip(sheet string, row int, column, s string) string {
	if ascii(s) {
		return s // no invisible character is ASCII
	}
	out, n := zhenggai.StripInvisible(s)
	if n == 0 {
		return s
	}
	if b.inv.cells == 0 {
		b.inv.char, _ = utf8.DecodeRuneInString(s[strings.IndexFunc(s, zhenggai.Invisible):])
	}
	b.inv.cells++
	if len(b.inv.first) < 5 {
		b.inv.first = append(b.inv.first, fmt.Sprintf("%s第%d行“%s”", sheet, row, column))
	}
	return out
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
