package ui

import (
	"net/http"
	"net/url"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

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

// CreateLogin checks the name and password and starts a session. A user
// whose password an administrator set goes on to change it.
func (h *Handler) CreateLogin(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<16)
	f := newForm(r, "name", "next")
	password := r.PostFormValue("password")
	device := ""
	if c, err := r.Cookie(auth.DeviceCookie); err == nil {
		device = c.Value
	}
	signed, err := h.Auth.Login(r.Context(), f.get("name"), password, auth.RemoteAddr(r), device)
	if err != nil {
		status := http.StatusUnauthorized
		switch zhenggai.ErrorCode(err) {
		case zhenggai.ETHROTTLED:
			status = zhenggai.HTTPStatus(zhenggai.ETHROTTLED)
		case zhenggai.EINTERNAL:
			h.serverError(w, r, err)
			return
		}
		h.render(w, r, status, "login", &page{Title: "登录", Form: f.values, Errors: map[string]string{"login": zhenggai.ErrorMessage(err)}})
		return
	}
	auth.SetCookie(w, r, signed.Session)
	auth.SetDeviceCookie(w, r, signed.Device)
	next := safeNext(f.get("next"))
	if signed.User.MustChangePassword {
		next = auth.PasswordPage + "?next=" + url.QueryEscape(next)
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
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

// safeNext keeps a redirect after sign-in on this site: a clean local path
// with its query, or "/". Browsers read \ as /, so /\evil, \/evil and,
// once cleaned, /./\evil are another host; a control character may cut
// the header. So a next holding \ or a control character, escaped or
// not, is refused as a whole; the rest is cleaned (as http.Redirect would)
// and checked again after cleaning.
func safeNext(next string) string {
	if next == "" || len(next) > 4096 || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") {
		return "/"
	}
	for _, s := range []string{next, unescapeAll(next)} {
		if strings.ContainsFunc(s, func(r rune) bool {
			return r == '\\' || r < 0x20 || r == 0x7f || unicode.IsControl(r) || r == utf8.RuneError
		}) {
			return "/"
		}
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" || !strings.HasPrefix(u.Path, "/") {
		return "/"
	}
	clean := path.Clean(u.Path)
	if strings.HasSuffix(u.Path, "/") && clean != "/" {
		clean += "/"
	}
	out := (&url.URL{Path: clean, RawQuery: u.RawQuery}).String()
	if !strings.HasPrefix(out, "/") || strings.HasPrefix(out, "//") || strings.ContainsAny(out, "\\") {
		return "/"
	}
	return out
}

// unescapeAll undoes percent-escaping until nothing changes (a few
// rounds at most): %255C is %5C is \ to some readers along the way.
func unescapeAll(s string) string {
	for range 4 {
		u, err := url.PathUnescape(s)
		if err != nil || u == s {
			return u
		}
		s = u
	}
	return s
}
