package api

import (
	"net/http"
	"strconv"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

// studySessionJSON is one study session (a meeting of a study type).
type studySessionJSON struct {
	MeetingID int64         `json:"meeting_id"`
	Type      string        `json:"type"`
	Number    int           `json:"number"`
	Date      zhenggai.Date `json:"date"`
	Chair     string        `json:"chair"`
	Topics    string        `json:"topics"`
	Present   int           `json:"present"`
	Leave     int           `json:"leave"`
	Absent    int           `json:"absent"`
}

// studyTypeJSON counts a study type's sessions of the year.
type studyTypeJSON struct {
	Type     string `json:"type"`
	Sessions int    `json:"sessions"`
	Present  int    `json:"present"`
	Leave    int    `json:"leave"`
	Absent   int    `json:"absent"`
}

// studyJSON answers GET /api/v1/study.
type studyJSON struct {
	UnitID      int64              `json:"unit_id"`
	Year        int                `json:"year"`
	StudyTypes  []string           `json:"study_types"`
	Types       []studyTypeJSON    `json:"types"`
	Sessions    []studySessionJSON `json:"sessions"`
	NotesChecks int                `json:"notes_checks"`
}

// ListStudy is GET /api/v1/study?year=: the caller's unit's study sessions
// of a year (this year by default) by type, from the meetings register.
func (h *Handler) ListStudy(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	unitID := auth.UserFrom(ctx).UnitID
	year := zhenggai.DateOf(h.Now()).Year()
	if y := r.URL.Query().Get("year"); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 1949 || n > 2100 {
			h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "year 须为1949至2100之间的年份"))
			return
		}
		year = n
	}
	types, err := h.Store.StudyTypes(ctx, unitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	sessions, err := h.Store.StudySessions(ctx, unitID, year, types)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	checks, err := h.Store.NotesChecks(ctx, store.NotesCheckQuery{UnitID: unitID, Year: year})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := studyJSON{UnitID: unitID, Year: year, StudyTypes: append([]string{}, types...), Types: []studyTypeJSON{},
		Sessions: []studySessionJSON{}, NotesChecks: len(checks)}
	for _, t := range types {
		c := studyTypeJSON{Type: t}
		for _, s := range sessions {
			if s.Type == t {
				c.Sessions++
				c.Present, c.Leave, c.Absent = c.Present+s.Present, c.Leave+s.Leave, c.Absent+s.Absent
			}
		}
		out.Types = append(out.Types, c)
	}
	for _, s := range sessions {
		out.Sessions = append(out.Sessions, studySessionJSON{s.ID, s.Type, s.Number, s.Date, s.Chair, s.Topics, s.Present, s.Leave, s.Absent})
	}
	writeJSON(w, http.StatusOK, out)
}

func init() {
	apiOps["GET /api/v1/study"] = apiOp{summary: "本单位一年的理论学习：学习类会议（中心组学习、支部学习、党课等，取自会议记录）按类型的次数和出席、请假、缺席人次，及学习笔记检查人次",
		response: (*studyJSON)(nil), query: []apiParam{{"year", "integer", "年度，不填为今年"}}}
}
