package api

import (
	"errors"
	"fmt"
	"net/http"

	"zhenggai"
	"zhenggai/internal/attach"
)

// proposalDocumentsJSON answers GET /api/v1/proposals/{id}/documents.
type proposalDocumentsJSON struct {
	ProposalID int64                       `json:"proposal_id"`
	Documents  []zhenggai.ProposalDocument `json:"documents"`
	Missing    []string                    `json:"archive_missing"`
}

// ListProposalDocuments is the proposal's archive and what it lacks.
func (h *Handler) ListProposalDocuments(w http.ResponseWriter, r *http.Request) {
	p, _, ok := h.proposalOf(w, r)
	if !ok {
		return
	}
	out := proposalDocumentsJSON{ProposalID: p.ID, Documents: p.Documents, Missing: zhenggai.ProposalArchiveMissing(p)}
	if out.Documents == nil {
		out.Documents = []zhenggai.ProposalDocument{}
	}
	if out.Missing == nil {
		out.Missing = []string{}
	}
	writeJSON(w, http.StatusOK, out)
}

// UploadProposalDocument is POST /api/v1/proposals/{id}/documents,
// multipart: kind (reply_letter, feedback_form, unit_paper, original),
// on (the document's date) and file. A handling unit files its own
// papers only (unit_paper).
func (h *Handler) UploadProposalDocument(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p, parts, ok := h.proposalOf(w, r)
	if !ok {
		return
	}
	// The form is read first: a request that is not one is a 400 whoever
	// sends it.
	r.Body = http.MaxBytesReader(w, r.Body, attach.MaxSize+1<<20)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			h.tooLarge(w, "", fmt.Sprintf("上传内容过大（文件最大%dMB）", attach.MaxSize>>20))
		} else {
			h.badRequest(w, "无法读取上传的表单（multipart/form-data）")
		}
		return
	}
	defer r.MultipartForm.RemoveAll()
	for k := range r.MultipartForm.Value {
		if k != "kind" && k != "on" {
			h.badRequest(w, "未知字段 "+k)
			return
		}
	}
	files := r.MultipartForm.File["file"]
	if len(files) != 1 || len(r.MultipartForm.File) != 1 {
		h.badRequest(w, "须在 file 字段上传一个文件")
		return
	}
	fh := files[0]
	if !parts.Office && parts.Handler == 0 {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EFORBID, "只有提案委和承办单位可以上传档案材料"))
		return
	}
	kind := zhenggai.ProposalDocKind(r.FormValue("kind"))
	part := zhenggai.ActorOffice.Label()
	if !parts.Office {
		if kind != "" && kind != zhenggai.DocUnitPaper {
			h.fail(w, r, zhenggai.Errorf(zhenggai.EFORBID, "承办单位只能上传本单位的办理材料（unit_paper）"))
			return
		}
		kind, part = zhenggai.DocUnitPaper, zhenggai.ActorHandler.Label()
	}
	on, err := zhenggai.ParseDate(r.FormValue("on"))
	if err != nil || !on.IsZero() && !on.Valid() {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "on 不是有效日期（例如 2020-10-28）"))
		return
	}
	if fh.Size > attach.MaxSize {
		h.tooLarge(w, "file", fmt.Sprintf("文件过大，最大%dMB", attach.MaxSize>>20))
		return
	}
	if err := attach.CheckFile(fh); err != nil {
		h.fail(w, r, err)
		return
	}
	sum, err := attach.Sum(fh)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.Store.CheckEvidenceQuota(ctx, p.UnitID, []zhenggai.Attachment{sum}); err != nil {
		h.fail(w, r, err)
		return
	}
	a, err := h.Files.Keep(fh)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := &zhenggai.ProposalDocument{Kind: kind, SHA256: a.SHA256, Name: attach.CleanName(fh.Filename), On: on}
	if err := h.Store.AddProposalDocument(ctx, p.ID, d, part); err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, d)
}
