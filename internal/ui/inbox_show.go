package ui

import (
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
)

// inboxLimit is how many messages the inbox shows.
const inboxLimit = 200

// ShowInbox lists the signed-in user's messages, newest first.
func (h *Handler) ShowInbox(w http.ResponseWriter, r *http.Request) {
	u := auth.UserFrom(r.Context())
	list, err := h.Store.Inbox(r.Context(), u.ID, false, inboxLimit)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if list == nil {
		list = []*zhenggai.Notification{}
	}
	h.render(w, r, http.StatusOK, "inbox_show", &page{Title: "消息", Nav: "inbox", Data: list})
}
