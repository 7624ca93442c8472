package ui

import (
	"fmt"
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

// NoticePath is the page a message refers to: its problem (at the measure
// it is about) or its opinion; "" for none. The inbox links it, and the
// e-mail of a message gives it with the program's address.
func NoticePath(n *zhenggai.Notification) string {
	switch {
	case n.RecordID == 0:
		return ""
	case n.RecordKind == zhenggai.RecordProblem && n.MeasureID != 0:
		return fmt.Sprintf("/problems/%d#measure-%d", n.RecordID, n.MeasureID)
	case n.RecordKind == zhenggai.RecordProblem:
		return fmt.Sprintf("/problems/%d", n.RecordID)
	case n.RecordKind == zhenggai.RecordOpinion:
		return fmt.Sprintf("/opinions/%d", n.RecordID)
	case n.RecordKind == zhenggai.RecordPublication:
		return fmt.Sprintf("/publications/%d", n.RecordID)
	case n.RecordKind == zhenggai.RecordProposal:
		return fmt.Sprintf("/proposals/%d", n.RecordID)
	}
	return ""
}
