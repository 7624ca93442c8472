package ui

import (
	"mime"
	"net/http"
	"time"
)

// DownloadFile serves an evidence file by its record, always as a
// download and never rendered by the browser, whatever its content.
func (h *Handler) DownloadFile(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	a, err := h.Store.Attachment(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f, err := h.Files.Open(a.SHA256)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	defer f.Close()
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": a.Name}))
	w.Header().Set("Content-Security-Policy", "default-src 'none'; sandbox")
	w.Header().Set("Cache-Control", "no-store") // a shared office computer keeps nothing after sign-out
	http.ServeContent(w, r, "", time.Time{}, f)
}
