package api

import "net/http"

// ListMeasures is GET /api/v1/problems/{id}/measures, in order, each with
// its deadline warning as of today.
func (h *Handler) ListMeasures(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	p, err := h.Store.Problem(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	ms, err := h.Store.ProblemMeasures(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	set, err := h.Store.Settings(r.Context(), p.UnitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	today := h.today()
	proofs, err := h.Store.ProblemProofs(r.Context(), id, today)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := []*measureJSON{}
	for _, m := range ms {
		out = append(out, heldMeasureJSON(newMeasureJSON(m, set, today), m, proofs[m.ID].Holds()))
	}
	writeJSON(w, http.StatusOK, measureListJSON{Measures: out})
}
