package ui

import (
	"fmt"
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
)

// CloseMeasure takes a closing step on a measure (request, approve or
// return); the route has checked the step's right, the store checks the
// state. Back to the problem with what happened or why not.
func (h *Handler) CloseMeasure(a zhenggai.CloseAction) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, ok := h.pathID(w, r)
		if !ok {
			return
		}
		m, err := h.Store.Measure(r.Context(), id)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		u := auth.UserFrom(r.Context())
		_, err = h.Store.CloseMeasure(r.Context(), id, a, u.DisplayName, r.PostFormValue("reason"))
		back := fmt.Sprintf("/problems/%d#measure-%d", m.ProblemID, m.ID)
		h.closeDone(w, r, m.ProblemID, back, fmt.Sprintf("措施%d：%s", m.Seq, a.Label()), err)
	}
}

// closeDone answers a closing step: on success or a refusal the user can
// act on (a state that moved on, a missing reason or evidence), back to
// the problem with a message; a problem closed or waiting for acceptance
// is a 409 that says so; anything else is an error page.
func (h *Handler) closeDone(w http.ResponseWriter, r *http.Request, problemID int64, back, did string, err error) {
	switch zhenggai.ErrorCode(err) {
	case "":
		redirect(w, r, back, did+"，已记录")
	case zhenggai.ELOCKED:
		h.refuseLocked(w, r, problemID, err)
	case zhenggai.EINVALID, zhenggai.ECONFLICT:
		redirect(w, r, back, "未能"+did+"："+zhenggai.ErrorMessage(err))
	default:
		h.fail(w, r, err)
	}
}
