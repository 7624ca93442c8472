package ui

import (
	"net/http"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

// proposalListPage is the data of proposal_list.html: the register of a
// session or a year, with the due colours as the ledger shows them.
type proposalListPage struct {
	Unit      *zhenggai.Unit
	Base      string // /proposals, or /units/{id}/proposals for the office above
	Foreign   bool
	Sessions  []string
	Years     []int
	Session   string
	Year      int
	Status    zhenggai.ProposalStatus
	Colour    zhenggai.Colour
	KeyOnly   bool
	Handler   int64        // ?handler=: the lead or co-handling unit
	Handlers  []kindOption // the units the year's proposals went to
	Statuses  []zhenggai.ProposalStatus
	Rows      []proposalRow
	Counts    map[zhenggai.ProposalStatus]int
	Colours   zhenggai.ColourCounts
	Settings  *store.ProposalSettings
	Grounds   string // the settings as their textareas show them
	Classes   string
	Questions string
}

// proposalRow is a line of a list of proposals.
type proposalRow struct {
	P       *zhenggai.Proposal
	Lead    string // 领衔人 (and 等N人), or the submitting body
	Handler string // the lead handling unit
	Due     zhenggai.Date
	Colour  zhenggai.Colour
}

func proposalRows(ps []*zhenggai.Proposal, set zhenggai.Settings, today zhenggai.Date) []proposalRow {
	rows := make([]proposalRow, 0, len(ps))
	for _, p := range ps {
		row := proposalRow{P: p, Due: zhenggai.ProposalDueNow(p), Colour: zhenggai.ProposalColour(set, p, today), Lead: p.Submitter}
		if p.Source == zhenggai.SourceMember && len(p.Signers) > 0 {
			row.Lead = p.Signers[0].Name
			n := 0
			for _, s := range p.Signers[1:] {
				if !s.ConfirmedOn.IsZero() {
					n++
				}
			}
			if n > 0 {
				row.Lead += "等" + strconv.Itoa(n+1) + "人"
			}
		}
		for _, a := range p.Handlers {
			if a.Role == zhenggai.HandlerLead && a.ReturnedOn.IsZero() {
				row.Handler = a.Handler
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// ListProposals shows the unit's proposals of a session or a year, by
// status and due colour.
func (h *Handler) ListProposals(w http.ResponseWriter, r *http.Request) {
	h.renderProposalList(w, r, http.StatusOK, nil)
}

func (h *Handler) renderProposalList(w http.ResponseWriter, r *http.Request, status int, f *form) {
	ctx := r.Context()
	u, base, ok := h.registerUnit(w, r, "proposals")
	if !ok {
		return
	}
	q := r.URL.Query()
	d := &proposalListPage{Unit: u, Base: base, Foreign: base != "/proposals", Session: strings.TrimSpace(q.Get("session")),
		Status: zhenggai.ProposalStatus(q.Get("status")), Colour: zhenggai.Colour(q.Get("colour")), KeyOnly: q.Get("key") == "1",
		Statuses: zhenggai.ProposalStatuses, Counts: map[zhenggai.ProposalStatus]int{}, Colours: zhenggai.ColourCounts{}}
	if !d.Status.Valid() {
		d.Status = ""
	}
	if !d.Colour.Valid() {
		d.Colour = ""
	}
	if y, err := strconv.Atoi(q.Get("year")); err == nil && y >= 1949 && y <= 2100 {
		d.Year = y
	}
	if h, err := strconv.ParseInt(q.Get("handler"), 10, 64); err == nil && h > 0 {
		d.Handler = h
	}
	var err error
	if d.Sessions, _, err = h.Store.ProposalSessions(ctx, u.ID); err != nil {
		h.fail(w, r, err)
		return
	}
	for y := h.today().Year(); y >= h.today().Year()-9; y-- {
		d.Years = append(d.Years, y)
	}
	all, err := h.Store.Proposals(ctx, store.ProposalQuery{UnitID: u.ID, Session: d.Session, Year: d.Year, KeyOnly: d.KeyOnly})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	set, err := h.Store.Settings(ctx, u.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	seen := map[int64]bool{}
	for _, row := range proposalRows(all, set, h.today()) {
		handled := d.Handler == 0
		for _, a := range row.P.Handlers {
			if a.HandlerUnitID != 0 && !seen[a.HandlerUnitID] {
				seen[a.HandlerUnitID] = true
				d.Handlers = append(d.Handlers, kindOption{strconv.FormatInt(a.HandlerUnitID, 10), a.Handler})
			}
			handled = handled || a.HandlerUnitID == d.Handler && a.ReturnedOn.IsZero()
		}
		if !handled {
			continue
		}
		d.Counts[row.P.Status]++
		if row.Colour != "" {
			d.Colours[row.Colour]++
		}
		if (d.Status == "" || row.P.Status == d.Status) && (d.Colour == "" || row.Colour == d.Colour) {
			d.Rows = append(d.Rows, row)
		}
	}
	if d.Settings, err = h.Store.ProposalSettings(ctx, u.ID); err != nil {
		h.fail(w, r, err)
		return
	}
	d.Grounds = strings.Join(d.Settings.Grounds, "\n")
	d.Questions = strings.Join(d.Settings.Questions, "\n")
	var cl []string
	for _, c := range d.Settings.Classes {
		cl = append(cl, string(c.Class)+"="+c.Meaning)
	}
	d.Classes = strings.Join(cl, "\n")
	pg := &page{Title: "提案", Nav: "proposals", Data: d}
	if f != nil {
		pg.Form, pg.Errors = f.values, f.errMap()
	}
	h.render(w, r, status, "proposal_list", pg)
}

// SaveProposalSettings stores the unit's grounds of 不予立案, the classes'
// meanings, the feedback form's questions and the days to return an
// assignment.
func (h *Handler) SaveProposalSettings(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	f := newForm(r, "reject_grounds", "classes", "feedback_questions", "return_days")
	ps := &store.ProposalSettings{Grounds: strings.Split(f.get("reject_grounds"), "\n"),
		Questions: strings.Split(f.get("feedback_questions"), "\n"), ReturnDays: f.int("return_days", "退回交办的期限")}
	for _, line := range strings.Split(f.get("classes"), "\n") {
		k, v, ok := strings.Cut(strings.TrimSpace(line), "=")
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		if !ok {
			f.errs.Add("classes", "每行写作“A=所提问题已经解决或采纳”")
			continue
		}
		ps.Classes = append(ps.Classes, zhenggai.ReplyClassInfo{Class: zhenggai.ReplyClass(strings.ToUpper(strings.TrimSpace(k))), Meaning: strings.TrimSpace(v)})
	}
	if f.valid() {
		if err := f.merge(h.Store.SaveProposalSettings(r.Context(), auth.UserFrom(r.Context()).UnitID, ps)); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	if !f.valid() {
		h.renderProposalList(w, r, http.StatusUnprocessableEntity, f)
		return
	}
	redirect(w, r, "/proposals#settings", "已保存提案设置。")
}

// AssignedProposals is a handling unit's queue: the proposals given to
// it, those awaiting its reply first.
func (h *Handler) AssignedProposals(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u := auth.UserFrom(ctx)
	ps, err := h.Store.Proposals(ctx, store.ProposalQuery{HandlerUnitID: u.UnitID})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	set, err := h.Store.Settings(ctx, u.UnitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var waiting, rest []proposalRow
	for _, row := range proposalRows(ps, set, h.today()) {
		switch row.P.Status {
		case zhenggai.PropAssigned, zhenggai.PropRedo, zhenggai.PropFollowUp:
			waiting = append(waiting, row)
		default:
			rest = append(rest, row)
		}
	}
	h.render(w, r, http.StatusOK, "proposal_assigned", &page{Title: "承办提案", Nav: "proposals-assigned",
		Data: map[string][]proposalRow{"Waiting": waiting, "Rest": rest}})
}
