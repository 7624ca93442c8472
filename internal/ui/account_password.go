package ui

import (
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
)

// passwordForm is the data of account_password.html.
type passwordForm struct {
	Must bool   // an administrator set the password: it must be changed first
	Next string // where to go once it is changed
}

// EditPassword shows the form to change one's own password.
func (h *Handler) EditPassword(w http.ResponseWriter, r *http.Request) {
	u := auth.UserFrom(r.Context())
	h.render(w, r, http.StatusOK, "account_password", &page{Title: "修改密码",
		Data: &passwordForm{Must: u.MustChangePassword, Next: safeNext(r.URL.Query().Get("next"))}})
}

// UpdatePassword changes one's own password: the current one, then the
// new one twice. The session it is changed from stays; the others end.
func (h *Handler) UpdatePassword(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<16)
	u := auth.UserFrom(r.Context())
	next := safeNext(r.PostFormValue("next"))
	session := ""
	if c, err := r.Cookie(auth.SessionCookie); err == nil {
		session = c.Value
	}
	err := h.Auth.ChangePassword(r.Context(), u, r.PostFormValue("current"), r.PostFormValue("password"),
		r.PostFormValue("confirm"), auth.RemoteAddr(r), session)
	if err == nil {
		redirect(w, r, next, "密码已修改。请记住新密码，不要告诉他人。")
		return
	}
	code := zhenggai.ErrorCode(err)
	errs := map[string]string{}
	switch code {
	case zhenggai.ETHROTTLED:
		errs["current"] = zhenggai.ErrorMessage(err)
	case zhenggai.EINVALID:
		f := &form{values: map[string]string{}, errs: &zhenggai.ValidationError{}}
		f.merge(err)
		errs = f.errMap()
	default:
		h.fail(w, r, err)
		return
	}
	// Nothing typed is sent back: passwords are not put in a page.
	h.render(w, r, zhenggai.HTTPStatus(code), "account_password", &page{Title: "修改密码", Errors: errs,
		Data: &passwordForm{Must: u.MustChangePassword, Next: next}})
}
