package api

import "net/http"

// GetOpinion is GET /api/v1/opinions/{id}: for the unit's office and the
// inspection office, and for its assignee without the sender's contact.
func (h *Handler) GetOpinion(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	o, err := h.Store.Opinion(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, h.opinionJSON(r, o))
}
