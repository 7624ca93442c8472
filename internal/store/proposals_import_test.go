package store_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/sheet"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// seedSessionRows are the seed's 九届四次 as an office's list: 79
// received, 15 merged into others, 2 turned into 社情民意, 62 registered,
// assigned, answered and closed with a satisfied form.
func seedSessionRows() []store.ProposalImportRow {
	var rows []store.ProposalImportRow
	add := func(p *zhenggai.Proposal, merged string) {
		p.Session, p.Year, p.Timing, p.Source, p.Public = "九届四次", 2020, zhenggai.TimingSession, zhenggai.SourceMember, true
		p.Number = fmt.Sprint(len(rows) + 1)
		p.Title = "关于第" + p.Number + "件事的建议"
		p.SubmittedOn = zhenggai.NewDate(2020, 1, 8)
		if len(p.Signers) == 0 {
			p.Signers = []zhenggai.ProposalSigner{{Seq: 1, Name: "王明"}, {Seq: 2, Name: "李 华"}}
		}
		rows = append(rows, store.ProposalImportRow{Sheet: "提案", Row: len(rows) + 3, P: p, MergedNumber: merged})
	}
	for range 62 {
		assigned := zhenggai.NewDate(2020, 2, 10)
		p := &zhenggai.Proposal{Status: zhenggai.PropDone, AssignedOn: assigned, DueOn: zhenggai.NewDate(2020, 5, 10), Class: "A",
			DoneOn: zhenggai.NewDate(2020, 6, 1),
			Handlers: []zhenggai.ProposalAssignment{{Handler: "县水利局", Role: zhenggai.HandlerLead, AssignedOn: assigned},
				{Handler: "县财政局", Role: zhenggai.HandlerCo, AssignedOn: assigned}},
			Replies:  []zhenggai.ProposalReply{{Round: 1, RepliedOn: zhenggai.NewDate(2020, 4, 30), Class: "A", Approved: true}},
			Feedback: []zhenggai.ProposalFeedback{{Round: 1, Name: "王明", Result: zhenggai.FeedbackSatisfied, ReturnedOn: zhenggai.NewDate(2020, 6, 1)}}}
		add(p, "")
	}
	for i := range 15 {
		add(&zhenggai.Proposal{Status: zhenggai.PropMerged}, fmt.Sprint(i+1))
	}
	for range 2 {
		add(&zhenggai.Proposal{Status: zhenggai.PropConverted, ConvertedTo: "社情民意"}, "")
	}
	return rows
}

func TestImportProposals(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, _, _ := seedRound(t, st)
		for _, name := range []string{"王明", "李华"} {
			if err := st.SavePerson(ctx, &zhenggai.Person{UnitID: r.UnitID, Name: name, Kind: zhenggai.PersonCPPCC}); err != nil {
				t.Fatal(err)
			}
		}
		// The water bureau is a unit of the installation, named in the list by an alias; the finance bureau is not.
		water := &zhenggai.Unit{Name: "桑植县水利局", Aliases: []string{"县水利局"}}
		if err := st.SaveUnit(ctx, water); err != nil {
			t.Fatal(err)
		}
		im := &store.ProposalImport{UnitID: r.UnitID, FileName: "九届四次提案.xlsx", SHA256: strings.Repeat("ab", 32), Rows: seedSessionRows(), DryRun: true}
		res, err := st.ImportProposals(ctx, im)
		if err != nil {
			t.Fatal(err)
		}
		if !res.DryRun || res.Proposals != 79 || res.Registered != 62 || res.Merged != 15 || res.Converted != 2 || res.ID != 0 {
			t.Fatalf("dry run %+v", res)
		}
		sc := store.ProposalScope{Session: "九届四次"}
		if got, err := st.ProposalCounts(ctx, r.UnitID, sc); err != nil || got.Received != 0 {
			t.Fatalf("a dry run wrote: %+v %v", got, err)
		}
		im.DryRun = false
		res, err = st.ImportProposals(ctx, im)
		if err != nil {
			t.Fatal(err)
		}
		if res.ID == 0 || res.Matched != 79*2 || len(res.Unmatched) != 0 || !strings.Contains(res.String(), "已导入提案79件（九届四次）") {
			t.Fatalf("import %+v: %s", res, res)
		}
		if res.HandlersMatched != 62 || strings.Join(res.OtherHandlers, ",") != "县财政局" ||
			!strings.Contains(res.String(), "以下承办单位不是本系统中的单位，按名称登记（其答复由提案委录入）：县财政局") {
			t.Errorf("handlers %d, %q: %s", res.HandlersMatched, res.OtherHandlers, res)
		}
		if ok, err := st.HandlesProposals(ctx, water.ID); !ok || err != nil {
			t.Errorf("the water bureau does not handle the imported proposals: %v %v", ok, err)
		}
		got, err := st.ProposalCounts(ctx, r.UnitID, sc)
		if err != nil {
			t.Fatal(err)
		}
		want := zhenggai.ProposalStats{Scope: "九届四次会议", Received: 79, Converted: 2, Merged: 15, Registered: 62, Replied: 62, OnTime: 62,
			ClassA: 62, Done: 62, Forms: 62, Satisfied: 62}
		if got != want {
			t.Fatalf("counts %+v\nwant   %+v", got, want)
		}
		if s := got.Sentences()[0]; s != "九届四次会议共收到提案79件，经提案委员会审查，转一般性意见2件，并案后实际立案62件。" {
			t.Errorf("sentence %q", s)
		}

		// The list back: merged ones name their main case, signers their persons.
		sheetRows, err := st.ProposalsForSheet(ctx, r.UnitID, sc)
		if err != nil {
			t.Fatal(err)
		}
		if len(sheetRows) != 79 {
			t.Fatalf("%d rows back", len(sheetRows))
		}
		first, merged := sheetRows[0].P, sheetRows[62]
		if len(first.Signers) != 2 || first.Signers[1].Name != "李华" || first.Signers[1].PersonID == 0 || len(first.Handlers) != 2 ||
			len(first.Replies) != 1 || len(first.Feedback) != 1 || first.Feedback[0].PersonID != first.Signers[0].PersonID {
			t.Errorf("first back %+v", first)
		}
		if merged.P.Status != zhenggai.PropMerged || merged.MergedNumber != "1" {
			t.Errorf("merged back %+v (%q)", merged.P, merged.MergedNumber)
		}

		// A re-import of the session is refused, naming each row; nothing written.
		_, err = st.ImportProposals(ctx, &store.ProposalImport{UnitID: r.UnitID, FileName: "again.xlsx", Rows: seedSessionRows()})
		var rej *sheet.Rejected
		if !errors.As(err, &rej) || len(rej.Rows) != 79 || !strings.Contains(err.Error(), "九届四次第1号已在提案登记簿中") ||
			!strings.Contains(err.Error(), "第3行") {
			t.Fatalf("re-import: %v", err)
		}
		if got2, _ := st.ProposalCounts(ctx, r.UnitID, sc); got2 != got {
			t.Fatalf("a refused import wrote: %+v", got2)
		}

		// The audit: one import record, every proposal and its rows logged.
		entries := map[string]int{}
		err = st.AuditEntries(context.Background(), store.AuditQuery{}, func(e *store.AuditEntry) error {
			entries[e.Entity]++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if entries["proposal_imports"] != 1 || entries["proposals"] != 79 || entries["proposal_signers"] != 158 ||
			entries["proposal_replies"] != 62 || entries["proposal_feedback"] != 62 || entries["proposal_assignments"] != 124 {
			t.Errorf("audit entries %v", entries)
		}
	})
}

func TestImportProposalsRefused(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, _, _ := seedRound(t, st)
		for _, name := range []string{"王明", "王明", "李华"} {
			if err := st.SavePerson(ctx, &zhenggai.Person{UnitID: r.UnitID, Name: name, Kind: zhenggai.PersonCPPCC, Note: "同名"}); err != nil {
				t.Fatal(err)
			}
		}
		row := func(n int, number string, signers ...string) store.ProposalImportRow {
			p := &zhenggai.Proposal{Session: "九届四次", Year: 2020, Number: number, Title: "题", Source: zhenggai.SourceMember,
				Status: zhenggai.PropRegistered, Timing: zhenggai.TimingSession}
			for i, s := range signers {
				p.Signers = append(p.Signers, zhenggai.ProposalSigner{Seq: i + 1, Name: s})
			}
			return store.ProposalImportRow{Sheet: "提案", Row: n, P: p}
		}
		merged := row(5, "3", "李华")
		merged.P.Status, merged.MergedNumber = zhenggai.PropMerged, "9"
		self := row(6, "4", "李华")
		self.P.Status, self.MergedNumber = zhenggai.PropMerged, "4"
		rows := []store.ProposalImportRow{row(2, "1", "王明"), row(3, "2", "李华", "赵强"), row(4, "2", "李华"), merged, self}
		_, err := st.ImportProposals(ctx, &store.ProposalImport{UnitID: r.UnitID, Rows: rows})
		var rej *sheet.Rejected
		if !errors.As(err, &rej) {
			t.Fatalf("not refused: %v", err)
		}
		for _, want := range []string{"第2行", "本单位有两名“王明”", "第4行", "九届四次第2号与第3行重复", "第5行", "并入的九届四次第9号不在名单中",
			"第6行", "提案不能并入自身"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("message lacks %q:\n%v", want, err)
			}
		}
		if strings.Contains(err.Error(), "提案第3行") {
			t.Errorf("a good row named:\n%v", err)
		}
		if got, _ := st.ProposalCounts(ctx, r.UnitID, store.ProposalScope{Session: "九届四次"}); got.Received != 0 {
			t.Errorf("a refused import wrote %+v", got)
		}
		// A name not on the roster stays a name and is reported.
		res, err := st.ImportProposals(ctx, &store.ProposalImport{UnitID: r.UnitID, Rows: []store.ProposalImportRow{row(3, "2", "李华", "赵强")}})
		if err != nil {
			t.Fatal(err)
		}
		if res.Matched != 1 || len(res.Unmatched) != 1 || res.Unmatched[0] != "赵强" || !strings.Contains(res.String(), "赵强") {
			t.Errorf("result %+v", res)
		}
	})
}
