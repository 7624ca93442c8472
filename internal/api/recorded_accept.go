package api

import (
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
)

// recordedAcceptRequest is the body of POST /api/v1/rounds/{id}/recorded/accept.
type recordedAcceptRequest struct {
	Reason     string  `json:"reason"`
	ProblemIDs []int64 `json:"problem_ids,omitempty"` // none: every open 原台账记载 problem of the round
}

// recordedAcceptJSON is its answer: one closing step per problem accepted.
type recordedAcceptJSON struct {
	Accepted int                   `json:"accepted"`
	Steps    []*zhenggai.CloseStep `json:"steps"`
}

// AcceptRecorded is POST /api/v1/rounds/{id}/recorded/accept: the office
// above accepts, with one reason, the round's open problems whose status
// an imported ledger recorded (原台账记载).
func (h *Handler) AcceptRecorded(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	var req recordedAcceptRequest
	if !h.decode(w, r, &req) {
		return
	}
	steps, err := h.Store.AcceptRecorded(r.Context(), id, req.ProblemIDs, auth.UserFrom(r.Context()).DisplayName, req.Reason)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, &recordedAcceptJSON{Accepted: len(steps), Steps: steps})
}
