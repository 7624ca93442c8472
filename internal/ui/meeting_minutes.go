package ui

import (
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strconv"
	"time"

	"zhenggai"
	"zhenggai/internal/attach"
)

// UploadMeetingMinutes keeps the scan of a meeting's minutes (会议记录
// 扫描件) in the evidence store and names it on the meeting, replacing
// any before it (the history keeps which).
func (h *Handler) UploadMeetingMinutes(w http.ResponseWriter, r *http.Request) {
	m, ok := h.meetingOf(w, r, false)
	if !ok {
		return
	}
	back := fmt.Sprintf("/meetings/%d", m.ID)
	refuse := func(err error) { redirectRefused(w, r, back, "未能上传会议记录扫描件", err) }
	r.Body = http.MaxBytesReader(w, r.Body, attach.MaxSize+1<<20)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		refuse(zhenggai.Errorf(zhenggai.EINVALID, "文件过大（最大32MB）或上传不完整"))
		return
	}
	defer r.MultipartForm.RemoveAll()
	files := r.MultipartForm.File["file"]
	if len(files) != 1 || files[0].Size == 0 {
		refuse(zhenggai.Errorf(zhenggai.EINVALID, "请选择一个扫描件文件"))
		return
	}
	fh := files[0]
	if fh.Size > attach.MaxSize {
		refuse(zhenggai.Errorf(zhenggai.EINVALID, "文件过大，最大32MB"))
		return
	}
	if err := attach.CheckFile(fh); err != nil {
		refuse(err)
		return
	}
	sum, err := attach.Sum(fh)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.Store.CheckEvidenceQuota(r.Context(), m.UnitID, []zhenggai.Attachment{sum}); err != nil {
		refuse(err)
		return
	}
	a, err := h.Files.Keep(fh)
	if errors.Is(err, attach.ErrTooLarge) {
		refuse(zhenggai.Errorf(zhenggai.EINVALID, "文件过大，最大32MB"))
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	version, _ := strconv.ParseInt(r.FormValue("version"), 10, 64)
	switch err := h.Store.SetMeetingMinutes(r.Context(), m.ID, version, a.SHA256, attach.CleanName(fh.Filename)); zhenggai.ErrorCode(err) {
	case "":
		redirect(w, r, back, "已上传会议记录扫描件")
	case zhenggai.EINVALID, zhenggai.ECONFLICT:
		refuse(err)
	default:
		h.fail(w, r, err)
	}
}

// DownloadMeetingMinutes serves the scan of a meeting's minutes, always as
// a download.
func (h *Handler) DownloadMeetingMinutes(w http.ResponseWriter, r *http.Request) {
	m, ok := h.meetingOf(w, r, true)
	if !ok {
		return
	}
	if m.MinutesSHA256 == "" {
		h.fail(w, r, zhenggai.Errorf(zhenggai.ENOTFOUND, "该会议没有上传会议记录扫描件"))
		return
	}
	f, err := h.Files.Open(m.MinutesSHA256)
	if err != nil {
		h.fail(w, r, zhenggai.Errorf(zhenggai.ENOTFOUND, "会议记录扫描件不在证据库中"))
		return
	}
	defer f.Close()
	name := m.MinutesName
	if name == "" {
		name = m.Label() + "记录"
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.Header().Set("Content-Security-Policy", "default-src 'none'; sandbox")
	w.Header().Set("Cache-Control", "no-store")
	http.ServeContent(w, r, "", time.Time{}, f)
}
