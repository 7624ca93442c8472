package api

import (
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
)

type leaveApproveRequest struct {
	Version    int64         `json:"version"`
	ApprovedBy string        `json:"approved_by"`
	ApprovedOn zhenggai.Date `json:"approved_on"`
}

// ApproveLeave is POST /api/v1/leaves/{id}/approve.
func (h *Handler) ApproveLeave(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	var req leaveApproveRequest
	if !h.decode(w, r, &req) {
		return
	}
	if req.ApprovedBy == "" {
		req.ApprovedBy = auth.UserFrom(r.Context()).DisplayName
	}
	if req.ApprovedOn.IsZero() {
		req.ApprovedOn = zhenggai.Today()
	}
	l, err := h.Store.ApproveLeave(r.Context(), id, req.Version, req.ApprovedBy, req.ApprovedOn)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, l)
}
