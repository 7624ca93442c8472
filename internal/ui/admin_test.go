package ui_test

import (
	"context"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/testkit"
)

// The administration pages: units, users, settings.

var passwordRE = regexp.MustCompile(`<code id="password">([^<]+)</code>`)

// shownPassword is the password a result page shows, which must come with
// the warning that it is shown once.
func shownPassword(t *testing.T, body string) string {
	t.Helper()
	m := passwordRE.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no password on the page:\n%s", excerptOf(body))
	}
	if !strings.Contains(body, "只显示这一次，请妥善转交本人") {
		t.Errorf("the password page does not say it is shown once")
	}
	return html.UnescapeString(m[1])
}

// adminUnit makes a unit through the store.
func (e *formEnv) adminUnit(name string, parent int64) *zhenggai.Unit {
	e.t.Helper()
	u := &zhenggai.Unit{Name: name, ParentID: parent}
	if err := e.st.SaveUnit(context.Background(), u); err != nil {
		e.t.Fatal(err)
	}
	return u
}

// me is the administrator the env's client is signed in as.
func (e *formEnv) me() *zhenggai.User {
	e.t.Helper()
	u, err := e.st.FirstAdmin(context.Background())
	if err != nil {
		e.t.Fatal(err)
	}
	return u
}

// browser is a fresh client, without a session unless one is given.
func (e *formEnv) browser(l *testkit.Login) *http.Client {
	e.t.Helper()
	jar, _ := cookiejar.New(nil)
	if l != nil {
		jar = testkit.Jar(e.t, e.srv.URL, l).(*cookiejar.Jar)
	}
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// signIn posts the login form with a fresh client and returns the answer.
func (e *formEnv) signIn(name, password string) *http.Response {
	e.t.Helper()
	resp, err := e.browser(nil).PostForm(e.srv.URL+"/login", url.Values{"name": {name}, "password": {password}})
	if err != nil {
		e.t.Fatal(err)
	}
	resp.Body.Close()
	return resp
}

// sessionWorks reports whether a client's session still opens the home page.
func (e *formEnv) sessionWorks(c *http.Client) bool {
	e.t.Helper()
	resp, err := c.Get(e.srv.URL + "/")
	if err != nil {
		e.t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

func TestAdminUnitTree(t *testing.T) {
	e := newFormEnv(t)
	ctx := context.Background()
	resp, body := e.post("/admin/units", url.Values{"name": {"市委巡察办"}})
	wantRedirect(t, resp, body, "/admin/units")
	units, _ := e.st.Units(ctx)
	var office *zhenggai.Unit
	for i := range units {
		if units[i].Name == "市委巡察办" {
			office = &units[i]
		}
	}
	if office == nil || office.ParentID != 0 {
		t.Fatalf("office not created at the top: %+v", units)
	}
	resp, body = e.post("/admin/units", url.Values{"name": {"桑植县政协党组"}, "parent_id": {fmt.Sprint(office.ID)}})
	wantRedirect(t, resp, body, "/admin/units")
	units, _ = e.st.Units(ctx)
	var unit *zhenggai.Unit
	for i := range units {
		if units[i].Name == "桑植县政协党组" {
			unit = &units[i]
		}
	}
	if unit == nil || unit.ParentID != office.ID {
		t.Fatalf("unit not created under the office: %+v", units)
	}

	// The tree shows the unit indented under its office, with counts.
	e.st.CreateRound(ctx, &zhenggai.Round{Unit: "桑植县政协党组", Inspector: "市委第七巡察组", Kind: zhenggai.KindInspection})
	resp, body = e.get("/admin/units")
	wantStatus(t, resp, body, http.StatusOK)
	iOffice := strings.Index(body, `indent-0">市委巡察办`)
	iUnit := strings.Index(body, `indent-1"><span class="branch" aria-hidden="true">└</span>桑植县政协党组`)
	if iOffice < 0 || iUnit < iOffice {
		t.Errorf("tree not shown in order and indented:\n%s", excerptOf(body))
	}
	if !strings.Contains(body, `class="subnav"`) || !strings.Contains(body, `href="/admin/units" class="on"`) {
		t.Errorf("no sub-navigation")
	}

	// The same name twice is refused next to the field.
	resp, body = e.post("/admin/units", url.Values{"name": {"市委巡察办"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "已有同名单位") {
		t.Errorf("duplicate name not explained:\n%s", excerptOf(body))
	}

	// Moving the office under its own unit is a cycle: refused, nothing changed.
	resp, body = e.post(fmt.Sprintf("/admin/units/%d", office.ID), url.Values{"name": {"市委巡察办（改）"}, "parent_id": {fmt.Sprint(unit.ID)}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "不能把单位放在它自己或它的下级单位之下") || !strings.Contains(body, `<div class="row has-error">
    <label for="parent_id">`) {
		t.Errorf("cycle not refused next to the parent field:\n%s", excerptOf(body))
	}
	if got, _ := e.st.Unit(ctx, office.ID); got.ParentID != 0 || got.Name != "市委巡察办" {
		t.Errorf("a refused move changed the unit: %+v", got)
	}
	resp, body = e.post(fmt.Sprintf("/admin/units/%d", office.ID), url.Values{"name": {"市委巡察办"}, "parent_id": {fmt.Sprint(office.ID)}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)

	// The edit form cannot offer the unit's own subtree as a parent.
	resp, body = e.get(fmt.Sprintf("/admin/units/%d/edit", office.ID))
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, fmt.Sprintf(`<option value="%d" disabled>`, unit.ID)) {
		t.Errorf("the office's own unit is offered as its parent:\n%s", excerptOf(body))
	}

	// Renaming and moving to the top works.
	resp, body = e.post(fmt.Sprintf("/admin/units/%d", unit.ID), url.Values{"name": {"桑植县政协"}, "parent_id": {""}})
	wantRedirect(t, resp, body, "/admin/units")
	if got, _ := e.st.Unit(ctx, unit.ID); got.ParentID != 0 || got.Name != "桑植县政协" {
		t.Errorf("unit not renamed and moved: %+v", got)
	}
	resp, body = e.get("/admin/units/999999/edit")
	wantStatus(t, resp, body, http.StatusNotFound)
}

func TestAdminCreateUser(t *testing.T) {
	e := newFormEnv(t)
	ctx := context.Background()
	unit := e.adminUnit("桑植县政协党组", 0)
	form := url.Values{"name": {"qinli"}, "display_name": {"覃丽"}, "role": {string(zhenggai.RoleResponsible)}, "unit_id": {fmt.Sprint(unit.ID)}}

	resp, body := e.get("/admin/users")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "须与整改台账中的写法完全一致") || !strings.Contains(body, ">责任人</option>") {
		t.Errorf("the new-user form lacks the name hint or the Chinese roles:\n%s", excerptOf(body))
	}

	resp, body = e.post("/admin/users", form)
	wantStatus(t, resp, body, http.StatusCreated)
	pw := shownPassword(t, body)
	if len(resp.Header.Values("Set-Cookie")) != 0 || resp.Header.Get("Location") != "" {
		t.Errorf("the password page sets cookies or redirects: %v", resp.Header)
	}
	if !strings.Contains(resp.Header.Get("Cache-Control"), "no-store") {
		t.Errorf("the password page may be cached: %q", resp.Header.Get("Cache-Control"))
	}
	u, hash, err := e.st.UserByName(ctx, "qinli")
	if err != nil {
		t.Fatal(err)
	}
	if u.DisplayName != "覃丽" || u.Role != zhenggai.RoleResponsible || u.UnitID != unit.ID || strings.Contains(hash, pw) || !auth.CheckPassword(pw, hash) {
		t.Errorf("user stored wrong: %+v", u)
	}
	// Shown once: the list does not show it again.
	resp, body = e.get("/admin/users")
	if !strings.Contains(body, "qinli") || strings.Contains(body, pw) {
		t.Errorf("user list wrong or shows the password")
	}
	// The password works, once: its owner must first change it.
	if resp := e.signIn("qinli", pw); resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/account/password?next=%2F" {
		t.Errorf("sign-in with the shown password: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}

	// The same login name again is refused, and nothing is created.
	before, _ := e.st.Users(ctx)
	form.Set("display_name", "覃丽二")
	resp, body = e.post("/admin/users", form)
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "登录名“qinli”已被使用") || passwordRE.MatchString(body) {
		t.Errorf("duplicate login name not refused:\n%s", excerptOf(body))
	}
	if after, _ := e.st.Users(ctx); len(after) != len(before) {
		t.Errorf("users %d → %d after a refused create", len(before), len(after))
	}
	// A second 覃丽 among the unit's leaders and owners would hold all her
	// rights: refused, whatever spaces surround the name.
	resp, body = e.post("/admin/users", url.Values{"name": {"qinli9"}, "display_name": {"覃丽 "}, "role": {string(zhenggai.RoleLeader)},
		"unit_id": {fmt.Sprint(unit.ID)}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "姓名“覃丽”已是本单位另一账号（qinli）的姓名") || passwordRE.MatchString(body) {
		t.Errorf("a duplicate display name not refused:\n%s", excerptOf(body))
	}
	// Bad input is refused field by field.
	resp, body = e.post("/admin/users", url.Values{"name": {"覃 丽"}, "role": {"boss"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	for _, msg := range []string{"登录名只能使用字母", "姓名不能为空", "角色不正确", "请选择所属单位"} {
		if !strings.Contains(body, msg) {
			t.Errorf("missing %q", msg)
		}
	}
}

func TestAdminEditUserStale(t *testing.T) {
	e := newFormEnv(t)
	ctx := context.Background()
	l := testkit.SignIn(t, e.st, zhenggai.RoleResponsible, "甲单位", "覃丽")
	other := e.adminUnit("乙单位", 0)
	path := fmt.Sprintf("/admin/users/%d", l.User.ID)

	resp, body := e.get(path + "/edit")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, `name="version" value="1"`) {
		t.Fatalf("no version in the form:\n%s", excerptOf(body))
	}
	form := url.Values{"display_name": {"覃丽华"}, "role": {string(zhenggai.RoleLeader)}, "unit_id": {fmt.Sprint(other.ID)}, "version": {"1"}}
	resp, body = e.post(path, form)
	wantRedirect(t, resp, body, "/admin/users")
	u, _ := e.st.User(ctx, l.User.ID)
	if u.DisplayName != "覃丽华" || u.Role != zhenggai.RoleLeader || u.UnitID != other.ID || u.Version != 2 {
		t.Fatalf("user not saved: %+v", u)
	}

	// A second editor with the form of version 1 gets the conflict box.
	form.Set("display_name", "覃丽丽")
	resp, body = e.post(path, form)
	wantStatus(t, resp, body, http.StatusConflict)
	if !strings.Contains(body, "conflict-box") || !strings.Contains(body, "覃丽华") || !strings.Contains(body, "覃丽丽") ||
		!strings.Contains(body, `name="version" value="2"`) || !strings.Contains(body, "<td class=\"pre\">责任领导</td>") {
		t.Errorf("conflict not shown with both values:\n%s", excerptOf(body))
	}
	if u2, _ := e.st.User(ctx, l.User.ID); u2.DisplayName != u.DisplayName || u2.Version != u.Version {
		t.Errorf("a stale save changed the user: %+v", u2)
	}
}

func TestAdminDisableUser(t *testing.T) {
	e := newFormEnv(t)
	ctx := context.Background()
	l := testkit.SignIn(t, e.st, zhenggai.RoleUnitAdmin, "甲单位", "办公室")
	c := e.browser(l)
	if !e.sessionWorks(c) {
		t.Fatal("the user's session does not work to begin with")
	}
	form := url.Values{"display_name": {"办公室"}, "role": {string(zhenggai.RoleUnitAdmin)}, "unit_id": {fmt.Sprint(l.User.UnitID)},
		"disabled": {"1"}, "version": {"1"}}
	resp, body := e.post(fmt.Sprintf("/admin/users/%d", l.User.ID), form)
	wantRedirect(t, resp, body, "/admin/users")
	if u, _ := e.st.User(ctx, l.User.ID); !u.Disabled {
		t.Fatal("user not disabled")
	}
	if e.sessionWorks(c) {
		t.Error("a disabled user's session still works")
	}
	if resp := e.signIn(l.User.Name, "test-password"); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("a disabled user signs in: %d", resp.StatusCode)
	}
	resp, body = e.get("/admin/users")
	if !strings.Contains(body, `<span class="badge off">停用</span>`) {
		t.Errorf("the list does not show the user as disabled")
	}
	// Enabled again, he signs in.
	form.Del("disabled")
	form.Set("version", "2")
	resp, body = e.post(fmt.Sprintf("/admin/users/%d", l.User.ID), form)
	wantRedirect(t, resp, body, "/admin/users")
	if resp := e.signIn(l.User.Name, "test-password"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("an enabled user cannot sign in: %d", resp.StatusCode)
	}
	// …but his API token, revoked when he was disabled, stays dead.
	req, _ := http.NewRequest("GET", e.srv.URL+"/api/v1/rounds", nil)
	l.Bearer(req)
	if resp, body := e.do(req); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("the token of a disabled, then enabled user: %d %s", resp.StatusCode, body)
	}
}

func TestAdminResetPassword(t *testing.T) {
	e := newFormEnv(t)
	l := testkit.SignIn(t, e.st, zhenggai.RoleLeader, "甲单位", "向建国")
	c := e.browser(l)
	resp, body := e.post(fmt.Sprintf("/admin/users/%d/password", l.User.ID), nil)
	wantStatus(t, resp, body, http.StatusOK)
	pw := shownPassword(t, body)
	if pw == "test-password" || len(resp.Header.Values("Set-Cookie")) != 0 {
		t.Errorf("password not changed, or sent in a cookie")
	}
	if e.sessionWorks(c) {
		t.Error("the old session survives a password reset")
	}
	if resp := e.signIn(l.User.Name, "test-password"); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("the old password still works: %d", resp.StatusCode)
	}
	if resp := e.signIn(l.User.Name, pw); resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/account/password") {
		t.Errorf("the new password does not work, or need not be changed: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	resp, body = e.post("/admin/users/999999/password", nil)
	wantStatus(t, resp, body, http.StatusNotFound)
}

func TestAdminCannotLockHimselfOut(t *testing.T) {
	e := newFormEnv(t)
	ctx := context.Background()
	me := e.me()
	path := fmt.Sprintf("/admin/users/%d", me.ID)
	base := url.Values{"display_name": {me.DisplayName}, "role": {string(zhenggai.RoleAdmin)}, "unit_id": {fmt.Sprint(me.UnitID)}, "version": {fmt.Sprint(me.Version)}}

	form := url.Values{}
	for k, v := range base {
		form[k] = v
	}
	form.Set("disabled", "1")
	resp, body := e.post(path, form)
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "不能停用本人的账号") {
		t.Errorf("disabling himself not refused with a reason:\n%s", excerptOf(body))
	}
	form = url.Values{}
	for k, v := range base {
		form[k] = v
	}
	form.Set("role", string(zhenggai.RoleUnitAdmin))
	resp, body = e.post(path, form)
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "不能取消本人的系统管理员角色") {
		t.Errorf("giving up his own role not refused with a reason:\n%s", excerptOf(body))
	}
	if u, _ := e.st.User(ctx, me.ID); u.Disabled || u.Role != zhenggai.RoleAdmin || u.Version != me.Version {
		t.Errorf("refused self-edits changed the administrator: %+v", u)
	}
	// His name he may change.
	form = base
	form.Set("display_name", "系统管理员甲")
	resp, body = e.post(path, form)
	wantRedirect(t, resp, body, "/admin/users")
}

func TestAdminSettings(t *testing.T) {
	e := newFormEnv(t)
	ctx := context.Background()
	quiet := e.adminUnit("甲单位", 0)
	busy := e.adminUnit("桑植县政协党组", 0)
	if err := e.st.CreateRound(ctx, &zhenggai.Round{Unit: busy.Name, Inspector: "市委第七巡察组", Kind: zhenggai.KindInspection}); err != nil {
		t.Fatal(err)
	}

	// By default, the first unit that has rounds.
	resp, body := e.get("/admin/settings")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, fmt.Sprintf(`name="unit_id" value="%d"`, busy.ID)) || !strings.Contains(body, `name="green_days" value="20"`) ||
		!strings.Contains(body, "整改时限前20天起为绿色预警，前10天起为黄色预警，逾期为红色预警") {
		t.Errorf("default settings page wrong:\n%s", excerptOf(body))
	}
	if !strings.Contains(body, "本单位佐证材料已用0字节，上限10GB") || !strings.Contains(body, `name="evidence_quota_mb" value="10240"`) {
		t.Errorf("the evidence quota is not shown:\n%s", excerptOf(body))
	}
	resp, body = e.get(fmt.Sprintf("/admin/settings?unit=%d", quiet.ID))
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, fmt.Sprintf(`name="unit_id" value="%d"`, quiet.ID)) {
		t.Errorf("?unit not followed")
	}
	resp, body = e.get("/admin/settings?unit=999999")
	wantStatus(t, resp, body, http.StatusNotFound)

	resp, body = e.post("/admin/settings", url.Values{"unit_id": {fmt.Sprint(busy.ID)}, "green_days": {"30"}, "yellow_days": {"7"}})
	wantRedirect(t, resp, body, fmt.Sprintf("/admin/settings?unit=%d", busy.ID))
	// A form without the quota (a script that predates it) keeps it.
	want := zhenggai.Settings{GreenDays: 30, YellowDays: 7, OpinionDays: zhenggai.DefaultOpinionDays, EvidenceQuotaMB: zhenggai.DefaultEvidenceQuotaMB}
	if got, _ := e.st.Settings(ctx, busy.ID); got != want {
		t.Fatalf("settings %+v, want %+v", got, want)
	}
	if got, _ := e.st.Settings(ctx, quiet.ID); got != zhenggai.DefaultSettings() {
		t.Errorf("another unit's settings changed: %+v", got)
	}

	// A quota of its own, shown; zero refused next to the field.
	resp, body = e.post("/admin/settings", url.Values{"unit_id": {fmt.Sprint(quiet.ID)}, "green_days": {"20"}, "yellow_days": {"10"},
		"evidence_quota_mb": {"2048"}})
	wantRedirect(t, resp, body, fmt.Sprintf("/admin/settings?unit=%d", quiet.ID))
	if got, _ := e.st.Settings(ctx, quiet.ID); got.EvidenceQuotaMB != 2048 {
		t.Errorf("quota %d, want 2048", got.EvidenceQuotaMB)
	}
	resp, body = e.get(fmt.Sprintf("/admin/settings?unit=%d", quiet.ID))
	if !strings.Contains(body, "上限2GB") {
		t.Errorf("the unit's quota is not shown:\n%s", excerptOf(body))
	}
	resp, body = e.post("/admin/settings", url.Values{"unit_id": {fmt.Sprint(quiet.ID)}, "green_days": {"20"}, "yellow_days": {"10"},
		"evidence_quota_mb": {"0"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "佐证材料存储上限须在1至1048576 MB（1TB）之间") {
		t.Errorf("a zero quota is not refused next to the field:\n%s", excerptOf(body))
	}

	// Yellow not below green: refused next to the field, nothing saved.
	resp, body = e.post("/admin/settings", url.Values{"unit_id": {fmt.Sprint(busy.ID)}, "green_days": {"15"}, "yellow_days": {"15"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "黄色预警天数须小于绿色预警天数") || !strings.Contains(body, `name="yellow_days" value="15"`) {
		t.Errorf("refusal not shown next to the field:\n%s", excerptOf(body))
	}
	for _, v := range []url.Values{
		{"unit_id": {"999999"}, "green_days": {"20"}, "yellow_days": {"10"}},
		{"unit_id": {"abc"}, "green_days": {"20"}, "yellow_days": {"10"}},
		{"unit_id": {fmt.Sprint(busy.ID)}, "green_days": {"二十"}, "yellow_days": {"10"}},
		{"unit_id": {fmt.Sprint(busy.ID)}, "green_days": {""}, "yellow_days": {""}},
		{"unit_id": {fmt.Sprint(busy.ID)}, "green_days": {"400"}, "yellow_days": {"10"}},
	} {
		resp, body = e.post("/admin/settings", v)
		wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	}
	if got, _ := e.st.Settings(ctx, busy.ID); got != want {
		t.Errorf("refused saves changed the settings: %+v", got)
	}
}

// TestAdminPagesRefused: a unit administrator gets 403 on every
// administration page, and no link to them.
func TestAdminPagesRefused(t *testing.T) {
	e := newFormEnv(t)
	l := testkit.SignIn(t, e.st, zhenggai.RoleUnitAdmin, "甲单位", "办公室")
	c := e.browser(l)
	for _, p := range []struct{ method, path string }{
		{"GET", "/admin/units"}, {"POST", "/admin/units"},
		{"GET", fmt.Sprintf("/admin/units/%d/edit", l.User.UnitID)}, {"POST", fmt.Sprintf("/admin/units/%d", l.User.UnitID)},
		{"GET", "/admin/users"}, {"POST", "/admin/users"},
		{"GET", fmt.Sprintf("/admin/users/%d/edit", l.User.ID)}, {"POST", fmt.Sprintf("/admin/users/%d", l.User.ID)},
		{"POST", fmt.Sprintf("/admin/users/%d/password", l.User.ID)},
		{"GET", "/admin/settings"}, {"POST", "/admin/settings"},
	} {
		form := url.Values{"name": {"x"}, "display_name": {"x"}, "role": {"admin"}, "unit_id": {fmt.Sprint(l.User.UnitID)},
			"version": {"1"}, "green_days": {"30"}, "yellow_days": {"5"}}
		req, _ := http.NewRequest(p.method, e.srv.URL+p.path, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s %s as a unit administrator: %d, want 403", p.method, p.path, resp.StatusCode)
		}
	}
	u, _ := e.st.User(context.Background(), l.User.ID)
	if u.Role != zhenggai.RoleUnitAdmin || u.Version != 1 {
		t.Errorf("a refused request changed the user: %+v", u)
	}
	resp, err := c.Get(e.srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if strings.Contains(string(b), "/admin/") {
		t.Error("a unit administrator is shown the link to 系统管理")
	}
}
