package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
	"zhenggai/internal/xlsx"
)

// TestStudyPages: the study register lists the year's 中心组 session with
// its attendance and a link to the meeting; the branch secretary records
// a sitting of checks from the phone form (a bad one refused, nothing
// saved; those left blank not checked); the list shows each member's
// quarters; a check edited, a stale save refused, voided; export and a
// refused import; a leader reads without the forms; the office reads the
// unit's pages.
func TestStudyPages(t *testing.T) {
	e := newFormEnv(t)
	r, _, _, _ := e.seed()
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	u, _ := e.st.Unit(ctx, r.UnitID)
	as := func(role zhenggai.Role, name string) *formEnv {
		return &formEnv{t: t, dir: e.dir, st: e.st, srv: e.srv, c: &http.Client{CheckRedirect: e.c.CheckRedirect,
			Jar: testkit.Jar(t, e.srv.URL, testkit.SignIn(t, e.st, role, u.Name, name))}}
	}
	clerk, leader := as(zhenggai.RoleUnitAdmin, "办公室"), as(zhenggai.RoleLeader, "张主席")
	for _, p := range []zhenggai.Person{{Name: "钟书记", Kind: zhenggai.PersonStaff, Rank: "机关党支部书记"}, {Name: "王红", Kind: zhenggai.PersonStaff},
		{Name: "李强", Kind: zhenggai.PersonLeader}, {Name: "赵群众", Kind: zhenggai.PersonStaff, Party: "群众"}} {
		p.UnitID = r.UnitID
		if p.Party == "" {
			p.Party = "中共党员"
		}
		if err := e.st.SavePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	mt := &zhenggai.Meeting{UnitID: r.UnitID, Type: zhenggai.MeetingStudyGroup, Date: zhenggai.NewDate(2020, 9, 4), ChairName: "李强",
		Attendance: []zhenggai.Attendance{{Name: "李强", Presence: zhenggai.Present}, {Name: "王红", Presence: zhenggai.OnLeave}},
		Items:      []zhenggai.AgendaItem{{Title: "学习习近平总书记重要讲话精神", Kind: zhenggai.ItemOrdinary}}}
	if err := e.st.SaveMeeting(ctx, mt); err != nil {
		t.Fatal(err)
	}

	resp, body := leader.get("/study?year=2020")
	wantStatus(t, resp, body, http.StatusOK)
	for _, want := range []string{`href="/study"`, fmt.Sprintf(`href="/meetings/%d"`, mt.ID), "学习习近平总书记重要讲话精神",
		`data-label="出席">1</td>`, `data-label="请假">1</td>`, `class="list rowcards`} {
		if !strings.Contains(body, want) {
			t.Errorf("the study register lacks %q:\n%s", want, excerptOf(body))
		}
	}

	resp, body = clerk.get("/study/notes/new")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "王红的检查结论") || strings.Contains(body, "赵群众的检查结论") || !strings.Contains(body, "2020年第4季度") {
		t.Errorf("the sitting's rows are the party members:\n%s", excerptOf(body))
	}
	// The clerk's account is linked to no person: no login name is put
	// for the checker, who must be one of the roster.
	if !strings.Contains(body, `name="checker_name" value=""`) {
		t.Errorf("the checker is the clerk's login name:\n%s", excerptOf(body))
	}
	persons, _ := e.st.Persons(ctx, r.UnitID)
	id := map[string]string{}
	for _, p := range persons {
		id[p.Name] = fmt.Sprint(p.ID)
	}
	sitting := url.Values{"checker_name": {"钟书记"}, "on": {"2020-09-28"}, "period": {"2020年第三季度"},
		"person_id": {id["王红"], id["李强"], id["钟书记"]}, "name": {"王红", "李强", "钟书记"},
		"result": {"none", "pass", "pass"}, "remark": {"未见学习笔记", "", ""}}
	resp, body = clerk.post("/study/notes", sitting)
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "钟书记：") || !strings.Contains(body, "检查人不能检查本人的学习笔记") {
		t.Errorf("a self-check is not refused by row:\n%s", excerptOf(body))
	}
	if l, _ := e.st.NotesChecks(ctx, store.NotesCheckQuery{UnitID: r.UnitID}); len(l) != 0 {
		t.Fatalf("a refused sitting was saved: %d", len(l))
	}
	sitting["result"] = []string{"none", "pass", ""}
	resp, body = clerk.post("/study/notes", sitting)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/study/notes?year=2020" {
		t.Fatalf("sitting: %d %s\n%s", resp.StatusCode, resp.Header.Get("Location"), excerptOf(body))
	}
	l, _ := e.st.NotesChecks(ctx, store.NotesCheckQuery{UnitID: r.UnitID})
	if len(l) != 2 || l[0].Period != "2020-Q3" || l[0].CheckerName != "钟书记" {
		t.Fatalf("saved %+v", l)
	}
	resp, body = leader.get("/study/notes?year=2020")
	wantStatus(t, resp, body, http.StatusOK)
	for _, want := range []string{`data-label="第3季度">无笔记</td>`, "未见学习笔记", "2020年第3季度", "3名党员，3名有季度未检查"} {
		if !strings.Contains(body, want) {
			t.Errorf("the list lacks %q:\n%s", want, excerptOf(body))
		}
	}
	if strings.Contains(body, `id="new-notes-check"`) || strings.Contains(body, "/study/notes/import") {
		t.Error("a leader is offered the forms")
	}
	if resp, _ := leader.get("/study/notes/new"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a leader opens the form: %d", resp.StatusCode)
	}

	one := fmt.Sprintf("/study/notes/%d", l[0].ID)
	edit := url.Values{"version": {"1"}, "name": {"王红"}, "checker_name": {"钟书记"}, "on": {"2020-09-28"}, "period": {"2020Q3"},
		"result": {"incomplete"}, "remark": {"记录不全"}}
	if resp, body := clerk.post(one, edit); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("edit: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	resp, body = clerk.post(one, edit)
	wantStatus(t, resp, body, http.StatusConflict)
	edit.Set("version", "2")
	edit.Set("period", "第三季度")
	resp, body = clerk.post(one, edit)
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "检查期间须为月份或季度") {
		t.Errorf("a bad period:\n%s", excerptOf(body))
	}

	resp, body = clerk.get("/study/notes.xlsx?year=2020")
	wantStatus(t, resp, body, http.StatusOK)
	im, err := xlsx.ParseNotesChecks(ctx, strings.NewReader(body))
	if err != nil || len(im.Checks) != 2 || im.Checks[0].Result != zhenggai.NotesIncomplete {
		t.Fatalf("export: %+v %v", im, err)
	}
	var bad strings.Builder
	im.Checks[1].Name = "查无此人"
	if err := xlsx.WriteNotesChecks(&bad, "x", im.Checks); err != nil {
		t.Fatal(err)
	}
	resp, body = clerk.postMultipart("/study/notes/import", nil, upFile{"file", "学习笔记检查.xlsx", []byte(bad.String())})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "学习笔记检查第4行：被检查人“查无此人”不在本单位人员名册中") {
		t.Errorf("a bad row is not named:\n%s", excerptOf(body))
	}
	if l, _ := e.st.NotesChecks(ctx, store.NotesCheckQuery{UnitID: r.UnitID}); len(l) != 2 {
		t.Fatalf("after a refused import: %d", len(l))
	}

	if resp, body := clerk.post(one+"/void", url.Values{"reason": {"重复录入"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("void: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	if resp, _ := clerk.post(one, edit); resp.StatusCode != http.StatusConflict {
		t.Errorf("saving a voided one: %d", resp.StatusCode)
	}
	if resp, _ := clerk.post(one+"/restore", nil); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("restore: %d", resp.StatusCode)
	}
	for _, path := range []string{fmt.Sprintf("/units/%d/study?year=2020", r.UnitID), fmt.Sprintf("/units/%d/study/notes?year=2020", r.UnitID)} {
		resp, body = e.get(path)
		wantStatus(t, resp, body, http.StatusOK)
		if strings.Contains(body, `id="new-notes-check"`) || !strings.Contains(body, fmt.Sprintf("/units/%d/study", r.UnitID)) {
			t.Errorf("the office's view %s:\n%s", path, excerptOf(body))
		}
	}
}
