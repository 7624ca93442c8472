package api

import (
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
)

// proposalStepRequest is the body of POST /api/v1/proposals/{id}/steps:
// the part the caller acts as, the proposal's version he saw, and the
// step's fields (zhenggai.ProposalStepInput). A co-signer answers his
// invitation with action cosign or decline.
type proposalStepRequest struct {
	Actor   zhenggai.ProposalActor `json:"actor"`
	Version int64                  `json:"version"`
	zhenggai.ProposalStepInput
}

// StepProposal takes one step of the cycle as the caller's part: the
// office, a signer (for himself) or a handling unit (for its own
// assignment); the answer is the proposal after.
func (h *Handler) StepProposal(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p, parts, ok := h.proposalOf(w, r)
	if !ok {
		return
	}
	var req proposalStepRequest
	if !h.decode(w, r, &req) {
		return
	}
	u := auth.UserFrom(ctx)
	in := req.ProposalStepInput
	if in.Action == zhenggai.ActCosign || in.Action == zhenggai.ActDecline {
		if !parts.Proposer {
			h.fail(w, r, zhenggai.Errorf(zhenggai.EFORBID, "您不是该提案邀请的联名人"))
			return
		}
		if err := h.Store.ProposalCosign(ctx, p.ID, u.PersonID, in.Action == zhenggai.ActCosign); err != nil {
			h.fail(w, r, err)
			return
		}
	} else {
		switch req.Actor {
		case zhenggai.ActorOffice, zhenggai.ActorHandler, zhenggai.ActorProposer:
		default:
			h.fail(w, r, fieldError("actor", "actor 须为 office（提案委）、handler（承办单位）或 proposer（提案者）"))
			return
		}
		if !parts.Actor(req.Actor) {
			h.fail(w, r, zhenggai.Errorf(zhenggai.EFORBID, "您不能以%s的身份办理该提案", req.Actor.Label()))
			return
		}
		in.ByPerson, in.ByUnit = u.PersonID, parts.Handler
		if _, err := h.Store.ProposalStep(ctx, p.ID, req.Version, req.Actor, &in); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	p, err := h.Store.Proposal(ctx, p.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.proposalAnswer(w, r, http.StatusOK, p, h.partsOf(r, p))
}

func (h *Handler) partsOf(r *http.Request, p *zhenggai.Proposal) zhenggai.ProposalParts {
	u := auth.UserFrom(r.Context())
	return zhenggai.ProposalPartsOf(u, p, func(perm zhenggai.Perm, t zhenggai.Target) bool { return h.Auth.Can(r.Context(), u, perm, t) })
}

func fieldError(field, msg string) error {
	v := &zhenggai.ValidationError{}
	v.Add(field, msg)
	return v
}
