package ui_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"zhenggai/internal/testkit"
)

// TestMeasureProofRulesAsTyped: the new-measure form asks for its proof
// rules again as 长效机制 is typed; the fieldset comes back with the rules
// the names now suggest ticked, the clerk's own ticks kept and a rule
// suggested before and unticked left unticked.
func TestMeasureProofRulesAsTyped(t *testing.T) {
	env := testkit.Open(t)
	srv := env.Serve(t, formClock)
	admin := testkit.Admin(t, env.Store)
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Jar: testkit.Jar(t, srv.URL, admin)}
	e := &formEnv{t: t, dir: env.Dir, st: env.Store, srv: srv, c: c, office: fmt.Sprint(admin.User.UnitID)}
	_, _, p, _ := e.seed()
	fragment := fmt.Sprintf("/problems/%d/measures/proof-rules", p.ID)
	resp, body := e.get(fmt.Sprintf("/problems/%d/measures/new", p.ID))
	wantStatus(t, resp, body, 200)
	for _, s := range []string{`hx-get="` + fragment + `"`, `hx-target="#proof"`, `id="proof"`} {
		if !strings.Contains(body, s) {
			t.Errorf("new-measure form lacks %q", s)
		}
	}
	q := url.Values{"mechanism": {"修订《财务管理制度》"}, "proof_rules": {"chair_last"},
		"proof_suggested": {"voucher_purpose"}}
	resp, body = e.get(fragment + "?" + q.Encode())
	wantStatus(t, resp, body, 200)
	for _, s := range []string{`<fieldset class="proof" id="proof"`,
		`value="voucher_approval" checked> 会计凭证经审核签字 <span class="badge">建议</span>`,
		`value="voucher_purpose"> 支出凭证摘要写明用途、附有原始单据 <span class="badge">建议</span>`,
		`value="chair_last" checked> 主要负责人末位表态`,
		`<input type="hidden" name="proof_suggested" value="voucher_approval">`} {
		if !strings.Contains(body, s) {
			t.Errorf("fragment lacks %q:\n%s", s, body)
		}
	}
	if strings.Contains(body, "<html") {
		t.Error("the fragment is a whole page")
	}
	// A query of nonsense draws the fieldset with nothing ticked.
	resp, body = e.get(fragment + "?proof_rules=%3Cx%3E&proof_suggested=zzz&mechanism=" + strings.Repeat("字", 3000))
	wantStatus(t, resp, body, 200)
	if strings.Contains(body, " checked") || strings.Contains(body, "&lt;x&gt;") {
		t.Errorf("nonsense ticked something:\n%s", body)
	}
	resp, body = e.get("/problems/999999/measures/proof-rules")
	wantStatus(t, resp, body, 404)
}
