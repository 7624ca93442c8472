package api

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

// suggestionCountJSON counts the suggestions listed.
type suggestionCountJSON struct {
	Total      int `json:"total"`
	Micro      int `json:"micro"`
	SQMY       int `json:"sqmy"`
	Platform   int `json:"platform"`
	Paper      int `json:"paper"`
	Adopted    int `json:"adopted"`
	County     int `json:"county"`
	City       int `json:"city"`
	Province   int `json:"province"`
	National   int `json:"national"`
	Instructed int `json:"instructed"`
}

// suggestionListJSON answers GET /api/v1/suggestions.
type suggestionListJSON struct {
	UnitID      int64                  `json:"unit_id"`
	Year        int                    `json:"year,omitempty"`
	Counts      suggestionCountJSON    `json:"counts"`
	Suggestions []*zhenggai.Suggestion `json:"suggestions"`
}

// ListSuggestions is GET /api/v1/suggestions?year=&kind=&via=&adopted=&member_id=:
// the caller's unit's suggestions with their counts by level.
func (h *Handler) ListSuggestions(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	sq := store.SuggestionQuery{UnitID: auth.UserFrom(r.Context()).UnitID, Kind: zhenggai.SuggestionKind(q.Get("kind")),
		Via: zhenggai.SuggestionVia(q.Get("via")), Adopted: q.Get("adopted"), Instructed: q.Get("instructed") == "true"}
	v := &zhenggai.ValidationError{}
	if y := q.Get("year"); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 1949 || n > 2100 {
			v.Add("year", "year 须为1949至2100之间的年份")
		}
		sq.Year = n
	}
	if sq.Kind != "" && !sq.Kind.Valid() {
		v.Add("kind", "kind 须为 micro 或 sqmy")
	}
	if sq.Via != "" && !sq.Via.Valid() {
		v.Add("via", "via 须为 platform 或 paper")
	}
	if a := sq.Adopted; a != "" && a != "any" && a != "none" && !zhenggai.AdoptionLevel(a).Valid() {
		v.Add("adopted", "adopted 须为 any、none、county、city、province 或 national")
	}
	if m := q.Get("member_id"); m != "" {
		n, err := strconv.ParseInt(m, 10, 64)
		if err != nil || n <= 0 {
			v.Add("member_id", "member_id 须为正整数")
		}
		sq.MemberID = n
	}
	if err := v.Err(); err != nil {
		h.fail(w, r, err)
		return
	}
	list, err := h.Store.Suggestions(r.Context(), sq)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := suggestionListJSON{UnitID: sq.UnitID, Year: sq.Year, Suggestions: []*zhenggai.Suggestion{}}
	var c zhenggai.SuggestionCount
	for _, s := range list {
		c.Add(s)
		out.Suggestions = append(out.Suggestions, s)
	}
	out.Counts = suggestionCountJSON{c.Total, c.Micro, c.SQMY, c.Platform, c.Paper, c.All, c.County, c.City, c.Province, c.National, c.Instructed}
	writeJSON(w, http.StatusOK, out)
}

// suggestionRequest is a suggestion as a client sends it: the proposer by
// member_id, or by name (matched to the roster and the CPPCC members; two
// members of one name are a 422).
type suggestionRequest struct {
	MemberID     int64                   `json:"member_id"`
	Name         string                  `json:"name"`
	Kind         zhenggai.SuggestionKind `json:"kind"`
	Via          zhenggai.SuggestionVia  `json:"via"`
	Title        string                  `json:"title"`
	Content      string                  `json:"content"`
	On           zhenggai.Date           `json:"on"`
	Adopted      zhenggai.AdoptionLevel  `json:"adopted"`
	AdoptedOn    zhenggai.Date           `json:"adopted_on"`
	AdoptedBy    string                  `json:"adopted_by"`
	Instruction  string                  `json:"instruction"`
	InstructedBy string                  `json:"instructed_by"`
	InstructedOn zhenggai.Date           `json:"instructed_on"`
}

type suggestionUpdateRequest struct {
	suggestionRequest
	Version int64 `json:"version"`
}

func (req *suggestionRequest) apply(s *zhenggai.Suggestion) {
	s.MemberID, s.Name, s.Kind, s.Via, s.Title, s.Content, s.On = req.MemberID, strings.TrimSpace(req.Name), req.Kind, req.Via, req.Title, req.Content, req.On
	s.Adopted, s.AdoptedOn, s.AdoptedBy = req.Adopted, req.AdoptedOn, req.AdoptedBy
	s.Instruction, s.InstructedBy, s.InstructedOn = req.Instruction, req.InstructedBy, req.InstructedOn
}

// CreateSuggestion is POST /api/v1/suggestions.
func (h *Handler) CreateSuggestion(w http.ResponseWriter, r *http.Request) {
	var req suggestionRequest
	if !h.decode(w, r, &req) {
		return
	}
	ctx := r.Context()
	s := &zhenggai.Suggestion{UnitID: auth.UserFrom(ctx).UnitID}
	req.apply(s)
	if err := h.Store.SaveSuggestion(ctx, s); err != nil {
		h.fail(w, r, err)
		return
	}
	h.writeSuggestion(w, r, http.StatusCreated, s.ID)
}

// GetSuggestion is GET /api/v1/suggestions/{id}.
func (h *Handler) GetSuggestion(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	h.writeSuggestion(w, r, http.StatusOK, id)
}

// UpdateSuggestion is PUT /api/v1/suggestions/{id}: the whole suggestion
// replaced at its current version.
func (h *Handler) UpdateSuggestion(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	var req suggestionUpdateRequest
	if !h.decode(w, r, &req) {
		return
	}
	ctx := r.Context()
	stored, err := h.Store.Suggestion(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := &zhenggai.ValidationError{}
	requireVersion(v, "version", req.Version)
	if err := v.Err(); err != nil {
		h.fail(w, r, err)
		return
	}
	s := &zhenggai.Suggestion{ID: id, UnitID: stored.UnitID, Sample: stored.Sample, Version: req.Version}
	req.apply(s)
	if err := h.Store.SaveSuggestion(ctx, s); err != nil {
		h.failSave(w, r, err, req.Version, func(ctx context.Context) (any, int64, error) {
			cur, err := h.Store.Suggestion(ctx, id)
			if err != nil {
				return nil, 0, err
			}
			return cur, cur.Version, nil
		})
		return
	}
	h.writeSuggestion(w, r, http.StatusOK, id)
}

func (h *Handler) writeSuggestion(w http.ResponseWriter, r *http.Request, status int, id int64) {
	s, err := h.Store.Suggestion(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, status, s)
}

func init() {
	apiOps["GET /api/v1/suggestions"] = apiOp{summary: "本单位的微建议和社情民意信息，及按类别、报送方式、采用级别（县级、市级、省级、全国政协）和领导批示的计数",
		response: (*suggestionListJSON)(nil), query: []apiParam{{"year", "integer", "提出年度，不填为全部"}, {"kind", "string", "micro 微建议、sqmy 社情民意"},
			{"via", "string", "platform 平台、paper 书面"}, {"adopted", "string", "any 已采用、none 未采用，或 county、city、province、national"},
			{"member_id", "integer", "政协委员"}, {"instructed", "boolean", "true：只列有领导批示的"}}}
	apiOps["POST /api/v1/suggestions"] = apiOp{summary: "登记一条微建议或社情民意信息；提出人按 member_id 或姓名对应政协委员（同名两人为422）；采用须有采用日期，批示须有批示领导和日期",
		request: (*suggestionRequest)(nil), response: (*zhenggai.Suggestion)(nil), created: true}
	apiOps["GET /api/v1/suggestions/{id}"] = apiOp{summary: "一条微建议或社情民意信息", response: (*zhenggai.Suggestion)(nil)}
	apiOps["PUT /api/v1/suggestions/{id}"] = apiOp{summary: "修改微建议或社情民意信息（整条替换，须带当前 version）",
		request: (*suggestionUpdateRequest)(nil), response: (*zhenggai.Suggestion)(nil)}
	apiOps["POST /api/v1/suggestions/{id}/void"] = apiOp{summary: "作废微建议或社情民意信息（须写明理由 reason）；已作废为409",
		request: (*voidRequest)(nil), response: (*voidJSON)(nil)}
	apiOps["POST /api/v1/suggestions/{id}/restore"] = apiOp{summary: "单位管理员恢复已作废的微建议或社情民意信息；未作废为409", response: (*voidJSON)(nil)}
}
