package ui

import (
	"net/http"
	"slices"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

// The proposal's page: what it asks, who signed it, where it stands, the
// dated timeline, and for the viewer's part the forms of the steps he may
// take now. The route lets any signed-in user ask; the page is shown to
// those with a part in it (zhenggai.ProposalPartsOf), and not found for
// the others.

// proposalPage is the data of proposal_show.html.
type proposalPage struct {
	P      *zhenggai.Proposal
	Parts  zhenggai.ProposalParts
	Colour zhenggai.Colour
	Due    zhenggai.Date
	// Can holds "actor/action" for each step the viewer may take now.
	Can map[string]bool
	// Me is the viewer's signer line (a member's), nil for none; Invited:
	// he is a co-signer yet to answer; FormDue: his feedback form is awaited.
	Me      *zhenggai.ProposalSigner
	Invited bool
	FormDue bool
	// Main is the proposal this one was merged into (its reply answers
	// this one too); Merged the ones merged into this one.
	Main      *zhenggai.Proposal
	MainReply *zhenggai.ProposalReply
	Merged    []*zhenggai.Proposal
	Missing   []string
	Settings  *store.ProposalSettings
	ClassInfo map[zhenggai.ReplyClass]string
	// For the office's forms: proposals it may be merged into, the units
	// that may handle it, the roster (key leader, signers' forms).
	Cases    []*zhenggai.Proposal
	Units    []store.UnitNode
	Roster   []*zhenggai.Person
	Live     []zhenggai.ProposalAssignment // assignments not returned
	Pending  *zhenggai.ProposalReply       // the reply awaiting review
	Round    int
	Signers  []zhenggai.ProposalSigner // who may still return a form this round
	Results  []zhenggai.FeedbackResult
	DocKinds []zhenggai.ProposalDocKind
	Today    zhenggai.Date
}

// proposalOf is the proposal {id}, whole, with the viewer's parts; one he
// has no part in is not found.
func (h *Handler) proposalOf(w http.ResponseWriter, r *http.Request) (*zhenggai.Proposal, zhenggai.ProposalParts, bool) {
	id, ok := h.pathID(w, r)
	if !ok {
		return nil, zhenggai.ProposalParts{}, false
	}
	p, err := h.Store.Proposal(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return nil, zhenggai.ProposalParts{}, false
	}
	parts := h.proposalParts(r, p)
	if !parts.Any() {
		h.fail(w, r, zhenggai.Errorf(zhenggai.ENOTFOUND, "提案不存在"))
		return nil, parts, false
	}
	parts.Hide(p)
	return p, parts, true
}

// proposalParts are the signed-in user's parts on p.
func (h *Handler) proposalParts(r *http.Request, p *zhenggai.Proposal) zhenggai.ProposalParts {
	u := auth.UserFrom(r.Context())
	if h.Auth == nil {
		return zhenggai.ProposalParts{}
	}
	return zhenggai.ProposalPartsOf(u, p, func(perm zhenggai.Perm, t zhenggai.Target) bool { return h.Auth.Can(r.Context(), u, perm, t) })
}

// ShowProposal shows a proposal to whoever has a part in it.
func (h *Handler) ShowProposal(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p, parts, ok := h.proposalOf(w, r)
	if !ok {
		return
	}
	u := auth.UserFrom(ctx)
	set, err := h.Store.Settings(ctx, p.UnitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	ps, err := h.Store.ProposalSettings(ctx, p.UnitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	today := h.today()
	d := &proposalPage{P: p, Parts: parts, Colour: zhenggai.ProposalColour(set, p, today), Due: zhenggai.ProposalDueNow(p),
		Can: map[string]bool{}, Settings: ps, ClassInfo: map[zhenggai.ReplyClass]string{}, Results: zhenggai.FeedbackResults,
		DocKinds: zhenggai.ProposalDocKinds, Today: today, Missing: zhenggai.ProposalArchiveMissing(p)}
	for _, c := range ps.Classes {
		d.ClassInfo[c.Class] = c.Meaning
	}
	for _, st := range zhenggai.ProposalSteps {
		for _, a := range []zhenggai.ProposalActor{zhenggai.ActorOffice, zhenggai.ActorHandler, zhenggai.ActorProposer} {
			if _, err := zhenggai.ProposalNext(p.Status, st.Action, a); err == nil && parts.Actor(a) && !p.Voided {
				d.Can[string(a)+"/"+string(st.Action)] = true
			}
		}
	}
	for _, a := range p.Handlers {
		if a.ReturnedOn.IsZero() {
			d.Live = append(d.Live, a)
		}
	}
	for i := range p.Replies {
		if !p.Replies[i].CoView && p.Replies[i].ReviewedOn.IsZero() {
			d.Pending = &p.Replies[i]
		}
	}
	d.Round = zhenggai.ProposalRound(p)
	for i := range p.Signers {
		sg := &p.Signers[i]
		counted := sg.Seq == 1 || !sg.ConfirmedOn.IsZero()
		returned := slices.ContainsFunc(p.Feedback, func(f zhenggai.ProposalFeedback) bool { return f.Round == d.Round && f.PersonID == sg.PersonID })
		if counted && !returned && sg.PersonID != 0 {
			d.Signers = append(d.Signers, *sg)
		}
		if parts.Proposer && u != nil && sg.PersonID == u.PersonID {
			d.Me = sg
			d.Invited = sg.Seq > 1 && sg.ConfirmedOn.IsZero() && sg.DeclinedOn.IsZero() && p.Status == zhenggai.PropDraft
			d.FormDue = counted && !returned
		}
	}
	if d.Me == nil || !d.FormDue {
		delete(d.Can, "proposer/feedback")
	}
	if d.Me == nil || d.Me.Seq != 1 {
		delete(d.Can, "proposer/submit")
	}
	if p.MergedInto != 0 {
		if d.Main, err = h.Store.Proposal(ctx, p.MergedInto); err != nil {
			h.fail(w, r, err)
			return
		}
		d.MainReply = zhenggai.ProposalReplied(d.Main)
	}
	if d.Merged, err = h.Store.ProposalsMergedInto(ctx, p.ID); err != nil {
		h.fail(w, r, err)
		return
	}
	if parts.Office {
		if d.Can["office/merge"] {
			all, err := h.Store.Proposals(ctx, store.ProposalQuery{UnitID: p.UnitID, Year: p.Year})
			if err != nil {
				h.fail(w, r, err)
				return
			}
			for _, x := range all {
				if x.ID != p.ID && x.Status.IsCase() {
					d.Cases = append(d.Cases, x)
				}
			}
		}
		if d.Units, err = h.Store.UnitTree(ctx); err != nil {
			h.fail(w, r, err)
			return
		}
		if d.Roster, err = h.Store.Persons(ctx, p.UnitID); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	h.render(w, r, http.StatusOK, "proposal_show", &page{Title: p.Title, Nav: "proposals", Data: d})
}
