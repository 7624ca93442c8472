package ui

import (
	"bytes"
	"errors"
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
	faces, err := rep.WriteFaces(r.Context(), &buf, f)
	if note := report.FaceNote(faces); note != "" {
		h.Log.Info("report pdf faces", "round", id, "note", note)
	}
	if err != nil {
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

// faceNote says which faces a PDF printed here would set in place of the
// document's, for the pages that preview the report; the document itself
// never says it.
func (h *Handler) faceNote(r *http.Request) string {
	faces, err := report.InstalledFaces(r.Context())
	if err != nil {
		h.Log.Warn("faces", "err", err)
		why := "fc-list 未能运行"
		if errors.As(err, new(*zhenggai.Error)) {
			why = zhenggai.ErrorMessage(err)
		}
		return "无法查看本机字体（" + why + "），PDF 可能以其他字体代替公文字体。"
	}
	return report.FaceNote(faces)
}
