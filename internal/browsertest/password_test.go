package browsertest_test

import (
	"strings"
	"testing"

	"zhenggai/internal/browsertest"
)

// TestFirstSignInChangesPassword: the administrator adds a colleague and
// hands him the password shown once; at his first sign-in the colleague
// sees only the page to change it, chooses his own, and is in; the
// administrator's password no longer opens his account.
func TestFirstSignInChangesPassword(t *testing.T) {
	env, r, pw := demoEnv(t)
	srv := env.Serve(t, nil)
	b := browsertest.New(t, srv.URL)

	b.SignIn("admin", pw["admin"])
	b.Visit("/admin/users", "users")
	b.Fill("#name", "pengjing")
	b.Fill("#display_name", "彭静")
	b.Fill("#role", "responsible")
	unit := b.Eval(`[...document.querySelectorAll("#unit_id option")].find(o => o.textContent.trim().startsWith(` + "`" + r.Unit + "`" + `)).value`)
	b.Fill("#unit_id", unit)
	b.Click("form.edit button[type=submit]", "#password", "user-added")
	given := b.Text("#password")
	b.Visit("/admin/users", "users-listed")
	if !strings.Contains(b.Text("table.users"), "待本人改密码") {
		t.Error("the users page does not say the password awaits its owner's change")
	}
	b.SignOut()

	b.SignIn("pengjing", given)
	if loc := b.Location(); !strings.Contains(loc, "/account/password") || !strings.Contains(b.Text("main"), "您的密码由系统管理员设置") {
		t.Fatalf("first sign-in landed on %s", loc)
	}
	b.Visit("/", "home-before-change")
	if !strings.Contains(b.Location(), "/account/password") {
		t.Errorf("the home page opened before the change: %s", b.Location())
	}
	b.Fill("#current", given)
	b.Fill("#password", "short")
	b.Fill("#confirm", "short")
	b.Click("form.edit button[type=submit]", ".field-error", "password-too-short")
	if !strings.Contains(b.Text("main"), "新密码至少8位") {
		t.Errorf("a short password: %q", b.Text("main"))
	}
	b.Fill("#current", given)
	b.Fill("#password", "Peng#jing2026")
	b.Fill("#confirm", "Peng#jing2026")
	b.Click("form.edit button[type=submit]", "p.flash", "password-changed")
	if f := b.Text("p.flash"); !strings.Contains(f, "密码已修改") || strings.Contains(b.Location(), "/account/password") {
		t.Errorf("after the change: %q at %s", f, b.Location())
	}
	b.SignOut()
	b.SignIn("pengjing", "Peng#jing2026")
	if strings.Contains(b.Location(), "/account/password") {
		t.Error("his own password is sent to be changed again")
	}
}
