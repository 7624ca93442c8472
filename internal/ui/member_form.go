package ui

import (
	"fmt"
	"net/http"
	"strconv"

	"zhenggai"
	"zhenggai/internal/auth"
)

// memberFormPage is the data of member_form.html.
type memberFormPage struct {
	Unit     *zhenggai.Unit
	Member   *zhenggai.CPPCCMember // nil: new
	Statuses []kindOption
	Persons  []*zhenggai.Person // the roster, to tell two of one name apart
	Terms    []string
}

var memberFields = []string{"name", "term", "sector", "committee", "standing", "status", "joined_on", "left_on", "township",
	"person_id", "new_person", "phone", "version"}

func memberValues(m *zhenggai.CPPCCMember) map[string]string {
	v := map[string]string{"name": m.Name, "term": m.Term, "sector": m.Sector, "committee": m.Committee, "status": string(m.Status),
		"township": m.Township, "person_id": fmt.Sprint(m.PersonID), "version": fmt.Sprint(m.Version)}
	if m.Standing {
		v["standing"] = "1"
	}
	if !m.JoinedOn.IsZero() {
		v["joined_on"] = m.JoinedOn.String()
	}
	if !m.LeftOn.IsZero() {
		v["left_on"] = m.LeftOn.String()
	}
	return v
}

func readMember(f *form, m *zhenggai.CPPCCMember) {
	m.Name, m.Term, m.Sector, m.Committee, m.Township = f.get("name"), f.get("term"), f.get("sector"), f.get("committee"), f.get("township")
	m.Standing = f.get("standing") != ""
	m.Status = zhenggai.MemberStatus(f.get("status"))
	m.PersonID = f.int64("person_id", "人员名册中的对应人员")
	m.JoinedOn, m.LeftOn = zhenggai.Date{}, zhenggai.Date{}
	if f.get("joined_on") != "" {
		m.JoinedOn = f.date("joined_on", "任职日期")
	}
	if f.get("left_on") != "" {
		m.LeftOn = f.date("left_on", "退出日期")
	}
}

// NewMember shows the form entering a member of the user's unit.
func (h *Handler) NewMember(w http.ResponseWriter, r *http.Request) {
	f := &form{values: map[string]string{"status": string(zhenggai.MemberActive), "term": r.URL.Query().Get("term")}, errs: &zhenggai.ValidationError{}}
	h.renderMemberForm(w, r, http.StatusOK, auth.UserFrom(r.Context()).UnitID, nil, f)
}

// CreateMember enters a member; the person is entered in the roster when the clerk asks.
func (h *Handler) CreateMember(w http.ResponseWriter, r *http.Request) {
	unitID := auth.UserFrom(r.Context()).UnitID
	r.Body = http.MaxBytesReader(w, r.Body, maxAdminForm)
	f := newForm(r, memberFields...)
	m := &zhenggai.CPPCCMember{UnitID: unitID}
	readMember(f, m)
	if f.valid() {
		err := h.Store.SaveCPPCCMember(r.Context(), m, f.get("new_person") != "", f.get("phone"))
		if err == nil {
			redirect(w, r, fmt.Sprintf("/members/%d", m.ID), "已将“"+m.Name+"”登记为"+m.Term+"委员")
			return
		}
		if err := f.merge(err); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	h.renderMemberForm(w, r, http.StatusUnprocessableEntity, unitID, nil, f)
}

// EditMember shows a member's form.
func (h *Handler) EditMember(w http.ResponseWriter, r *http.Request) {
	m, ok := h.memberOf(w, r)
	if !ok {
		return
	}
	h.renderMemberForm(w, r, http.StatusOK, m.UnitID, m, &form{values: memberValues(m), errs: &zhenggai.ValidationError{}})
}

// UpdateMember saves a member at the version the form was opened at.
func (h *Handler) UpdateMember(w http.ResponseWriter, r *http.Request) {
	stored, ok := h.memberOf(w, r)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxAdminForm)
	f := newForm(r, memberFields...)
	m := *stored
	m.Version = f.int64("version", "版本号")
	readMember(f, &m)
	if f.valid() {
		err := h.Store.SaveCPPCCMember(r.Context(), &m, f.get("new_person") != "", f.get("phone"))
		if err == nil {
			redirect(w, r, fmt.Sprintf("/members/%d", m.ID), "已保存")
			return
		}
		if zhenggai.ErrorCode(err) == zhenggai.ECONFLICT {
			redirectRefused(w, r, fmt.Sprintf("/members/%d/edit", m.ID), "未能保存：他人已修改该委员，请查看后重新修改", err)
			return
		}
		if err := f.merge(err); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	h.renderMemberForm(w, r, http.StatusUnprocessableEntity, m.UnitID, stored, f)
}

func (h *Handler) memberOf(w http.ResponseWriter, r *http.Request) (*zhenggai.CPPCCMember, bool) {
	id, ok := h.pathID(w, r)
	if !ok {
		return nil, false
	}
	m, err := h.Store.CPPCCMember(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return nil, false
	}
	return m, true
}

func (h *Handler) renderMemberForm(w http.ResponseWriter, r *http.Request, status int, unitID int64, m *zhenggai.CPPCCMember, f *form) {
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
	terms, err := h.Store.MemberTerms(ctx, unitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := &memberFormPage{Unit: u, Member: m, Terms: terms}
	d.Persons = persons
	for _, s := range zhenggai.MemberStatuses {
		d.Statuses = append(d.Statuses, kindOption{string(s), s.Label()})
	}
	title := "登记委员"
	if m != nil {
		title = m.Name + " · 修改"
	}
	h.render(w, r, status, "member_form", &page{Title: title, Nav: "members", Data: d, Form: f.values, Errors: f.errMap()})
}

// VoidMember voids a member entered by mistake or twice, with a reason.
func (h *Handler) VoidMember(w http.ResponseWriter, r *http.Request) {
	h.voidRegisterRecord(w, r, "cppcc_member", "/members/%d", "该委员")
}

// RestoreMember brings a voided member back.
func (h *Handler) RestoreMember(w http.ResponseWriter, r *http.Request) {
	h.restoreRegisterRecord(w, r, "cppcc_member", "/members/%d", "该委员")
}

// CreateMemberActivity records an activity of the member.
func (h *Handler) CreateMemberActivity(w http.ResponseWriter, r *http.Request) {
	m, ok := h.memberOf(w, r)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxAdminForm)
	f := newForm(r, "kind", "title", "on", "note")
	a := &zhenggai.MemberActivity{UnitID: m.UnitID, MemberID: m.ID, Kind: zhenggai.ActivityKind(f.get("kind")), Title: f.get("title"),
		Note: f.get("note"), On: f.date("on", "活动日期")}
	back := "/members/" + strconv.FormatInt(m.ID, 10) + "#activities"
	err := f.errs.Err()
	if err == nil {
		err = h.Store.SaveMemberActivity(r.Context(), a)
	}
	switch zhenggai.ErrorCode(err) {
	case "":
		redirect(w, r, back, "已登记履职活动“"+a.Title+"”")
	case zhenggai.EINVALID, zhenggai.ECONFLICT:
		redirectRefused(w, r, back, "未能登记履职活动", err)
	default:
		h.fail(w, r, err)
	}
}

// VoidMemberActivity voids an activity entered by mistake, back to its member's file.
func (h *Handler) VoidMemberActivity(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	a, err := h.Store.MemberActivity(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	back := fmt.Sprintf("/members/%d#activities", a.MemberID)
	switch err := h.Store.Void(r.Context(), "member_activity", id, r.PostFormValue("reason")); zhenggai.ErrorCode(err) {
	case "":
		redirect(w, r, back, "已作废该履职活动")
	case zhenggai.EINVALID, zhenggai.ECONFLICT:
		redirectRefused(w, r, back, "未能作废该履职活动", err)
	default:
		h.fail(w, r, err)
	}
}
