package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// TestProposalStatsPage: the office imports a list (a bad one refused
// with its rows named, nothing written), reads the counts, every rate
// with its numerator and denominator and the sentences with their copy
// button, and exports both workbooks; the inspection office reads the
// unit's page without the import; a leader is refused the import.
func TestProposalStatsPage(t *testing.T) {
	e := newFormEnv(t)
	r, _, _, _ := e.seed()
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	u, _ := e.st.Unit(ctx, r.UnitID)
	as := func(role zhenggai.Role, name string) *formEnv {
		return &formEnv{t: t, dir: e.dir, st: e.st, srv: e.srv, c: &http.Client{CheckRedirect: e.c.CheckRedirect,
			Jar: testkit.Jar(t, e.srv.URL, testkit.SignIn(t, e.st, role, u.Name, name))}}
	}
	clerk, leader := as(zhenggai.RoleUnitAdmin, "提案办"), as(zhenggai.RoleLeader, "张主席")

	resp, body := clerk.get("/proposals/stats")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "满意率") || !strings.Contains(body, `action="/proposals/import"`) || !strings.Contains(body, `class="list rowcards"`) {
		t.Fatalf("empty page:\n%s", excerptOf(body))
	}
	bad := "序号,提案号,届次,年度,案由,提案人,满意度\n1,1,九届四次,2020,题,王明,还行\n"
	resp, body = clerk.postMultipart("/proposals/import", nil, upFile{"file", "提案.csv", []byte(bad)})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "第2行") || !strings.Contains(body, "须为满意、基本满意或不满意") {
		t.Fatalf("bad list not named:\n%s", excerptOf(body))
	}
	list := "序号,提案号,届次,年度,案由,提案人,审查结果,承办单位,交办日期,答复日期,答复类别,满意度\n" +
		"1,1,九届四次,2020,关于饮水安全的建议,王明,,县水利局,2020-02-10,2020-04-30,A类,满意\n" +
		"2,2,九届四次,2020,关于旅游的建议,李华,并入第1号\n" +
		"3,3,九届四次,2020,关于教育的建议,王明,,县教育局,2020-02-10,2020-05-20,B类,基本满意\n"
	resp, body = clerk.postMultipart("/proposals/import", nil, upFile{"file", "提案.csv", []byte(list)})
	wantStatus(t, resp, body, http.StatusSeeOther)
	resp, body = clerk.get(resp.Header.Get("Location"))
	wantStatus(t, resp, body, http.StatusOK)
	for _, want := range []string{"已导入提案3件", "九届四次会议共收到提案3件，经提案委员会审查，并案后实际立案2件。",
		`data-copy="proposal-sentences"`, `<td class="num" data-label="比率">50%</td>`, "按收回的意见表计", "按已答复的提案计"} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q:\n%s", want, excerptOf(body))
		}
	}
	for _, path := range []string{"/proposals/stats.xlsx?session=九届四次", "/proposals/list.xlsx?session=九届四次"} {
		resp, body = clerk.get(path)
		wantStatus(t, resp, body, http.StatusOK)
		if !strings.HasPrefix(body, "PK") {
			t.Errorf("%s: not a workbook", path)
		}
	}
	resp, body = leader.postMultipart("/proposals/import", nil, upFile{"file", "提案.csv", []byte(list)})
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("a leader imported: %d", resp.StatusCode)
	}
	resp, body = e.get(fmt.Sprintf("/units/%d/proposals/stats?year=2020", r.UnitID))
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "2020年共收到提案3件") || strings.Contains(body, `action="/proposals/import"`) {
		t.Errorf("the office's view:\n%s", excerptOf(body))
	}
}
