package ui

import (
	"fmt"
	"net/http"
	"strconv"

	"zhenggai"
)

// SetProposalPublic says whether a proposal is published (public=1), or
// not with a reason; the office's.
func (h *Handler) SetProposalPublic(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	back := fmt.Sprintf("/proposals/%d", id)
	version, _ := strconv.ParseInt(r.PostFormValue("version"), 10, 64)
	public := r.PostFormValue("public") == "1"
	switch err := h.Store.SetProposalPublic(r.Context(), id, version, public, r.PostFormValue("not_public_reason")); zhenggai.ErrorCode(err) {
	case "":
		if public {
			redirect(w, r, back, "已设为公开。")
		} else {
			redirect(w, r, back, "已设为不公开。")
		}
	case zhenggai.EINVALID, zhenggai.ECONFLICT:
		redirectRefused(w, r, back, "未能设定是否公开", err)
	default:
		h.fail(w, r, err)
	}
}

// VoidProposal voids a proposal entered by mistake, with its archive.
func (h *Handler) VoidProposal(w http.ResponseWriter, r *http.Request) {
	h.voidRegisterRecord(w, r, "proposal", "/proposals/%d", "该提案")
}

// RestoreProposal brings a voided proposal back.
func (h *Handler) RestoreProposal(w http.ResponseWriter, r *http.Request) {
	h.restoreRegisterRecord(w, r, "proposal", "/proposals/%d", "该提案")
}
