package api

import "net/http"

// RestoreRecord is POST /api/v1/{rounds|categories|problems|measures|progress|files}/{id}/restore:
// the unit's administrator brings back a voided record and what was
// voided with it. A live record, or one under a record still voided, is
// 409.
func (h *Handler) RestoreRecord(kind string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, ok := h.pathID(w, r)
		if !ok {
			return
		}
		if err := h.Store.Restore(r.Context(), kind, id); err != nil {
			h.fail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, voidJSON{Kind: kind, ID: id, Voided: false})
	}
}
