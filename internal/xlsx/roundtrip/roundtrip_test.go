// Package roundtrip_test checks the ledger workbook against a real store: it
// lives apart from package xlsx so that the fuzzing build of xlsx does not
// instrument the SQLite driver.
package roundtrip_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhenggai"
	"zhenggai/internal/demo"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
	"zhenggai/internal/xlsx"
)

var today = zhenggai.NewDate(2020, 10, 28)

// seedLedger is the seed with the demo's owners, deadlines and progress.
func seedLedger(t testing.TB) (*store.Store, *zhenggai.Ledger, map[int64]*zhenggai.Progress) {
	t.Helper()
	env := testkit.Open(t)
	ctx := context.Background()
	r, err := demo.Load(ctx, env.Store, env.Files, today)
	if err != nil {
		t.Fatal(err)
	}
	return env.Store, ledgerOf(t, env.Store, r.ID), latestOf(t, env.Store, r.ID)
}

func ledgerOf(t testing.TB, st *store.Store, id int64) *zhenggai.Ledger {
	t.Helper()
	l, err := st.Ledger(context.Background(), id, today)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func latestOf(t testing.TB, st *store.Store, id int64) map[int64]*zhenggai.Progress {
	t.Helper()
	entries, err := st.Progress(context.Background(), id, 0)
	if err != nil {
		t.Fatal(err)
	}
	latest := map[int64]*zhenggai.Progress{}
	for _, p := range entries {
		if latest[p.MeasureID] == nil {
			latest[p.MeasureID] = p
		}
	}
	return latest
}

func export(t testing.TB, l *zhenggai.Ledger, latest map[int64]*zhenggai.Progress) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, l, latest); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// ledgerText is what a user compares between two ledgers: every category,
// problem and measure with its responsibilities, deadline, kind and status.
func ledgerText(l *zhenggai.Ledger) string {
	var b strings.Builder
	for _, c := range l.Categories {
		fmt.Fprintf(&b, "(%d)%s\n", c.Seq, c.Title)
		for _, p := range c.Problems {
			fmt.Fprintf(&b, "  %d.%s [%s]\n", p.Seq, p.Title, p.Status)
			for _, m := range p.Measures {
				fmt.Fprintf(&b, "    %d %s | %s | %s | %s | %s | %s | %s%s\n", m.Seq, m.Content, m.Leader, m.Office, m.Owner, m.Deadline, m.Kind, m.Status,
					outcomeText(m.RuleNames, m.Measure.Outcomes()))
			}
		}
	}
	return b.String()
}

func importedText(im *zhenggai.Imported) string {
	var b strings.Builder
	for _, c := range im.Categories {
		fmt.Fprintf(&b, "(%d)%s\n", c.Seq, c.Title)
		for _, p := range c.Problems {
			sts := []zhenggai.Status{}
			for _, m := range p.Measures {
				sts = append(sts, m.Status)
			}
			fmt.Fprintf(&b, "  %d.%s [%s]\n", p.Seq, p.Title, zhenggai.ProblemStatus(sts))
			for i, m := range p.Measures {
				fmt.Fprintf(&b, "    %d %s | %s | %s | %s | %s | %s | %s%s\n", i+1, m.Content, m.Leader, m.Office, m.Owner, m.Deadline, m.Kind, m.Status,
					outcomeText(m.RuleNames, zhenggai.Outcomes{RefundedFen: m.RefundedFen, RecoveredFen: m.RecoveredFen,
						SavedFen: m.SavedFen, Talks: m.Talks, Organisational: m.Organisational, Disciplinary: m.Disciplinary}))
			}
		}
	}
	return b.String()
}

// outcomeText is what a measure produced, when it records anything.
func outcomeText(rules []string, o zhenggai.Outcomes) string {
	o.Rules = len(rules)
	if o.IsZero() {
		return ""
	}
	return fmt.Sprintf(" | %q %s", rules, o.Sentence())
}

func TestRoundTripSeed(t *testing.T) {
	_, l, latest := seedLedger(t)
	if l.Summary.Problems != 38 || l.Summary.Categories != 14 {
		t.Fatalf("seed: %d categories, %d problems", l.Summary.Categories, l.Summary.Problems)
	}
	file := export(t, l, latest)
	im, err := xlsx.Parse(context.Background(), bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := importedText(im), ledgerText(l); got != want {
		t.Fatalf("exported then parsed:\n%s\nstore:\n%s", got, want)
	}
	r := l.Round
	want := zhenggai.ImportedRound{Inspector: r.Inspector, Unit: r.Unit, Kind: r.Kind, OnsiteStart: r.Onsite.Start,
		OnsiteEnd: r.Onsite.End, FeedbackDate: r.FeedbackDate}
	if im.Round != want {
		t.Errorf("round facts: %+v, want %+v", im.Round, want)
	}
	if im.Declared != r.Declared {
		t.Errorf("declared: %+v, want %+v", im.Declared, r.Declared)
	}
	// 整改进展 carries the newest entry, as the ledger page shows it.
	withProgress := 0
	for _, c := range im.Categories {
		for _, p := range c.Problems {
			for _, m := range p.Measures {
				if m.Progress != "" {
					withProgress++
					if !strings.Contains(m.Progress, "年") || !strings.Contains(m.Progress, "：") {
						t.Errorf("progress %q lacks its date", m.Progress)
					}
				}
			}
		}
	}
	if withProgress != len(latest) {
		t.Errorf("%d measures with progress, want %d", withProgress, len(latest))
	}

	// Imported into a fresh store, the export gives back the same ledger.
	env := testkit.Open(t)
	r2, err := env.Store.ImportRound(context.Background(), im, "")
	if err != nil {
		t.Fatal(err)
	}
	l2 := ledgerOf(t, env.Store, r2.ID)
	if got, want := ledgerText(l2), ledgerText(l); got != want {
		t.Fatalf("re-imported ledger:\n%s\nwant:\n%s", got, want)
	}
	if l2.Summary.ProblemCounts.CompletionRate() != l.Summary.ProblemCounts.CompletionRate() || len(l2.Summary.Mismatches) != len(l.Summary.Mismatches) {
		t.Errorf("summary differs: %+v vs %+v", l2.Summary, l.Summary)
	}
	// The demo's outcomes come back whole.
	if l2.Summary.Outcomes != l.Summary.Outcomes || strings.Join(l2.Summary.RuleNames, "、") != strings.Join(l.Summary.RuleNames, "、") ||
		l.Summary.Outcomes.Rules != 14 {
		t.Errorf("outcomes %+v %q, want %+v %q", l2.Summary.Outcomes, l2.Summary.RuleNames, l.Summary.Outcomes, l.Summary.RuleNames)
	}
	// 整改进展 comes back as a progress entry of the day it names.
	got := latestOf(t, env.Store, r2.ID)
	byKey := func(l *zhenggai.Ledger, latest map[int64]*zhenggai.Progress) map[string]string {
		out := map[string]string{}
		for _, c := range l.Categories {
			for _, p := range c.Problems {
				for _, m := range p.Measures {
					if e := latest[m.ID]; e != nil {
						out[fmt.Sprintf("%d-%d", p.Seq, m.Seq)] = e.Date.String() + " " + e.Content
					}
				}
			}
		}
		return out
	}
	a, b := byKey(l2, got), byKey(l, latest)
	if len(a) != len(b) || len(b) == 0 {
		t.Errorf("%d measures with progress after import, want %d", len(a), len(b))
	}
	for k, v := range b {
		if a[k] != v {
			t.Errorf("measure %s progress %q, want %q", k, a[k], v)
		}
	}
	// And exporting that again gives the same rows.
	im2, err := xlsx.Parse(context.Background(), bytes.NewReader(export(t, l2, nil)))
	if err != nil {
		t.Fatal(err)
	}
	if importedText(im2) != importedText(im) {
		t.Error("second round trip differs")
	}
}

// TestExportLayout checks what an office sees on opening the file: the
// title, the header, merged problem cells, dates shown the Chinese way,
// and the print setup.
func TestExportLayout(t *testing.T) {
	_, l, latest := seedLedger(t)
	f, err := excelize.OpenReader(bytes.NewReader(export(t, l, latest)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != xlsx.LedgerSheet || got[1] != xlsx.RoundSheet {
		t.Fatalf("sheets %v", got)
	}
	cell := func(ref string) string {
		v, err := f.GetCellValue(xlsx.LedgerSheet, ref)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if got := cell("A1"); got != "市委第七巡察组巡察桑植县政协党组反馈意见整改清单" {
		t.Errorf("title %q", got)
	}
	for i, c := range xlsx.Columns {
		ref, _ := excelize.CoordinatesToCellName(i+1, 2)
		if got := cell(ref); got != c {
			t.Errorf("header %s = %q, want %q", ref, got, c)
		}
	}
	if got := cell("B3"); !strings.HasPrefix(got, "（一）") {
		t.Errorf("first category %q", got)
	}
	if got := cell("H3"); !strings.Contains(got, "年") || !strings.HasSuffix(got, "日") {
		t.Errorf("deadline shown as %q, want 2020年…日", got)
	}
	merged, err := f.GetMergeCells(xlsx.LedgerSheet)
	if err != nil {
		t.Fatal(err)
	}
	cols := map[string]int{}
	for _, m := range merged {
		cols[m.GetStartAxis()[:1]]++
	}
	if cols["A"] == 0 || cols["B"] == 0 || cols["C"] == 0 {
		t.Errorf("merged cells per column %v: want 序号, 问题类别 and 具体问题 merged", cols)
	}
	pl, err := f.GetPageLayout(xlsx.LedgerSheet)
	if err != nil {
		t.Fatal(err)
	}
	if pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" {
		t.Errorf("page layout %+v, want A4 landscape", pl)
	}
	names := f.GetDefinedName()
	found := false
	for _, n := range names {
		if n.Name == "_xlnm.Print_Titles" && strings.Contains(n.RefersTo, "$1:$2") {
			found = true
		}
	}
	if !found {
		t.Errorf("no repeated header rows for print: %+v", names)
	}
}

// TestExportOutcomes: a round whose measures record outcomes gets the
// outcome columns after 备注, amounts as numbers of 元 that Excel can sum,
// rules one a line; the outcomes a report declared go on 巡察信息 and come
// back. A round without outcomes keeps the eleven columns.
func TestExportOutcomes(t *testing.T) {
	_, l, latest := seedLedger(t)
	lc := *l
	round := *l.Round
	round.Declared.Outcomes = zhenggai.Outcomes{Rules: 12, RefundedFen: 3_200_000, Talks: 5}
	lc.Round = &round
	file := export(t, &lc, latest)
	f, err := excelize.OpenReader(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(xlsx.LedgerSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[1][11:], "|"); got != "建立完善制度|清退违规资金（元）|追回资金（元）|挽回经济损失（元）|谈话提醒、批评教育（人）|组织处理（人）|党纪政务处分（人）" {
		t.Errorf("outcome headers %q", got)
	}
	byContent := map[string][]string{}
	for _, r := range rows[2:] {
		if len(r) > 11 {
			byContent[r[3]] = r[11:]
		}
	}
	for content, want := range map[string]string{
		"修订完善了《档案管理制度》。":           "《档案管理制度》",
		"修订完善了“三会一课”、党费收缴等党建工作制度。": "《“三会一课”制度》\n《党费收缴制度》",
		"认真反思,引以为戒。今后将严格执行各项财务、会议制度。会议一律不得购买纪念品。会议文件袋一律用塑料或纸质文件袋。": "|3860",
		"对报销手续不全等问题立行立改。今后,一定严格执行财务制度,报销手续不全的一律不得报销。":              "||2316.4",
		"认真清查退休干部返聘情况。1名相关同志已与聘任单位解除聘用协议,并向县委组织部备案。":               "|||||1", // 组织处理
	} {
		if got := strings.TrimRight(strings.Join(byContent[content], "|"), "|"); got != want {
			t.Errorf("%.20s…: outcome cells %q, want %q", content, got, want)
		}
	}
	// Excel sums the column: the round's refunds.
	if err := f.SetCellFormula(xlsx.LedgerSheet, "M200", "SUM(M3:M199)"); err != nil {
		t.Fatal(err)
	}
	if v, err := f.CalcCellValue(xlsx.LedgerSheet, "M200"); err != nil || v != "3860" {
		t.Errorf("SUM of 清退违规资金: %q %v", v, err)
	}
	im, err := xlsx.Parse(context.Background(), bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	if im.Declared.Outcomes != round.Declared.Outcomes {
		t.Errorf("declared outcomes read back as %+v, want %+v", im.Declared.Outcomes, round.Declared.Outcomes)
	}

	// The seed alone, without the demo's outcomes: the office's columns.
	env := testkit.Open(t)
	im, err = xlsx.Parse(context.Background(), bytes.NewReader(export(t, l, latest)))
	if err != nil {
		t.Fatal(err)
	}
	for ci := range im.Categories {
		for pi := range im.Categories[ci].Problems {
			for mi := range im.Categories[ci].Problems[pi].Measures {
				m := &im.Categories[ci].Problems[pi].Measures[mi]
				m.RuleNames, m.RefundedFen, m.RecoveredFen, m.Talks, m.Organisational = nil, 0, 0, 0, 0
			}
		}
	}
	r2, err := env.Store.ImportRound(context.Background(), im, "")
	if err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenReader(bytes.NewReader(export(t, ledgerOf(t, env.Store, r2.ID), nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	head, _ := g.GetRows(xlsx.LedgerSheet)
	if len(head[1]) != 11 || head[1][10] != "备注" {
		t.Errorf("a round without outcomes has headers %q", head[1])
	}
}
