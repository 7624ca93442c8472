package store_test

import (
	"context"
	"testing"

	"zhenggai"
	"zhenggai/internal/regsample"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// TestImportRegisters writes the demo's sample registers on both backends
// and reads back what it wrote: the rows of every table, the vouchers'
// debit totals and decisions, the persons entered once, the audit log.
func TestImportRegisters(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st := env.Store
		ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "system:demo", Via: "cli"})
		r, _, _, _ := seedRound(t, st)
		// A person already on the roster is linked, not entered again.
		if err := st.SavePerson(ctx, &zhenggai.Person{UnitID: r.UnitID, Name: "向建国", Kind: zhenggai.PersonLeader}); err != nil {
			t.Fatal(err)
		}
		before, err := st.Persons(ctx, r.UnitID)
		if err != nil {
			t.Fatal(err)
		}
		b, err := regsample.Generate(regsample.Demo([]string{"向建国", "王志华", "李春梅", "张立新"}, []string{"覃丽", "陈伟", "谷红"}))
		if err != nil {
			t.Fatal(err)
		}
		b.UnitID = r.UnitID
		want := b.Counts()
		steps := 0
		n, err := st.ImportRegisters(ctx, b, func(done, total int) { steps = done })
		if err != nil {
			t.Fatal(err)
		}
		if steps != 4 {
			t.Errorf("%d steps reported", steps)
		}
		persons, err := st.Persons(ctx, r.UnitID)
		if err != nil {
			t.Fatal(err)
		}
		if got := int64(len(persons) - len(before)); got != n.Persons || got != int64(len(b.Persons)-1) {
			t.Errorf("%d persons entered, reported %d, roster lacked %d", got, n.Persons, len(b.Persons)-1)
		}
		for table, w := range map[string]int64{
			"meetings": want.Meetings, "meeting_attendance": want.Attendance, "meeting_items": want.Items,
			"meeting_statements": want.Statements, "vouchers": want.Vouchers, "voucher_lines": want.Lines,
			"voucher_imports": 1, "dues_members": want.Members, "dues_bases": want.Bases, "dues_payments": want.Payments,
			"proposals": want.Proposals, "cppcc_members": want.CPPCCMembers, "member_activities": want.Activities,
			"suggestions": want.Suggestions, "townships": want.Townships, "notes_checks": want.NotesChecks,
		} {
			got, err := st.Count(ctx, table)
			if err != nil {
				t.Fatal(err)
			}
			if got != w || w == 0 {
				t.Errorf("%s: %d rows, want %d", table, got, w)
			}
		}
		var cycle, liaison int64
		for _, table := range []string{"proposal_signers", "proposal_assignments", "proposal_replies", "proposal_feedback", "proposal_documents"} {
			got, _ := st.Count(ctx, table)
			cycle += got
		}
		for _, table := range []string{"liaison_posts", "liaison_invitations"} {
			got, _ := st.Count(ctx, table)
			liaison += got
		}
		if cycle != want.ProposalRows || liaison != want.LiaisonRows || cycle == 0 || liaison == 0 {
			t.Errorf("%d rows of the proposals' cycle (want %d), %d of the liaison groups (want %d)", cycle, want.ProposalRows, liaison, want.LiaisonRows)
		}
		for _, p := range b.Proposals {
			if p.ID == 0 || p.Status == zhenggai.PropMerged && p.MergedInto == 0 {
				t.Fatalf("proposal %s: id %d, merged into %d", p.String(), p.ID, p.MergedInto)
			}
		}
		if n.Meetings != want.Meetings || n.Lines != want.Lines || n.Payments != want.Payments || n.Proposals != want.Proposals ||
			n.LiaisonRows != want.LiaisonRows {
			t.Errorf("reported %+v, want %+v", n, want)
		}
		badDebit, badDecision, linked, err := store.RegisterChecksForTest(ctx, st)
		if err != nil {
			t.Fatal(err)
		}
		var wantLinked int64
		for _, v := range b.Vouchers {
			if v.DecisionItemID != 0 {
				wantLinked++
			}
			if v.ID == 0 || v.DecisionMeeting > 0 && v.DecisionItemID == 0 {
				t.Fatalf("voucher %s-%d: id %d, decision %d", v.Period, v.Number, v.ID, v.DecisionItemID)
			}
		}
		if badDebit != 0 || badDecision != 0 || linked != wantLinked || linked == 0 {
			t.Errorf("%d vouchers with a wrong debit, %d with a wrong decision, %d linked (want %d)", badDebit, badDecision, linked, wantLinked)
		}
		for _, m := range b.Meetings {
			if m.ID == 0 || m.ChairID == 0 {
				t.Fatalf("meeting %s %s: id %d, chair %d", m.Type, m.Date, m.ID, m.ChairID)
			}
		}
		for _, m := range b.Members {
			if m.ID == 0 || m.PersonID == 0 {
				t.Fatalf("member %s: id %d, person %d", m.Name, m.ID, m.PersonID)
			}
		}
		mustVerify(t, st)

		// Bad input: nothing written.
		bad := &store.BulkRegisters{UnitID: r.UnitID, Vouchers: []store.BulkVoucher{{Voucher: zhenggai.Voucher{Period: "2019-01",
			Date: zhenggai.NewDate(2019, 1, 5), Word: "记", Number: 1,
			Lines: []zhenggai.VoucherLine{{AccountCode: "5001", Debit: 100}, {AccountCode: "1011", Credit: 90}}}}}}
		if _, err := st.ImportRegisters(ctx, bad, nil); zhenggai.ErrorCode(err) != zhenggai.EINVALID {
			t.Errorf("unbalanced voucher: %v", err)
		}
		if got, _ := st.Count(ctx, "vouchers"); got != want.Vouchers {
			t.Errorf("after a refused import: %d vouchers", got)
		}
	})
}

// bulkRegisters writes one of each register row through ImportRegisters
// (TestEveryTableAudited).
func bulkRegisters(ctx context.Context, st *store.Store, unit int64) error {
	d := zhenggai.NewDate(2019, 3, 5)
	b := &store.BulkRegisters{UnitID: unit,
		Persons: []zhenggai.Person{{Name: "钟明", Kind: zhenggai.PersonLeader}},
		Meetings: []zhenggai.Meeting{{Type: "党组会议", Book: "党组会议", Number: 1, Date: d, ChairName: "钟明",
			Attendance: []zhenggai.Attendance{{Name: "钟明", Presence: zhenggai.Present}},
			Items: []zhenggai.AgendaItem{{Title: "研究购置办公设备资金安排", Kind: zhenggai.ItemLargeFund, Amount: 1_200_000,
				Statements: []zhenggai.Statement{{Name: "钟明", Position: zhenggai.PosAgree}}}}}},
		Vouchers: []store.BulkVoucher{{Voucher: zhenggai.Voucher{Period: "2019-03", Date: d.AddDays(3), Word: "记", Number: 1,
			Lines: []zhenggai.VoucherLine{{AccountCode: "5001", Debit: 1_200_000}, {AccountCode: "1011", Credit: 1_200_000}}},
			DecisionMeeting: 1, DecisionItem: 1}},
		Members: []store.BulkMember{{DuesMember: zhenggai.DuesMember{Name: "钟明", Kind: zhenggai.DuesInService, Joined: "2019-01"},
			Bases:    []zhenggai.DuesBase{{Year: 2019, Base: 650_000}},
			Payments: []zhenggai.DuesPayment{{Month: "2019-03", Paid: 9750, PaidOn: d}}}},
		CPPCCMembers: []store.BulkCPPCCMember{{CPPCCMember: zhenggai.CPPCCMember{Name: "钟明", Term: "第九届"},
			Activities: []zhenggai.MemberActivity{{Kind: zhenggai.ActivityResearch, Title: "调研", On: d}}}},
		Suggestions: []zhenggai.Suggestion{{MemberID: 1, Name: "钟明", Kind: zhenggai.SuggestMicro, Title: "建议", On: d}},
		Townships: []zhenggai.Township{{Name: "澧源镇", Posts: []zhenggai.LiaisonPost{{MemberID: 1, Name: "钟明", Role: zhenggai.LiaisonLeader, From: d}},
			Invitations: []zhenggai.LiaisonInvitation{{Kind: zhenggai.InviteInspection, Title: "视察", On: d, Name: "钟明"}}}},
		Proposals: []zhenggai.Proposal{{Year: 2019, Title: "关于农村公路养护的建议", Status: zhenggai.PropDone,
			Signers:   []zhenggai.ProposalSigner{{Name: "钟明"}},
			Handlers:  []zhenggai.ProposalAssignment{{Handler: "县交通运输局", Role: zhenggai.HandlerLead, AssignedOn: d}},
			Replies:   []zhenggai.ProposalReply{{AssignmentID: 1, RepliedOn: d.AddDays(40), Approved: true}},
			Feedback:  []zhenggai.ProposalFeedback{{Name: "钟明", Result: zhenggai.FeedbackSatisfied, ReturnedOn: d.AddDays(50)}},
			Documents: []zhenggai.ProposalDocument{{Kind: zhenggai.DocReplyLetter, SHA256: "ab", On: d.AddDays(40)}}},
			{Year: 2019, Title: "关于农村公路建设的建议", Status: zhenggai.PropMerged, MergedInto: 1, Signers: []zhenggai.ProposalSigner{{Name: "钟明"}}}},
	}
	_, err := st.ImportRegisters(ctx, b, nil)
	return err
}
