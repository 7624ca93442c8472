package ui

import (
	"fmt"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"zhenggai"
	"zhenggai/internal/attach"
)

// AddArchiveDocument fills a slot of a file: a scan or photo uploaded
// (kept in the evidence store, within the unit's quota), or, with 纸质存档
// ticked, the paper original recorded with where it is kept and who
// checked it. A defect (候选人名单信息缺失) marks the document incomplete.
func (h *Handler) AddArchiveDocument(w http.ResponseWriter, r *http.Request) {
	f, ok := h.archiveFileOf(w, r, false)
	if !ok {
		return
	}
	back := fmt.Sprintf("/archives/%d", f.ID)
	r.Body = http.MaxBytesReader(w, r.Body, attach.MaxSize+1<<20)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		redirectRefused(w, r, back, "未能登记材料", zhenggai.Errorf(zhenggai.EINVALID, "文件过大（最大32MB）或上传不完整"))
		return
	}
	defer r.MultipartForm.RemoveAll()
	get := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	errs := &zhenggai.ValidationError{}
	d := &zhenggai.ArchiveDocument{Slot: get("slot"), Paper: get("paper") != "", Place: get("place"), CheckedBy: get("checked_by"),
		Defect: get("defect"), CheckedOn: formDate(r, errs, "checked_on", "核验日期")}
	fh := proposalFile(r, "file")
	switch {
	case d.Paper && fh != nil:
		errs.Add("file", "纸质存档不需上传文件；有扫描件的，请不要勾选纸质存档")
	case !d.Paper && fh == nil:
		errs.Add("file", "请选择扫描件或照片，或勾选纸质存档并填写存放位置和核验人")
	}
	if len(errs.Fields) == 0 && fh != nil {
		a, err := h.keepFile(r, f.UnitID, fh)
		if err != nil {
			if zhenggai.ErrorCode(err) == "" {
				h.fail(w, r, err)
				return
			}
			errs.Add("file", zhenggai.ErrorMessage(err))
		}
		d.SHA256, d.Name, d.Size, d.ContentType = a.SHA256, a.Name, fh.Size, a.ContentType
	}
	if len(errs.Fields) == 0 {
		err := h.Store.AddArchiveDocument(r.Context(), f.ID, d)
		switch zhenggai.ErrorCode(err) {
		case "":
			what := "已上传"
			if d.Paper {
				what = "已登记纸质存档："
			}
			redirect(w, r, back+"#slots", what+d.Slot)
			return
		case zhenggai.ECONFLICT:
			redirectRefused(w, r, back, "未能登记材料", err)
			return
		}
		v, ok := err.(*zhenggai.ValidationError)
		if !ok {
			h.fail(w, r, err)
			return
		}
		errs.Fields = append(errs.Fields, v.Fields...)
	}
	h.renderArchiveShow(w, r, http.StatusUnprocessableEntity, f, d.Slot, errorsByField(errs))
}

// VoidArchiveDocument voids a document filed by mistake (form field
// document), with its reason.
func (h *Handler) VoidArchiveDocument(w http.ResponseWriter, r *http.Request) {
	f, ok := h.archiveFileOf(w, r, false)
	if !ok {
		return
	}
	back := fmt.Sprintf("/archives/%d", f.ID)
	doc, _ := strconv.ParseInt(r.PostFormValue("document"), 10, 64)
	fileID, _, err := h.Store.ArchiveDocumentOf(r.Context(), doc)
	if err == nil && fileID != f.ID {
		err = zhenggai.Errorf(zhenggai.ENOTFOUND, "该案卷没有这份材料")
	}
	if err == nil {
		err = h.Store.Void(r.Context(), "archive_document", doc, r.PostFormValue("reason"))
	}
	switch zhenggai.ErrorCode(err) {
	case "":
		redirect(w, r, back, "已作废该材料。")
	case zhenggai.EINVALID, zhenggai.ECONFLICT, zhenggai.ENOTFOUND:
		redirectRefused(w, r, back, "未能作废该材料", err)
	default:
		h.fail(w, r, err)
	}
}

// DownloadArchiveDocument serves an uploaded document of the file
// (?document=), always as a download.
func (h *Handler) DownloadArchiveDocument(w http.ResponseWriter, r *http.Request) {
	f, ok := h.archiveFileOf(w, r, true)
	if !ok {
		return
	}
	id, _ := strconv.ParseInt(r.URL.Query().Get("document"), 10, 64)
	var doc *zhenggai.ArchiveDocument
	for i := range f.Documents {
		if f.Documents[i].ID == id && f.Documents[i].SHA256 != "" {
			doc = &f.Documents[i]
		}
	}
	if doc == nil {
		h.fail(w, r, zhenggai.Errorf(zhenggai.ENOTFOUND, "该案卷没有这份上传的材料"))
		return
	}
	file, err := h.Files.Open(doc.SHA256)
	if err != nil {
		h.fail(w, r, zhenggai.Errorf(zhenggai.ENOTFOUND, "该材料的文件不在证据库中"))
		return
	}
	defer file.Close()
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": doc.Name}))
	w.Header().Set("Content-Security-Policy", "default-src 'none'; sandbox")
	w.Header().Set("Cache-Control", "no-store")
	http.ServeContent(w, r, "", time.Time{}, file)
}
