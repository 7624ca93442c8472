package store_test

import (
	"testing"

	"zhenggai/internal/testkit"
)

// TestNamedSettings: a register's settings are kept by name, reset by an
// empty value; the settings page's own names are refused.
func TestNamedSettings(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, _, _ := seedRound(t, st)
		u := r.UnitID
		if err := st.SaveNamedSettings(ctx, u, map[string]string{"meetings.types": "党组会议\n主席会议", "selfcheck.x.y": "3"}); err != nil {
			t.Fatal(err)
		}
		got, err := st.NamedSettings(ctx, u, "meetings.")
		if err != nil || len(got) != 1 || got["meetings.types"] != "党组会议\n主席会议" {
			t.Fatalf("NamedSettings = %v, %v", got, err)
		}
		if err := st.SaveNamedSettings(ctx, u, map[string]string{"meetings.types": ""}); err != nil {
			t.Fatal(err)
		}
		if got, _ := st.NamedSettings(ctx, u, "meetings."); got["meetings.types"] != "" {
			t.Errorf("after reset: %v", got)
		}
		if err := st.SaveNamedSettings(ctx, u, map[string]string{"green_days": "3"}); err == nil {
			t.Error("a setting of the settings page was saved as a named one")
		}
	})
}
