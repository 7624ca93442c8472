package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// TestReportSettingsPage: the unit's office keeps its report's contact
// lines and signature on their own page, which proposes the unit's full
// name as the signature; the round page links to it only for those who
// may use it; a leader is refused it.
func TestReportSettingsPage(t *testing.T) {
	e := newFormEnv(t)
	r, _, _, _ := e.seed()
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	u, _ := e.st.Unit(ctx, r.UnitID)
	u.FullName = "中共政协桑植县委员会党组"
	if err := e.st.SaveUnit(ctx, u); err != nil {
		t.Fatal(err)
	}
	page := fmt.Sprintf("/units/%d/report-settings", r.UnitID)
	as := func(role zhenggai.Role, name string) *formEnv {
		return &formEnv{t: t, dir: e.dir, st: e.st, srv: e.srv, c: &http.Client{CheckRedirect: e.c.CheckRedirect,
			Jar: testkit.Jar(t, e.srv.URL, testkit.SignIn(t, e.st, role, u.Name, name))}}
	}
	clerk, leader := as(zhenggai.RoleUnitAdmin, "办公室"), as(zhenggai.RoleLeader, "张主席")

	resp, body := clerk.get(page)
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, `name="report_signature" value="中共政协桑植县委员会党组"`) {
		t.Errorf("the full name is not proposed as the signature:\n%s", excerptOf(body))
	}
	round := fmt.Sprintf("/rounds/%d", r.ID)
	if _, body := clerk.get(round); !strings.Contains(body, `href="`+page+`"`) {
		t.Errorf("the round page does not link the office to its report settings")
	}
	if _, body := leader.get(round); strings.Contains(body, `href="`+page+`"`) || strings.Contains(body, fmt.Sprintf(`href="/rounds/%d/edit"`, r.ID)) {
		t.Errorf("the round page links a leader to pages he may not use:\n%s", excerptOf(body))
	}
	if resp, body := leader.get(page); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a leader opens the report settings: %d", resp.StatusCode)
	} else if !strings.Contains(body, "<nav>") {
		t.Errorf("the refusal page lost the menu:\n%s", excerptOf(body))
	}
}

// TestMenuByRights: the menu offers each role the pages it may use and no
// other: importing to the unit's office, administration to the
// administrator, the acceptance queue to the inspection office.
func TestMenuByRights(t *testing.T) {
	e := newFormEnv(t)
	r, _, _, _ := e.seed()
	u, _ := e.st.Unit(context.Background(), r.UnitID)
	for _, c := range []struct {
		role       zhenggai.Role
		unit       string
		want, none []string
	}{
		{zhenggai.RoleUnitAdmin, u.Name, []string{`href="/import"`, `href="/opinions"`}, []string{`href="/admin/units"`, `href="/acceptance"`}},
		{zhenggai.RoleLeader, u.Name, nil, []string{`href="/import"`, `href="/admin/units"`, `href="/acceptance"`, `href="/opinions"`}},
		{zhenggai.RoleResponsible, u.Name, nil, []string{`href="/import"`, `href="/admin/units"`, `href="/acceptance"`, `href="/opinions"`}},
		{zhenggai.RoleSupervisor, "市委巡察办", []string{`href="/acceptance"`}, []string{`href="/import"`, `href="/admin/units"`}},
		{zhenggai.RoleAdmin, "系统管理", []string{`href="/admin/units"`, `href="/acceptance"`, `href="/import"`}, nil},
	} {
		as := &formEnv{t: t, dir: e.dir, st: e.st, srv: e.srv, c: &http.Client{CheckRedirect: e.c.CheckRedirect,
			Jar: testkit.Jar(t, e.srv.URL, testkit.SignIn(t, e.st, c.role, c.unit, "某"+string(c.role)))}}
		_, body := as.get("/rounds")
		nav := body[strings.Index(body, "<nav>"):strings.Index(body, "</nav>")]
		for _, w := range c.want {
			if !strings.Contains(nav, w) {
				t.Errorf("%s: the menu lacks %s:\n%s", c.role, w, nav)
			}
		}
		for _, w := range c.none {
			if strings.Contains(nav, w) {
				t.Errorf("%s: the menu offers %s, which the role may not use", c.role, w)
			}
		}
	}
}
