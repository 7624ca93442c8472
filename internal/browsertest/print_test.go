package browsertest_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"zhenggai/internal/browsertest"
)

// ledgerHeader is the ledger's header row as pdftotext -layout lays it
// out: the column names on one line, in order.
var ledgerHeader = regexp.MustCompile(`序号\s+问题类别\s+具体问题\s+整改措施\s+责任领导\s+责任委室\s+责任人\s+整改时限\s+整改进展\s+完成情况\s+备注`)

// TestPrintLedger: the unit's office prints the demo's ledger (97
// measures, 21 portrait pages before issue 13) from its 打印 button's
// stylesheet: A4 landscape pages, a handful of them, each starting with
// the header row, statuses as words, no menu or button; the round
// overview and a problem page print without menus or buttons either.
func TestPrintLedger(t *testing.T) {
	env, r, pw := demoEnv(t)
	srv := env.Serve(t, nil)
	b := browsertest.New(t, srv.URL)
	b.Size(1366, 768)
	b.SignIn("bangongshi", pw["bangongshi"])

	b.Visit(fmt.Sprintf("/rounds/%d/ledger", r.ID), "ledger")
	if !b.Has("h1 button[data-print]") {
		t.Fatal("the ledger has no 打印 button")
	}
	// The button opens the browser's print dialog (here a stand-in, since
	// a headless browser has no dialog).
	b.Eval(`window.print = () => { window.zgPrinted = true }`)
	b.Eval(`document.querySelector("h1 button[data-print]").click()`)
	if b.Eval(`window.zgPrinted === true`) != "true" {
		t.Error("the 打印 button does not open the print dialog")
	}
	pdf := savePDF(t, b.PrintPDF(), "ledger.pdf")
	sizes := pdfPageSizes(t, pdf)
	t.Logf("the ledger prints on %d pages", len(sizes))
	if len(sizes) == 0 || len(sizes) > 12 {
		t.Errorf("the ledger prints on %d pages, want 1 to 12", len(sizes))
	}
	for i, s := range sizes {
		if s[0] < 841 || s[0] > 843 || s[1] < 594 || s[1] > 596 {
			t.Errorf("page %d is %.2f×%.2f pt, want A4 landscape (841.89×595.28)", i+1, s[0], s[1])
		}
	}
	pages := pdfPages(t, pdf)
	for i, p := range pages {
		if !ledgerHeader.MatchString(p) {
			t.Errorf("page %d of the ledger has no header row:\n%.600s", i+1, p)
		}
	}
	all := strings.Join(pages, "\n")
	for _, want := range []string{"已完成", "基本完成", "向建国", "第 1 页"} {
		if !strings.Contains(all, want) {
			t.Errorf("the printed ledger lacks %q", want)
		}
	}
	noScreenOnly(t, "ledger", all)

	b.Visit(fmt.Sprintf("/rounds/%d", r.ID), "round")
	if !b.Has("h1 button[data-print]") {
		t.Error("the round overview has no 打印 button")
	}
	b.WaitFor("[data-chart=pie] canvas")
	all = strings.Join(pdfPages(t, savePDF(t, b.PrintPDF(), "round.pdf")), "\n")
	for _, want := range []string{"整改总览", "整改完成率", "预警措施"} {
		if !strings.Contains(all, want) {
			t.Errorf("the printed round overview lacks %q", want)
		}
	}
	noScreenOnly(t, "round overview", all)

	probs, err := env.Store.Problems(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	b.Visit(fmt.Sprintf("/problems/%d", probs[0].ID), "problem")
	if !b.Has(".actions button[data-print]") {
		t.Error("the problem page has no 打印 button")
	}
	all = strings.Join(pdfPages(t, savePDF(t, b.PrintPDF(), "problem.pdf")), "\n")
	for _, want := range []string{probs[0].Title, "整改措施", "整改进展"} {
		if !strings.Contains(strings.Join(strings.Fields(all), ""), strings.Join(strings.Fields(want), "")) {
			t.Errorf("the printed problem page lacks %q", want)
		}
	}
	noScreenOnly(t, "problem page", all)
}

// noScreenOnly fails when a printed page shows the menu or a button.
func noScreenOnly(t *testing.T, what, text string) {
	t.Helper()
	for _, not := range []string{"打印", "导出Excel", "退出", "修改密码", "巡察轮次", "报送进展", "修改记录"} {
		if strings.Contains(text, not) {
			t.Errorf("the printed %s shows %q", what, not)
		}
	}
}

// savePDF keeps a printed PDF beside the screenshots, for a person to
// look at.
func savePDF(t *testing.T, pdf []byte, name string) string {
	t.Helper()
	dir := os.Getenv("ZHENGGAI_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	f := filepath.Join(dir, name)
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("printed: %s", f)
	return f
}

// poppler runs one of poppler-utils' tools; the test fails, never skips,
// without it.
func poppler(t *testing.T, tool string, args ...string) string {
	t.Helper()
	path, err := exec.LookPath(tool)
	if err != nil {
		t.Fatalf("%s is not installed: apt-get install -y poppler-utils (as .ci/run does)", tool)
	}
	out, err := exec.Command(path, args...).Output()
	if err != nil {
		t.Fatalf("%s %v: %v", tool, args, err)
	}
	return string(out)
}

var pageSize = regexp.MustCompile(`(?m)^Page\s+\d+ size:\s+([0-9.]+) x ([0-9.]+) pts`)

// pdfPageSizes is each page's width and height in points.
func pdfPageSizes(t *testing.T, pdf string) [][2]float64 {
	t.Helper()
	var sizes [][2]float64
	for _, m := range pageSize.FindAllStringSubmatch(poppler(t, "pdfinfo", "-f", "1", "-l", "1000", pdf), -1) {
		w, _ := strconv.ParseFloat(m[1], 64)
		h, _ := strconv.ParseFloat(m[2], 64)
		sizes = append(sizes, [2]float64{w, h})
	}
	return sizes
}

// pdfPages is the text of each page, laid out as printed.
func pdfPages(t *testing.T, pdf string) []string {
	t.Helper()
	pages := strings.Split(poppler(t, "pdftotext", "-layout", pdf, "-"), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}
