package ui

import (
	"fmt"
	"net/http"
)

// SubmitPublication sends a draft, or one returned, to its reviewer.
func (h *Handler) SubmitPublication(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	if err := h.Store.SubmitPublication(r.Context(), id); err != nil {
		h.fail(w, r, err)
		return
	}
	redirect(w, r, fmt.Sprintf("/publications/%d", id), "已提交审核：审核同意后公开")
}
