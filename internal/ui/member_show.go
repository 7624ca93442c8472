package ui

import (
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

// memberFilePage is the data of member_show.html: a member's file for his
// term (一人一档), every point of each year's score explained.
type memberFilePage struct {
	M           *zhenggai.CPPCCMember
	Unit        *zhenggai.Unit
	Rules       zhenggai.MemberRules
	Years       []memberYear // the latest first
	Flags       []zhenggai.MemberFlag
	Meetings    []store.MemberMeeting
	Proposals   []store.MemberProposal
	Suggestions []store.MemberSuggestion
	Activities  []*zhenggai.MemberActivity
	Kinds       []kindOption
	// Own: the member's own view (/my/record), without the office's forms;
	// Terms are his other terms there.
	Own   bool
	Terms []*zhenggai.CPPCCMember
}

// memberYear is one year of the file: its score, explained.
type memberYear struct {
	Year  int
	Score zhenggai.MemberScore
}

// ShowMember shows a member's file (/members/{id}).
func (h *Handler) ShowMember(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	m, err := h.Store.CPPCCMember(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.renderMemberFile(w, r, m, false, nil)
}

// ShowMyRecord shows a member his own file (DESIGN: 委员 see his own
// performance record): the member of his account's person in his unit,
// the latest term unless ?term= names another.
func (h *Handler) ShowMyRecord(w http.ResponseWriter, r *http.Request) {
	u := auth.UserFrom(r.Context())
	if u == nil || u.PersonID == 0 {
		h.fail(w, r, zhenggai.Errorf(zhenggai.ENOTFOUND, "您的账号没有对应人员名册中的委员，无法查看履职档案：请联系政协办公室将账号对应到人员名册"))
		return
	}
	all, err := h.Store.MembersOfPerson(r.Context(), u.PersonID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var mine []*zhenggai.CPPCCMember
	for _, m := range all {
		if m.UnitID == u.UnitID {
			mine = append(mine, m)
		}
	}
	if len(mine) == 0 {
		h.fail(w, r, zhenggai.Errorf(zhenggai.ENOTFOUND, "委员名单中没有您的履职档案：请联系政协办公室登记"))
		return
	}
	m := mine[0]
	for _, x := range mine {
		if x.Term == r.URL.Query().Get("term") {
			m = x
		}
	}
	h.renderMemberFile(w, r, m, true, mine)
}

func (h *Handler) renderMemberFile(w http.ResponseWriter, r *http.Request, m *zhenggai.CPPCCMember, own bool, terms []*zhenggai.CPPCCMember) {
	ctx := r.Context()
	u, err := h.Store.Unit(ctx, m.UnitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := &memberFilePage{M: m, Unit: u, Own: own, Terms: terms}
	year := h.today().Year()
	if !m.Voided {
		recs, rules, err := h.Store.MemberRecords(ctx, m.UnitID, m.Term, m.ID, year)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		d.Rules = rules
		if len(recs) == 1 {
			rec := recs[0]
			d.Flags = rec.Flags
			for i := len(rec.Years) - 1; i >= 0; i-- {
				y := rec.Years[i]
				d.Years = append(d.Years, memberYear{Year: y, Score: zhenggai.Score(rules.Scheme, rec.Counts[y])})
			}
		}
		from := year
		if len(d.Years) > 0 {
			from = d.Years[len(d.Years)-1].Year
		}
		if d.Meetings, err = h.Store.MemberMeetings(ctx, m, rules, from); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	if d.Proposals, err = h.Store.MemberProposals(ctx, m); err != nil {
		h.fail(w, r, err)
		return
	}
	if d.Suggestions, err = h.Store.MemberSuggestions(ctx, m); err != nil {
		h.fail(w, r, err)
		return
	}
	if d.Activities, err = h.Store.MemberActivities(ctx, m.UnitID, m.ID, 0); err != nil {
		h.fail(w, r, err)
		return
	}
	for _, k := range zhenggai.ActivityKinds {
		d.Kinds = append(d.Kinds, kindOption{string(k), k.Label()})
	}
	nav := "members"
	if own {
		nav = "myrecord"
	}
	h.render(w, r, http.StatusOK, "member_show", &page{Title: m.Name + " 委员履职档案", Nav: nav, Data: d,
		Form: map[string]string{"on": h.today().String()}})
}

// SuggestionKind names a suggestion's kind (the suggestions register's
// own labels may come later; the file needs only these two).
func (*memberFilePage) SuggestionKind(k zhenggai.SuggestionKind) string {
	switch k {
	case zhenggai.SuggestMicro:
		return "微建议"
	case zhenggai.SuggestSQMY:
		return "社情民意信息"
	}
	return string(k)
}

// Adoption names the level a suggestion was adopted at, "" for none.
func (*memberFilePage) Adoption(level string) string {
	switch zhenggai.AdoptionLevel(level) {
	case zhenggai.AdoptCounty:
		return "县级采用"
	case zhenggai.AdoptCity:
		return "市级采用"
	case zhenggai.AdoptProvince:
		return "省级采用"
	case zhenggai.AdoptNational:
		return "全国采用"
	case zhenggai.AdoptNone:
		return ""
	}
	return level
}

// IsMember tells the menu to offer a member his own file.
func (p *page) IsMember() bool {
	return p.User != nil && p.User.Role == zhenggai.RoleMember && p.User.PersonID != 0
}
