package api

import (
	"net/http"

	"zhenggai"
)

// CalculateDues is GET /api/v1/dues/calculate?kind=in_service&base=5100:
// the monthly due by 中组发〔2008〕3号 with its rate, tier and arithmetic.
// fixed (a farmer's amount, 元) and rounding (half_up, down) are optional.
func (h *Handler) CalculateDues(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	v := &zhenggai.ValidationError{}
	kind, ok := zhenggai.ParseDuesKind(q.Get("kind"))
	if !ok {
		v.Add("kind", "参数 kind 应为 in_service、retired、student、unemployed、dibao 或 farmer")
	}
	var base, fixed zhenggai.Fen
	if s := q.Get("base"); s != "" {
		b, err := zhenggai.ParseYuan(s)
		if err != nil {
			v.Add("base", "缴费基数"+err.Error())
		}
		base = b
	} else if ok && !kind.Fixed() {
		v.Add("base", "请给出参数 base（每月缴费基数，元）")
	}
	if s := q.Get("fixed"); s != "" {
		f, err := zhenggai.ParseYuan(s)
		switch {
		case err != nil:
			v.Add("fixed", "固定交纳额"+err.Error())
		case kind != zhenggai.DuesFarmer:
			v.Add("fixed", "只有农民党员（kind=farmer）才给 fixed")
		case f < zhenggai.FarmerMin || f > zhenggai.FarmerMax:
			v.Add("fixed", "农民党员每月交纳额须在0.20元至1.00元之间")
		}
		fixed = f
	}
	mode := zhenggai.RoundHalfUp
	if s := q.Get("rounding"); s != "" {
		mode = zhenggai.Rounding(s)
		if !mode.Valid() {
			v.Add("rounding", "参数 rounding 应为 half_up 或 down")
		}
	}
	if err := v.Err(); err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, zhenggai.CalculateDues(kind, base, fixed, mode))
}
