package browsertest_test

import (
	"context"
	"testing"

	"zhenggai"
	"zhenggai/internal/demo"
	"zhenggai/internal/testkit"
)

// demoEnv loads the demo into a fresh store with its accounts, as
// `zhenggai demo` does: the round, and each account's password by login.
func demoEnv(t *testing.T) (*testkit.Env, *zhenggai.Round, map[string]string) {
	t.Helper()
	env := testkit.Open(t)
	r, err := demo.Load(ctx, env.Store, env.Files, zhenggai.Today())
	if err != nil {
		t.Fatal(err)
	}
	accounts, err := demo.Accounts(ctx, env.Store, r)
	if err != nil {
		t.Fatal(err)
	}
	pw := map[string]string{}
	for _, a := range accounts {
		pw[a.Login] = a.Password
	}
	return env, r, pw
}

var ctx = zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
