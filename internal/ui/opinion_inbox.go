package ui

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
)

// The staff's inbox of opinions from the public: the unit's office
// assigns, answers (publishing the answer under the opinion if it
// chooses) and closes them; the inspection office above reads them.

// CanOpinions tells the layout whether to link the inbox.
func (p *page) CanOpinions() bool { _, ok := zhenggai.OpinionScope(p.User); return ok }

// opinionStatus is the list's ?status=, "" (every status) when it names none.
func opinionStatus(r *http.Request) zhenggai.OpinionStatus {
	status := zhenggai.OpinionStatus(r.URL.Query().Get("status"))
	for _, s := range zhenggai.OpinionStatuses {
		if s == status {
			return status
		}
	}
	return ""
}

// ListOpinions is /opinions: open ones first, ?status= to filter; ?ref=
// goes to the opinion of a reference number.
func (h *Handler) ListOpinions(w http.ResponseWriter, r *http.Request) {
	u := auth.UserFrom(r.Context())
	sc, ok := zhenggai.OpinionScope(u)
	if !ok {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EFORBID, "您没有权限查看意见建议"))
		return
	}
	// A sender asking after his opinion gives its number, old or new.
	notFound := ""
	if ref := strings.ToUpper(strings.TrimSpace(r.URL.Query().Get("ref"))); ref != "" {
		o, err := h.Store.OpinionByRef(r.Context(), ref)
		switch {
		case err == nil && h.Auth.Can(r.Context(), u, zhenggai.PermOpinions, zhenggai.Target{UnitID: o.UnitID}):
			http.Redirect(w, r, fmt.Sprintf("/opinions/%d", o.ID), http.StatusSeeOther)
			return
		case err == nil || zhenggai.ErrorCode(err) == zhenggai.ENOTFOUND:
			notFound = zhenggai.Clip(ref, 30)
		default:
			h.fail(w, r, err)
			return
		}
	}
	status := opinionStatus(r)
	ops, err := h.Store.Opinions(r.Context(), sc, status)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "opinions", &page{Title: "意见建议", Nav: "opinions", Data: map[string]any{
		"Opinions": ops, "Status": string(status), "Statuses": zhenggai.OpinionStatuses, "NotFound": notFound,
	}})
}

// opinionPage is the data of opinion_show.html.
type opinionPage struct {
	Opinion *zhenggai.Opinion
	Pub     *zhenggai.Publication
	Users   []*zhenggai.User // who it may be assigned to
	Colour  zhenggai.Colour  // of its answer deadline, today
	// Contacts: the reader may see the sender's name and contact (the
	// unit's office, the inspection office); the assignee may not.
	Contacts bool
	// Drafts: the reader is its assignee, who drafts the answer.
	Drafts bool
}

// ShowOpinion shows one opinion, with the sender's contact to those who
// may see it, and the forms that handle it: the office's (assign, answer,
// review the draft, close), the assignee's (draft the answer).
func (h *Handler) ShowOpinion(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	h.renderOpinion(w, r, http.StatusOK, id, nil, nil)
}

func (h *Handler) renderOpinion(w http.ResponseWriter, r *http.Request, status int, id int64, form map[string]string, errs map[string]string) {
	ctx := r.Context()
	o, err := h.Store.Opinion(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p, err := h.Store.Publication(ctx, o.PublicationID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	mine, err := h.Store.OpinionAssignees(ctx, o)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	u := auth.UserFrom(ctx)
	t := zhenggai.Target{UnitID: o.UnitID, Assignee: o.AssigneeID}
	d := &opinionPage{Opinion: o, Pub: p, Users: mine, Colour: o.Colour(h.today()),
		Contacts: h.Auth.Can(ctx, u, zhenggai.PermOpinions, t), Drafts: h.Auth.Can(ctx, u, zhenggai.PermOpinionDraft, t)}
	if !d.Contacts {
		o.Name, o.Contact = "", ""
	}
	if form == nil {
		form = map[string]string{"answer": o.Answer, "draft": o.Draft}
		if o.AnswerPublished || o.Answer == "" {
			form["publish"] = "1"
		}
	}
	h.render(w, r, status, "opinion_show", &page{Title: "意见建议 " + o.Ref, Nav: "opinions", Data: d, Form: form, Errors: errs})
}

// opinionAction runs one handling step on the opinion of the route and
// sends back to it with a message, or shows the form with the reason.
func (h *Handler) opinionAction(w http.ResponseWriter, r *http.Request, done string, step func(id, version int64) error) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	version, _ := strconv.ParseInt(r.PostFormValue("version"), 10, 64)
	err := step(id, version)
	switch zhenggai.ErrorCode(err) {
	case "":
		redirect(w, r, fmt.Sprintf("/opinions/%d", id), done)
	case zhenggai.EINVALID, zhenggai.ECONFLICT:
		errs := map[string]string{"_": zhenggai.ErrorMessage(err)}
		if ve, ok := err.(*zhenggai.ValidationError); ok {
			for _, f := range ve.Fields {
				errs[f.Field] = f.Message
			}
		}
		form := map[string]string{"answer": r.PostFormValue("answer"), "publish": r.PostFormValue("publish"),
			"draft": r.PostFormValue("draft"), "reason": r.PostFormValue("reason")}
		status := http.StatusUnprocessableEntity
		if zhenggai.ErrorCode(err) == zhenggai.ECONFLICT {
			status = http.StatusConflict
		}
		h.renderOpinion(w, r, status, id, form, errs)
	default:
		h.fail(w, r, err)
	}
}

// AssignOpinion gives the opinion to a user of its unit.
func (h *Handler) AssignOpinion(w http.ResponseWriter, r *http.Request) {
	h.opinionAction(w, r, "已指定承办人", func(id, version int64) error {
		uid, err := strconv.ParseInt(r.PostFormValue("assignee"), 10, 64)
		if err != nil || uid <= 0 {
			v := &zhenggai.ValidationError{}
			v.Add("assignee", "请选择承办人")
			return v
		}
		return h.Store.AssignOpinion(r.Context(), id, uid, auth.UserFrom(r.Context()).DisplayName, version)
	})
}

// AnswerOpinion records the answer and whether the public sees it.
func (h *Handler) AnswerOpinion(w http.ResponseWriter, r *http.Request) {
	publish := r.PostFormValue("publish") == "1"
	msg := "已保存答复（不公开）"
	if publish {
		msg = "已保存答复，并在公开的报告页面显示"
	}
	h.opinionAction(w, r, msg, func(id, version int64) error {
		by := ""
		if u := auth.UserFrom(r.Context()); u != nil {
			by = u.DisplayName
		}
		return h.Store.AnswerOpinion(r.Context(), id, r.PostFormValue("answer"), publish, by, version)
	})
}

// CloseOpinion ends the handling of the opinion.
func (h *Handler) CloseOpinion(w http.ResponseWriter, r *http.Request) {
	h.opinionAction(w, r, "已办结", func(id, version int64) error {
		return h.Store.CloseOpinion(r.Context(), id, version)
	})
}
