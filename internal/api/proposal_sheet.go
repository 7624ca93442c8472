package api

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"

	"zhenggai/internal/auth"
	"zhenggai/internal/store"
	"zhenggai/internal/xlsx"
)

// maxProposalImport bounds a proposals' list.
const maxProposalImport = 16 << 20

// proposalImportJSON answers POST /api/v1/proposals/import.
type proposalImportJSON struct {
	*store.ProposalImportResult
	SHA256   string   `json:"sha256"`
	Warnings []string `json:"warnings,omitempty"`
}

// ImportProposals is POST /api/v1/proposals/import?name=: the body is an
// office's list of proposals (.xlsx, or CSV in UTF-8 or GBK), at most
// 16 MiB, added to the caller's unit's register in one transaction. A
// list with bad rows — or a proposal whose session and number the
// register holds — is a 422 whose fields name each ("提案:5:答复类别")
// and nothing is written. ?dry_run=1 answers what would be written (200);
// otherwise 201.
func (h *Handler) ImportProposals(w http.ResponseWriter, r *http.Request) {
	dry, ok := h.dryRun(w, r)
	if !ok {
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxProposalImport))
	if err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			h.tooLarge(w, "", "提案名单过大（最大16MB）")
			return
		}
		h.badRequest(w, "无法读取提案名单")
		return
	}
	name := r.URL.Query().Get("name")
	if name == "" {
		name = "提案名单"
	}
	ctx := r.Context()
	im, err := xlsx.ParseProposals(ctx, bytes.NewReader(body), name)
	if err != nil {
		h.fail(w, r, rowsError(err))
		return
	}
	sum := sha256.Sum256(body)
	res, err := h.Store.ImportProposals(ctx, &store.ProposalImport{UnitID: auth.UserFrom(ctx).UnitID, FileName: name,
		SHA256: hex.EncodeToString(sum[:]), Rows: im.Rows, DryRun: dry})
	if err != nil {
		h.fail(w, r, rowsError(err))
		return
	}
	status := http.StatusCreated
	if dry {
		status = http.StatusOK
	}
	writeJSON(w, status, proposalImportJSON{ProposalImportResult: res, SHA256: hex.EncodeToString(sum[:]), Warnings: im.Warnings})
}
