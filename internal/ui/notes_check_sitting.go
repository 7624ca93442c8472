package ui

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
)

// The checker's form, phone-sized: who checks, the day, the month or
// quarter, then a row per party member with the result (left blank: not
// checked this time) and a remark. The rows checked are saved together,
// all or none.

// maxSitting bounds the rows of one sitting (a unit's party members).
const maxSitting = 500

type sittingRow struct {
	PersonID int64
	Name     string
	Result   string
	Remark   string
	Error    string
}

type notesSittingPage struct {
	UnitID  int64
	Checker string
	On      zhenggai.Date
	Period  string // as typed: 2020年第3季度
	Periods []kindOption
	Rows    []sittingRow
	Persons []*zhenggai.Person // the roster, for the checker's list
	Results []kindOption
	Errors  []string // the rows' messages
	Message string
}

// recentPeriods are the quarters and months a check is usually of: this
// quarter and the last, and this month and the two before.
func recentPeriods(today zhenggai.Date) []kindOption {
	var out []kindOption
	q := zhenggai.QuarterOf(today)
	first, _ := q.Bounds()
	prev := zhenggai.QuarterOf(first.AddDays(-1))
	for _, p := range []zhenggai.StudyPeriod{q, prev} {
		out = append(out, kindOption{p.Label(), p.Label()})
	}
	d := zhenggai.NewDate(today.Year(), today.Month(), 1)
	for range 3 {
		p := zhenggai.StudyPeriod(fmt.Sprintf("%04d-%02d", d.Year(), d.Month()))
		out = append(out, kindOption{p.Label(), p.Label()})
		d = zhenggai.NewDate(d.AddDays(-1).Year(), d.AddDays(-1).Month(), 1)
	}
	return out
}

// NewNotesChecks shows the form for a sitting of checks.
func (h *Handler) NewNotesChecks(w http.ResponseWriter, r *http.Request) {
	u := auth.UserFrom(r.Context())
	d := &notesSittingPage{On: h.today(), Period: zhenggai.QuarterOf(h.today()).Label()}
	// The checker is a person of the roster: the user's own, if any.
	var err error
	if d.Checker, err = h.ownPersonName(r); err != nil {
		h.fail(w, r, err)
		return
	}
	h.renderNotesSitting(w, r, http.StatusOK, d, u.UnitID, true)
}

// CreateNotesChecks saves the rows of a sitting that have a result.
func (h *Handler) CreateNotesChecks(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	unitID := auth.UserFrom(ctx).UnitID
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "表单过大或不完整"))
		return
	}
	get := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	d := &notesSittingPage{Checker: get("checker_name"), Period: get("period")}
	ids, names, results, remarks := r.PostForm["person_id"], r.PostForm["name"], r.PostForm["result"], r.PostForm["remark"]
	if len(ids) > maxSitting || len(names) != len(ids) || len(results) != len(ids) || len(remarks) != len(ids) {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "表单不完整，请刷新后重新填写"))
		return
	}
	var msgs []string
	on, err := zhenggai.ParseDate(get("on"))
	if err != nil || on.IsZero() {
		msgs = append(msgs, "检查日期不是有效日期（例如 2020-10-28）")
	}
	d.On = on
	period, ok := zhenggai.ParseStudyPeriod(d.Period)
	if !ok {
		msgs = append(msgs, "检查期间须为月份或季度，如2020年9月、2020年第3季度")
	}
	var checks []*zhenggai.NotesCheck
	var where []string
	for i := range ids {
		row := sittingRow{Name: strings.TrimSpace(names[i]), Result: strings.TrimSpace(results[i]), Remark: strings.TrimSpace(remarks[i])}
		row.PersonID, _ = strconv.ParseInt(ids[i], 10, 64)
		d.Rows = append(d.Rows, row)
		if row.Result == "" {
			if row.Remark != "" {
				msgs = append(msgs, row.Name+"：填了检查意见，请选择检查结论")
			}
			continue
		}
		checks = append(checks, &zhenggai.NotesCheck{PersonID: row.PersonID, Name: row.Name, CheckerName: d.Checker, On: on,
			Period: period, Result: zhenggai.NotesResult(row.Result), Remark: row.Remark})
		where = append(where, row.Name+"：")
	}
	if len(checks) == 0 && len(msgs) == 0 {
		msgs = append(msgs, "没有选择任何人的检查结论")
	}
	if len(msgs) == 0 {
		err := h.Store.SaveNotesChecks(ctx, unitID, checks, where)
		if err == nil {
			redirect(w, r, fmt.Sprintf("/study/notes?year=%d", period.Year()), fmt.Sprintf("已登记%s学习笔记检查%d人次", period.Label(), len(checks)))
			return
		}
		lines := importRefusalLines(err)
		if lines == nil {
			h.fail(w, r, err)
			return
		}
		msgs = lines
	}
	d.Errors = msgs
	h.renderNotesSitting(w, r, http.StatusUnprocessableEntity, d, unitID, false)
}

func (h *Handler) renderNotesSitting(w http.ResponseWriter, r *http.Request, status int, d *notesSittingPage, unitID int64, fresh bool) {
	roster, err := h.Store.Persons(r.Context(), unitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d.UnitID, d.Persons, d.Results, d.Periods = unitID, roster, notesResultOptions(), recentPeriods(h.today())
	if fresh {
		for _, p := range roster {
			if zhenggai.InStudyScope(p) {
				d.Rows = append(d.Rows, sittingRow{PersonID: p.ID, Name: p.Name})
			}
		}
	}
	h.render(w, r, status, "notes_check_sitting", &page{Title: "登记学习笔记检查", Nav: "study", Data: d})
}
