package api

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"zhenggai"
	"zhenggai/internal/attach"
)

// AddArchiveDocument is POST /api/v1/archives/{id}/documents, multipart:
// slot (a document the file's kind requires), and either file (a scan)
// or paper=1 with place, checked_by and checked_on (the paper original
// and who checked it); defect says what the document lacks, if anything.
func (h *Handler) AddArchiveDocument(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
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
		switch k {
		case "slot", "paper", "place", "checked_by", "checked_on", "defect":
		default:
			h.badRequest(w, "未知字段 "+k)
			return
		}
	}
	f, err := h.Store.ArchiveFile(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	get := func(k string) string { return strings.TrimSpace(r.FormValue(k)) }
	d := &zhenggai.ArchiveDocument{Slot: get("slot"), Place: get("place"), CheckedBy: get("checked_by"), Defect: get("defect")}
	switch get("paper") {
	case "", "0", "false":
	case "1", "true":
		d.Paper = true
	default:
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "paper 应为 1 或 0"))
		return
	}
	if d.CheckedOn, err = zhenggai.ParseDate(get("checked_on")); err != nil || !d.CheckedOn.IsZero() && !d.CheckedOn.Valid() {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "checked_on 不是有效日期（例如 2020-10-28）"))
		return
	}
	files := r.MultipartForm.File["file"]
	switch {
	case len(r.MultipartForm.File) > 1 || len(files) > 1:
		h.badRequest(w, "只能在 file 字段上传一个文件")
		return
	case d.Paper && len(files) == 1:
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "纸质存档不需上传文件"))
		return
	case !d.Paper && len(files) == 0:
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "请在 file 字段上传扫描件，或以 paper=1 登记纸质存档"))
		return
	}
	if len(files) == 1 {
		fh := files[0]
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
		if err := h.Store.CheckEvidenceQuota(ctx, f.UnitID, []zhenggai.Attachment{sum}); err != nil {
			h.fail(w, r, err)
			return
		}
		a, err := h.Files.Keep(fh)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		d.SHA256, d.Name, d.Size, d.ContentType = a.SHA256, attach.CleanName(fh.Filename), a.Size, a.ContentType
	}
	if err := h.Store.AddArchiveDocument(ctx, f.ID, d); err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, d)
}

func init() {
	apiOps["POST /api/v1/archives/{id}/documents"] = apiOp{summary: "登记案卷的一项材料（multipart）：slot 为该类档案应有的材料之一；file 上传扫描件，" +
		"或 paper=1 并给出 place（存放位置）、checked_by（核验人）、checked_on（核验日期）登记纸质存档；defect 写明材料缺失的内容（如 候选人名单信息缺失）",
		response: (*zhenggai.ArchiveDocument)(nil), created: true}
}
