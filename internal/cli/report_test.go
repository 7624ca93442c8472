package cli_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zhenggai/internal/report"
)

func TestReportCommand(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	if code, _, errs := run(t, "", "import", "--data", data, seedFile(t)); code != 0 {
		t.Fatalf("import: %d %s", code, errs)
	}
	code, out, errs := run(t, "", "report", "--data", data, "--round", "1", "--date", "2020-10-28")
	if code != 0 {
		t.Fatalf("report: %d %s", code, errs)
	}
	if !strings.Contains(out, "\n一、组织整改落实情况\n截至10月28日，巡察反馈的14个问题38个具体问题，已完成整改0个，尚未启动整改38个。\n") ||
		!strings.Contains(out, "\n38.退休领导干部兼职管理不到位。") {
		t.Errorf("text report:\n%.600s", out)
	}
	file := filepath.Join(t.TempDir(), "报告.docx")
	if code, _, errs := run(t, "", "report", "--data", data, "--round", "1", "--date", "2020-10-28", "--format", "docx", "-o", file); code != 0 ||
		!strings.Contains(errs, "已生成") {
		t.Fatalf("docx: %d %s", code, errs)
	}
	if b, err := os.ReadFile(file); err != nil || !strings.HasPrefix(string(b), "PK") {
		t.Errorf("docx file: %v", err)
	}
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--date", "2020-10-28"}, 2, "--round"},
		{[]string{"--round", "1"}, 2, "--date"},
		{[]string{"--round", "1", "--date", "2020-10-32"}, 2, "日期格式"},
		{[]string{"--round", "1", "--date", "2020-10-28", "--format", "doc"}, 2, "不支持的报告格式"},
		{[]string{"--round", "9", "--date", "2020-10-28"}, 1, "巡察轮次"},
		// The seed's feedback was given on 27 July 2020.
		{[]string{"--round", "1", "--date", "2020-07-26"}, 1, "报告日期2020年7月26日早于巡察反馈日期2020年7月27日"},
		{[]string{"--round", "1", "--date", "2020-07-26", "--format", "docx", "-o", filepath.Join(t.TempDir(), "早.docx")}, 1, "早于巡察反馈日期"},
	} {
		code, out, errs := run(t, "", append([]string{"report", "--data", data}, c.args...)...)
		if code != c.code || !strings.Contains(errs, c.msg) || out != "" {
			t.Errorf("%v: %d %q %q", c.args, code, errs, out)
		}
	}
	// The feedback's own day may be reported on.
	if code, out, errs := run(t, "", "report", "--data", data, "--round", "1", "--date", "2020-07-27"); code != 0 ||
		!strings.Contains(out, "截至7月27日，巡察反馈的14个问题38个具体问题") {
		t.Errorf("on the feedback's day: %d %s", code, errs)
	}

	// A PDF: which faces stood in for the document's is said on the
	// terminal, not in the document.
	faces, err := report.InstalledFaces(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(t.TempDir(), "报告.pdf")
	code, _, errs = run(t, "", "report", "--data", data, "--round", "1", "--date", "2020-10-28", "--format", "pdf", "-o", pdf)
	if code != 0 || !strings.Contains(errs, "已生成") {
		t.Fatalf("pdf: %d %s", code, errs)
	}
	if note := report.FaceNote(faces); !strings.Contains(errs, note) || (note == "") == strings.Contains(errs, "PDF 字体") {
		t.Errorf("pdf: the note on faces is not %q: %s", note, errs)
	}
	if b, err := os.ReadFile(pdf); err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Errorf("pdf file: %v", err)
	}

	// An empty folder is not made into a database.
	empty := filepath.Join(t.TempDir(), "none")
	if code, _, errs := run(t, "", "report", "--data", empty, "--round", "1", "--date", "2020-10-28"); code != 1 || !strings.Contains(errs, "没有数据库") {
		t.Errorf("no data: %d %s", code, errs)
	}
	if _, err := os.Stat(empty); err == nil {
		t.Error("report created a data folder")
	}
}
