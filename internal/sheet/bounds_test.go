package sheet_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/sheet"
)

// bigJournal is n lines of a journal, as rows.
func bigJournal(n int) [][]any {
	rows := [][]any{head}
	for i := range n {
		rows = append(rows, []any{"2020-10-28", fmt.Sprintf("记-%d", i+1), "支付办公用品费", 100, nil, 1})
	}
	return rows
}

func bigJournalCSV(n int) []byte {
	var b strings.Builder
	b.WriteString("日期,凭证字号,摘要,借方金额,贷方金额,附单据数\n")
	for i := range n {
		fmt.Fprintf(&b, "2020-10-28,记-%d,支付办公用品费,100,,1\n", i+1)
	}
	return []byte(b.String())
}

// TestBounds: past a limit the reading stops with the reason, in a
// workbook as in CSV.
func TestBounds(t *testing.T) {
	xlsx := xlsxOf(t, bigJournal(300))
	csv := bigJournalCSV(300)
	cases := []struct {
		name string
		file []byte
		lim  sheet.Limits
		want string
	}{
		{"rows, xlsx", xlsx, sheet.Limits{MaxRows: 299}, "序时账超过299行，请分成几个文件导入"},
		{"rows, csv", csv, sheet.Limits{MaxRows: 299}, "序时账超过299行，请分成几个文件导入"},
		{"cells, xlsx", xlsx, sheet.Limits{MaxCells: 1000}, "序时账的单元格超过1000个，请分成几个文件导入"},
		{"cells, csv", csv, sheet.Limits{MaxCells: 1000}, "序时账的单元格超过1000个，请分成几个文件导入"},
		{"bytes, xlsx", xlsx, sheet.Limits{MaxBytes: 10 << 10}, "文件过大（最大10KB）"},
		{"unzipped", xlsx, sheet.Limits{MaxUnzipped: 20 << 10}, "Excel工作簿解压后超过20KB，不是正常的序时账"},
		{"time, xlsx", xlsx, sheet.Limits{MaxTime: time.Nanosecond}, "超过1秒仍未完成，已停止"},
		{"time, csv", csv, sheet.Limits{MaxTime: time.Nanosecond}, "已停止"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, _, err := readJournal(t, c.file, sheet.Options{Limits: c.lim})
			if got != nil || zhenggai.ErrorCode(err) != zhenggai.EINVALID || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %d lines, %v; want %q", len(got), err, c.want)
			}
		})
	}
	// At the limits, all is read.
	for _, f := range [][]byte{xlsx, csv} {
		if got, _, err := readJournal(t, f, sheet.Options{Limits: sheet.Limits{MaxRows: 300, MaxCells: 1500}}); err != nil || len(got) != 300 {
			t.Errorf("at the limits: %d lines, %v", len(got), err)
		}
	}
}

// TestZipBomb: a part whose size the zip understates is not unzipped past
// it (archive/zip holds every part to its declared size), so the limits,
// which count declared sizes, hold; the file is refused.
func TestZipBomb(t *testing.T) {
	good := xlsxOf(t, bigJournal(3))
	zr, err := zip.NewReader(bytes.NewReader(good), int64(len(good)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if f.Name != "xl/worksheets/sheet1.xml" {
			if err := zw.Copy(f); err != nil {
				t.Fatal(err)
			}
			continue
		}
		// 60 MB of rows, declared as 1 KB.
		var data bytes.Buffer
		fw, _ := flate.NewWriter(&data, flate.BestSpeed)
		fw.Write([]byte(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`))
		fw.Write(bytes.Repeat([]byte("<row/>"), 10<<20))
		fw.Close()
		w, err := zw.CreateRaw(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, CRC32: 1, CompressedSize64: uint64(data.Len()),
			UncompressedSize64: 1 << 10})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data.Bytes())
	}
	zw.Close()
	// What excelize keeps of the part is its first kilobyte: no header.
	got, _, err := readJournal(t, buf.Bytes(), sheet.Options{})
	if got != nil || zhenggai.ErrorCode(err) != zhenggai.EINVALID {
		t.Errorf("a sheet of 60 MB declared as 1 KB (%d KB zipped): %v", buf.Len()>>10, err)
	}
}

// cancelAfter is a context that reports itself canceled from its n-th
// question on, counting the questions.
type cancelAfter struct {
	context.Context
	n, asked atomic.Int64
}

func (c *cancelAfter) Err() error {
	if c.asked.Add(1) >= c.n.Load() {
		return context.Canceled
	}
	return nil
}

// TestCanceled: a canceled request stops the reading, before it starts or
// midway through the rows, in a workbook as in CSV.
func TestCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for name, f := range map[string][]byte{"xlsx": xlsxOf(t, bigJournal(5000)), "csv": bigJournalCSV(5000)} {
		if _, _, err := readJournalCtx(ctx, f, sheet.Options{}); !errors.Is(err, context.Canceled) {
			t.Errorf("%s canceled before: %v", name, err)
		}
		c := &cancelAfter{Context: context.Background()}
		c.n.Store(10) // rows are asked about every 64: the 10th is about row 500 of 5,000
		got, _, err := readJournalCtx(c, f, sheet.Options{})
		if !errors.Is(err, context.Canceled) || got != nil {
			t.Errorf("%s canceled midway: %d lines, %v", name, len(got), err)
		}
		if c.asked.Load() > 12 {
			t.Errorf("%s: the reading went on after it was canceled: asked %d times", name, c.asked.Load())
		}
	}
}

// TestSpooled: a large file is read from a temporary file, which is gone
// when the book is closed.
func TestSpooled(t *testing.T) {
	defer sheet.SetSpoolAbove(sheet.SetSpoolAbove(1 << 10))
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	for name, f := range map[string][]byte{"xlsx": xlsxOf(t, bigJournal(300)), "csv": bigJournalCSV(300)} {
		b, err := sheet.Open(t.Context(), bytes.NewReader(f), sheet.Options{CSV: true})
		if err != nil {
			t.Fatal(err)
		}
		if files, _ := filepath.Glob(filepath.Join(dir, "zhenggai-sheet-*")); len(files) != 1 {
			t.Errorf("%s: spooled to %v", name, files)
		}
		tab, err := b.Table(b.Sheets()[0], &journal)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for tab.Next() {
			n++
		}
		tab.Close()
		if n != 300 || tab.Err() != nil || b.Rejected() != nil {
			t.Errorf("%s: %d lines, %v %v", name, n, tab.Err(), b.Rejected())
		}
		if err := b.Close(); err != nil {
			t.Error(err)
		}
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Errorf("%s: left behind %v", name, left)
		}
	}
}

// TestOwnFile: a file on disk already is read where it is, neither copied
// nor closed nor removed; past MaxBytes it is refused unread.
func TestOwnFile(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", t.TempDir())
	path := filepath.Join(dir, "序时账.xlsx")
	os.WriteFile(path, xlsxOf(t, bigJournal(300)), 0o600)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := sheet.Open(t.Context(), f, sheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(os.Getenv("TMPDIR")); len(left) != 0 {
		t.Errorf("copied to %v", left)
	}
	tab, _ := b.Table("Sheet1", &journal)
	n := 0
	for tab.Next() {
		n++
	}
	tab.Close()
	b.Close()
	if n != 300 {
		t.Errorf("%d lines", n)
	}
	if _, err := f.Stat(); err != nil {
		t.Errorf("the caller's file was closed: %v", err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the caller's file was removed: %v", err)
	}
	f.Seek(0, 0)
	if _, err := sheet.Open(t.Context(), f, sheet.Options{Limits: sheet.Limits{MaxBytes: 1 << 10}}); err == nil ||
		err.Error() != "Excel文件过大（最大1KB）" {
		t.Errorf("too large: %v", err)
	}
}
