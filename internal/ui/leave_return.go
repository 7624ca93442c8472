package ui

import (
	"net/http"
	"strings"

	"zhenggai"
)

// ReturnLeave records a leave's return (销假): on the day the form gives,
// today by default.
func (h *Handler) ReturnLeave(w http.ResponseWriter, r *http.Request) {
	l, ok := h.leaveOf(w, r)
	if !ok {
		return
	}
	version, ok := leaveVersion(w, r)
	if !ok {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "表单不完整，请刷新后再试"))
		return
	}
	on := h.today()
	if s := strings.TrimSpace(r.PostFormValue("returned_on")); s != "" {
		d, err := zhenggai.ParseDate(s)
		if err != nil || !d.Valid() {
			redirectRefused(w, r, "/leaves", "未能销假", zhenggai.Errorf(zhenggai.EINVALID, "销假日期不是有效日期（例如 2020-10-28）"))
			return
		}
		on = d
	}
	got, err := h.Store.ReturnLeave(r.Context(), l.ID, version, on)
	if err != nil {
		redirectRefused(w, r, "/leaves", "未能销假", err)
		return
	}
	leaveDone(w, r, got, "已销假")
}
