package api

import (
	"net/http"

	"zhenggai"
)

type leaveReturnRequest struct {
	Version    int64         `json:"version"`
	ReturnedOn zhenggai.Date `json:"returned_on"`
}

// ReturnLeave is POST /api/v1/leaves/{id}/return (销假).
func (h *Handler) ReturnLeave(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	var req leaveReturnRequest
	if !h.decode(w, r, &req) {
		return
	}
	if req.ReturnedOn.IsZero() {
		req.ReturnedOn = zhenggai.Today()
	}
	l, err := h.Store.ReturnLeave(r.Context(), id, req.Version, req.ReturnedOn)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, l)
}
