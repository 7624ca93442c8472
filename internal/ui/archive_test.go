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
)

// TestArchivePages: the list shows each yearly kind's years without a
// file as 未建立; the office enters an election file (one without its day
// refused by field, nothing saved), uploads a scan to one slot, records
// another as paper (without who checked it refused), marks a defect; the
// file's page shows each slot's state on a phone's table; a leader reads
// and is refused the forms; the kinds' page saves a changed default and
// withdraws one; the catalogue exports; void.
func TestArchivePages(t *testing.T) {
	e := newFormEnv(t)
	r, _, _, _ := e.seed()
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	u, _ := e.st.Unit(ctx, r.UnitID)
	as := func(role zhenggai.Role, name string) *formEnv {
		return &formEnv{t: t, dir: e.dir, st: e.st, srv: e.srv, c: &http.Client{CheckRedirect: e.c.CheckRedirect,
			Jar: testkit.Jar(t, e.srv.URL, testkit.SignIn(t, e.st, role, u.Name, name))}}
	}
	clerk, leader := as(zhenggai.RoleUnitAdmin, "办公室"), as(zhenggai.RoleLeader, "张主席")

	resp, body := clerk.get("/archives")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, `href="/archives"`) || !strings.Contains(body, "2020年老干支部手册") || !strings.Contains(body, "未建立") {
		t.Errorf("empty list:\n%s", excerptOf(body))
	}
	form := url.Values{"kind": {zhenggai.KindElection}, "title": {"机关党委换届选举"}}
	resp, body = clerk.post("/archives", form)
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "事项日期不能为空") {
		t.Errorf("an election without its day:\n%s", excerptOf(body))
	}
	if l, _ := e.st.ArchiveFiles(ctx, store.ArchiveFileQuery{UnitID: r.UnitID}); len(l) != 0 {
		t.Fatal("a refused file was saved")
	}
	form.Set("event_on", "2017-10-27")
	resp, body = clerk.post("/archives", form)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	show := resp.Header.Get("Location")
	resp, body = clerk.postMultipart(show+"/documents", url.Values{"slot": {"请示"}}, upFile{"file", "请示.pdf", []byte("%PDF-1.4\n请示\n%%EOF")})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	resp, body = clerk.postMultipart(show+"/documents", url.Values{"slot": {"选票"}, "paper": {"1"}, "place": {"办公室档案柜"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "核验人不能为空") {
		t.Errorf("paper without its checker:\n%s", excerptOf(body))
	}
	for _, v := range []url.Values{
		{"slot": {"选票"}, "paper": {"1"}, "place": {"办公室档案柜"}, "checked_by": {"覃丽"}, "checked_on": {"2020-09-01"}},
		{"slot": {"候选人名单"}, "paper": {"1"}, "place": {"办公室档案柜"}, "checked_by": {"覃丽"}, "checked_on": {"2020-09-01"}, "defect": {"候选人名单信息缺失"}},
	} {
		if resp, body := clerk.postMultipart(show+"/documents", v); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("paper: %d\n%s", resp.StatusCode, excerptOf(body))
		}
	}
	resp, body = leader.get(show)
	wantStatus(t, resp, body, http.StatusOK)
	for _, want := range []string{`class="list rowcards"`, `data-label="情况"`, "请示.pdf", "纸质存档：办公室档案柜，覃丽于2020年9月1日核验",
		"候选人名单信息缺失", "未见"} {
		if !strings.Contains(body, want) {
			t.Errorf("the file's page lacks %q", want)
		}
	}
	if strings.Contains(body, "上传材料或登记纸质存档") {
		t.Error("a leader is offered the upload")
	}
	if resp, body := leader.postMultipart(show+"/documents", url.Values{"slot": {"批复"}, "paper": {"1"}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a leader uploads: %d %s", resp.StatusCode, excerptOf(body))
	}
	resp, body = clerk.get("/archives")
	if !strings.Contains(body, "缺2项，1项不完整") {
		t.Errorf("completeness mark:\n%s", excerptOf(body))
	}
	f, _ := e.st.ArchiveFiles(ctx, store.ArchiveFileQuery{UnitID: r.UnitID})
	if resp, body := clerk.get(fmt.Sprintf("%s/file?document=%d", show, f[0].Documents[0].ID)); resp.StatusCode != http.StatusOK || !strings.Contains(body, "请示") {
		t.Errorf("download: %d", resp.StatusCode)
	}

	// Kinds: the branches named; the minutes book withdrawn.
	resp, body = clerk.get("/archives/kinds")
	wantStatus(t, resp, body, http.StatusOK)
	kv := url.Values{"form": {"branch_handbook"}, "code": {"branch_handbook"}, "name": {"党支部工作手册"}, "documents": {"党支部工作手册\n支部活动记录"},
		"yearly": {"1"}, "per_holder": {"1"}, "holders": {"机关第一党支部\n机关第二党支部"}, "seq": {"2"}}
	if resp, body := clerk.post("/archives/kinds", kv); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("kind: %d %s", resp.StatusCode, excerptOf(body))
	}
	kv.Set("documents", "")
	resp, body = clerk.post("/archives/kinds", kv)
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if resp, body := clerk.post("/archives/kinds/withdraw", url.Values{"code": {"minutes_book"}, "reason": {"会议记录另行归档"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("withdraw: %d %s", resp.StatusCode, excerptOf(body))
	}
	kinds, _ := e.st.ArchiveKinds(ctx, r.UnitID)
	if len(kinds) != 4 || len(kinds[1].Documents) != 2 || len(kinds[1].Holders) != 2 {
		t.Fatalf("kinds %+v", kinds)
	}
	resp, body = clerk.get("/archives")
	if !strings.Contains(body, "2020年党支部工作手册（机关第二党支部）") || strings.Contains(body, `id="kind-minutes_book"`) {
		t.Errorf("list after the kinds changed:\n%s", excerptOf(body))
	}
	if resp, _ := clerk.get("/archives.xlsx"); resp.StatusCode != http.StatusOK {
		t.Errorf("export %d", resp.StatusCode)
	}
	if resp, body := clerk.post(show+"/void", url.Values{"reason": {"重复录入"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("void: %d %s", resp.StatusCode, excerptOf(body))
	}
	if l, _ := e.st.ArchiveFiles(ctx, store.ArchiveFileQuery{UnitID: r.UnitID}); len(l) != 0 {
		t.Fatal("a voided file listed")
	}
}
