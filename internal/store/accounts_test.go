package store_test

import (
	"context"
	"testing"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

func accountCtx() context.Context {
	return zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
}

// newAccount saves a user of the role in unit with password "pw-初始".
func newAccount(t *testing.T, st *store.Store, unit int64, login, display string, role zhenggai.Role) *zhenggai.User {
	t.Helper()
	hash, err := auth.HashPassword("pw-初始")
	if err != nil {
		t.Fatal(err)
	}
	u := &zhenggai.User{UnitID: unit, Name: login, DisplayName: display, Role: role}
	if err := st.CreateUser(accountCtx(), u, hash); err != nil {
		t.Fatal(err)
	}
	return u
}

// TestDisablingRevokesTokens: a disabled user's API tokens are revoked,
// not merely paused: enabling him again does not bring them back, and
// the audit log holds each revocation.
func TestDisablingRevokesTokens(t *testing.T) {
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) {
			st := b.fresh(t).open(t)
			ctx := accountCtx()
			unit, _ := st.EnsureUnit(ctx, "甲单位")
			u := newAccount(t, st, unit, "qinli", "覃丽", zhenggai.RoleResponsible)
			other := newAccount(t, st, unit, "chenwei", "陈伟", zhenggai.RoleResponsible)
			tok, tok2, otherTok := auth.NewSecret("zt_"), auth.NewSecret("zt_"), auth.NewSecret("zt_")
			for _, c := range []struct {
				id  int64
				tok string
			}{{u.ID, tok}, {u.ID, tok2}, {other.ID, otherTok}} {
				if _, err := st.CreateToken(ctx, c.id, "脚本", auth.Digest(c.tok)); err != nil {
					t.Fatal(err)
				}
			}
			u.Disabled = true
			if err := st.UpdateUser(ctx, u); err != nil {
				t.Fatal(err)
			}
			u.Disabled = false
			if err := st.UpdateUser(ctx, u); err != nil {
				t.Fatal(err)
			}
			for _, s := range []string{tok, tok2} {
				if _, err := st.TokenUser(ctx, auth.Digest(s)); zhenggai.ErrorCode(err) != zhenggai.ENOTFOUND {
					t.Errorf("a token of a disabled, then enabled user: %v", err)
				}
			}
			if got, err := st.TokenUser(ctx, auth.Digest(otherTok)); err != nil || got.ID != other.ID {
				t.Errorf("another user's token: %v %v", got, err)
			}
			toks, err := st.Tokens(ctx, "qinli")
			if err != nil || len(toks) != 2 || !toks[0].Revoked || !toks[1].Revoked {
				t.Errorf("tokens listed %+v %v", toks, err)
			}
			if rep, err := st.VerifyAudit(ctx); err != nil || !rep.OK() {
				t.Errorf("audit: %+v %v", rep, err)
			}
		})
	}
}
