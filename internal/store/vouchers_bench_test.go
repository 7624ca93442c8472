package store_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
	"zhenggai/internal/xlsx"
)

// BenchmarkImportJournal reads a journal of CSV lines made here (a
// voucher of two to four lines, sixty periods) and imports it into
// SQLite: the whole path of `zhenggai register import vouchers`. The
// issue's budget is a million lines in 60 s and 500 MB:
//
//	ZHENGGAI_JOURNAL_LINES=1000000 go test ./internal/store -run '^$' -bench ImportJournal -benchtime 1x
func BenchmarkImportJournal(b *testing.B) {
	n := 100_000
	if s := os.Getenv("ZHENGGAI_JOURNAL_LINES"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	name := filepath.Join(b.TempDir(), "序时账.csv")
	n = writeJournalCSV(b, name, n)
	env := testkit.Open(b)
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "bench", Via: "cli"})
	unit, err := env.Store.EnsureUnit(ctx, "某县委巡察办")
	if err != nil {
		b.Fatal(err)
	}
	// The memory limit the command line sets for an import (cli
	// register_vouchers.go).
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(400 << 20))
	var read, write time.Duration
	peak := sampleHeap()
	for b.Loop() {
		t0 := time.Now()
		f, err := os.Open(name)
		if err != nil {
			b.Fatal(err)
		}
		j, err := xlsx.ReadJournal(ctx, f, xlsx.JournalOptions{Name: "序时账.csv"})
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		res, err := env.Store.ImportVouchers(ctx, &store.VoucherImport{UnitID: unit, FileName: "序时账.csv", SHA256: j.SHA256,
			Periods: j.Periods, Vouchers: j.Vouchers})
		if err != nil {
			b.Fatal(err)
		}
		read, write = read+t1.Sub(t0), write+time.Since(t1)
		if res.Lines != n {
			b.Fatalf("%d lines imported, want %d", res.Lines, n)
		}
	}
	// The reference, in the same run: the same vouchers and lines written
	// bare into a fresh database of the same schema — one transaction,
	// multi-row INSERTs of 100 rows, nothing read, checked or audited.
	bare := bareInsertJournal(b, ctx, name)
	b.ReportMetric(float64(bare.Milliseconds()), "bare-insert-ms")
	b.ReportMetric(float64(read.Milliseconds())/float64(b.N), "read-ms")
	b.ReportMetric(float64(write.Milliseconds())/float64(b.N), "write-ms")
	b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(n), "lines")
}

// sampleHeap samples the live heap until the function it returns is
// called, which gives the peak.
func sampleHeap() func() uint64 {
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		t := time.NewTicker(5 * time.Millisecond)
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
	return func() uint64 {
		close(done)
		return peak.Load()
	}
}

var benchAccounts = [][2]string{{"5001", "业务活动费用"}, {"5101", "单位管理费用"}, {"7201", "事业支出"},
	{"1011", "零余额账户用款额度"}, {"1002", "银行存款"}, {"8101", "资金结存"}}

// writeJournalCSV writes n lines of balanced vouchers over five years.
func writeJournalCSV(tb testing.TB, name string, n int) int {
	f, err := os.Create(name)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "某县委巡察办序时账")
	fmt.Fprintln(w, "日期,会计期间,凭证字号,摘要,科目编码,科目名称,借方金额,贷方金额,附单据数,制单人,审核人,记账人")
	perPeriod := max(n/60/3, 1)
	line, v := 0, 0
	for line < n {
		period := min(v/perPeriod, 59)
		y, m := 2019+period/12, period%12+1
		num := v - period*perPeriod + 1
		date := fmt.Sprintf("%d-%02d-%02d", y, m, num%28+1)
		ref := "记-" + strconv.Itoa(num)
		fen := int64(10000 + v%900000)
		yuan := func(f int64) string { return fmt.Sprintf("%d.%02d", f/100, f%100) }
		k := 2 + v%3
		if rem := n - line; rem <= 4 {
			k = rem
		} else if rem-k == 1 {
			k = 4
		}
		// 2: one debit, one credit; 3: one debit, two credits; 4: booked
		// twice, 5xxx and 7xxx, as 政府会计制度 does.
		var sides [][2]string
		switch k {
		case 2:
			sides = [][2]string{{yuan(fen), ""}, {"", yuan(fen)}}
		case 3:
			sides = [][2]string{{yuan(fen), ""}, {"", yuan(fen / 2)}, {"", yuan(fen - fen/2)}}
		default:
			sides = [][2]string{{yuan(fen), ""}, {yuan(fen), ""}, {"", yuan(fen)}, {"", yuan(fen)}}
		}
		for i, sd := range sides {
			a := benchAccounts[(v+i)%len(benchAccounts)]
			if i == 0 {
				fmt.Fprintf(w, "%s,%d年第%d期,%s,支付第%d笔费用,%s,%s,%s,%s,2,王芳,李明,张伟\n", date, y, m, ref, v, a[0], a[1], sd[0], sd[1])
			} else {
				fmt.Fprintf(w, ",,,支付第%d笔费用,%s,%s,%s,%s,,,,\n", v, a[0], a[1], sd[0], sd[1])
			}
			line++
		}
		v++
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return line
}

// bareInsertJournal writes the journal's vouchers and lines with plain
// SQL into a fresh SQLite database and returns how long the writing took
// (the file is read and parsed before the clock starts).
func bareInsertJournal(b *testing.B, ctx context.Context, name string) time.Duration {
	f, err := os.Open(name)
	if err != nil {
		b.Fatal(err)
	}
	j, err := xlsx.ReadJournal(ctx, f, xlsx.JournalOptions{Name: "序时账.csv"})
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	env := testkit.Open(b)
	unit, err := env.Store.EnsureUnit(ctx, "某县委巡察办")
	if err != nil {
		b.Fatal(err)
	}
	raw := env.Raw(b)
	runtime.GC()
	t0 := time.Now()
	tx, err := raw.DB.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	const per = 100
	insert := func(head string, cols int, rows [][]any) {
		for len(rows) > 0 {
			k := min(per, len(rows))
			var q []byte
			q = append(q, head...)
			var args []any
			for i, r := range rows[:k] {
				if i > 0 {
					q = append(q, ',')
				}
				q = append(q, '(')
				for c := range cols {
					if c > 0 {
						q = append(q, ',')
					}
					q = append(q, '?')
				}
				q = append(q, ')')
				args = append(args, r...)
			}
			if _, err := tx.ExecContext(ctx, string(q), args...); err != nil {
				b.Fatal(err)
			}
			rows = rows[k:]
		}
	}
	now := time.Now().UTC().Format(time.RFC3339)
	var vs, ls [][]any
	for i, v := range j.Vouchers {
		id := int64(i + 1)
		vs = append(vs, []any{id, unit, v.Period, v.Date.String(), v.Word, v.Number, v.Summary, v.Attachments,
			v.Maker, v.Approver, v.Poster, int64(v.Debit), now})
		for _, l := range v.Lines {
			ls = append(ls, []any{unit, id, l.Seq, l.Summary, l.AccountCode, l.AccountName, int64(l.Debit), int64(l.Credit)})
		}
		if len(ls) >= 10_000 { // bounded, as the import is
			insert(`INSERT INTO vouchers (id, unit_id, period, date, word, number, summary, attachments, maker, approver, poster, debit, imported_at) VALUES `, 13, vs)
			insert(`INSERT INTO voucher_lines (unit_id, voucher_id, seq, summary, account_code, account_name, debit, credit) VALUES `, 8, ls)
			vs, ls = vs[:0], ls[:0]
		}
	}
	insert(`INSERT INTO vouchers (id, unit_id, period, date, word, number, summary, attachments, maker, approver, poster, debit, imported_at) VALUES `, 13, vs)
	insert(`INSERT INTO voucher_lines (unit_id, voucher_id, seq, summary, account_code, account_name, debit, credit) VALUES `, 8, ls)
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	return time.Since(t0)
}
