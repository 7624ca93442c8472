package browsertest_test

import (
	"context"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/browsertest"
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

// publishReviewed publishes the round's report as the pages do it: the
// unit's office, signed in, drafts it from the preview and submits it;
// the principal leader (xiangjianguo) approves it. It returns the
// publication, public, and leaves the browser signed out.
func publishReviewed(t *testing.T, b *browsertest.Browser, env *testkit.Env, pw map[string]string) *zhenggai.Publication {
	t.Helper()
	b.Click("#publish", "p.flash", "publication-drafted")
	if f := b.Text("p.flash"); !strings.Contains(f, "已起草") {
		t.Fatalf("after drafting: %q", f)
	}
	b.Click("#submit", "p.flash", "publication-submitted")
	if pubs, err := env.Store.Publications(ctx, 0); err != nil || len(pubs) != 0 {
		t.Fatalf("public before review: %v %v", pubs, err)
	}
	loc := b.Location()
	b.SignOut()
	b.SignIn("xiangjianguo", pw["xiangjianguo"])
	b.Visit(loc[strings.Index(loc, "/publications/"):], "publication-review")
	b.Click("#approve", "p.flash", "publication-approved")
	if f := b.Text("p.flash"); !strings.Contains(f, "已审核同意") {
		t.Fatalf("after approving: %q", f)
	}
	b.SignOut()
	pubs, err := env.Store.Publications(ctx, 0)
	if err != nil || len(pubs) != 1 {
		t.Fatalf("publications: %v %v", pubs, err)
	}
	return pubs[0]
}
