package ui

import (
	"fmt"
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
)

// CosignProposal records a co-signer's answer to his invitation (联名):
// confirm=1 to sign, anything else to decline. Only the member invited
// answers, for himself.
func (h *Handler) CosignProposal(w http.ResponseWriter, r *http.Request) {
	p, parts, ok := h.proposalOf(w, r)
	if !ok {
		return
	}
	back := fmt.Sprintf("/proposals/%d", p.ID)
	confirm := r.PostFormValue("confirm") == "1"
	what := "未能确认联名"
	if !confirm {
		what = "未能谢绝联名"
	}
	u := auth.UserFrom(r.Context())
	if !parts.Proposer {
		redirectRefused(w, r, back, what, zhenggai.Errorf(zhenggai.EFORBID, "您不是该提案邀请的联名人"))
		return
	}
	switch err := h.Store.ProposalCosign(r.Context(), p.ID, u.PersonID, confirm); zhenggai.ErrorCode(err) {
	case "":
		if confirm {
			redirect(w, r, back, "已确认联名。")
		} else {
			redirect(w, r, back, "已谢绝联名。")
		}
	case zhenggai.EINVALID, zhenggai.ECONFLICT, zhenggai.EFORBID:
		redirectRefused(w, r, back, what, err)
	default:
		h.fail(w, r, err)
	}
}
