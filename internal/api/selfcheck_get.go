package api

import (
	"net/http"
	"strconv"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/selfcheck"
)

// selfcheckJSON is the answer of GET /api/v1/selfcheck, the shape
// `zhenggai check --json` prints.
type selfcheckJSON struct {
	Findings []selfcheck.Finding `json:"findings"`
}

// selfcheckUnit reads the unit (the caller's own when not given) and the
// period; the caller must read the unit. Unit 0 with true: none to check.
func (h *Handler) selfcheckUnit(w http.ResponseWriter, r *http.Request, unit int64, from, to string) (int64, zhenggai.Period, bool) {
	ctx := r.Context()
	u := auth.UserFrom(ctx)
	v := &zhenggai.ValidationError{}
	p := zhenggai.Period{Start: parseDate(v, "from", "起始日期", from), End: parseDate(v, "to", "截止日期", to)}
	if !p.Start.IsZero() && !p.End.IsZero() && p.End.Before(p.Start) {
		v.Add("to", "截止日期不能早于起始日期")
	}
	if len(v.Fields) > 0 {
		h.fail(w, r, v)
		return 0, p, false
	}
	if unit == 0 {
		unit = u.UnitID
		if !h.Auth.CanRead(ctx, u, unit) {
			return 0, p, true // his own is not his to read (a member): nothing
		}
	}
	if !h.Auth.CanRead(ctx, u, unit) {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EFORBID, "无权查看该单位的自查"))
		return 0, p, false
	}
	return unit, p, true
}

// SelfCheck is GET /api/v1/selfcheck?unit=&from=&to=: every rule over the
// unit's registers for the period.
func (h *Handler) SelfCheck(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	var unit int64
	if s := q.Get("unit"); s != "" {
		var err error
		if unit, err = strconv.ParseInt(s, 10, 64); err != nil || unit <= 0 {
			h.fail(w, r, zhenggai.Errorf(zhenggai.ENOTFOUND, "单位编号不正确"))
			return
		}
	}
	unit, p, ok := h.selfcheckUnit(w, r, unit, q.Get("from"), q.Get("to"))
	if !ok {
		return
	}
	var fs []selfcheck.Finding
	if unit != 0 {
		var err error
		if fs, err = h.Store.SelfCheck(r.Context(), unit, p, nil); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	if fs == nil {
		fs = []selfcheck.Finding{}
	}
	writeJSON(w, http.StatusOK, selfcheckJSON{fs})
}
