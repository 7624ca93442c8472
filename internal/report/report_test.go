package report_test

import (
	"bytes"
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/demo"
	"zhenggai/internal/report"
	"zhenggai/internal/sample"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
	"zhenggai/internal/textimport"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestMain(m *testing.M) { testkit.Main(m) }

// seedDate is the date of the seed report.
var seedDate = zhenggai.NewDate(2020, 10, 28)

var ctx = zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})

// demoRound loads the demo (the seed with sample progress) into env.
func demoRound(t testing.TB, env *testkit.Env) *zhenggai.Round {
	t.Helper()
	r, err := demo.Load(ctx, env.Store, env.Files, zhenggai.NewDate(2026, 11, 27))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// importedRound imports the seed text alone: no progress, no statuses.
func importedRound(t testing.TB, st *store.Store) *zhenggai.Round {
	t.Helper()
	im, err := textimport.Parse(sample.Sangzhi)
	if err != nil {
		t.Fatal(err)
	}
	r, err := st.ImportRound(ctx, im, "")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func build(t testing.TB, st *store.Store, id int64, d zhenggai.Date) *report.Report {
	t.Helper()
	rep, err := report.Build(ctx, st, id, d)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func render(t testing.TB, fn func(w io.Writer) error) string {
	t.Helper()
	var b bytes.Buffer
	if err := fn(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range max(len(gl), len(wl)) {
			g, w := "", ""
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs at line %d:\n got: %s\nwant: %s\n(run go test -update if the change is meant)", name, i+1, g, w)
			}
		}
	}
}

// The demo round's report in text and HTML, as of the seed's date.
func TestGoldenDemo(t *testing.T) {
	env := testkit.Open(t)
	r := demoRound(t, env)
	rep := build(t, env.Store, r.ID, seedDate)
	text := render(t, rep.Text)
	html := render(t, rep.HTML)
	md := render(t, rep.Markdown)
	golden(t, "demo.txt", text)
	golden(t, "demo.html", html)
	golden(t, "demo.md", md)
}

// What a reader of the seed checks first: the structure and the sentences.
func TestDemoReadsLikeTheSeed(t *testing.T) {
	env := testkit.Open(t)
	r := demoRound(t, env)
	text := render(t, build(t, env.Store, r.ID, seedDate).Text)
	for _, want := range []string{
		"根据市委统一部署，2020年5月11日至6月19日，市委第七巡察组对桑植县政协党组进行了巡察。2020年7月27日，市委巡察组向桑植县政协党组反馈了巡察意见。",
		"\n一、组织整改落实情况\n截至10月28日，巡察反馈的14个问题38个具体问题，已完成整改35个，基本完成整改3个。" +
			"通过整改，建立完善制度14项，清退违规资金3860元，追回资金2316.4元，谈话提醒、批评教育3人，组织处理1人。\n",
		"成立了党组书记为组长,其他班子成员为副组长,各委室负责人为成员的整改工作领导小组。",
		"先后召开党组会议5次、主席会议3次、全体党员大会1次",
		"\n二、巡察反馈问题整改进展情况\n（一）反馈问题：学习贯彻习近平新时代中国特色社会主义思想和党的十九大精神不深入。\n1.学习停留在表面,没有学深学透。\n整改情况：一是组织机关党员干部认真学习。",
		"\n（十四）反馈问题：选人用人问题解决不畅。\n",
		"\n38.退休领导干部兼职管理不到位。",
		"\n三、继续深化后续整改\n市委此次巡察是对桑植县政协工作的一次全面政治体检",
		"联系电话：0744—6223478；邮政信箱：桑植县行政中心818室；电子邮箱：296508598@qq.com。",
		"\n中共政协桑植县委员会党组\n2020年10月28日\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(text, "不予公开") {
		t.Error("nothing is withheld, yet the report says so")
	}
}

// The import keeps what the report says beyond its data, and the report
// generated from the round says it again: the paragraphs of sections 一
// and 三 and the signature, not the unit's short name.
func TestImportedTextsReused(t *testing.T) {
	env := testkit.Open(t)
	r := importedRound(t, env.Store)
	if r.ReportSignature != "中共政协桑植县委员会党组" || r.ReportSigned != zhenggai.NewDate(2020, 10, 28) {
		t.Fatalf("round %+v", r)
	}
	text := render(t, build(t, env.Store, r.ID, seedDate).Text)
	for _, want := range []string{
		"中共政协桑植县委员会党组关于巡察整改进展情况的通报\n",
		"\n(二)坚持问题导向,科学认真整改。",
		"\n三、继续深化后续整改\n市委此次巡察是对桑植县政协工作的一次全面政治体检",
		"\n中共政协桑植县委员会党组\n2020年10月28日\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	// A title of its own is the report's title.
	r.ReportTitle = "中共政协桑植县委员会党组关于市委第七巡察组反馈意见整改进展情况的通报"
	if err := env.Store.UpdateRound(ctx, r); err != nil {
		t.Fatal(err)
	}
	if text := render(t, build(t, env.Store, r.ID, seedDate).Text); !strings.HasPrefix(text, r.ReportTitle+"\n") {
		t.Errorf("title: %q", text[:120])
	}
}

// Import the seed, write its report, import that: the same round.
func TestRoundTripText(t *testing.T) {
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		r := importedRound(t, env.Store)
		first, err := textimport.Parse(sample.Sangzhi)
		if err != nil {
			t.Fatal(err)
		}
		rep := build(t, env.Store, r.ID, seedDate)
		again, err := textimport.Parse(render(t, rep.Text))
		if err != nil {
			t.Fatal(err)
		}
		if len(again.Warnings) > 0 {
			t.Errorf("warnings on re-import: %q", again.Warnings)
		}
		checkRoundTrip(t, again.Round, first.Round)
		compareTree(t, again, first, false)
		// Without progress the statuses are those stored: none started.
		d := again.Declared
		if d.AsOf != seedDate || d.Categories != 14 || d.Problems != 38 || d.Completed != 0 || d.BasicallyCompleted != 0 {
			t.Errorf("totals %+v, want 14 categories, 38 problems, none completed, as of %s", d, seedDate)
		}
		if rep.Totals.NotStarted != 38 {
			t.Errorf("not started %d, want 38", rep.Totals.NotStarted)
		}
	})
}

// The demo round (the seed with its progress entries) comes back with the
// seed's own totals: 35 completed, 3 basically completed.
func TestRoundTripDemo(t *testing.T) {
	env := testkit.Open(t)
	r := demoRound(t, env)
	first, _ := textimport.Parse(sample.Sangzhi)
	rep := build(t, env.Store, r.ID, seedDate)
	again, err := textimport.Parse(render(t, rep.Text))
	if err != nil {
		t.Fatal(err)
	}
	checkRoundTrip(t, again.Round, first.Round)
	// The seed states no outcomes; the report states the demo's. An
	// importer that reads them finds the figures the report computed.
	got, want := again.Declared, first.Declared
	read := got.Outcomes
	got.Outcomes, want.Outcomes = zhenggai.Outcomes{}, zhenggai.Outcomes{}
	if got != want {
		t.Errorf("totals %+v, want the seed's %+v", got, want)
	}
	if !read.IsZero() && read != rep.Outcomes {
		t.Errorf("outcomes read back as %+v, the report states %+v", read, rep.Outcomes)
	}
	compareTree(t, again, first, true)
}

// The sentence of outcomes is computed from every measure, withheld
// problems' included (as the totals count them), names only the figures
// that are not zero, and follows the totals in their paragraph; a round
// whose measures record none has no such sentence.
func TestOutcomesSentence(t *testing.T) {
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st := env.Store
		r := importedRound(t, st)
		rep := build(t, st, r.ID, seedDate)
		if rep.OutcomesSentence != "" || !rep.Outcomes.IsZero() || strings.Contains(render(t, rep.Text), "通过整改") {
			t.Fatalf("no outcomes recorded, yet the report states %q", rep.OutcomesSentence)
		}
		probs, err := st.Problems(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		set := func(p *zhenggai.Problem, i int, edit func(m *zhenggai.Measure)) {
			ms, err := st.ProblemMeasures(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			edit(ms[i])
			if err := st.UpdateMeasure(ctx, ms[i]); err != nil {
				t.Fatal(err)
			}
		}
		set(probs[13], 0, func(m *zhenggai.Measure) { m.RuleNames = []string{"档案管理制度"} }) // 14.修订完善了《档案管理制度》
		set(probs[33], 0, func(m *zhenggai.Measure) { m.RuleNames = []string{"财务管理制度", "档案管理制度"} })
		set(probs[32], 1, func(m *zhenggai.Measure) { m.RefundedFen = 1_000_000 })
		set(probs[21], 0, func(m *zhenggai.Measure) { m.RefundedFen, m.Disciplinary = 260_000, 2 })
		p := probs[21] // withheld: counted, not shown
		p.Withheld, p.WithheldReason = true, "涉及正在查办的案件"
		if err := st.UpdateProblem(ctx, p); err != nil {
			t.Fatal(err)
		}
		rep = build(t, st, r.ID, seedDate)
		want := "通过整改，建立完善制度2项，清退违规资金1.26万元，党纪政务处分2人。"
		if rep.OutcomesSentence != want {
			t.Errorf("sentence %q, want %q", rep.OutcomesSentence, want)
		}
		text := render(t, rep.Text)
		if !strings.Contains(text, "\n一、组织整改落实情况\n"+rep.TotalsSentence+want+"\n") {
			t.Errorf("the sentence does not follow the totals in section 一:\n%.400s", text)
		}
		for _, f := range []func(io.Writer) error{rep.HTML, rep.Markdown} {
			if !strings.Contains(render(t, f), want) {
				t.Error("HTML or Markdown lacks the sentence")
			}
		}
	})
}

// checkRoundTrip compares a round read back from its generated report with
// the round imported: the facts, and the texts the import kept, which the
// report writes again (section 一 and 三, the signature and its date); the
// seed has no title line, the report writes one.
func checkRoundTrip(t *testing.T, got, want zhenggai.ImportedRound) {
	t.Helper()
	if got.Facts() != want.Facts() {
		t.Errorf("round facts: %+v, want %+v", got.Facts(), want.Facts())
	}
	if got.LeadingGroup != want.LeadingGroup || got.Work != want.Work || got.FollowUp != want.FollowUp {
		t.Errorf("texts of sections 一 and 三:\n got %q %q %q\nwant %q %q %q", got.LeadingGroup, got.Work, got.FollowUp,
			want.LeadingGroup, want.Work, want.FollowUp)
	}
	if got.Signature != want.Signature || got.Signed != want.Signed {
		t.Errorf("signature %q %v, want %q %v", got.Signature, got.Signed, want.Signature, want.Signed)
	}
	if got.Title != want.Signature+"关于巡察整改进展情况的通报" {
		t.Errorf("title %q", got.Title)
	}
}

// compareTree checks categories, problems and measures. With progress, a
// measure not completed carries its latest progress after its content.
func compareTree(t *testing.T, got, want *zhenggai.Imported, progress bool) {
	t.Helper()
	if len(got.Categories) != len(want.Categories) {
		t.Fatalf("%d categories, want %d", len(got.Categories), len(want.Categories))
	}
	for i, gc := range got.Categories {
		wc := want.Categories[i]
		if gc.Seq != wc.Seq || gc.Title != wc.Title || len(gc.Problems) != len(wc.Problems) {
			t.Errorf("category %d: %d %q (%d problems), want %d %q (%d)", i, gc.Seq, gc.Title, len(gc.Problems), wc.Seq, wc.Title, len(wc.Problems))
			continue
		}
		for j, gp := range gc.Problems {
			wp := wc.Problems[j]
			if gp.Seq != wp.Seq || gp.Title != wp.Title {
				t.Errorf("problem %d: %q, want %d %q", gp.Seq, gp.Title, wp.Seq, wp.Title)
			}
			if len(gp.Measures) != len(wp.Measures) {
				t.Errorf("problem %d: %d measures, want %d", wp.Seq, len(gp.Measures), len(wp.Measures))
				continue
			}
			for k, gm := range gp.Measures {
				wm := wp.Measures[k]
				same := gm.Content == wm.Content
				if progress && !same {
					same = strings.HasPrefix(gm.Content, wm.Content) && strings.Contains(gm.Content, "主体工作已完成")
				}
				if !same || (!progress && gm.Kind != wm.Kind) {
					t.Errorf("problem %d measure %d: %q (%s), want %q (%s)", wp.Seq, k+1, gm.Content, gm.Kind, wm.Content, wm.Kind)
				}
			}
		}
	}
}

// Progress after the report's date does not count.
func TestStatusesAsOfTheDate(t *testing.T) {
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		r := demoRound(t, env)
		for _, c := range []struct {
			day  zhenggai.Date
			want report.Totals
			line string
		}{
			{zhenggai.NewDate(2020, 7, 30), report.Totals{Categories: 14, Problems: 38, NotStarted: 38},
				"截至7月30日，巡察反馈的14个问题38个具体问题，已完成整改0个，尚未启动整改38个。"},
			{zhenggai.NewDate(2020, 8, 20), report.Totals{Categories: 14, Problems: 38, InProgress: 38},
				"截至8月20日，巡察反馈的14个问题38个具体问题，已完成整改0个，正在整改38个。"},
			{seedDate, report.Totals{Categories: 14, Problems: 38, Completed: 35, BasicallyCompleted: 3},
				"截至10月28日，巡察反馈的14个问题38个具体问题，已完成整改35个，基本完成整改3个。"},
			{zhenggai.NewDate(2021, 3, 1), report.Totals{Categories: 14, Problems: 38, Completed: 35, BasicallyCompleted: 3},
				"截至2021年3月1日，巡察反馈的14个问题38个具体问题，已完成整改35个，基本完成整改3个。"},
		} {
			rep := build(t, env.Store, r.ID, c.day)
			if rep.Totals != c.want || rep.TotalsSentence != c.line {
				t.Errorf("as of %s: %+v %q, want %+v %q", c.day, rep.Totals, rep.TotalsSentence, c.want, c.line)
			}
			if rep.Date != c.day.Chinese() {
				t.Errorf("dated %q, want %q", rep.Date, c.day.Chinese())
			}
		}
		// Before the final report on problem 14, its measure shows the
		// first progress entry; after it, where the work stands.
		early := render(t, build(t, env.Store, r.ID, zhenggai.NewDate(2020, 8, 20)).Text)
		if !strings.Contains(early, "三是认真查找缺失的提案办理资料。已按整改方案启动，明确责任人和时限，正在推进。") {
			t.Error("an unfinished measure does not show its latest progress")
		}
	})
}

// A withheld problem is left out, counted, and its reason kept in the data.
func TestWithheldProblems(t *testing.T) {
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st := env.Store
		r := demoRound(t, env)
		probs, err := st.Problems(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		p := probs[21] // 22.“三重一大”讨论研究程序不到位
		p.Withheld = true
		if err := st.UpdateProblem(ctx, p); err == nil || zhenggai.ErrorCode(err) != zhenggai.EINVALID ||
			!strings.Contains(zhenggai.ErrorMessage(err), "不予公开的理由") {
			t.Fatalf("withheld without a reason: %v", err)
		}
		p.WithheldReason = "涉及正在查办的案件"
		if err := st.UpdateProblem(ctx, p); err != nil {
			t.Fatal(err)
		}
		stored, err := st.Problem(ctx, p.ID)
		if err != nil || !stored.Withheld || stored.WithheldReason != "涉及正在查办的案件" {
			t.Fatalf("stored %+v, %v", stored, err)
		}
		rep := build(t, st, r.ID, seedDate)
		text := render(t, rep.Text)
		html := render(t, rep.HTML)
		if strings.Contains(text, p.Title) || strings.Contains(html, p.Title) || strings.Contains(html, "problem-"+itoa(p.ID)+`"`) {
			t.Error("the withheld problem is in the report")
		}
		if !strings.Contains(text, "\n二、巡察反馈问题整改进展情况\n另有1个具体问题按规定不予公开。\n") || !strings.Contains(html, "另有1个具体问题按规定不予公开。") {
			t.Error("the report does not say that one problem is withheld")
		}
		if rep.Withheld != 1 || rep.Totals.Problems != 38 || !strings.Contains(text, "38个具体问题") {
			t.Errorf("withheld %d, totals %+v: the totals count every problem fed back", rep.Withheld, rep.Totals)
		}
		if !strings.Contains(html, `id="problem-`+itoa(probs[20].ID)+`"`) {
			t.Error("a published problem has no anchor")
		}
		// Published again: the reason goes, the problem comes back.
		stored.Withheld = false
		if err := st.UpdateProblem(ctx, stored); err != nil {
			t.Fatal(err)
		}
		if again, _ := st.Problem(ctx, p.ID); again.Withheld || again.WithheldReason != "" {
			t.Errorf("published again: %+v", again)
		}
		if !strings.Contains(render(t, build(t, st, r.ID, seedDate).Text), p.Title) {
			t.Error("the problem published again is not in the report")
		}
		rep2, err := st.VerifyAudit(ctx)
		if err != nil || !rep2.OK() {
			t.Fatalf("audit after withholding: %+v %v", rep2, err)
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// Without the round's texts the report has no paragraphs of its own: the
// totals, the problems, the contact invitation and the unit's name.
func TestReportWithoutTexts(t *testing.T) {
	env := testkit.Open(t)
	r := importedRound(t, env.Store)
	r.ReportLeadingGroup, r.ReportWork, r.ReportFollowUp, r.ReportSignature, r.ReportTitle = "", "", "", "", ""
	if err := env.Store.UpdateRound(ctx, r); err != nil {
		t.Fatal(err)
	}
	text := render(t, build(t, env.Store, r.ID, seedDate).Text)
	if strings.Contains(text, "三、继续深化后续整改") || strings.Contains(text, "联系电话") {
		t.Error("empty texts are written")
	}
	if !strings.HasSuffix(text, "\n桑植县政协党组\n2020年10月28日\n") {
		t.Errorf("signature: %q", text[len(text)-80:])
	}
	if !strings.HasPrefix(text, "桑植县政协党组关于巡察整改进展情况的通报\n") {
		t.Errorf("title: %q", text[:80])
	}
}

// TestSignedWithTheFullName: without a signature of its own or in the
// unit's settings, the report is signed with the unit's full name.
func TestSignedWithTheFullName(t *testing.T) {
	env := testkit.Open(t)
	r := importedRound(t, env.Store)
	r.ReportSignature = ""
	if err := env.Store.UpdateRound(ctx, r); err != nil {
		t.Fatal(err)
	}
	u, err := env.Store.Unit(ctx, r.UnitID)
	if err != nil {
		t.Fatal(err)
	}
	u.FullName = "中共政协桑植县委员会党组"
	if err := env.Store.SaveUnit(ctx, u); err != nil {
		t.Fatal(err)
	}
	text := render(t, build(t, env.Store, r.ID, seedDate).Text)
	if !strings.HasSuffix(text, "\n中共政协桑植县委员会党组\n2020年10月28日\n") {
		t.Errorf("signature: %q", text[len(text)-80:])
	}
}

func TestBuildRefuses(t *testing.T) {
	env := testkit.Open(t)
	if _, err := report.Build(ctx, env.Store, 999, seedDate); zhenggai.ErrorCode(err) != zhenggai.ENOTFOUND {
		t.Errorf("unknown round: %v", err)
	}
	r := importedRound(t, env.Store)
	if _, err := report.Build(ctx, env.Store, r.ID, zhenggai.Date{}); zhenggai.ErrorCode(err) != zhenggai.EINVALID {
		t.Errorf("no date: %v", err)
	}
	if _, err := report.Build(ctx, env.Store, r.ID, zhenggai.NewDate(2020, 2, 30)); zhenggai.ErrorCode(err) != zhenggai.EINVALID {
		t.Errorf("no such date: %v", err)
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]string{"text": "text", "txt": "text", "MD": "md", "markdown": "md", "html": "html", "docx": "docx", "pdf": "pdf"} {
		if f, err := report.ParseFormat(in); err != nil || f.Name != want {
			t.Errorf("%q: %v %v", in, f.Name, err)
		}
	}
	if _, err := report.ParseFormat("doc"); err == nil || !strings.Contains(zhenggai.ErrorMessage(err), "text、md、html、docx、pdf") {
		t.Errorf("doc: %v", err)
	}
}
