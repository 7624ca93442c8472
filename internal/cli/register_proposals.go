package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"path/filepath"
	"strings"

	"zhenggai"
	"zhenggai/internal/sheet"
	"zhenggai/internal/store"
	"zhenggai/internal/xlsx"
)

// proposalsImported is what `register import proposals` says it did.
type proposalsImported struct {
	*store.ProposalImportResult
	SHA256   string   `json:"sha256"`
	Warnings []string `json:"warnings,omitempty"`
}

func (p proposalsImported) String() string {
	s := p.ProposalImportResult.String()
	if len(p.Warnings) > 0 {
		s += "\n注意：" + strings.Join(p.Warnings, "\n注意：")
	}
	return s
}

// importProposals reads a proposals' list and adds its proposals to the
// unit's register (a proposal already there refuses the file).
func importProposals(ctx context.Context, st *store.Store, unit *zhenggai.Unit, name string, r io.Reader, dryRun bool) (any, error) {
	body, err := io.ReadAll(io.LimitReader(r, sheet.DefaultLimits.MaxBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(body)) > sheet.DefaultLimits.MaxBytes {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "提案名单过大（最大16MB）")
	}
	sum := sha256.Sum256(body)
	im, err := xlsx.ParseProposals(ctx, bytes.NewReader(body), filepath.Base(name))
	if err != nil {
		return nil, err
	}
	a := importActor()
	a.Name = strings.Replace(a.Name, "cli:import", "cli:register", 1)
	res, err := st.ImportProposals(zhenggai.WithActor(ctx, a), &store.ProposalImport{UnitID: unit.ID, FileName: filepath.Base(name),
		SHA256: hex.EncodeToString(sum[:]), Rows: im.Rows, DryRun: dryRun})
	if err != nil {
		return nil, err
	}
	return proposalsImported{ProposalImportResult: res, SHA256: hex.EncodeToString(sum[:]), Warnings: im.Warnings}, nil
}

func exportProposals(ctx context.Context, st *store.Store, unit *zhenggai.Unit, w io.Writer) error {
	rows, err := st.ProposalsForSheet(ctx, unit.ID, store.ProposalScope{})
	if err != nil {
		return err
	}
	return xlsx.WriteProposals(w, unit.Name+"提案目录", rows)
}
