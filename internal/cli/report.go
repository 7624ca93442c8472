package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strconv"

	"zhenggai"
	"zhenggai/internal/report"
)

func runReport(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "report", "[--data DIR] [--db URL] --round ID --date YYYY-MM-DD [--format text|md|html|docx|pdf] [-o FILE]\n\n"+
		"生成巡察轮次截至某日的整改进展情况报告（公布稿），结构同公开发布的进展情况报告。不予公开的具体问题不列入正文，只说明个数。\n"+
		"不指定 -o 时写到标准输出。PDF 由 Chromium 浏览器生成（apt-get install chromium fonts-noto-cjk）。")
	data := dataFlag(fs)
	dsn := dbFlag(fs)
	roundFlag := fs.String("round", "", "巡察轮次的编号（页面地址 /rounds/编号 中的数字）")
	dateFlag := fs.String("date", "", "报告日期，写作 2020-10-28：此后的整改进展不计入")
	formatFlag := fs.String("format", "text", "格式：text（文本）、md（Markdown）、html（网页）、docx（Word，公文格式）或 pdf")
	out := fs.String("o", "", "输出文件（不给时输出到标准输出）")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return exitError{2}
	}
	id, err := strconv.ParseInt(*roundFlag, 10, 64)
	if err != nil || id <= 0 {
		fmt.Fprintln(e.stderr, "请用 --round 指定巡察轮次编号（正整数）。")
		return exitError{2}
	}
	if *dateFlag == "" {
		fmt.Fprintln(e.stderr, "请用 --date 指定报告日期，如 --date 2020-10-28。")
		return exitError{2}
	}
	asOf, err := zhenggai.ParseDate(*dateFlag)
	if err != nil || !asOf.Valid() {
		fmt.Fprintf(e.stderr, "报告日期 %q 不正确：日期格式应为 2020-10-28。\n", *dateFlag)
		return exitError{2}
	}
	format, err := report.ParseFormat(*formatFlag)
	if err != nil {
		fmt.Fprintln(e.stderr, zhenggai.ErrorMessage(err))
		return exitError{2}
	}
	st, err := openAudited(ctx, *data, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	rep, err := report.Build(ctx, st, id, asOf)
	if err != nil {
		return err
	}
	// Render fully first: a failure leaves no half-written file behind.
	var buf bytes.Buffer
	faces, err := rep.WriteFaces(ctx, &buf, format)
	if err != nil {
		return err
	}
	// Which faces stood in for the document's goes to the terminal, never
	// into the document.
	note := report.FaceNote(faces)
	if *out == "" {
		if _, err := e.stdout.Write(buf.Bytes()); err != nil {
			return err
		}
		if note != "" {
			fmt.Fprintln(e.stderr, note)
		}
		return nil
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("写入 %s：%w", *out, err)
	}
	fmt.Fprintf(e.stderr, "已生成 %s（%s，截至%s，%d字节）。\n", *out, format.Label, asOf.Chinese(), buf.Len())
	if note != "" {
		fmt.Fprintln(e.stderr, note)
	}
	return nil
}
