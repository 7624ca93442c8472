package ui

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
)

// AcceptRecorded accepts in bulk, with a reason, the checked problems of
// a round whose status an imported ledger recorded (原台账记载).
func (h *Handler) AcceptRecorded(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "提交的内容过长或无法识别"))
		return
	}
	reason := strings.TrimSpace(r.PostFormValue("reason"))
	form := map[string]string{"round": fmt.Sprint(id), "reason": reason}
	var ids []int64
	for _, s := range r.PostForm["problem_id"] {
		p, err := strconv.ParseInt(s, 10, 64)
		if err != nil || p <= 0 {
			h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "所选问题不正确"))
			return
		}
		ids = append(ids, p)
	}
	if len(ids) == 0 {
		h.renderAcceptance(w, r, http.StatusUnprocessableEntity, form, map[string]string{"problem_id": "请勾选要验收销号的问题"})
		return
	}
	steps, err := h.Store.AcceptRecorded(r.Context(), id, ids, auth.UserFrom(r.Context()).DisplayName, reason)
	if err != nil {
		if zhenggai.ErrorCode(err) == zhenggai.EINVALID {
			h.renderAcceptance(w, r, http.StatusUnprocessableEntity, form, map[string]string{"reason": "请填写验收理由"})
			return
		}
		h.fail(w, r, err)
		return
	}
	redirect(w, r, "/acceptance", fmt.Sprintf("已按原台账记载验收销号%d个问题", len(steps)))
}
