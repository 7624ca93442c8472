package ui

import (
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/selfcheck"
)

var measureFields = []string{"seq", "content", "leader", "office", "owner", "deadline", "kind", "status", "mechanism", "report_every",
	"rule_names", "refunded", "recovered", "saved", "talks", "organisational", "disciplinary", "version", "proof_rules"}

var measureLabels = []formLabel{
	{"seq", "序号"}, {"content", "整改措施"}, {"leader", "责任领导"}, {"office", "责任委室"},
	{"owner", "责任人"}, {"deadline", "整改时限"}, {"kind", "措施类型"}, {"status", "完成情况"},
	{"mechanism", "长效机制"}, {"report_every", "报送周期"},
	{"rule_names", "建立完善制度"}, {"refunded", "清退违规资金（元）"}, {"recovered", "追回资金（元）"},
	{"saved", "挽回经济损失（元）"}, {"talks", "谈话提醒、批评教育（人）"}, {"organisational", "组织处理（人）"},
	{"disciplinary", "党纪政务处分（人）"}, {"proof_rules", "验证规则"},
}

// outcomeFormFields are the form's names of the fields the domain names
// otherwise: amounts are typed in 元, the domain keeps fen.
var outcomeFormFields = map[string]string{"refunded_fen": "refunded", "recovered_fen": "recovered", "saved_fen": "saved"}

var measureKinds = []zhenggai.MeasureKind{zhenggai.MeasureImmediate, zhenggai.MeasureMechanism}

// measureForm is the data of measure_form.html.
type measureForm struct {
	Action   string
	Cancel   string
	Editing  bool
	Problem  *zhenggai.Problem
	Kinds    []zhenggai.MeasureKind
	Prefill  bool         // the responsibilities were copied from the previous measure
	Leaders  []nameOption // the unit's roster, then names the round uses that it lacks
	Offices  []string
	Owners   []nameOption
	Conflict *formConflict
	// The self-inspection rules that may prove the measure, by area,
	// those its mechanism's name suggests marked (长效机制的验证).
	Proof proofField
}

func measureValues(m *zhenggai.Measure) map[string]string {
	return map[string]string{
		"seq": fmt.Sprint(m.Seq), "content": m.Content, "leader": m.Leader, "office": m.Office, "owner": m.Owner,
		"deadline": m.Deadline.String(), "kind": string(m.Kind), "status": string(m.Status), "version": fmt.Sprint(m.Version),
		"mechanism": m.Mechanism, "report_every": fmt.Sprint(m.ReportEvery),
		"rule_names": ruleLines(m.RuleNames), "refunded": yuanOrEmpty(m.RefundedFen), "recovered": yuanOrEmpty(m.RecoveredFen),
		"saved": yuanOrEmpty(m.SavedFen), "talks": itoaOrEmpty(m.Talks), "organisational": itoaOrEmpty(m.Organisational),
		"disciplinary": itoaOrEmpty(m.Disciplinary), "proof_rules": strings.Join(m.ProofRules, "\n"),
	}
}

// ruleLines shows rule names one a line, in 《》, as the form takes them.
func ruleLines(names []string) string {
	lines := make([]string, len(names))
	for i, n := range names {
		lines[i] = zhenggai.RuleTitle(n)
	}
	return strings.Join(lines, "\n")
}

// yuanOrEmpty shows fen as 元, and nothing for none.
func yuanOrEmpty(fen zhenggai.Fen) string {
	if fen == 0 {
		return ""
	}
	return fen.Yuan()
}

// readMeasure fills m from the form and checks that its number is free
// under its problem. The status may come as identifier or Chinese label.
func readMeasure(f *form, m *zhenggai.Measure, siblings []*zhenggai.Measure) {
	old := m.Status // "" for a new measure
	m.Seq = f.int("seq", "序号")
	m.Content = f.get("content")
	m.Leader, m.Office, m.Owner = f.get("leader"), f.get("office"), f.get("owner")
	m.Deadline = f.date("deadline", "整改时限")
	m.Kind = zhenggai.MeasureKind(f.get("kind"))
	m.Status = zhenggai.Status(f.get("status"))
	if s, ok := zhenggai.ParseStatus(f.get("status")); ok {
		m.Status = s
	}
	m.Mechanism = f.get("mechanism")
	m.ReportEvery = f.int("report_every", "报送周期")
	m.RuleNames = zhenggai.ParseRuleNames(f.get("rule_names"))
	m.ProofRules = proofLines(f.get("proof_rules"))
	m.RefundedFen = f.yuan("refunded", "清退违规资金")
	m.RecoveredFen = f.yuan("recovered", "追回资金")
	m.SavedFen = f.yuan("saved", "挽回经济损失")
	m.Talks = f.count("talks", "谈话提醒、批评教育人数")
	m.Organisational = f.count("organisational", "组织处理人数")
	m.Disciplinary = f.count("disciplinary", "党纪政务处分人数")
	if err := m.ValidateChange(old, true); err != nil {
		var v *zhenggai.ValidationError
		if errors.As(err, &v) {
			for i, fe := range v.Fields {
				if name := outcomeFormFields[fe.Field]; name != "" {
					v.Fields[i].Field = name
				}
			}
		}
		f.merge(err)
	}
	if f.errs.For("seq") == "" {
		for _, o := range siblings {
			if o.ID != m.ID && o.Seq == m.Seq {
				f.errs.Add("seq", fmt.Sprintf("本问题已有第%d项措施", m.Seq))
				break
			}
		}
	}
}

// measureContext loads what a measure form shows around it: the problem,
// its round, and the people already named in the round for suggestions.
func (h *Handler) measureContext(r *http.Request, problemID int64) (*zhenggai.Problem, *zhenggai.Round, []*zhenggai.Measure, *measureForm, error) {
	ctx := r.Context()
	p, err := h.Store.Problem(ctx, problemID)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	round, err := h.Store.Round(ctx, p.RoundID)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	all, err := h.Store.Measures(ctx, p.RoundID)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	d := &measureForm{
		Action:  fmt.Sprintf("/problems/%d/measures", p.ID),
		Cancel:  fmt.Sprintf("/problems/%d", p.ID),
		Problem: p,
		Kinds:   measureKinds,
	}
	persons, err := h.Store.Persons(ctx, p.UnitID)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	leaders, offices, owners := map[string]bool{}, map[string]bool{}, map[string]bool{}
	var siblings []*zhenggai.Measure
	for _, m := range all {
		leaders[m.Leader], offices[m.Office], owners[m.Owner] = true, true, true
		if m.ProblemID == p.ID {
			siblings = append(siblings, m)
		}
	}
	d.Leaders, d.Offices, d.Owners = rosterNames(persons, leaders), sortedNames(offices), rosterNames(persons, owners)
	return p, round, siblings, d, nil
}

// nameOption is a name a leader or owner field suggests, with what tells
// the person apart (his rank and kind) when he is on the roster.
type nameOption struct{ Value, Label string }

// rosterNames suggests the persons of the roster, in its order, then the
// names of used that none of them bears.
func rosterNames(persons []*zhenggai.Person, used map[string]bool) []nameOption {
	var out []nameOption
	have := map[string]bool{}
	for _, p := range persons {
		label := p.Kind.Label()
		if p.Rank != "" {
			label = p.Rank + " · " + label
		}
		out = append(out, nameOption{p.Name, label})
		have[zhenggai.PersonKey(p.Name)] = true
	}
	for _, n := range sortedNames(used) {
		if !have[zhenggai.PersonKey(n)] {
			out = append(out, nameOption{n, "未列入人员名册"})
		}
	}
	return out
}

// sortedNames lists the non-empty keys of a set.
func sortedNames(set map[string]bool) []string {
	var out []string
	for k := range set {
		if k != "" {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

func (h *Handler) renderMeasureForm(w http.ResponseWriter, r *http.Request, status int, round *zhenggai.Round, d *measureForm, stored *zhenggai.Measure, f *form) {
	title := "新增整改措施"
	if stored != nil {
		d.Action = fmt.Sprintf("/measures/%d", stored.ID)
		d.Editing = true
		title = fmt.Sprintf("修改第%d项整改措施", stored.Seq)
	}
	d.Proof = proofField{Areas: proofOptions(f.values), Suggested: selfcheck.Suggest(f.values["mechanism"], f.values["rule_names"]),
		Err: f.errMap()["proof_rules"], URL: fmt.Sprintf("/problems/%d/measures/proof-rules", d.Problem.ID)}
	h.render(w, r, status, "measure_form", &page{Title: title, Nav: "tree", Round: round, Data: d, Form: f.values, Errors: f.errMap()})
}

// NewMeasure shows an empty measure form for a problem, numbered after its
// last measure and with that measure's responsibilities filled in: the
// measures of one problem usually share leader, office and owner.
func (h *Handler) NewMeasure(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	_, round, siblings, d, err := h.measureContext(r, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := map[string]string{"kind": string(zhenggai.MeasureImmediate), "status": string(zhenggai.NotStarted)}
	var seqs []int
	var last *zhenggai.Measure
	for _, m := range siblings {
		seqs = append(seqs, m.Seq)
		if last == nil || m.Seq > last.Seq {
			last = m
		}
	}
	v["seq"] = fmt.Sprint(nextSeq(seqs...))
	if last != nil && (last.Leader != "" || last.Office != "" || last.Owner != "" || !last.Deadline.IsZero()) {
		v["leader"], v["office"], v["owner"], v["deadline"] = last.Leader, last.Office, last.Owner, last.Deadline.String()
		d.Prefill = true
	}
	f := &form{values: v, errs: &zhenggai.ValidationError{}}
	h.renderMeasureForm(w, r, http.StatusOK, round, d, nil, f)
}

// CreateMeasure adds a measure to a problem.
func (h *Handler) CreateMeasure(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	p, round, siblings, d, err := h.measureContext(r, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := newForm(r, measureFields...)
	readProofRules(r, f)
	m := &zhenggai.Measure{ProblemID: p.ID}
	readMeasure(f, m, siblings)
	if f.valid() {
		err := h.Store.CreateMeasure(r.Context(), m)
		if err == nil {
			redirect(w, r, fmt.Sprintf("/problems/%d", p.ID), fmt.Sprintf("已新增第%d项整改措施", m.Seq))
			return
		}
		if isLocked(err) {
			h.refuseLocked(w, r, p.ID, err)
			return
		}
		// A number taken is the store's refusal on seq.
		if err := f.merge(err); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	h.renderMeasureForm(w, r, http.StatusUnprocessableEntity, round, d, nil, f)
}

// EditMeasure shows the form of a saved measure.
func (h *Handler) EditMeasure(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	m, err := h.Store.Measure(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	_, round, _, d, err := h.measureContext(r, m.ProblemID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := &form{values: measureValues(m), errs: &zhenggai.ValidationError{}}
	if m.Kind == zhenggai.MeasureMechanism && len(m.ProofRules) == 0 {
		// Offered ticked: the rules its mechanism's name suggests.
		f.values["proof_rules"] = strings.Join(selfcheck.Suggest(m.Mechanism, ruleLines(m.RuleNames)), "\n")
	}
	h.renderMeasureForm(w, r, http.StatusOK, round, d, m, f)
}

// UpdateMeasure saves a measure if nobody saved it since the form was opened.
func (h *Handler) UpdateMeasure(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	stored, err := h.Store.Measure(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	_, round, siblings, d, err := h.measureContext(r, stored.ProblemID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := newForm(r, measureFields...)
	readProofRules(r, f)
	m := *stored
	m.Version = f.int64("version", "版本号")
	readMeasure(f, &m, siblings)
	if f.valid() {
		err := h.Store.UpdateMeasure(ctx, &m)
		if err == nil {
			redirect(w, r, fmt.Sprintf("/problems/%d", stored.ProblemID), fmt.Sprintf("已保存第%d项整改措施", m.Seq))
			return
		}
		if isLocked(err) {
			h.refuseLocked(w, r, stored.ProblemID, err)
			return
		}
		if zhenggai.ErrorCode(err) == zhenggai.ECONFLICT {
			cur, err2 := h.Store.Measure(ctx, id)
			if err2 != nil {
				h.fail(w, r, err2)
				return
			}
			if isStale(err, m.Version, cur.Version) {
				d.Conflict = newConflict(fmt.Sprintf("/measures/%d/edit", id), measureLabels, measureValues(cur), f.values, nil)
				f.values["version"] = fmt.Sprint(cur.Version)
				h.renderMeasureForm(w, r, http.StatusConflict, round, d, cur, f)
				return
			}
			h.fail(w, r, err) // voided meanwhile
			return
		} else if err := f.merge(err); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	h.renderMeasureForm(w, r, http.StatusUnprocessableEntity, round, d, stored, f)
}

// UpdateMeasureStatus is the quick change of a measure's status from the
// problem page.
func (h *Handler) UpdateMeasureStatus(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	m, err := h.Store.Measure(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	st, ok := zhenggai.ParseStatus(r.PostFormValue("status"))
	if !ok {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "完成情况须为未启动、正在整改、基本完成、已完成或长期坚持"))
		return
	}
	version, err := parseVersion(r.PostFormValue("version"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	err = h.Store.SetMeasureStatus(ctx, id, version, st)
	switch zhenggai.ErrorCode(err) {
	case "":
		redirect(w, r, fmt.Sprintf("/problems/%d", m.ProblemID), fmt.Sprintf("已将第%d项措施改为%s", m.Seq, st.Label()))
	case zhenggai.ELOCKED:
		h.refuseLocked(w, r, m.ProblemID, err)
	case zhenggai.ECONFLICT:
		msg := fmt.Sprintf("第%d项措施已被他人修改，完成情况未改。请刷新问题页面，看过最新内容后再改。", m.Seq)
		var round *zhenggai.Round
		if p, err := h.Store.Problem(ctx, m.ProblemID); err == nil {
			round, _ = h.Store.Round(ctx, p.RoundID)
		}
		// The error page within the round, so its links lead back.
		h.render(w, r, http.StatusConflict, "error", &page{Title: "未能更改完成情况", Nav: "tree", Round: round, Data: msg})
	default:
		h.fail(w, r, err)
	}
}

// parseVersion reads the hidden version of a form.
func parseVersion(s string) (int64, error) {
	v, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || v <= 0 {
		return 0, zhenggai.Errorf(zhenggai.EINVALID, "表单缺少版本号，请刷新页面后再操作")
	}
	return v, nil
}

// proofField is the form's fieldset of proof rules (template "proof"),
// which MeasureProofRules renders again as the mechanism is typed.
type proofField struct {
	Areas     []proofArea
	Suggested []string // what the names suggested when it was drawn
	Err       string
	URL       string // where the fieldset is drawn again
}

// proofArea is one area of the self-inspection's rules on the form.
type proofArea struct {
	Area  string
	Rules []proofOption
}

// proofOption is one rule a measure may name as its proof.
type proofOption struct {
	ID, Title string
	Checked   bool
	Suggested bool // its mechanism's name suggests it (selfcheck.Suggest)
}

// readProofRules keeps the ticked rules in the form's values, one a line.
func readProofRules(r *http.Request, f *form) {
	var ids []string
	for _, id := range r.PostForm["proof_rules"] {
		if id = strings.TrimSpace(id); id != "" {
			ids = append(ids, id)
		}
	}
	f.values["proof_rules"] = strings.Join(ids, "\n")
}

func proofLines(s string) []string {
	var out []string
	for _, id := range strings.Split(s, "\n") {
		if id = strings.TrimSpace(id); id != "" {
			out = append(out, id)
		}
	}
	return out
}

// proofOptions lists every rule by area (in selfcheck.Areas' order, an
// area not listed there last), ticked as the form's values say.
func proofOptions(values map[string]string) []proofArea {
	checked := map[string]bool{}
	for _, id := range proofLines(values["proof_rules"]) {
		checked[id] = true
	}
	suggested := map[string]bool{}
	for _, id := range selfcheck.Suggest(values["mechanism"], values["rule_names"]) {
		suggested[id] = true
	}
	var out []proofArea
	at := map[string]int{}
	for _, a := range selfcheck.Areas {
		at[a] = len(out)
		out = append(out, proofArea{Area: a})
	}
	for _, r := range selfcheck.Rules {
		i, ok := at[r.Area]
		if !ok {
			i, at[r.Area] = len(out), len(out)
			out = append(out, proofArea{Area: r.Area})
		}
		out[i].Rules = append(out[i].Rules, proofOption{r.ID, r.Title, checked[r.ID], suggested[r.ID]})
	}
	kept := out[:0]
	for _, a := range out {
		if len(a.Rules) > 0 {
			kept = append(kept, a)
		}
	}
	return kept
}
