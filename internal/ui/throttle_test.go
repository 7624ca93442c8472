package ui_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/httpd"
	"zhenggai/internal/testkit"
)

// TestLoginThrottleOverHTTP: the attacks on sign-in, sent through a trusted
// proxy from many addresses, on each backend. Fifty wrong passwords from
// ten addresses, or twenty names tried from one, never keep a user out of
// the browser he signed in from before; from a new browser he waits a
// minute at most, not a quarter of an hour.
func TestLoginThrottleOverHTTP(t *testing.T) {
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
		unit, _ := env.Store.EnsureUnit(ctx, "甲单位")
		hash, _ := auth.HashPassword("Zh3ngGai-pass")
		if err := env.Store.CreateUser(ctx, &zhenggai.User{UnitID: unit, Name: "qinli", DisplayName: "覃丽", Role: zhenggai.RoleResponsible}, hash); err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		clock := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
		now := func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }
		wait := func(d time.Duration) { mu.Lock(); clock = clock.Add(d); mu.Unlock() }
		trusted, _ := httpd.ParseTrustedProxies("127.0.0.1")
		cfg := env.Config(t, now)
		cfg.TrustedProxies = trusted
		srv := testkit.ServeConfig(t, cfg)
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		login := func(name, pw, from string, device *http.Cookie) (int, *http.Cookie, string) {
			t.Helper()
			req, _ := http.NewRequest("POST", srv.URL+"/login", strings.NewReader(url.Values{"name": {name}, "password": {pw}}.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("X-Forwarded-For", from)
			if device != nil {
				req.AddCookie(device)
			}
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			for _, c := range resp.Cookies() {
				if c.Name == auth.DeviceCookie {
					return resp.StatusCode, c, string(body)
				}
			}
			return resp.StatusCode, nil, string(body)
		}
		code, home, _ := login("qinli", "Zh3ngGai-pass", "10.0.0.5", nil)
		if code != 303 || home == nil || !home.HttpOnly || home.Path != "/login" || home.MaxAge < 300*24*3600 {
			t.Fatalf("first sign-in: %d, device cookie %+v", code, home)
		}

		// Fifty wrong passwords from ten addresses.
		refused := 0
		for i := range 50 {
			if code, _, _ := login("qinli", "guess", fmt.Sprintf("198.51.100.%d", i%10), nil); code == 429 {
				refused++
			}
			wait(time.Second)
		}
		if refused == 0 {
			t.Error("fifty guesses in a minute, none of them slowed down")
		}
		if code, _, _ := login("qinli", "Zh3ngGai-pass", "10.0.0.5", home); code != 303 {
			t.Errorf("her own browser after the attack: %d", code)
		}
		if code, _, _ := login("qinli", "Zh3ngGai-pass", "203.0.113.1", home); code != 303 {
			t.Errorf("her own browser, elsewhere, after the attack: %d", code)
		}
		code, _, body := login("qinli", "Zh3ngGai-pass", "10.0.0.6", nil)
		if code != 429 || !strings.Contains(body, "秒后再试") {
			t.Errorf("a new browser right after the attack: %d, want 429 saying how many seconds", code)
		}
		wait(time.Minute + time.Second)
		if code, _, _ := login("qinli", "Zh3ngGai-pass", "10.0.0.6", nil); code != 303 {
			t.Errorf("a new browser a minute later: %d", code)
		}

		// Twenty names tried from one address: the others there sign in.
		wait(16 * time.Minute)
		for i := range 20 {
			login(fmt.Sprintf("user%d", i), "guess", "10.0.0.9", nil)
		}
		if code, _, _ := login("qinli", "Zh3ngGai-pass", "10.0.0.9", home); code != 303 {
			t.Errorf("a known browser behind the guessing address: %d", code)
		}
		wait(time.Minute)
		if code, _, _ := login("qinli", "Zh3ngGai-pass", "10.0.0.9", nil); code != 303 {
			t.Errorf("a new browser behind the guessing address, a minute later: %d", code)
		}

		// A device cookie is no skeleton key: five wrong passwords from it
		// pause it.
		for range 5 {
			login("qinli", "guess", "10.0.0.5", home)
		}
		if code, _, _ := login("qinli", "Zh3ngGai-pass", "10.0.0.5", home); code != 429 {
			t.Errorf("a known browser after five wrong passwords of its own: %d", code)
		}
	})
}
