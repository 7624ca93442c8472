package browsertest_test

import (
	"fmt"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/browsertest"
	"zhenggai/internal/testkit"
)

// TestMemberPages: the members' list, a member's file, the forms and the
// settings fit a phone, a laptop and a tablet; the file prints on A4
// portrait with every point explained and no menu or button; the member
// reads his own file on his phone.
func TestMemberPages(t *testing.T) {
	env, r, pw := demoEnv(t)
	u, err := env.Store.Unit(ctx, r.UnitID)
	if err != nil {
		t.Fatal(err)
	}
	m := &zhenggai.CPPCCMember{UnitID: r.UnitID, Name: "向东", Term: "第九届", Sector: "中国农工民主党", Committee: "经济科技委员会",
		Standing: true, JoinedOn: zhenggai.NewDate(zhenggai.Today().Year()-1, 1, 2), Township: "澧源镇"}
	if err := env.Store.SaveCPPCCMember(ctx, m, true, "13800000000"); err != nil {
		t.Fatal(err)
	}
	year := zhenggai.Today().Year() - 1 // a whole year before today's
	for i, p := range []zhenggai.Presence{zhenggai.Present, zhenggai.OnLeave} {
		mt := &zhenggai.Meeting{UnitID: r.UnitID, Type: "全体会议", Date: zhenggai.NewDate(year, 1, 5+i),
			Attendance: []zhenggai.Attendance{{Name: "向东", Presence: p, Note: map[bool]string{true: "出差"}[p == zhenggai.OnLeave]}}}
		if err := env.Store.SaveMeeting(ctx, mt); err != nil {
			t.Fatal(err)
		}
	}
	if err := env.Store.SaveMemberActivity(ctx, &zhenggai.MemberActivity{UnitID: r.UnitID, MemberID: m.ID, Kind: zhenggai.ActivityResearch,
		Title: "关于乡村振兴产业发展的专题调研", On: zhenggai.NewDate(year, 1, 3)}); err != nil {
		t.Fatal(err)
	}
	own := testkit.SignIn(t, env.Store, zhenggai.RoleMember, u.Name, "向东")
	acct, err := env.Store.User(ctx, own.User.ID)
	if err != nil {
		t.Fatal(err)
	}
	acct.PersonID = m.PersonID
	if err := env.Store.UpdateUser(ctx, acct); err != nil {
		t.Fatal(err)
	}
	pw[own.User.Name] = testkit.TestPassword
	file := fmt.Sprintf("/members/%d", m.ID)
	roles := []rolePages{
		{"bangongshi", []page{
			{"/members", "office-members", true},
			{file, "office-member", true},
			{"/members/new", "office-member-form", false},
			{"/members/settings", "office-member-settings", false},
		}},
		{own.User.Name, []page{{"/my/record", "member-record", true}}},
	}
	srv := env.Serve(t, nil)
	b := browsertest.New(t, srv.URL)
	checkPages(t, b, srv.URL, pw, roles)

	b.Forget()
	b.Size(1366, 768)
	b.SignIn("bangongshi", pw["bangongshi"])
	b.Visit(file, "member-print")
	pdf := savePDF(t, b.PrintPDF(), "member.pdf")
	sizes := pdfPageSizes(t, pdf)
	if len(sizes) == 0 || len(sizes) > 4 {
		t.Errorf("the file prints on %d pages, want 1 to 4", len(sizes))
	}
	for i, s := range sizes {
		if s[0] < 594 || s[0] > 596 || s[1] < 841 || s[1] > 843 {
			t.Errorf("page %d is %.2f×%.2f pt, want A4 portrait (595.28×841.89)", i+1, s[0], s[1])
		}
	}
	all := strings.Join(pdfPages(t, pdf), "\n")
	flat := strings.Join(strings.Fields(all), "")
	for _, want := range []string{"向东委员履职档案", "出席全体会议1次×10分=10分", fmt.Sprintf("%d年第1次全体会议", year), "关于乡村振兴产业发展的专题调研", "第1页"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the printed file lacks %q:\n%s", want, all)
		}
	}
	noScreenOnly(t, "member's file", all)
}
