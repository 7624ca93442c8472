package sheet_test

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"

	"zhenggai/internal/sheet"
)

// A county's five-year journal: a million entry lines of 11 columns, as an
// accounting package exports them (序时账), in a workbook and as GBK CSV.
const bigLines = 1_000_000

var (
	summaries = []string{"支付办公用品费", "报销差旅费（长沙）", "支付会议费", "计提工资", "缴纳党费", "支付印刷费", "购买打印纸",
		"支付水电费", "报销培训费", "支付车辆维修费"}
	accounts = [][2]string{{"5201", "办公费"}, {"5204", "差旅费"}, {"5206", "会议费"}, {"2201", "应付职工薪酬"}, {"1002", "银行存款"},
		{"7201", "行政支出"}, {"5202", "印刷费"}, {"5205", "维修费"}}
	people = []string{"王芳", "李明", "张伟", "刘洋"}
)

func journalLine(i int) (d time.Time, voucher, summary, code, account string, debit, credit int64, attach int, maker, checker, poster string) {
	d = time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i/550)
	a := accounts[i%len(accounts)]
	amount := int64(i%97)*12_345 + int64(i%13) + 100
	if i%2 == 1 {
		debit, credit = 0, amount
	} else {
		debit = amount
	}
	return d, fmt.Sprintf("记-%d", i/2+1), summaries[i%len(summaries)], a[0], a[1], debit, credit, i % 5,
		people[i%4], people[(i+1)%4], people[(i+2)%4]
}

var journalHead = []string{"日期", "凭证字号", "摘要", "科目编码", "科目名称", "借方金额", "贷方金额", "附单据数", "制单人", "审核人", "记账人"}

var (
	bigOnce                                sync.Once
	bigDir                                 string
	bigXLSX, bigShared, bigCSV             string
	bigXLSXSize, bigSharedSize, bigCSVSize int64
)

// bigFiles writes the journal once per run: streamed through the layer's
// own Writer (strings inline in the cells, as excelize's StreamWriter
// writes them: what a re-import of an export reads), as Excel itself saves
// a workbook (strings once in the shared-strings table, cells pointing at
// them: what offices upload), and as GBK CSV.
func bigFiles(b *testing.B) (xlsx, shared, csvFile string) {
	bigOnce.Do(func() {
		var err error
		if bigDir, err = os.MkdirTemp("", "zhenggai-sheet-bench-"); err != nil {
			b.Fatal(err)
		}
		bigXLSX, bigCSV = filepath.Join(bigDir, "journal.xlsx"), filepath.Join(bigDir, "journal.csv")
		bigShared = filepath.Join(bigDir, "shared.xlsx")
		if err := writeShared(bigShared, bigLines); err != nil {
			b.Fatal(err)
		}
		f, err := os.Create(bigXLSX)
		if err != nil {
			b.Fatal(err)
		}
		if err := writeJournal(f, bigLines); err != nil {
			b.Fatal(err)
		}
		f.Close()
		c, err := os.Create(bigCSV)
		if err != nil {
			b.Fatal(err)
		}
		w := transform.NewWriter(c, simplifiedchinese.GBK.NewEncoder())
		cw := csv.NewWriter(w)
		cw.Write(journalHead)
		for i := range bigLines {
			d, v, s, code, acc, dr, cr, att, m, ch, p := journalLine(i)
			yuan := func(f int64) string {
				if f == 0 {
					return ""
				}
				return fmt.Sprintf("%d.%02d", f/100, f%100)
			}
			cw.Write([]string{d.Format("2006/01/02"), v, s, code, acc, yuan(dr), yuan(cr), fmt.Sprint(att), m, ch, p})
		}
		cw.Flush()
		w.Close()
		c.Close()
		for _, p := range []struct {
			name string
			size *int64
		}{{bigXLSX, &bigXLSXSize}, {bigShared, &bigSharedSize}, {bigCSV, &bigCSVSize}} {
			st, _ := os.Stat(p.name)
			*p.size = st.Size()
		}
	})
	return bigXLSX, bigShared, bigCSV
}

// writeShared writes the journal's workbook the way Excel saves one:
// texts in xl/sharedStrings.xml, dates as serial numbers with a date
// style, amounts as numbers.
func writeShared(path string, n int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	part := func(name, body string) {
		w, _ := zw.Create(name)
		io.WriteString(w, body)
	}
	part("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`+
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`+
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`+
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`+
		`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`+
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`)
	part("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	part("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" `+
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="序时账" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	part("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`+
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`+
		`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`)
	part("xl/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`+
		`<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>`+
		`<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>`+
		`<cellXfs count="3"><xf/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="4" applyNumberFormat="1"/></cellXfs></styleSheet>`)
	index := map[string]int{}
	var strs []string
	si := func(s string) int {
		i, ok := index[s]
		if !ok {
			i = len(strs)
			index[s] = i
			strs = append(strs, s)
		}
		return i
	}
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	letters := "ABCDEFGHIJK"
	bw.WriteString(`<row r="1">`)
	for j, h := range journalHead {
		fmt.Fprintf(bw, `<c r="%c1" t="s"><v>%d</v></c>`, letters[j], si(h))
	}
	bw.WriteString(`</row>`)
	for i := range n {
		r := i + 2
		d, v, sum, code, acc, dr, cr, att, m, ch, p := journalLine(i)
		serial := d.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24
		fmt.Fprintf(bw, `<row r="%d"><c r="A%d" s="1"><v>%g</v></c>`, r, r, serial)
		for j, t := range []string{v, sum, code, acc} {
			fmt.Fprintf(bw, `<c r="%c%d" t="s"><v>%d</v></c>`, letters[1+j], r, si(t))
		}
		for j, fen := range []int64{dr, cr} {
			if fen != 0 {
				fmt.Fprintf(bw, `<c r="%c%d" s="2"><v>%s</v></c>`, letters[5+j], r, strconv.FormatFloat(float64(fen)/100, 'f', -1, 64))
			}
		}
		fmt.Fprintf(bw, `<c r="H%d"><v>%d</v></c>`, r, att)
		for j, t := range []string{m, ch, p} {
			fmt.Fprintf(bw, `<c r="%c%d" t="s"><v>%d</v></c>`, letters[8+j], r, si(t))
		}
		bw.WriteString(`</row>`)
	}
	bw.WriteString(`</sheetData></worksheet>`)
	bw.Flush()
	w, _ = zw.Create("xl/sharedStrings.xml")
	bw = bufio.NewWriterSize(w, 1<<16)
	fmt.Fprintf(bw, `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, len(strs), len(strs))
	for _, s := range strs {
		bw.WriteString(`<si><t>`)
		xml.EscapeText(bw, []byte(s))
		bw.WriteString(`</t></si>`)
	}
	bw.WriteString(`</sst>`)
	bw.Flush()
	return zw.Close()
}

func writeJournal(out io.Writer, n int) error {
	w := sheet.NewWriter()
	defer w.Close()
	cols := make([]sheet.OutColumn, len(journalHead))
	for i, h := range journalHead {
		cols[i] = sheet.OutColumn{Header: h, Width: 12}
	}
	s, err := w.Sheet("序时账", sheet.Layout{Title: "某县政协机关2016年至2020年序时账", Columns: cols, Print: true, Freeze: true})
	if err != nil {
		return err
	}
	for i := range n {
		d, v, sum, code, acc, dr, cr, att, m, ch, p := journalLine(i)
		if err := s.Row(sheet.Cell{Style: sheet.Date, Value: d}, sheet.Cell{Style: sheet.Centre, Value: v},
			sheet.Cell{Style: sheet.Text, Value: sum}, sheet.Cell{Style: sheet.Centre, Value: code},
			sheet.Cell{Style: sheet.Text, Value: acc}, sheet.Yuan(dr), sheet.Yuan(cr), sheet.Cell{Style: sheet.Count, Value: att},
			sheet.Cell{Style: sheet.Centre, Value: m}, sheet.Cell{Style: sheet.Centre, Value: ch},
			sheet.Cell{Style: sheet.Centre, Value: p}); err != nil {
			return err
		}
	}
	_, err = w.WriteTo(out)
	return err
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bigDir != "" {
		os.RemoveAll(bigDir)
	}
	os.Exit(code)
}

// peakHeap samples the live heap while fn runs and reports its peak, and
// the CPU time the process spent (user and system, all threads, the
// collector's included): on a shared machine wall time says more about
// the neighbours than about the code.
func peakHeap(b *testing.B, fn func()) {
	runtime.GC()
	start := cpu()
	defer func() { b.ReportMetric((cpu()-start).Seconds()/float64(b.N), "cpu-s/op") }()
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > peak.Load() {
				peak.Store(ms.HeapAlloc)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	fn()
	close(done)
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
}

// readBig reads the journal through the layer: the header found by its
// names, every cell of every line read and checked (dates, amounts to the
// fen, counts, text), nothing kept.
func readBig(b *testing.B, path string) {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	bk, err := sheet.Open(context.Background(), f, sheet.Options{What: "序时账", CSV: true, Limits: sheet.Limits{
		MaxBytes: 256 << 20, MaxUnzipped: 1 << 30, MaxRows: bigLines, MaxTime: 10 * time.Minute}})
	if err != nil {
		b.Fatal(err)
	}
	defer bk.Close()
	tab, err := bk.Table(bk.Sheets()[0], &journal)
	if err != nil {
		b.Fatal(err)
	}
	defer tab.Close()
	n := 0
	var sum int64
	for tab.Next() {
		r := tab.Row()
		r.Date(jDate)
		r.Text(jVoucher)
		r.Text(jSummary)
		r.Text(jCode)
		r.Text(jAccount)
		dr, _ := r.Fen(jDebit)
		cr, _ := r.Fen(jCredit)
		r.Count(jAttach, 999)
		r.Text(jMaker)
		r.Text(jChecker)
		sum += dr - cr
		n++
	}
	if err := tab.Err(); err != nil {
		b.Fatal(err)
	}
	if err := bk.Rejected(); err != nil {
		b.Fatal(err)
	}
	if n != bigLines || sum == 0 {
		b.Fatalf("%d lines, balance %d", n, sum)
	}
}

// BenchmarkRead1M reads the million-line workbook through the layer.
func BenchmarkRead1M(b *testing.B) {
	path, _, _ := bigFiles(b)
	b.ReportAllocs()
	b.ResetTimer()
	peakHeap(b, func() {
		for b.Loop() {
			readBig(b, path)
		}
	})
	b.ReportMetric(float64(bigXLSXSize)/(1<<20), "file-MB")
}

// BenchmarkRead1MShared reads the million lines from the workbook as
// Excel saves it (shared strings) through the layer.
func BenchmarkRead1MShared(b *testing.B) {
	_, path, _ := bigFiles(b)
	b.ReportAllocs()
	b.ResetTimer()
	peakHeap(b, func() {
		for b.Loop() {
			readBig(b, path)
		}
	})
	b.ReportMetric(float64(bigSharedSize)/(1<<20), "file-MB")
}

// BenchmarkRead1MSharedBare is its reference: excelize's row iterator
// alone over the same file.
func BenchmarkRead1MSharedBare(b *testing.B) {
	_, path, _ := bigFiles(b)
	b.ReportAllocs()
	b.ResetTimer()
	peakHeap(b, func() {
		for b.Loop() {
			bareRows(b, path)
		}
	})
}

// BenchmarkRead1MBare is the reference: the same workbook opened with
// excelize and every row's raw cells read with its row iterator, nothing
// checked or parsed, in the same run.
func BenchmarkRead1MBare(b *testing.B) {
	path, _, _ := bigFiles(b)
	b.ReportAllocs()
	b.ResetTimer()
	peakHeap(b, func() {
		for b.Loop() {
			bareRows(b, path)
		}
	})
}

// bareRows reads every row's raw cells with excelize's row iterator.
func bareRows(b *testing.B, path string) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	rows, err := f.Rows("序时账")
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		if _, err := rows.Columns(excelize.Options{RawCellValue: true}); err != nil {
			b.Fatal(err)
		}
		n++
	}
	if n < bigLines+1 {
		b.Fatalf("%d rows", n)
	}
}

// BenchmarkReadCSV1M reads the million lines as GBK CSV through the layer
// (the encoding found by reading the whole file first).
func BenchmarkReadCSV1M(b *testing.B) {
	_, _, path := bigFiles(b)
	b.ReportAllocs()
	b.ResetTimer()
	peakHeap(b, func() {
		for b.Loop() {
			readBig(b, path)
		}
	})
	b.ReportMetric(float64(bigCSVSize)/(1<<20), "file-MB")
}

// BenchmarkReadCSV1MBare is its reference: encoding/csv over the file
// decoded from GBK, nothing else.
func BenchmarkReadCSV1MBare(b *testing.B) {
	_, _, path := bigFiles(b)
	b.ReportAllocs()
	b.ResetTimer()
	peakHeap(b, func() {
		for b.Loop() {
			f, err := os.Open(path)
			if err != nil {
				b.Fatal(err)
			}
			r := csv.NewReader(transform.NewReader(f, simplifiedchinese.GB18030.NewDecoder()))
			r.ReuseRecord = true
			n := 0
			for {
				if _, err := r.Read(); err == io.EOF {
					break
				} else if err != nil {
					b.Fatal(err)
				}
				n++
			}
			f.Close()
			if n != bigLines+1 {
				b.Fatalf("%d records", n)
			}
		}
	})
}

// BenchmarkWrite1M writes the million lines through the layer's Writer
// (title, header, styles: dates, 元 to the fen, counts).
func BenchmarkWrite1M(b *testing.B) {
	b.ReportAllocs()
	var size countWriter
	peakHeap(b, func() {
		for b.Loop() {
			size = 0
			if err := writeJournal(&size, bigLines); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.ReportMetric(float64(size)/(1<<20), "file-MB")
}

// BenchmarkWrite1MBare is its reference: excelize's StreamWriter given the
// same values, with no styles, title or layout.
func BenchmarkWrite1MBare(b *testing.B) {
	b.ReportAllocs()
	peakHeap(b, func() {
		for b.Loop() {
			f := excelize.NewFile()
			sw, err := f.NewStreamWriter("Sheet1")
			if err != nil {
				b.Fatal(err)
			}
			head := make([]any, len(journalHead))
			for i, h := range journalHead {
				head[i] = h
			}
			sw.SetRow("A1", head)
			vals := make([]any, 11)
			for i := range bigLines {
				d, v, s, code, acc, dr, cr, att, m, ch, p := journalLine(i)
				vals[0], vals[1], vals[2], vals[3], vals[4] = d, v, s, code, acc
				vals[5], vals[6], vals[7], vals[8], vals[9], vals[10] = float64(dr)/100, float64(cr)/100, att, m, ch, p
				cell, _ := excelize.CoordinatesToCellName(1, i+2)
				if err := sw.SetRow(cell, vals); err != nil {
					b.Fatal(err)
				}
			}
			if err := sw.Flush(); err != nil {
				b.Fatal(err)
			}
			if err := f.Write(io.Discard); err != nil {
				b.Fatal(err)
			}
			f.Close()
		}
	})
}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}

// TestSharedStrings: a workbook as Excel saves it (texts in the shared
// strings, dates as serial numbers with a date style, amounts as numbers)
// reads the same as the layer's own export of the same lines.
func TestSharedStrings(t *testing.T) {
	dir := t.TempDir()
	shared := filepath.Join(dir, "shared.xlsx")
	if err := writeShared(shared, 500); err != nil {
		t.Fatal(err)
	}
	var own bytes.Buffer
	if err := writeJournal(&own, 500); err != nil {
		t.Fatal(err)
	}
	s, _ := os.ReadFile(shared)
	a, _, err := readJournal(t, s, sheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := readJournal(t, own.Bytes(), sheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != 500 || len(b) != 500 {
		t.Fatalf("%d and %d lines", len(a), len(b))
	}
	for i := range a {
		d, v, _, _, _, dr, cr, _, _, _, _ := journalLine(i)
		if a[i] != b[i] || a[i].Voucher != v || a[i].Debit != dr || a[i].Credit != cr || a[i].Date.Time() != d {
			t.Fatalf("line %d: %v and %v", i, a[i], b[i])
		}
	}
}
