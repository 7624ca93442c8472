package api

import (
	"net/http"
	"strconv"

	"zhenggai/internal/xlsx"
)

// GetLedgerXLSX is GET /api/v1/rounds/{id}/ledger.xlsx: the ledger as the
// Excel workbook the ledger page offers (xlsx.LedgerFile: the same name
// and bytes), for scripts that file it away.
func (h *Handler) GetLedgerXLSX(w http.ResponseWriter, r *http.Request) {
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
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", xlsx.MediaType)
	w.Header().Set("Content-Disposition", xlsx.ContentDisposition(name))
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.Write(body)
}
