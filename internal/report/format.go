package report

import (
	"context"
	"io"
	"strings"

	"zhenggai"
)

// Format is an output format of the report.
type Format struct {
	Name        string // text, md, html, docx, pdf
	Label       string // for people
	Ext         string // file name extension
	ContentType string
	Binary      bool // a download rather than a page
}

// Formats lists the formats in the order forms show them.
var Formats = []Format{
	{"docx", "Word（DOCX，公文格式）", ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", true},
	{"pdf", "PDF", ".pdf", "application/pdf", true},
	{"html", "网页（HTML）", ".html", "text/html; charset=utf-8", false},
	{"text", "纯文本", ".txt", "text/plain; charset=utf-8", false},
	{"md", "Markdown", ".md", "text/markdown; charset=utf-8", false},
}

// ParseFormat finds a format by name; "txt" and "markdown" are accepted too.
func ParseFormat(name string) (Format, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	switch n {
	case "txt":
		n = "text"
	case "markdown":
		n = "md"
	}
	for _, f := range Formats {
		if f.Name == n {
			return f, nil
		}
	}
	return Format{}, zhenggai.Errorf(zhenggai.EINVALID, "不支持的报告格式 %q：可选 text、md、html、docx、pdf", name)
}

// Write renders the report in format f.
func (r *Report) Write(ctx context.Context, w io.Writer, f Format) error {
	_, err := r.WriteFaces(ctx, w, f)
	return err
}

// WriteFaces renders the report in format f and, for a PDF, says which
// face set each of the document's (FaceNote tells people).
func (r *Report) WriteFaces(ctx context.Context, w io.Writer, f Format) ([]Face, error) {
	if f.Name == "pdf" {
		return r.PDFFaces(ctx, w)
	}
	return nil, r.write(ctx, w, f)
}

func (r *Report) write(ctx context.Context, w io.Writer, f Format) error {
	switch f.Name {
	case "text":
		return r.Text(w)
	case "md":
		return r.Markdown(w)
	case "html":
		return r.HTML(w)
	case "docx":
		return r.DOCX(w)
	case "pdf":
		return r.PDF(ctx, w)
	}
	return zhenggai.Errorf(zhenggai.EINVALID, "不支持的报告格式 %q", f.Name)
}

// FileName is the name a download of the report gets: 巡察整改进展情况-2020-10-28.docx.
func (r *Report) FileName(f Format) string {
	return r.Kind + "整改进展情况-" + r.AsOf.String() + f.Ext
}
