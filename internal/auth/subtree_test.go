package auth

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/store"
)

// TestSubtreeOncePerRequest: an inspection office's request whose page
// asks about many records (as a round's tree asks for each measure's
// closing buttons), in units at every depth below it and beside it,
// reads the office's subtree once, answers each rightly, and reads it
// anew on the next request, which sees a unit moved meanwhile. A unit's
// own clerk, whose checks never ask about the tree, does not read it.
func TestSubtreeOncePerRequest(t *testing.T) {
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	st, err := store.OpenSQLite(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	unit := func(name string, parent int64) int64 {
		u := &zhenggai.Unit{Name: name, ParentID: parent}
		if err := st.SaveUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
		return u.ID
	}
	city := unit("市委巡察办", 0)
	county := unit("县委巡察办", city)
	town := unit("某乡党委", county)
	village := unit("某村党支部", town)
	other := unit("邻市巡察办", 0)
	beside := unit("邻县政协", other)

	signIn := func(role zhenggai.Role, unitID int64, name string) (*zhenggai.User, *http.Cookie) {
		u := &zhenggai.User{UnitID: unitID, Name: name, DisplayName: name, Role: role}
		if err := st.CreateUser(ctx, u, "x"); err != nil {
			t.Fatal(err)
		}
		sid := NewSecret("zs_")
		if err := st.CreateSession(ctx, Digest(sid), u.ID, time.Now().Add(time.Hour), "127.0.0.1"); err != nil {
			t.Fatal(err)
		}
		return u, &http.Cookie{Name: SessionCookie, Value: sid}
	}
	office, officeCookie := signIn(zhenggai.RoleSupervisor, city, "office")
	_, clerkCookie := signIn(zhenggai.RoleUnitAdmin, town, "clerk")

	a := &Auth{Store: st, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: time.Now}
	want := map[int64]bool{city: true, county: true, town: true, village: true, other: false, beside: false, 999999: false}
	var wrong []string
	page := func(w http.ResponseWriter, r *http.Request) {
		u := UserFrom(r.Context())
		for range 20 {
			for id, ok := range want {
				if u.ID == office.ID && a.CanRead(r.Context(), u, id) != ok {
					wrong = append(wrong, "read "+strconv.FormatInt(id, 10))
				}
				// Accepting is for units below, never the office's own.
				accept := ok && id != city
				if got := a.Can(r.Context(), u, zhenggai.PermAccept, zhenggai.Target{UnitID: id}); u.ID == office.ID && got != accept {
					wrong = append(wrong, "accept "+strconv.FormatInt(id, 10))
				}
			}
		}
	}
	mux := http.NewServeMux()
	mux.Handle("GET /units/{id}", a.Guard(Route{Pattern: "GET /units/{id}", Perm: zhenggai.PermRead, On: "self", Handler: page},
		func(w http.ResponseWriter, r *http.Request, status int, msg string) { http.Error(w, msg, status) }))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	get := func(c *http.Cookie) {
		t.Helper()
		req, _ := http.NewRequest("GET", srv.URL+"/units/1", nil)
		req.AddCookie(c)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Fatalf("GET: %d", res.StatusCode)
		}
	}

	before := a.subtreeReads.Load()
	get(officeCookie)
	if n := a.subtreeReads.Load() - before; n != 1 {
		t.Errorf("one request of 280 checks read the subtree %d times, want once", n)
	}
	if len(wrong) > 0 {
		t.Errorf("wrong answers: %v", wrong[:min(len(wrong), 10)])
	}

	// The town moves beside: the next request reads the tree again.
	if err := st.SaveUnit(ctx, &zhenggai.Unit{ID: town, Name: "某乡党委", ParentID: other}); err != nil {
		t.Fatal(err)
	}
	want[town], want[village] = false, false
	wrong = nil
	before = a.subtreeReads.Load()
	get(officeCookie)
	if n := a.subtreeReads.Load() - before; n != 1 {
		t.Errorf("the second request read the subtree %d times, want once", n)
	}
	if len(wrong) > 0 {
		t.Errorf("after the move, wrong answers: %v", wrong[:min(len(wrong), 10)])
	}

	before = a.subtreeReads.Load()
	get(clerkCookie)
	if n := a.subtreeReads.Load() - before; n != 0 {
		t.Errorf("a unit clerk's request read the subtree %d times, want never", n)
	}
}
