//go:build windows

package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"
	"golang.org/x/sys/windows/svc"
	"golang.org/x/sys/windows/svc/eventlog"
	"golang.org/x/sys/windows/svc/mgr"
)

const serviceSupported = true

// isWindowsService says whether the service manager started this process.
func isWindowsService() bool {
	ok, err := svc.IsWindowsService()
	return err == nil && ok
}

// serviceHost is this program's path, %ProgramData% and the user's profile.
func serviceHost() (exe, programData, profile string, err error) {
	exe, err = os.Executable()
	if err != nil {
		return "", "", "", fmt.Errorf("找不到本程序的路径：%w", err)
	}
	if p, err := filepath.EvalSymlinks(exe); err == nil {
		exe = p
	}
	programData = os.Getenv("ProgramData")
	if programData == "" {
		programData = `C:\ProgramData`
	}
	return exe, programData, os.Getenv("USERPROFILE"), nil
}

// connect opens the service manager, saying in Chinese what a refusal means.
func connect() (*mgr.Mgr, error) {
	m, err := mgr.Connect()
	if err != nil {
		return nil, adminError("连接服务管理器", err)
	}
	return m, nil
}

func adminError(what string, err error) error {
	if errors.Is(err, windows.ERROR_ACCESS_DENIED) {
		return fmt.Errorf("%s被拒绝：请在“以管理员身份运行”的命令提示符或 PowerShell 中执行", what)
	}
	return fmt.Errorf("%s：%w", what, err)
}

// withService runs fn on the installed service name, opened through the
// service manager and closed after.
func withService(name string, fn func(s *mgr.Service) error) error {
	m, err := connect()
	if err != nil {
		return err
	}
	defer m.Disconnect()
	s, err := m.OpenService(name)
	if err != nil {
		if errors.Is(err, windows.ERROR_SERVICE_DOES_NOT_EXIST) {
			return fmt.Errorf("没有名为 %s 的服务；安装用 zhenggai service install", name)
		}
		return adminError("打开服务 "+name, err)
	}
	defer s.Close()
	return fn(s)
}

func serviceInstall(e *env, sp *serviceSpec) error {
	m, err := connect()
	if err != nil {
		return err
	}
	defer m.Disconnect()
	if s, err := m.OpenService(sp.Name); err == nil {
		s.Close()
		return fmt.Errorf("服务 %s 已经安装。更新程序时只需 service stop、替换 zhenggai.exe、service start；要改参数请先 service uninstall", sp.Name)
	}
	if err := os.MkdirAll(sp.Data, 0o700); err != nil {
		return fmt.Errorf("建立数据目录 %s：%w", sp.Data, err)
	}
	if err := secureDir(sp.Data); err != nil {
		return fmt.Errorf("设置数据目录 %s 的访问权限：%w", sp.Data, err)
	}
	s, err := m.CreateService(sp.Name, sp.Exe, mgr.Config{
		DisplayName:      serviceDisplayName,
		Description:      serviceDescription,
		StartType:        mgr.StartAutomatic,
		ErrorControl:     mgr.ErrorNormal,
		ServiceStartName: serviceAccount,
	}, sp.Args...)
	if err != nil {
		return adminError("安装服务", err)
	}
	defer s.Close()
	undo := func(err error) error {
		s.Delete()
		return err
	}
	if len(sp.Env) > 0 {
		if err := setServiceEnv(sp.Name, sp.Env); err != nil {
			return undo(fmt.Errorf("写入服务的环境变量：%w", err))
		}
	}
	// Restart=on-failure: also when serve exits with an error of its own
	// (a port taken, a database away), not only when it crashes.
	if err := s.SetRecoveryActions([]mgr.RecoveryAction{
		{Type: mgr.ServiceRestart, Delay: 5 * time.Second},
		{Type: mgr.ServiceRestart, Delay: 30 * time.Second},
		{Type: mgr.ServiceRestart, Delay: 2 * time.Minute},
	}, 24*60*60); err != nil {
		return undo(fmt.Errorf("设置服务失败后自动重启：%w", err))
	}
	if err := s.SetRecoveryActionsOnNonCrashFailures(true); err != nil {
		return undo(fmt.Errorf("设置服务失败后自动重启：%w", err))
	}
	// The event log source; one left by an earlier install is fine.
	if err := eventlog.InstallAsEventCreate(sp.Name, eventlog.Error|eventlog.Warning|eventlog.Info); err != nil &&
		!strings.Contains(err.Error(), "exists") {
		fmt.Fprintf(e.stderr, "提示：未能登记事件日志的来源（%v）；日志仍写入 %s\n", err, filepath.Join(sp.Data, serviceLog))
	}
	cfg, _ := s.Config()
	fmt.Fprintf(e.stdout, "已安装服务 %s（%s），开机自动启动，以 %s 账号运行，出错退出后自动重启。\n命令行：%s\n数据目录：%s（只有 SYSTEM、管理员和服务账号可以访问）\n日志：%s，以及事件查看器 › Windows 日志 › 应用程序（来源 %s）\n",
		sp.Name, serviceDisplayName, serviceAccount, cfg.BinaryPathName, sp.Data, filepath.Join(sp.Data, serviceLog), sp.Name)
	if len(sp.Env) > 0 {
		fmt.Fprintf(e.stdout, "环境变量：%d 个（保存在注册表的服务配置中）\n", len(sp.Env))
	}
	fmt.Fprintf(e.stdout, "下一步：zhenggai service start%s\n", nameArg(sp.Name))
	return nil
}

func nameArg(name string) string {
	if name == defaultServiceName {
		return ""
	}
	return " --name " + name
}

// secureDir gives the data folder, and through inheritance everything in
// it, to SYSTEM, the administrators and the service account alone: it
// holds personal data, which ProgramData would let every user read.
func secureDir(dir string) error {
	sd, err := windows.SecurityDescriptorFromString("D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;FA;;;LS)")
	if err != nil {
		return err
	}
	dacl, _, err := sd.DACL()
	if err != nil {
		return err
	}
	return windows.SetNamedSecurityInfo(dir, windows.SE_FILE_OBJECT,
		windows.DACL_SECURITY_INFORMATION|windows.PROTECTED_DACL_SECURITY_INFORMATION, nil, nil, dacl, nil)
}

// setServiceEnv sets the environment the service manager gives the
// service (the service key's Environment value).
func setServiceEnv(name string, env []string) error {
	k, err := registry.OpenKey(registry.LOCAL_MACHINE, `SYSTEM\CurrentControlSet\Services\`+name, registry.SET_VALUE)
	if err != nil {
		return err
	}
	defer k.Close()
	return k.SetStringsValue("Environment", env)
}

func serviceUninstall(e *env, name string) error {
	return withService(name, func(s *mgr.Service) error {
		if st, err := s.Query(); err == nil && st.State != svc.Stopped {
			if err := stopAndWait(s); err != nil {
				return err
			}
		}
		if err := s.Delete(); err != nil {
			return adminError("卸载服务", err)
		}
		eventlog.Remove(name)
		fmt.Fprintf(e.stdout, "已卸载服务 %s。数据目录、日志和备份没有删除。\n", name)
		return nil
	})
}

func serviceStart(e *env, name string) error {
	return withService(name, func(s *mgr.Service) error {
		log := logOf(s)
		if err := s.Start(); err != nil {
			if errors.Is(err, windows.ERROR_SERVICE_ALREADY_RUNNING) {
				fmt.Fprintf(e.stdout, "服务 %s 已在运行。\n", name)
				return nil
			}
			return adminError("启动服务", err)
		}
		// serve reports running at once; a wrong data folder or a port in use
		// stops it a moment later. So it must be seen running for 3 seconds.
		start := time.Now()
		for {
			st, err := s.Query()
			if err != nil {
				return adminError("查询服务状态", err)
			}
			if st.State == svc.Stopped {
				return fmt.Errorf("服务 %s 启动后又停止了，原因见日志 %s 或事件查看器 › Windows 日志 › 应用程序", name, log)
			}
			if st.State == svc.Running && time.Since(start) > 3*time.Second {
				break
			}
			if time.Since(start) > 30*time.Second {
				return fmt.Errorf("服务 %s 30秒内没有启动完成，请看日志 %s", name, log)
			}
			time.Sleep(500 * time.Millisecond)
		}
		fmt.Fprintf(e.stdout, "服务 %s 已启动。日志：%s\n", name, log)
		return nil
	})
}

func serviceStop(e *env, name string) error {
	return withService(name, func(s *mgr.Service) error {
		if st, err := s.Query(); err == nil && st.State == svc.Stopped {
			fmt.Fprintf(e.stdout, "服务 %s 没有在运行。\n", name)
			return nil
		}
		if err := stopAndWait(s); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "服务 %s 已停止。\n", name)
		return nil
	})
}

// stopAndWait asks the service to stop and waits until it has.
func stopAndWait(s *mgr.Service) error {
	if _, err := s.Control(svc.Stop); err != nil && !errors.Is(err, windows.ERROR_SERVICE_NOT_ACTIVE) {
		return adminError("停止服务", err)
	}
	deadline := time.Now().Add(45 * time.Second)
	for {
		st, err := s.Query()
		if err != nil {
			return adminError("查询服务状态", err)
		}
		if st.State == svc.Stopped {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("服务 %s 45秒内没有停止", s.Name)
		}
		time.Sleep(300 * time.Millisecond)
	}
}

func serviceStatus(e *env, name string) error {
	return withService(name, func(s *mgr.Service) error {
		st, err := s.Query()
		if err != nil {
			return adminError("查询服务状态", err)
		}
		state := map[svc.State]string{
			svc.Stopped: "已停止", svc.StartPending: "正在启动", svc.StopPending: "正在停止", svc.Running: "正在运行",
		}[st.State]
		if state == "" {
			state = fmt.Sprintf("状态 %d", st.State)
		}
		cfg, err := s.Config()
		if err != nil {
			return adminError("读取服务配置", err)
		}
		fmt.Fprintf(e.stdout, "服务 %s：%s", name, state)
		if st.ProcessId != 0 {
			fmt.Fprintf(e.stdout, "（进程 %d）", st.ProcessId)
		}
		fmt.Fprintf(e.stdout, "\n账号：%s\n命令行：%s\n日志：%s\n", cfg.ServiceStartName, cfg.BinaryPathName, logOf(s))
		return nil
	})
}

// logOf is the log file of an installed service, from its command line.
func logOf(s *mgr.Service) string {
	cfg, err := s.Config()
	if err != nil {
		return serviceLog + "（在数据目录中）"
	}
	args, err := windows.DecomposeCommandLine(cfg.BinaryPathName)
	if err != nil || len(args) < 2 {
		return serviceLog + "（在数据目录中）"
	}
	data := dataOfArgs(args[1:])
	if data == "" {
		return serviceLog + "（在数据目录中）"
	}
	return filepath.Join(data, serviceLog)
}

// runAsService runs serve under the service manager, which kills a
// service that does not answer: Execute reports each state and stops
// serve when asked to.
func runAsService(ctx context.Context, e *env, args []string) error {
	h := &serviceHandler{ctx: ctx, args: args}
	if err := svc.Run(defaultServiceName, h); err != nil {
		return err
	}
	return h.err
}

type serviceHandler struct {
	ctx  context.Context
	args []string
	err  error
}

// maxServiceLog is the size past which the log is moved to zhenggai.log.1
// when the service starts.
const maxServiceLog = 10 << 20

func (h *serviceHandler) Execute(svcArgs []string, r <-chan svc.ChangeRequest, status chan<- svc.Status) (bool, uint32) {
	status <- svc.Status{State: svc.StartPending, WaitHint: 10000}
	name := defaultServiceName
	if len(svcArgs) > 0 && svcArgs[0] != "" {
		name = svcArgs[0]
	}
	elog, err := eventlog.Open(name)
	if err != nil {
		elog = nil
	}
	if elog != nil {
		defer elog.Close()
	}
	out := io.Writer(io.Discard)
	logPath := ""
	if data := dataOfArgs(h.args); data != "" {
		logPath = filepath.Join(data, serviceLog)
		if fi, err := os.Stat(logPath); err == nil && fi.Size() > maxServiceLog {
			os.Rename(logPath, logPath+".1")
		}
		if f, err := os.OpenFile(logPath, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600); err == nil {
			defer f.Close()
			out = &stampWriter{w: f}
		} else {
			logPath = ""
			if elog != nil {
				elog.Warning(2, fmt.Sprintf("无法写入日志文件：%v", err))
			}
		}
	}
	e := &env{stdin: strings.NewReader(""), stdout: out, stderr: out}
	ctx, cancel := context.WithCancel(h.ctx)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- serveMain(ctx, e, h.args) }()
	status <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop | svc.AcceptShutdown}
	if elog != nil {
		elog.Info(1, fmt.Sprintf("zhenggai %s 已启动：%s；日志 %s", Version(), strings.Join(h.args, " "), logPath))
	}
	for {
		select {
		case c := <-r:
			switch c.Cmd {
			case svc.Interrogate:
				status <- c.CurrentStatus
			case svc.Stop, svc.Shutdown:
				// serve drains requests for up to 15 s, then closes the database.
				status <- svc.Status{State: svc.StopPending, WaitHint: 30000}
				cancel()
				err := <-done
				if err != nil {
					return h.failed(elog, out, err)
				}
				if elog != nil {
					elog.Info(1, "zhenggai 已停止。")
				}
				return false, 0
			}
		case err := <-done:
			// serve ended by itself: the port is taken, the data folder
			// gone… A non-zero exit makes the service manager restart it.
			if err == nil {
				if h.ctx.Err() != nil {
					// Windows is shutting down and told the process so
					// (CTRL_SHUTDOWN_EVENT): serve has stopped as asked.
					return false, 0
				}
				err = errors.New("网页服务意外结束")
			}
			return h.failed(elog, out, err)
		}
	}
}

func (h *serviceHandler) failed(elog *eventlog.Log, out io.Writer, err error) (bool, uint32) {
	h.err = err
	msg := "错误：" + userMessage(err)
	fmt.Fprintln(out, msg)
	if elog != nil {
		elog.Error(3, msg)
	}
	return true, 1
}
