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

// TestOfficeReadsUnitRegisters: the inspection office reads the meetings
// and dues of a unit under it (/units/{id}/meetings, /units/{id}/dues, and
// their exports), without the unit's forms, and not those of a unit
// elsewhere; the self-inspection's table of units links to them.
func TestOfficeReadsUnitRegisters(t *testing.T) {
	e := newFormEnv(t)
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	office := e.adminUnit("县委巡察办", 0)
	mine := e.adminUnit("甲单位", office.ID)
	other := e.adminUnit("乙单位", 0)
	for _, u := range []*zhenggai.Unit{mine, other} {
		m := &zhenggai.Meeting{UnitID: u.ID, Type: "党组会议", Date: zhenggai.NewDate(2020, 3, 2),
			Attendance: []zhenggai.Attendance{{Name: u.Name + "书记", Presence: zhenggai.Present}},
			Items:      []zhenggai.AgendaItem{{Title: u.Name + "购置电脑", Kind: zhenggai.ItemLargeFund, Amount: 1500000}}}
		if err := e.st.SaveMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
		if err := e.st.SaveDuesMember(ctx, &zhenggai.DuesMember{UnitID: u.ID, Name: u.Name + "党员", Kind: zhenggai.DuesInService}); err != nil {
			t.Fatal(err)
		}
	}
	sup := &formEnv{t: t, dir: e.dir, st: e.st, srv: e.srv, c: &http.Client{CheckRedirect: e.c.CheckRedirect,
		Jar: testkit.Jar(t, e.srv.URL, testkit.SignIn(t, e.st, zhenggai.RoleSupervisor, office.Name, "巡察办李明"))}}
	clerk := &formEnv{t: t, dir: e.dir, st: e.st, srv: e.srv, c: &http.Client{CheckRedirect: e.c.CheckRedirect,
		Jar: testkit.Jar(t, e.srv.URL, testkit.SignIn(t, e.st, zhenggai.RoleUnitAdmin, mine.Name, "办公室"))}}

	for _, c := range []struct {
		path, want string
		forms      []string // the unit's forms, not offered to the office
	}{
		{"/units/%d/meetings?year=all", "各类会议的记录本", []string{`action="/meetings/import"`, `action="/meetings/types"`, `href="/meetings/new`}},
		{"/units/%d/dues?year=2020", "党员", []string{`action="/dues/rounding"`, `href="/dues/import"`}},
	} {
		path := fmt.Sprintf(c.path, mine.ID)
		resp, body := sup.get(path)
		wantStatus(t, resp, body, http.StatusOK)
		if !strings.Contains(body, "甲单位"+c.want) || strings.Contains(body, "乙单位") {
			t.Errorf("%s: not the unit's register:\n%s", path, excerptOf(body))
		}
		if strings.Contains(path, "meetings") && !strings.Contains(body, `id="meeting-`) {
			t.Errorf("%s lists no meeting", path)
		}
		for _, f := range c.forms {
			if strings.Contains(body, f) {
				t.Errorf("%s offers the office %s", path, f)
			}
		}
		if resp, body := sup.get(strings.Replace(path, "?", ".xlsx?", 1)); resp.StatusCode != http.StatusOK ||
			!strings.HasPrefix(body, "PK") {
			t.Errorf("%s export: %d", path, resp.StatusCode)
		}
		// The unit's own clerk reads it there too; the office not a unit
		// elsewhere, nor the clerk another unit.
		if resp, _ := clerk.get(path); resp.StatusCode != http.StatusOK {
			t.Errorf("%s to the unit's clerk: %d", path, resp.StatusCode)
		}
		elsewhere := fmt.Sprintf(c.path, other.ID)
		if resp, _ := sup.get(elsewhere); resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s to an office it is not under: %d", elsewhere, resp.StatusCode)
		}
		if resp, _ := sup.get(strings.Replace(elsewhere, "?", ".xlsx?", 1)); resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s export to an office it is not under: %d", elsewhere, resp.StatusCode)
		}
		if resp, _ := clerk.get(elsewhere); resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s to another unit's clerk: %d", elsewhere, resp.StatusCode)
		}
	}
	// The unit's own page keeps its forms.
	if _, body := clerk.get("/meetings?year=all"); !strings.Contains(body, `action="/meetings/import"`) {
		t.Errorf("the clerk's own meetings lost the import form:\n%s", excerptOf(body))
	}
	_, body := sup.get("/selfcheck/units?from=2020-01-01&to=2020-12-31")
	for _, l := range []string{"meetings?year=all", "vouchers", "dues"} {
		if want := fmt.Sprintf(`href="/units/%d/%s"`, mine.ID, l); !strings.Contains(body, want) {
			t.Errorf("the units' table lacks %s:\n%s", want, excerptOf(body))
		}
	}
}
