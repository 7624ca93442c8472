package ui

import (
	"fmt"
	"mime"
	"net/http"
	"strconv"
	"time"

	"zhenggai"
	"zhenggai/internal/attach"
)

// UploadProposalDocument files a document of a proposal's archive (答复函,
// 征询意见表, the handling unit's papers, the original): by the office,
// or by a handling unit for its own papers.
func (h *Handler) UploadProposalDocument(w http.ResponseWriter, r *http.Request) {
	p, parts, ok := h.proposalOf(w, r)
	if !ok {
		return
	}
	back := fmt.Sprintf("/proposals/%d#archive", p.ID)
	refuse := func(err error) { redirectRefused(w, r, back, "未能上传档案材料", err) }
	if !parts.Office && parts.Handler == 0 {
		refuse(zhenggai.Errorf(zhenggai.EFORBID, "只有提案委和承办单位可以上传档案材料"))
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, attach.MaxSize+1<<20)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		refuse(zhenggai.Errorf(zhenggai.EINVALID, "文件过大（最大32MB）或上传不完整"))
		return
	}
	defer r.MultipartForm.RemoveAll()
	fh := proposalFile(r, "file")
	if fh == nil {
		refuse(zhenggai.Errorf(zhenggai.EINVALID, "请选择一个文件"))
		return
	}
	kind := zhenggai.ProposalDocKind(r.FormValue("kind"))
	part := zhenggai.ActorOffice.Label()
	if !parts.Office {
		kind, part = zhenggai.DocUnitPaper, zhenggai.ActorHandler.Label()
	}
	on, err := zhenggai.ParseDate(r.FormValue("on"))
	if err != nil || !on.IsZero() && !on.Valid() {
		refuse(zhenggai.Errorf(zhenggai.EINVALID, "日期不是有效日期（例如 2020-10-28）"))
		return
	}
	sum, name, err := h.keepProposalFile(r, p.UnitID, fh)
	if err != nil {
		if zhenggai.ErrorCode(err) == "" {
			h.fail(w, r, err)
			return
		}
		refuse(err)
		return
	}
	d := &zhenggai.ProposalDocument{Kind: kind, SHA256: sum, Name: name, On: on}
	switch err := h.Store.AddProposalDocument(r.Context(), p.ID, d, part); zhenggai.ErrorCode(err) {
	case "":
		redirect(w, r, back, "已上传"+kind.Label()+"。")
	case zhenggai.EINVALID, zhenggai.ECONFLICT:
		refuse(err)
	default:
		h.fail(w, r, err)
	}
}

// VoidProposalDocument voids a file of the archive (form field document).
func (h *Handler) VoidProposalDocument(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	back := fmt.Sprintf("/proposals/%d#archive", id)
	doc, _ := strconv.ParseInt(r.PostFormValue("document"), 10, 64)
	switch err := h.Store.VoidProposalDocument(r.Context(), id, doc, r.PostFormValue("reason")); zhenggai.ErrorCode(err) {
	case "":
		redirect(w, r, back, "已作废该档案材料。")
	case zhenggai.EINVALID, zhenggai.ECONFLICT, zhenggai.ENOTFOUND:
		redirectRefused(w, r, back, "未能作废该档案材料", err)
	default:
		h.fail(w, r, err)
	}
}

// DownloadProposalFile serves a file of the proposal's archive or a
// reply's letter (?sha256=), always as a download, to whoever has a part
// in the proposal.
func (h *Handler) DownloadProposalFile(w http.ResponseWriter, r *http.Request) {
	p, _, ok := h.proposalOf(w, r)
	if !ok {
		return
	}
	sum, name := r.URL.Query().Get("sha256"), ""
	for _, d := range p.Documents {
		if d.SHA256 == sum {
			name = d.Name
		}
	}
	for _, rp := range p.Replies {
		if rp.LetterSHA256 == sum && sum != "" {
			name = rp.LetterName
		}
	}
	if name == "" {
		h.fail(w, r, zhenggai.Errorf(zhenggai.ENOTFOUND, "该提案没有这个文件"))
		return
	}
	f, err := h.Files.Open(sum)
	if err != nil {
		h.fail(w, r, zhenggai.Errorf(zhenggai.ENOTFOUND, "文件不在证据库中"))
		return
	}
	defer f.Close()
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.Header().Set("Content-Security-Policy", "default-src 'none'; sandbox")
	w.Header().Set("Cache-Control", "no-store")
	http.ServeContent(w, r, "", time.Time{}, f)
}
