package cli

import (
	"context"
	"io"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/xlsx"
)

// importDues reads a branch's dues sheet into the unit's register: all or
// nothing, what the sheet covers replaced.
func importDues(ctx context.Context, st *store.Store, unit *zhenggai.Unit, name string, r io.Reader, dryRun bool) (any, error) {
	rows, _, err := xlsx.ReadDues(ctx, r, name)
	if err != nil {
		return nil, err
	}
	return st.ImportDues(ctx, unit.ID, "党费缴纳表", rows, dryRun)
}

// exportDues writes the unit's register one sheet per year, as importDues
// reads it back.
func exportDues(ctx context.Context, st *store.Store, unit *zhenggai.Unit, w io.Writer) error {
	years, err := xlsx.LoadDues(ctx, st, unit.ID, 0)
	if err != nil {
		return err
	}
	return xlsx.WriteDues(w, unit.Name, years)
}
