package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/sample"
	"zhenggai/internal/testkit"
)

// TestImportAsksAboutTheUnit: the import preview of a unit's office asks
// whether a name it does not know is its own unit, imports nothing until
// it is answered, and keeps the name as an alias; an administrator's
// preview of an unknown unit asks for its office, and the unit is
// registered under it. The new-round form proposes the office's own unit
// and nothing to an administrator, whose unit is an inspection office.
func TestImportAsksAboutTheUnit(t *testing.T) {
	e := newFormEnv(t)
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	office := &zhenggai.Unit{Name: "张家界市委巡察办"}
	if err := e.st.SaveUnit(ctx, office); err != nil {
		t.Fatal(err)
	}
	unit := &zhenggai.Unit{Name: "桑植县政协党组", ParentID: office.ID, FullName: "中共政协桑植县委员会党组"}
	if err := e.st.SaveUnit(ctx, unit); err != nil {
		t.Fatal(err)
	}
	_, body := e.get("/rounds/new")
	if strings.Contains(body, `name="unit" value="系统管理"`) {
		t.Error("the administrator's own office proposed as the inspected unit")
	}

	clerk := &formEnv{t: t, dir: e.dir, st: e.st, srv: e.srv, c: &http.Client{
		CheckRedirect: e.c.CheckRedirect,
		Jar:           testkit.Jar(t, e.srv.URL, testkit.SignIn(t, e.st, zhenggai.RoleUnitAdmin, "桑植县政协党组", "办公室"))}}
	_, body = clerk.get("/rounds/new")
	if !strings.Contains(body, `name="unit" value="桑植县政协党组"`) {
		t.Errorf("the unit's own name not proposed:\n%s", excerptOf(body))
	}

	text := strings.NewReplacer("中共政协桑植县委员会党组", "县政协党组", "桑植县政协党组", "县政协党组").Replace(sample.Sangzhi)
	resp, body := clerk.postMultipart("/import", url.Values{"text": {text}})
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "报告中的被巡察单位“县政协党组”不是本单位（桑植县政协党组）登记的名称") ||
		!strings.Contains(body, `name="unit_mine" value="1" required`) || !strings.Contains(body, "确认导入") {
		t.Errorf("the preview does not ask whether the unit is his:\n%s", excerptOf(body))
	}
	resp, body = clerk.postMultipart("/import", url.Values{"text": {text}, "confirm": {"1"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if n := e.counts(); n[0] != 0 {
		t.Fatalf("an unanswered question imported: %v", n)
	}
	resp, body = clerk.postMultipart("/import", url.Values{"text": {text}, "confirm": {"1"}, "unit_mine": {"1"}})
	wantRedirect(t, resp, body, "/rounds/1")
	if u, _ := e.st.Unit(ctx, unit.ID); !slices.Equal(u.Aliases, []string{"县政协党组"}) {
		t.Errorf("aliases %q after confirming", u.Aliases)
	}
	// By its full name: no question, and the preview says which unit it is.
	full := strings.ReplaceAll(sample.Sangzhi, "桑植县政协党组", "中共政协桑植县委员会党组")
	resp, body = clerk.postMultipart("/import", url.Values{"text": {full}})
	wantStatus(t, resp, body, http.StatusOK)
	if strings.Contains(body, `name="unit_mine"`) || !strings.Contains(body, "（即已登记的“桑植县政协党组”）") {
		t.Errorf("full name not recognised in the preview:\n%s", excerptOf(body))
	}
	if !strings.Contains(body, "该报告可能已经导入过") {
		t.Errorf("the same report under the full name is not recognised as imported before:\n%s", excerptOf(body))
	}

	other := strings.NewReplacer("中共政协桑植县委员会党组", "桑植县文旅广体局党组", "桑植县政协党组", "桑植县文旅广体局党组").Replace(sample.Sangzhi)
	resp, body = e.postMultipart("/import", url.Values{"text": {other}})
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "尚未登记，请选择它的上级单位") || !strings.Contains(body, `<select id="unit_parent" name="unit_parent" required>`) ||
		!strings.Contains(body, fmt.Sprintf(`<option value="%d">张家界市委巡察办</option>`, office.ID)) {
		t.Errorf("the preview does not ask for the office:\n%s", excerptOf(body))
	}
	resp, body = e.postMultipart("/import", url.Values{"text": {other}, "confirm": {"1"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if n := e.counts(); n[0] != 1 {
		t.Fatalf("an unknown unit imported without its office: %v", n)
	}
	resp, body = e.postMultipart("/import", url.Values{"text": {other}, "confirm": {"1"}, "unit_parent": {fmt.Sprint(office.ID)}})
	wantRedirect(t, resp, body, "/rounds/2")
	nu, err := e.st.UnitNamed(ctx, "桑植县文旅广体局党组")
	if err != nil || nu.ParentID != office.ID {
		t.Errorf("new unit %+v, %v; want under %d", nu, err, office.ID)
	}
}

// TestUnitFormNames: the unit form shows and saves the full name and the
// aliases, one a line; a name of another unit is refused next to its
// field and nothing is saved.
func TestUnitFormNames(t *testing.T) {
	e := newFormEnv(t)
	ctx := context.Background()
	unit := &zhenggai.Unit{Name: "桑植县政协党组"}
	other := &zhenggai.Unit{Name: "桑植县卫生健康局党组"}
	for _, u := range []*zhenggai.Unit{unit, other} {
		if err := e.st.SaveUnit(zhenggai.WithActor(ctx, zhenggai.Actor{Name: "test"}), u); err != nil {
			t.Fatal(err)
		}
	}
	edit := fmt.Sprintf("/admin/units/%d", unit.ID)
	resp, body := e.post(edit, url.Values{"name": {"桑植县政协党组"}, "full_name": {"中共政协桑植县委员会党组"},
		"aliases": {"县政协党组\r\n\r\n桑植政协党组\n"}})
	wantRedirect(t, resp, body, "/admin/units")
	got, _ := e.st.Unit(ctx, unit.ID)
	if got.FullName != "中共政协桑植县委员会党组" || !slices.Equal(got.Aliases, []string{"县政协党组", "桑植政协党组"}) {
		t.Errorf("saved %+v", got)
	}
	resp, body = e.get(edit + "/edit")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, `name="full_name" value="中共政协桑植县委员会党组"`) ||
		!strings.Contains(body, ">县政协党组\n桑植政协党组</textarea>") {
		t.Errorf("the form does not show the names:\n%s", excerptOf(body))
	}
	_, body = e.get("/admin/units")
	if !strings.Contains(body, "全称：中共政协桑植县委员会党组") {
		t.Errorf("the tree does not show the full name:\n%s", excerptOf(body))
	}
	resp, body = e.post(fmt.Sprintf("/admin/units/%d", other.ID), url.Values{"name": {"桑植县卫生健康局党组"},
		"aliases": {"政协桑植县委员会党组"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "“政协桑植县委员会党组”已是另一单位（桑植县政协党组）的名称") || !strings.Contains(body, `<div class="row has-error">
    <label for="aliases">`) {
		t.Errorf("another unit's name not refused at its field:\n%s", excerptOf(body))
	}
	if got, _ := e.st.Unit(ctx, other.ID); len(got.Aliases) != 0 {
		t.Errorf("refused alias saved: %q", got.Aliases)
	}
}

// TestRoundFormAsksAboutTheUnit: the new-round form asks the unit's
// office whether a name it does not know is its unit, and saves nothing
// until it is answered.
func TestRoundFormAsksAboutTheUnit(t *testing.T) {
	e := newFormEnv(t)
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	unit := &zhenggai.Unit{Name: "桑植县政协党组", FullName: "中共政协桑植县委员会党组"}
	if err := e.st.SaveUnit(ctx, unit); err != nil {
		t.Fatal(err)
	}
	clerk := &formEnv{t: t, dir: e.dir, st: e.st, srv: e.srv, c: &http.Client{CheckRedirect: e.c.CheckRedirect,
		Jar: testkit.Jar(t, e.srv.URL, testkit.SignIn(t, e.st, zhenggai.RoleUnitAdmin, "桑植县政协党组", "办公室"))}}
	form := url.Values{"unit": {"县政协党组"}, "inspector": {"县委第一巡察组"}, "kind": {"巡察"}}
	resp, body := clerk.post("/rounds", form)
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, `name="unit_mine" value="1" required`) || e.counts()[0] != 0 {
		t.Fatalf("the form does not ask, or saved:\n%s", excerptOf(body))
	}
	form.Set("unit_mine", "1")
	resp, body = clerk.post("/rounds", form)
	wantRedirect(t, resp, body, "/rounds/1")
	if u, _ := e.st.Unit(ctx, unit.ID); !slices.Equal(u.Aliases, []string{"县政协党组"}) {
		t.Errorf("aliases %q", u.Aliases)
	}
	// By its full name: no question.
	form = url.Values{"unit": {"中共政协桑植县委员会党组"}, "inspector": {"县委第二巡察组"}, "kind": {"巡察"}}
	resp, body = clerk.post("/rounds", form)
	wantRedirect(t, resp, body, "/rounds/2")
}
