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
	"zhenggai/internal/xlsx"
)

// TestTravelPages: the office registers a person with a document, a trip
// and the document's move (a move of a document not registered refused
// by field, nothing saved); the person's page shows the 证照领取、收回登记
// with its due day and a late return; a stale save is refused; a leader
// reads and is refused the form; export and a refused import; void and
// restore; the inspection office reads the unit's ledger.
func TestTravelPages(t *testing.T) {
	e := newFormEnv(t)
	r, _, _, _ := e.seed()
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	u, _ := e.st.Unit(ctx, r.UnitID)
	as := func(role zhenggai.Role, name string) *formEnv {
		return &formEnv{t: t, dir: e.dir, st: e.st, srv: e.srv, c: &http.Client{CheckRedirect: e.c.CheckRedirect,
			Jar: testkit.Jar(t, e.srv.URL, testkit.SignIn(t, e.st, role, u.Name, name))}}
	}
	clerk, leader := as(zhenggai.RoleUnitAdmin, "办公室"), as(zhenggai.RoleLeader, "张主席")

	resp, body := clerk.get("/travel")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, `href="/travel"`) || !strings.Contains(body, "台账中还没有人员") {
		t.Errorf("empty ledger, or no menu link:\n%s", excerptOf(body))
	}
	form := url.Values{"name": {"王明"}, "rank": {"干部"}, "scope_from": {"2016-01-01"}, "registered_on": {"2020-08-20"},
		"doc.passport.number": {"E12345678"}, "doc.passport.issued_on": {"2017-03-01"}, "doc.passport.handed_in": {"2020-08-25"},
		"trips_n": {"2"}, "trips.0.destination": {"泰国"}, "trips.0.from": {"2020-09-04"}, "trips.0.to": {"2020-09-11"},
		"trips.0.approved_by": {"张主席"}, "trips.0.approved_on": {"2020-08-28"}, "trips.0.document": {"passport"},
		"moves_n": {"2"}, "moves.0.document": {"hkmacao"}, "moves.0.trip": {"1"}, "moves.0.out": {"2020-09-01"}, "moves.0.back": {"2020-09-24"}}
	resp, body = clerk.post("/travel", form)
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "往来港澳通行证未登记") {
		t.Errorf("a move of a document not registered is not refused:\n%s", excerptOf(body))
	}
	if l, _ := e.st.TravelPersons(ctx, r.UnitID); len(l) != 0 {
		t.Fatal("a refused line was saved")
	}
	form.Set("moves.0.document", "passport")
	resp, body = clerk.post("/travel", form)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	show := resp.Header.Get("Location")
	resp, body = leader.get(show)
	wantStatus(t, resp, body, http.StatusOK)
	// The trip ended on Friday 2020-09-11: due ten days on, Monday 9-21;
	// back on 9-24, late.
	for _, want := range []string{"E12345678", "2020年8月25日", "泰国（2020年9月4日至2020年9月11日）", "2020年9月21日", "逾期", "张主席 2020年8月28日"} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	form.Set("version", "1")
	form.Set("moves.0.back", "2020-09-18")
	if resp, body = clerk.post(show, form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("edit: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	resp, body = clerk.post(show, form)
	wantStatus(t, resp, body, http.StatusConflict)
	// The unit's own 2020 gives 9月21日 off: the due day is its next
	// working day, 9月22日.
	own := append([]zhenggai.CalendarDay{{Date: zhenggai.NewDate(2020, 9, 21), Name: "本地假日"}}, zhenggai.DefaultCalendar[2020]...)
	if err := e.st.SaveCalendarYear(ctx, r.UnitID, 2020, own, 0); err != nil {
		t.Fatal(err)
	}
	resp, body = leader.get(show)
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, `data-label="应交回日期">2020年9月22日`) {
		t.Errorf("the due day is not moved past the unit's day off:\n%s", excerptOf(body))
	}
	resp, body = leader.get("/travel")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "登记备案人员1名，证件1本，其中集中保管1本") || !strings.Contains(body, `class="list rowcards"`) ||
		strings.Contains(body, `id="new-travel"`) {
		t.Errorf("the ledger:\n%s", excerptOf(body))
	}
	if resp, _ := leader.get("/travel/new"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a leader opens the form: %d", resp.StatusCode)
	}
	resp, body = clerk.get(show + "/edit")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, `name="trips.1.destination"`) || !strings.Contains(body, `value="E12345678"`) {
		t.Errorf("the form lacks its rows:\n%s", excerptOf(body))
	}

	resp, body = clerk.get("/travel.xlsx")
	wantStatus(t, resp, body, http.StatusOK)
	im, err := xlsx.ParseTravel(ctx, strings.NewReader(body))
	if err != nil || len(im.Persons) != 1 || len(im.Persons[0].Moves) != 1 || im.Persons[0].Moves[0].Back != zhenggai.NewDate(2020, 9, 18) {
		t.Fatalf("export: %+v %v", im, err)
	}
	var bad strings.Builder
	im.Persons[0].Moves[0].Document = zhenggai.DocTaiwan
	if err := xlsx.WriteTravel(&bad, "x", im.Persons); err != nil {
		t.Fatal(err)
	}
	resp, body = clerk.postMultipart("/travel/import", nil, upFile{"file", "台账.xlsx", []byte(bad.String())})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "登记备案人员第3行") || !strings.Contains(body, "往来台湾通行证未登记") {
		t.Errorf("a bad import is not named:\n%s", excerptOf(body))
	}
	if resp, body := clerk.post(show+"/void", url.Values{"reason": {"重复录入"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("void: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	if resp, _ := clerk.get(show + "/edit"); resp.StatusCode != http.StatusConflict {
		t.Errorf("the form of a voided one: %d", resp.StatusCode)
	}
	if resp, _ := clerk.post(show+"/restore", nil); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("restore: %d", resp.StatusCode)
	}
	resp, body = e.get(fmt.Sprintf("/units/%d/travel", r.UnitID))
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "王明") || strings.Contains(body, `id="new-travel"`) {
		t.Errorf("the office's view of the unit:\n%s", excerptOf(body))
	}
}

// TestRetiredPages: a retired cadre's post entered (a term ending before
// it began refused by field), shown with its missing filing and pay; a
// leader reads and is refused the form; export and import; void.
func TestRetiredPages(t *testing.T) {
	e := newFormEnv(t)
	r, _, _, _ := e.seed()
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	u, _ := e.st.Unit(ctx, r.UnitID)
	as := func(role zhenggai.Role, name string) *formEnv {
		return &formEnv{t: t, dir: e.dir, st: e.st, srv: e.srv, c: &http.Client{CheckRedirect: e.c.CheckRedirect,
			Jar: testkit.Jar(t, e.srv.URL, testkit.SignIn(t, e.st, role, u.Name, name))}}
	}
	clerk, leader := as(zhenggai.RoleUnitAdmin, "办公室"), as(zhenggai.RoleLeader, "张主席")
	form := url.Values{"name": {"李四"}, "born": {"1958-11"}, "former_rank": {"县政协副主席"}, "org": {"县城投公司"}, "post": {"顾问"},
		"kind": {"rehired"}, "from": {"2019-04-01"}, "to": {"2018-01-01"}, "term": {"1"}, "pay": {"36000"}}
	resp, body := clerk.post("/retired", form)
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "任职截止日期2018年1月1日早于起始日期2019年4月1日") {
		t.Errorf("a bad term is not refused:\n%s", excerptOf(body))
	}
	form.Set("to", "2020-09-10")
	resp, body = clerk.post("/retired", form)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	show := resp.Header.Get("Location")
	resp, body = leader.get(show)
	wantStatus(t, resp, body, http.StatusOK)
	for _, want := range []string{"1958年11月", "未经审批", "未备案", "36000元", "返聘，第1届"} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	resp, body = leader.get("/retired")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "未事先备案1条，取酬1条") || strings.Contains(body, `id="new-retired"`) {
		t.Errorf("the list:\n%s", excerptOf(body))
	}
	if resp, _ := leader.get("/retired/new"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a leader opens the form: %d", resp.StatusCode)
	}
	resp, body = clerk.get("/retired.xlsx")
	wantStatus(t, resp, body, http.StatusOK)
	im, err := xlsx.ParseRetiredPosts(ctx, strings.NewReader(body))
	if err != nil || len(im.Posts) != 1 || im.Posts[0].Pay != 3_600_000 {
		t.Fatalf("export: %+v %v", im, err)
	}
	im.Posts[0].FiledOn, im.Posts[0].FilingNo, im.Posts[0].Pay = zhenggai.NewDate(2020, 9, 15), "组干备〔2020〕27号", 0
	var buf strings.Builder
	if err := xlsx.WriteRetiredPosts(&buf, "x", im.Posts); err != nil {
		t.Fatal(err)
	}
	if resp, body = clerk.postMultipart("/retired/import", nil, upFile{"file", "退休.xlsx", []byte(buf.String())}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("import: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	if ps, _ := e.st.RetiredPosts(ctx, r.UnitID); len(ps) != 1 || ps[0].Pay != 0 || ps[0].FilingNo != "组干备〔2020〕27号" {
		t.Fatalf("after import: %+v", ps)
	}
	if resp, body := clerk.post(show+"/void", url.Values{"reason": {"重复录入"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("void: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	resp, body = e.get(fmt.Sprintf("/units/%d/retired", r.UnitID))
	wantStatus(t, resp, body, http.StatusOK)
	if strings.Contains(body, "县城投公司") {
		t.Errorf("a voided post listed:\n%s", excerptOf(body))
	}
}
