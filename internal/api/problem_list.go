package api

import "net/http"

// ListProblems is GET /api/v1/rounds/{id}/problems: the round's problems in
// ledger order (by category, then number), each with its derived status
// and warning colour.
func (h *Handler) ListProblems(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	l, err := h.Store.Ledger(r.Context(), id, h.today())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := []*problemJSON{}
	for _, c := range l.Categories {
		for _, p := range c.Problems {
			out = append(out, newProblemJSON(p.Problem, p.Status, p.Colour))
		}
	}
	writeJSON(w, http.StatusOK, problemListJSON{Problems: out})
}
