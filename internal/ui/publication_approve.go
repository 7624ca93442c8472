package ui

import (
	"fmt"
	"net/http"

	"zhenggai/internal/auth"
)

// ApprovePublication puts a publication waiting for review on the public
// site; its drafter cannot.
func (h *Handler) ApprovePublication(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	if err := h.Store.ApprovePublication(r.Context(), id, auth.UserFrom(r.Context())); err != nil {
		h.fail(w, r, err)
		return
	}
	redirect(w, r, fmt.Sprintf("/publications/%d", id), fmt.Sprintf("已审核同意，报告已公开：/public/reports/%d", id))
}
