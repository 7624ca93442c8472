package ui

import (
	"net/http"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
)

// ApproveLeave records the approval of a leave request: by the name the
// form gives (the approver signed in, by default), today.
func (h *Handler) ApproveLeave(w http.ResponseWriter, r *http.Request) {
	l, ok := h.leaveOf(w, r)
	if !ok {
		return
	}
	version, ok := leaveVersion(w, r)
	if !ok {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "表单不完整，请刷新后再试"))
		return
	}
	by := strings.TrimSpace(r.PostFormValue("approved_by"))
	if by == "" {
		by = auth.UserFrom(r.Context()).DisplayName
	}
	got, err := h.Store.ApproveLeave(r.Context(), l.ID, version, by, h.today())
	if err != nil {
		redirectRefused(w, r, "/leaves", "未能批准", err)
		return
	}
	leaveDone(w, r, got, "已批准")
}
