package ui

import (
	"net/http"
	"strconv"

	"zhenggai"
	"zhenggai/internal/auth"
)

// MarkInboxRead marks one message (form field id) or all ("all") read.
func (h *Handler) MarkInboxRead(w http.ResponseWriter, r *http.Request) {
	u := auth.UserFrom(r.Context())
	var id int64
	if v := r.PostFormValue("id"); v != "all" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			h.fail(w, r, zhenggai.Errorf(zhenggai.ENOTFOUND, "消息不存在"))
			return
		}
		id = n
	}
	n, err := h.Store.MarkRead(r.Context(), u.ID, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	redirect(w, r, "/inbox", "已标为已读："+strconv.Itoa(n)+"条")
}
