package api

import (
	"net/http"
	"time"

	"zhenggai"
	"zhenggai/internal/auth"
)

// opinionJSON is an opinion from the public as the staff see it: the
// sender's name and contact only to those who may see them (the unit's
// office and the inspection office), never to its assignee.
type opinionJSON struct {
	ID              int64                  `json:"id"`
	UnitID          int64                  `json:"unit_id"`
	PublicationID   int64                  `json:"publication_id"`
	ProblemID       int64                  `json:"problem_id,omitempty"`
	Problem         string                 `json:"problem,omitempty"`
	Ref             string                 `json:"ref"`
	Name            string                 `json:"name,omitempty"`
	Contact         string                 `json:"contact,omitempty"`
	Content         string                 `json:"content"`
	Status          zhenggai.OpinionStatus `json:"status"`
	StatusLabel     string                 `json:"status_label"`
	DueOn           zhenggai.Date          `json:"due_on"`
	Colour          zhenggai.Colour        `json:"colour"` // of the answer deadline today: green, yellow, red, "" once answered
	AssigneeID      int64                  `json:"assignee_id,omitempty"`
	Assignee        string                 `json:"assignee,omitempty"`
	Draft           string                 `json:"draft,omitempty"` // the assignee's answer, waiting for review
	DraftedBy       string                 `json:"drafted_by,omitempty"`
	ReviewNote      string                 `json:"review_note,omitempty"` // why the draft was returned
	Answer          string                 `json:"answer,omitempty"`
	AnswerPublished bool                   `json:"answer_published"`
	AnsweredBy      string                 `json:"answered_by,omitempty"`
	CreatedAt       time.Time              `json:"created_at"`
	Version         int64                  `json:"version"`
}

// opinionListJSON is the answer of GET /api/v1/opinions.
type opinionListJSON struct {
	Opinions []*opinionJSON `json:"opinions"`
}

func (h *Handler) opinionJSON(r *http.Request, o *zhenggai.Opinion) *opinionJSON {
	out := &opinionJSON{ID: o.ID, UnitID: o.UnitID, PublicationID: o.PublicationID, ProblemID: o.ProblemID, Problem: o.Problem,
		Ref: o.Ref, Content: o.Content, Status: o.Status, StatusLabel: o.Status.Label(), DueOn: o.DueOn,
		Colour: o.Colour(zhenggai.DateOf(h.Now())), AssigneeID: o.AssigneeID, Assignee: o.Assignee, Draft: o.Draft,
		DraftedBy: o.DraftedBy, ReviewNote: o.ReviewNote, Answer: o.Answer, AnswerPublished: o.AnswerPublished,
		AnsweredBy: o.AnsweredBy, CreatedAt: o.CreatedAt, Version: o.Version}
	t := zhenggai.Target{UnitID: o.UnitID, Assignee: o.AssigneeID}
	if h.Auth.Can(r.Context(), auth.UserFrom(r.Context()), zhenggai.PermOpinions, t) {
		out.Name, out.Contact = o.Name, o.Contact
	}
	return out
}

// opinionStep runs one handling step on the opinion {id} names, after
// reading its JSON body into req, and answers the opinion as it is now.
func (h *Handler) opinionStep(w http.ResponseWriter, r *http.Request, req any, step func(id int64) error) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	if !h.decode(w, r, req) {
		return
	}
	if err := step(id); err != nil {
		h.fail(w, r, err)
		return
	}
	o, err := h.Store.Opinion(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, h.opinionJSON(r, o))
}

// by is who takes a step, as shown.
func by(r *http.Request) string { return auth.UserFrom(r.Context()).DisplayName }
