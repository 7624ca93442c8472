package ui

import (
	"bytes"
	"mime"
	"net/http"
	"strings"

	"zhenggai"
	"zhenggai/internal/report"
)

// ShowReport is the round's progress report as of ?date (default today)
// in ?format (default html): a page for html, text and Markdown, a
// download for DOCX and PDF.
func (h *Handler) ShowReport(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	asOf := h.today()
	if s := strings.TrimSpace(q.Get("date")); s != "" {
		d, err := zhenggai.ParseDate(s)
		if err != nil || !d.Valid() || d.Year() < 1949 || d.Year() > 2100 {
			h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "报告日期不正确：日期格式应为 2020-10-28"))
			return
		}
		asOf = d
	}
	name := q.Get("format")
	if name == "" {
		name = "html"
	}
	f, err := report.ParseFormat(name)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	rep, err := report.Build(r.Context(), h.Store, id, asOf)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := rep.Write(r.Context(), &buf, f); err != nil {
		if err == report.ErrNoBrowser {
			h.Log.Warn("report pdf", "err", err)
			h.render(w, r, http.StatusServiceUnavailable, "error", &page{Title: "无法生成 PDF", Data: zhenggai.ErrorMessage(err)})
			return
		}
		h.fail(w, r, err)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", f.ContentType)
	hd.Set("Cache-Control", "no-store")
	hd.Set("X-Content-Type-Options", "nosniff")
	disposition := "inline"
	if f.Binary {
		disposition = "attachment"
	}
	hd.Set("Content-Disposition", mime.FormatMediaType(disposition, map[string]string{"filename": rep.FileName(f)}))
	if f.Name == "html" {
		// The standalone page carries its CSS in <style>: allow that
		// stylesheet by its hash, and nothing else.
		hd.Set("Content-Security-Policy", "default-src 'none'; style-src "+report.CSSHash+"; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
	}
	w.WriteHeader(http.StatusOK)
	w.Write(buf.Bytes())
}
