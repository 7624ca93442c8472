package api

import "net/http"

// ListProgress is GET /api/v1/problems/{id}/progress: the progress entries
// on the problem's measures, newest day first, with their files.
func (h *Handler) ListProgress(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	if _, err := h.Store.Problem(r.Context(), id); err != nil {
		h.fail(w, r, err)
		return
	}
	ps, err := h.Store.Progress(r.Context(), 0, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, progressListJSON{Progress: progressList(ps)})
}
