package api

import "net/http"

// opinionAssignRequest gives an opinion to an account to handle.
type opinionAssignRequest struct {
	AssigneeID int64 `json:"assignee_id"`
	Version    int64 `json:"version"`
}

// AssignOpinion is POST /api/v1/opinions/{id}/assign: to the unit's office
// or a leader or owner of its problem, who is told.
func (h *Handler) AssignOpinion(w http.ResponseWriter, r *http.Request) {
	var req opinionAssignRequest
	h.opinionStep(w, r, &req, func(id int64) error {
		return h.Store.AssignOpinion(r.Context(), id, req.AssigneeID, by(r), req.Version)
	})
}
