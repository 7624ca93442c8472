package ui

import (
	"fmt"
	"html/template"
	"net/http"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/publish"
)

// publishPage is the data of publish.html: the preview of the report as
// of a date, the form that publishes it, and what was published before.
type publishPage struct {
	Preview      *zhenggai.Publication
	Body         template.HTML
	AsOf         zhenggai.Date
	Publications []*zhenggai.Publication
	// Withheld are, by publication, the problems it shows that are
	// withheld now.
	Withheld map[int64][]zhenggai.PublishedProblem
	// Warnings are what the preview warns of before it goes to review.
	Warnings []string
	// Figures are what the registers lend the report (会议台账).
	Figures *publish.RegisterFigures
}

// NewPublication previews a round's report as of a date (?as_of=, today
// by default) with the button that publishes it.
func (h *Handler) NewPublication(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	errs := map[string]string{}
	asOf := h.today()
	if s := r.URL.Query().Get("as_of"); s != "" {
		d, err := zhenggai.ParseDate(s)
		if err != nil || !d.Valid() || d.IsZero() {
			errs["as_of"] = "截至日期格式应为 2020-10-28"
		} else {
			asOf = d
		}
	}
	h.renderPublish(w, r, http.StatusOK, id, asOf, errs)
}

func (h *Handler) renderPublish(w http.ResponseWriter, r *http.Request, status int, roundID int64, asOf zhenggai.Date, errs map[string]string) {
	ctx := r.Context()
	round, err := h.Store.Round(ctx, roundID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	prev, err := publish.Render(ctx, h.Store, roundID, asOf)
	if err != nil {
		// A date the report cannot have (before the feedback) is the
		// form's to say, beside the field; nothing is previewed.
		if zhenggai.ErrorCode(err) != zhenggai.EINVALID {
			h.fail(w, r, err)
			return
		}
		if errs == nil {
			errs = map[string]string{}
		}
		if errs["as_of"] == "" {
			errs["as_of"] = zhenggai.ErrorMessage(err)
		}
		if status == http.StatusOK {
			status = http.StatusUnprocessableEntity
		}
	}
	pubs, err := h.Store.Publications(ctx, roundID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	withheld, err := h.Store.WithheldSincePublished(ctx, roundID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := &publishPage{Preview: prev, AsOf: asOf, Publications: pubs, Withheld: withheld}
	if prev != nil {
		d.Body = template.HTML(prev.Body)
		if d.Warnings, err = publish.Warnings(ctx, h.Store, prev); err != nil {
			h.fail(w, r, err)
			return
		}
		if d.Figures, err = publish.Figures(ctx, h.Store, round, asOf); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	h.render(w, r, status, "publish", &page{Title: "公布整改进展情况", Nav: "dashboard", Round: round, Data: d,
		Form: map[string]string{"as_of": asOf.String()}, Errors: errs})
}

// CreatePublication drafts the round's report as of the date given (the
// snapshot the preview showed) for review: nothing is public yet.
func (h *Handler) CreatePublication(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	asOf, err := zhenggai.ParseDate(r.PostFormValue("as_of"))
	if err != nil || asOf.IsZero() || !asOf.Valid() {
		h.renderPublish(w, r, http.StatusUnprocessableEntity, id, h.today(), map[string]string{"as_of": "截至日期格式应为 2020-10-28"})
		return
	}
	p, err := publish.Draft(r.Context(), h.Store, id, asOf, auth.UserFrom(r.Context()))
	if err != nil {
		if zhenggai.ErrorCode(err) == zhenggai.EINVALID {
			h.renderPublish(w, r, http.StatusUnprocessableEntity, id, asOf, map[string]string{"as_of": zhenggai.ErrorMessage(err)})
			return
		}
		h.fail(w, r, err)
		return
	}
	redirect(w, r, fmt.Sprintf("/publications/%d", p.ID), fmt.Sprintf("已起草截至%s的整改进展情况报告，提交审核并经审核同意后公开", asOf.Chinese()))
}

// WithdrawPublication takes a publication off the public site, with a
// reason, which the record keeps.
func (h *Handler) WithdrawPublication(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	p, err := h.Store.Publication(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	by := ""
	if u := auth.UserFrom(ctx); u != nil {
		by = u.DisplayName
	}
	if err := h.Store.Withdraw(ctx, id, strings.TrimSpace(r.PostFormValue("reason")), by); err != nil {
		if zhenggai.ErrorCode(err) == zhenggai.EINVALID {
			h.renderPublish(w, r, http.StatusUnprocessableEntity, p.RoundID, h.today(), map[string]string{"reason": "撤回须填写原因"})
			return
		}
		h.fail(w, r, err)
		return
	}
	redirect(w, r, fmt.Sprintf("/rounds/%d/publish", p.RoundID), "已撤回："+p.Title)
}

// RepublishPublication drafts the round again as of the same date as a
// live publication, to replace it once approved: what is withheld since
// is left out.
func (h *Handler) RepublishPublication(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	p, err := publish.Republish(r.Context(), h.Store, id, auth.UserFrom(r.Context()))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	redirect(w, r, fmt.Sprintf("/publications/%d", p.ID),
		fmt.Sprintf("已重新起草截至%s的整改进展情况报告：经审核同意后公开，原报告同时撤回", p.AsOf.Chinese()))
}
