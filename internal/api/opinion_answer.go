package api

import "net/http"

// opinionAnswerRequest is the office's own answer.
type opinionAnswerRequest struct {
	Answer  string `json:"answer"`
	Publish bool   `json:"publish"`
	Version int64  `json:"version"`
}

// AnswerOpinion is POST /api/v1/opinions/{id}/answer: the unit's office
// answers itself (its own review), shown publicly when publish.
func (h *Handler) AnswerOpinion(w http.ResponseWriter, r *http.Request) {
	var req opinionAnswerRequest
	h.opinionStep(w, r, &req, func(id int64) error {
		return h.Store.AnswerOpinion(r.Context(), id, req.Answer, req.Publish, by(r), req.Version)
	})
}
