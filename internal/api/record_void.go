package api

import (
	"net/http"
)

// voidRequest is the body of a void: why, required.
type voidRequest struct {
	Reason string `json:"reason"`
}

// voidJSON is what a void or a restore answers: the record and whether it
// is voided now.
type voidJSON struct {
	Kind   string `json:"kind"` // round, category, problem, measure, progress, attachment
	ID     int64  `json:"id"`
	Voided bool   `json:"voided"`
}

// VoidRecord is POST /api/v1/{rounds|categories|problems|measures|progress|files}/{id}/void
// with {"reason": "…"}: the record, and what lies under it, leave every
// list, count and report; its history keeps who, when and why. No reason
// is 422; a record already voided, or under a problem the office
// accepted, is 409.
func (h *Handler) VoidRecord(kind string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, ok := h.pathID(w, r)
		if !ok {
			return
		}
		var req voidRequest
		if !h.decode(w, r, &req) {
			return
		}
		if err := h.Store.Void(r.Context(), kind, id, req.Reason); err != nil {
			h.fail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, voidJSON{Kind: kind, ID: id, Voided: true})
	}
}
