// Package httpd serves the pages and the API over HTTP.
package httpd

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/netip"
	"runtime/debug"
	"time"

	"zhenggai/internal/api"
	"zhenggai/internal/attach"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
	"zhenggai/internal/ui"
)

// Config is what the server needs.
type Config struct {
	Store *store.Store
	Files *attach.Dir
	Log   *slog.Logger
	// Now is the clock; tests and the demo may fix it.
	Now func() time.Time
	// NoPageCache renders every page afresh (benchmarks of the cold path).
	NoPageCache bool
	// TrustedProxies are the reverse proxies whose X-Forwarded-For names
	// the client and whose X-Forwarded-Proto says HTTPS (proxy.go); none
	// by default.
	TrustedProxies []netip.Prefix
	// AnonymousBody bounds the time to read a request body for a caller
	// who is not signed in; 0 is DefaultAnonymousBody (limits.go).
	AnonymousBody time.Duration
}

// New returns the handler of the whole program.
func New(c Config) http.Handler {
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Log == nil {
		c.Log = slog.Default()
	}
	mux := http.NewServeMux()
	if c.AnonymousBody == 0 {
		c.AnonymousBody = DefaultAnonymousBody
	}
	au := &auth.Auth{Store: c.Store, Log: c.Log, Now: c.Now, AnonymousBody: c.AnonymousBody}
	u := &ui.Handler{Store: c.Store, Files: c.Files, Auth: au, Now: c.Now, Log: c.Log, NoPageCache: c.NoPageCache}
	a := &api.Handler{Store: c.Store, Files: c.Files, Auth: au, Now: c.Now, Log: c.Log}
	health := func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		w.Header().Set("Cache-Control", "no-store")
		if err := c.Store.Ping(ctx); err != nil {
			c.Log.Error("health check", "err", err)
			http.Error(w, "database unreachable", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ok")
	}
	rts := routes(u, a, health)
	a.Routes = rts
	for _, rt := range rts {
		mux.Handle(rt.Pattern, au.Guard(rt, u.Deny))
	}
	// Forms and API writes from another site are refused; scripts without
	// an Origin header (curl with a token) are not browsers and pass.
	csrf := http.NewCrossOriginProtection()
	csrf.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "拒绝跨站请求：请从本系统的页面提交", http.StatusForbidden)
	}))
	return recoverer(c.Log, behindProxies(c.TrustedProxies, headers(csrf.Handler(mux))))
}

// hsts keeps browsers on HTTPS once they reached the program over it:
// half a year, this host only (an intranet's other hosts may have no TLS).
const hsts = "max-age=15552000"

// headers sets what every answer carries.
func headers(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		if auth.HTTPS(r) {
			h.Set("Strict-Transport-Security", hsts)
		}
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")
		next.ServeHTTP(w, r)
	})
}

// recoverer turns a panic into a 500 with a Chinese message and a log line
// with the stack, so that no panic reaches a user as a dropped connection.
func recoverer(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", p, "stack", string(debug.Stack()))
				http.Error(w, "内部错误，请联系系统管理员", http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// Routes lists the route table, for tests and documentation; its handlers
// are not meant to be called.
func Routes() []auth.Route {
	return routes(&ui.Handler{}, &api.Handler{}, func(http.ResponseWriter, *http.Request) {})
}
