package cli

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"zhenggai/internal/store"
)

// On Windows, zhenggai runs as a service of the service manager (SCM):
// `service install` registers "zhenggai.exe serve --data … --addr …" to
// start with the machine under the LocalService account, and serve, started
// by the SCM, answers its control requests (service_windows.go). The parts
// here are the same on every system, so that they are tested everywhere.

const (
	defaultServiceName = "zhenggai"
	serviceDisplayName = "zhenggai 巡察整改"
	serviceDescription = "zhenggai 巡察整改管理：内网网页服务（整改台账、预警、销号、公布）。数据目录见命令行的 --data。"
	// serviceAccount runs the service: a built-in account with no rights
	// beyond those of a user, which install grants the data folder.
	serviceAccount = `NT AUTHORITY\LocalService`
	// serviceLog is the file in the data folder that a service writes what
	// serve prints on a console.
	serviceLog = "zhenggai.log"
)

// serviceSpec is what install writes into the service manager.
type serviceSpec struct {
	Name string
	Exe  string   // absolute path of the program
	Args []string // "serve" and its flags, data folder absolute
	Env  []string // NAME=VALUE, the service's own environment
	Data string   // absolute data folder, which the service account may write
	DSN  string   // the PostgreSQL database, if any
}

// envFlag collects repeated --env NAME=VALUE.
type envFlag []string

func (f *envFlag) String() string { return strings.Join(*f, " ") }

func (f *envFlag) Set(v string) error {
	name, _, ok := strings.Cut(v, "=")
	if !ok || name == "" || strings.ContainsAny(name, " \t") || strings.ContainsRune(v, 0) {
		return fmt.Errorf("应为 名称=值，例如 ZHENGGAI_SMTP_PASSWORD=…")
	}
	*f = append(*f, v)
	return nil
}

// installSpec reads the flags of service install: the service's own
// (--name, --env) and serve's, which become the service's command line.
// exe is this program, programData the machine's %ProgramData% folder and
// profile the current user's profile folder.
func installSpec(e *env, args []string, exe, programData, profile string) (*serviceSpec, error) {
	fs := flags(e, "service install", "[--name 服务名] [--env 名称=值]... [serve 的参数]\n\n"+
		"把 zhenggai 安装为 Windows 服务（开机自动启动，以 NT AUTHORITY\\LocalService 账号运行，出错退出后自动重启），\n"+
		"服务的命令行为 zhenggai.exe serve 加下列 serve 参数。须以管理员身份运行；先把程序复制到\n"+
		"C:\\Program Files\\zhenggai\\，并用 zhenggai user add 在数据目录中建好系统管理员。")
	name := fs.String("name", defaultServiceName, "服务名（一台电脑上装两套时用不同的服务名和数据目录）")
	var envs envFlag
	fs.Var(&envs, "env", "服务的环境变量 名称=值，可重复，如 ZHENGGAI_SMTP_PASSWORD=邮箱密码、PGPASSWORD=数据库密码、ZHENGGAI_CHROMIUM=浏览器路径")
	o := serveFlags(fs, filepath.Join(programData, "zhenggai"))
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return nil, exitError{2}
	}
	if err := checkServiceName(*name); err != nil {
		return nil, err
	}
	if _, _, err := o.check(); err != nil {
		return nil, err
	}
	if !filepath.IsAbs(exe) {
		return nil, fmt.Errorf("找不到本程序的完整路径（%s）", exe)
	}
	// The service account cannot read a user's profile: a program left in
	// Downloads or on the desktop would never start.
	if profile != "" && within(exe, profile) {
		return nil, fmt.Errorf("本程序在用户目录中（%s），服务账号读不到它。请先把它复制到 C:\\Program Files\\zhenggai\\zhenggai.exe，再从那里运行 service install", exe)
	}
	// The service starts in C:\Windows\System32: a relative folder would be
	// looked for there.
	data, err := filepath.Abs(*o.data)
	if err != nil {
		return nil, fmt.Errorf("数据目录 %s：%w", *o.data, err)
	}
	if profile != "" && within(data, profile) {
		return nil, fmt.Errorf("数据目录在用户目录中（%s），服务账号读不到它。请用 C:\\ProgramData\\zhenggai 这样的目录", data)
	}
	sp := &serviceSpec{Name: *name, Exe: exe, Env: envs, Data: data, DSN: *o.dsn,
		Args: []string{"serve", "--data=" + data}}
	// The flags given, in the =value form, so that a value starting with a
	// dash stays a value.
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "name", "env", "data":
			return
		}
		sp.Args = append(sp.Args, "--"+f.Name+"="+f.Value.String())
	})
	return sp, nil
}

// checkServiceName refuses what the service manager would refuse, or
// what would not do as a file name for its event log source.
func checkServiceName(name string) error {
	if name == "" || len(name) > 80 || strings.ContainsAny(name, `/\:*?"<>| `) {
		return fmt.Errorf("服务名 %q 不可用：请用字母、数字、减号或下划线，不超过80个字符", name)
	}
	return nil
}

// within says whether path is dir or inside it, as Windows compares
// paths: letters in any case.
func within(path, dir string) bool {
	rel, err := filepath.Rel(strings.ToLower(filepath.Clean(dir)), strings.ToLower(filepath.Clean(path)))
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// dataOfArgs finds the data folder in a service's command line (the
// arguments after the program), for the messages that name its log.
func dataOfArgs(args []string) string {
	for i, a := range args {
		switch {
		case strings.HasPrefix(a, "--data="):
			return strings.TrimPrefix(a, "--data=")
		case strings.HasPrefix(a, "-data="):
			return strings.TrimPrefix(a, "-data=")
		case (a == "--data" || a == "-data") && i+1 < len(args):
			return args[i+1]
		}
	}
	return ""
}

// serviceNameFlag parses the flags of uninstall, start, stop and status.
func serviceNameFlag(e *env, verb, what string, args []string) (string, error) {
	fs := flags(e, "service "+verb, "[--name 服务名]\n\n"+what)
	name := fs.String("name", defaultServiceName, "服务名")
	if err := fs.Parse(args); err != nil {
		return "", err
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return "", exitError{2}
	}
	return *name, checkServiceName(*name)
}

func serviceUsage(e *env) {
	fmt.Fprint(e.stderr, "用法：zhenggai service install|uninstall|start|stop|status [参数]\n\n"+
		"  install    安装为 Windows 服务（须以管理员身份运行；参数同 serve，另有 --name、--env）\n"+
		"  uninstall  停止并卸载服务（数据目录和备份不动）\n"+
		"  start      启动服务\n"+
		"  stop       停止服务\n"+
		"  status     显示服务的状态、命令行和日志文件\n\n"+
		"每个子命令加 --help 查看其参数。Linux 上用 systemd，见 README 的“正式使用”。\n")
}

func runService(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		serviceUsage(e)
		if len(args) == 0 {
			return exitError{2}
		}
		return nil
	}
	if !serviceSupported {
		return fmt.Errorf("zhenggai service 用于 Windows 服务管理器。Linux 上请用 systemd：仓库中的 deploy/zhenggai.service，步骤见 README 的“正式使用”")
	}
	verb, rest := args[0], args[1:]
	switch verb {
	case "install":
		exe, programData, profile, err := serviceHost()
		if err != nil {
			return err
		}
		sp, err := installSpec(e, rest, exe, programData, profile)
		if err != nil {
			return err
		}
		if ok, err := store.Exists(ctx, sp.Data, sp.DSN); err != nil {
			return err
		} else if !ok {
			db := ""
			if sp.DSN != "" {
				db = " --db …"
			}
			return fmt.Errorf("%s 中还没有数据，服务无法启动。请先建系统管理员：zhenggai user add admin --role admin --data %s%s",
				whereData(sp.Data, sp.DSN), sp.Data, db)
		}
		return serviceInstall(e, sp)
	case "uninstall":
		name, err := serviceNameFlag(e, verb, "停止并卸载服务。数据目录、日志和备份都不删除。", rest)
		if err != nil {
			return err
		}
		return serviceUninstall(e, name)
	case "start":
		name, err := serviceNameFlag(e, verb, "启动服务，等它开始接受访问或报告失败。", rest)
		if err != nil {
			return err
		}
		return serviceStart(e, name)
	case "stop":
		name, err := serviceNameFlag(e, verb, "停止服务，等正在处理的请求完成。", rest)
		if err != nil {
			return err
		}
		return serviceStop(e, name)
	case "status":
		name, err := serviceNameFlag(e, verb, "显示服务的状态、命令行和日志文件。", rest)
		if err != nil {
			return err
		}
		return serviceStatus(e, name)
	}
	fmt.Fprintf(e.stderr, "未知的 service 子命令 %q\n\n", verb)
	serviceUsage(e)
	return exitError{2}
}

// stampWriter starts every line with the local time, as a log does.
type stampWriter struct {
	mu  sync.Mutex
	w   io.Writer
	mid bool // within a line
}

func (s *stampWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	bw := bufio.NewWriter(s.w)
	for _, b := range p {
		if !s.mid {
			bw.WriteString(time.Now().Format("2006-01-02 15:04:05 "))
			s.mid = true
		}
		bw.WriteByte(b)
		if b == '\n' {
			s.mid = false
		}
	}
	if err := bw.Flush(); err != nil {
		return 0, err
	}
	return len(p), nil
}
