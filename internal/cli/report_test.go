package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
	} {
		code, out, errs := run(t, "", append([]string{"report", "--data", data}, c.args...)...)
		if code != c.code || !strings.Contains(errs, c.msg) || out != "" {
			t.Errorf("%v: %d %q %q", c.args, code, errs, out)
		}
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
