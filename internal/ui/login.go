package ui

import (
	"net/http"
	"net/url"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
)

// NewLogin shows the sign-in form.
func (h *Handler) NewLogin(w http.ResponseWriter, r *http.Request) {
	if auth.UserFrom(r.Context()) != nil {
		http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
		return
	}
	h.render(w, r, http.StatusOK, "login", &page{Title: "登录", Form: map[string]string{"next": r.URL.Query().Get("next")}})
}

// CreateLogin checks the name and password and starts a session.
func (h *Handler) CreateLogin(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<16)
	f := newForm(r, "name", "next")
	password := r.PostFormValue("password")
	id, _, err := h.Auth.Login(r.Context(), f.get("name"), password, auth.RemoteAddr(r))
	if err != nil {
		status := http.StatusUnauthorized
		switch {
		case err == auth.ErrThrottled:
			status = http.StatusTooManyRequests
		case zhenggai.ErrorCode(err) == zhenggai.EINTERNAL:
			h.serverError(w, r, err)
			return
		}
		h.render(w, r, status, "login", &page{Title: "登录", Form: f.values, Errors: map[string]string{"login": zhenggai.ErrorMessage(err)}})
		return
	}
	auth.SetCookie(w, r, id)
	http.Redirect(w, r, safeNext(f.get("next")), http.StatusSeeOther)
}

// Logout ends the session.
func (h *Handler) Logout(w http.ResponseWriter, r *http.Request) {
	if err := h.Auth.Logout(r.Context(), r); err != nil {
		h.serverError(w, r, err)
		return
	}
	auth.ClearCookie(w, r)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

// safeNext keeps a redirect after sign-in on this site: a path, never
// another host ("//evil", "https://…", "/\\evil").
func safeNext(next string) string {
	u, err := url.Parse(next)
	if err != nil || next == "" || u.IsAbs() || u.Host != "" || !strings.HasPrefix(next, "/") ||
		strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}
