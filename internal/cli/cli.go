// Package cli is the command line: one file per subcommand, each with its
// own flag set. Messages for users are Chinese; flags and logs are English.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"zhenggai"
	"zhenggai/internal/attach"
	"zhenggai/internal/store"
)

// env is what every subcommand gets.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

type command struct {
	name, summary string
	run           func(ctx context.Context, e *env, args []string) error
}

var commands = []command{
	{"demo", "载入示例数据（桑植县政协党组巡察整改）并启动网页服务", runDemo},
	{"serve", "以已有数据目录启动网页服务", runServe},
	{"import", "导入整改进展情况报告（文本）或Excel整改台账（.xlsx）", runImport},
	{"export", "导出整改台账为Excel文件（.xlsx）", runExport},
	{"dues", "按中组发〔2008〕3号计算每月应交党费（如 76.50）", runDues},
	{"register", "登记簿（会议记录、财务凭证、党费……）：import 导入、export 导出", runRegister},
	{"check", "自查：用自查规则检查会议记录、财务凭证、党费，列出发现的问题", runCheck},
	{"report", "生成巡察轮次截至某日的整改进展情况报告：文本、Markdown、网页、Word（公文格式）或 PDF", runReport},
	{"user", "管理用户：add 新建（生成初始密码）、passwd 重置密码、list 列出", runUser},
	{"token", "API 令牌：create 创建、list 列出、revoke 撤销", runToken},
	{"backup", "备份数据目录（数据库和全部佐证材料）为一个 zip 文件，服务运行中也可备份", runBackup},
	{"restore", "把备份文件恢复到一个空的数据目录", runRestore},
	{"audit", "核对审计日志（verify）或列出修改记录（log）", runAudit},
	{"notify", "发送预警通知（预警颜色变化时各通知一次）和每日汇总（--digest）", runNotify},
	{"gen", "生成合成数据（县或省的规模，可重复的种子），用于压力测试和试用", runGen},
	{"migrate-data", "把整个系统（记录、审计日志、账号、佐证材料）复制到另一个数据库：SQLite 与 PostgreSQL 之间", runMigrateData},
	{"service", "Windows 服务：install 安装、uninstall 卸载、start 启动、stop 停止、status 状态", runService},
	{"version", "显示版本号", runVersion},
}

// exitError carries an exit code other than 1.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// Run runs the subcommand named by args[0] until it ends or the process
// is interrupted, and returns the exit code.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return RunContext(ctx, args, stdin, stdout, stderr)
}

// RunContext is Run with the caller's context: a server stops when it ends.
func RunContext(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	if args[0] == "--version" || args[0] == "-version" {
		args = append([]string{"version"}, args[1:]...)
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, e, args[1:])
		var ee exitError
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.As(err, &ee):
			return ee.code
		}
		fmt.Fprintln(stderr, "错误："+userMessage(err))
		return 1
	}
	fmt.Fprintf(stderr, "未知命令 %q\n\n", args[0])
	usage(stderr)
	return 2
}

// userMessage shows domain errors as they are and others in full: on the
// command line the user is the operator, who needs the detail.
func userMessage(err error) string {
	if zhenggai.ErrorCode(err) == zhenggai.EINTERNAL {
		return err.Error()
	}
	return zhenggai.ErrorMessage(err)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "zhenggai — 巡察整改管理\n\n用法：zhenggai 命令 [参数]\n\n命令：")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\n每个命令加 --help 查看其参数。")
}

// flags makes a subcommand's flag set that prints its usage to stderr.
func flags(e *env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "用法：zhenggai %s %s\n\n", name, synopsis)
		printDefaults(e.stderr, fs)
	}
	return fs
}

// printDefaults lists the flags as flag.PrintDefaults does, in Chinese.
func printDefaults(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		arg, usage := flag.UnquoteUsage(f)
		line := "  --" + f.Name
		if arg != "" {
			line += " " + map[string]string{"string": "值", "int": "整数", "duration": "时长", "value": "值", "float": "数"}[arg]
			if strings.HasSuffix(line, " ") {
				line += arg
			}
		}
		line += "\n    \t" + strings.ReplaceAll(usage, "\n", "\n    \t")
		if d := f.DefValue; d != "" && d != "false" && d != "0" && d != "[]" {
			line += "（默认 " + d + "）"
		}
		fmt.Fprintln(w, line)
	})
}

// dbUsage is the help of the --db flag of every command that opens data.
const dbUsage = "PostgreSQL 数据库地址，如 postgres://zhenggai:密码@127.0.0.1:5432/zhenggai" +
	"（默认用 --data 目录中的 SQLite 数据库；给了 --db 时 --data 目录只放佐证材料）"

// dataFlag adds --data, the installation's data folder, to a command's flags.
func dataFlag(fs *flag.FlagSet) *string {
	return fs.String("data", defaultData, "数据目录（数据库和佐证材料；用 --db 时只放佐证材料）")
}

// dbFlag adds --db to a command's flags.
func dbFlag(fs *flag.FlagSet) *string { return fs.String("db", "", dbUsage) }

// whereData names an installation's database for messages.
func whereData(dir, dsn string) string {
	if dsn != "" {
		return "数据库 " + store.RedactDSN(dsn)
	}
	return "数据目录 " + dir
}

// openStore opens the database of an installation: the SQLite database
// in the data folder dir, or with dsn the PostgreSQL database.
func openStore(ctx context.Context, dir, dsn string) (*store.Store, error) {
	st, err := store.Open(ctx, dir, dsn)
	if err != nil {
		return nil, fmt.Errorf("打开%s：%w", whereData(dir, dsn), err)
	}
	return st, nil
}

// openData opens the store and the attachment folder of an installation:
// the attachments are in the data folder dir whatever the database.
func openData(ctx context.Context, dir, dsn string) (*store.Store, *attach.Dir, error) {
	st, err := openStore(ctx, dir, dsn)
	if err != nil {
		return nil, nil, err
	}
	files, err := attach.Open(dir)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, files, nil
}
