package ui

import (
	"context"
	"fmt"
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

// CloseMeasure takes a closing step on a measure (request, approve or
// return), and goes back to the measure on its problem's page.
func (h *Handler) CloseMeasure(a zhenggai.CloseAction) http.HandlerFunc {
	return h.closeStep(a, (*store.Store).CloseMeasure, func(ctx context.Context, id int64) (closePlace, error) {
		m, err := h.Store.Measure(ctx, id)
		if err != nil {
			return closePlace{}, err
		}
		return closePlace{problem: m.ProblemID, back: fmt.Sprintf("/problems/%d#measure-%d", m.ProblemID, m.ID),
			what: fmt.Sprintf("第%d项措施", m.Seq)}, nil
	})
}

// CloseProblem takes a closing step on a problem: the office accepts or
// rejects it, the unit reopens it.
func (h *Handler) CloseProblem(a zhenggai.CloseAction) http.HandlerFunc {
	return h.closeStep(a, (*store.Store).CloseProblem, func(_ context.Context, id int64) (closePlace, error) {
		return closePlace{problem: id, back: fmt.Sprintf("/problems/%d#closing", id), what: "本问题"}, nil
	})
}

// closePlace is where the answer to a closing step goes back to: the
// problem (for a refusal), the place on its page, and what the step was
// taken on (第1项措施, 本问题).
type closePlace struct {
	problem int64
	back    string
	what    string
}

// closeStep takes step a on the record {id} names, with take, the store's
// step for that kind of record; the route has checked the step's right,
// the store checks the state. place finds where the answer goes back to.
func (h *Handler) closeStep(a zhenggai.CloseAction,
	take func(*store.Store, context.Context, int64, zhenggai.CloseAction, string, string) (*zhenggai.CloseStep, error),
	place func(ctx context.Context, id int64) (closePlace, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, ok := h.pathID(w, r)
		if !ok {
			return
		}
		at, err := place(r.Context(), id)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		_, err = take(h.Store, r.Context(), id, a, auth.UserFrom(r.Context()).DisplayName, r.PostFormValue("reason"))
		h.closeDone(w, r, at, a, err)
	}
}

// closeDone answers a closing step: on success or a refusal the user can
// act on (a state that moved on, a missing reason or evidence), back to
// the problem with a message; a problem closed or waiting for acceptance
// is a 409 that says so; anything else is an error page.
func (h *Handler) closeDone(w http.ResponseWriter, r *http.Request, at closePlace, a zhenggai.CloseAction, err error) {
	switch zhenggai.ErrorCode(err) {
	case "":
		redirect(w, r, at.back, at.what+"："+a.Label()+"，已记录。")
	case zhenggai.ELOCKED:
		h.refuseLocked(w, r, at.problem, err)
	case zhenggai.EINVALID, zhenggai.ECONFLICT:
		redirectRefused(w, r, at.back, at.what+"未能"+a.Verb(), err)
	default:
		h.fail(w, r, err)
	}
}
