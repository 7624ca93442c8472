package api

import "net/http"

// GetProblem is GET /api/v1/problems/{id}: the problem with its derived
// status and colour, its measures and its progress entries with files.
func (h *Handler) GetProblem(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	out, err := h.problemObject(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}
