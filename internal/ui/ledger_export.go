package ui

import (
	"net/http"

	"zhenggai/internal/xlsx"
)

// ExportLedger is the ledger as an Excel workbook, the file offices keep
// and hand on; zhenggai import and the import page read it back. The API
// gives the same file (xlsx.LedgerFile).
func (h *Handler) ExportLedger(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	rec, err := h.Store.RoundRecords(r.Context(), id, h.today())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	name, body, err := xlsx.LedgerFile(rec.Ledger, rec.Progress)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	sendFile(w, name, xlsx.MediaType, body)
}
