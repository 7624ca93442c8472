package ui

import (
	"errors"
	"fmt"
	"mime/multipart"
	"net/http"
	"strings"

	"zhenggai"
	"zhenggai/internal/attach"
	"zhenggai/internal/auth"
)

// maxProgressBody bounds a progress report with its evidence files.
const maxProgressBody = 64 << 20

var progressFields = []string{"date", "content", "author", "status", "measure_version"}

// progressForm is the data of progress_form.html.
type progressForm struct {
	Action   string
	Cancel   string
	Problem  *zhenggai.Problem
	Measure  *zhenggai.Measure
	Authors  []string
	Conflict string // the measure's status was changed meanwhile
}

func (h *Handler) progressContext(r *http.Request, measureID int64) (*zhenggai.Round, *progressForm, error) {
	ctx := r.Context()
	m, err := h.Store.Measure(ctx, measureID)
	if err != nil {
		return nil, nil, err
	}
	p, err := h.Store.Problem(ctx, m.ProblemID)
	if err != nil {
		return nil, nil, err
	}
	round, err := h.Store.Round(ctx, p.RoundID)
	if err != nil {
		return nil, nil, err
	}
	all, err := h.Store.Measures(ctx, p.RoundID)
	if err != nil {
		return nil, nil, err
	}
	names := map[string]bool{}
	for _, o := range all {
		names[o.Owner] = true
	}
	return round, &progressForm{
		Action:  fmt.Sprintf("/measures/%d/progress", m.ID),
		Cancel:  fmt.Sprintf("/problems/%d", p.ID),
		Problem: p,
		Measure: m,
		Authors: sortedNames(names),
	}, nil
}

func (h *Handler) renderProgressForm(w http.ResponseWriter, r *http.Request, status int, round *zhenggai.Round, d *progressForm, f *form) {
	h.render(w, r, status, "progress_form", &page{Title: "填报整改进展", Nav: "tree", Round: round, Data: d, Form: f.values, Errors: f.errMap()})
}

// NewProgress shows the progress form of a measure, dated today.
func (h *Handler) NewProgress(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	round, d, err := h.progressContext(r, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := &form{values: map[string]string{
		"date": h.today().String(), "author": d.Measure.Owner, "measure_version": fmt.Sprint(d.Measure.Version),
	}, errs: &zhenggai.ValidationError{}}
	h.renderProgressForm(w, r, http.StatusOK, round, d, f)
}

// pendingUpload is one evidence file of a request, checked but not yet stored.
type pendingUpload struct {
	header *multipart.FileHeader
	name   string
}

// CreateProgress records a progress report with its evidence files and,
// if asked, a new status of the measure. Everything is checked before any
// file is stored; the database is written once, at the end.
func (h *Handler) CreateProgress(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	round, d, err := h.progressContext(r, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	perr := parseBody(w, r, maxProgressBody)
	defer cleanupBody(r)
	if perr != nil {
		f := &form{values: map[string]string{"date": h.today().String(), "author": d.Measure.Owner,
			"measure_version": fmt.Sprint(d.Measure.Version)}, errs: &zhenggai.ValidationError{}}
		if tooLarge(perr) {
			f.errs.Add("files", "上传的内容合计超过64MB，请分几次填报，每次少附几个文件")
			h.renderProgressForm(w, r, http.StatusRequestEntityTooLarge, round, d, f)
			return
		}
		f.errs.Add("files", "上传的内容无法读取：文件名中可能有特殊字符，请把文件改名后重新选择；若仍不行，请检查网络后重新提交")
		h.renderProgressForm(w, r, http.StatusBadRequest, round, d, f)
		return
	}
	f := newForm(r, progressFields...)
	p := &zhenggai.Progress{MeasureID: id, Content: f.get("content"), Author: zhenggai.Author(auth.UserFrom(r.Context()), f.get("author"))}
	p.Date = f.date("date", "日期")
	if s := f.get("status"); s != "" {
		st, ok := zhenggai.ParseStatus(s)
		if !ok {
			f.errs.Add("status", "完成情况不正确")
		}
		p.Status = st
	}
	version := f.int64("measure_version", "版本号")
	// A closed or waiting problem is the reason, whatever else the form
	// holds: its version moved when it was accepted, and "modified by
	// someone else" would send the user to reload and try again.
	if err := zhenggai.ProgressRefusal(d.Problem.CloseState, d.Measure.CloseState, d.Measure.Status, p.Status); err != nil {
		h.refuseLocked(w, r, d.Problem.ID, err)
		return
	}
	if !p.Date.IsZero() && h.today().Before(p.Date) {
		f.errs.Add("date", "日期不能晚于今天")
	}
	f.merge(p.Validate(h.today()))

	var ups []pendingUpload
	if r.MultipartForm != nil {
		for _, fh := range r.MultipartForm.File["files"] {
			if fh.Filename == "" && fh.Size == 0 {
				continue // the empty part a browser sends when no file is chosen
			}
			name := attach.CleanName(fh.Filename)
			if fh.Size > attach.MaxSize {
				f.errs.Add("files", fmt.Sprintf("“%s”过大（%s），单个文件最大32MB", name, uploadSizeText(fh.Size)))
				continue
			}
			// Its type, then its content against the type its name says.
			if err := attach.CheckFile(fh); err != nil {
				if err := f.mergeMessage("files", err); err != nil {
					h.fail(w, r, err)
					return
				}
				continue
			}
			ups = append(ups, pendingUpload{fh, name})
		}
	}
	if f.valid() && len(ups) > 0 {
		sums := make([]zhenggai.Attachment, len(ups))
		for i, u := range ups {
			if sums[i], err = attach.Sum(u.header); err != nil {
				h.fail(w, r, err)
				return
			}
		}
		if err := f.merge(h.Store.CheckEvidenceQuota(r.Context(), d.Measure.UnitID, sums)); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	if len(ups) > 0 && !f.valid() && f.errs.For("files") == "" {
		f.errs.Add("files", "所选文件尚未上传：改正上面的内容后，请重新选择文件")
	}
	if f.valid() && p.Status != "" && version != d.Measure.Version {
		d.Conflict = fmt.Sprintf("第%d项措施的完成情况已被他人修改（现为“%s”），本次填报未保存。请核对后重新选择完成情况并提交；所选文件需重新选择。",
			d.Measure.Seq, d.Measure.Status.Label())
		f.values["measure_version"] = fmt.Sprint(d.Measure.Version)
		h.renderProgressForm(w, r, http.StatusConflict, round, d, f)
		return
	}
	if !f.valid() {
		h.renderProgressForm(w, r, http.StatusUnprocessableEntity, round, d, f)
		return
	}

	for _, u := range ups {
		a, err := h.Files.Keep(u.header)
		if errors.Is(err, attach.ErrTooLarge) {
			f.errs.Add("files", fmt.Sprintf("“%s”过大，单个文件最大32MB", u.name))
			h.renderProgressForm(w, r, http.StatusUnprocessableEntity, round, d, f)
			return
		}
		if err != nil {
			h.fail(w, r, err)
			return
		}
		p.Files = append(p.Files, a)
	}
	err = h.Store.AddProgress(r.Context(), p, version)
	switch zhenggai.ErrorCode(err) {
	case "":
	case zhenggai.ELOCKED:
		h.refuseLocked(w, r, d.Measure.ProblemID, err)
		return
	case zhenggai.ECONFLICT:
		// The status changed between our check and the write: the
		// files stored are kept by hash and cost nothing if unused.
		cur, err2 := h.Store.Measure(r.Context(), id)
		if err2 != nil {
			h.fail(w, r, err2)
			return
		}
		d.Measure = cur
		d.Conflict = fmt.Sprintf("第%d项措施的完成情况已被他人修改（现为“%s”），本次填报未保存。请核对后重新选择完成情况并提交；所选文件需重新选择。",
			cur.Seq, cur.Status.Label())
		f.values["measure_version"] = fmt.Sprint(cur.Version)
		h.renderProgressForm(w, r, http.StatusConflict, round, d, f)
		return
	default:
		if err := f.merge(err); err != nil {
			h.fail(w, r, err)
			return
		}
		h.renderProgressForm(w, r, http.StatusUnprocessableEntity, round, d, f)
		return
	}
	msg := fmt.Sprintf("已填报第%d项措施的整改进展", d.Measure.Seq)
	if n := len(p.Files); n > 0 {
		msg += fmt.Sprintf("，附佐证材料%d份", n)
	}
	if p.Status != "" {
		msg += "，完成情况改为" + p.Status.Label()
	}
	redirect(w, r, fmt.Sprintf("/problems/%d", d.Problem.ID), msg)
}

// uploadSizeText writes a size in MB for a message.
func uploadSizeText(n int64) string {
	return strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/(1<<20)), ".0") + "MB"
}
