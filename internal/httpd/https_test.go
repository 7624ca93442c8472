package httpd_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/httpd"
	"zhenggai/internal/testkit"
)

// TestSecureCookieBehindProxy: behind the HTTPS reverse proxy the README
// recommends (trusted with --trusted-proxy), signing in gives a Secure
// session cookie and every answer HSTS; the same headers from a client
// that is not a trusted proxy change nothing.
func TestSecureCookieBehindProxy(t *testing.T) {
	env := testkit.Open(t)
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	unit, _ := env.Store.EnsureUnit(ctx, "甲单位")
	hash, _ := auth.HashPassword("Zh3ngGai-pass")
	if err := env.Store.CreateUser(ctx, &zhenggai.User{UnitID: unit, Name: "qinli", DisplayName: "覃丽", Role: zhenggai.RoleResponsible}, hash); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		trusted string
		secure  bool
	}{{"127.0.0.1", true}, {"10.0.0.0/8", false}, {"", false}} {
		trusted, _ := httpd.ParseTrustedProxies(c.trusted)
		cfg := env.Config(t, nil)
		cfg.TrustedProxies = trusted
		srv := testkit.ServeConfig(t, cfg)
		req, _ := http.NewRequest("POST", srv.URL+"/login", strings.NewReader(url.Values{"name": {"qinli"}, "password": {"Zh3ngGai-pass"}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Forwarded-Proto", "https")
		req.Header.Set("X-Forwarded-For", "198.51.100.7")
		resp, err := (&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		srv.Close()
		if resp.StatusCode != 303 {
			t.Fatalf("trusted %q: sign-in %d", c.trusted, resp.StatusCode)
		}
		var session, device *http.Cookie
		for _, ck := range resp.Cookies() {
			switch ck.Name {
			case auth.SessionCookie:
				session = ck
			case auth.DeviceCookie:
				device = ck
			}
		}
		if session == nil || device == nil || session.Secure != c.secure || device.Secure != c.secure {
			t.Errorf("trusted %q: cookies %+v %+v, want Secure %v", c.trusted, session, device, c.secure)
		}
		if hsts := resp.Header.Get("Strict-Transport-Security"); (hsts != "") != c.secure {
			t.Errorf("trusted %q: HSTS %q", c.trusted, hsts)
		}
	}
}
