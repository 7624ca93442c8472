package api

import (
	"net/http"
	"strconv"
	"time"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/publish"
)

// publicationJSON is a publication as the public site shows it, without
// its body.
type publicationJSON struct {
	ID      int64                     `json:"id"`
	RoundID int64                     `json:"round_id"`
	Title   string                    `json:"title"`
	AsOf    zhenggai.Date             `json:"as_of"`
	State   zhenggai.PublicationState `json:"state"` // draft, pending, returned, published
	// URL is the page on the public site, once approved.
	URL          string                      `json:"url,omitempty"`
	Problems     []zhenggai.PublishedProblem `json:"problems"`
	Figures      zhenggai.Figures            `json:"figures"`
	Warnings     []string                    `json:"warnings"` // what the preview warns of
	DraftedBy    string                      `json:"drafted_by"`
	ReturnReason string                      `json:"return_reason,omitempty"`
	ApprovedBy   string                      `json:"approved_by,omitempty"`
	Seq          int                         `json:"seq,omitempty"` // 第N次 of its round, once public
	PublishedAt  time.Time                   `json:"published_at,omitzero"`
	PublishedBy  string                      `json:"published_by"`
	Replaces     int64                       `json:"replaces,omitempty"` // the live publication its approval withdraws
}

func newPublicationJSON(p *zhenggai.Publication, warnings []string) *publicationJSON {
	out := &publicationJSON{ID: p.ID, RoundID: p.RoundID, Title: p.Title, AsOf: p.AsOf, State: p.State,
		Problems: p.Problems, Figures: p.Figures, Warnings: warnings, DraftedBy: p.DraftedBy, ReturnReason: p.ReturnReason,
		ApprovedBy: p.ApprovedBy, Seq: p.Seq, PublishedAt: p.PublishedAt, PublishedBy: p.PublishedBy, Replaces: p.Replaces}
	if p.Public() {
		out.URL = "/public/reports/" + strconv.FormatInt(p.ID, 10)
	}
	if out.Problems == nil {
		out.Problems = []zhenggai.PublishedProblem{}
	}
	if out.Warnings == nil {
		out.Warnings = []string{}
	}
	return out
}

// answerPublication answers the publication id as it is now, with the
// preview's warnings, in status.
func (h *Handler) answerPublication(w http.ResponseWriter, r *http.Request, status int, id int64) {
	p, err := h.Store.Publication(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	warnings, err := publish.Warnings(r.Context(), h.Store, p)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, status, newPublicationJSON(p, warnings))
}

// RepublishPublication is POST /api/v1/publications/{id}/republish: its
// round is drafted again as of the same date, without the problems
// withheld since (a problem's still_published lists the publications to
// do this for), to replace it; once the draft is submitted and approved,
// the live one is withdrawn. The answer is the new draft.
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
	h.answerPublication(w, r, http.StatusCreated, p.ID)
}
