package ui_test

import (
	"bytes"
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

// TestMeetingPages: the unit's office enters a meeting by the form (the
// members filled from the leaders, rows added by the form's buttons, a
// speaker not present refused by name and nothing saved), reads it,
// edits it (a stale save refused), exports, voids and restores it, and
// imports a book (a bad one refused with its rows named); a leader reads
// the books and is refused the form.
func TestMeetingPages(t *testing.T) {
	e := newFormEnv(t)
	r, _, _, _ := e.seed()
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	u, _ := e.st.Unit(ctx, r.UnitID)
	for _, n := range []string{"王明", "李华"} {
		if err := e.st.SavePerson(ctx, &zhenggai.Person{UnitID: r.UnitID, Name: n, Kind: zhenggai.PersonLeader}); err != nil {
			t.Fatal(err)
		}
	}
	as := func(role zhenggai.Role, name string) *formEnv {
		return &formEnv{t: t, dir: e.dir, st: e.st, srv: e.srv, c: &http.Client{CheckRedirect: e.c.CheckRedirect,
			Jar: testkit.Jar(t, e.srv.URL, testkit.SignIn(t, e.st, role, u.Name, name))}}
	}
	clerk, leader := as(zhenggai.RoleUnitAdmin, "办公室"), as(zhenggai.RoleLeader, "张主席")

	resp, body := clerk.get("/meetings")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, `href="/meetings"`) || !strings.Contains(body, "没有会议记录") || !strings.Contains(body, `class="list rowcards"`) {
		t.Errorf("empty list, or no menu link:\n%s", excerptOf(body))
	}
	resp, body = clerk.get("/meetings/new?type=" + url.QueryEscape("党组会议"))
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, `name="attendance.0.name" value="王明"`) || !strings.Contains(body, `name="attendance.1.name" value="李华"`) ||
		!strings.Contains(body, `id="date" name="date" value="" required autofocus`) {
		t.Fatalf("the new form lacks the leaders, or the cursor:\n%s", excerptOf(body))
	}
	form := url.Values{"type": {"党组会议"}, "date": {"2020-09-01"}, "chair_name": {"王明"},
		"attendance.0.name": {"王明"}, "attendance.0.presence": {"present"}, "attendance.0.note": {""},
		"attendance.1.name": {"李华"}, "attendance.1.presence": {"present"},
		"attendance.2.name": {"赵强"}, "attendance.2.presence": {"leave"}, "attendance.2.note": {"出差"},
		"items.0.title": {"购置公务用车"}, "items.0.kind": {"large_fund"}, "items.0.amount": {"250,000.00"}, "items.0.decision": {"同意"},
		"items.0.statements.0.name": {"李华"}, "items.0.statements.0.position": {"agree"}, "items.0.statements.0.summary": {"车辆老旧"},
	}
	with := func(kv ...string) url.Values {
		v := url.Values{}
		for k, x := range form {
			v[k] = x
		}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return v
	}
	resp, body = clerk.post("/meetings", with("add", "st.0"))
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, `name="items.0.statements.1.name" value="" maxlength="100" list="roster" aria-label="第2位发言人" autofocus`) ||
		!strings.Contains(body, `value="车辆老旧"`) {
		t.Fatalf("add a statement: no new row with the cursor, or the typed lost:\n%s", excerptOf(body))
	}
	resp, body = clerk.post("/meetings", with("items.0.statements.1.name", "赵强", "items.0.statements.1.position", "agree"))
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "议题1第2位发言的发言人“赵强”不在出席人员中") {
		t.Errorf("a speaker on leave is not refused by name:\n%s", excerptOf(body))
	}
	if list, _ := e.st.Meetings(ctx, r.UnitID, "", 0); len(list) != 0 {
		t.Fatalf("a refused meeting was saved: %v", list)
	}
	resp, body = clerk.post("/meetings", with("items.0.statements.1.name", "王明", "items.0.statements.1.position", "opinion"))
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	list, _ := e.st.Meetings(ctx, r.UnitID, "", 0)
	if len(list) != 1 || resp.Header.Get("Location") != fmt.Sprintf("/meetings/%d", list[0].ID) {
		t.Fatalf("saved %v, to %s", list, resp.Header.Get("Location"))
	}
	show := fmt.Sprintf("/meetings/%d", list[0].ID)
	resp, body = leader.get(show)
	wantStatus(t, resp, body, http.StatusOK)
	for _, want := range []string{"2020年第1次党组会议", "应到3人，出席2人", "250000.00元", "车辆老旧", "大额资金"} {
		if !strings.Contains(body, want) {
			t.Errorf("the meeting's page lacks %q:\n%s", want, excerptOf(body))
		}
	}
	if strings.Contains(body, show+"/edit") {
		t.Error("a leader is offered the edit")
	}
	resp, body = clerk.post(show, with("version", "1", "items.0.statements.1.name", "王明", "items.0.statements.1.position", "agree", "place", "三楼会议室"))
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("edit: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	resp, body = clerk.post(show, with("version", "1", "place", "二楼"))
	wantStatus(t, resp, body, http.StatusConflict)
	if m, _ := e.st.Meeting(ctx, list[0].ID); m.Place != "三楼会议室" || m.Items[0].Statements[1].Position != zhenggai.PosAgree {
		t.Errorf("after edits: %+v", m)
	}
	scan := []byte("%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n")
	resp, body = clerk.postMultipart(show+"/minutes", url.Values{"version": {"2"}}, upFile{"file", "2020年第1次党组会议记录.pdf", scan})
	if resp.StatusCode != http.StatusSeeOther || strings.Contains(resp.Header.Get("Location"), "refused") {
		t.Fatalf("upload the scan: %d %v\n%s", resp.StatusCode, resp.Header, excerptOf(body))
	}
	if m, _ := e.st.Meeting(ctx, list[0].ID); m.MinutesName != "2020年第1次党组会议记录.pdf" || m.Version != 3 {
		t.Fatalf("after the upload: %q, version %d", m.MinutesName, m.Version)
	}
	resp, body = leader.get(show + "/minutes")
	wantStatus(t, resp, body, http.StatusOK)
	if body != string(scan) || !strings.Contains(resp.Header.Get("Content-Disposition"), "attachment") {
		t.Errorf("the scan's download: %q %v", body, resp.Header)
	}
	resp, body = clerk.postMultipart(show+"/minutes", url.Values{"version": {"3"}}, upFile{"file", "记录.exe", []byte("MZ")})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("a program as the scan: %d", resp.StatusCode)
	}
	if m, _ := e.st.Meeting(ctx, list[0].ID); m.Version != 3 {
		t.Errorf("a program was taken as the scan: version %d", m.Version)
	}
	resp, body = clerk.get(fmt.Sprintf("/history/meetings/%d", list[0].ID))
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "三楼会议室") || !strings.Contains(body, "车辆老旧") {
		t.Errorf("the meeting's history lacks the change or its statements:\n%s", excerptOf(body))
	}
	resp, body = leader.get("/meetings?year=2020")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "2020年第1次党组会议") || strings.Contains(body, "导入Excel记录本") {
		t.Errorf("a leader's list:\n%s", body[strings.Index(body, "<h2>2020"):])
	}
	if resp, _ := leader.get("/meetings/new"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a leader opens the form: %d", resp.StatusCode)
	}
	resp, body = clerk.get("/meetings.xlsx?year=2020")
	wantStatus(t, resp, body, http.StatusOK)
	im, err := xlsx.ParseMeetings(ctx, strings.NewReader(body))
	if err != nil || len(im.Meetings) != 1 || len(im.Meetings[0].Items[0].Statements) != 2 {
		t.Fatalf("export: %+v %v", im, err)
	}
	// The export imported again: its number is taken, each row named.
	resp, body = clerk.postMultipart("/meetings/import", nil, upFile{"file", "会议.xlsx", []byte(body)})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "会议第3行：2020年第1次党组会议已登记") {
		t.Errorf("a second import is not refused by row:\n%s", body[strings.Index(body, "<h2>2020"):])
	}
	var buf bytes.Buffer
	im.Meetings[0].Number, im.Meetings[0].Date = 0, zhenggai.NewDate(2020, 10, 9)
	xlsx.WriteMeetings(&buf, "会议记录", im.Meetings)
	resp, body = clerk.postMultipart("/meetings/import", nil, upFile{"file", "会议.xlsx", buf.Bytes()})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("import: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	if l, _ := e.st.Meetings(ctx, r.UnitID, "党组会议", 2020); len(l) != 2 || l[1].Number != 2 {
		t.Errorf("after import: %d meetings", len(l))
	}

	resp, body = clerk.post(show+"/void", url.Values{"reason": {"重复录入"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("void: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	if l, _ := e.st.Meetings(ctx, r.UnitID, "", 0); len(l) != 1 {
		t.Errorf("a voided meeting still listed: %d", len(l))
	}
	if resp, _ := clerk.get(show + "/edit"); resp.StatusCode != http.StatusConflict {
		t.Errorf("the form of a voided meeting: %d", resp.StatusCode)
	}
	if resp, _ := clerk.post(show+"/restore", nil); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("restore: %d", resp.StatusCode)
	}
	resp, body = clerk.post("/meetings/types", url.Values{"types": {"党组会议\n办公会"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("types: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	if types, _ := e.st.MeetingTypes(ctx, r.UnitID); strings.Join(types, ",") != "党组会议,办公会" {
		t.Errorf("types: %v", types)
	}
}

// TestMeetingFormHostile: what a clerk mistypes, or a forged post sends,
// is refused by field or ignored, never a server error, and markup is
// shown as text.
func TestMeetingFormHostile(t *testing.T) {
	e := newFormEnv(t)
	r, _, _, _ := e.seed()
	u, _ := e.st.Unit(context.Background(), r.UnitID)
	clerk := &formEnv{t: t, dir: e.dir, st: e.st, srv: e.srv, c: &http.Client{CheckRedirect: e.c.CheckRedirect,
		Jar: testkit.Jar(t, e.srv.URL, testkit.SignIn(t, e.st, zhenggai.RoleUnitAdmin, u.Name, "办公室"))}}
	tests := []struct {
		name   string
		form   url.Values
		status int
		want   string
	}{
		{"bad amount", url.Values{"type": {"党组会议"}, "date": {"2020-09-01"}, "items.0.title": {"甲"}, "items.0.kind": {"large_fund"}, "items.0.amount": {"很多"}},
			http.StatusUnprocessableEntity, "议题1的金额"},
		{"bad number", url.Values{"type": {"党组会议"}, "date": {"2020-09-01"}, "number": {"五"}}, http.StatusUnprocessableEntity, "第几次须为正整数"},
		{"bad date", url.Values{"type": {"党组会议"}, "date": {"2020-02-30"}}, http.StatusUnprocessableEntity, "会议日期不是有效日期"},
		{"future", url.Values{"type": {"党组会议"}, "date": {"2099-01-01"}}, http.StatusUnprocessableEntity, "晚于今天"},
		{"unknown type", url.Values{"type": {"<b>茶话会</b>"}, "date": {"2020-09-01"}}, http.StatusUnprocessableEntity, "&lt;b&gt;茶话会&lt;/b&gt;"},
		{"bad presence", url.Values{"type": {"党组会议"}, "date": {"2020-09-01"}, "attendance.0.name": {"王明"}, "attendance.0.presence": {"maybe"}},
			http.StatusUnprocessableEntity, "出席情况须为"},
		{"script title", url.Values{"type": {"党组会议"}, "date": {"2020-09-01"}, "items.0.title": {"<script>alert(1)</script>"}, "items.0.kind": {"x"}},
			http.StatusUnprocessableEntity, "&lt;script&gt;"},
		{"add to no item", url.Values{"type": {"党组会议"}, "add": {"st.999"}}, http.StatusOK, "应到人员"},
		{"add with junk", url.Values{"type": {"党组会议"}, "add": {"st.-1"}}, http.StatusOK, "应到人员"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := clerk.post("/meetings", tt.form)
			wantStatus(t, resp, body, tt.status)
			if !strings.Contains(body, tt.want) || strings.Contains(body, "<script>alert") {
				t.Errorf("want %q:\n%s", tt.want, excerptOf(body))
			}
		})
	}
	if l, _ := e.st.Meetings(context.Background(), r.UnitID, "", 0); len(l) != 0 {
		t.Errorf("%d meetings saved", len(l))
	}
}
