package cli_test

import (
	"context"
	"strings"
	"testing"

	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

// TestTokenRevoke: a token is listed, revoked by its number, and a
// password reset revokes the rest of the user's tokens.
func TestTokenRevoke(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := run(t, "", "user", "add", "admin", "--role", "admin", "--data", dir); code != 0 {
		t.Fatal(errs)
	}
	var toks []string
	for range 2 {
		code, out, errs := run(t, "", "token", "create", "--data", dir)
		if code != 0 {
			t.Fatal(errs)
		}
		f := strings.Fields(out)
		toks = append(toks, f[len(f)-1])
	}
	code, out, _ := run(t, "", "token", "list", "--data", dir)
	if code != 0 || strings.Count(out, "有效") != 2 {
		t.Fatalf("list: %s", out)
	}
	if code, out, errs := run(t, "", "token", "revoke", "--data", dir, "1"); code != 0 || !strings.Contains(out, "已撤销令牌 #1") {
		t.Fatalf("revoke: %s %s", out, errs)
	}
	if code, _, errs := run(t, "", "token", "revoke", "--data", dir, "1"); code != 1 || !strings.Contains(errs, "已撤销") {
		t.Errorf("revoking twice: %d %s", code, errs)
	}
	if code, _, errs := run(t, "", "user", "passwd", "admin", "--data", dir); code != 0 {
		t.Fatal(errs)
	}
	st, err := store.OpenSQLite(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for i, tok := range toks {
		if u, err := st.TokenUser(context.Background(), auth.Digest(tok)); err == nil {
			t.Errorf("token %d still works for %s", i+1, u.Name)
		}
	}
	if rep, err := st.VerifyAudit(context.Background()); err != nil || !rep.OK() {
		t.Errorf("revocations are not audited cleanly: %v %+v", err, rep)
	}
}
