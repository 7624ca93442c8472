// Package testkit gives tests signed-in users: an account of a role in a
// unit, with an API token and a session cookie, made through the same
// store calls the program uses.
package testkit

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/attach"
	"zhenggai/internal/auth"
	"zhenggai/internal/httpd"
	"zhenggai/internal/store"
)

// Login is a signed-in user.
type Login struct {
	User   *zhenggai.User
	Token  string       // for Authorization: Bearer
	Cookie *http.Cookie // the session cookie
}

// Bearer sets the token on a request.
func (l *Login) Bearer(r *http.Request) { r.Header.Set("Authorization", "Bearer "+l.Token) }

// TestPassword is the password of every SignIn user, who need not change
// it: it was not set by an administrator for him.
const TestPassword = "test-password"

// SignIn creates a user of the role in the unit (created if needed) whose
// display name is name, and opens a token and a session for him.
func SignIn(t testing.TB, st *store.Store, role zhenggai.Role, unit, name string) *Login {
	t.Helper()
	return signIn(t, st, role, unit, name, false)
}

// Principal is SignIn for the unit's principal leader (主要负责人), who
// reviews its publications unless the unit sets otherwise.
func Principal(t testing.TB, st *store.Store, unit, name string) *Login {
	t.Helper()
	return signIn(t, st, zhenggai.RoleLeader, unit, name, true)
}

func signIn(t testing.TB, st *store.Store, role zhenggai.Role, unit, name string, principal bool) *Login {
	t.Helper()
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "testkit"})
	unitID, err := st.EnsureUnit(ctx, unit)
	if err != nil {
		t.Fatal(err)
	}
	hash, err := auth.HashPassword(TestPassword)
	if err != nil {
		t.Fatal(err)
	}
	login := string(role) + "-" + time.Now().Format("150405.000000000")
	u := &zhenggai.User{UnitID: unitID, Name: login, DisplayName: name, Role: role, Principal: principal}
	if err := st.CreateUser(ctx, u, hash); err != nil {
		t.Fatal(err)
	}
	u.Unit = unit
	tok := auth.NewSecret("zt_")
	if _, err := st.CreateToken(ctx, u.ID, "test", auth.Digest(tok)); err != nil {
		t.Fatal(err)
	}
	sid := auth.NewSecret("zs_")
	if err := st.CreateSession(ctx, auth.Digest(sid), u.ID, time.Now().Add(time.Hour), "127.0.0.1"); err != nil {
		t.Fatal(err)
	}
	return &Login{User: u, Token: tok, Cookie: &http.Cookie{Name: auth.SessionCookie, Value: sid}}
}

// Admin is SignIn for an administrator of a unit named 系统管理.
func Admin(t testing.TB, st *store.Store) *Login {
	return SignIn(t, st, zhenggai.RoleAdmin, "系统管理", "管理员")
}

// Jar is a cookie jar holding the login's session for the server at base.
func Jar(t testing.TB, base string, l *Login) http.CookieJar {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	jar.SetCookies(u, []*http.Cookie{l.Cookie})
	return jar
}

// Env is an installation: a data folder with its store and attachment
// folder (on PostgreSQL also a database), closed when the test ends.
type Env struct {
	Backend string // "sqlite" or "postgres"
	Dir     string
	DSN     string // the PostgreSQL database's URL, "" on SQLite
	Store   *store.Store
	Files   *attach.Dir
}

// Open makes a fresh SQLite installation in t.TempDir().
func Open(t testing.TB) *Env {
	t.Helper()
	return OpenIn(t, t.TempDir())
}

// OpenIn makes a fresh SQLite installation in the data folder dir.
func OpenIn(t testing.TB, dir string) *Env {
	t.Helper()
	return (&Env{Backend: "sqlite", Dir: dir}).open(t)
}

// open opens Store and Files.
func (e *Env) open(t testing.TB) *Env {
	t.Helper()
	e.Store = e.OpenStore(t)
	files, err := attach.Open(e.Dir)
	if err != nil {
		t.Fatal(err)
	}
	e.Files = files
	return e
}

// OpenStore opens a store on the installation as the program does (its
// migrations run first), closed when the test ends: another beside
// e.Store is what a second process does, one after e.Store.Close() a
// restart.
func (e *Env) OpenStore(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), e.Dir, e.DSN)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// Config is the program's configuration on the installation: its store
// and files, the clock now (nil: the real one), its log in the test's log
// (shown when the test fails). A test changes what it tests and passes it
// to ServeConfig.
func (e *Env) Config(t testing.TB, now func() time.Time) httpd.Config {
	return httpd.Config{Store: e.Store, Files: e.Files, Now: now, Log: slog.New(slog.NewTextHandler(testLog{t}, nil))}
}

// Serve starts the whole program on the installation over real HTTP; now
// may be nil for the real clock.
func (e *Env) Serve(t testing.TB, now func() time.Time) *httptest.Server {
	t.Helper()
	return ServeConfig(t, e.Config(t, now))
}

// ServeConfig starts the program configured by c over real HTTP, closed
// when the test ends.
func ServeConfig(t testing.TB, c httpd.Config) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(httpd.New(c))
	t.Cleanup(srv.Close)
	return srv
}

// testLog writes a server's log lines into the test's log.
type testLog struct{ t testing.TB }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}
