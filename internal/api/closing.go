package api

import (
	"context"
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

// closeRequest is the body of a closing step: a reason where the step
// needs one (return, reject, reopen). An empty body is no reason.
type closeRequest struct {
	Reason string `json:"reason"`
}

// closeBody reads the optional JSON body of a closing step.
func (h *Handler) closeBody(w http.ResponseWriter, r *http.Request) (closeRequest, bool) {
	var req closeRequest
	if r.ContentLength == 0 {
		return req, true
	}
	return req, h.decode(w, r, &req)
}

// CloseMeasure is POST /api/v1/measures/{id}/close/{request|approve|return}.
func (h *Handler) CloseMeasure(a zhenggai.CloseAction) http.HandlerFunc {
	return h.closeStep(a, (*store.Store).CloseMeasure)
}

// CloseProblem is POST /api/v1/problems/{id}/close/{accept|reject|reopen}.
func (h *Handler) CloseProblem(a zhenggai.CloseAction) http.HandlerFunc {
	return h.closeStep(a, (*store.Store).CloseProblem)
}

// closeStep takes step a on the record {id} names with take, the store's
// step for that kind of record, and answers the step it recorded.
func (h *Handler) closeStep(a zhenggai.CloseAction, take func(*store.Store, context.Context, int64, zhenggai.CloseAction,
	string, string) (*zhenggai.CloseStep, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, ok := h.pathID(w, r)
		if !ok {
			return
		}
		req, ok := h.closeBody(w, r)
		if !ok {
			return
		}
		step, err := take(h.Store, r.Context(), id, a, auth.UserFrom(r.Context()).DisplayName, req.Reason)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, step)
	}
}

// ListCloseSteps is GET /api/v1/problems/{id}/closing: the problem's
// closing state and every step, oldest first.
func (h *Handler) ListCloseSteps(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	p, err := h.Store.Problem(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	steps, err := h.Store.CloseSteps(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if steps == nil {
		steps = []*zhenggai.CloseStep{}
	}
	writeJSON(w, http.StatusOK, closingJSON{CloseState: p.CloseState, Steps: steps})
}
