package zhenggai

import (
	"reflect"
	"strings"
	"testing"
)

// TestCloseNotices: each closing step tells exactly whom the rule names,
// refers to its problem (at the measure of a measure step), and says what
// happened with the step's reason.
func TestCloseNotices(t *testing.T) {
	f := CloseFacts{Unit: "桑植县政协党组", ProblemSeq: 3, ProblemTitle: "学习停留在表面", MeasureContent: "组织集中学习",
		Leader: " 李四 ", Owner: "王五", Leaders: []string{"李四", "李四", "赵六", ""}, Owners: []string{"王五", " 钱七"}}
	unit := Audience{Unit: 7}
	cases := []struct {
		action  CloseAction
		measure int64
		to      Audience
		subject string
		body    []string
	}{
		{CloseRequest, 11, Audience{Unit: 7, Leaders: []string{"李四"}}, "请审核销号申请：具体问题3的措施“组织集中学习”",
			[]string{"张三申请销号"}},
		{CloseReturn, 11, Audience{Unit: 7, Owners: []string{"王五"}}, "销号申请被退回：具体问题3的措施“组织集中学习”",
			[]string{"张三退回了销号申请", "理由：佐证不足"}},
		{CloseApprove, 11, unit, "", nil},
		{CloseSubmit, 0, Audience{Unit: 7, OfficesAbove: true}, "桑植县政协党组报请验收销号：具体问题3“学习停留在表面”",
			[]string{"最后由张三同意", "验收或退回"}},
		{CloseAccept, 0, Audience{Unit: 7, UnitAdmins: true, Leaders: []string{"李四", "赵六"}, Owners: []string{"王五", "钱七"}},
			"已验收销号：具体问题3“学习停留在表面”", []string{"张三验收通过"}},
		{CloseReject, 0, Audience{Unit: 7, UnitAdmins: true, Leaders: []string{"李四", "赵六"}, Owners: []string{"王五", "钱七"}},
			"验收未通过：具体问题3“学习停留在表面”", []string{"理由：佐证不足", "重新申请销号"}},
		{CloseReopen, 0, Audience{Unit: 7, UnitAdmins: true, Leaders: []string{"李四", "赵六"}, Owners: []string{"王五", "钱七"}},
			"已重新打开：具体问题3“学习停留在表面”", []string{"重新打开了已销号的问题", "理由：佐证不足"}},
	}
	for _, c := range cases {
		st := &CloseStep{UnitID: 7, ProblemID: 5, MeasureID: c.measure, Action: c.action, By: "张三", Reason: "佐证不足"}
		got := CloseNotices(st, f)
		if c.subject == "" {
			if len(got) != 0 {
				t.Errorf("%s: want no notice, got %+v", c.action, got)
			}
			continue
		}
		if len(got) != 1 {
			t.Fatalf("%s: want one notice, got %+v", c.action, got)
		}
		n := got[0]
		if !reflect.DeepEqual(n.To, c.to) {
			t.Errorf("%s: to %+v, want %+v", c.action, n.To, c.to)
		}
		if n.Kind != NoticeClosing || n.RecordKind != RecordProblem || n.RecordID != 5 || n.MeasureID != c.measure || n.Email {
			t.Errorf("%s: refers to %s %s %d measure %d (e-mail %v)", c.action, n.Kind, n.RecordKind, n.RecordID, n.MeasureID, n.Email)
		}
		if n.Subject != c.subject {
			t.Errorf("%s: subject %q, want %q", c.action, n.Subject, c.subject)
		}
		for _, b := range c.body {
			if !strings.Contains(n.Body, b) {
				t.Errorf("%s: body %q lacks %q", c.action, n.Body, b)
			}
		}
	}
	// A measure without a leader has nobody to ask: no notice.
	if got := CloseNotices(&CloseStep{UnitID: 7, ProblemID: 5, MeasureID: 11, Action: CloseRequest, By: "张三"}, CloseFacts{}); got != nil {
		t.Errorf("request without a leader: %+v", got)
	}
}

// TestWarningNotice: green the owner, yellow the leader too, red the
// principal leaders as well; e-mailed; the text says the deadline and
// the days.
func TestWarningNotice(t *testing.T) {
	today := NewDate(2020, 10, 28)
	m := &Measure{ID: 11, UnitID: 7, ProblemID: 5, Seq: 2, Content: "建立制度", Leader: "李四", Owner: "王五",
		Status: InProgress, Deadline: NewDate(2020, 11, 7)}
	cases := []struct {
		colour   Colour
		deadline Date
		to       Audience
		subject  string
		body     string
	}{
		{Green, NewDate(2020, 11, 17), Audience{Unit: 7, Owners: []string{"王五"}}, "绿色预警：问题3措施2整改时限将至", "还剩20天"},
		{Yellow, NewDate(2020, 11, 7), Audience{Unit: 7, Owners: []string{"王五"}, Leaders: []string{"李四"}}, "黄色预警：问题3措施2整改时限临近", "还剩10天"},
		{Red, NewDate(2020, 10, 25), Audience{Unit: 7, Owners: []string{"王五"}, Leaders: []string{"李四"}, Principals: true},
			"红色预警：问题3措施2已超过整改时限", "已逾期3天"},
	}
	for _, c := range cases {
		m.Deadline = c.deadline
		n := WarningNotice(m, 3, c.colour, today)
		if !reflect.DeepEqual(n.To, c.to) {
			t.Errorf("%s: to %+v, want %+v", c.colour, n.To, c.to)
		}
		if n.Subject != c.subject || !strings.Contains(n.Body, c.body) || !strings.Contains(n.Body, "责任领导：李四　责任人：王五") {
			t.Errorf("%s: %q %q", c.colour, n.Subject, n.Body)
		}
		if n.Kind != NoticeWarning || n.Colour != c.colour || n.RecordKind != RecordProblem || n.RecordID != 5 || n.MeasureID != 11 || !n.Email {
			t.Errorf("%s: %+v", c.colour, n)
		}
	}
	ongoing := &Measure{ID: 12, UnitID: 7, ProblemID: 5, Seq: 3, Status: Ongoing, ReportEvery: 90, Mechanism: "《档案管理制度》"}
	if n := WarningNotice(ongoing, 3, Red, today); n.Subject != "红色预警：问题3措施3未按期报送长期坚持情况" ||
		!strings.Contains(n.Body, "须每90天报送一次") || !strings.Contains(n.Body, "从未报送") || !strings.Contains(n.Body, "责任领导：—") {
		t.Errorf("ongoing: %q %q", n.Subject, n.Body)
	}
}

// TestDigest: a digest lists the measures its reader owns or leads, and
// for a principal leader every red one of his unit; with his unread
// messages.
func TestDigest(t *testing.T) {
	m := &Measure{UnitID: 7, Seq: 2, Content: "建立制度", Leader: "李四", Owner: "王五", Deadline: NewDate(2020, 10, 25)}
	cases := []struct {
		u      *User
		colour Colour
		want   bool
	}{
		{&User{UnitID: 7, Role: RoleResponsible, LedgerName: "王五"}, Yellow, true},
		{&User{UnitID: 7, Role: RoleLeader, LedgerName: "李四"}, Red, true},
		{&User{UnitID: 7, Role: RoleLeader, LedgerName: "王五"}, Red, false}, // the owner's name, a leader's role
		{&User{UnitID: 8, Role: RoleResponsible, LedgerName: "王五"}, Red, false},
		{&User{UnitID: 7, Role: RoleLeader, LedgerName: "钟明", Principal: true}, Red, true},
		{&User{UnitID: 7, Role: RoleLeader, LedgerName: "钟明", Principal: true}, Yellow, false},
		{&User{UnitID: 7, Role: RoleResponsible}, Red, false},
	}
	for i, c := range cases {
		if got := DigestConcerns(c.u, m, c.colour); got != c.want {
			t.Errorf("case %d: %v, want %v", i, got, c.want)
		}
	}
	subject, body := DigestMail(&User{DisplayName: "王五"}, NewDate(2020, 10, 28), []*Notification{{Subject: "请办理意见建议：YJ1"}},
		[]DigestItem{{Measure: m, ProblemNo: 3, Colour: Red}})
	for _, want := range []string{"王五：", "截至2020年10月28日，您有1条未读消息，1项整改措施", "1. 请办理意见建议：YJ1",
		"1. 【红色预警(逾期)】问题3措施2：建立制度（整改时限2020年10月25日，责任人王五）"} {
		if !strings.Contains(body, want) {
			t.Errorf("digest lacks %q:\n%s", want, body)
		}
	}
	if subject != "巡察整改每日汇总（2020年10月28日）" {
		t.Errorf("subject %q", subject)
	}
}

// TestPublicationNoticesLeaveOutTheDrafter: a submitted report goes to its
// reviewers (principal leaders, or the offices above by setting), never
// to the one who drafted it; a return or an approval goes to him alone.
func TestPublicationNoticesLeaveOutTheDrafter(t *testing.T) {
	p := &Publication{ID: 7, UnitID: 2, Unit: "甲单位", AsOf: NewDate(2020, 10, 28), DrafterID: 5, DraftedBy: "办公室", ApprovedBy: "向建国"}
	for _, c := range []struct {
		state    PublicationState
		reviewer PublicationReviewer
		want     Audience
	}{
		{PublicationPending, "", Audience{Unit: 2, Principals: true, Except: []int64{5}}},
		{PublicationPending, ReviewerOffice, Audience{Unit: 2, OfficesAbove: true, Except: []int64{5}}},
		{PublicationReturned, "", Audience{Unit: 2, Users: []int64{5}}},
		{PublicationPublished, "", Audience{Unit: 2, Users: []int64{5}}},
	} {
		ns := PublicationNotices(c.state, p, c.reviewer)
		if len(ns) != 1 || !reflect.DeepEqual(ns[0].To, c.want) || ns[0].RecordKind != RecordPublication || ns[0].RecordID != 7 {
			t.Errorf("%s/%s: %+v, want to %+v", c.state, c.reviewer, ns, c.want)
		}
	}
}
