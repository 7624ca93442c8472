package ui_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/testkit"
)

// TestPasswordSetByAdminMustBeChanged: on each backend, a password an
// administrator set (a new account, a reset) opens nothing but the page to
// change it; the owner's own password then works and the old one does
// not, his other sessions end, and the API lets him change it too.
func TestPasswordSetByAdminMustBeChanged(t *testing.T) {
	testkit.EachBackend(t, testPasswordSetByAdmin)
}

type pwBrowser struct {
	t   *testing.T
	srv string
	c   *http.Client
}

func newPWBrowser(t *testing.T, srv string) *pwBrowser {
	jar, _ := cookiejar.New(nil)
	return &pwBrowser{t, srv, &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (b *pwBrowser) do(method, path string, form url.Values) (int, string, string) {
	b.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, b.srv+path, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Location"), string(out)
}

func (b *pwBrowser) signIn(name, pw string) (int, string) {
	code, loc, _ := b.do("POST", "/login", url.Values{"name": {name}, "password": {pw}})
	return code, loc
}

func testPasswordSetByAdmin(t *testing.T, env *testkit.Env) {
	srv := env.Serve(t, nil)
	admin := newPWBrowser(t, srv.URL)
	admin.c.Jar.SetCookies(mustURL(srv.URL), []*http.Cookie{testkit.Admin(t, env.Store).Cookie})
	unit, err := env.Store.EnsureUnit(zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"}), "甲单位")
	if err != nil {
		t.Fatal(err)
	}
	code, _, body := admin.do("POST", "/admin/users", url.Values{"name": {"qinli"}, "display_name": {"覃丽"},
		"role": {"responsible"}, "unit_id": {fmt.Sprint(unit)}})
	if code != http.StatusCreated || !strings.Contains(body, "首次登录") {
		t.Fatalf("create user: %d", code)
	}
	pw := shownPassword(t, body)

	// Signed in with the administrator's password: every page leads to
	// the password form, and nothing else can be done.
	b1, b2 := newPWBrowser(t, srv.URL), newPWBrowser(t, srv.URL)
	if code, loc := b1.signIn("qinli", pw); code != 303 || loc != "/account/password?next=%2F" {
		t.Fatalf("first sign-in: %d %s", code, loc)
	}
	b2.signIn("qinli", pw)
	for _, p := range []string{"/", "/inbox", "/rounds.xlsx"} {
		if code, loc, _ := b1.do("GET", p, nil); code != 303 || loc != "/account/password?next="+url.QueryEscape(p) {
			t.Errorf("GET %s before the change: %d %s", p, code, loc)
		}
	}
	if code, _, body := b1.do("POST", "/inbox/read", url.Values{}); code != 403 || !strings.Contains(body, "请先修改密码") {
		t.Errorf("POST before the change: %d", code)
	}
	code, _, body = b1.do("GET", "/account/password?next=%2Finbox", nil)
	if code != 200 || !strings.Contains(body, "您的密码由系统管理员设置") || !strings.Contains(body, `name="next" value="/inbox"`) {
		t.Errorf("password page: %d", code)
	}

	// Each bad choice is refused with its reason.
	for _, c := range []struct{ current, pw, confirm, want string }{
		{"wrong", "Zheng#gai2026", "Zheng#gai2026", "当前密码不正确"},
		{pw, "Ab1!", "Ab1!", "新密码至少8位"},
		{pw, "zhenggai2026", "zhenggai2026", "至少三种"},
		{pw, "Qinli#2026x", "Qinli#2026x", "不能包含登录名"},
		{pw, "Zheng#gai2026", "Zheng#gai2027", "两次输入的新密码不一致"},
		{pw, "Zheng\u200bgai#2026", "Zheng\u200bgai#2026", "不可见的字符"},
	} {
		code, _, body := b1.do("POST", "/account/password", url.Values{"current": {c.current}, "password": {c.pw}, "confirm": {c.confirm}, "next": {"/"}})
		if code != 422 || !strings.Contains(body, c.want) || strings.Contains(body, c.pw) {
			t.Errorf("%q: %d, want 422 saying %q without the password", c.pw, code, c.want)
		}
	}
	// The owner's own password: he goes where he was going, the old
	// password and his other browser's session are done with.
	mine := "Zheng#gai2026"
	code, loc, _ := b1.do("POST", "/account/password", url.Values{"current": {pw}, "password": {mine}, "confirm": {mine}, "next": {"/inbox"}})
	if code != 303 || loc != "/inbox" {
		t.Fatalf("change: %d %s", code, loc)
	}
	if code, _, _ := b1.do("GET", "/inbox", nil); code != 200 {
		t.Errorf("after the change, the session that made it: %d", code)
	}
	if code, loc, _ := b2.do("GET", "/", nil); code != 303 || !strings.HasPrefix(loc, "/login") {
		t.Errorf("another session after the change: %d %s", code, loc)
	}
	if code, _ := newPWBrowser(t, srv.URL).signIn("qinli", pw); code != 401 {
		t.Errorf("the administrator's password after the change: %d", code)
	}
	if code, loc := newPWBrowser(t, srv.URL).signIn("qinli", mine); code != 303 || loc != "/" {
		t.Errorf("his own password: %d %s", code, loc)
	}

	// The API: with a token (which a pending change does not hold up) he
	// changes it again; the token stays good.
	u, _, err := env.Store.UserByName(context.Background(), "qinli")
	if err != nil {
		t.Fatal(err)
	}
	tok := auth.NewSecret("zt_")
	if _, err := env.Store.CreateToken(zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"}), u.ID, "脚本", auth.Digest(tok)); err != nil {
		t.Fatal(err)
	}
	api := func(current, next string) (int, map[string]any) {
		b, _ := json.Marshal(map[string]string{"current_password": current, "new_password": next})
		req, _ := http.NewRequest("PUT", srv.URL+"/api/v1/account/password", strings.NewReader(string(b)))
		req.Header.Set("Authorization", "Bearer "+tok)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out map[string]any
		json.NewDecoder(resp.Body).Decode(&out)
		return resp.StatusCode, out
	}
	if code, out := api(mine, "short"); code != 422 || !strings.Contains(fmt.Sprint(out), "至少8位") {
		t.Errorf("API, a short password: %d %v", code, out)
	}
	if code, out := api(mine, "Another#2027"); code != 200 || out["changed"] != true {
		t.Errorf("API change: %d %v", code, out)
	}
	if code, _ := newPWBrowser(t, srv.URL).signIn("qinli", "Another#2027"); code != 303 {
		t.Errorf("the password changed through the API: %d", code)
	}
	if code, _ := api("Another#2027", "Third#2028x"); code != 200 {
		t.Errorf("the token after a change: %d", code)
	}

	// A reset by the administrator: to be changed again.
	code, _, body = admin.do("POST", fmt.Sprintf("/admin/users/%d/password", u.ID), url.Values{})
	if code != 200 {
		t.Fatalf("reset: %d", code)
	}
	if code, loc := newPWBrowser(t, srv.URL).signIn("qinli", shownPassword(t, body)); code != 303 || !strings.HasPrefix(loc, "/account/password") {
		t.Errorf("after a reset: %d %s", code, loc)
	}
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}
