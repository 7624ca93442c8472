package store_test

import (
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/selfcheck"
	"zhenggai/internal/testkit"
)

// TestRegistersCPPCC: the loader reads the CPPCC registers (proposals
// with their cycle, members, plenary attendance, suggestions, townships,
// published reports; voided rows and other years left out) and the rules
// find what is in them.
func TestRegistersCPPCC(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st := env.Store
		r, _, _, _ := seedRound(t, st)
		u := r.UnitID
		raw := env.Raw(t)
		zs := ins(t, raw, "cppcc_members", "unit_id, name, term, joined_on, created_at", u, "张三", "第九届", "2016-01-01", now)
		ins(t, raw, "cppcc_members", "unit_id, name, term, joined_on, created_at", u, "李四", "第九届", "2016-01-01", now)
		ins(t, raw, "cppcc_members", "unit_id, name, term, created_at, voided_at", u, "王五", "第九届", now, now)
		ins(t, raw, "member_activities", "unit_id, member_id, kind, title, on_date, created_at", u, zs, "research", "调研", "2019-04-01", now)
		// A 2019 proposal answered without its letter in the archive; a
		// voided one; one of 2012, before the period.
		p := ins(t, raw, "proposals", "unit_id, session, year, number, title, status, assigned_on, due_on, class, created_at",
			u, "九届四次", 2019, "1", "关于农村公路养护的建议", "done", "2019-03-01", "2019-06-01", "A", now)
		ins(t, raw, "proposal_signers", "unit_id, proposal_id, seq, name", u, p, 1, "张三")
		a := ins(t, raw, "proposal_assignments", "unit_id, proposal_id, handler, role, assigned_on", u, p, "县交通运输局", "lead", "2019-03-01")
		ins(t, raw, "proposal_replies", "unit_id, proposal_id, assignment_id, round, replied_on, class, approved, created_at",
			u, p, a, 1, "2019-05-01", "A", 1, now)
		ins(t, raw, "proposal_feedback", "unit_id, proposal_id, round, name, result, returned_on, created_at", u, p, 1, "张三", "satisfied", "2019-05-20", now)
		ins(t, raw, "proposal_documents", "unit_id, proposal_id, kind, sha256, created_at", u, p, "original", "ab", now)
		ins(t, raw, "proposal_documents", "unit_id, proposal_id, kind, sha256, created_at, voided_at", u, p, "reply_letter", "cd", now, now)
		ins(t, raw, "proposals", "unit_id, year, title, status, created_at, voided_at", u, 2019, "作废", "done", now, now)
		ins(t, raw, "proposals", "unit_id, year, title, status, created_at", u, 2012, "旧", "done", now)
		// Plenaries: 张三 absent twice; a standing committee meeting; a
		// study session whose attendance is not read.
		for i, d := range []string{"2018-01-10", "2019-01-10"} {
			m := insMeeting(t, raw, u, "全体会议", "全体会议", i+1, d, false)
			ins(t, raw, "meeting_attendance", "unit_id, meeting_id, seq, name, presence", u, m, 1, "张三", "absent")
			ins(t, raw, "meeting_attendance", "unit_id, meeting_id, seq, name, presence", u, m, 2, "李四", "leave")
		}
		sc := insMeeting(t, raw, u, "常委会议", "常委会议", 1, "2019-06-10", false)
		ins(t, raw, "meeting_attendance", "unit_id, meeting_id, seq, name, presence", u, sc, 1, "李四", "leave")
		study := insMeeting(t, raw, u, "中心组学习", "中心组学习", 1, "2019-06-11", false)
		ins(t, raw, "meeting_attendance", "unit_id, meeting_id, seq, name, presence", u, study, 1, "李四", "present")
		ins(t, raw, "suggestions", "unit_id, member_id, name, kind, via, title, on_date, created_at", u, zs, "张三", "micro", "platform", "建议", "2019-05-01", now)
		ins(t, raw, "suggestions", "unit_id, name, kind, title, on_date, created_at, voided_at", u, "张三", "micro", "作废", "2019-05-01", now, now)
		tw := ins(t, raw, "townships", "unit_id, name, seq, created_at", u, "澧源镇", 1, now)
		ins(t, raw, "liaison_posts", "unit_id, township_id, name, role, from_date, to_date", u, tw, "赵六", "leader", "2010-01-01", "2017-12-31")
		ins(t, raw, "liaison_invitations", "unit_id, township_id, kind, title, on_date, name", u, tw, "inspection", "视察", "2019-05-01", "赵六")
		gone := ins(t, raw, "townships", "unit_id, name, seq, created_at, voided_at", u, "作废镇", 2, now, now)
		ins(t, raw, "liaison_posts", "unit_id, township_id, name, role", u, gone, "某", "leader")
		// A published report stating five received; a draft stating more.
		for _, state := range []string{"published", "draft"} {
			ins(t, raw, "publications", "unit_id, round_id, unit_name, title, as_of, summary, body, problems, published_at, published_by, state",
				u, r.ID, "桑植县政协党组", "整改进展情况", "2019-12-31", "", "<p>九届四次会议共收到提案5件&#xff0c;立案1件。</p>", "[]", now, "甲", state)
		}

		p16 := zhenggai.Period{Start: zhenggai.NewDate(2016, 1, 1), End: zhenggai.NewDate(2019, 12, 31)}
		regs, err := st.Registers(actx(), u, p16)
		if err != nil {
			t.Fatal(err)
		}
		if len(regs.Proposals) != 1 || len(regs.CPPCCMembers) != 2 || len(regs.Suggestions) != 1 ||
			len(regs.Townships) != 1 || len(regs.Reports) != 1 || len(regs.Plenary) != 3 {
			t.Fatalf("loaded %d proposals, %d members, %d suggestions, %d townships, %d reports, %d plenary",
				len(regs.Proposals), len(regs.CPPCCMembers), len(regs.Suggestions), len(regs.Townships),
				len(regs.Reports), len(regs.Plenary))
		}
		pr := regs.Proposals[0]
		if len(pr.Signers) != 1 || len(pr.Handlers) != 1 || len(pr.Replies) != 1 || !pr.Replies[0].Approved || pr.Replies[0].AssignmentID != a ||
			len(pr.Feedback) != 1 || len(pr.Documents) != 1 || pr.DueOn != zhenggai.NewDate(2019, 6, 1) || pr.Session != "九届四次" {
			t.Errorf("proposal %+v", pr)
		}
		tws := regs.Townships[0]
		if len(tws.Posts) != 1 || tws.Posts[0].To != zhenggai.NewDate(2017, 12, 31) || len(tws.Invitations) != 1 {
			t.Errorf("township %+v", tws)
		}
		if !strings.Contains(regs.Reports[0].Text, "共收到提案5件，立案1件") {
			t.Errorf("report text %q", regs.Reports[0].Text)
		}
		plenaries := 0
		for _, m := range regs.Meetings {
			if regs.Plenary[m.ID] {
				plenaries++
				if len(m.Attendance) != 2 {
					t.Errorf("plenary %d: attendance %+v", m.ID, m.Attendance)
				}
			}
			if m.ID == study && len(m.Attendance) != 0 {
				t.Errorf("a study session's attendance read: %+v", m.Attendance)
			}
		}
		if plenaries != 2 {
			t.Errorf("%d plenaries among the meetings", plenaries)
		}
		// The plenary part alone: its meetings and no others.
		only, err := st.RegistersFor(actx(), u, p16, selfcheck.NeedPlenary)
		if err != nil {
			t.Fatal(err)
		}
		if len(only.Meetings) != 3 || len(only.Proposals) != 0 {
			t.Errorf("plenary only: %d meetings, %d proposals", len(only.Meetings), len(only.Proposals))
		}
		// Other meeting types as the plenary's: the setting is read.
		if err := st.SaveNamedSettings(actx(), u, map[string]string{"members.plenary_types": "中心组学习", "members.standing_types": "无"}); err != nil {
			t.Fatal(err)
		}
		other, err := st.RegistersFor(actx(), u, p16, selfcheck.NeedPlenary)
		if err != nil {
			t.Fatal(err)
		}
		if len(other.Meetings) != 1 || !other.Plenary[study] {
			t.Errorf("plenary types from the settings: %+v", other.Plenary)
		}
		if err := st.SaveNamedSettings(actx(), u, map[string]string{"members.plenary_types": "", "members.standing_types": ""}); err != nil {
			t.Fatal(err)
		}
		qs, err := st.RegistersSQL(actx(), u, p16, selfcheck.NeedProposals|selfcheck.NeedTownships|selfcheck.NeedReports)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, q := range qs {
			names = append(names, q.Name)
		}
		if got := strings.Join(names, ","); got != "proposals,proposals,proposals,proposals,proposals,proposals,townships,townships,townships,reports" {
			t.Errorf("queries %s", got)
		}

		findings, err := st.SelfCheck(actx(), u, p16, nil)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, f := range findings {
			got[f.Rule] += f.Text
		}
		for rule, text := range map[string]string{
			"proposal_archive":     "2019年共立案1件，回复报告能查阅到的只有0件，办复情况征询意见表均能查阅到",
			"proposal_report":      "按提案登记簿计算九届四次会议收到提案1件",
			"member_absence":       "张三（2018年至2019年2次）",
			"suggestions_platform": "2016年至2019年委员在平台上提出微建议、社情民意信息仅1条",
			"township_leader":      "共1个乡镇，其中1个乡镇政协联络组长空缺，如澧源镇2018年1月至今无政协联络组长",
		} {
			if !strings.Contains(got[rule], text) {
				t.Errorf("%s: %q lacks %q", rule, got[rule], text)
			}
		}
		for _, rule := range []string{"proposal_overdue", "proposal_rates", "plenary_leave", "member_leave"} {
			if got[rule] != "" {
				t.Errorf("%s: %s", rule, got[rule])
			}
		}
	})
}
