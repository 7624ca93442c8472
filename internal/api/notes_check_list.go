package api

import (
	"net/http"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

// notesCheckListJSON answers GET /api/v1/study/notes.
type notesCheckListJSON struct {
	UnitID int64                  `json:"unit_id"`
	Year   int                    `json:"year,omitempty"`
	Checks []*zhenggai.NotesCheck `json:"checks"`
}

// ListNotesChecks is GET /api/v1/study/notes?year=&person_id=&result=.
func (h *Handler) ListNotesChecks(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	nq := store.NotesCheckQuery{UnitID: auth.UserFrom(r.Context()).UnitID, Result: zhenggai.NotesResult(q.Get("result"))}
	v := &zhenggai.ValidationError{}
	if y := q.Get("year"); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 1949 || n > 2100 {
			v.Add("year", "year 须为1949至2100之间的年份")
		}
		nq.Year = n
	}
	if p := q.Get("person_id"); p != "" {
		n, err := strconv.ParseInt(p, 10, 64)
		if err != nil || n <= 0 {
			v.Add("person_id", "person_id 须为正整数")
		}
		nq.PersonID = n
	}
	if nq.Result != "" && !nq.Result.Valid() {
		v.Add("result", "result 须为 pass、incomplete 或 none")
	}
	if err := v.Err(); err != nil {
		h.fail(w, r, err)
		return
	}
	list, err := h.Store.NotesChecks(r.Context(), nq)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, notesCheckListJSON{UnitID: nq.UnitID, Year: nq.Year, Checks: list})
}

// notesSittingRequest is one sitting of checks: a checker, a day, a
// period, and the persons checked with their results.
type notesSittingRequest struct {
	CheckerName string        `json:"checker_name"`
	On          zhenggai.Date `json:"on"`
	Period      string        `json:"period"` // 2020-Q3, 2020-09, 2020年第3季度 …
	Checks      []struct {
		PersonID int64                `json:"person_id"`
		Name     string               `json:"name"`
		Result   zhenggai.NotesResult `json:"result"`
		Remark   string               `json:"remark"`
	} `json:"checks"`
}

// CreateNotesChecks is POST /api/v1/study/notes: a sitting's checks, all
// or none.
func (h *Handler) CreateNotesChecks(w http.ResponseWriter, r *http.Request) {
	var req notesSittingRequest
	if !h.decode(w, r, &req) {
		return
	}
	ctx := r.Context()
	unitID := auth.UserFrom(ctx).UnitID
	if len(req.Checks) == 0 || len(req.Checks) > 500 {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "checks 须有1至500人"))
		return
	}
	period, ok := zhenggai.ParseStudyPeriod(req.Period)
	if !ok {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "period 须为月份或季度，如 2020-09、2020-Q3"))
		return
	}
	var cs []*zhenggai.NotesCheck
	var where []string
	for i, c := range req.Checks {
		cs = append(cs, &zhenggai.NotesCheck{PersonID: c.PersonID, Name: strings.TrimSpace(c.Name), CheckerName: req.CheckerName, On: req.On,
			Period: period, Result: c.Result, Remark: c.Remark})
		where = append(where, "checks["+strconv.Itoa(i)+"]：")
	}
	if err := h.Store.SaveNotesChecks(ctx, unitID, cs, where); err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, notesCheckListJSON{UnitID: unitID, Checks: cs})
}

func init() {
	apiOps["GET /api/v1/study/notes"] = apiOp{summary: "本单位的学习笔记检查记录",
		response: (*notesCheckListJSON)(nil), query: []apiParam{{"year", "integer", "检查期间的年度，不填为全部"},
			{"person_id", "integer", "被检查人"}, {"result", "string", "pass 合格、incomplete 记录不全、none 无笔记"}}}
	apiOps["POST /api/v1/study/notes"] = apiOp{summary: "登记一次学习笔记检查（一名检查人、一个日期、一个月份或季度，多人的结论）；被检查人和检查人须在人员名册中；有一人不对即全部不写入",
		request: (*notesSittingRequest)(nil), response: (*notesCheckListJSON)(nil), created: true}
}
