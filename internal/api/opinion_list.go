package api

import (
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
)

// ListOpinions is GET /api/v1/opinions[?status=]: the opinions of the
// units the caller handles or supervises, open ones first, newest first.
func (h *Handler) ListOpinions(w http.ResponseWriter, r *http.Request) {
	sc, ok := zhenggai.OpinionScope(auth.UserFrom(r.Context()))
	if !ok {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EFORBID, "您没有权限查看意见建议"))
		return
	}
	status := zhenggai.OpinionStatus(r.URL.Query().Get("status"))
	if status != "" && !status.Valid() {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "status 应为 new、assigned、review、answered 或 closed"))
		return
	}
	list, err := h.Store.Opinions(r.Context(), sc, status)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := opinionListJSON{Opinions: make([]*opinionJSON, len(list))}
	for i, o := range list {
		out.Opinions[i] = h.opinionJSON(r, o)
	}
	writeJSON(w, http.StatusOK, out)
}
