package ui

import (
	"net/http"

	"zhenggai/internal/auth"
)

// DraftOpinion records the answer the opinion's assignee proposes; the
// unit's office reviews it before it stands as the answer.
func (h *Handler) DraftOpinion(w http.ResponseWriter, r *http.Request) {
	h.opinionAction(w, r, "已提交答复，等待单位管理员审核", func(id, version int64) error {
		return h.Store.DraftOpinion(r.Context(), id, r.PostFormValue("draft"), auth.UserFrom(r.Context()).DisplayName, version)
	})
}
