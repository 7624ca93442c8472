package xlsx_test

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/xlsx"

	"github.com/xuri/excelize/v2"
)

// bigLedger is a province-sized round: 20 categories × 100 problems × 5
// measures, 10,000 ledger rows, with texts as long as real ones.
func bigLedger() (*zhenggai.Ledger, map[int64]*zhenggai.Progress) {
	r := &zhenggai.Round{ID: 1, Inspector: "省委第三巡视组", Unit: "某市政协党组", Kind: zhenggai.KindTour,
		FeedbackDate: zhenggai.NewDate(2024, 5, 6)}
	var cats []*zhenggai.Category
	var probs []*zhenggai.Problem
	var ms []*zhenggai.Measure
	latest := map[int64]*zhenggai.Progress{}
	sts := zhenggai.Statuses
	for c := 1; c <= 20; c++ {
		cats = append(cats, &zhenggai.Category{ID: int64(c), Seq: c, Title: fmt.Sprintf("反馈问题%d：落实全面从严治党主体责任不到位，管党治党宽松软", c)})
		for p := 1; p <= 100; p++ {
			pid := int64((c-1)*100 + p)
			probs = append(probs, &zhenggai.Problem{ID: pid, CategoryID: int64(c), Seq: int(pid),
				Title: fmt.Sprintf("%d.%s", pid, strings.Repeat("部分党员干部理论学习停留在表面，没有学深学透，", 3))})
			for m := 1; m <= 5; m++ {
				mid := pid*10 + int64(m)
				ms = append(ms, &zhenggai.Measure{ID: mid, ProblemID: pid, Seq: m,
					Content: strings.Repeat("组织机关党员干部集中学习，建立学习制度并严格执行，", 3),
					Leader:  "向建国", Office: "机关党支部", Owner: "覃丽", Deadline: zhenggai.NewDate(2024, 8, 1+m),
					Kind: zhenggai.MeasureImmediate, Status: sts[m%len(sts)]})
				latest[mid] = &zhenggai.Progress{MeasureID: mid, Date: zhenggai.NewDate(2024, 7, m), Content: "已组织集中学习四次，建立了学习台账。"}
			}
		}
	}
	return zhenggai.BuildLedger(r, zhenggai.DefaultSettings(), zhenggai.NewDate(2024, 7, 10), cats, probs, ms), latest
}

// peakHeap samples the live heap while fn runs and reports its peak.
func peakHeap(b *testing.B, fn func()) {
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		t := time.NewTicker(2 * time.Millisecond)
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

func BenchmarkExport10k(b *testing.B) {
	l, latest := bigLedger()
	var size int
	runtime.GC()
	b.ReportAllocs()
	b.ResetTimer()
	peakHeap(b, func() {
		for b.Loop() {
			var buf bytes.Buffer
			if err := xlsx.Write(&buf, l, latest); err != nil {
				b.Fatal(err)
			}
			size = buf.Len()
		}
	})
	b.ReportMetric(float64(size)/(1<<20), "file-MB")
}

func BenchmarkImport10k(b *testing.B) {
	file := bigLedgerFile(b)
	b.ReportAllocs()
	b.ResetTimer()
	peakHeap(b, func() {
		for b.Loop() {
			im, err := xlsx.Parse(context.Background(), bytes.NewReader(file))
			if err != nil {
				b.Fatal(err)
			}
			if n := im.ProblemCount(); n != 2000 {
				b.Fatalf("%d problems", n)
			}
		}
	})
	b.ReportMetric(float64(len(file))/(1<<20), "file-MB")
}

// bigLedgerFile is bigLedger written as a workbook, the ledger itself
// let go so that only the file counts in the heap measured after it.
func bigLedgerFile(b testing.TB) []byte {
	l, latest := bigLedger()
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, l, latest); err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	return buf.Bytes()
}

// BenchmarkReadRows10kBare is the reference for BenchmarkImport10k: the
// same workbook's rows read with excelize's row iterator and nothing else
// (no header check, no row checks, nothing built), measured in the same run.
func BenchmarkReadRows10kBare(b *testing.B) {
	file := bigLedgerFile(b)
	b.ReportAllocs()
	b.ResetTimer()
	peakHeap(b, func() {
		for b.Loop() {
			f, err := excelize.OpenReader(bytes.NewReader(file))
			if err != nil {
				b.Fatal(err)
			}
			rows, err := f.Rows(xlsx.LedgerSheet)
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for rows.Next() {
				if _, err := rows.Columns(); err != nil {
					b.Fatal(err)
				}
				n++
			}
			rows.Close()
			f.Close()
			if n < 10000 {
				b.Fatalf("%d rows", n)
			}
		}
	})
}
