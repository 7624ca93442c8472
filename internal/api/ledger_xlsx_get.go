package api

import (
	"bytes"
	"mime"
	"net/http"
	"strconv"

	"zhenggai"
	"zhenggai/internal/xlsx"
)

// GetLedgerXLSX is GET /api/v1/rounds/{id}/ledger.xlsx: the ledger as the
// Excel workbook the ledger page offers, for scripts that file it away.
func (h *Handler) GetLedgerXLSX(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	l, err := h.Store.Ledger(r.Context(), id, h.today())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	entries, err := h.Store.Progress(r.Context(), id, 0)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	latest := zhenggai.LatestProgress(entries)
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, l, latest); err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": "ledger-" + strconv.FormatInt(id, 10) + ".xlsx"}))
	w.Header().Set("Cache-Control", "no-store")
	w.Write(buf.Bytes())
}
