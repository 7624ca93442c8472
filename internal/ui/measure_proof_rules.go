package ui

import (
	"bytes"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"zhenggai"
	"zhenggai/internal/selfcheck"
)

// MeasureProofRules draws the measure form's proof rules again as its
// 长效机制 or 建立完善制度 is typed (htmx, GET with the form's mechanism,
// rule_names, the ticked proof_rules and the proof_suggested of the last
// drawing): a rule the names newly suggest is ticked, the clerk's own
// ticks and unticks stay. Nothing is written.
func (h *Handler) MeasureProofRules(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	values := map[string]string{
		"mechanism":  zhenggai.Clip(strings.TrimSpace(q.Get("mechanism")), zhenggai.MaxTitle),
		"rule_names": zhenggai.Clip(q.Get("rule_names"), 6000),
	}
	now := selfcheck.Suggest(values["mechanism"], values["rule_names"])
	before := known(q["proof_suggested"])
	ticked := known(q["proof_rules"])
	for _, id := range now {
		if !slices.Contains(before, id) && !slices.Contains(ticked, id) {
			ticked = append(ticked, id)
		}
	}
	values["proof_rules"] = strings.Join(ticked, "\n")
	f := proofField{Areas: proofOptions(values), Suggested: now, URL: fmt.Sprintf("/problems/%d/measures/proof-rules", id)}
	ps, err := loadPages()
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := ps["measure_form"].ExecuteTemplate(&buf, "proof", f); err != nil {
		h.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(buf.Bytes())
}

// known are the rule IDs of ids that a rule has, once each, at most as
// many as there are rules: a query names what it likes.
func known(ids []string) []string {
	var out []string
	for _, id := range ids {
		if len(out) == len(selfcheck.Rules) {
			break
		}
		if _, ok := selfcheck.ByID(id); ok && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}
