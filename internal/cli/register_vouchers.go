package cli

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/xlsx"
)

// voucherSummary is what `register import vouchers` says: the periods,
// vouchers and lines read, and the vouchers already imported that the
// import replaces (or, with --dry-run, would replace).
type voucherSummary struct {
	*store.VoucherImportResult
	DryRun   bool     `json:"dry_run"`
	SHA256   string   `json:"sha256"`
	Warnings []string `json:"warnings,omitempty"`
}

func (s voucherSummary) String() string {
	var b strings.Builder
	if s.DryRun {
		b.WriteString("检查通过（未写入）：")
	} else {
		b.WriteString("已导入财务凭证：")
	}
	b.WriteString(s.VoucherImportResult.String())
	for _, w := range s.Warnings {
		b.WriteString("\n提示：" + w)
	}
	return b.String()
}

// importVouchers reads an accounting package's journal (序时账) and
// replaces the unit's vouchers of the periods it holds.
func importVouchers(ctx context.Context, st *store.Store, unit *zhenggai.Unit, name string, r io.Reader, dryRun bool) (any, error) {
	// A journal of a million lines is a few hundred megabytes held while
	// it is written: the collector works harder rather than letting the
	// heap double.
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(400 << 20))
	j, err := xlsx.ReadJournal(ctx, r, xlsx.JournalOptions{Name: name})
	if err != nil {
		return nil, err
	}
	sum := voucherSummary{DryRun: dryRun, SHA256: j.SHA256, Warnings: j.Warnings}
	if dryRun {
		rep, err := st.VoucherReplaces(ctx, unit.ID, j.Periods)
		if err != nil {
			return nil, err
		}
		res := &store.VoucherImportResult{Periods: j.Periods, Vouchers: len(j.Vouchers), Lines: j.Lines, ReplacedPeriods: rep}
		for _, n := range rep {
			res.Replaced += n
		}
		sum.VoucherImportResult = res
		return sum, nil
	}
	res, err := st.ImportVouchers(zhenggai.WithActor(ctx, importActor()), &store.VoucherImport{UnitID: unit.ID, FileName: name,
		SHA256: j.SHA256, Periods: j.Periods, Vouchers: j.Vouchers})
	if err != nil {
		return nil, err
	}
	sum.VoucherImportResult = res
	return sum, nil
}

// exportVouchers writes the unit's vouchers as a journal the import reads
// back.
func exportVouchers(ctx context.Context, st *store.Store, unit *zhenggai.Unit, w io.Writer) error {
	return xlsx.WriteJournal(w, fmt.Sprintf("%s序时账", unit.Name), func(fn func(*zhenggai.Voucher) error) error {
		return st.EachVoucher(ctx, unit.ID, fn)
	})
}
