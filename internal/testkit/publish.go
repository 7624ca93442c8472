package testkit

import (
	"context"
	"testing"

	"zhenggai"
	"zhenggai/internal/publish"
	"zhenggai/internal/store"
)

// Publish puts a round's report as of asOf on the public site the way it
// goes there: drafted, submitted, and approved by a second person.
func Publish(t testing.TB, st *store.Store, roundID int64, asOf zhenggai.Date) *zhenggai.Publication {
	t.Helper()
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "testkit"})
	p, err := publish.Draft(ctx, st, roundID, asOf, &zhenggai.User{DisplayName: "办公室（测试）"})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SubmitPublication(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if err := st.ApprovePublication(ctx, p.ID, &zhenggai.User{DisplayName: "审核人（测试）"}); err != nil {
		t.Fatal(err)
	}
	p, err = st.Publication(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
