package ui

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
)

// A township's pages: its own page with the group's posts and
// invitations and a short form to add each; the edit form changes the
// township and any post or invitation (a row ticked 删除 goes).

const maxTownshipForm = 1 << 20

type townshipFormPage struct {
	Action      string
	T           *zhenggai.Township
	Roles       []kindOption
	Kinds       []kindOption
	Message     string
	Leader      *zhenggai.LiaisonPost
	Vacancy     string
	NewPost     zhenggai.LiaisonPost
	NewInvite   zhenggai.LiaisonInvitation
	PostErrors  map[string]string // the add-post form's
	InviteError map[string]string // the add-invitation form's
}

func liaisonOptions() (roles, kinds []kindOption) {
	for _, r := range zhenggai.LiaisonRoles {
		roles = append(roles, kindOption{string(r), r.Label()})
	}
	for _, k := range zhenggai.InvitationKinds {
		kinds = append(kinds, kindOption{string(k), k.Label()})
	}
	return
}

// NewTownship shows the form for a new township.
func (h *Handler) NewTownship(w http.ResponseWriter, r *http.Request) {
	t := &zhenggai.Township{UnitID: auth.UserFrom(r.Context()).UnitID}
	h.renderTownshipForm(w, r, http.StatusOK, t, nil, "")
}

// CreateTownship saves a new township.
func (h *Handler) CreateTownship(w http.ResponseWriter, r *http.Request) { h.postTownship(w, r, nil) }

// EditTownship shows a township's form with its posts and invitations.
func (h *Handler) EditTownship(w http.ResponseWriter, r *http.Request) {
	t, ok := h.townshipOf(w, r, false)
	if !ok {
		return
	}
	h.renderTownshipForm(w, r, http.StatusOK, t, nil, "")
}

// UpdateTownship saves a township and its group if nobody saved it since.
func (h *Handler) UpdateTownship(w http.ResponseWriter, r *http.Request) {
	t, ok := h.townshipOf(w, r, false)
	if !ok {
		return
	}
	h.postTownship(w, r, t)
}

// formDate reads a date field; a bad one is named.
func formDate(r *http.Request, errs *zhenggai.ValidationError, field, label string) zhenggai.Date {
	s := strings.TrimSpace(r.PostFormValue(field))
	if s == "" {
		return zhenggai.Date{}
	}
	d, err := zhenggai.ParseDate(s)
	if err != nil || !d.Valid() {
		errs.Add(field, label+"不是有效日期（例如 2020-10-28）")
	}
	return d
}

func (h *Handler) postTownship(w http.ResponseWriter, r *http.Request, stored *zhenggai.Township) {
	r.Body = http.MaxBytesReader(w, r.Body, maxTownshipForm)
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "表单过大或不完整"))
		return
	}
	get := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	has := func(k string) bool { _, ok := r.PostForm[k]; return ok }
	errs := &zhenggai.ValidationError{}
	t := &zhenggai.Township{UnitID: auth.UserFrom(r.Context()).UnitID}
	if stored != nil {
		t.ID, t.UnitID, t.Sample = stored.ID, stored.UnitID, stored.Sample
	}
	t.Version, _ = strconv.ParseInt(get("version"), 10, 64)
	t.Name, t.Note = get("name"), get("note")
	if s := get("seq"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			errs.Add("seq", "序号须为整数")
		}
		t.Seq = n
	}
	t.Since = formDate(r, errs, "since", "联络组成立日期")
	// Rows keep their index in the form so that messages name them; a row
	// ticked 删除 is dropped.
	for i := 0; i < 500 && has(fmt.Sprintf("posts.%d.name", i)); i++ {
		p := fmt.Sprintf("posts.%d.", i)
		if get(p+"delete") != "" {
			continue
		}
		post := zhenggai.LiaisonPost{Name: get(p + "name"), Role: zhenggai.LiaisonRole(get(p + "role")),
			From: formDate(r, errs, p+"from", fmt.Sprintf("任职第%d条的任职起始日期", i+1)), To: formDate(r, errs, p+"to", fmt.Sprintf("任职第%d条的任职截止日期", i+1))}
		post.ID, _ = strconv.ParseInt(get(p+"id"), 10, 64)
		t.Posts = append(t.Posts, post)
	}
	for i := 0; i < 2000 && has(fmt.Sprintf("invitations.%d.title", i)); i++ {
		p := fmt.Sprintf("invitations.%d.", i)
		if get(p+"delete") != "" {
			continue
		}
		in := zhenggai.LiaisonInvitation{Kind: zhenggai.InvitationKind(get(p + "kind")), Title: get(p + "title"), Name: get(p + "name"),
			On: formDate(r, errs, p+"on", fmt.Sprintf("受邀活动第%d条的日期", i+1)), Attended: get(p+"attended") != ""}
		in.ID, _ = strconv.ParseInt(get(p+"id"), 10, 64)
		t.Invitations = append(t.Invitations, in)
	}
	h.saveTownshipForm(w, r, t, stored != nil, errs)
}

func (h *Handler) saveTownshipForm(w http.ResponseWriter, r *http.Request, t *zhenggai.Township, editing bool, errs *zhenggai.ValidationError) {
	if len(errs.Fields) == 0 {
		err := h.Store.SaveTownship(r.Context(), t)
		if err == nil {
			redirect(w, r, fmt.Sprintf("/townships/%d", t.ID), "已保存"+t.Name+"联络组")
			return
		}
		if zhenggai.ErrorCode(err) == zhenggai.ECONFLICT {
			msg := zhenggai.ErrorMessage(err)
			if editing && !strings.Contains(msg, "作废") {
				msg = staleMessage
			}
			h.renderTownshipForm(w, r, http.StatusConflict, t, errs, msg)
			return
		}
		v, ok := err.(*zhenggai.ValidationError)
		if !ok {
			h.fail(w, r, err)
			return
		}
		errs.Fields = append(errs.Fields, v.Fields...)
	}
	h.renderTownshipForm(w, r, http.StatusUnprocessableEntity, t, errs, "")
}

func (h *Handler) renderTownshipForm(w http.ResponseWriter, r *http.Request, status int, t *zhenggai.Township, errs *zhenggai.ValidationError, message string) {
	d := &townshipFormPage{Action: "/townships", T: t, Message: message}
	if t.ID != 0 {
		d.Action = fmt.Sprintf("/townships/%d", t.ID)
	}
	d.Roles, d.Kinds = liaisonOptions()
	title := "登记乡镇联络组"
	if t.ID != 0 {
		title = "修改" + t.Name + "联络组"
	}
	h.render(w, r, status, "township_form", &page{Title: title, Nav: "townships", Data: d, Errors: errorsByField(errs)})
}

// townshipOf is the township {id}, whole; a voided one only when allowed.
func (h *Handler) townshipOf(w http.ResponseWriter, r *http.Request, voided bool) (*zhenggai.Township, bool) {
	id, ok := h.pathID(w, r)
	if !ok {
		return nil, false
	}
	t, err := h.Store.Township(r.Context(), id)
	if err == nil && t.Voided && !voided {
		err = zhenggai.Errorf(zhenggai.ECONFLICT, "该乡镇政协联络组已作废，不能修改；确需修改的，请单位管理员先恢复")
	}
	if err != nil {
		h.fail(w, r, err)
		return nil, false
	}
	return t, true
}

// ShowTownship shows a township's group: its leader or the vacancy, every
// post held and every invitation, with the forms to add one of each.
func (h *Handler) ShowTownship(w http.ResponseWriter, r *http.Request) {
	t, ok := h.townshipOf(w, r, true)
	if !ok {
		return
	}
	today := h.today()
	h.renderTownshipShow(w, r, http.StatusOK, t, zhenggai.LiaisonPost{Role: zhenggai.LiaisonLeader}, zhenggai.LiaisonInvitation{Kind: zhenggai.InviteInspection, On: today}, nil, nil)
}

func (h *Handler) renderTownshipShow(w http.ResponseWriter, r *http.Request, status int, t *zhenggai.Township, post zhenggai.LiaisonPost,
	in zhenggai.LiaisonInvitation, postErrs, inErrs map[string]string) {
	today := h.today()
	d := &townshipFormPage{T: t, Leader: t.LeaderOn(today), NewPost: post, NewInvite: in, PostErrors: postErrs, InviteError: inErrs}
	if since, vacant := t.VacantSince(today); vacant {
		d.Vacancy = zhenggai.VacancyLabel(since)
	}
	d.Roles, d.Kinds = liaisonOptions()
	h.render(w, r, status, "township_show", &page{Title: t.Name + "联络组", Nav: "townships", Data: d})
}

// AddLiaisonPost adds a post to a township's group: a new leader (the
// last one's term closed the day before when left open), deputy or member.
func (h *Handler) AddLiaisonPost(w http.ResponseWriter, r *http.Request) {
	t, ok := h.townshipOf(w, r, false)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxSuggestionForm)
	errs := &zhenggai.ValidationError{}
	p := zhenggai.LiaisonPost{Name: strings.TrimSpace(r.PostFormValue("name")), Role: zhenggai.LiaisonRole(r.PostFormValue("role")),
		From: formDate(r, errs, "from", "任职起始日期"), To: formDate(r, errs, "to", "任职截止日期")}
	t.Version, _ = strconv.ParseInt(r.PostFormValue("version"), 10, 64)
	// A new leader from a day ends the open term of the one before.
	if p.Role == zhenggai.LiaisonLeader && !p.From.IsZero() && r.PostFormValue("close_previous") != "" {
		for i := range t.Posts {
			q := &t.Posts[i]
			if q.Role == zhenggai.LiaisonLeader && q.To.IsZero() && q.From.Before(p.From) {
				q.To = p.From
			}
		}
	}
	t.Posts = append(t.Posts, p)
	h.saveTownshipChild(w, r, t, errs, "posts", len(t.Posts)-1, p, zhenggai.LiaisonInvitation{Kind: zhenggai.InviteInspection, On: h.today()})
}

// AddLiaisonInvitation records an invitation of a township's group.
func (h *Handler) AddLiaisonInvitation(w http.ResponseWriter, r *http.Request) {
	t, ok := h.townshipOf(w, r, false)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxSuggestionForm)
	errs := &zhenggai.ValidationError{}
	in := zhenggai.LiaisonInvitation{Kind: zhenggai.InvitationKind(r.PostFormValue("kind")), Title: strings.TrimSpace(r.PostFormValue("title")),
		Name: strings.TrimSpace(r.PostFormValue("name")), On: formDate(r, errs, "on", "日期"), Attended: r.PostFormValue("attended") != ""}
	t.Version, _ = strconv.ParseInt(r.PostFormValue("version"), 10, 64)
	t.Invitations = append(t.Invitations, in)
	h.saveTownshipChild(w, r, t, errs, "invitations", len(t.Invitations)-1, zhenggai.LiaisonPost{Role: zhenggai.LiaisonLeader}, in)
}

// saveTownshipChild saves t with its new child (list, at index i); the
// new child's messages go to its form, by the field's last part.
func (h *Handler) saveTownshipChild(w http.ResponseWriter, r *http.Request, t *zhenggai.Township, errs *zhenggai.ValidationError,
	list string, i int, post zhenggai.LiaisonPost, in zhenggai.LiaisonInvitation) {
	if len(errs.Fields) == 0 {
		err := h.Store.SaveTownship(r.Context(), t)
		switch {
		case err == nil:
			what := "任职记录"
			if list == "invitations" {
				what = "受邀活动"
			}
			redirect(w, r, fmt.Sprintf("/townships/%d", t.ID), "已添加"+what)
			return
		case zhenggai.ErrorCode(err) == zhenggai.ECONFLICT:
			redirectRefused(w, r, fmt.Sprintf("/townships/%d", t.ID), "未能保存", zhenggai.Errorf(zhenggai.ECONFLICT, "%s", staleMessage))
			return
		}
		v, ok := err.(*zhenggai.ValidationError)
		if !ok {
			h.fail(w, r, err)
			return
		}
		errs.Fields = append(errs.Fields, v.Fields...)
	}
	// The messages of the new row, by their short name; others (an
	// overlap it makes with a stored leader's term) as they are.
	mine := map[string]string{}
	prefix := fmt.Sprintf("%s.%d.", list, i)
	for _, f := range errs.Fields {
		k := strings.TrimPrefix(f.Field, prefix)
		if _, dup := mine[k]; !dup {
			mine[k] = f.Message
		}
	}
	stored, err := h.Store.Township(r.Context(), t.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if list == "posts" {
		h.renderTownshipShow(w, r, http.StatusUnprocessableEntity, stored, post, in, mine, nil)
	} else {
		h.renderTownshipShow(w, r, http.StatusUnprocessableEntity, stored, post, in, nil, mine)
	}
}

// VoidTownship voids a township entered by mistake, with a reason.
func (h *Handler) VoidTownship(w http.ResponseWriter, r *http.Request) {
	h.voidRegisterRecord(w, r, "township", "/townships/%d", "该乡镇联络组")
}

// RestoreTownship brings a voided township back.
func (h *Handler) RestoreTownship(w http.ResponseWriter, r *http.Request) {
	h.restoreRegisterRecord(w, r, "township", "/townships/%d", "该乡镇联络组")
}
