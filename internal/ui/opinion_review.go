package ui

import (
	"net/http"

	"zhenggai/internal/auth"
)

// ApproveOpinion makes the assignee's draft the answer, shown on the
// public report page when the office ticks it.
func (h *Handler) ApproveOpinion(w http.ResponseWriter, r *http.Request) {
	publish := r.PostFormValue("publish") == "1"
	msg := "已同意答复（不公开）"
	if publish {
		msg = "已同意答复，并在公开的报告页面显示"
	}
	h.reviewOpinion(w, r, true, publish, msg)
}

// ReturnOpinion sends the assignee's draft back with a reason.
func (h *Handler) ReturnOpinion(w http.ResponseWriter, r *http.Request) {
	h.reviewOpinion(w, r, false, false, "已退回答复，承办人将收到退回理由")
}

func (h *Handler) reviewOpinion(w http.ResponseWriter, r *http.Request, approve, publish bool, done string) {
	h.opinionAction(w, r, done, func(id, version int64) error {
		return h.Store.ReviewOpinion(r.Context(), id, approve, publish, r.PostFormValue("reason"),
			auth.UserFrom(r.Context()).DisplayName, version)
	})
}
