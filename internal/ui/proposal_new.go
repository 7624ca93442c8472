package ui

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

// The member's page (委员): a proposal typed on a phone, its co-signers
// chosen from the roster's CPPCC members with a deadline, earlier
// proposals on the same subject shown while the title is typed; below it,
// his own proposals and the invitations to co-sign. The unit's office
// uses it too, naming the lead signer or the submitting body.

// proposalNewPage is the data of proposal_new.html.
type proposalNewPage struct {
	Office   bool // the unit's office (names the lead signer, the source)
	Members  []*zhenggai.Person
	Mine     []proposalRow
	Sources  []zhenggai.ProposalSource
	Deadline zhenggai.Date // the co-signers' deadline offered
	Chosen   map[int64]bool
	Similar  []*zhenggai.Proposal
}

// NewProposal shows the form and the member's proposals.
func (h *Handler) NewProposal(w http.ResponseWriter, r *http.Request) {
	h.renderNewProposal(w, r, http.StatusOK, &form{values: map[string]string{}, errs: &zhenggai.ValidationError{}}, nil)
}

func (h *Handler) renderNewProposal(w http.ResponseWriter, r *http.Request, status int, f *form, chosen map[int64]bool) {
	ctx := r.Context()
	u := auth.UserFrom(ctx)
	d := &proposalNewPage{Office: u.Role != zhenggai.RoleMember, Sources: zhenggai.ProposalSources,
		Deadline: h.today().AddWorkdays(5), Chosen: chosen}
	persons, err := h.Store.Persons(ctx, u.UnitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	for _, p := range persons {
		if p.Kind == zhenggai.PersonCPPCC && p.ID != u.PersonID {
			d.Members = append(d.Members, p)
		}
	}
	if u.PersonID != 0 {
		mine, err := h.Store.Proposals(ctx, store.ProposalQuery{UnitID: u.UnitID, PersonID: u.PersonID})
		if err != nil {
			h.fail(w, r, err)
			return
		}
		set, err := h.Store.Settings(ctx, u.UnitID)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		d.Mine = proposalRows(mine, set, h.today())
	}
	if t := f.get("title"); t != "" {
		if d.Similar, err = h.Store.SimilarProposals(ctx, u.UnitID, t, 5); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	if f.get("deadline") == "" {
		f.values["deadline"] = d.Deadline.String()
	}
	h.render(w, r, status, "proposal_new", &page{Title: "提交提案", Nav: "proposals-new", Data: d, Form: f.values, Errors: f.errMap()})
}

// CreateProposal saves the proposal: with co-signers chosen, a draft
// inviting them until the deadline (the last answer submits it);
// without, submitted. A member is its lead signer.
func (h *Handler) CreateProposal(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u := auth.UserFrom(ctx)
	r.Body = http.MaxBytesReader(w, r.Body, 256<<10)
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "表单过大或不完整"))
		return
	}
	f := newForm(r, "title", "content", "session", "timing", "source", "submitter", "lead", "deadline", "paper")
	p := &zhenggai.Proposal{UnitID: u.UnitID, Title: f.get("title"), Content: f.get("content"), Session: f.get("session"),
		Timing: zhenggai.ProposalTiming(f.get("timing")), Source: zhenggai.SourceMember}
	if p.Timing == "" {
		p.Timing = zhenggai.TimingSession
	}
	lead := u.PersonID
	submit := false
	if u.Role == zhenggai.RoleMember {
		if lead == 0 {
			f.errs.Add("title", "您的账号没有对应人员名册中的委员，请单位管理员在用户设置中关联")
		}
	} else {
		p.Source, p.Submitter = zhenggai.ProposalSource(f.get("source")), f.get("submitter")
		lead = f.int64("lead", "领衔提案人")
		submit = f.get("paper") == "1" // 纸质提案: co-signers signed already
	}
	deadline := f.date("deadline", "联名截止日期")
	chosen := map[int64]bool{}
	if lead != 0 || p.Source == zhenggai.SourceMember {
		p.Signers = append(p.Signers, zhenggai.ProposalSigner{PersonID: lead})
	}
	for _, v := range r.PostForm["cosigner"] {
		id, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		if err != nil || id <= 0 || chosen[id] || id == lead {
			continue
		}
		chosen[id] = true
		p.Signers = append(p.Signers, zhenggai.ProposalSigner{PersonID: id, Deadline: deadline})
	}
	if len(chosen) > zhenggai.MaxProposalSigners {
		f.errs.Add("cosigner", "联名人过多")
	}
	if f.valid() {
		if err := f.merge(h.Store.CreateProposal(ctx, p, submit)); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	if !f.valid() {
		// A signer's message is shown at the co-signers' field.
		for i, fe := range f.errs.Fields {
			switch {
			case fe.Field == "signers.0" && u.Role != zhenggai.RoleMember:
				f.errs.Fields[i].Field = "lead"
			case fe.Field == "signers.0":
				f.errs.Fields[i].Field = "title"
			case strings.HasPrefix(fe.Field, "signers"):
				f.errs.Fields[i].Field = "cosigner"
			}
		}
		h.renderNewProposal(w, r, http.StatusUnprocessableEntity, f, chosen)
		return
	}
	msg := "已提交提案，待提案委审查。"
	if p.Status == zhenggai.PropDraft {
		msg = fmt.Sprintf("已保存提案并邀请%d位委员联名；他们均答复后自动提交。", len(chosen))
	}
	redirect(w, r, fmt.Sprintf("/proposals/%d", p.ID), msg)
}

// SimilarProposals answers the title field as it is typed (htmx): the
// unit's earlier proposals on the same subject, best first, at most 5.
func (h *Handler) SimilarProposals(w http.ResponseWriter, r *http.Request) {
	u := auth.UserFrom(r.Context())
	title := zhenggai.Clip(strings.TrimSpace(r.URL.Query().Get("title")), zhenggai.MaxProposalTitle)
	list, err := h.Store.SimilarProposals(r.Context(), u.UnitID, title, 5)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	ps, err := loadPages()
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := ps["proposal_new"].ExecuteTemplate(&buf, "similar", list); err != nil {
		h.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(buf.Bytes())
}
