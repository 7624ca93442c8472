package ui

import (
	"net/http"

	"zhenggai"
)

// duesCalcPage is the data of dues_calculator.html.
type duesCalcPage struct {
	Kinds  []kindOption
	Result *zhenggai.DuesCalculation
}

// ShowDuesCalculator computes a due from a kind and a base (GET, so that
// a result can be linked): the rate, the rule's tier and the arithmetic.
// Open to every signed-in user; it reads no record.
func (h *Handler) ShowDuesCalculator(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := &form{values: map[string]string{"kind": q.Get("kind"), "base": q.Get("base"), "fixed": q.Get("fixed"),
		"rounding": q.Get("rounding")}, errs: &zhenggai.ValidationError{}}
	d := &duesCalcPage{Kinds: duesKindOptions()}
	status := http.StatusOK
	if f.values["kind"] != "" {
		kind, ok := zhenggai.ParseDuesKind(f.values["kind"])
		if !ok {
			f.errs.Add("kind", "请选择党员类别")
		}
		base := f.yuan("base", "缴费基数")
		if !kind.Fixed() && ok && f.values["base"] == "" {
			f.errs.Add("base", "请填写每月缴费基数（元）")
		}
		fixed := f.yuan("fixed", "固定交纳额")
		if kind == zhenggai.DuesFarmer && fixed != 0 && (fixed < zhenggai.FarmerMin || fixed > zhenggai.FarmerMax) {
			f.errs.Add("fixed", "农民党员每月交纳额须在0.20元至1.00元之间")
		}
		mode := zhenggai.Rounding(f.values["rounding"])
		if !mode.Valid() {
			mode = zhenggai.RoundHalfUp
		}
		if f.valid() {
			c := zhenggai.CalculateDues(kind, base, fixed, mode)
			d.Result = &c
		} else {
			status = http.StatusUnprocessableEntity
		}
	} else {
		f.values["kind"] = string(zhenggai.DuesInService)
	}
	h.render(w, r, status, "dues_calculator", &page{Title: "党费计算器", Nav: "dues", Data: d, Form: f.values, Errors: f.errMap()})
}
