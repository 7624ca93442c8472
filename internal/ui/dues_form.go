package ui

import (
	"fmt"
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
)

// duesFormPage is the data of dues_form.html: a member's form and, for a
// member entered, his bases by year and the year's payments.
type duesFormPage struct {
	Unit     *zhenggai.Unit
	Member   *zhenggai.DuesMember // nil: new
	Kinds    []kindOption
	Persons  []*zhenggai.Person // the roster, to tell two of one name apart
	Bases    []zhenggai.DuesBase
	Year     int
	Months   []zhenggai.DuesMonth
	Rounding zhenggai.Rounding
}

var duesMemberFields = []string{"name", "kind", "fixed", "joined", "left", "person_id", "version"}

func duesKindOptions() []kindOption {
	out := make([]kindOption, 0, len(zhenggai.DuesKinds))
	for _, k := range zhenggai.DuesKinds {
		out = append(out, kindOption{string(k), k.Label()})
	}
	return out
}

func duesMemberValues(m *zhenggai.DuesMember) map[string]string {
	v := map[string]string{"name": m.Name, "kind": string(m.Kind), "joined": m.Joined, "left": m.Left,
		"person_id": fmt.Sprint(m.PersonID), "version": fmt.Sprint(m.Version)}
	if m.Fixed > 0 {
		v["fixed"] = zhenggai.Yuan2(m.Fixed)
	}
	return v
}

// readDuesMember fills m from the form; months as people type them.
func readDuesMember(f *form, m *zhenggai.DuesMember) {
	m.Name, m.Kind = f.get("name"), zhenggai.DuesKind(f.get("kind"))
	m.Fixed = f.yuan("fixed", "每月固定交纳额")
	m.PersonID = f.int64("person_id", "对应人员")
	for _, k := range []struct{ field, label string }{{"joined", "起交月份"}, {"left", "止交月份"}} {
		s := f.get(k.field)
		if s == "" {
			continue
		}
		month, err := zhenggai.ParseMonth(s)
		if err != nil {
			f.errs.Add(k.field, k.label+err.Error())
		}
		if k.field == "joined" {
			m.Joined = month
		} else {
			m.Left = month
		}
	}
}

// NewDuesMember shows the form entering a member.
func (h *Handler) NewDuesMember(w http.ResponseWriter, r *http.Request) {
	f := &form{values: map[string]string{"kind": string(zhenggai.DuesInService)}, errs: &zhenggai.ValidationError{}}
	h.renderDuesForm(w, r, http.StatusOK, auth.UserFrom(r.Context()).UnitID, nil, f)
}

// CreateDuesMember enters a member of the user's unit.
func (h *Handler) CreateDuesMember(w http.ResponseWriter, r *http.Request) {
	unitID := auth.UserFrom(r.Context()).UnitID
	r.Body = http.MaxBytesReader(w, r.Body, maxAdminForm)
	f := newForm(r, duesMemberFields...)
	m := &zhenggai.DuesMember{UnitID: unitID}
	readDuesMember(f, m)
	if f.valid() {
		err := h.Store.SaveDuesMember(r.Context(), m)
		if err == nil {
			redirect(w, r, fmt.Sprintf("/dues/members/%d/edit", m.ID), "已将“"+m.Name+"”加入党费名册，请填写缴费基数")
			return
		}
		if err := f.merge(err); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	h.renderDuesForm(w, r, http.StatusUnprocessableEntity, unitID, nil, f)
}

// EditDuesMember shows a member's form, bases and the year's payments.
func (h *Handler) EditDuesMember(w http.ResponseWriter, r *http.Request) {
	m, ok := h.duesMemberOf(w, r)
	if !ok {
		return
	}
	h.renderDuesForm(w, r, http.StatusOK, m.UnitID, m, &form{values: duesMemberValues(m), errs: &zhenggai.ValidationError{}})
}

// UpdateDuesMember saves a member at the version the form was opened at.
func (h *Handler) UpdateDuesMember(w http.ResponseWriter, r *http.Request) {
	stored, ok := h.duesMemberOf(w, r)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxAdminForm)
	f := newForm(r, duesMemberFields...)
	m := *stored
	m.Version = f.int64("version", "版本号")
	m.Joined, m.Left = "", ""
	readDuesMember(f, &m)
	if f.valid() {
		err := h.Store.SaveDuesMember(r.Context(), &m)
		if err == nil {
			redirect(w, r, fmt.Sprintf("/dues/members/%d/edit", m.ID), "已保存")
			return
		}
		if zhenggai.ErrorCode(err) == zhenggai.ECONFLICT {
			redirectRefused(w, r, fmt.Sprintf("/dues/members/%d/edit", m.ID), "未能保存：他人已修改该党员，请查看后重新修改", err)
			return
		}
		if err := f.merge(err); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	h.renderDuesForm(w, r, http.StatusUnprocessableEntity, m.UnitID, stored, f)
}

// SaveDuesBaseForm sets a member's base for a year.
func (h *Handler) SaveDuesBaseForm(w http.ResponseWriter, r *http.Request) {
	m, ok := h.duesMemberOf(w, r)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxAdminForm)
	f := newForm(r, "year", "base")
	b := zhenggai.DuesBase{MemberID: m.ID, Year: f.int("year", "年度"), Base: f.yuan("base", "缴费基数")}
	back := fmt.Sprintf("/dues/members/%d/edit?year=%d", m.ID, b.Year)
	if f.get("base") == "" {
		f.errs.Add("base", "请填写缴费基数（元）")
	}
	err := f.errs.Err()
	if err == nil {
		err = h.Store.SaveDuesBase(r.Context(), m.UnitID, b)
	}
	switch zhenggai.ErrorCode(err) {
	case "":
		redirect(w, r, back, fmt.Sprintf("已保存%d年缴费基数", b.Year))
	case zhenggai.EINVALID:
		redirectRefused(w, r, back, "未能保存缴费基数", err)
	default:
		h.fail(w, r, err)
	}
}

// SaveDuesPaymentForm sets what a member paid for a month.
func (h *Handler) SaveDuesPaymentForm(w http.ResponseWriter, r *http.Request) {
	m, ok := h.duesMemberOf(w, r)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxAdminForm)
	f := newForm(r, "month", "paid", "paid_on")
	p := zhenggai.DuesPayment{MemberID: m.ID, Paid: f.yuan("paid", "实交金额")}
	month, err := zhenggai.ParseMonth(f.get("month"))
	if err != nil {
		f.errs.Add("month", "月份"+err.Error())
	}
	p.Month = month
	if f.get("paid_on") != "" {
		p.PaidOn = f.date("paid_on", "交纳日期")
	}
	back := "/dues/members/" + fmt.Sprint(m.ID) + "/edit"
	if len(month) == 7 {
		back += "?year=" + month[:4]
	}
	err = f.errs.Err()
	if err == nil {
		err = h.Store.SaveDuesPayment(r.Context(), m.UnitID, p)
	}
	switch zhenggai.ErrorCode(err) {
	case "":
		redirect(w, r, back, "已保存"+zhenggai.MonthChinese(month)+"的缴纳记录")
	case zhenggai.EINVALID:
		redirectRefused(w, r, back, "未能保存缴纳记录", err)
	default:
		h.fail(w, r, err)
	}
}

// VoidDuesMember voids a member (调出、去世、重复录入): he leaves the
// register, his records kept in its history.
func (h *Handler) VoidDuesMember(w http.ResponseWriter, r *http.Request) {
	m, ok := h.duesMemberOf(w, r)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxAdminForm)
	err := h.Store.Void(r.Context(), "dues_member", m.ID, r.PostFormValue("reason"))
	switch zhenggai.ErrorCode(err) {
	case "":
		redirect(w, r, "/dues", "已作废党员“"+m.Name+"”的党费记录")
	case zhenggai.EINVALID, zhenggai.ECONFLICT:
		redirectRefused(w, r, fmt.Sprintf("/dues/members/%d/edit", m.ID), "未能作废", err)
	default:
		h.fail(w, r, err)
	}
}

func (h *Handler) duesMemberOf(w http.ResponseWriter, r *http.Request) (*zhenggai.DuesMember, bool) {
	id, ok := h.pathID(w, r)
	if !ok {
		return nil, false
	}
	m, err := h.Store.DuesMember(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return nil, false
	}
	return m, true
}

func (h *Handler) renderDuesForm(w http.ResponseWriter, r *http.Request, status int, unitID int64, m *zhenggai.DuesMember, f *form) {
	ctx := r.Context()
	u, err := h.Store.Unit(ctx, unitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	persons, err := h.Store.Persons(ctx, unitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := &duesFormPage{Unit: u, Member: m, Kinds: duesKindOptions(), Persons: persons, Year: h.duesYear(r)}
	if m != nil {
		if d.Rounding, err = h.Store.DuesRounding(ctx, unitID); err != nil {
			h.fail(w, r, err)
			return
		}
		all, err := h.Store.DuesBases(ctx, unitID, 0)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		var base zhenggai.Fen
		for _, b := range all {
			if b.MemberID == m.ID {
				d.Bases = append(d.Bases, b)
				if b.Year == d.Year {
					base = b.Base
				}
			}
		}
		pays, err := h.Store.DuesPayments(ctx, unitID, fmt.Sprintf("%04d-01", d.Year), fmt.Sprintf("%04d-12", d.Year))
		if err != nil {
			h.fail(w, r, err)
			return
		}
		mine := map[string]zhenggai.DuesPayment{}
		for _, p := range pays {
			if p.MemberID == m.ID {
				mine[p.Month] = p
			}
		}
		d.Months = zhenggai.DuesYearOf(m, d.Year, base, mine, d.Rounding, "")
	}
	title := "新增党员"
	if m != nil {
		title = "党费：" + m.Name
	}
	h.render(w, r, status, "dues_form", &page{Title: title, Nav: "dues", Data: d, Form: f.values, Errors: f.errMap()})
}

// Yuan2 writes an amount with two decimals for the dues pages.
func (d *duesFormPage) Yuan2(f zhenggai.Fen) string { return zhenggai.Yuan2(f) }

// Due is the member's monthly due on a base, for the bases table.
func (d *duesFormPage) Due(base zhenggai.Fen) zhenggai.Fen {
	return zhenggai.Due(d.Member.Kind, base, d.Member.Fixed, d.Rounding)
}
