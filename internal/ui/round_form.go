package ui

import (
	"fmt"
	"net/http"
	"zhenggai/internal/auth"
	"zhenggai/internal/publish"

	"zhenggai"
)

// roundFields are the inputs of the round form.
var roundFields = []string{"unit", "inspector", "kind", "onsite_start", "onsite_end", "feedback_date",
	"declared_categories", "declared_problems", "declared_completed", "declared_basically_completed",
	"note", "report_title", "report_leading_group", "report_work", "report_follow_up", "report_signature", "version"}

var roundLabels = []formLabel{
	{"unit", "被巡察单位"}, {"inspector", "巡察组"}, {"kind", "类型"},
	{"onsite_start", "进驻日期"}, {"onsite_end", "结束日期"}, {"feedback_date", "反馈日期"},
	{"declared_categories", "公布的问题数"}, {"declared_problems", "公布的具体问题数"},
	{"declared_completed", "公布的已完成数"}, {"declared_basically_completed", "公布的基本完成数"},
	{"note", "备注"},
	{"report_leading_group", "整改工作领导小组"}, {"report_work", "整改工作组织情况"}, {"report_follow_up", "继续深化后续整改"},
	{"report_title", "报告标题"}, {"report_signature", "落款单位"},
}

// roundForm is the data of round_form.html.
type roundForm struct {
	Unit     *unitAnswer // a new round's unit, when a question is open
	Action   string
	Cancel   string
	Editing  bool
	Kinds    []zhenggai.Kind
	Conflict *formConflict
	// Figures are what the registers lend the report's paragraphs (a
	// saved round's form only).
	Figures *publish.RegisterFigures
}

var roundKinds = []zhenggai.Kind{zhenggai.KindInspection, zhenggai.KindTour, zhenggai.KindSelfInspection}

// roundValues are a stored round as form values.
func roundValues(r *zhenggai.Round) map[string]string {
	return map[string]string{
		"unit": r.Unit, "inspector": r.Inspector, "kind": string(r.Kind),
		"onsite_start": r.Onsite.Start.String(), "onsite_end": r.Onsite.End.String(), "feedback_date": r.FeedbackDate.String(),
		"declared_categories":          itoaOrEmpty(r.Declared.Categories),
		"declared_problems":            itoaOrEmpty(r.Declared.Problems),
		"declared_completed":           itoaOrEmpty(r.Declared.Completed),
		"declared_basically_completed": itoaOrEmpty(r.Declared.BasicallyCompleted),
		"note":                         r.Note, "version": fmt.Sprint(r.Version),
		"report_leading_group": r.ReportLeadingGroup, "report_work": r.ReportWork, "report_follow_up": r.ReportFollowUp,
		"report_title": r.ReportTitle, "report_signature": r.ReportSignature,
	}
}

// readRound fills rd from the form; what the form does not show (the
// unit of a saved round, the other declared figures) is left as it is.
func readRound(f *form, rd *zhenggai.Round, editing bool) {
	if !editing {
		rd.Unit = f.get("unit")
	}
	rd.Inspector = f.get("inspector")
	rd.Kind = zhenggai.Kind(f.get("kind"))
	rd.Onsite.Start = f.date("onsite_start", "进驻日期")
	rd.Onsite.End = f.date("onsite_end", "结束日期")
	rd.FeedbackDate = f.date("feedback_date", "反馈日期")
	rd.Declared.Categories = f.int("declared_categories", "问题数")
	rd.Declared.Problems = f.int("declared_problems", "具体问题数")
	rd.Declared.Completed = f.int("declared_completed", "已完成数")
	rd.Declared.BasicallyCompleted = f.int("declared_basically_completed", "基本完成数")
	rd.Note = f.get("note")
	rd.ReportLeadingGroup = f.get("report_leading_group")
	rd.ReportWork = f.get("report_work")
	rd.ReportFollowUp = f.get("report_follow_up")
	rd.ReportTitle = f.get("report_title")
	rd.ReportSignature = f.get("report_signature")
	f.merge(rd.Validate())
}

func (h *Handler) renderRoundForm(w http.ResponseWriter, r *http.Request, status int, stored *zhenggai.Round, f *form, c *formConflict, unit *unitAnswer, figures ...*publish.RegisterFigures) {
	d := &roundForm{Action: "/rounds", Cancel: "/", Kinds: roundKinds, Conflict: c, Unit: unit}
	if len(figures) > 0 {
		d.Figures = figures[0]
	}
	p := &page{Title: "新建巡察轮次", Nav: "home", Data: d, Form: f.values, Errors: f.errMap()}
	if stored != nil {
		d.Action = fmt.Sprintf("/rounds/%d", stored.ID)
		d.Cancel = d.Action
		d.Editing = true
		p.Title, p.Nav, p.Round = "修改巡察轮次", "dashboard", stored
	}
	h.render(w, r, status, "round_form", p)
}

// NewRound shows an empty round form.
func (h *Handler) NewRound(w http.ResponseWriter, r *http.Request) {
	f := &form{values: map[string]string{"kind": string(zhenggai.KindInspection)}, errs: &zhenggai.ValidationError{}}
	// A unit's office keeps its own unit's rounds; an administrator's
	// unit is an office, which is not what is inspected.
	if u := auth.UserFrom(r.Context()); u != nil && u.Role == zhenggai.RoleUnitAdmin {
		f.values["unit"] = u.Unit
	}
	h.renderRoundForm(w, r, http.StatusOK, nil, f, nil, nil)
}

// CreateRound saves a new round.
func (h *Handler) CreateRound(w http.ResponseWriter, r *http.Request) {
	f := newForm(r, roundFields...)
	rd := &zhenggai.Round{}
	readRound(f, rd, false)
	f.values["unit_mine"], f.values["unit_parent"] = r.PostFormValue("unit_mine"), r.PostFormValue("unit_parent")
	unit, err := h.placeRound(r, rd.Unit, rd.ReportSignature)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	switch {
	case unit.Refused != "":
		f.errs.Add("unit", unit.Refused)
	case unit.AskMine != "":
		f.errs.Add("unit", unit.AskMine)
	case unit.AskParent != "":
		f.errs.Add("unit", unit.AskParent)
	}
	rd.Place = unit.Place
	if f.valid() {
		err := h.Store.CreateRound(r.Context(), rd)
		if err == nil {
			redirect(w, r, fmt.Sprintf("/rounds/%d", rd.ID), "已新建巡察轮次")
			return
		}
		if err := f.merge(err); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	h.renderRoundForm(w, r, http.StatusUnprocessableEntity, nil, f, nil, unit)
}

// EditRound shows the form of a saved round.
func (h *Handler) EditRound(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	rd, err := h.Store.Round(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := &form{values: roundValues(rd), errs: &zhenggai.ValidationError{}}
	// What the meetings register lends the report's paragraphs, beside them.
	figures, err := publish.Figures(r.Context(), h.Store, rd, h.today())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.renderRoundForm(w, r, http.StatusOK, rd, f, nil, nil, figures)
}

// UpdateRound saves a round if nobody saved it since the form was opened.
func (h *Handler) UpdateRound(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	stored, err := h.Store.Round(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := newForm(r, roundFields...)
	f.values["unit"] = stored.Unit
	rd := *stored
	rd.Version = f.int64("version", "版本号")
	readRound(f, &rd, true)
	if f.valid() {
		err := h.Store.UpdateRound(ctx, &rd)
		if err == nil {
			redirect(w, r, fmt.Sprintf("/rounds/%d", id), "已保存")
			return
		}
		if zhenggai.ErrorCode(err) == zhenggai.ECONFLICT {
			cur, err2 := h.Store.Round(ctx, id)
			if err2 != nil {
				h.fail(w, r, err2)
				return
			}
			c := newConflict(fmt.Sprintf("/rounds/%d/edit", id), roundLabels, roundValues(cur), f.values, nil)
			f.values["version"] = fmt.Sprint(cur.Version)
			h.renderRoundForm(w, r, http.StatusConflict, cur, f, c, nil)
			return
		}
		if err := f.merge(err); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	h.renderRoundForm(w, r, http.StatusUnprocessableEntity, stored, f, nil, nil)
}
