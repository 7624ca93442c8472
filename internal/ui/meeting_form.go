package ui

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
)

// The meeting form, for a clerk typing from handwritten minutes with the
// keyboard only: the type first (which fills the members expected from
// the book's last meeting), then one row per member with a select of how
// he stood, the items, and under each the statements in speaking order.
// Rows are added by buttons of the form itself (add=…), which post what
// was typed and come back with one more row, the cursor in it; without
// script they are reached with Tab, with meeting_form.js Enter moves on
// and, at a row's last field, adds the next row.

// maxMeetingForm bounds the form's body: 500 members, 200 items.
const maxMeetingForm = 2 << 20

// meetingFormPage is the data of meeting_form.html.
type meetingFormPage struct {
	Unit      *zhenggai.Unit
	Action    string // where the form posts
	ID        int64  // 0 for a new meeting
	Types     []string
	M         *zhenggai.Meeting
	Amounts   []string // per item, the amount as typed (元)
	Roster    []*zhenggai.Person
	Presences []kindOption
	Kinds     []kindOption
	Positions []kindOption
	Focus     string // the field the cursor goes to
	Message   string // why the save was refused, beyond the fields
}

func meetingOptions() (presences, kinds, positions []kindOption) {
	for _, p := range zhenggai.Presences {
		presences = append(presences, kindOption{string(p), p.Label()})
	}
	for _, k := range zhenggai.ItemKinds {
		kinds = append(kinds, kindOption{string(k), k.Label()})
	}
	for _, p := range zhenggai.Positions {
		positions = append(positions, kindOption{string(p), p.Label()})
	}
	return
}

// NewMeeting shows the form for a new meeting; ?type= chooses the book,
// whose members fill the attendance.
func (h *Handler) NewMeeting(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	unitID := auth.UserFrom(ctx).UnitID
	m := &zhenggai.Meeting{UnitID: unitID, Type: strings.TrimSpace(r.URL.Query().Get("type"))}
	types, err := h.Store.MeetingTypes(ctx, unitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	focus := "type"
	if m.Type != "" {
		if m.Attendance, err = h.Store.BookMembers(ctx, unitID, m.Type); err != nil {
			h.fail(w, r, err)
			return
		}
		m.Items = []zhenggai.AgendaItem{{Kind: zhenggai.ItemOrdinary}}
		focus = "date"
	}
	h.renderMeetingForm(w, r, http.StatusOK, m, nil, types, focus, nil, "")
}

// CreateMeeting saves a new meeting, or, for a button adding a row,
// shows the form again with the row.
func (h *Handler) CreateMeeting(w http.ResponseWriter, r *http.Request) {
	h.postMeeting(w, r, nil)
}

// EditMeeting shows a meeting's form.
func (h *Handler) EditMeeting(w http.ResponseWriter, r *http.Request) {
	m, ok := h.meetingOf(w, r, false)
	if !ok {
		return
	}
	types, err := h.Store.MeetingTypes(r.Context(), m.UnitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.renderMeetingForm(w, r, http.StatusOK, m, nil, types, "date", nil, "")
}

// UpdateMeeting saves a meeting, if nobody saved it since the form was
// opened.
func (h *Handler) UpdateMeeting(w http.ResponseWriter, r *http.Request) {
	m, ok := h.meetingOf(w, r, false)
	if !ok {
		return
	}
	h.postMeeting(w, r, m)
}

func (h *Handler) postMeeting(w http.ResponseWriter, r *http.Request, stored *zhenggai.Meeting) {
	ctx := r.Context()
	r.Body = http.MaxBytesReader(w, r.Body, maxMeetingForm)
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "表单过大或不完整"))
		return
	}
	m := &zhenggai.Meeting{UnitID: auth.UserFrom(ctx).UnitID}
	if stored != nil {
		m.ID, m.UnitID, m.Sample = stored.ID, stored.UnitID, stored.Sample
	}
	errs := &zhenggai.ValidationError{}
	amounts := readMeetingForm(r, m, errs)
	types, err := h.Store.MeetingTypes(ctx, m.UnitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if add := r.PostFormValue("add"); add != "" {
		focus := addMeetingRow(m, &amounts, add)
		if add == "members" {
			if m.Attendance, err = h.Store.BookMembers(ctx, m.UnitID, m.Type); err != nil {
				h.fail(w, r, err)
				return
			}
			focus = "attendance.0.presence"
		}
		h.renderMeetingForm(w, r, http.StatusOK, m, amounts, types, focus, errs, "")
		return
	}
	if len(errs.Fields) == 0 {
		err := h.Store.SaveMeeting(ctx, m)
		if err == nil {
			redirect(w, r, fmt.Sprintf("/meetings/%d", m.ID), "已保存"+m.Label())
			return
		}
		if zhenggai.ErrorCode(err) == zhenggai.ECONFLICT {
			msg := zhenggai.ErrorMessage(err)
			if stored != nil && strings.Contains(msg, "修改") && !strings.Contains(msg, "作废") {
				msg = staleMessage + "：请先复制您填写的内容，再打开本会议的修改页面重新填写"
			}
			h.renderMeetingForm(w, r, http.StatusConflict, m, amounts, types, "", errs, msg)
			return
		}
		var v *zhenggai.ValidationError
		if ve, ok := err.(*zhenggai.ValidationError); ok {
			v = ve
		} else {
			h.fail(w, r, err)
			return
		}
		errs.Fields = append(errs.Fields, v.Fields...)
	}
	focus := ""
	if len(errs.Fields) > 0 {
		focus = errs.Fields[0].Field
	}
	h.renderMeetingForm(w, r, http.StatusUnprocessableEntity, m, amounts, types, focus, errs, "")
}

// readMeetingForm fills m from the form: fields as Meeting.Validate names
// them (items.0.statements.1.name), rows left blank dropped. It returns
// the amounts as typed, per item kept.
func readMeetingForm(r *http.Request, m *zhenggai.Meeting, errs *zhenggai.ValidationError) []string {
	get := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	has := func(k string) bool { _, ok := r.PostForm[k]; return ok }
	m.Type, m.Book, m.Place = get("type"), get("book"), get("place")
	m.ChairName, m.Recorder, m.NonMembers = get("chair_name"), get("recorder"), get("non_members")
	m.Note, m.MinutesSHA256, m.MinutesName = get("note"), get("minutes_sha256"), get("minutes_name")
	m.Version, _ = strconv.ParseInt(get("version"), 10, 64)
	if s := get("number"); s != "" {
		n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(s, "第"), "次"))
		if err != nil || n < 1 {
			errs.Add("number", "第几次须为正整数（不填则自动编号）")
		}
		m.Number = n
	}
	if s := get("date"); s != "" {
		d, err := zhenggai.ParseDate(s)
		if err != nil || !d.Valid() {
			errs.Add("date", "会议日期不是有效日期（例如 2020-10-28）")
		}
		m.Date = d
	}
	m.Attendance = nil
	for i := 0; i < 500 && has(fmt.Sprintf("attendance.%d.name", i)); i++ {
		p := fmt.Sprintf("attendance.%d.", i)
		a := zhenggai.Attendance{Name: get(p + "name"), Presence: zhenggai.Presence(get(p + "presence")), Note: get(p + "note")}
		a.PersonID, _ = strconv.ParseInt(get(p+"person_id"), 10, 64)
		if a.Name == "" && a.Note == "" {
			continue
		}
		m.Attendance = append(m.Attendance, a)
	}
	m.Items = nil
	var amounts []string
	for i := 0; i < 200 && has(fmt.Sprintf("items.%d.title", i)); i++ {
		p := fmt.Sprintf("items.%d.", i)
		it := zhenggai.AgendaItem{Title: get(p + "title"), Kind: zhenggai.ItemKind(get(p + "kind")), Decision: get(p + "decision")}
		for j := 0; j < 200 && has(fmt.Sprintf("%sstatements.%d.name", p, j)); j++ {
			q := fmt.Sprintf("%sstatements.%d.", p, j)
			st := zhenggai.Statement{Name: get(q + "name"), Position: zhenggai.Position(get(q + "position")), Summary: get(q + "summary")}
			if st.Name == "" && st.Summary == "" {
				continue
			}
			st.Seq = len(it.Statements) + 1
			it.Statements = append(it.Statements, st)
		}
		amount := get(p + "amount")
		if it.Title == "" && it.Decision == "" && amount == "" && len(it.Statements) == 0 {
			continue
		}
		it.Seq = len(m.Items) + 1
		if amount != "" {
			fen, err := zhenggai.ParseYuan(amount)
			if err != nil {
				errs.Add(fmt.Sprintf("items.%d.amount", len(m.Items)), fmt.Sprintf("议题%d的金额%s", it.Seq, err.Error()))
			}
			it.Amount = fen
		}
		m.Items = append(m.Items, it)
		amounts = append(amounts, amount)
	}
	return amounts
}

// addMeetingRow adds the row a button asks for (att, item, st.N) and
// returns the field the cursor goes to.
func addMeetingRow(m *zhenggai.Meeting, amounts *[]string, add string) string {
	switch {
	case add == "att":
		m.Attendance = append(m.Attendance, zhenggai.Attendance{Presence: zhenggai.Present})
		return fmt.Sprintf("attendance.%d.name", len(m.Attendance)-1)
	case add == "item":
		m.Items = append(m.Items, zhenggai.AgendaItem{Seq: len(m.Items) + 1, Kind: zhenggai.ItemOrdinary})
		*amounts = append(*amounts, "")
		return fmt.Sprintf("items.%d.title", len(m.Items)-1)
	case strings.HasPrefix(add, "st."):
		i, err := strconv.Atoi(strings.TrimPrefix(add, "st."))
		if err != nil || i < 0 || i >= len(m.Items) {
			return ""
		}
		it := &m.Items[i]
		it.Statements = append(it.Statements, zhenggai.Statement{Seq: len(it.Statements) + 1, Position: zhenggai.PosAgree})
		return fmt.Sprintf("items.%d.statements.%d.name", i, len(it.Statements)-1)
	}
	return ""
}

func (h *Handler) renderMeetingForm(w http.ResponseWriter, r *http.Request, status int, m *zhenggai.Meeting, amounts []string,
	types []string, focus string, errs *zhenggai.ValidationError, message string) {
	ctx := r.Context()
	u, err := h.Store.Unit(ctx, m.UnitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	roster, err := h.Store.Persons(ctx, m.UnitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	// A blank item is dropped when the form comes back (adding a member
	// first): the form keeps one to type into.
	if len(m.Items) == 0 {
		m.Items = []zhenggai.AgendaItem{{Seq: 1, Kind: zhenggai.ItemOrdinary}}
	}
	for len(amounts) < len(m.Items) {
		i := len(amounts)
		s := ""
		if m.Items[i].Amount != 0 {
			s = m.Items[i].Amount.Yuan()
		}
		amounts = append(amounts, s)
	}
	// An item without statements shows one blank row (dropped if left
	// blank), so that the keyboard reaches the statements by Enter and adds
	// the next one by Enter on the last summary.
	for i := range m.Items {
		if len(m.Items[i].Statements) == 0 {
			m.Items[i].Statements = []zhenggai.Statement{{Seq: 1, Position: zhenggai.PosAgree}}
		}
	}
	d := &meetingFormPage{Unit: u, ID: m.ID, Types: types, M: m, Amounts: amounts, Roster: roster, Focus: focus, Message: message,
		Action: "/meetings"}
	if m.ID != 0 {
		d.Action = fmt.Sprintf("/meetings/%d", m.ID)
	}
	if m.Type != "" && !containsString(types, m.Type) {
		d.Types = append(d.Types, m.Type)
	}
	d.Presences, d.Kinds, d.Positions = meetingOptions()
	title := "登记会议"
	if m.ID != 0 {
		title = "修改会议记录"
	}
	f := &form{values: map[string]string{}, errs: errs}
	if errs == nil {
		f.errs = &zhenggai.ValidationError{}
	}
	h.render(w, r, status, "meeting_form", &page{Title: title, Nav: "meetings", Data: d, Errors: f.errMap()})
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// meetingOf is the meeting {id}, whole; a voided one only when voided is
// allowed (its page shows it, its form does not).
func (h *Handler) meetingOf(w http.ResponseWriter, r *http.Request, voided bool) (*zhenggai.Meeting, bool) {
	id, ok := h.pathID(w, r)
	if !ok {
		return nil, false
	}
	m, err := h.Store.Meeting(r.Context(), id)
	if err == nil && m.Voided && !voided {
		err = zhenggai.Errorf(zhenggai.ECONFLICT, "该会议记录已作废，不能修改；确需修改的，请单位管理员先恢复")
	}
	if err != nil {
		h.fail(w, r, err)
		return nil, false
	}
	return m, true
}
