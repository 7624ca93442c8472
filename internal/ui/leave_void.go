package ui

import (
	"net/http"

	"zhenggai"
)

// VoidLeave takes a leave request back. A staff member withdraws (撤回)
// his own while it waits for approval; the office voids any (退回 one it
// turns down) with the reason typed, restored from the list.
func (h *Handler) VoidLeave(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxLeaveForm)
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "表单过大或不完整"))
		return
	}
	self, _, err := h.leaveSelf(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !self {
		h.voidRegisterRecord(w, r, "leave", "/leaves?voided=1#leave-%d", "该请假记录")
		return
	}
	switch err := h.Store.WithdrawLeave(r.Context(), id, r.PostFormValue("reason")); zhenggai.ErrorCode(err) {
	case "":
		redirect(w, r, "/leaves/mine", "已撤回该请假。")
	case zhenggai.EINVALID, zhenggai.ECONFLICT:
		redirectRefused(w, r, "/leaves/mine", "未能撤回", err)
	default:
		h.fail(w, r, err)
	}
}
