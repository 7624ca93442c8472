package api

import (
	"net/http"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

// memberRecordJSON is a member with a year's counts, score and flags.
type memberRecordJSON struct {
	Member *zhenggai.CPPCCMember `json:"member"`
	Year   int                   `json:"year"`
	Counts map[string]int        `json:"counts"` // keys of the scheme's statistics (zhenggai.ScoreKeys)
	Score  zhenggai.MemberScore  `json:"score"`
	Flags  []zhenggai.MemberFlag `json:"flags"`
	Years  []memberYearScoreJSON `json:"years,omitempty"` // GET one member: every year of his term
}

// memberYearScoreJSON is one year of a member's term, its score explained.
type memberYearScoreJSON struct {
	Year   int                  `json:"year"`
	Counts map[string]int       `json:"counts"`
	Score  zhenggai.MemberScore `json:"score"`
}

// memberListJSON answers GET /api/v1/members.
type memberListJSON struct {
	UnitID  int64              `json:"unit_id"`
	Terms   []string           `json:"terms"`
	Term    string             `json:"term"`
	Year    int                `json:"year"`
	Pass    int                `json:"pass"`
	Members []memberRecordJSON `json:"members"`
}

func memberRecord(x *store.MemberRecord) memberRecordJSON {
	c := x.Counts[x.Year]
	if c == nil {
		c = map[string]int{}
	}
	flags := x.Flags
	if flags == nil {
		flags = []zhenggai.MemberFlag{}
	}
	return memberRecordJSON{Member: x.Member, Year: x.Year, Counts: c, Score: x.Score, Flags: flags}
}

// memberYear reads ?year= (this year when absent).
func (h *Handler) memberYear(w http.ResponseWriter, r *http.Request) (int, bool) {
	year := zhenggai.DateOf(h.Now()).Year()
	if y := r.URL.Query().Get("year"); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 1949 || n > 2100 {
			h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "year 须为1949至2100之间的年份"))
			return 0, false
		}
		year = n
	}
	return year, true
}

// ListMembers is GET /api/v1/members?term=&year=: the caller's unit's
// members of a term (the latest without) with the year's counts, score
// explained and flags.
func (h *Handler) ListMembers(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	unitID := auth.UserFrom(ctx).UnitID
	year, ok := h.memberYear(w, r)
	if !ok {
		return
	}
	terms, err := h.Store.MemberTerms(ctx, unitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	term := zhenggai.Clip(strings.TrimSpace(r.URL.Query().Get("term")), 40)
	if term == "" && len(terms) > 0 {
		term = terms[0]
	}
	recs, rules, err := h.Store.MemberRecords(ctx, unitID, term, 0, year)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if terms == nil {
		terms = []string{}
	}
	out := memberListJSON{UnitID: unitID, Terms: terms, Term: term, Year: year, Pass: rules.Scheme.Pass, Members: []memberRecordJSON{}}
	for _, x := range recs {
		out.Members = append(out.Members, memberRecord(x))
	}
	writeJSON(w, http.StatusOK, out)
}

// GetMember is GET /api/v1/members/{id}?year=: the member, the year's
// record, and every year of his term with its score explained.
func (h *Handler) GetMember(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	year, ok := h.memberYear(w, r)
	if !ok {
		return
	}
	h.writeMember(w, r, http.StatusOK, id, year)
}

func (h *Handler) writeMember(w http.ResponseWriter, r *http.Request, status int, id int64, year int) {
	ctx := r.Context()
	m, err := h.Store.CPPCCMember(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := memberRecordJSON{Member: m, Year: year, Counts: map[string]int{}, Flags: []zhenggai.MemberFlag{}, Years: []memberYearScoreJSON{}}
	if !m.Voided {
		recs, rules, err := h.Store.MemberRecords(ctx, m.UnitID, m.Term, m.ID, year)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		if len(recs) == 1 {
			out = memberRecord(recs[0])
			out.Years = []memberYearScoreJSON{}
			for _, y := range recs[0].Years {
				c := recs[0].Counts[y]
				if c == nil {
					c = map[string]int{}
				}
				out.Years = append(out.Years, memberYearScoreJSON{Year: y, Counts: c, Score: zhenggai.Score(rules.Scheme, c)})
			}
		}
	}
	writeJSON(w, status, out)
}

func init() {
	apiOps["GET /api/v1/members"] = apiOp{summary: "本单位某届（不填为最近一届）政协委员及其某年（不填为今年）的出席、请假、缺席、提案、社情民意、微建议、履职活动次数，" +
		"考核得分（每一项的计分说明）、等次和提示（连续两年未提交提案、无故缺席全体会议、请假超过设定、连续两年低于合格线）",
		response: (*memberListJSON)(nil), query: []apiParam{{"term", "string", "届次，如 第九届"}, {"year", "integer", "年度，不填为今年"}}}
	apiOps["GET /api/v1/members/{id}"] = apiOp{summary: "一名委员的履职档案：所选年度的统计、得分和提示，及本届每一年的得分（逐项说明）",
		response: (*memberRecordJSON)(nil), query: []apiParam{{"year", "integer", "年度，不填为今年"}}}
}
