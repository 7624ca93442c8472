package ui

import (
	"net/http"
	"strconv"

	"zhenggai"
	"zhenggai/internal/store"
)

// The study register (理论学习): the study sessions of a year, by type,
// from the meetings register (the meetings of the unit's study types),
// with their attendance counts and a link to each meeting; the notes
// checks are the next page's.

type studyTypeView struct {
	Type     string
	Sessions []store.StudySession
	Present  int
	Leave    int
	Absent   int
}

type studyListPage struct {
	Unit    *zhenggai.Unit
	Base    string // /study, or /units/{id}/study
	Foreign bool
	Year    int
	Years   []int
	Types   []studyTypeView
	Total   int
	Checks  int // notes checks of the year
}

// ListStudy shows a year's study sessions by type.
func (h *Handler) ListStudy(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u, base, ok := h.registerUnit(w, r, "study")
	if !ok {
		return
	}
	types, err := h.Store.StudyTypes(ctx, u.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	years, err := h.Store.StudyYears(ctx, u.ID, types)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := &studyListPage{Unit: u, Base: base, Foreign: base != "/study", Year: h.today().Year()}
	if len(years) > 0 {
		d.Year = years[0]
	}
	if n, err := strconv.Atoi(r.URL.Query().Get("year")); err == nil && n >= 1949 && n <= 2100 {
		d.Year = n
	}
	seen := map[int]bool{}
	for _, y := range append([]int{h.today().Year(), d.Year}, years...) {
		if !seen[y] {
			seen[y] = true
			d.Years = append(d.Years, y)
		}
	}
	sessions, err := h.Store.StudySessions(ctx, u.ID, d.Year, types)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	for _, t := range types {
		v := studyTypeView{Type: t}
		for _, s := range sessions {
			if s.Type == t {
				v.Sessions = append(v.Sessions, s)
				v.Present, v.Leave, v.Absent = v.Present+s.Present, v.Leave+s.Leave, v.Absent+s.Absent
			}
		}
		d.Total += len(v.Sessions)
		d.Types = append(d.Types, v)
	}
	checks, err := h.Store.NotesChecks(ctx, store.NotesCheckQuery{UnitID: u.ID, Year: d.Year})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d.Checks = len(checks)
	h.render(w, r, http.StatusOK, "study_list", &page{Title: "理论学习", Nav: "study", Data: d})
}
