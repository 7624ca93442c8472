package api

import (
	"net/http"

	"zhenggai/internal/auth"
)

// passwordRequest is the body of PUT /api/v1/account/password.
type passwordRequest struct {
	Current  string `json:"current_password"`
	Password string `json:"new_password"`
}

// passwordJSON answers a changed password.
type passwordJSON struct {
	Changed bool `json:"changed"`
}

// UpdatePassword is PUT /api/v1/account/password: the caller changes his
// own password, giving the current one. His sessions end (a script has
// none to keep); his API tokens stay.
func (h *Handler) UpdatePassword(w http.ResponseWriter, r *http.Request) {
	var req passwordRequest
	if !h.decode(w, r, &req) {
		return
	}
	u := auth.UserFrom(r.Context())
	keep := ""
	if c, err := r.Cookie(auth.SessionCookie); err == nil && r.Header.Get("Authorization") == "" {
		keep = c.Value // called from a page of the program: that session stays
	}
	if err := h.Auth.ChangePassword(r.Context(), u, req.Current, req.Password, req.Password, auth.RemoteAddr(r), keep); err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, passwordJSON{Changed: true})
}
