package api

import (
	"fmt"
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
	out := make([]*messageJSON, len(list))
	for i, n := range list {
		out[i] = &messageJSON{Notification: n, Link: recordPath(n)}
	}
	writeJSON(w, http.StatusOK, inboxJSON{Unread: unread, Messages: out})
}

// recordPath is the API address of the record a message refers to.
func recordPath(n *zhenggai.Notification) string {
	switch {
	case n.RecordID == 0:
		return ""
	case n.RecordKind == zhenggai.RecordProblem && n.MeasureID != 0:
		return fmt.Sprintf("/api/v1/measures/%d", n.MeasureID)
	case n.RecordKind == zhenggai.RecordProblem:
		return fmt.Sprintf("/api/v1/problems/%d", n.RecordID)
	case n.RecordKind == zhenggai.RecordOpinion:
		return fmt.Sprintf("/api/v1/opinions/%d", n.RecordID)
	case n.RecordKind == zhenggai.RecordProposal:
		return fmt.Sprintf("/api/v1/proposals/%d", n.RecordID)
	}
	return ""
}
