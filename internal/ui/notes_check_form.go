package ui

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"zhenggai"
)

// One notes check: shown as its form (a check has nothing more to show),
// saved at its version, voided and restored.

type notesCheckFormPage struct {
	C       *zhenggai.NotesCheck
	Persons []*zhenggai.Person
	Results []kindOption
	Periods []kindOption
	Period  string // as typed
	Message string
}

// notesCheckOf is the check {id}; a voided one only when allowed.
func (h *Handler) notesCheckOf(w http.ResponseWriter, r *http.Request, voided bool) (*zhenggai.NotesCheck, bool) {
	id, ok := h.pathID(w, r)
	if !ok {
		return nil, false
	}
	c, err := h.Store.NotesCheck(r.Context(), id)
	if err == nil && c.Voided && !voided {
		err = zhenggai.Errorf(zhenggai.ECONFLICT, "该学习笔记检查记录已作废，不能修改；确需修改的，请单位管理员先恢复")
	}
	if err != nil {
		h.fail(w, r, err)
		return nil, false
	}
	return c, true
}

// ShowNotesCheck shows a check as its form.
func (h *Handler) ShowNotesCheck(w http.ResponseWriter, r *http.Request) {
	c, ok := h.notesCheckOf(w, r, true)
	if !ok {
		return
	}
	h.renderNotesCheckForm(w, r, http.StatusOK, c, c.Period.Label(), nil, "")
}

// UpdateNotesCheck saves a check if nobody saved it since.
func (h *Handler) UpdateNotesCheck(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	stored, ok := h.notesCheckOf(w, r, false)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "表单过大或不完整"))
		return
	}
	get := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	c := &zhenggai.NotesCheck{ID: stored.ID, UnitID: stored.UnitID, Sample: stored.Sample, Name: get("name"),
		CheckerName: get("checker_name"), Result: zhenggai.NotesResult(get("result")), Remark: get("remark")}
	c.Version, _ = strconv.ParseInt(get("version"), 10, 64)
	errs := &zhenggai.ValidationError{}
	typed := get("period")
	if p, ok := zhenggai.ParseStudyPeriod(typed); ok {
		c.Period = p
	} else {
		errs.Add("period", "检查期间须为月份或季度，如2020年9月、2020年第3季度")
	}
	var err error
	if c.On, err = zhenggai.ParseDate(get("on")); err != nil {
		errs.Add("on", "检查日期不是有效日期（例如 2020-10-28）")
	}
	if len(errs.Fields) == 0 {
		err := h.Store.SaveNotesCheck(ctx, c)
		if err == nil {
			redirect(w, r, fmt.Sprintf("/study/notes?year=%d", c.Period.Year()), "已保存："+c.Name+c.Period.Label()+"的学习笔记检查")
			return
		}
		if zhenggai.ErrorCode(err) == zhenggai.ECONFLICT {
			msg := zhenggai.ErrorMessage(err)
			if !strings.Contains(msg, "作废") {
				msg = staleMessage
			}
			h.renderNotesCheckForm(w, r, http.StatusConflict, c, typed, errs, msg)
			return
		}
		v, ok := err.(*zhenggai.ValidationError)
		if !ok {
			h.fail(w, r, err)
			return
		}
		errs.Fields = append(errs.Fields, v.Fields...)
	}
	h.renderNotesCheckForm(w, r, http.StatusUnprocessableEntity, c, typed, errs, "")
}

func (h *Handler) renderNotesCheckForm(w http.ResponseWriter, r *http.Request, status int, c *zhenggai.NotesCheck, period string,
	errs *zhenggai.ValidationError, message string) {
	roster, err := h.Store.Persons(r.Context(), c.UnitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := &notesCheckFormPage{C: c, Persons: roster, Results: notesResultOptions(), Periods: recentPeriods(h.today()), Period: period,
		Message: message}
	h.render(w, r, status, "notes_check_form", &page{Title: "学习笔记检查：" + c.Name, Nav: "study", Data: d, Errors: errorsByField(errs)})
}

// VoidNotesCheck voids a check entered by mistake, with a reason.
func (h *Handler) VoidNotesCheck(w http.ResponseWriter, r *http.Request) {
	h.voidRegisterRecord(w, r, "notes_check", "/study/notes/%d", "该学习笔记检查记录")
}

// RestoreNotesCheck brings a voided check back.
func (h *Handler) RestoreNotesCheck(w http.ResponseWriter, r *http.Request) {
	h.restoreRegisterRecord(w, r, "notes_check", "/study/notes/%d", "该学习笔记检查记录")
}
