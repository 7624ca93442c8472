package api

import (
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
)

// proposalCreateRequest is the body of POST /api/v1/proposals.
type proposalCreateRequest struct {
	Title     string `json:"title"`
	Content   string `json:"content,omitempty"`
	Session   string `json:"session,omitempty"`
	Year      int    `json:"year,omitempty"`
	Number    string `json:"number,omitempty"`
	Timing    string `json:"timing,omitempty"`
	Source    string `json:"source,omitempty"`
	Submitter string `json:"submitter,omitempty"`
	// Lead is the lead signer's person id (the office's; a member is the
	// lead of his own proposals).
	Lead int64 `json:"lead_person_id,omitempty"`
	// CoSigners are invited until Deadline; with Submit (the office's
	// paper proposals) they are recorded as signed.
	CoSigners   []int64       `json:"cosigner_person_ids,omitempty"`
	Deadline    zhenggai.Date `json:"deadline,omitzero"`
	SubmittedOn zhenggai.Date `json:"submitted_on,omitzero"`
	Submit      bool          `json:"submit,omitempty"`
}

// CreateProposal is POST /api/v1/proposals: a draft inviting its
// co-signers, or one submitted (no co-signer, or submit by the office).
func (h *Handler) CreateProposal(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u := auth.UserFrom(ctx)
	var req proposalCreateRequest
	if !h.decode(w, r, &req) {
		return
	}
	p := &zhenggai.Proposal{UnitID: u.UnitID, Title: req.Title, Content: req.Content, Session: req.Session, Year: req.Year,
		Number: req.Number, Timing: zhenggai.ProposalTiming(req.Timing), Source: zhenggai.ProposalSource(req.Source),
		Submitter: req.Submitter, SubmittedOn: req.SubmittedOn}
	lead := req.Lead
	if u.Role == zhenggai.RoleMember {
		// A member submits his own: as its lead, on today's date.
		lead, req.Submit, p.Source, p.Submitter, p.SubmittedOn, p.Number = u.PersonID, false, zhenggai.SourceMember, "", zhenggai.Date{}, ""
		if lead == 0 {
			h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "您的账号没有对应人员名册中的委员，请单位管理员在用户设置中关联"))
			return
		}
	}
	if lead != 0 {
		p.Signers = append(p.Signers, zhenggai.ProposalSigner{PersonID: lead})
	}
	for _, id := range req.CoSigners {
		p.Signers = append(p.Signers, zhenggai.ProposalSigner{PersonID: id, Deadline: req.Deadline})
	}
	if err := h.Store.CreateProposal(ctx, p, req.Submit); err != nil {
		h.fail(w, r, err)
		return
	}
	p, err := h.Store.Proposal(ctx, p.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	parts := zhenggai.ProposalPartsOf(u, p, func(perm zhenggai.Perm, t zhenggai.Target) bool { return h.Auth.Can(ctx, u, perm, t) })
	h.proposalAnswer(w, r, http.StatusCreated, p, parts)
}
