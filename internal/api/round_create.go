package api

import (
	"net/http"
	"strconv"
	"zhenggai/internal/auth"

	"zhenggai"
)

// roundRequest is what a client may send about a round. Declared and
// note are optional: omitted, a new round has none and an update keeps
// the stored ones. An omitted kind is 巡察 on create and unchanged on update.
type roundRequest struct {
	Unit         string           `json:"unit"`
	Inspector    string           `json:"inspector"`
	Kind         string           `json:"kind"`
	OnsiteStart  string           `json:"onsite_start"`
	OnsiteEnd    string           `json:"onsite_end"`
	FeedbackDate string           `json:"feedback_date"`
	Declared     *declaredRequest `json:"declared"`
	Note         *string          `json:"note"`
	// Texts of the progress report; omitted, kept as they are.
	ReportLeadingGroup *string `json:"report_leading_group"`
	ReportWork         *string `json:"report_work"`
	ReportFollowUp     *string `json:"report_follow_up"`
	ReportTitle        *string `json:"report_title"`
	ReportSignature    *string `json:"report_signature"`
	// On create: the unit is his own though named otherwise (kept as an
	// alias), or the office to register an unknown unit under.
	UnitMine   bool  `json:"unit_mine"`
	UnitParent int64 `json:"unit_parent"`
}

// declaredRequest is zhenggai.Declared with its date as a string.
type declaredRequest struct {
	AsOf               string `json:"as_of"`
	Categories         int    `json:"categories"`
	Problems           int    `json:"problems"`
	Completed          int    `json:"completed"`
	BasicallyCompleted int    `json:"basically_completed"`
	InProgress         int    `json:"in_progress"`
	NotCompleted       int    `json:"not_completed"`
	RatePercent        int    `json:"rate_percent"`
	// Omitted, kept as they are (an import filled them from the report).
	Measures *int               `json:"measures"`
	Outcomes *zhenggai.Outcomes `json:"outcomes"`
}

// apply writes the request onto rd (a new round, or the stored one) and
// returns every reason it is wrong.
func (req *roundRequest) apply(v *zhenggai.ValidationError, rd *zhenggai.Round) error {
	rd.Unit, rd.Inspector = req.Unit, req.Inspector
	if req.Kind != "" {
		rd.Kind = zhenggai.Kind(req.Kind)
	}
	rd.Onsite.Start = parseDate(v, "onsite_start", "进驻日期", req.OnsiteStart)
	rd.Onsite.End = parseDate(v, "onsite_end", "结束日期", req.OnsiteEnd)
	rd.FeedbackDate = parseDate(v, "feedback_date", "反馈日期", req.FeedbackDate)
	if d := req.Declared; d != nil {
		prev := rd.Declared
		rd.Declared = zhenggai.Declared{
			AsOf:       parseDate(v, "declared.as_of", "公布截至日期", d.AsOf),
			Categories: d.Categories, Problems: d.Problems, Completed: d.Completed,
			BasicallyCompleted: d.BasicallyCompleted, InProgress: d.InProgress,
			NotCompleted: d.NotCompleted, RatePercent: d.RatePercent,
			Measures: prev.Measures, Outcomes: prev.Outcomes,
		}
		if d.Measures != nil {
			rd.Declared.Measures = *d.Measures
		}
		if d.Outcomes != nil {
			rd.Declared.Outcomes = *d.Outcomes
		}
		if d.RatePercent < 0 || d.RatePercent > 100 {
			v.Add("declared.rate_percent", "公布的完成率须在0至100之间")
		}
	}
	if req.Note != nil {
		rd.Note = *req.Note
	}
	for _, t := range []struct {
		from *string
		to   *string
	}{{req.ReportLeadingGroup, &rd.ReportLeadingGroup}, {req.ReportWork, &rd.ReportWork}, {req.ReportFollowUp, &rd.ReportFollowUp},
		{req.ReportTitle, &rd.ReportTitle}, {req.ReportSignature, &rd.ReportSignature}} {
		if t.from != nil {
			*t.to = *t.from
		}
	}
	return merge(v, rd.Validate())
}

// CreateRound is POST /api/v1/rounds.
func (h *Handler) CreateRound(w http.ResponseWriter, r *http.Request) {
	var req roundRequest
	if !h.decode(w, r, &req) {
		return
	}
	rd := &zhenggai.Round{Kind: zhenggai.KindInspection}
	if err := req.apply(&zhenggai.ValidationError{}, rd); err != nil {
		h.fail(w, r, err)
		return
	}
	place, err := h.Store.PlaceRound(r.Context(), auth.UserFrom(r.Context()), rd.Unit, rd.ReportSignature,
		zhenggai.UnitChoice{Mine: req.UnitMine, ParentID: req.UnitParent})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	rd.Place = place
	if err := h.Store.CreateRound(r.Context(), rd); err != nil {
		h.fail(w, r, err)
		return
	}
	out, err := h.roundObject(r.Context(), rd.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/rounds/"+strconv.FormatInt(rd.ID, 10))
	writeJSON(w, http.StatusCreated, out)
}
