package api

import "net/http"

// opinionApproveRequest approves the draft, shown publicly when Publish.
type opinionApproveRequest struct {
	Publish bool  `json:"publish"`
	Version int64 `json:"version"`
}

// opinionReturnRequest sends the draft back with a reason.
type opinionReturnRequest struct {
	Reason  string `json:"reason"`
	Version int64  `json:"version"`
}

// ApproveOpinion is POST /api/v1/opinions/{id}/approve: the draft becomes
// the answer.
func (h *Handler) ApproveOpinion(w http.ResponseWriter, r *http.Request) {
	var req opinionApproveRequest
	h.opinionStep(w, r, &req, func(id int64) error {
		return h.Store.ReviewOpinion(r.Context(), id, true, req.Publish, "", by(r), req.Version)
	})
}

// ReturnOpinion is POST /api/v1/opinions/{id}/return: the assignee drafts
// again, told why.
func (h *Handler) ReturnOpinion(w http.ResponseWriter, r *http.Request) {
	var req opinionReturnRequest
	h.opinionStep(w, r, &req, func(id int64) error {
		return h.Store.ReviewOpinion(r.Context(), id, false, false, req.Reason, by(r), req.Version)
	})
}
