package api

import (
	"errors"
	"io"
	"net/http"
	"path/filepath"

	"zhenggai"
	"zhenggai/internal/sheet"
	"zhenggai/internal/store"
	"zhenggai/internal/xlsx"
)

// MaxJournalUpload bounds a journal sent to the API (as on the page).
const MaxJournalUpload = 128 << 20

// voucherImportJSON is the answer of POST /api/v1/vouchers/import.
type voucherImportJSON struct {
	*store.VoucherImportResult
	DryRun   bool     `json:"dry_run"`
	SHA256   string   `json:"sha256"`
	Warnings []string `json:"warnings,omitempty"`
}

// journalRejected is the answer to a journal with bad rows: every row.
type journalRejected struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
	Rows []sheet.RowError `json:"rows"`
}

// ImportVouchers is POST /api/v1/vouchers/import: a journal (.xlsx or
// CSV) in the multipart field "file" replaces the unit's vouchers of the
// periods it holds; dry_run=1 only checks it and says what it would
// replace.
func (h *Handler) ImportVouchers(w http.ResponseWriter, r *http.Request) {
	unit, ok := h.voucherUnit(w, r, zhenggai.PermEdit)
	if !ok {
		return
	}
	dry, ok := h.dryRun(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		h.badRequest(w, "请以 multipart/form-data 上传序时账文件（字段 file，最大128MB）")
		return
	}
	defer r.MultipartForm.RemoveAll()
	fhs := r.MultipartForm.File["file"]
	if len(fhs) == 0 {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "缺少序时账文件（multipart 字段 file）"))
		return
	}
	name := filepath.Base(fhs[0].Filename)
	f, err := fhs[0].Open()
	if err != nil {
		h.badRequest(w, "文件读取失败")
		return
	}
	defer f.Close()
	j, err := xlsx.ReadJournal(ctx, io.Reader(f), xlsx.JournalOptions{Name: name, Limits: sheet.Limits{MaxBytes: MaxJournalUpload}})
	var rej *sheet.Rejected
	switch {
	case errors.As(err, &rej):
		var body journalRejected
		body.Error.Code, body.Error.Message, body.Rows = zhenggai.EINVALID, rej.Error(), rej.Rows
		writeJSON(w, http.StatusUnprocessableEntity, body)
		return
	case err != nil:
		h.fail(w, r, err)
		return
	}
	out := voucherImportJSON{DryRun: dry, SHA256: j.SHA256, Warnings: j.Warnings}
	if out.DryRun {
		rep, err := h.Store.VoucherReplaces(ctx, unit, j.Periods)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		res := &store.VoucherImportResult{Periods: j.Periods, Vouchers: len(j.Vouchers), Lines: j.Lines, ReplacedPeriods: rep}
		for _, n := range rep {
			res.Replaced += n
		}
		out.VoucherImportResult = res
		writeJSON(w, http.StatusOK, out)
		return
	}
	res, err := h.Store.ImportVouchers(ctx, &store.VoucherImport{UnitID: unit, FileName: name, SHA256: j.SHA256,
		Periods: j.Periods, Vouchers: j.Vouchers})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out.VoucherImportResult = res
	writeJSON(w, http.StatusCreated, out)
}
