package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/textimport"
	"zhenggai/internal/xlsx"
)

// maxReport bounds a report file: the seed is 23 KB.
const maxReport = 8 << 20

func runImport(ctx context.Context, e *env, args []string) (err error) {
	fs := flags(e, "import", "[--data DIR] [--db URL] [--dry-run] [--json] [--inspector 巡察组 --unit 单位 ...] FILE\n\n"+
		"FILE 为整改进展情况报告的文本文件（UTF-8），- 表示标准输入；以 .xlsx 结尾的为Excel整改台账。\n"+
		"台账中任何一行有错，则逐行列出错误，不导入任何内容。台账没有“巡察信息”表时，用 --inspector、--unit 等给出巡察情况。")
	data := dataFlag(fs)
	dsn := dbFlag(fs)
	dry := fs.Bool("dry-run", false, "试运行：只显示识别结果，不写入任何数据")
	asJSON := fs.Bool("json", false, "以 JSON 格式输出识别结果")
	var given zhenggai.ImportedRound
	fs.StringVar(&given.Inspector, "inspector", "", "巡察组，替换文件中的写法")
	fs.StringVar(&given.Unit, "unit", "", "被巡察单位，替换文件中的写法")
	parent := fs.String("parent", "", "被巡察单位尚未登记时，登记在哪个上级单位（巡察办）之下，写其名称")
	kind := fs.String("kind", "", "类型：巡察、巡视或自查")
	feedback := fs.String("feedback-date", "", "反馈日期，写作 2020-07-27")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitError{2}
	}
	if *kind != "" {
		if given.Kind = zhenggai.Kind(*kind); !given.Kind.Valid() {
			return zhenggai.Errorf(zhenggai.EINVALID, "--kind 应为巡察、巡视或自查")
		}
	}
	if given.FeedbackDate, err = zhenggai.ParseDate(*feedback); err != nil || !given.FeedbackDate.Valid() {
		return zhenggai.Errorf(zhenggai.EINVALID, "--feedback-date 应写作 2020-07-27")
	}
	var im *zhenggai.Imported
	if isWorkbook(fs.Arg(0)) {
		im, err = readWorkbook(ctx, e, fs.Arg(0), *asJSON)
	} else {
		var text string
		if text, err = readReport(e, fs.Arg(0)); err == nil {
			im, err = textimport.ParseContext(ctx, text)
		}
	}
	if err != nil {
		return err
	}
	xlsx.Supply(im, given)
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(im); err != nil {
			return err
		}
	} else {
		printImported(e.stdout, im)
	}
	if *dry {
		fmt.Fprintln(e.stderr, "试运行：未写入任何数据。")
		return nil
	}
	st, err := openStore(ctx, *data, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	// One transaction gives no steps to count; a large ledger (10,000
	// rows take seconds) at least says what it is doing.
	if n := measureCount(im); n >= quietBelow {
		fmt.Fprintf(e.stderr, "正在写入%d项整改措施，请稍候……\n", n)
	}
	place, err := placeImport(ctx, e, st, im.Round, *parent)
	if err != nil {
		return err
	}
	r, err := st.ImportRoundAt(zhenggai.WithActor(ctx, importActor()), im, "", place)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "已导入为巡察轮次 #%d（%s）。\n", r.ID, whereData(*data, *dsn))
	return nil
}

// placeImport finds the unit a report names by any of its names; an
// unknown one goes under the office --parent names, or, without it, at
// the top, which the command says: no inspection office sees such a unit
// until it is placed under one.
func placeImport(ctx context.Context, e *env, st *store.Store, ir zhenggai.ImportedRound, parent string) (*zhenggai.UnitPlace, error) {
	var c zhenggai.UnitChoice
	if parent != "" {
		p, err := st.UnitNamed(ctx, parent)
		if err != nil {
			return nil, zhenggai.Errorf(zhenggai.EINVALID, "--parent：没有名为“%s”的单位", parent)
		}
		c.ParentID = p.ID
	}
	place, err := st.PlaceRound(ctx, nil, ir.Unit, ir.Signature, c)
	if err == nil && place.UnitID == 0 && place.ParentID == 0 {
		fmt.Fprintf(e.stderr, "注意：被巡察单位“%s”尚未登记，现登记为最上级单位。巡察办要查看它，请在“单位管理”中设定其上级单位，或导入时用 --parent 指定。\n",
			strings.TrimSpace(ir.Unit))
	}
	return place, err
}

func measureCount(im *zhenggai.Imported) int {
	n := 0
	for _, c := range im.Categories {
		for _, p := range c.Problems {
			n += len(p.Measures)
		}
	}
	return n
}

// importActor is who an import from the command line is recorded as made
// by: "cli:import", with the operating system's user when known
// ("cli:import:wang").
func importActor() zhenggai.Actor {
	a := zhenggai.Actor{Name: "cli:import", Via: "cli"}
	if u, err := user.Current(); err == nil && u.Username != "" {
		a.Name += ":" + u.Username
	}
	return a
}

// isWorkbook: an Excel ledger is known by its name.
func isWorkbook(name string) bool { return strings.EqualFold(filepath.Ext(name), ".xlsx") }

// readWorkbook reads an Excel ledger. Bad rows are listed one a line on
// stderr, all of them, before the error that ends the command; with
// asJSON also on stdout as {"errors": [{sheet, row, column, reason}]}.
func readWorkbook(ctx context.Context, e *env, name string, asJSON bool) (*zhenggai.Imported, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("无法打开文件 %s：%w", name, err)
	}
	defer f.Close()
	im, err := xlsx.Parse(ctx, f)
	var rej *xlsx.Rejected
	if errors.As(err, &rej) {
		fmt.Fprintf(e.stderr, "%s 中有%d处错误：\n", name, len(rej.Rows))
		for _, r := range rej.Rows {
			fmt.Fprintln(e.stderr, "  "+r.String())
		}
		if asJSON {
			enc := json.NewEncoder(e.stdout)
			enc.SetIndent("", "  ")
			if err := enc.Encode(map[string]any{"errors": rej.Rows}); err != nil {
				return nil, err
			}
		}
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "台账有错误，未导入任何内容；请改正以上各行后重新导入")
	}
	return im, err
}

func readReport(e *env, name string) (string, error) {
	var r io.Reader = e.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return "", fmt.Errorf("无法打开文件 %s：%w", name, err)
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxReport+1))
	if err != nil {
		return "", fmt.Errorf("读取 %s：%w", name, err)
	}
	if len(b) > maxReport {
		return "", zhenggai.Errorf(zhenggai.EINVALID, "文件 %s 过大（最大8MB），不像是整改进展情况报告", name)
	}
	if !utf8.Valid(b) {
		return "", zhenggai.Errorf(zhenggai.EINVALID, "文件 %s 不是UTF-8编码的文本；请在记事本或Word中“另存为”UTF-8文本后再导入", name)
	}
	return string(b), nil
}

// printImported is the human summary of what a report contains.
func printImported(w io.Writer, im *zhenggai.Imported) {
	r := im.Round
	fmt.Fprintf(w, "巡察组：%s\n被巡察单位：%s\n类型：%s\n", r.Inspector, r.Unit, r.Kind)
	if p := r.Onsite().Chinese(); p != "" {
		fmt.Fprintf(w, "进驻时间：%s\n", p)
	}
	if !r.FeedbackDate.IsZero() {
		fmt.Fprintf(w, "反馈日期：%s\n", r.FeedbackDate.Chinese())
	}
	measures := 0
	for _, c := range im.Categories {
		for _, p := range c.Problems {
			measures += len(p.Measures)
		}
	}
	fmt.Fprintf(w, "解析结果：%d个问题类别，%d个具体问题，%d项整改措施\n", len(im.Categories), im.ProblemCount(), measures)
	if d := im.Declared; !d.IsZero() {
		fmt.Fprintf(w, "报告公布：%d个问题%d个具体问题，已完成整改%d个，基本完成整改%d个", d.Categories, d.Problems, d.Completed, d.BasicallyCompleted)
		if d.InProgress > 0 {
			fmt.Fprintf(w, "，正在整改%d个", d.InProgress)
		}
		if d.NotCompleted > 0 {
			fmt.Fprintf(w, "，未完成%d个", d.NotCompleted)
		}
		if d.Measures > 0 {
			fmt.Fprintf(w, "，整改措施%d项", d.Measures)
		}
		fmt.Fprintln(w)
		if o := d.Outcomes; !o.IsZero() {
			fmt.Fprintf(w, "公布的整改成效：%s\n", o.Sentence())
		}
	}
	if r := im.Round; r.Title != "" {
		fmt.Fprintf(w, "报告标题：%s\n", r.Title)
	}
	if r := im.Round; r.Signature != "" || !r.Signed.IsZero() {
		signed := ""
		if !r.Signed.IsZero() {
			signed = r.Signed.Chinese()
		}
		fmt.Fprintf(w, "落款：%s %s\n", r.Signature, signed)
	}
	for _, warn := range im.Warnings {
		fmt.Fprintln(w, "提示："+warn)
	}
}
