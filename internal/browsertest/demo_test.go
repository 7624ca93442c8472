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

// demoProblem is the demo round's problem numbered seq.
func demoProblem(t *testing.T, env *testkit.Env, r *zhenggai.Round, seq int) *zhenggai.Problem {
	t.Helper()
	probs, err := env.Store.Problems(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs {
		if p.Seq == seq {
			return p
		}
	}
	t.Fatalf("the demo has no problem %d", seq)
	return nil
}
