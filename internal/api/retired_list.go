package api

import (
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
)

// retiredListJSON answers GET /api/v1/retired.
type retiredListJSON struct {
	UnitID int64                   `json:"unit_id"`
	Posts  []*zhenggai.RetiredPost `json:"posts"`
}

// ListRetired is GET /api/v1/retired: the caller's unit's retired cadres'
// posts and re-employment.
func (h *Handler) ListRetired(w http.ResponseWriter, r *http.Request) {
	unit := auth.UserFrom(r.Context()).UnitID
	list, err := h.Store.RetiredPosts(r.Context(), unit)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if list == nil {
		list = []*zhenggai.RetiredPost{}
	}
	writeJSON(w, http.StatusOK, retiredListJSON{UnitID: unit, Posts: list})
}

func init() {
	apiOps["GET /api/v1/retired"] = apiOp{summary: "本单位退休干部兼职(返聘)情况：单位、职务、审批和组织部备案、任期届次、报酬（分）",
		response: (*retiredListJSON)(nil)}
	apiOps["POST /api/v1/retired/{id}/void"] = apiOp{summary: "作废一条兼职(返聘)记录（须写明理由 reason）；已作废为409",
		request: (*voidRequest)(nil), response: (*voidJSON)(nil)}
	apiOps["POST /api/v1/retired/{id}/restore"] = apiOp{summary: "单位管理员恢复已作废的兼职(返聘)记录；未作废为409", response: (*voidJSON)(nil)}
}
