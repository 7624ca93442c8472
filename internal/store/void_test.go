package store_test

import (
	"context"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// TestEveryTableAudited writes every audited table of the registry at
// least once through the store's methods, then checks that each got
// entries and that the whole log verifies: a write path that forgot the
// audit would leave its table without entries, or its rows unlike the log.
func TestEveryTableAudited(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st := env.Store
		ctx := actx()
		must := func(what string, err error) {
			t.Helper()
			if err != nil {
				t.Fatalf("%s: %v", what, err)
			}
		}
		r, _, p, ms := seedRound(t, st)
		u := newAccount(t, st, r.UnitID, "qinli", "覃丽", zhenggai.RoleResponsible)
		tok, err := st.CreateToken(ctx, u.ID, "脚本", strings.Repeat("cd", 32))
		must("token", err)
		must("revoke", st.RevokeToken(ctx, tok))
		must("settings", st.SaveSettings(ctx, r.UnitID, zhenggai.Settings{GreenDays: 20, YellowDays: 5}))
		sum := strings.Repeat("ab", 32)
		pr := &zhenggai.Progress{MeasureID: ms[0].ID, Date: zhenggai.NewDate(2020, 9, 4), Content: "已整改", Author: "覃丽",
			Files: []zhenggai.Attachment{{Name: "记录.pdf", SHA256: sum, Size: 9, ContentType: "application/pdf"}}}
		must("progress", st.AddProgress(ctx, pr, 0))
		_, err = st.CloseMeasure(ctx, ms[0].ID, zhenggai.CloseRequest, "覃丽", "")
		must("close step", err)
		n := &zhenggai.Notification{UnitID: r.UnitID, UserID: u.ID, Subject: "测试", Body: "正文"}
		must("notification", st.AddNotification(ctx, n))
		_, err = st.MarkRead(ctx, u.ID, n.ID)
		must("read", err)
		_, err = st.RecordWarnings(ctx, []*store.WarningChange{{UnitID: r.UnitID, MeasureID: ms[1].ID, Was: zhenggai.NoColour, Now: zhenggai.Red}})
		must("warning", err)
		must("digest", st.RecordDigest(ctx, r.UnitID, u.ID, zhenggai.NewDate(2020, 9, 5)))
		pub := &zhenggai.Publication{RoundID: r.ID, AsOf: zhenggai.NewDate(2020, 9, 30), Title: "整改进展情况", Body: "正文",
			Problems: []zhenggai.PublishedProblem{{ID: p.ID, Seq: p.Seq, Title: p.Title}}}
		publishReviewed(ctx, t, st, pub)
		o := &zhenggai.Opinion{PublicationID: pub.ID, ProblemID: p.ID, Content: "建议公开整改台账"}
		must("opinion", st.CreateOpinion(ctx, o))
		must("close opinion", st.CloseOpinion(ctx, o.ID, o.Version))
		must("void", st.Void(ctx, "measure", ms[1].ID, "重复录入"))
		must("person", st.SavePerson(ctx, &zhenggai.Person{UnitID: r.UnitID, Name: "覃丽", Kind: zhenggai.PersonStaff}))
		must("bulk registers", bulkRegisters(ctx, st, r.UnitID))
		dm := &zhenggai.DuesMember{UnitID: r.UnitID, Name: "覃丽", Kind: zhenggai.DuesInService}
		must("dues member", st.SaveDuesMember(ctx, dm))
		must("dues base", st.SaveDuesBase(ctx, r.UnitID, zhenggai.DuesBase{MemberID: dm.ID, Year: 2019, Base: 510000}))
		must("dues payment", st.SaveDuesPayment(ctx, r.UnitID, zhenggai.DuesPayment{MemberID: dm.ID, Month: "2019-01", Paid: 7650}))
		_, err = st.ImportVouchers(ctx, &store.VoucherImport{UnitID: r.UnitID, FileName: "序时账.csv", SHA256: sum, Periods: []string{"2020-09"},
			Vouchers: []*zhenggai.Voucher{{Period: "2020-09", Date: zhenggai.NewDate(2020, 9, 4), Word: "记", Number: 1, Summary: "付款",
				Lines: []zhenggai.VoucherLine{{AccountCode: "5001", Debit: 100}, {AccountCode: "1002", Credit: 100}}}}})
		must("voucher import", err)
		mt := &zhenggai.Meeting{UnitID: r.UnitID, Type: "党组会议", Date: zhenggai.NewDate(2020, 3, 2),
			Attendance: []zhenggai.Attendance{{Name: "覃丽", Presence: zhenggai.Present}},
			Items: []zhenggai.AgendaItem{{Title: "购置电脑", Kind: zhenggai.ItemLargeFund, Amount: 1500000,
				Statements: []zhenggai.Statement{{Name: "覃丽", Position: zhenggai.PosAgree}}}}}
		must("meeting", st.SaveMeeting(ctx, mt))
		vs, err := st.Vouchers(ctx, store.VoucherQuery{UnitID: r.UnitID, Period: "2020-09"})
		must("vouchers", err)
		lv, err := st.LinkVoucher(ctx, vs.Vouchers[0].ID, vs.Vouchers[0].Version, mt.Items[0].ID)
		must("voucher link", err)
		_, err = st.LinkVoucher(ctx, lv.ID, lv.Version, 0)
		must("voucher unlink", err)
		// Proposals: every table of the cycle.
		hu := &zhenggai.Unit{Name: "县交通运输局"}
		must("handling unit", st.SaveUnit(ctx, hu))
		lead := &zhenggai.Person{UnitID: r.UnitID, Name: "张立新", Kind: zhenggai.PersonCPPCC}
		co := &zhenggai.Person{UnitID: r.UnitID, Name: "李春梅", Kind: zhenggai.PersonCPPCC}
		must("lead", st.SavePerson(ctx, lead))
		must("co", st.SavePerson(ctx, co))
		prop := &zhenggai.Proposal{UnitID: r.UnitID, Title: "关于农村公路的建议",
			Signers: []zhenggai.ProposalSigner{{PersonID: lead.ID}, {PersonID: co.ID, Deadline: zhenggai.Today().AddDays(3)}}}
		must("proposal", st.CreateProposal(ctx, prop, false))
		must("cosign", st.ProposalCosign(ctx, prop.ID, co.ID, true))
		step := func(actor zhenggai.ProposalActor, in zhenggai.ProposalStepInput) {
			t.Helper()
			cur, err := st.Proposal(ctx, prop.ID)
			must("proposal read", err)
			_, err = st.ProposalStep(ctx, prop.ID, cur.Version, actor, &in)
			must(string(in.Action), err)
		}
		step(zhenggai.ActorOffice, zhenggai.ProposalStepInput{Action: zhenggai.ActRegister})
		step(zhenggai.ActorOffice, zhenggai.ProposalStepInput{Action: zhenggai.ActAssign, Handlers: []zhenggai.ProposalAssignment{{HandlerUnitID: hu.ID}}})
		step(zhenggai.ActorHandler, zhenggai.ProposalStepInput{Action: zhenggai.ActReply, Class: zhenggai.ReplyClassA, Summary: "已解决", ByUnit: hu.ID})
		step(zhenggai.ActorOffice, zhenggai.ProposalStepInput{Action: zhenggai.ActApprove})
		step(zhenggai.ActorProposer, zhenggai.ProposalStepInput{Action: zhenggai.ActFeedback, Result: zhenggai.FeedbackSatisfied, ByPerson: lead.ID})
		doc := &zhenggai.ProposalDocument{Kind: zhenggai.DocFeedbackForm, SHA256: sum, Name: "意见表.pdf"}
		must("proposal document", st.AddProposalDocument(ctx, prop.ID, doc, "提案委"))
		on := zhenggai.NewDate(2020, 3, 2)
		_, err = st.ImportProposals(ctx, &store.ProposalImport{UnitID: r.UnitID, FileName: "提案.xlsx", Rows: []store.ProposalImportRow{{Sheet: "提案", Row: 2,
			P: &zhenggai.Proposal{Session: "九届四次", Year: 2020, Number: "1", Title: "关于饮水安全的建议", Source: zhenggai.SourceMember,
				Status: zhenggai.PropAnswered, AssignedOn: on, Class: "A", Signers: []zhenggai.ProposalSigner{{Seq: 1, Name: "覃丽"}},
				Handlers: []zhenggai.ProposalAssignment{{Handler: "县水利局", Role: zhenggai.HandlerLead, AssignedOn: on}},
				Replies:  []zhenggai.ProposalReply{{Round: 1, RepliedOn: on.AddDays(30), Class: "A", Approved: true}},
				Feedback: []zhenggai.ProposalFeedback{{Round: 1, Name: "覃丽", Result: zhenggai.FeedbackSatisfied, ReturnedOn: on.AddDays(40)}}}}}})
		must("proposal import", err)
		cm := &zhenggai.CPPCCMember{UnitID: r.UnitID, Name: "向东", Term: "第九届", Sector: "中共"}
		must("cppcc member", st.SaveCPPCCMember(ctx, cm, true, ""))
		must("member activity", st.SaveMemberActivity(ctx, &zhenggai.MemberActivity{UnitID: r.UnitID, MemberID: cm.ID,
			Kind: zhenggai.ActivityResearch, Title: "乡村振兴调研", On: zhenggai.NewDate(2020, 5, 6)}))
		sg := &zhenggai.Suggestion{UnitID: r.UnitID, Name: "覃丽", Kind: zhenggai.SuggestSQMY, Title: "关于饮水安全的建议", On: zhenggai.NewDate(2020, 3, 2)}
		must("suggestion", st.SaveSuggestion(ctx, sg))
		tw := &zhenggai.Township{UnitID: r.UnitID, Name: "测试镇",
			Posts:       []zhenggai.LiaisonPost{{Name: "覃丽", Role: zhenggai.LiaisonLeader, From: zhenggai.NewDate(2018, 1, 1)}},
			Invitations: []zhenggai.LiaisonInvitation{{Kind: zhenggai.InviteResearch, Title: "产业调研", On: zhenggai.NewDate(2020, 5, 6)}}}
		must("township", st.SaveTownship(ctx, tw))
		tw.Posts[0].To = zhenggai.NewDate(2020, 6, 30)
		tw.Invitations = nil
		must("township edit", st.SaveTownship(ctx, tw))
		// Study (issue 16): a notes check.
		must("notes check", st.SaveNotesCheck(ctx, &zhenggai.NotesCheck{UnitID: r.UnitID, Name: "覃丽", CheckerName: "张立新",
			On: zhenggai.NewDate(2020, 9, 30), Period: "2020-Q3", Result: zhenggai.NotesPass}))

		// Registers (III): travel documents and retired cadres' posts.
		must("travel person", st.SaveTravelPerson(ctx, &zhenggai.TravelPerson{UnitID: r.UnitID, Name: "覃丽", ScopeFrom: zhenggai.NewDate(2016, 1, 1)}))
		must("retired post", st.SaveRetiredPost(ctx, &zhenggai.RetiredPost{UnitID: r.UnitID, Name: "覃丽", Born: zhenggai.NewDate(1955, 1, 1),
			Org: "县老年大学", Post: "副校长", Kind: zhenggai.RetiredPartTime, From: zhenggai.NewDate(2019, 1, 1)}))
		// Archives.
		ak := zhenggai.ArchiveKind{UnitID: r.UnitID, Code: "party_lesson", Name: "党课档案", Documents: []string{"党课讲稿", "签到表"}}
		must("archive kind", st.SaveArchiveKind(ctx, &ak))
		af := &zhenggai.ArchiveFile{UnitID: r.UnitID, Kind: zhenggai.KindElection, Title: "换届选举", EventOn: zhenggai.NewDate(2017, 10, 27)}
		must("archive file", st.SaveArchiveFile(ctx, af))
		must("archive document", st.AddArchiveDocument(ctx, af.ID, &zhenggai.ArchiveDocument{Slot: "请示", SHA256: sum, Name: "请示.pdf", Size: 9}))
		// Attendance and leave (issue 16).
		must("calendar year", st.SaveCalendarYear(ctx, r.UnitID, 2020, zhenggai.DefaultCalendar[2020], 0))
		_, err = st.ImportSignIns(ctx, &store.SignInImport{UnitID: r.UnitID, FileName: "考勤.xlsx",
			Rows: []store.SignInRow{{Name: "张立新", On: zhenggai.NewDate(2020, 7, 28), FirstIn: 480, LastOut: -1}}}, false)
		must("sign-in import", err)
		lvr := &zhenggai.Leave{UnitID: r.UnitID, Name: "张立新", Kind: zhenggai.LeaveSick, From: zhenggai.NewDate(2020, 7, 29), To: zhenggai.NewDate(2020, 7, 31)}
		must("leave", st.SaveLeave(ctx, lvr))
		_, err = st.ApproveLeave(ctx, lvr.ID, lvr.Version, "主席", zhenggai.NewDate(2020, 7, 29))
		must("leave approve", err)

		got := map[string]int{}
		err = st.AuditEntries(context.Background(), store.AuditQuery{}, func(e *store.AuditEntry) error {
			got[e.Entity]++
			return nil
		})
		must("entries", err)
		for _, tb := range store.Tables {
			if tb.Audited && got[tb.Name] == 0 {
				t.Errorf("no audit entry about %s (%s): a write path of it is not audited, or this test writes none", tb.Name, tb.Label)
			}
		}
		mustVerify(t, st)
	})
}

// TestVoid: voiding and restoring, with the refusals, on both backends;
// after each step the lists, counts and warnings are what a clerk would
// see, and the log verifies.
func TestVoid(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) { testVoid(t, env.Store) })
}

func testVoid(t *testing.T, st *store.Store) {
	ctx := actx()
	r, c, p, ms := seedRound(t, st)
	p2 := &zhenggai.Problem{CategoryID: c.ID, Seq: 2, Title: "制度执行不严"}
	if err := st.CreateProblem(ctx, p2); err != nil {
		t.Fatal(err)
	}
	m3 := &zhenggai.Measure{ProblemID: p2.ID, Seq: 1, Content: "修订制度", Owner: "覃丽", Kind: zhenggai.MeasureImmediate,
		Status: zhenggai.NotStarted, Deadline: zhenggai.NewDate(2020, 9, 30)}
	if err := st.CreateMeasure(ctx, m3); err != nil {
		t.Fatal(err)
	}
	pr := &zhenggai.Progress{MeasureID: ms[0].ID, Date: zhenggai.NewDate(2020, 9, 4), Content: "开展学习", Author: "覃丽",
		Files: []zhenggai.Attachment{{Name: "记录.pdf", SHA256: strings.Repeat("ab", 32), Size: 9, ContentType: "application/pdf"}}}
	if err := st.AddProgress(ctx, pr, 0); err != nil {
		t.Fatal(err)
	}
	today := zhenggai.NewDate(2020, 10, 28) // every measure overdue: red

	// state is what a clerk sees of the round.
	type state struct {
		rounds, problems, measures, progress, files, red, warned int
	}
	see := func() state {
		t.Helper()
		var s state
		rs, err := st.Rounds(ctx)
		if err != nil {
			t.Fatal(err)
		}
		s.rounds = len(rs)
		probs, _ := st.Problems(ctx, r.ID)
		s.problems = len(probs)
		mss, _ := st.Measures(ctx, r.ID)
		s.measures = len(mss)
		prs, _ := st.Progress(ctx, r.ID, 0)
		s.progress = len(prs)
		for _, e := range prs {
			s.files += len(e.Files)
		}
		sums, err := st.RoundSummaries(ctx, zhenggai.Scope{All: true}, today)
		if err != nil {
			t.Fatal(err)
		}
		for _, sm := range sums {
			if sm.Round.ID == r.ID {
				s.red = sm.ColourCounts[zhenggai.Red]
				if sm.Problems != s.problems {
					t.Errorf("round counts %d problems, the list %d", sm.Problems, s.problems)
				}
			}
		}
		// The ledger, which the report, the workbook and a publication are
		// made of, holds what the lists hold; a voided round has none.
		rec, err := st.RoundRecords(ctx, r.ID, today)
		switch {
		case s.rounds == 0 && zhenggai.ErrorCode(err) == zhenggai.ENOTFOUND:
		case err != nil:
			t.Fatal(err)
		default:
			var n, files int
			for _, cn := range rec.Ledger.Categories {
				for _, pn := range cn.Problems {
					n += len(pn.Measures)
				}
			}
			for _, e := range rec.Progress {
				files += len(e.Files)
			}
			if n != s.measures || len(rec.Progress) != s.progress || files != s.files {
				t.Errorf("ledger: %d measures, %d progress, %d files; lists: %+v", n, len(rec.Progress), files, s)
			}
		}
		cands, err := st.WarnCandidates(ctx)
		if err != nil {
			t.Fatal(err)
		}
		s.warned = len(cands)
		mustVerify(t, st)
		return s
	}
	all := state{rounds: 1, problems: 2, measures: 3, progress: 1, files: 1, red: 3, warned: 3}
	if got := see(); got != all {
		t.Fatalf("before voiding: %+v, want %+v", got, all)
	}
	code := func(err error) string {
		if err == nil {
			return "ok"
		}
		return zhenggai.ErrorCode(err)
	}
	steps := []struct {
		name string
		do   func() error
		code string
		want state
	}{
		{"void without a reason", func() error { return st.Void(ctx, "measure", ms[1].ID, "  ") }, zhenggai.EINVALID, all},
		{"void an unknown kind", func() error { return st.Void(ctx, "opinion", 1, "x") }, zhenggai.ENOTFOUND, all},
		{"void a missing measure", func() error { return st.Void(ctx, "measure", 9999, "x") }, zhenggai.ENOTFOUND, all},
		{"restore a live measure", func() error { return st.Restore(ctx, "measure", ms[1].ID) }, zhenggai.ECONFLICT, all},
		{"void a file", func() error { return st.Void(ctx, "attachment", pr.Files[0].ID, "传错了文件") }, "ok",
			state{1, 2, 3, 1, 0, 3, 3}},
		{"void a measure", func() error { return st.Void(ctx, "measure", ms[1].ID, "重复录入") }, "ok",
			state{1, 2, 2, 1, 0, 2, 2}},
		{"void it twice", func() error { return st.Void(ctx, "measure", ms[1].ID, "重复录入") }, zhenggai.ECONFLICT,
			state{1, 2, 2, 1, 0, 2, 2}},
		{"edit a voided measure", func() error { m := *ms[1]; m.Content = "改"; return st.UpdateMeasure(ctx, &m) }, zhenggai.ECONFLICT,
			state{1, 2, 2, 1, 0, 2, 2}},
		{"void a problem and what is under it", func() error { return st.Void(ctx, "problem", p.ID, "与问题2重复") }, "ok",
			state{1, 1, 1, 0, 0, 1, 1}},
		{"report on a measure of a voided problem", func() error {
			return st.AddProgress(ctx, &zhenggai.Progress{MeasureID: ms[0].ID, Date: zhenggai.NewDate(2020, 9, 5), Content: "又学习"}, 0)
		}, zhenggai.ENOTFOUND, state{1, 1, 1, 0, 0, 1, 1}},
		{"restore a measure of a voided problem", func() error { return st.Restore(ctx, "measure", ms[0].ID) }, zhenggai.ECONFLICT,
			state{1, 1, 1, 0, 0, 1, 1}},
		// What went with the problem comes back; the measure and the file
		// voided before it stay voided.
		{"restore the problem", func() error { return st.Restore(ctx, "problem", p.ID) }, "ok",
			state{1, 2, 2, 1, 0, 2, 2}},
		{"restore the measure", func() error { return st.Restore(ctx, "measure", ms[1].ID) }, "ok",
			state{1, 2, 3, 1, 0, 3, 3}},
		{"void the round", func() error { return st.Void(ctx, "round", r.ID, "重复导入") }, "ok",
			state{0, 0, 0, 0, 0, 0, 0}},
		{"add a category to a voided round", func() error {
			return st.CreateCategory(ctx, &zhenggai.Category{RoundID: r.ID, Seq: 9, Title: "新类别"})
		}, zhenggai.ENOTFOUND, state{0, 0, 0, 0, 0, 0, 0}},
		{"restore the round", func() error { return st.Restore(ctx, "round", r.ID) }, "ok",
			state{1, 2, 3, 1, 0, 3, 3}},
		{"restore the file", func() error { return st.Restore(ctx, "attachment", pr.Files[0].ID) }, "ok", all},
	}
	for _, s := range steps {
		if got := code(s.do()); got != s.code {
			t.Fatalf("%s: %s, want %s", s.name, got, s.code)
		}
		if got := see(); got != s.want {
			t.Errorf("%s: %+v, want %+v", s.name, got, s.want)
		}
	}

	// The history shows who voided the measure, when and why, and its
	// restoring.
	h, err := st.History(context.Background(), "measures", ms[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	var voids int
	for _, e := range h {
		before, after := e.Rows()
		if after["void_reason"] == "重复录入" && before["void_reason"] == "" {
			voids++
			if after["voided_by"] != who.Name || after["voided_at"] == nil || e.Actor != who {
				t.Errorf("void entry: %+v by %+v", after, e.Actor)
			}
		}
	}
	if voids != 1 || h[len(h)-1].Action != "update" {
		t.Errorf("history of the voided measure: %d voids in %s", voids, summary(h))
	}

	// A voided round's reports leave the public site with it.
	pub := &zhenggai.Publication{RoundID: r.ID, AsOf: zhenggai.NewDate(2020, 9, 30), Title: "整改进展情况", Body: "正文"}
	publishReviewed(ctx, t, st, pub)
	public := func() int {
		t.Helper()
		list, err := st.Publications(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		_, err = st.Publication(ctx, pub.ID)
		if (err == nil) != (len(list) == 1) {
			t.Errorf("public list has %d, the report itself: %v", len(list), err)
		}
		return len(list)
	}
	if public() != 1 {
		t.Fatal("the report is not public")
	}
	if err := st.Void(ctx, "round", r.ID, "重复导入"); err != nil {
		t.Fatal(err)
	}
	if public() != 0 {
		t.Error("a voided round's report stays public")
	}
	if err := st.DraftPublication(ctx, &zhenggai.Publication{RoundID: r.ID, AsOf: zhenggai.NewDate(2020, 9, 30), Title: "再公布", Body: "正文"}); zhenggai.ErrorCode(err) != zhenggai.ENOTFOUND {
		t.Errorf("draft a report of a voided round: %v", err)
	}
	if err := st.Restore(ctx, "round", r.ID); err != nil {
		t.Fatal(err)
	}
	if public() != 1 {
		t.Error("the restored round's report is not public again")
	}

	// A problem the office accepted is reopened before anything at or
	// under it is voided.
	if _, err := st.CloseProblem(ctx, p2.ID, zhenggai.CloseReopen, "x", "x"); err == nil {
		t.Fatal("reopened a problem never accepted")
	}
	acceptForTest(t, st, p2.ID)
	for _, v := range []struct {
		kind string
		id   int64
	}{{"round", r.ID}, {"category", c.ID}, {"problem", p2.ID}, {"measure", m3.ID}} {
		if err := st.Void(ctx, v.kind, v.id, "作废"); zhenggai.ErrorCode(err) != zhenggai.ELOCKED {
			t.Errorf("void %s over an accepted problem: %v", v.kind, err)
		}
	}
	if err := st.Void(ctx, "problem", p.ID, "另一个问题可以作废"); err != nil {
		t.Errorf("void a problem beside an accepted one: %v", err)
	}
	list, err := st.Voided(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, v := range list {
		w := ""
		if v.WithParent {
			w = "+"
		}
		kinds = append(kinds, v.Kind+w)
		if v.By != who.Name || v.At.IsZero() || v.Reason == "" {
			t.Errorf("voided record %+v", v)
		}
	}
	if got := strings.Join(kinds, " "); got != "problem measure+ measure+ progress+ attachment+" {
		t.Errorf("voided list: %s", got)
	}
	mustVerify(t, st)
}

// acceptForTest takes problem id through its closing to accepted, as the
// unit and the office would.
func acceptForTest(t *testing.T, st *store.Store, id int64) {
	t.Helper()
	ctx := actx()
	ms, err := st.ProblemMeasures(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		pr := &zhenggai.Progress{MeasureID: m.ID, Date: zhenggai.NewDate(2020, 9, 6), Content: "已整改", Status: zhenggai.BasicallyCompleted,
			Files: []zhenggai.Attachment{{Name: "佐证.pdf", SHA256: strings.Repeat("cd", 32), Size: 3, ContentType: "application/pdf"}}}
		if err := st.AddProgress(ctx, pr, m.Version); err != nil {
			t.Fatal(err)
		}
		for _, a := range []zhenggai.CloseAction{zhenggai.CloseRequest, zhenggai.CloseApprove} {
			if _, err := st.CloseMeasure(ctx, m.ID, a, "覃丽", ""); err != nil {
				t.Fatal(a, err)
			}
		}
	}
	if _, err := st.CloseProblem(ctx, id, zhenggai.CloseAccept, "巡察办", ""); err != nil {
		t.Fatal(err)
	}
}
