package api

import "net/http"

// GetLedger is GET /api/v1/rounds/{id}/ledger: the round with its whole
// tree, categories → problems → measures, every figure derived as of today.
func (h *Handler) GetLedger(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	l, err := h.Store.Ledger(r.Context(), id, h.today())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := newLedgerJSON(l)
	if err := h.checkDeclared(r.Context(), l, out.roundJSON); err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}
