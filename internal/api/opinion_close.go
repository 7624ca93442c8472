package api

import "net/http"

// opinionCloseRequest names the version the opinion was read at.
type opinionCloseRequest struct {
	Version int64 `json:"version"`
}

// CloseOpinion is POST /api/v1/opinions/{id}/close: its handling ends.
func (h *Handler) CloseOpinion(w http.ResponseWriter, r *http.Request) {
	var req opinionCloseRequest
	h.opinionStep(w, r, &req, func(id int64) error {
		return h.Store.CloseOpinion(r.Context(), id, req.Version)
	})
}
