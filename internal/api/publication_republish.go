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
	ID          int64                       `json:"id"`
	RoundID     int64                       `json:"round_id"`
	Title       string                      `json:"title"`
	AsOf        zhenggai.Date               `json:"as_of"`
	URL         string                      `json:"url"` // the page on the public site
	Problems    []zhenggai.PublishedProblem `json:"problems"`
	PublishedAt time.Time                   `json:"published_at"`
	PublishedBy string                      `json:"published_by"`
}

func newPublicationJSON(p *zhenggai.Publication) *publicationJSON {
	out := &publicationJSON{ID: p.ID, RoundID: p.RoundID, Title: p.Title, AsOf: p.AsOf, URL: "/public/reports/" + strconv.FormatInt(p.ID, 10),
		Problems: p.Problems, PublishedAt: p.PublishedAt, PublishedBy: p.PublishedBy}
	if out.Problems == nil {
		out.Problems = []zhenggai.PublishedProblem{}
	}
	return out
}

// RepublishPublication is POST /api/v1/publications/{id}/republish: the
// live publication is withdrawn and its round published again as of the
// same date, without the problems withheld since (a problem's
// still_published lists the publications to do this for). The answer is
// the new publication.
func (h *Handler) RepublishPublication(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	p, err := publish.Republish(r.Context(), h.Store, id, auth.UserFrom(r.Context()).DisplayName)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/public/reports/"+strconv.FormatInt(p.ID, 10))
	writeJSON(w, http.StatusCreated, newPublicationJSON(p))
}
