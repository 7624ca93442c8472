package ui

import (
	"bytes"
	"mime"
	"net/http"
	"strconv"

	"zhenggai"
	"zhenggai/internal/xlsx"
)

// xlsxType is the media type of an Excel workbook.
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// ExportLedger is the ledger as an Excel workbook, the file offices keep
// and hand on; zhenggai import and the import page read it back.
func (h *Handler) ExportLedger(w http.ResponseWriter, r *http.Request) {
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
	// Made whole before the first byte goes out, so that a failure is
	// still an error page and not a broken download.
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, l, latest); err != nil {
		h.serverError(w, r, err)
		return
	}
	name := l.Round.Unit + "整改台账-" + strconv.FormatInt(id, 10) + ".xlsx"
	w.Header().Set("Content-Type", xlsxType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.Write(buf.Bytes())
}
