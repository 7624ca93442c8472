package ui

import (
	"html/template"
	"net/http"

	"zhenggai"
	"zhenggai/internal/publish"
)

// publicationPage is the data of publication_show.html: one publication
// in its review, what its preview warns of, and who reviews it.
type publicationPage struct {
	Pub      *zhenggai.Publication
	Body     template.HTML
	Warnings []string
	Reviewer zhenggai.PublicationReviewer
}

// ShowPublication is /publications/{id}: a draft, one waiting for review
// or one published, as the public would read it, with the preview's
// warnings and the review's actions for those who may take them.
func (h *Handler) ShowPublication(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	h.renderPublication(w, r, http.StatusOK, id, nil)
}

func (h *Handler) renderPublication(w http.ResponseWriter, r *http.Request, status int, id int64, errs map[string]string) {
	ctx := r.Context()
	p, err := h.Store.Publication(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	round, err := h.Store.Round(ctx, p.RoundID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	warnings, err := publish.Warnings(ctx, h.Store, p)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	set, err := h.Store.Settings(ctx, p.UnitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := &publicationPage{Pub: p, Body: template.HTML(p.Body), Warnings: warnings, Reviewer: set.PublicationReviewer}
	h.render(w, r, status, "publication_show", &page{Title: p.Title, Nav: "dashboard", Round: round, Data: d, Errors: errs})
}
