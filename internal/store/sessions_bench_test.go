package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/store"
)

// BenchmarkSessionUser measures what checking a session against the login
// that created it costs on every signed-in request: SessionUser (the
// session, its user and unit, and the log entry of its login) beside the
// same user read alone (User: the user and unit), in turns in the same
// loop, on a SQLite file whose log holds 10,000 logins and 10,000 other
// entries.
//
//	go test ./internal/store -run '^$' -bench SessionUser -benchtime 20000x -count 3
func BenchmarkSessionUser(b *testing.B) {
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "bench"})
	st, err := store.OpenSQLite(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	unit := &zhenggai.Unit{Name: "桑植县政协党组"}
	if err := st.SaveUnit(ctx, unit); err != nil {
		b.Fatal(err)
	}
	var users []*zhenggai.User
	for i := range 100 {
		u := &zhenggai.User{UnitID: unit.ID, Name: fmt.Sprintf("u%d", i), DisplayName: fmt.Sprintf("用户%d", i), Role: zhenggai.RoleResponsible}
		if err := st.CreateUser(ctx, u, "x"); err != nil {
			b.Fatal(err)
		}
		users = append(users, u)
	}
	for i := range 10000 {
		u := users[i%len(users)]
		if err := st.CreateSession(ctx, fmt.Sprintf("%064d", i), u.ID, time.Now().Add(time.Hour), "10.0.0.1"); err != nil {
			b.Fatal(err)
		}
		u.Email = fmt.Sprintf("u%d@example.com", i) // another entry in the log
		if err := st.UpdateUser(ctx, u); err != nil {
			b.Fatal(err)
		}
	}
	var spent [2]time.Duration
	for i := 0; b.Loop(); i++ {
		t0 := time.Now()
		u, err := st.SessionUser(ctx, fmt.Sprintf("%064d", 9999-i%10000))
		if err != nil {
			b.Fatal(err)
		}
		spent[0] += time.Since(t0)
		t0 = time.Now()
		if _, err := st.User(ctx, u.ID); err != nil {
			b.Fatal(err)
		}
		spent[1] += time.Since(t0)
	}
	b.ReportMetric(float64(spent[0].Microseconds())/float64(b.N), "µs/SessionUser")
	b.ReportMetric(float64(spent[1].Microseconds())/float64(b.N), "µs/User")
}
