package auth

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"zhenggai"
	"zhenggai/internal/store"
)

// SessionCookie is the name of the session cookie.
const SessionCookie = "zg_session"

// SessionTTL is how long a session lasts after sign-in.
const SessionTTL = 12 * time.Hour

// Auth signs people in and out and finds who makes a request.
type Auth struct {
	Store *store.Store
	Log   *slog.Logger
	Now   func() time.Time
	// AnonymousBody bounds the time to read the body of a request whose
	// caller is not signed in (0: no bound beyond the server's): a body
	// trickled in a byte at a time must not hold a connection for minutes.
	AnonymousBody time.Duration
	th            throttle
	// subtreeReads counts the reads of a unit subtree, for the test that
	// a request reads it once.
	subtreeReads atomic.Int64
}

// throttled says how long to wait, in the unit people count it in.
func throttled(wait time.Duration) error {
	if wait > time.Minute {
		return zhenggai.Errorf(zhenggai.ETHROTTLED, "登录失败次数过多，请%d分钟后再试；在本人常用的浏览器上可以照常登录", int((wait+time.Minute-1)/time.Minute))
	}
	return zhenggai.Errorf(zhenggai.ETHROTTLED, "登录失败次数过多，请%d秒后再试；在本人常用的浏览器上可以照常登录", max(1, int((wait+time.Second-1)/time.Second)))
}

// errBadLogin never says which of name and password was wrong.
var errBadLogin = zhenggai.Errorf(zhenggai.EINVALID, "登录名或密码不正确")

// Signed is a successful sign-in.
type Signed struct {
	User    *zhenggai.User
	Session string // the session ID, for the session cookie
	Device  string // the device cookie's value, to send back
}

// Login checks a name and password and starts a session. device is the
// browser's device cookie, "" if it has none: a browser that signed in as
// the user before keeps signing in whatever failures strangers cause
// (see throttle). Every sign-in gets a new session ID.
func (a *Auth) Login(ctx context.Context, name, password, addr, device string) (*Signed, error) {
	now := a.Now()
	u, hash, err := a.Store.UserByName(ctx, name)
	if err != nil && zhenggai.ErrorCode(err) != zhenggai.ENOTFOUND {
		return nil, err
	}
	known := ""
	if u != nil && device != "" {
		ok, err := a.Store.DeviceKnown(ctx, Digest(device), u.ID)
		if err != nil {
			return nil, err
		}
		if ok {
			known = Digest(device)
		}
	}
	if wait := a.th.wait(name, addr, known, now); wait > 0 {
		return nil, throttled(wait)
	}
	if u == nil {
		CheckPassword(password, dummyHash)
		a.th.fail(name, addr, known, now)
		return nil, errBadLogin
	}
	if !CheckPassword(password, hash) || u.Disabled {
		a.th.fail(name, addr, known, now)
		return nil, errBadLogin
	}
	a.th.succeed(name, addr, known)
	id := NewSecret("zs_")
	if err := a.Store.CreateSession(ctx, Digest(id), u.ID, now.Add(SessionTTL), addr); err != nil {
		return nil, err
	}
	if device == "" || len(device) > 100 {
		device = NewSecret("zd_")
	}
	if err := a.Store.RememberDevice(ctx, Digest(device), u.ID); err != nil {
		return nil, err
	}
	return &Signed{User: u, Session: id, Device: device}, nil
}

// Logout ends the session of the request, if any.
func (a *Auth) Logout(ctx context.Context, r *http.Request) error {
	c, err := r.Cookie(SessionCookie)
	if err != nil {
		return nil
	}
	return a.Store.DeleteSession(ctx, Digest(c.Value))
}

type httpsKey struct{}

// MarkHTTPS returns ctx saying that the request reached us over HTTPS
// through a trusted reverse proxy, which ended TLS in front of us.
func MarkHTTPS(ctx context.Context) context.Context { return context.WithValue(ctx, httpsKey{}, true) }

// HTTPS reports whether the client's connection is encrypted: TLS served
// here, or by a trusted proxy that said so (MarkHTTPS).
func HTTPS(r *http.Request) bool {
	marked, _ := r.Context().Value(httpsKey{}).(bool)
	return r.TLS != nil || marked
}

// SetCookie sends the session cookie; Secure over HTTPS.
func SetCookie(w http.ResponseWriter, r *http.Request, id string) {
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: id, Path: "/", MaxAge: int(SessionTTL.Seconds()),
		HttpOnly: true, Secure: HTTPS(r), SameSite: http.SameSiteLaxMode})
}

// ClearCookie removes the session cookie.
func ClearCookie(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: HTTPS(r), SameSite: http.SameSiteLaxMode})
}

// DeviceCookie names the cookie by which a browser that has signed in is
// known again when it signs in: sent to /login only, kept for a year.
const DeviceCookie = "zg_device"

// SetDeviceCookie sends (or renews) the device cookie.
func SetDeviceCookie(w http.ResponseWriter, r *http.Request, device string) {
	http.SetCookie(w, &http.Cookie{Name: DeviceCookie, Value: device, Path: "/login", MaxAge: int(store.DeviceKeep.Seconds()),
		HttpOnly: true, Secure: HTTPS(r), SameSite: http.SameSiteStrictMode})
}

// Identify returns the user of a request: by API token (Authorization:
// Bearer) or by session cookie; nil when neither is valid.
func (a *Auth) Identify(r *http.Request) (*zhenggai.User, string, error) {
	if h := r.Header.Get("Authorization"); h != "" {
		tok, ok := strings.CutPrefix(h, "Bearer ")
		if !ok || tok == "" {
			return nil, "", nil
		}
		u, err := a.Store.TokenUser(r.Context(), Digest(strings.TrimSpace(tok)))
		return orNil(u, err, "api")
	}
	c, err := r.Cookie(SessionCookie)
	if err != nil || c.Value == "" {
		return nil, "", nil
	}
	u, err := a.Store.SessionUser(r.Context(), Digest(c.Value))
	return orNil(u, err, "web")
}

func orNil(u *zhenggai.User, err error, via string) (*zhenggai.User, string, error) {
	if zhenggai.ErrorCode(err) == zhenggai.ENOTFOUND {
		return nil, "", nil
	}
	if err != nil {
		return nil, "", err
	}
	return u, via, nil
}

type userKey struct{}

// WithUser returns a context carrying the signed-in user.
func WithUser(ctx context.Context, u *zhenggai.User) context.Context {
	return context.WithValue(ctx, userKey{}, u)
}

// UserFrom returns the signed-in user of ctx, or nil.
func UserFrom(ctx context.Context) *zhenggai.User {
	u, _ := ctx.Value(userKey{}).(*zhenggai.User)
	return u
}

// RemoteAddr is the client's address without its port.
func RemoteAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// Can is zhenggai.Can with the unit tree of the store.
func (a *Auth) Can(ctx context.Context, u *zhenggai.User, p zhenggai.Perm, t zhenggai.Target) bool {
	return zhenggai.Can(u, p, t, a.under(ctx))
}

// CanRead reports whether u may read the records of a unit; lists use it
// to leave out what the user may not see.
func (a *Auth) CanRead(ctx context.Context, u *zhenggai.User, unitID int64) bool {
	return zhenggai.Can(u, zhenggai.PermRead, zhenggai.Target{UnitID: unitID}, a.under(ctx))
}

// under answers zhenggai.Can's question (is unit in office's subtree?)
// from the subtree read once per request (see withSubtrees).
func (a *Auth) under(ctx context.Context) func(office, unit int64) bool {
	return func(office, unit int64) bool {
		units, err := a.subtree(ctx, office)
		return err == nil && units[unit]
	}
}

// subtrees keeps, for one request, the units under each office its
// permission checks asked about. A page asks once per record it shows (a
// round's tree: every measure's closing buttons), and walking the unit
// tree each time cost a query per level of it; within one request the
// tree is taken as it was at the first question.
type subtrees struct {
	mu sync.Mutex
	m  map[int64]subtree
}

type subtree struct {
	units map[int64]bool
	err   error
}

type subtreesKey struct{}

// withSubtrees returns a context whose permission checks read each
// office's subtree at most once: the request's (Guard).
func withSubtrees(ctx context.Context) context.Context {
	return context.WithValue(ctx, subtreesKey{}, &subtrees{m: map[int64]subtree{}})
}

// subtree is the set of units office sees: read lazily, at the first
// check that needs it (only an inspection office's checks do), and kept
// for the rest of the request; outside a request, read each time.
func (a *Auth) subtree(ctx context.Context, office int64) (map[int64]bool, error) {
	memo, _ := ctx.Value(subtreesKey{}).(*subtrees)
	if memo == nil {
		return a.loadSubtree(ctx, office)
	}
	memo.mu.Lock()
	defer memo.mu.Unlock()
	if t, ok := memo.m[office]; ok {
		return t.units, t.err
	}
	units, err := a.loadSubtree(ctx, office)
	memo.m[office] = subtree{units, err}
	return units, err
}

func (a *Auth) loadSubtree(ctx context.Context, office int64) (map[int64]bool, error) {
	a.subtreeReads.Add(1)
	units, err := a.Store.UnitsUnder(ctx, office)
	if err != nil {
		a.Log.Error("unit tree", "office", office, "err", err)
	}
	return units, err
}

// Scope is the set of units whose rounds u may list; false when none.
func Scope(u *zhenggai.User) (zhenggai.Scope, bool) {
	switch {
	case u == nil || u.Disabled || u.Role == zhenggai.RoleMember:
		return zhenggai.Scope{}, false
	case u.Role == zhenggai.RoleAdmin:
		return zhenggai.Scope{All: true}, true
	case u.Role == zhenggai.RoleSupervisor:
		return zhenggai.Scope{Office: u.UnitID}, true
	}
	return zhenggai.Scope{Unit: u.UnitID}, true
}

// SearchScope is what a keyword search by u covers: the units of his
// Scope, and their opinions from the public when he may read his own
// unit's (PermOpinions: not leaders and owners, who do not see contacts).
func (a *Auth) SearchScope(ctx context.Context, u *zhenggai.User) (sc zhenggai.Scope, opinions, ok bool) {
	if sc, ok = Scope(u); !ok {
		return sc, false, false
	}
	return sc, a.Can(ctx, u, zhenggai.PermOpinions, zhenggai.Target{UnitID: u.UnitID}), true
}

// ChangePassword sets u's password to one he chose, after checking his
// current one (paused, like sign-in, after a few wrong ones: the form must
// not become a way to guess it). keepSession is the session he changes it
// from, which stays; his other sessions end.
func (a *Auth) ChangePassword(ctx context.Context, u *zhenggai.User, current, password, confirm, addr, keepSession string) error {
	now := a.Now()
	if wait := a.th.wait(u.Name, addr, "", now); wait > 0 {
		return throttled(wait)
	}
	hash, err := a.Store.PasswordHash(ctx, u.ID)
	if err != nil {
		return err
	}
	if !CheckPassword(current, hash) {
		a.th.fail(u.Name, addr, "", now)
		v := &zhenggai.ValidationError{}
		v.Add("current", "当前密码不正确")
		return v
	}
	if err := CheckNewPassword(u, password, confirm); err != nil {
		return err
	}
	if password == current {
		v := &zhenggai.ValidationError{}
		v.Add("password", "新密码不能与当前密码相同")
		return v
	}
	newHash, err := HashPassword(password)
	if err != nil {
		return err
	}
	keep := ""
	if keepSession != "" {
		keep = Digest(keepSession)
	}
	return a.Store.ChangePassword(ctx, u.ID, newHash, keep)
}
