package selfcheck

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"zhenggai"
)

// prop is a proposal of a year in a status; answered ones have an
// approved reply on replied (assigned on 3月1日, due three months on),
// with a letter and a satisfied form as asked.
func prop(id int64, year int, status zhenggai.ProposalStatus, replied string, letter, form bool) zhenggai.Proposal {
	p := zhenggai.Proposal{ID: id, Year: year, Number: fmt.Sprint(id), Title: "提案", Status: status,
		AssignedOn: zhenggai.NewDate(year, 3, 1)}
	if replied != "" {
		p.Replies = []zhenggai.ProposalReply{{ID: id, Round: 1, RepliedOn: day(replied), Approved: true, Class: zhenggai.ReplyClassA}}
		p.Class = zhenggai.ReplyClassA
	}
	if letter {
		p.Documents = append(p.Documents, zhenggai.ProposalDocument{Kind: zhenggai.DocReplyLetter})
	}
	if form {
		p.Feedback = []zhenggai.ProposalFeedback{{Round: 1, Name: "甲", Result: zhenggai.FeedbackSatisfied}}
	}
	return p
}

// props makes n answered proposals of a year, the first letters with a
// letter and the first forms with a form.
func props(from int64, year, n, letters, forms int) []zhenggai.Proposal {
	var out []zhenggai.Proposal
	for i := range n {
		out = append(out, prop(from+int64(i), year, zhenggai.PropDone, fmt.Sprintf("%d-05-01", year), i < letters, i < forms))
	}
	return out
}

func TestProposalArchive(t *testing.T) {
	years := period("2016-01-01", "2020-12-31")
	// The seed's four years: 230 registered, 162 letters, 93 forms.
	var seed []zhenggai.Proposal
	for i, c := range [][3]int{{56, 40, 20}, {58, 38, 22}, {54, 22, 0}, {62, 62, 51}} {
		seed = append(seed, props(int64(1000*(i+1)), 2016+i, c[0], c[1], c[2])...)
	}
	seed = append(seed, props(9000, 2020, 50, 50, 50)...) // after: complete
	unanswered := prop(1, 2019, zhenggai.PropAssigned, "", false, false)
	rejected := prop(2, 2019, zhenggai.PropRejected, "", false, false)
	for _, tc := range []struct {
		name  string
		ps    []zhenggai.Proposal
		p     zhenggai.Period
		n     int
		texts []string
	}{
		{"complete", props(1, 2019, 3, 3, 3), years, 0, nil},
		{"seed", seed, years, 1, []string{"提案办理资料缺失，2016年至2019年4年共立案230件，回复报告能查阅到的只有162件，办复情况征询意见表能查阅到的只有93件",
			"2018年立案54件、回复报告22件、征询意见表0件"}},
		{"one year, letters all kept", props(1, 2019, 3, 3, 2), years, 1, []string{"2019年共立案3件，回复报告均能查阅到，办复情况征询意见表能查阅到的只有2件"}},
		{"not answered yet is not missing", []zhenggai.Proposal{unanswered}, years, 0, nil},
		{"rejected is not counted", append(props(10, 2019, 1, 0, 0), rejected), years, 1, []string{"2019年共立案1件"}},
		{"outside the period", props(1, 2015, 3, 0, 0), years, 0, nil},
		{"a year between counts whole", append(append(props(1, 2016, 2, 1, 2), props(10, 2017, 5, 5, 5)...), props(20, 2018, 1, 1, 0)...), years, 1,
			[]string{"2016年至2018年3年共立案8件，回复报告能查阅到的只有7件，办复情况征询意见表能查阅到的只有7件"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want(t, check(t, ProposalArchive, &Registers{Proposals: tc.ps}, tc.p, nil), tc.n, tc.texts...)
		})
	}
}

func TestProposalOverdue(t *testing.T) {
	ext := prop(3, 2019, zhenggai.PropAnswered, "2019-08-01", true, true)
	ext.ExtendedTo = day("2019-09-01")
	// open is unanswered, due 2019-06-01, beside one answered on
	// 2019-12-01: the register knows the year to its end.
	open := []zhenggai.Proposal{prop(1, 2019, zhenggai.PropAssigned, "", false, false), prop(2, 2019, zhenggai.PropDone, "2019-12-01", true, true)}
	open[1].AssignedOn = day("2019-10-01")
	// redo: answered on time, 不满意, the second reply due 2019-09-01.
	// open[1] is answered on 2019-12-01: the register knows the year to its end.
	redo := func(second string) []zhenggai.Proposal {
		p := prop(1, 2019, zhenggai.PropRedo, "2019-05-01", true, false)
		p.RedoDueOn = day("2019-09-01")
		p.Feedback = []zhenggai.ProposalFeedback{{Round: 1, Name: "甲", Result: zhenggai.FeedbackUnsatisfied}}
		if second != "" {
			p.Status = zhenggai.PropAnswered
			p.Replies = append(p.Replies, zhenggai.ProposalReply{ID: 9, Round: 2, RepliedOn: day(second), Approved: true, Class: zhenggai.ReplyClassA})
		}
		return []zhenggai.Proposal{p, open[1]}
	}
	for _, tc := range []struct {
		name  string
		ps    []zhenggai.Proposal
		p     zhenggai.Period
		n     int
		texts []string
	}{
		{"on the due day", []zhenggai.Proposal{prop(1, 2019, zhenggai.PropDone, "2019-06-01", true, true)}, period("2019-01-01", "2019-12-31"), 0, nil},
		{"a day late", []zhenggai.Proposal{prop(1, 2019, zhenggai.PropDone, "2019-06-02", true, true)}, period("2019-01-01", "2019-12-31"), 1,
			[]string{"2019年立案的提案中1件超过办理期限才答复"}},
		{"extended", []zhenggai.Proposal{ext}, period("2019-01-01", "2019-12-31"), 0, nil},
		{"open, due at the period's end", open, period("2019-01-01", "2019-06-01"), 0, nil},
		{"open, a day past", open, period("2019-01-01", "2019-06-02"), 1, []string{"1件超过办理期限仍未答复"}},
		{"open period: to the register's last date", open, zhenggai.Period{}, 1, []string{"1件超过办理期限仍未答复"}},
		{"the register ends before the due date", open[:1], period("2019-01-01", "2019-12-31"), 0, nil},
		{"redo answered by its date", redo("2019-09-01"), period("2019-01-01", "2019-12-31"), 0, nil},
		{"redo answered late", redo("2019-09-02"), period("2019-01-01", "2019-12-31"), 1, []string{"1件提案人不满意后重新办理超过期限"}},
		{"redo not answered, past its date", redo(""), period("2019-01-01", "2019-12-31"), 1, []string{"1件提案人不满意后重新办理超过期限"}},
		{"redo not answered, not yet due", redo(""), period("2019-01-01", "2019-08-31"), 0, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want(t, check(t, ProposalOverdue, &Registers{Proposals: tc.ps}, tc.p, nil), tc.n, tc.texts...)
		})
	}
}

func TestProposalRates(t *testing.T) {
	year := period("2019-01-01", "2019-12-31")
	// n registered of 2019, replied of them answered; forms as given.
	mk := func(n, replied int, results ...zhenggai.FeedbackResult) []zhenggai.Proposal {
		var out []zhenggai.Proposal
		for i := range n {
			on := ""
			if i < replied {
				on = "2019-07-01"
			}
			p := prop(int64(i+1), 2019, zhenggai.PropAssigned, on, true, false)
			if i < len(results) {
				p.Feedback = []zhenggai.ProposalFeedback{{Round: 1, Name: "甲", Result: results[i]}}
			}
			out = append(out, p)
		}
		return out
	}
	sat, basic, unsat := zhenggai.FeedbackSatisfied, zhenggai.FeedbackBasic, zhenggai.FeedbackUnsatisfied
	notDue := prop(99, 2019, zhenggai.PropAssigned, "", false, false)
	notDue.AssignedOn = day("2019-11-01")
	for _, tc := range []struct {
		name  string
		ps    []zhenggai.Proposal
		set   map[string]string
		n     int
		texts []string
	}{
		{"90% replied", mk(10, 9), nil, 0, nil},
		{"80% replied", mk(10, 8), nil, 1, []string{"2019年到期应答复的提案10件，已书面答复8件，答复率80%（8/10），低于90%的要求"}},
		{"80% with the setting at 80", mk(10, 8), map[string]string{"reply_rate": "80"}, 0, nil},
		{"not yet due is not counted", append(mk(9, 9), notDue), nil, 0, nil},
		{"80% satisfied", mk(5, 5, sat, sat, sat, sat, basic), nil, 0, nil},
		{"60% satisfied", mk(5, 5, sat, sat, sat, basic, unsat), nil, 1,
			[]string{"2019年收回办复情况征询意见表5件，满意3件、基本满意1件、不满意1件，满意率60%，低于80%的要求"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want(t, check(t, ProposalRates, &Registers{Proposals: tc.ps}, year, tc.set), tc.n, tc.texts...)
		})
	}
}

func TestProposalReport(t *testing.T) {
	// 九届四次: 79 received, 2 turned into opinions, 15 merged, 62
	// registered, answered, done and satisfied.
	session := func(change func(ps []zhenggai.Proposal)) []zhenggai.Proposal {
		var ps []zhenggai.Proposal
		for i := range 79 {
			st := zhenggai.PropDone
			switch {
			case i < 2:
				st = zhenggai.PropConverted
			case i < 17:
				st = zhenggai.PropMerged
			}
			p := prop(int64(i+1), 2020, st, "", false, false)
			if st == zhenggai.PropDone {
				p = prop(int64(i+1), 2020, st, "2020-05-20", true, true)
			}
			p.Session = "九届四次"
			ps = append(ps, p)
		}
		if change != nil {
			change(ps)
		}
		return ps
	}
	body := `<h2>整改情况</h2><p>三是认真履行提案审查主体责任。县政协九届四次会议期间，共收到提案79件，经提案委员会审查，转一般性意见2件，并案后实际立案62件。</p>
<p>三是大力增强提案监督实效。今年62件提案已办结并书面答复，答复率、满意率均达100%。</p><p>2016年至2019年4年共立案230件。</p>`
	report := []Report{{ID: 7, Kind: "publication", Title: "整改进展情况", On: day("2020-10-28"), Text: ReportText(body)}}
	p := period("2016-01-01", "2020-12-31")
	for _, tc := range []struct {
		name  string
		ps    []zhenggai.Proposal
		n     int
		texts []string
	}{
		{"the counts give it", session(nil), 0, nil},
		{"one not done", session(func(ps []zhenggai.Proposal) { ps[20].Status = zhenggai.PropAnswered }), 1,
			[]string{"2020年10月28日公开的《整改进展情况》称“今年62件提案已办结并书面答复，答复率、满意率均达100%”，按提案登记簿计算2020年已办结61件"}},
		{"one basic", session(func(ps []zhenggai.Proposal) { ps[20].Feedback[0].Result = zhenggai.FeedbackBasic }), 1,
			[]string{"满意率98.3%（61/62）"}},
		{"one more merged", session(func(ps []zhenggai.Proposal) { ps[30].Status = zhenggai.PropMerged }), 1,
			[]string{"按提案登记簿计算九届四次会议立案61件", "已办结61件、已书面答复61件"}},
		{"no proposal of the scope", nil, 0, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			regs := &Registers{Proposals: tc.ps, Reports: report}
			if tc.ps == nil {
				regs.Proposals = []zhenggai.Proposal{prop(1, 2012, zhenggai.PropDone, "2012-05-01", true, true)}
			}
			fs := check(t, ProposalReport, regs, p, nil)
			want(t, fs, tc.n, tc.texts...)
			if len(fs) > 0 && (fs[0].Records[0].Kind != "publication" || fs[0].Records[0].ID != 7) {
				t.Errorf("records %+v", fs[0].Records)
			}
		})
	}
	if got := sessionKey("政协桑植县第九届委员会第四次会议"); got != "9-4" {
		t.Errorf("sessionKey %q", got)
	}
	if got := strings.Join(splitRates("答复率、满意和基本满意率"), "|"); got != "答复率|满意和基本满意率" {
		t.Errorf("splitRates %q", got)
	}
	if got := ReportText("<p>a&amp;b</p><p>c<b>d</b></p>"); strings.TrimSpace(got) != "a&b\n\ncd" {
		t.Errorf("ReportText %q", got)
	}
	for _, tc := range []struct {
		stated   string
		num, den int
		ok       bool
	}{{"100", 62, 62, true}, {"100", 99, 100, false}, {"98.4", 61, 62, true}, {"98", 61, 62, true}, {"98.3", 61, 62, true}, {"98.2", 61, 62, false},
		{"98.5", 61, 62, false}, {"99", 61, 62, false}, {"97", 61, 62, false}, {"50", 1, 0, false}} {
		if got := rateMatches(tc.stated, tc.num, tc.den); got != tc.ok {
			t.Errorf("rateMatches(%s, %d/%d) = %v", tc.stated, tc.num, tc.den, got)
		}
	}
}

// cmember is a member serving from 2016.
func cmember(id int64, name string) CPPCCMember {
	return CPPCCMember{ID: id, PersonID: id, Name: name, Status: zhenggai.MemberActive, JoinedOn: day("2016-01-01")}
}

func TestMemberProposals(t *testing.T) {
	ms := []CPPCCMember{cmember(1, "张三"), cmember(2, "李四")}
	// signed makes a proposal of each year, signed by the persons given.
	signed := func(by map[int][]int64) []zhenggai.Proposal {
		var out []zhenggai.Proposal
		for y := 2016; y <= 2019; y++ {
			p := prop(int64(y), y, zhenggai.PropDone, "", false, false)
			p.Signers = []zhenggai.ProposalSigner{{Seq: 1, PersonID: 99, Name: "他人"}}
			for _, id := range by[y] {
				p.Signers = append(p.Signers, zhenggai.ProposalSigner{Seq: len(p.Signers) + 1, PersonID: id, ConfirmedOn: zhenggai.NewDate(y, 2, 1)})
			}
			out = append(out, p)
		}
		return out
	}
	years := period("2016-01-01", "2019-12-31")
	for _, tc := range []struct {
		name  string
		ps    []zhenggai.Proposal
		set   map[string]string
		n     int
		texts []string
	}{
		{"every other year", signed(map[int][]int64{2016: {1, 2}, 2018: {1, 2}}), nil, 0, nil},
		{"two years and four", signed(map[int][]int64{2016: {1}, 2019: {1}}), nil, 1,
			[]string{"2名委员连续2年以上没有提交提案（含联名），其中1名委员自任职起四年任期内没有提交一份提案", "张三（2017年至2018年无提案）", "李四（2016年至2019年无提案）"}},
		{"setting three years", signed(map[int][]int64{2016: {1}, 2019: {1}}), map[string]string{"years": "3"}, 1, []string{"1名委员连续3年以上"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want(t, check(t, MemberProposals, &Registers{CPPCCMembers: ms, Proposals: tc.ps}, years, tc.set), tc.n, tc.texts...)
		})
	}
	// A declined co-signature does not count; a year without records breaks the run.
	ps := signed(map[int][]int64{2016: {1, 2}, 2017: {2}, 2018: {2}, 2019: {1, 2}})
	ps[1].Signers = append(ps[1].Signers, zhenggai.ProposalSigner{Seq: 3, PersonID: 1, DeclinedOn: day("2017-03-01")})
	want(t, check(t, MemberProposals, &Registers{CPPCCMembers: ms, Proposals: ps}, years, nil), 1, "张三（2017年至2018年无提案）")
	// Invited and never answering is not signing either; confirming is.
	ps[1].Signers[2].DeclinedOn = zhenggai.Date{}
	want(t, check(t, MemberProposals, &Registers{CPPCCMembers: ms, Proposals: ps}, years, nil), 1, "张三（2017年至2018年无提案）")
	ps[1].Signers[2].ConfirmedOn = day("2017-03-01")
	want(t, check(t, MemberProposals, &Registers{CPPCCMembers: ms, Proposals: ps}, years, nil), 0)
	gap := signed(map[int][]int64{2016: {1, 2}, 2017: {2}, 2018: {2}, 2019: {1, 2}})
	want(t, check(t, MemberProposals, &Registers{CPPCCMembers: ms, Proposals: append(gap[:1:1], gap[2:]...)}, years, nil), 0)
}

// plenaryRegs are a 2019 plenary (1), a 2020 plenary (2) and a 2019
// standing committee meeting (3) with the attendance given.
func plenaryRegs(att map[int64][]zhenggai.Attendance) *Registers {
	r := &Registers{CPPCCMembers: []CPPCCMember{cmember(1, "张三"), cmember(2, "李四")},
		Plenary: map[int64]bool{1: true, 2: true, 3: false}}
	for id, date := range map[int64]string{1: "2019-01-10", 2: "2020-01-10", 3: "2019-06-10"} {
		typ := "全体会议"
		if id == 3 {
			typ = "常委会议"
		}
		m := meeting(id, typ, date)
		m.Attendance = att[id]
		r.Meetings = append(r.Meetings, m)
	}
	return r
}

func at(person int64, p zhenggai.Presence) zhenggai.Attendance {
	return zhenggai.Attendance{PersonID: person, Name: fmt.Sprint("p", person), Presence: p}
}

func TestMemberAbsence(t *testing.T) {
	p := period("2016-01-01", "2020-12-31")
	abs, ok := zhenggai.AbsentNoLeave, zhenggai.Present
	want(t, check(t, MemberAbsence, plenaryRegs(map[int64][]zhenggai.Attendance{
		1: {at(1, abs), at(2, abs)}, 2: {at(1, abs), at(2, ok)}, 3: {at(2, abs)}}), p, nil), 1, "1名委员无故缺席全体会议2次以上，如张三（2019年至2020年2次）")
	// Once at a plenary and once at the standing committee is not twice.
	want(t, check(t, MemberAbsence, plenaryRegs(map[int64][]zhenggai.Attendance{1: {at(2, abs)}, 3: {at(2, abs)}}), p, nil), 0)
	// Leave is not absence.
	want(t, check(t, MemberAbsence, plenaryRegs(map[int64][]zhenggai.Attendance{1: {at(1, zhenggai.OnLeave)}, 2: {at(1, zhenggai.OnLeave)}}), p, nil), 0)
}

func TestMemberLeave(t *testing.T) {
	p := period("2016-01-01", "2020-12-31")
	leave, written := zhenggai.OnLeave, zhenggai.WrittenView
	r := plenaryRegs(map[int64][]zhenggai.Attendance{1: {at(1, leave), at(2, leave)}, 3: {at(1, written), at(2, leave)}})
	want(t, check(t, MemberLeave, r, p, nil), 0)
	want(t, check(t, MemberLeave, r, p, map[string]string{"per_year": "1"}), 1, "2019年有2名委员一年内请假超过1次", "张三2019年请假2次")
	// Leave across two years is not in one year.
	r = plenaryRegs(map[int64][]zhenggai.Attendance{1: {at(1, leave)}, 2: {at(1, leave)}})
	want(t, check(t, MemberLeave, r, p, map[string]string{"per_year": "1"}), 0)
}

func TestPlenaryLeave(t *testing.T) {
	p := period("2016-01-01", "2020-12-31")
	att := func(leave int) []zhenggai.Attendance {
		var out []zhenggai.Attendance
		for i := range 180 {
			pr := zhenggai.Present
			if i < leave {
				pr = zhenggai.OnLeave
			}
			out = append(out, at(int64(i+10), pr))
		}
		return out
	}
	want(t, check(t, PlenaryLeave, plenaryRegs(map[int64][]zhenggai.Attendance{1: att(50), 3: att(120)}), p, nil), 0)
	want(t, check(t, PlenaryLeave, plenaryRegs(map[int64][]zhenggai.Attendance{1: att(105)}), p, nil), 1,
		"2019年第1次全体会议（2019年1月10日）应出席180人，105人请假，请假人数超过50人")
	want(t, check(t, PlenaryLeave, plenaryRegs(map[int64][]zhenggai.Attendance{1: att(51)}), p, nil), 1, "51人请假")
}

func leader(name, from, to string) zhenggai.LiaisonPost {
	p := zhenggai.LiaisonPost{Name: name, Role: zhenggai.LiaisonLeader}
	if from != "" {
		p.From = day(from)
	}
	if to != "" {
		p.To = day(to)
	}
	return p
}

func TestTownshipLeader(t *testing.T) {
	ts := []zhenggai.Township{
		{ID: 1, Name: "澧源镇", Posts: []zhenggai.LiaisonPost{leader("甲", "2012-01-01", "2017-12-31"), leader("乙", "2020-09-01", "")}},
		{ID: 2, Name: "瑞塔铺镇", Posts: []zhenggai.LiaisonPost{leader("丙", "2012-01-01", "")}},
		{ID: 3, Name: "官地坪镇", Posts: []zhenggai.LiaisonPost{leader("丁", "2012-01-01", "2018-03-31"), leader("戊", "2018-06-29", "")}}, // 89 days
		{ID: 4, Name: "陈家河镇", Posts: []zhenggai.LiaisonPost{leader("己", "2012-01-01", "2019-04-30")}},
		{ID: 5, Name: "走马坪白族乡"},
		{ID: 6, Name: "刘家坪白族乡", Posts: []zhenggai.LiaisonPost{leader("庚", "2012-01-01", "2018-03-31"), leader("辛", "2018-06-30", "")}}, // 90 days
	}
	p := period("2016-01-01", "2020-12-31")
	want(t, check(t, TownshipLeader, &Registers{Townships: ts}, p, nil), 1,
		"共6个乡镇，其中4个乡镇政协联络组长空缺，如走马坪白族乡2016年1月以来一直无政协联络组长、澧源镇2018年1月至2020年8月无政协联络组长、陈家河镇2019年5月至今无政协联络组长等",
		"截至2020年12月31日，仍有2个乡镇空缺")
	want(t, check(t, TownshipLeader, &Registers{Townships: ts[1:3]}, p, nil), 0)
	// The setting: a year's vacancy at least.
	fs := check(t, TownshipLeader, &Registers{Townships: ts}, p, map[string]string{"months": "12"})
	want(t, fs, 1, "其中3个乡镇")
	// A township set up in 2019 is vacant from then, not from 2016; one
	// set up after the period is not counted; one led within the setting's
	// months of being set up is not vacant.
	late := []zhenggai.Township{ts[1],
		{ID: 7, Name: "新街镇", Since: day("2019-03-01")},
		{ID: 8, Name: "新区", Since: day("2021-01-01")},
		{ID: 9, Name: "开发区", Since: day("2019-03-01"), Posts: []zhenggai.LiaisonPost{leader("壬", "2019-04-01", "")}}}
	want(t, check(t, TownshipLeader, &Registers{Townships: late}, p, nil), 1,
		"共3个乡镇，其中1个乡镇政协联络组长空缺，如新街镇2019年3月以来一直无政协联络组长")
}

func TestLiaisonInvites(t *testing.T) {
	inv := func(on, name string) zhenggai.LiaisonInvitation {
		return zhenggai.LiaisonInvitation{Kind: zhenggai.InviteInspection, Title: "视察", On: day(on), Name: name}
	}
	ts := []zhenggai.Township{
		{ID: 1, Name: "澧源镇", Posts: []zhenggai.LiaisonPost{leader("甲", "2012-01-01", "")}, Invitations: []zhenggai.LiaisonInvitation{inv("2019-05-01", "甲")}},
		{ID: 2, Name: "瑞塔铺镇", Posts: []zhenggai.LiaisonPost{leader("乙", "2012-01-01", "")}, Invitations: []zhenggai.LiaisonInvitation{inv("2018-05-01", "乙")}},
		{ID: 3, Name: "官地坪镇", Posts: []zhenggai.LiaisonPost{leader("丙", "2012-01-01", "")}, Invitations: []zhenggai.LiaisonInvitation{inv("2019-05-01", "")}},
	}
	p := period("2019-01-01", "2019-12-31")
	want(t, check(t, LiaisonInvites, &Registers{Townships: ts}, p, nil), 1, "2019年3名联络组长中有1名全年未受邀参加县政协视察、调研活动或列席常委会议，如瑞塔铺镇乙")
	want(t, check(t, LiaisonInvites, &Registers{Townships: ts}, period("2018-01-01", "2018-12-31"), nil), 1, "2018年3名联络组长中有2名")
	want(t, check(t, LiaisonInvites, &Registers{Townships: ts[:1]}, p, nil), 0)
	want(t, check(t, LiaisonInvites, &Registers{Townships: ts[:1]}, p, map[string]string{"per_year": "2"}), 1, "不足2次")
	// No invitation in the register: not kept, nothing said.
	none := []zhenggai.Township{{ID: 1, Name: "澧源镇", Posts: []zhenggai.LiaisonPost{leader("甲", "2012-01-01", "")}}}
	want(t, check(t, LiaisonInvites, &Registers{Townships: none}, p, nil), 0)
}

func TestSuggestionsPlatform(t *testing.T) {
	var ms []CPPCCMember
	for i := range 10 {
		ms = append(ms, cmember(int64(i+1), fmt.Sprint("委员", i+1)))
	}
	sug := func(n int, via zhenggai.SuggestionVia) []Suggestion {
		var out []Suggestion
		for i := range n {
			out = append(out, Suggestion{ID: int64(i + 1), MemberID: int64(i%10 + 1), Name: "委员", Kind: zhenggai.SuggestMicro,
				Via: via, On: day("2019-05-01")})
		}
		return out
	}
	p := period("2019-01-01", "2019-12-31")
	want(t, check(t, SuggestionsPlatform, &Registers{CPPCCMembers: ms, Suggestions: sug(10, zhenggai.ViaPlatform)}, p, nil), 0)
	want(t, check(t, SuggestionsPlatform, &Registers{CPPCCMembers: ms, Suggestions: append(sug(9, zhenggai.ViaPlatform), sug(5, zhenggai.ViaPaper)...)}, p, nil), 1,
		"2019年委员在平台上提出微建议、社情民意信息仅9条（2019年9条），按每名委员每年不少于1条应有10条")
	want(t, check(t, SuggestionsPlatform, &Registers{CPPCCMembers: ms}, period("2016-01-01", "2019-12-31"), nil), 1, "2016年至2019年", "仅0条", "应有40条",
		"10名委员未在平台上提出")
	// The records are the members who put nothing on the platform.
	fs := check(t, SuggestionsPlatform, &Registers{CPPCCMembers: ms, Suggestions: sug(9, zhenggai.ViaPlatform)}, p, nil)
	want(t, fs, 1, "1名委员未在平台上提出，如委员10")
	if len(fs[0].Records) != 1 || fs[0].Records[0].Kind != "cppcc_member" || fs[0].Records[0].ID != 10 {
		t.Errorf("records %+v", fs[0].Records)
	}
	// A year half in the period asks for half: 5 of 10 members' in July to
	// December 2019 is enough, 4 is not.
	at := func(ss []Suggestion, on string) []Suggestion {
		for i := range ss {
			ss[i].On = day(on)
		}
		return ss
	}
	half := period("2019-07-01", "2020-06-30")
	spring := at(sug(5, zhenggai.ViaPlatform), "2020-03-01")
	want(t, check(t, SuggestionsPlatform, &Registers{CPPCCMembers: ms, Suggestions: append(at(sug(5, zhenggai.ViaPlatform), "2019-08-01"), spring...)}, half, nil), 0)
	want(t, check(t, SuggestionsPlatform, &Registers{CPPCCMembers: ms, Suggestions: append(at(sug(4, zhenggai.ViaPlatform), "2019-08-01"), spring...)}, half, nil), 1,
		"2019年委员在平台上提出微建议、社情民意信息仅4条（2019年7月至12月4条），按每名委员每年不少于1条应有5条")
}

// TestProposalReportOwnSentences: the sentences the statistics write
// (zhenggai.ProposalStats.Sentences), published, give no finding; the
// same with a count changed give one.
func TestProposalReportOwnSentences(t *testing.T) {
	results := []zhenggai.FeedbackResult{zhenggai.FeedbackSatisfied, zhenggai.FeedbackBasic, zhenggai.FeedbackUnsatisfied, ""}
	statuses := []zhenggai.ProposalStatus{zhenggai.PropDone, zhenggai.PropAnswered, zhenggai.PropAssigned, zhenggai.PropMerged,
		zhenggai.PropConverted, zhenggai.PropRejected}
	for seed := range 40 {
		var ps []zhenggai.Proposal
		for i := range 20 + seed*3 {
			st := statuses[(i*7+seed)%len(statuses)]
			replied := ""
			if st == zhenggai.PropDone || st == zhenggai.PropAnswered {
				replied = "2019-05-01"
			}
			p := prop(int64(i+1), 2019, st, replied, true, false)
			p.Session = "九届四次"
			if r := results[(i*5+seed)%len(results)]; r != "" && replied != "" {
				p.Feedback = []zhenggai.ProposalFeedback{{Round: 1, Name: "甲", Result: r}}
			}
			ps = append(ps, p)
		}
		s := zhenggai.CountProposals("九届四次会议", ps)
		text := strings.Join(s.Sentences(), "")
		regs := &Registers{Proposals: ps, Reports: []Report{{ID: 1, Kind: "publication", Title: "报告", On: day("2019-12-31"), Text: text}}}
		if fs := check(t, ProposalReport, regs, zhenggai.Period{}, nil); len(fs) != 0 {
			t.Fatalf("seed %d: %q gives %s", seed, text, fs[0].Text)
		}
		regs.Reports[0].Text = strings.Replace(text, fmt.Sprintf("共收到提案%d件", s.Received), fmt.Sprintf("共收到提案%d件", s.Received+1), 1)
		want(t, check(t, ProposalReport, regs, zhenggai.Period{}, nil), 1, fmt.Sprintf("九届四次会议收到提案%d件", s.Received))
	}
}

// FuzzProposalReport: any text of a report is read without a panic, and
// what a finding says it states is in the text.
func FuzzProposalReport(f *testing.F) {
	for _, s := range []string{
		"<p>县政协九届四次会议期间，共收到提案79件，经提案委员会审查，转一般性意见2件，并案后实际立案62件。</p>",
		"<p>今年62件提案已办结并书面答复，答复率、满意率均达100%。</p>",
		"2016年至2019年4年共立案230件；2019年提案答复率、满意和基本满意率分别为98%、97%",
		"第十九届委员会第十二次会议提案办结率99.99%，立案率12%，去年收到提案5件",
	} {
		f.Add(s)
	}
	ps := props(1, 2019, 5, 5, 5)
	for i := range ps {
		ps[i].Session = "九届四次"
	}
	f.Fuzz(func(t *testing.T, body string) {
		if len(body) > 20000 {
			return
		}
		text := ReportText(body)
		regs := &Registers{Proposals: ps, Reports: []Report{{ID: 1, Kind: "publication", Title: "报告", On: day("2019-12-31"), Text: text}}}
		fs, err := ProposalReport.Check(context.Background(), regs, zhenggai.Period{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			if !strings.Contains(f.Text, "称“") || len(f.Records) != 1 {
				t.Fatalf("finding %+v", f)
			}
		}
	})
}
