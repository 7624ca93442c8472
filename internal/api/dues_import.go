package api

import (
	"bytes"
	"errors"
	"io"
	"net/http"

	"zhenggai/internal/auth"
	"zhenggai/internal/xlsx"
)

// maxDuesImport bounds a dues sheet.
const maxDuesImport = 4 << 20

// ImportDues is POST /api/v1/dues/import: the body is a branch's dues
// sheet (.xlsx, or CSV in UTF-8 or GBK), at most 4 MiB. What the sheet
// covers replaces what the register held, in one transaction; a sheet
// with bad rows is a 422 whose fields name each ("2019年:5:类别") and
// nothing is written. ?dry_run=1 answers what would be written (200);
// otherwise 201.
func (h *Handler) ImportDues(w http.ResponseWriter, r *http.Request) {
	dry, ok := h.dryRun(w, r)
	if !ok {
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxDuesImport))
	if err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			h.tooLarge(w, "", "党费缴纳表过大（最大4MB）")
			return
		}
		h.badRequest(w, "无法读取党费缴纳表")
		return
	}
	name := r.URL.Query().Get("name")
	if name == "" {
		name = "党费缴纳表"
	}
	ctx := r.Context()
	rows, _, err := xlsx.ReadDues(ctx, bytes.NewReader(body), name)
	if err != nil {
		h.fail(w, r, rowsError(err))
		return
	}
	res, err := h.Store.ImportDues(ctx, auth.UserFrom(ctx).UnitID, "党费缴纳表", rows, dry)
	if err != nil {
		h.fail(w, r, rowsError(err))
		return
	}
	status := http.StatusCreated
	if dry {
		status = http.StatusOK
	}
	writeJSON(w, status, res)
}
