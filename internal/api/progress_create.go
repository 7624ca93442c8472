package api

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/attach"
	"zhenggai/internal/auth"
)

// maxUpload bounds a whole progress request with its files.
const maxUpload = 64 << 20

// progressRequest is a progress report, sent as JSON or as the fields of
// a multipart form (whose files come in the field "files").
type progressRequest struct {
	Date    string `json:"date"`
	Content string `json:"content"`
	Author  string `json:"author"`
	Status  string `json:"status"`
	// MeasureVersion is the version of the measure the status change is
	// based on; required when status is set.
	MeasureVersion *int64 `json:"measure_version"`
}

// CreateProgress is POST /api/v1/measures/{id}/progress. Everything that
// can be checked is checked before any file is kept, so that a refused
// report leaves nothing behind.
func (h *Handler) CreateProgress(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	m, err := h.Store.Measure(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var req progressRequest
	var files []*multipart.FileHeader
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
		files, ok = h.readProgressForm(w, r, &req)
		if r.MultipartForm != nil {
			defer r.MultipartForm.RemoveAll()
		}
	} else {
		ok = h.decode(w, r, &req)
	}
	if !ok {
		return
	}

	// A closed or waiting problem is the reason, before a stale version:
	// the measure's version moved when its problem was accepted.
	prob, err := h.Store.Problem(ctx, m.ProblemID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if err := zhenggai.ProgressRefusal(prob.CloseState, m.CloseState, m.Status, zhenggai.Status(req.Status)); err != nil {
		h.fail(w, r, err)
		return
	}
	v := &zhenggai.ValidationError{}
	p := &zhenggai.Progress{MeasureID: id, Content: req.Content, Author: zhenggai.Author(auth.UserFrom(r.Context()), req.Author),
		Status: zhenggai.Status(req.Status), Files: []zhenggai.Attachment{}}
	p.Date = parseDate(v, "date", "日期", req.Date)
	if !p.Date.IsZero() && h.today().Before(p.Date) {
		v.Add("date", "日期不能晚于今天")
	}
	var version int64
	if p.Status != "" {
		if req.MeasureVersion == nil || *req.MeasureVersion <= 0 {
			v.Add("measure_version", "设置完成情况时须提供整改措施的版本号")
		} else {
			version = *req.MeasureVersion
		}
	}
	for _, fh := range files {
		if fh.Size > attach.MaxSize {
			h.tooLarge(w, "files", fmt.Sprintf("佐证材料“%s”过大（单个文件最大%dMB）", attach.CleanName(fh.Filename), attach.MaxSize>>20))
			return
		}
		// Its type, then its content against the type its name says.
		if err := attach.CheckFile(fh); zhenggai.ErrorCode(err) == zhenggai.EINVALID {
			v.Add("files", zhenggai.ErrorMessage(err))
		} else if err != nil {
			h.fail(w, r, err)
			return
		}
	}
	if len(files) > 0 && len(v.Fields) == 0 {
		sums := make([]zhenggai.Attachment, len(files))
		for i, fh := range files {
			if sums[i], err = attach.Sum(fh); err != nil {
				h.fail(w, r, err)
				return
			}
		}
		if err := merge(v, h.Store.CheckEvidenceQuota(ctx, m.UnitID, sums)); err != nil && zhenggai.ErrorCode(err) != zhenggai.EINVALID {
			h.fail(w, r, err)
			return
		}
	}
	if err := merge(v, p.Validate(h.today())); err != nil {
		h.fail(w, r, err)
		return
	}
	if p.Status != "" && version != m.Version {
		h.conflict(w, zhenggai.Errorf(zhenggai.ECONFLICT, "该整改措施已被他人修改（当前第%d版），请刷新后再保存", m.Version),
			h.measureNow(r.Context(), m))
		return
	}

	for _, fh := range files {
		a, err := h.Files.Keep(fh)
		if errors.Is(err, attach.ErrTooLarge) {
			h.tooLarge(w, "files", attach.ErrTooLarge.Error())
			return
		}
		if err != nil {
			h.fail(w, r, err)
			return
		}
		p.Files = append(p.Files, a)
	}
	if err := h.Store.AddProgress(ctx, p, version); err != nil {
		h.failSave(w, r, err, version, h.currentMeasure(id))
		return
	}
	writeJSON(w, http.StatusCreated, newProgressJSON(p))
}

// measureNow colours a measure already loaded, for a 409 answer.
func (h *Handler) measureNow(ctx context.Context, m *zhenggai.Measure) any {
	set, err := h.Store.Settings(ctx, m.UnitID)
	if err != nil {
		set = zhenggai.DefaultSettings()
	}
	return newMeasureJSON(m, set, h.today())
}

// readProgressForm reads a multipart progress report into req and returns
// its files; false means an answer was sent. Like JSON, a field the API
// does not know, or a field sent twice, is a 400.
func (h *Handler) readProgressForm(w http.ResponseWriter, r *http.Request, req *progressRequest) ([]*multipart.FileHeader, bool) {
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			h.tooLarge(w, "", fmt.Sprintf("上传内容过大（整个请求最大%dMB）", maxUpload>>20))
		} else {
			h.badRequest(w, "无法读取上传的表单（multipart/form-data）")
		}
		return nil, false
	}
	form := r.MultipartForm
	for k, vs := range form.Value {
		switch k {
		case "date", "content", "author", "status", "measure_version":
			if len(vs) != 1 {
				h.badRequest(w, "字段 "+k+" 只能填写一次")
				return nil, false
			}
		case "files":
			h.badRequest(w, "字段 files 须为上传的文件")
			return nil, false
		default:
			h.badRequest(w, "未知字段 "+k)
			return nil, false
		}
	}
	for k := range form.File {
		if k != "files" {
			h.badRequest(w, "字段 "+k+" 不能是文件；佐证材料请放在 files 字段")
			return nil, false
		}
	}
	one := func(k string) string {
		if vs := form.Value[k]; len(vs) > 0 {
			return vs[0]
		}
		return ""
	}
	req.Date, req.Content, req.Author, req.Status = one("date"), one("content"), one("author"), one("status")
	if s := strings.TrimSpace(one("measure_version")); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			h.badRequest(w, "字段 measure_version 的类型不正确")
			return nil, false
		}
		req.MeasureVersion = &n
	}
	return form.File["files"], true
}
