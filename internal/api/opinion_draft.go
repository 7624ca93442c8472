package api

import "net/http"

// opinionDraftRequest is the answer an assignee proposes.
type opinionDraftRequest struct {
	Draft   string `json:"draft"`
	Version int64  `json:"version"`
}

// DraftOpinion is POST /api/v1/opinions/{id}/draft: its assignee's answer,
// for the unit's office to review; the public sees nothing yet.
func (h *Handler) DraftOpinion(w http.ResponseWriter, r *http.Request) {
	var req opinionDraftRequest
	h.opinionStep(w, r, &req, func(id int64) error {
		return h.Store.DraftOpinion(r.Context(), id, req.Draft, by(r), req.Version)
	})
}
