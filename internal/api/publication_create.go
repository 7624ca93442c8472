package api

import (
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/publish"
)

// createPublication is the body of POST /api/v1/rounds/{id}/publications.
type createPublication struct {
	AsOf zhenggai.Date `json:"as_of"`
}

// CreatePublication is POST /api/v1/rounds/{id}/publications: the round's
// report as of a date, stored as a draft for review (nothing public yet),
// answered with what its preview warns of.
func (h *Handler) CreatePublication(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	var req createPublication
	if !h.decode(w, r, &req) {
		return
	}
	p, err := publish.Draft(r.Context(), h.Store, id, req.AsOf, auth.UserFrom(r.Context()))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.answerPublication(w, r, http.StatusCreated, p.ID)
}
