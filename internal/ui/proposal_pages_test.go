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

// TestProposalPages: over real HTTP, a member finds an earlier proposal
// on his subject, is refused a proposal without a title, submits one
// inviting a co-signer who confirms it; a stranger to it does not see
// it; the office registers and assigns it; a handling unit acting as the
// office is refused, another unit sees nothing, the unit given it replies
// with its letter, which the office downloads.
func TestProposalPages(t *testing.T) {
	e := newFormEnv(t)
	r, _, _, _ := e.seed()
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	u, _ := e.st.Unit(ctx, r.UnitID)
	zhang := &zhenggai.Person{UnitID: u.ID, Name: "张立新", Kind: zhenggai.PersonCPPCC}
	li := &zhenggai.Person{UnitID: u.ID, Name: "李春梅", Kind: zhenggai.PersonCPPCC}
	for _, p := range []*zhenggai.Person{zhang, li} {
		if err := e.st.SavePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	earlier := &zhenggai.Proposal{UnitID: u.ID, Title: "关于农村公路养护的建议", Signers: []zhenggai.ProposalSigner{{PersonID: li.ID}}}
	if err := e.st.CreateProposal(ctx, earlier, true); err != nil {
		t.Fatal(err)
	}
	as := func(role zhenggai.Role, unit, name string, person int64) *formEnv {
		l := testkit.SignIn(t, e.st, role, unit, name)
		if person != 0 {
			l.User.PersonID = person
			if err := e.st.UpdateUser(ctx, l.User); err != nil {
				t.Fatal(err)
			}
		}
		return &formEnv{t: t, dir: e.dir, st: e.st, srv: e.srv, c: &http.Client{CheckRedirect: e.c.CheckRedirect,
			Jar: testkit.Jar(t, e.srv.URL, l)}}
	}
	member, cosigner := as(zhenggai.RoleMember, u.Name, "张立新", zhang.ID), as(zhenggai.RoleMember, u.Name, "李春梅", li.ID)
	office := as(zhenggai.RoleUnitAdmin, u.Name, "提案委", 0)
	roads, schools := as(zhenggai.RoleResponsible, "县交通运输局", "交通局", 0), as(zhenggai.RoleUnitAdmin, "县教育局", "教育局", 0)
	roadsID, _ := e.st.EnsureUnit(ctx, "县交通运输局")

	resp, body := member.get("/proposals/similar?title=" + url.QueryEscape("关于加快农村公路建设的建议"))
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "关于农村公路养护的建议") {
		t.Errorf("similar: %s", body)
	}
	if resp, body = member.get("/proposals/similar?title=" + url.QueryEscape("关于教师队伍的建议")); strings.Contains(body, "农村") {
		t.Errorf("unrelated title finds %s", body)
	}
	resp, body = member.post("/proposals", url.Values{"title": {""}, "content": {"x"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "案题不能为空") {
		t.Errorf("no title:\n%s", excerptOf(body))
	}
	resp, body = member.post("/proposals", url.Values{"title": {"关于加快农村公路建设的建议"}, "content": {"建议分年度实施"},
		"cosigner": {fmt.Sprint(li.ID)}, "deadline": {zhenggai.Today().AddDays(7).String()}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	path := resp.Header.Get("Location")
	var id int64
	if _, err := fmt.Sscanf(path, "/proposals/%d", &id); err != nil {
		t.Fatalf("after submitting: %q", path)
	}
	status := func(want zhenggai.ProposalStatus) *zhenggai.Proposal {
		t.Helper()
		p, err := e.st.Proposal(ctx, id)
		if err != nil || p.Status != want {
			t.Fatalf("status %v (%v), want %s", p.Status, err, want)
		}
		return p
	}
	status(zhenggai.PropDraft)

	// The co-signer is offered the invitation; a stranger does not see it.
	resp, body = cosigner.get(path)
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, `id="cosign-form"`) {
		t.Fatalf("no invitation:\n%s", excerptOf(body))
	}
	resp, body = schools.get(path)
	wantStatus(t, resp, body, http.StatusNotFound)
	resp, body = cosigner.post(path+"/cosign", url.Values{"confirm": {"1"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	p := status(zhenggai.PropSubmitted)

	step := func(c *formEnv, v url.Values) {
		t.Helper()
		v.Set("version", fmt.Sprint(p.Version))
		resp, body := c.postMultipart(path+"/steps", v)
		wantStatus(t, resp, body, http.StatusSeeOther)
	}
	step(office, url.Values{"actor": {"office"}, "action": {"register"}})
	p = status(zhenggai.PropRegistered)
	step(office, url.Values{"actor": {"office"}, "action": {"assign"}, "handler_unit": {fmt.Sprint(roadsID), ""}})
	p = status(zhenggai.PropAssigned)
	if len(p.Handlers) != 1 || p.Handlers[0].Handler != "县交通运输局" {
		t.Fatalf("handlers %+v", p.Handlers)
	}

	// The handling unit cannot act as the office; another unit sees nothing.
	step(roads, url.Values{"actor": {"office"}, "action": {"finish"}})
	status(zhenggai.PropAssigned)
	resp, body = schools.postMultipart(path+"/steps", url.Values{"actor": {"handler"}, "action": {"reply"}, "class": {"A"}, "summary": {"x"}})
	wantStatus(t, resp, body, http.StatusNotFound)
	resp, body = roads.get("/proposals/assigned")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, fmt.Sprintf(`id="assigned-%d"`, id)) || !strings.Contains(body, `id="assigned-link"`) {
		t.Errorf("the queue lacks the proposal, or the menu its link:\n%s", excerptOf(body))
	}
	resp, body = roads.get(path)
	if !strings.Contains(body, `id="reply-form"`) || strings.Contains(body, `id="register-form"`) {
		t.Errorf("the handling unit's forms:\n%s", excerptOf(body))
	}
	letter := []byte("%PDF-1.4 答复函")
	resp, body = roads.postMultipart(path+"/steps", url.Values{"actor": {"handler"}, "action": {"reply"}, "class": {"A"},
		"summary": {"已列入计划"}, "version": {fmt.Sprint(p.Version)}}, upFile{"letter", "答复函.pdf", letter})
	wantStatus(t, resp, body, http.StatusSeeOther)
	p = status(zhenggai.PropReplied)
	if len(p.Replies) != 1 || p.Replies[0].LetterName != "答复函.pdf" {
		t.Fatalf("reply %+v", p.Replies)
	}
	resp, body = office.get(path + "/file?sha256=" + p.Replies[0].LetterSHA256)
	wantStatus(t, resp, body, http.StatusOK)
	if body != string(letter) {
		t.Errorf("letter %q", body)
	}
	resp, body = office.get(fmt.Sprintf("/proposals?handler=%d", roadsID+1000))
	wantStatus(t, resp, body, http.StatusOK)
	if strings.Contains(body, fmt.Sprintf(`id="proposal-%d"`, id)) || !strings.Contains(body, `<option value="`+fmt.Sprint(roadsID)+`">县交通运输局</option>`) {
		t.Errorf("the list by another handling unit:\n%s", excerptOf(body))
	}
	resp, body = office.get(fmt.Sprintf("/proposals?status=replied&handler=%d", roadsID))
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, fmt.Sprintf(`id="proposal-%d"`, id)) || strings.Contains(body, fmt.Sprintf(`id="proposal-%d"`, earlier.ID)) {
		t.Errorf("the list by status:\n%s", excerptOf(body))
	}
}
