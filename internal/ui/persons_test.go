package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// TestPersonsPage: the unit's office enters and edits its roster, is told
// what is wrong with the field named and nothing saved, downloads it
// with 序号; a leader is refused it; the menu leads the office there.
func TestPersonsPage(t *testing.T) {
	e := newFormEnv(t)
	r, _, prob, _ := e.seed()
	u, _ := e.st.Unit(context.Background(), r.UnitID)
	as := func(role zhenggai.Role, name string) *formEnv {
		return &formEnv{t: t, dir: e.dir, st: e.st, srv: e.srv, c: &http.Client{CheckRedirect: e.c.CheckRedirect,
			Jar: testkit.Jar(t, e.srv.URL, testkit.SignIn(t, e.st, role, u.Name, name))}}
	}
	clerk, leader := as(zhenggai.RoleUnitAdmin, "办公室"), as(zhenggai.RoleLeader, "张主席")
	page := fmt.Sprintf("/units/%d/persons", r.UnitID)

	resp, body := clerk.get(page)
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, `href="`+page+`"`) || !strings.Contains(body, "名册中还没有人员") {
		t.Errorf("empty roster page, or no menu link:\n%s", excerptOf(body))
	}
	resp, body = clerk.post(page, url.Values{"name": {"王\u202e明"}, "kind": {"leader"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "姓名含有不可见的字符（U&#43;202E") {
		t.Errorf("a name with a direction override is not refused by name:\n%s", excerptOf(body))
	}
	if list, _ := e.st.Persons(context.Background(), r.UnitID); len(list) != 0 {
		t.Fatalf("a refused person was saved: %v", list)
	}
	resp, body = clerk.post(page, url.Values{"name": {"王明"}, "kind": {"leader"}, "rank": {"副主席"}, "party": {"中共党员"}, "phone": {"0744-6222222"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("add: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	list, _ := e.st.Persons(context.Background(), r.UnitID)
	if len(list) != 1 || list[0].Rank != "副主席" || list[0].Kind != zhenggai.PersonLeader {
		t.Fatalf("roster after adding: %+v", list)
	}
	p := list[0]
	_, body = clerk.get(page)
	if !strings.Contains(body, "<td class=\"nowrap\">王明</td>") || !strings.Contains(body, "领导班子成员") {
		t.Errorf("the roster does not list 王明:\n%s", excerptOf(body))
	}
	edit := fmt.Sprintf("/persons/%d", p.ID)
	resp, body = clerk.post(edit, url.Values{"name": {"王明"}, "kind": {"leader"}, "rank": {"主席"}, "version": {"1"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("edit: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	resp, body = clerk.post(edit, url.Values{"name": {"王明"}, "kind": {"leader"}, "rank": {"副书记"}, "version": {"1"}})
	wantStatus(t, resp, body, http.StatusConflict)
	if got, _ := e.st.Person(context.Background(), p.ID); got.Rank != "主席" {
		t.Errorf("a stale save overwrote the rank: %q", got.Rank)
	}
	resp, body = clerk.get(fmt.Sprintf("/history/persons/%d", p.ID))
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "副主席") || !strings.Contains(body, "主席") {
		t.Errorf("the person's history lacks the rank's change:\n%s", excerptOf(body))
	}
	resp, body = clerk.get(page + ".xlsx")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(resp.Header.Get("Content-Disposition"), url.PathEscape("人员名册")) && !strings.Contains(resp.Header.Get("Content-Disposition"), "人员名册") {
		t.Errorf("download name: %q", resp.Header.Get("Content-Disposition"))
	}
	if resp, _ := leader.get(page); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a leader opens the roster: %d", resp.StatusCode)
	}
	if resp, _ := leader.post(page, url.Values{"name": {"李华"}, "kind": {"staff"}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a leader adds to the roster: %d", resp.StatusCode)
	}

	// The measure form suggests the roster; a name finds its person, a
	// name two persons bear asks which.
	if _, body := clerk.get(fmt.Sprintf("/problems/%d/measures/new", prob.ID)); !strings.Contains(body, `<option value="王明" label="王明（主席 · 领导班子成员）">`) {
		t.Errorf("the measure form does not suggest the roster:\n%s", excerptOf(body))
	}
	mv := url.Values{"seq": {"9"}, "content": {"建立学习笔记检查制度"}, "leader": {"王　明"}, "owner": {"李华"},
		"deadline": {"2020-11-30"}, "kind": {"immediate"}, "status": {"not_started"}}
	for _, rank := range []string{"科员", "办事员"} {
		x := &zhenggai.Person{UnitID: r.UnitID, Name: "李华", Kind: zhenggai.PersonStaff, Rank: rank}
		if err := e.st.SavePerson(zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"}), x); err != nil {
			t.Fatal(err)
		}
	}
	resp, body = clerk.post(fmt.Sprintf("/problems/%d/measures", prob.ID), mv)
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "本单位有两名“李华”，请在人员名册中区分（如注明职务）后再选") {
		t.Errorf("two 李华 do not ask which:\n%s", excerptOf(body))
	}
	mv.Set("owner", "")
	if resp, body := clerk.post(fmt.Sprintf("/problems/%d/measures", prob.ID), mv); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("measure: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	ms, _ := e.st.ProblemMeasures(context.Background(), prob.ID)
	if last := ms[len(ms)-1]; last.Seq != 9 || last.LeaderID != p.ID {
		t.Errorf("the measure's leader is not 王明 of the roster: %+v", last)
	}

	// The administrator links an account to its person.
	admin := &formEnv{t: t, dir: e.dir, st: e.st, srv: e.srv, c: &http.Client{CheckRedirect: e.c.CheckRedirect,
		Jar: testkit.Jar(t, e.srv.URL, testkit.SignIn(t, e.st, zhenggai.RoleAdmin, "系统管理", "管理员"))}}
	acct := testkit.SignIn(t, e.st, zhenggai.RoleLeader, u.Name, "王明").User
	form := fmt.Sprintf("/admin/users/%d", acct.ID)
	// Made for a name of the roster, the account is already his.
	if _, body := admin.get(form + "/edit"); !strings.Contains(body, fmt.Sprintf(`<option value="%d" selected>王明（主席） · 领导班子成员</option>`, p.ID)) ||
		!strings.Contains(body, `<option value="">（不对应）</option>`) {
		t.Errorf("the user form does not offer the unit's roster:\n%s", excerptOf(body))
	}
	values := url.Values{"display_name": {"王明"}, "role": {"leader"}, "unit_id": {fmt.Sprint(u.ID)}}
	for i, want := range []int64{0, p.ID} { // unlinked, then linked again
		values.Set("version", fmt.Sprint(acct.Version+int64(i)))
		values.Set("person_id", "")
		if want != 0 {
			values.Set("person_id", fmt.Sprint(want))
		}
		if resp, body := admin.post(form, values); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("link %d: %d\n%s", want, resp.StatusCode, excerptOf(body))
		}
		if got, _ := e.st.User(context.Background(), acct.ID); got.PersonID != want {
			t.Errorf("account's person: %d, want %d", got.PersonID, want)
		}
	}
	other := &zhenggai.Person{UnitID: e.otherUnit(t), Name: "赵强", Kind: zhenggai.PersonStaff}
	if err := e.st.SavePerson(zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"}), other); err != nil {
		t.Fatal(err)
	}
	values.Set("version", fmt.Sprint(acct.Version+2))
	values.Set("person_id", fmt.Sprint(other.ID))
	resp, body = admin.post(form, values)
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "所选人员不在本单位人员名册中") {
		t.Errorf("another unit's person is not refused:\n%s", excerptOf(body))
	}
}

// otherUnit is a unit other than the seed's.
func (e *formEnv) otherUnit(t *testing.T) int64 {
	t.Helper()
	o := &zhenggai.Unit{Name: "另一单位"}
	if err := e.st.SaveUnit(zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"}), o); err != nil {
		t.Fatal(err)
	}
	return o.ID
}
