package api

import (
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
)

// ListInbox is GET /api/v1/inbox: the caller's messages, newest first.
func (h *Handler) ListInbox(w http.ResponseWriter, r *http.Request) {
	u := auth.UserFrom(r.Context())
	list, err := h.Store.Inbox(r.Context(), u.ID, r.URL.Query().Get("unread") == "1", 200)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	unread, err := h.Store.UnreadCount(r.Context(), u.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if list == nil {
		list = []*zhenggai.Notification{}
	}
	writeJSON(w, http.StatusOK, inboxJSON{Unread: unread, Messages: list})
}
