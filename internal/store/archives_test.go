package store_test

import (
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/selfcheck"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// TestArchives: kinds merge over the defaults (a saved one changes its
// default, a voided one withdraws it); a file is entered and its slots
// filled by an upload, a paper original and a defective document; a
// second yearly file of a year and bad input are refused with nothing
// written; the catalogue's import updates and adds; the loader reads
// what the rules need; void; the log verifies.
func TestArchives(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, _, _ := seedRound(t, st)
		unit := r.UnitID
		kinds, err := st.ArchiveKinds(ctx, unit)
		if err != nil || len(kinds) != 5 || kinds[0].Code != zhenggai.KindElection {
			t.Fatalf("defaults %v %v", kinds, err)
		}
		// Change a default: the branches named.
		hb := kinds[1]
		hb.UnitID, hb.Holders = unit, []string{"机关党支部", "离退休干部党支部"}
		if err := st.SaveArchiveKind(ctx, &hb); err != nil || hb.ID == 0 {
			t.Fatalf("save kind: %v", err)
		}
		bad := zhenggai.ArchiveKind{UnitID: unit, Code: "Bad code", Name: "", Documents: nil}
		if err := st.SaveArchiveKind(ctx, &bad); err == nil || !strings.Contains(zhenggai.ErrorMessage(err), "类别代码") {
			t.Fatalf("bad kind: %v", err)
		}
		// Withdraw the minutes book.
		mb := kinds[4]
		mb.UnitID = unit
		if err := st.SaveArchiveKind(ctx, &mb); err != nil {
			t.Fatal(err)
		}
		if err := st.Void(ctx, "archive_kind", mb.ID, "本单位会议记录另行归档"); err != nil {
			t.Fatal(err)
		}
		kinds, _ = st.ArchiveKinds(ctx, unit)
		if len(kinds) != 4 || len(kinds[1].Holders) != 2 {
			t.Fatalf("merged %+v", kinds)
		}

		f := &zhenggai.ArchiveFile{UnitID: unit, Kind: zhenggai.KindElection, Title: "机关党委换届选举", EventOn: zhenggai.NewDate(2017, 10, 27)}
		if err := st.SaveArchiveFile(ctx, f); err != nil || f.Year != 2017 {
			t.Fatalf("file: %v %+v", err, f)
		}
		// Refused: no event day for an election; a slot the kind lacks;
		// a paper original without who checked it.
		if err := st.SaveArchiveFile(ctx, &zhenggai.ArchiveFile{UnitID: unit, Kind: zhenggai.KindElection, Year: 2018, Title: "换届"}); err == nil ||
			!strings.Contains(zhenggai.ErrorMessage(err), "事项日期") {
			t.Fatalf("no day: %v", err)
		}
		sum := strings.Repeat("ab", 32)
		if err := st.AddArchiveDocument(ctx, f.ID, &zhenggai.ArchiveDocument{Slot: "会议纪要", SHA256: sum, Name: "a.pdf"}); err == nil {
			t.Fatal("a slot the kind lacks accepted")
		}
		if err := st.AddArchiveDocument(ctx, f.ID, &zhenggai.ArchiveDocument{Slot: "选票", Paper: true, Place: "办公室"}); err == nil ||
			!strings.Contains(zhenggai.ErrorMessage(err), "核验人") {
			t.Fatalf("paper without checker: %v", err)
		}
		for _, d := range []*zhenggai.ArchiveDocument{
			{Slot: "请示", SHA256: sum, Name: "请示.pdf", Size: 9, ContentType: "application/pdf"},
			{Slot: "选票", Paper: true, Place: "办公室档案柜", CheckedBy: "覃丽", CheckedOn: zhenggai.NewDate(2020, 9, 1)},
			{Slot: "候选人名单", SHA256: sum, Name: "名单.pdf", Defect: "候选人名单信息缺失"},
		} {
			if err := st.AddArchiveDocument(ctx, f.ID, d); err != nil {
				t.Fatalf("%s: %v", d.Slot, err)
			}
		}
		got, err := st.ArchiveFile(ctx, f.ID)
		if err != nil || len(got.Documents) != 3 {
			t.Fatalf("read %+v %v", got, err)
		}
		missing, defects := got.Gaps(kinds[0])
		if zhenggai.JoinAnd(missing) != "批复和选举办法" || len(defects) != 1 {
			t.Fatalf("gaps %v %v", missing, defects)
		}

		// Yearly: one a year per branch.
		h := &zhenggai.ArchiveFile{UnitID: unit, Kind: zhenggai.KindBranchHandbook, Year: 2019, Holder: "机关党支部"}
		if err := st.SaveArchiveFile(ctx, h); err != nil {
			t.Fatal(err)
		}
		if err := st.SaveArchiveFile(ctx, &zhenggai.ArchiveFile{UnitID: unit, Kind: zhenggai.KindBranchHandbook, Year: 2019, Holder: "机关党支部"}); err == nil ||
			!strings.Contains(zhenggai.ErrorMessage(err), "不能重复登记") {
			t.Fatalf("twice: %v", err)
		}

		// The catalogue: the 2019 handbook again (paper recorded), 2020's new.
		added, updated, err := st.ImportArchiveCatalogue(ctx, unit, []store.ArchiveCatalogueRow{
			{Where: "第2行", File: &zhenggai.ArchiveFile{Kind: zhenggai.KindBranchHandbook, Year: 2019, Holder: "机关党支部", Note: "已补"},
				Paper: []string{"党支部工作手册"}, Place: "党建办", By: "覃丽", On: zhenggai.NewDate(2020, 9, 2)},
			{Where: "第3行", File: &zhenggai.ArchiveFile{Kind: zhenggai.KindBranchHandbook, Year: 2020, Holder: "机关党支部"}},
		}, false)
		if err != nil || added != 1 || updated != 1 {
			t.Fatalf("import %d %d %v", added, updated, err)
		}
		_, _, err = st.ImportArchiveCatalogue(ctx, unit, []store.ArchiveCatalogueRow{
			{Where: "第2行", File: &zhenggai.ArchiveFile{Kind: zhenggai.KindElection, Year: 2021}},
		}, false)
		if err == nil || !strings.Contains(zhenggai.ErrorMessage(err), "第2行") {
			t.Fatalf("bad row: %v", err)
		}
		h2, _ := st.ArchiveFile(ctx, h.ID)
		if h2.Note != "已补" || len(h2.Documents) != 1 || !h2.Documents[0].Paper {
			t.Fatalf("updated %+v", h2)
		}

		regs, err := st.RegistersFor(ctx, unit, zhenggai.Period{Start: zhenggai.NewDate(2016, 1, 1), End: zhenggai.NewDate(2020, 12, 31)}, selfcheck.NeedArchives)
		if err != nil || len(regs.ArchiveKinds) != 4 || len(regs.ArchiveFiles) != 3 {
			t.Fatalf("loaded %+v %v", regs, err)
		}
		if err := st.Void(ctx, "archive_file", f.ID, "重复登记"); err != nil {
			t.Fatal(err)
		}
		if fs, _ := st.ArchiveFiles(ctx, store.ArchiveFileQuery{UnitID: unit}); len(fs) != 2 {
			t.Fatalf("after void %d", len(fs))
		}
		mustVerify(t, st)
	})
}
