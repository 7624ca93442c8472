package ui

import (
	"fmt"
	"net/http"
	"strings"

	"zhenggai"
)

// ReturnPublication sends a publication waiting for review back to its
// drafter, with the reason he must read.
func (h *Handler) ReturnPublication(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	if err := h.Store.ReturnPublication(r.Context(), id, strings.TrimSpace(r.PostFormValue("reason"))); err != nil {
		if zhenggai.ErrorCode(err) == zhenggai.EINVALID {
			h.renderPublication(w, r, http.StatusUnprocessableEntity, id, map[string]string{"reason": "退回须填写原因"})
			return
		}
		h.fail(w, r, err)
		return
	}
	redirect(w, r, fmt.Sprintf("/publications/%d", id), "已退回起草人")
}
