package ui

import (
	"net/http"

	"zhenggai/internal/auth"
	"zhenggai/internal/xlsx"
)

// sendList answers a list's Excel export, named for the unit, the round
// and the list, and the day (xlsx.FileName). A list too long for a sheet
// is refused with the reason, not cut.
func (h *Handler) sendList(w http.ResponseWriter, r *http.Request, l *xlsx.List, name ...string) {
	body, err := l.Bytes()
	if err != nil {
		h.fail(w, r, err)
		return
	}
	sendFile(w, xlsx.FileName(h.today(), ".xlsx", name...), xlsx.MediaType, body)
}

// myUnit is the signed-in user's unit, the first part of the names of the
// lists that are not a round's.
func myUnit(r *http.Request) string {
	if u := auth.UserFrom(r.Context()); u != nil {
		return u.Unit
	}
	return ""
}
