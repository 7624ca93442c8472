package ui_test

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/testkit"
)

func TestLoginLogoutThrottle(t *testing.T) {
	env := testkit.Open(t)
	st := env.Store
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	unit, _ := st.EnsureUnit(ctx, "甲单位")
	hash, _ := auth.HashPassword("Zh3ngGai-pass")
	u := &zhenggai.User{UnitID: unit, Name: "qinli", DisplayName: "覃丽", Role: zhenggai.RoleResponsible}
	if err := st.CreateUser(ctx, u, hash); err != nil {
		t.Fatal(err)
	}
	srv := env.Serve(t, nil)
	noFollow := func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	client := &http.Client{CheckRedirect: noFollow}
	login := func(name, pw, next string) *http.Response {
		resp, err := client.PostForm(srv.URL+"/login", url.Values{"name": {name}, "password": {pw}, "next": {next}})
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp
	}
	cookieOf := func(resp *http.Response) *http.Cookie {
		for _, c := range resp.Cookies() {
			if c.Name == auth.SessionCookie {
				return c
			}
		}
		return nil
	}
	get := func(path string, c *http.Cookie) *http.Response {
		req, _ := http.NewRequest("GET", srv.URL+path, nil)
		if c != nil {
			req.AddCookie(c)
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}

	// Not signed in: pages send to the sign-in page, the API answers 401.
	if resp := get("/", nil); resp.StatusCode != 303 || resp.Header.Get("Location") != "/login?next=%2F" {
		t.Errorf("anonymous /: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	if resp := get("/api/v1/rounds", nil); resp.StatusCode != 401 {
		t.Errorf("anonymous API: %d", resp.StatusCode)
	}

	// Right password: a session cookie, HttpOnly and SameSite, and a safe next.
	resp := login("qinli", "Zh3ngGai-pass", "//evil.example/x")
	c1 := cookieOf(resp)
	if resp.StatusCode != 303 || resp.Header.Get("Location") != "/" || c1 == nil || !c1.HttpOnly || c1.SameSite != http.SameSiteLaxMode {
		t.Fatalf("login: %d %s %+v", resp.StatusCode, resp.Header.Get("Location"), c1)
	}
	if get("/tasks", c1).StatusCode != 200 {
		t.Error("the session does not open the home page")
	}
	c2 := cookieOf(login("qinli", "Zh3ngGai-pass", "/rounds/1"))
	if c2 == nil || c2.Value == c1.Value {
		t.Error("a second sign-in did not get a new session ID")
	}

	// Signing out ends that session only.
	req, _ := http.NewRequest("POST", srv.URL+"/logout", nil)
	req.AddCookie(c1)
	if resp, _ := client.Do(req); resp.StatusCode != 303 {
		t.Errorf("logout: %d", resp.StatusCode)
	}
	if get("/tasks", c1).StatusCode != 303 {
		t.Error("the signed-out session still works")
	}
	if get("/tasks", c2).StatusCode != 200 {
		t.Error("signing out ended the other session too")
	}

	// A wrong password says nothing about which part was wrong; five in a
	// row pause the name, even for the right password.
	for i := range 5 {
		resp := login("qinli", "wrong", "")
		if resp.StatusCode != 401 || cookieOf(resp) != nil {
			t.Fatalf("wrong password %d: %d", i, resp.StatusCode)
		}
	}
	if resp := login("qinli", "Zh3ngGai-pass", ""); resp.StatusCode != 429 || cookieOf(resp) != nil {
		t.Errorf("after five failures: %d", resp.StatusCode)
	}
	resp2, _ := http.PostForm(srv.URL+"/login", url.Values{"name": {"nobody"}, "password": {"x"}})
	body, _ := io.ReadAll(resp2.Body)
	resp2.Body.Close()
	if resp2.StatusCode != 401 || !strings.Contains(string(body), "登录名或密码不正确") {
		t.Errorf("unknown user: %d", resp2.StatusCode)
	}

	// A disabled user's session and token stop working.
	u.Disabled = true
	if err := st.UpdateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	if get("/", c2).StatusCode != 303 {
		t.Error("a disabled user's session still works")
	}
}
