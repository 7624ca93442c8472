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

// TestSuggestionPages: the office enters a suggestion (a bad one refused
// by field, nothing saved), records its adoption and instruction, a
// stale save is refused; the list counts by level and filters; a leader
// reads and is refused the form; export, import (a bad row named), void
// and restore; the inspection office reads the unit's list.
func TestSuggestionPages(t *testing.T) {
	e := newFormEnv(t)
	r, _, _, _ := e.seed()
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	u, _ := e.st.Unit(ctx, r.UnitID)
	as := func(role zhenggai.Role, name string) *formEnv {
		return &formEnv{t: t, dir: e.dir, st: e.st, srv: e.srv, c: &http.Client{CheckRedirect: e.c.CheckRedirect,
			Jar: testkit.Jar(t, e.srv.URL, testkit.SignIn(t, e.st, role, u.Name, name))}}
	}
	clerk, leader := as(zhenggai.RoleUnitAdmin, "办公室"), as(zhenggai.RoleLeader, "张主席")

	resp, body := clerk.get("/suggestions")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, `href="/suggestions"`) || !strings.Contains(body, "没有符合条件") || !strings.Contains(body, `class="list rowcards"`) {
		t.Errorf("empty list, or no menu link:\n%s", excerptOf(body))
	}
	form := url.Values{"kind": {"sqmy"}, "via": {"platform"}, "on": {"2020-03-04"}, "name": {"王明"}, "title": {"关于农村饮水安全的建议"},
		"adopted": {"national"}}
	resp, body = clerk.post("/suggestions", form)
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "采用日期不能为空") {
		t.Errorf("an adoption without a date is not refused by field:\n%s", excerptOf(body))
	}
	if l, _ := e.st.Suggestions(ctx, store.SuggestionQuery{UnitID: r.UnitID}); len(l) != 0 {
		t.Fatalf("a refused suggestion was saved")
	}
	form.Set("adopted_on", "2020-05-06")
	form.Set("adopted_by", "全国政协《信息专报》")
	resp, body = clerk.post("/suggestions", form)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	l, _ := e.st.Suggestions(ctx, store.SuggestionQuery{UnitID: r.UnitID})
	if len(l) != 1 || resp.Header.Get("Location") != fmt.Sprintf("/suggestions/%d", l[0].ID) {
		t.Fatalf("saved %v to %s", l, resp.Header.Get("Location"))
	}
	show := fmt.Sprintf("/suggestions/%d", l[0].ID)
	form.Set("version", "1")
	form.Set("instruction", "请水利局研究办理")
	form.Set("instructed_by", "李县长")
	resp, body = clerk.post(show, form)
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "批示日期不能为空") {
		t.Errorf("an instruction without its date:\n%s", excerptOf(body))
	}
	form.Set("instructed_on", "2020-05-20")
	if resp, body = clerk.post(show, form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("edit: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	resp, body = clerk.post(show, form)
	wantStatus(t, resp, body, http.StatusConflict)
	clerk.post("/suggestions", url.Values{"kind": {"micro"}, "via": {"paper"}, "on": {"2020-06-01"}, "name": {"李华"}, "title": {"关于路灯的微建议"}})

	resp, body = leader.get("/suggestions?year=2020")
	wantStatus(t, resp, body, http.StatusOK)
	for _, want := range []string{`data-label="全国政协采用">1</td>`, `data-label="合计">2</td>`, `data-label="领导批示">1</td>`,
		"关于路灯的微建议", "全国政协采用（2020年5月6日）", "李县长（2020年5月20日）：请水利局研究办理", "data-print"} {
		if !strings.Contains(body, want) {
			t.Errorf("the list lacks %q", want)
		}
	}
	if strings.Contains(body, `id="new-suggestion"`) || strings.Contains(body, "/suggestions/import") {
		t.Error("a leader is offered the forms")
	}
	resp, body = leader.get("/suggestions?year=2020&adopted=none")
	if strings.Contains(body, "农村饮水") || !strings.Contains(body, "关于路灯") {
		t.Errorf("filter adopted=none:\n%s", excerptOf(body))
	}
	if resp, _ := leader.get("/suggestions/new"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a leader opens the form: %d", resp.StatusCode)
	}
	resp, body = leader.get(show)
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "全国政协采用，2020年5月6日，全国政协《信息专报》") {
		t.Errorf("the page:\n%s", excerptOf(body))
	}

	resp, body = clerk.get("/suggestions.xlsx?year=2020")
	wantStatus(t, resp, body, http.StatusOK)
	im, err := xlsx.ParseSuggestions(ctx, strings.NewReader(body))
	if err != nil || len(im.Suggestions) != 2 || im.Suggestions[0].InstructedBy != "李县长" {
		t.Fatalf("export: %+v %v", im, err)
	}
	var bad strings.Builder
	im.Suggestions[1].Title = "x"
	im.Suggestions[1].On = zhenggai.NewDate(2099, 1, 1)
	if err := xlsx.WriteSuggestions(&bad, "x", im.Suggestions); err != nil {
		t.Fatal(err)
	}
	resp, body = clerk.postMultipart("/suggestions/import", nil, upFile{"file", "社情民意.xlsx", []byte(bad.String())})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "微建议和社情民意第4行：提出日期2099年1月1日晚于今天") {
		t.Errorf("a bad row is not named:\n%s", excerptOf(body))
	}
	if l, _ := e.st.Suggestions(ctx, store.SuggestionQuery{UnitID: r.UnitID}); len(l) != 2 {
		t.Fatalf("after a refused import: %d", len(l))
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
	resp, body = e.get(fmt.Sprintf("/units/%d/suggestions?year=2020", r.UnitID))
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "关于农村饮水安全的建议") || strings.Contains(body, `id="new-suggestion"`) {
		t.Errorf("the office's view of the unit:\n%s", excerptOf(body))
	}
}

// TestTownshipPages: a township entered, its leader and a member added
// on its page, a new leader closing the last one's term, an overlap
// refused by name; the list shows the vacancy, then the leader; an
// invitation counted this year; edited with a row deleted; export.
func TestTownshipPages(t *testing.T) {
	e := newFormEnv(t)
	r, _, _, _ := e.seed()
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	u, _ := e.st.Unit(ctx, r.UnitID)
	clerk := &formEnv{t: t, dir: e.dir, st: e.st, srv: e.srv, c: &http.Client{CheckRedirect: e.c.CheckRedirect,
		Jar: testkit.Jar(t, e.srv.URL, testkit.SignIn(t, e.st, zhenggai.RoleUnitAdmin, u.Name, "办公室"))}}

	resp, body := clerk.post("/townships", url.Values{"name": {"澧源镇"}, "seq": {"1"}, "since": {"2016-05-01"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("create: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	show := resp.Header.Get("Location")
	resp, body = clerk.get("/townships")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "空缺（自2016年5月起）") || !strings.Contains(body, "联络组长空缺<strong>1</strong>个") {
		t.Errorf("a group never led is not vacant since it began:\n%s", excerptOf(body))
	}
	post := func(path string, v url.Values) (*http.Response, string) {
		tw, _ := e.st.Townships(ctx, r.UnitID)
		v.Set("version", fmt.Sprint(tw[0].Version))
		return clerk.post(path, v)
	}
	if resp, body := post(show+"/posts", url.Values{"name": {"王明"}, "role": {"leader"}, "from": {"2016-05-01"}, "to": {"2018-03-15"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("add a leader: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	post(show+"/posts", url.Values{"name": {"张三"}, "role": {"member"}, "from": {"2016-05-01"}})
	resp, body = clerk.get("/townships")
	if !strings.Contains(body, "空缺（自2018年3月起）") || !strings.Contains(body, "张三") {
		t.Errorf("vacancy since the leader left:\n%s", excerptOf(body))
	}
	resp, body = post(show+"/posts", url.Values{"name": {"李华"}, "role": {"leader"}, "from": {"2018-01-01"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "任期重叠") {
		t.Errorf("an overlap is not refused:\n%s", excerptOf(body))
	}
	if resp, body := post(show+"/posts", url.Values{"name": {"李华"}, "role": {"leader"}, "from": {"2020-09-01"}, "close_previous": {"1"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("a new leader: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	if resp, body := post(show+"/invitations", url.Values{"kind": {"standing"}, "title": {"九届常委会第十次会议"}, "on": {"2020-10-10"}, "attended": {"1"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("an invitation: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	resp, body = clerk.get("/townships")
	for _, want := range []string{"李华", `data-label="列席常委会议">1</td>`, `data-label="受邀合计">1</td>`, "联络组长空缺<strong>0</strong>个"} {
		if !strings.Contains(body, want) {
			t.Errorf("the list lacks %q", want)
		}
	}
	resp, body = clerk.get(show)
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "九届常委会第十次会议") || !strings.Contains(body, "<td data-label=\"受邀人\">李华</td>") {
		t.Errorf("the township's page:\n%s", excerptOf(body))
	}
	resp, body = clerk.get("/history" + show)
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "九届常委会第十次会议") || !strings.Contains(body, "李华") {
		t.Errorf("the township's history lacks its group's changes:\n%s", excerptOf(body))
	}
	// The edit form: the member's row deleted.
	resp, body = clerk.get(show + "/edit")
	wantStatus(t, resp, body, http.StatusOK)
	tw, _ := e.st.Townships(ctx, r.UnitID)
	v := url.Values{"version": {fmt.Sprint(tw[0].Version)}, "name": {"澧源镇"}, "seq": {"1"}, "since": {"2016-05-01"}}
	for i, p := range tw[0].Posts {
		k := fmt.Sprintf("posts.%d.", i)
		v.Set(k+"id", fmt.Sprint(p.ID))
		v.Set(k+"name", p.Name)
		v.Set(k+"role", string(p.Role))
		v.Set(k+"from", p.From.String())
		v.Set(k+"to", p.To.String())
		if p.Role == zhenggai.LiaisonMember {
			v.Set(k+"delete", "1")
		}
	}
	for i, in := range tw[0].Invitations {
		k := fmt.Sprintf("invitations.%d.", i)
		v.Set(k+"id", fmt.Sprint(in.ID))
		v.Set(k+"kind", string(in.Kind))
		v.Set(k+"title", in.Title)
		v.Set(k+"on", in.On.String())
		v.Set(k+"name", in.Name)
	}
	if resp, body := clerk.post(show, v); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("edit: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	tw, _ = e.st.Townships(ctx, r.UnitID)
	if len(tw[0].Posts) != 2 || tw[0].Posts[0].To != zhenggai.NewDate(2018, 3, 15) || tw[0].Invitations[0].Attended {
		t.Fatalf("after the edit: %+v", tw[0])
	}
	resp, body = clerk.get("/townships.xlsx")
	wantStatus(t, resp, body, http.StatusOK)
	im, err := xlsx.ParseTownships(ctx, strings.NewReader(body))
	if err != nil || len(im.Townships) != 1 || len(im.Townships[0].Posts) != 2 || len(im.Townships[0].Invitations) != 1 {
		t.Fatalf("export: %+v %v", im, err)
	}
	resp, body = e.get(fmt.Sprintf("/units/%d/townships", r.UnitID))
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "澧源镇") || strings.Contains(body, `id="new-township"`) {
		t.Errorf("the office's view:\n%s", excerptOf(body))
	}
}

// TestSuggestionTownshipFormsHostile: what a clerk mistypes, or a forged
// post sends, is refused by field or ignored, never a server error, and
// markup is shown as text.
func TestSuggestionTownshipFormsHostile(t *testing.T) {
	e := newFormEnv(t)
	r, _, _, _ := e.seed()
	u, _ := e.st.Unit(context.Background(), r.UnitID)
	clerk := &formEnv{t: t, dir: e.dir, st: e.st, srv: e.srv, c: &http.Client{CheckRedirect: e.c.CheckRedirect,
		Jar: testkit.Jar(t, e.srv.URL, testkit.SignIn(t, e.st, zhenggai.RoleUnitAdmin, u.Name, "办公室"))}}
	tw := &zhenggai.Township{UnitID: r.UnitID, Name: "澧源镇"}
	if err := e.st.SaveTownship(zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"}), tw); err != nil {
		t.Fatal(err)
	}
	base := fmt.Sprintf("/townships/%d", tw.ID)
	tests := []struct {
		name, path string
		form       url.Values
		status     int
		want       string
	}{
		{"bad date", "/suggestions", url.Values{"kind": {"sqmy"}, "via": {"paper"}, "name": {"王明"}, "title": {"甲"}, "on": {"2020-02-30"}},
			http.StatusUnprocessableEntity, "提出日期不是有效日期"},
		{"future", "/suggestions", url.Values{"kind": {"sqmy"}, "via": {"paper"}, "name": {"王明"}, "title": {"甲"}, "on": {"2099-01-01"}},
			http.StatusUnprocessableEntity, "晚于今天"},
		{"bad kind", "/suggestions", url.Values{"kind": {"<b>x</b>"}, "via": {"paper"}, "name": {"王明"}, "title": {"甲"}, "on": {"2020-01-01"}},
			http.StatusUnprocessableEntity, "类别须为微建议或社情民意"},
		{"script title", "/suggestions", url.Values{"kind": {"x"}, "title": {"<script>alert(1)</script>"}},
			http.StatusUnprocessableEntity, "&lt;script&gt;"},
		{"forged member", "/suggestions", url.Values{"kind": {"sqmy"}, "via": {"paper"}, "member_id": {"999999"}, "title": {"甲"}, "on": {"2020-01-01"}},
			http.StatusUnprocessableEntity, "不是本单位的委员"},
		{"township without name", "/townships", url.Values{"name": {""}, "seq": {"x"}}, http.StatusUnprocessableEntity, "序号须为整数"},
		{"post without name", base + "/posts", url.Values{"version": {"1"}, "role": {"leader"}, "from": {"2020-01-01"}},
			http.StatusUnprocessableEntity, "姓名不能为空"},
		{"post bad dates", base + "/posts", url.Values{"version": {"1"}, "name": {"王明"}, "role": {"member"}, "from": {"2020-05-01"}, "to": {"2020-01-01"}},
			http.StatusUnprocessableEntity, "早于起始日期"},
		{"post bad role", base + "/posts", url.Values{"version": {"1"}, "name": {"王明"}, "role": {"boss"}}, http.StatusUnprocessableEntity, "职务须为"},
		{"invitation bad kind", base + "/invitations", url.Values{"version": {"1"}, "kind": {"party"}, "title": {"<i>x</i>"}, "on": {"2020-01-01"}},
			http.StatusUnprocessableEntity, "类别须为视察、调研或列席常委会议"},
		{"invitation stale", base + "/invitations", url.Values{"version": {"7"}, "kind": {"research"}, "title": {"x"}, "on": {"2020-01-01"}},
			http.StatusSeeOther, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := clerk.post(tt.path, tt.form)
			wantStatus(t, resp, body, tt.status)
			if !strings.Contains(body, tt.want) || strings.Contains(body, "<script>alert") || strings.Contains(body, "<i>x</i>") {
				t.Errorf("want %q:\n%s", tt.want, excerptOf(body))
			}
		})
	}
	if l, _ := e.st.Suggestions(context.Background(), store.SuggestionQuery{UnitID: r.UnitID}); len(l) != 0 {
		t.Errorf("%d suggestions saved", len(l))
	}
	if got, _ := e.st.Township(context.Background(), tw.ID); len(got.Posts)+len(got.Invitations) != 0 || got.Version != 1 {
		t.Errorf("township changed: %+v", got)
	}
}
