package xlsx_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/testkit"
	"zhenggai/internal/xlsx"
)

// The attack: a valid 200-row ledger whose sheet declares 4,000 copies of
// one merged range over the columns right of the ledger and every row
// below the header. It once cost rows × copies × 16,372 cells.
const (
	bombRows   = 200
	bombCopies = 4000
	bombRef    = "L3:XFC1048576"
)

// TestMergeBomb: the attack workbook reads as the ledger it carries, the
// same as without its merges; so does one whose thousands of copies cover
// the ledger's own columns (they merge into one range, read once).
func TestMergeBomb(t *testing.T) {
	plain, err := xlsx.Parse(context.Background(), bytes.NewReader(testkit.MergeBomb(t, bombRows, 0, "")))
	if err != nil {
		t.Fatal(err)
	}
	bomb := testkit.MergeBomb(t, bombRows, bombCopies, bombRef)
	if len(bomb) > 16<<10 {
		t.Errorf("the attack workbook is %d bytes; the attack's was a few KB", len(bomb))
	}
	im, err := xlsx.Parse(context.Background(), bytes.NewReader(bomb))
	if err != nil {
		t.Fatal(err)
	}
	if im.ProblemCount() != bombRows || im.ProblemCount() != plain.ProblemCount() {
		t.Errorf("%d problems, want %d", im.ProblemCount(), bombRows)
	}
	// Copies of a range over 责任委室 (F) to the last cell: they are one
	// range, and 办公室 fills F to K of every row below, whatever the
	// cells held (so 整改时限 and 完成情况 are wrong from row 3 on).
	im, err = xlsx.Parse(context.Background(), bytes.NewReader(testkit.MergeBomb(t, bombRows, bombCopies, "F3:XFD1048576")))
	var rej *xlsx.Rejected
	if !errors.As(err, &rej) || rej.Rows[0].Row != 3 || !strings.Contains(rej.Rows[0].Reason, "“办公室”") {
		t.Fatalf("a range over the measure columns: %v", err)
	}
}

// TestTooManyMerges: more distinct merged ranges than any ledger has
// (200,000) is no ledger: refused with the reason.
func TestTooManyMerges(t *testing.T) {
	refs := make([]string, 200001)
	for i := range refs {
		refs[i] = fmt.Sprintf("M%d:N%d", i+3, i+3)
	}
	_, err := xlsx.Parse(context.Background(), bytes.NewReader(testkit.MergedLedger(t, 5, refs)))
	if zhenggai.ErrorCode(err) != zhenggai.EINVALID || !strings.Contains(err.Error(), "合并单元格超过200000处") {
		t.Errorf("200,001 merged ranges: %v", err)
	}
	refs = refs[:200000]
	if _, err := xlsx.Parse(context.Background(), bytes.NewReader(testkit.MergedLedger(t, 5, refs))); err != nil {
		t.Errorf("200,000 merged ranges right of the ledger: %v", err)
	}
}

// cancelAfter is a context that reports itself canceled from its n-th
// question on, counting the questions: a parse that honours it stops
// within a few more.
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

// TestParseCanceled: a canceled request stops its parse, at the start or
// midway through the rows; the time budget stops it with a reason.
func TestParseCanceled(t *testing.T) {
	file := bigLedgerFile(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := xlsx.Parse(ctx, bytes.NewReader(file)); !errors.Is(err, context.Canceled) {
		t.Errorf("canceled before: %v", err)
	}
	// Midway: the row loop asks every 64 rows, so the 20th question is
	// about row 1,200 of 10,000.
	c := &cancelAfter{Context: context.Background()}
	c.n.Store(20)
	if _, err := xlsx.Parse(c, bytes.NewReader(file)); !errors.Is(err, context.Canceled) {
		t.Errorf("canceled midway: %v", err)
	}
	if c.asked.Load() > 25 {
		t.Errorf("the parse went on after it was canceled: asked %d times", c.asked.Load())
	}
	defer func(d time.Duration) { xlsx.MaxParseTime = d }(xlsx.MaxParseTime)
	xlsx.MaxParseTime = time.Nanosecond
	_, err := xlsx.Parse(context.Background(), bytes.NewReader(file))
	if zhenggai.ErrorCode(err) != zhenggai.EINVALID || !strings.Contains(err.Error(), "已停止") {
		t.Errorf("past the time budget: %v", err)
	}
}

// BenchmarkMergeBomb parses the attack workbook; BenchmarkMergeBombReference
// the same 200 rows without merges, in the same run.
func BenchmarkMergeBomb(b *testing.B) {
	benchParse(b, testkit.MergeBomb(b, bombRows, bombCopies, bombRef))
}

func BenchmarkMergeBombReference(b *testing.B) { benchParse(b, testkit.MergeBomb(b, bombRows, 0, "")) }

func benchParse(b *testing.B, file []byte) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := xlsx.Parse(context.Background(), bytes.NewReader(file)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(file))/(1<<10), "file-KB")
}
