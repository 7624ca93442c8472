package ui_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"unicode"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// TestLoginRedirectStaysLocal: whatever next a link carries, signing in
// (POST /login) and a signed-in GET /login?next= land on a page of this
// site: backslashes (which browsers read as slashes), their escapes, dot
// segments that clean into them, control characters and absolute URLs all
// give "/", and a real page's address is kept.
func TestLoginRedirectStaysLocal(t *testing.T) {
	env := testkit.Open(t)
	srv := env.Serve(t, nil)
	l := testkit.SignIn(t, env.Store, zhenggai.RoleAdmin, "系统管理", "管理员")
	pw := testkit.TestPassword
	base, _ := url.Parse(srv.URL)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

	hostile := []string{
		`/./\evil.example`, `/.\evil.example`, `/\evil.example`, `/\/evil.example`, `\/evil.example`, `\\evil.example`,
		`//evil.example`, `///evil.example`, `/./\/evil.example`, `/a/../\evil.example`, `/%5Cevil.example`, `/%5cevil.example`,
		`/./%5Cevil.example`, `/%255Cevil.example`, `/%2F%5Cevil.example`, "/\tevil.example", "/\t/evil.example",
		"/\r\nLocation: http://evil.example", "/%0d%0aSet-Cookie:x=1", "/\x00evil", "/\x7fevil", "/\u0085evil",
		"https://evil.example/", "http:evil.example", "//evil.example:443@x", "javascript:alert(1)", "evil.example",
		"http://" + base.Host + "@evil.example/",
	}
	check := func(how, next, loc string, want string) {
		t.Helper()
		target, err := base.Parse(loc)
		switch {
		case err != nil || target.Host != base.Host || !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") ||
			strings.ContainsAny(loc, `\`) || strings.ContainsFunc(loc, unicode.IsControl):
			t.Errorf("%s next=%q: Location %q leaves the site", how, next, loc)
		case want != "" && loc != want:
			t.Errorf("%s next=%q: Location %q, want %q", how, next, loc, want)
		}
	}
	post := func(next string) string {
		resp, err := client.PostForm(srv.URL+"/login", url.Values{"name": {l.User.Name}, "password": {pw}, "next": {next}})
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("sign-in with next=%q: %d", next, resp.StatusCode)
		}
		return resp.Header.Get("Location")
	}
	get := func(rawQuery string) (string, bool) {
		req, err := http.NewRequest("GET", srv.URL+"/login?"+rawQuery, nil)
		if err != nil {
			return "", false // not a URL a client can send
		}
		req.AddCookie(l.Cookie)
		resp, err := client.Do(req)
		if err != nil {
			return "", false
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusBadRequest {
			return "", false // refused by the server before any page
		}
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("signed-in GET /login?%s: %d", rawQuery, resp.StatusCode)
		}
		return resp.Header.Get("Location"), true
	}
	for _, next := range hostile {
		check("POST", next, post(next), "/")
		if loc, ok := get("next=" + url.QueryEscape(next)); ok {
			check("GET", next, loc, "/")
		} else {
			t.Errorf("GET next=%q escaped: refused", next)
		}
		if loc, ok := get("next=" + next); ok {
			check("GET (as typed)", next, loc, "")
		}
	}
	for next, want := range map[string]string{
		"/rounds/1/tree?owner=%E8%A6%83%E4%B8%BD": "/rounds/1/tree?owner=%E8%A6%83%E4%B8%BD",
		"/problems/3":      "/problems/3",
		"/rounds/1/./tree": "/rounds/1/tree",
		"/public/":         "/public/",
		"":                 "/",
	} {
		check("POST", next, post(next), want)
		loc, _ := get("next=" + url.QueryEscape(next))
		check("GET", next, loc, want)
	}
}
