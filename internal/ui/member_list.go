package ui

import (
	"bytes"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/xlsx"
)

// memberListPage is the data of member_list.html: a term's members with
// the year's counts, score, grade and flags.
type memberListPage struct {
	Unit    *zhenggai.Unit
	Base    string // /members, or /units/{id}/members where the office reads a unit's
	Foreign bool
	Terms   []string
	Term    string
	Year    int
	Years   []int
	// Filters.
	Sector, Committee, Status, Q string
	Flagged                      bool
	Sectors, Committees          []string
	Statuses                     []kindOption
	Rows                         []*store.MemberRecord
	All                          int // members of the term before the filters
	FlaggedCount                 int
	Rules                        zhenggai.MemberRules
	Query                        string
	ImportErrors                 []string
}

// memberFilter is what ?term=&year=&sector=&committee=&status=&flag=&q= ask.
type memberFilter struct {
	term, sector, committee, status, q string
	year                               int
	flagged                            bool
}

func (h *Handler) readMemberFilter(r *http.Request) memberFilter {
	q := r.URL.Query()
	f := memberFilter{term: zhenggai.Clip(strings.TrimSpace(q.Get("term")), 40), sector: zhenggai.Clip(strings.TrimSpace(q.Get("sector")), 100),
		committee: zhenggai.Clip(strings.TrimSpace(q.Get("committee")), 100), status: q.Get("status"),
		q: zhenggai.Clip(strings.TrimSpace(q.Get("q")), 40), flagged: q.Get("flag") != "", year: h.today().Year()}
	if n, err := strconv.Atoi(q.Get("year")); err == nil && n >= 1949 && n <= 2100 {
		f.year = n
	}
	return f
}

// memberRecords reads the term's records (the latest term when none is
// asked) and keeps those the filters take.
func (h *Handler) memberRecords(r *http.Request, unitID int64, f *memberFilter) (terms []string, rows []*store.MemberRecord, all int, rules zhenggai.MemberRules, err error) {
	ctx := r.Context()
	if terms, err = h.Store.MemberTerms(ctx, unitID); err != nil {
		return
	}
	if f.term == "" && len(terms) > 0 {
		f.term = terms[0]
	}
	recs, rules, err := h.Store.MemberRecords(ctx, unitID, f.term, 0, f.year)
	if err != nil {
		return
	}
	for _, x := range recs {
		m := x.Member
		if f.sector != "" && m.Sector != f.sector || f.committee != "" && m.Committee != f.committee ||
			f.status != "" && string(m.Status) != f.status || f.flagged && len(x.Flags) == 0 ||
			f.q != "" && !strings.Contains(zhenggai.PersonKey(m.Name), zhenggai.PersonKey(f.q)) {
			continue
		}
		rows = append(rows, x)
	}
	return terms, rows, len(recs), rules, nil
}

// ListMembers shows a term's members (/members, /units/{id}/members).
func (h *Handler) ListMembers(w http.ResponseWriter, r *http.Request) {
	h.renderMemberList(w, r, http.StatusOK, nil)
}

func (h *Handler) renderMemberList(w http.ResponseWriter, r *http.Request, status int, importErrors []string) {
	u, base, ok := h.registerUnit(w, r, "members")
	if !ok {
		return
	}
	f := h.readMemberFilter(r)
	terms, rows, all, rules, err := h.memberRecords(r, u.ID, &f)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := &memberListPage{Unit: u, Base: base, Foreign: base != "/members", Terms: terms, Term: f.term, Year: f.year,
		Sector: f.sector, Committee: f.committee, Status: f.status, Q: f.q, Flagged: f.flagged, Rows: rows, All: all,
		Rules: rules, ImportErrors: importErrors}
	for _, s := range zhenggai.MemberStatuses {
		d.Statuses = append(d.Statuses, kindOption{string(s), s.Label()})
	}
	// The sectors and committees of the whole term, for the filters.
	everyone, err := h.Store.CPPCCMembers(r.Context(), u.ID, f.term, false)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	for _, m := range everyone {
		if m.Sector != "" && !slices.Contains(d.Sectors, m.Sector) {
			d.Sectors = append(d.Sectors, m.Sector)
		}
		if m.Committee != "" && !slices.Contains(d.Committees, m.Committee) {
			d.Committees = append(d.Committees, m.Committee)
		}
	}
	for _, x := range rows {
		if len(x.Flags) > 0 {
			d.FlaggedCount++
		}
	}
	for y := h.today().Year(); y >= h.today().Year()-9; y-- {
		d.Years = append(d.Years, y)
	}
	flag := ""
	if f.flagged {
		flag = "1"
	}
	d.Query = buildQuery("term", f.term, "year", strconv.Itoa(f.year), "sector", f.sector, "committee", f.committee,
		"status", f.status, "flag", flag, "q", f.q)
	h.render(w, r, status, "member_list", &page{Title: "政协委员", Nav: "members", Data: d})
}

// ExportMembers writes the members shown, with the year's counts, as the
// list the import reads.
func (h *Handler) ExportMembers(w http.ResponseWriter, r *http.Request) {
	u, _, ok := h.registerUnit(w, r, "members")
	if !ok {
		return
	}
	f := h.readMemberFilter(r)
	_, rows, _, _, err := h.memberRecords(r, u.ID, &f)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	title := fmt.Sprintf("%s%s委员名单（%d年履职情况）", u.Name, f.term, f.year)
	var buf bytes.Buffer
	if err := xlsx.WriteMembers(&buf, title, rows); err != nil {
		h.fail(w, r, err)
		return
	}
	sendFile(w, xlsx.FileName(h.today(), ".xlsx", u.Name, f.term+"委员名单"), xlsx.MediaType, buf.Bytes())
}

// ExportMemberActivities writes the term's activities of a year as the list the import reads.
func (h *Handler) ExportMemberActivities(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u, _, ok := h.registerUnit(w, r, "members")
	if !ok {
		return
	}
	f := h.readMemberFilter(r)
	if f.term == "" {
		terms, err := h.Store.MemberTerms(ctx, u.ID)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		if len(terms) > 0 {
			f.term = terms[0]
		}
	}
	ms, err := h.Store.CPPCCMembers(ctx, u.ID, f.term, false)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	names := map[int64]string{}
	for _, m := range ms {
		names[m.ID] = m.Name
	}
	acts, err := h.Store.MemberActivities(ctx, u.ID, 0, f.year)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var keep []*zhenggai.MemberActivity
	for _, a := range acts {
		if _, ok := names[a.MemberID]; ok {
			keep = append(keep, a)
		}
	}
	var buf bytes.Buffer
	if err := xlsx.WriteActivities(&buf, fmt.Sprintf("%s%s委员%d年履职活动", u.Name, f.term, f.year), keep, names); err != nil {
		h.fail(w, r, err)
		return
	}
	sendFile(w, xlsx.FileName(h.today(), ".xlsx", u.Name, fmt.Sprintf("委员%d年履职活动", f.year)), xlsx.MediaType, buf.Bytes())
}
