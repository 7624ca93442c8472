package api_test

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// TestProposalsAPI: a member submits a proposal (he is its lead), the
// office registers and assigns it, the handling unit replies for its own
// unit only, an actor the caller does not play is 403, a step the status
// does not allow 422, a stale version 409; the archive takes a file.
func TestProposalsAPI(t *testing.T) {
	e := newEnv(t)
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	as := func(role zhenggai.Role, unit, name string, person int64) *env {
		l := testkit.SignIn(t, e.st, role, unit, name)
		if person != 0 {
			l.User.PersonID = person
			if err := e.st.UpdateUser(ctx, l.User); err != nil {
				t.Fatal(err)
			}
		}
		c := *e
		c.login = l
		return &c
	}
	unit, err := e.st.EnsureUnit(ctx, "桑植县政协")
	if err != nil {
		t.Fatal(err)
	}
	zhang := &zhenggai.Person{UnitID: unit, Name: "张立新", Kind: zhenggai.PersonCPPCC}
	if err := e.st.SavePerson(ctx, zhang); err != nil {
		t.Fatal(err)
	}
	member, office := as(zhenggai.RoleMember, "桑植县政协", "张立新", zhang.ID), as(zhenggai.RoleUnitAdmin, "桑植县政协", "提案委", 0)
	roads := as(zhenggai.RoleUnitAdmin, "县交通运输局", "交通局", 0)

	status, out := member.call("POST", "/api/v1/proposals", obj{"title": ""})
	if status != http.StatusUnprocessableEntity || !strings.Contains(fmt.Sprint(out), "案题不能为空") {
		t.Errorf("no title: %d %v", status, out)
	}
	got := member.must(http.StatusCreated, "POST", "/api/v1/proposals", obj{"title": "关于加快农村公路建设的建议", "content": "建议……",
		"lead_person_id": 999, "submit": true})
	id := num(got["id"])
	if got["status"] != "submitted" || m(arr(got["signers"])[0])["name"] != "张立新" || m(got["parts"])["proposer"] != true {
		t.Fatalf("created %v", got)
	}
	p := path("/api/v1/proposals/%d/steps", id)
	status, out = member.call("POST", p, obj{"actor": "office", "action": "register", "version": 1})
	if status != http.StatusForbidden {
		t.Errorf("member as office: %d %v", status, out)
	}
	status, out = office.call("POST", p, obj{"action": "register", "version": 1})
	if status != http.StatusUnprocessableEntity || !strings.Contains(fmt.Sprint(out), "actor") {
		t.Errorf("no actor: %d %v", status, out)
	}
	got = office.must(http.StatusOK, "POST", p, obj{"actor": "office", "action": "register", "version": 1, "number": "12"})
	if got["status"] != "registered" || got["number"] != "12" {
		t.Fatalf("registered %v", got)
	}
	status, out = office.call("POST", p, obj{"actor": "office", "action": "register", "version": num(got["version"])})
	if status != http.StatusUnprocessableEntity {
		t.Errorf("registered twice: %d %v", status, out)
	}
	status, _ = office.call("POST", p, obj{"actor": "office", "action": "key", "version": 1})
	if status != http.StatusConflict {
		t.Errorf("stale version: %d", status)
	}
	roadsID, _ := e.st.EnsureUnit(ctx, "县交通运输局")
	got = office.must(http.StatusOK, "POST", p, obj{"actor": "office", "action": "assign", "version": num(got["version"]),
		"handlers": []obj{{"handler_unit_id": roadsID}, {"handler": "县财政局"}}})
	if got["status"] != "assigned" || len(arr(got["handlers"])) != 2 || got["due_on"] == "" {
		t.Fatalf("assigned %v", got)
	}
	// The handling unit sees it, as handler; it replies.
	view := roads.must(http.StatusOK, "GET", path("/api/v1/proposals/%d", id), nil)
	if num(m(view["parts"])["handler_unit_id"]) != roadsID || m(view["parts"])["office"] != false {
		t.Errorf("parts %v", view["parts"])
	}
	got = roads.must(http.StatusOK, "POST", p, obj{"actor": "handler", "action": "reply", "version": num(view["version"]),
		"class": "A", "summary": "已列入计划"})
	if got["status"] != "replied" {
		t.Fatalf("replied %v", got)
	}
	if list := office.must(http.StatusOK, "GET", "/api/v1/proposals?status=replied", nil); len(arr(list["proposals"])) != 1 {
		t.Errorf("list %v", list)
	}
	status, _ = office.call("GET", "/api/v1/proposals?status=nonsense", nil)
	if status != http.StatusUnprocessableEntity {
		t.Errorf("bad status filter: %d", status)
	}
	docs := office.must(http.StatusOK, "GET", path("/api/v1/proposals/%d/documents", id), nil)
	if len(arr(docs["documents"])) != 0 || len(arr(docs["archive_missing"])) != 0 {
		t.Errorf("documents %v", docs)
	}
	upload := func(c *env, kind string) (int, obj) {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		mw.WriteField("kind", kind)
		w, _ := mw.CreateFormFile("file", "答复函.pdf")
		w.Write([]byte("%PDF-1.4 答复函"))
		mw.Close()
		return c.raw("POST", path("/api/v1/proposals/%d/documents", id), mw.FormDataContentType(), &buf)
	}
	if status, out := upload(roads, "reply_letter"); status != http.StatusForbidden {
		t.Errorf("handling unit files a reply letter: %d %v", status, out)
	}
	if status, out := upload(office, "reply_letter"); status != http.StatusCreated || out["name"] != "答复函.pdf" {
		t.Errorf("office files: %d %v", status, out)
	}
	if status, out := upload(roads, "unit_paper"); status != http.StatusCreated || out["kind"] != "unit_paper" {
		t.Errorf("handling unit files its paper: %d %v", status, out)
	}
	if docs := office.must(http.StatusOK, "GET", path("/api/v1/proposals/%d/documents", id), nil); len(arr(docs["documents"])) != 2 {
		t.Errorf("documents %v", docs)
	}
	// A member of another unit, or the admin's office, knows nothing of it.
	stranger := as(zhenggai.RoleUnitAdmin, "县教育局", "教育局", 0)
	if status, _ := stranger.call("GET", path("/api/v1/proposals/%d", id), nil); status != http.StatusNotFound {
		t.Errorf("stranger: %d", status)
	}
}
