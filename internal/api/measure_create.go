package api

import (
	"net/http"
	"strconv"

	"zhenggai"
)

// measureRequest is what a client may send about a measure. On create,
// seq may be omitted (the next number of the problem), kind defaults to
// immediate and status to not_started; on update every field is sent.
type measureRequest struct {
	Seq     *int   `json:"seq"`
	Content string `json:"content"`
	Leader  string `json:"leader"`
	Office  string `json:"office"`
	Owner   string `json:"owner"`
	// Persons of the unit's roster (人员名册, kept on the pages),
	// to choose between two who bear one name; omitted, the names decide.
	LeaderID *int64 `json:"leader_id"`
	OwnerID  *int64 `json:"owner_id"`
	Deadline string `json:"deadline"`
	Kind     string `json:"kind"`
	Status   string `json:"status"`
	// For 长期坚持: the rule or register, and the re-report period in
	// days. Omitted on update: kept as they are.
	Mechanism   *string `json:"mechanism"`
	ReportEvery *int    `json:"report_every"`
	// What the measure produced; omitted on update: kept as they are.
	// Rule names may be sent with or without 《》.
	RuleNames      *[]string     `json:"rule_names"`
	RefundedFen    *zhenggai.Fen `json:"refunded_fen"`
	RecoveredFen   *zhenggai.Fen `json:"recovered_fen"`
	SavedFen       *zhenggai.Fen `json:"saved_fen"`
	Talks          *int          `json:"talks"`
	Organisational *int          `json:"organisational"`
	Disciplinary   *int          `json:"disciplinary"`
	// The self-inspection rules (selfcheck rule IDs, as GET /api/v1/selfcheck names them) that
	// prove a mechanism measure; omitted on update: kept as they are.
	ProofRules *[]string `json:"proof_rules"`
}

// apply writes the request onto m and returns every reason it is wrong.
func (req *measureRequest) apply(v *zhenggai.ValidationError, m *zhenggai.Measure) error {
	old := m.Status // "" for a new measure
	if req.Seq != nil {
		m.Seq = *req.Seq
	}
	m.Content, m.Leader, m.Office, m.Owner = req.Content, req.Leader, req.Office, req.Owner
	if req.LeaderID != nil {
		m.LeaderID = *req.LeaderID
	}
	if req.OwnerID != nil {
		m.OwnerID = *req.OwnerID
	}
	m.Deadline = parseDate(v, "deadline", "整改时限", req.Deadline)
	m.Kind, m.Status = zhenggai.MeasureKind(req.Kind), zhenggai.Status(req.Status)
	if req.Mechanism != nil {
		m.Mechanism = *req.Mechanism
	}
	if req.ReportEvery != nil {
		m.ReportEvery = *req.ReportEvery
	}
	if req.RuleNames != nil {
		m.RuleNames = zhenggai.CleanRuleNames(*req.RuleNames)
	}
	if req.ProofRules != nil {
		m.ProofRules = *req.ProofRules
	}
	set := func(to *zhenggai.Fen, from *zhenggai.Fen) {
		if from != nil {
			*to = *from
		}
	}
	set(&m.RefundedFen, req.RefundedFen)
	set(&m.RecoveredFen, req.RecoveredFen)
	set(&m.SavedFen, req.SavedFen)
	for _, x := range []struct{ to, from *int }{{&m.Talks, req.Talks}, {&m.Organisational, req.Organisational},
		{&m.Disciplinary, req.Disciplinary}} {
		if x.from != nil {
			*x.to = *x.from
		}
	}
	return merge(v, m.ValidateChange(old, true))
}

// CreateMeasure is POST /api/v1/problems/{id}/measures.
func (h *Handler) CreateMeasure(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	var req measureRequest
	if !h.decode(w, r, &req) {
		return
	}
	ctx := r.Context()
	_, err := h.Store.Problem(ctx, id)
	var siblings []*zhenggai.Measure
	if err == nil {
		siblings, err = h.Store.ProblemMeasures(ctx, id)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if req.Kind == "" {
		req.Kind = string(zhenggai.MeasureImmediate)
	}
	if req.Status == "" {
		req.Status = string(zhenggai.NotStarted)
	}
	m := &zhenggai.Measure{ProblemID: id, Seq: 1}
	for _, s := range siblings {
		if s.Seq >= m.Seq {
			m.Seq = s.Seq + 1
		}
	}
	if err := req.apply(&zhenggai.ValidationError{}, m); err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.Store.CreateMeasure(ctx, m); err != nil {
		h.fail(w, r, err)
		return
	}
	out, err := h.measureObject(ctx, m.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/measures/"+strconv.FormatInt(m.ID, 10))
	writeJSON(w, http.StatusCreated, out)
}
