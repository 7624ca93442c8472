// Command release builds zhenggai's release binaries: linux/amd64,
// linux/arm64, linux/loong64 (信创 machines) and windows/amd64, pure Go
// (CGO_ENABLED=0), with -trimpath so that the same commit gives the same
// bytes on any machine, the version stamped into `zhenggai version`. It
// checks each binary's format, architecture and stamp, writes SHA256SUMS
// and copies the service files of deploy/ beside them.
//
//	go run ./tools/release [-version v1.2.0] [-o dist] [-targets linux/amd64,windows/amd64]
//
// A Go program rather than a script, so that it runs on Windows too.
package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"debug/buildinfo"
	"debug/elf"
	"debug/pe"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"time"
)

// versionVar is the variable -X stamps.
const versionVar = "zhenggai/internal/cli.version"

type target struct{ GOOS, GOARCH string }

func (t target) String() string { return t.GOOS + "/" + t.GOARCH }

// targets are the platforms a release is built for.
var targets = []target{{"linux", "amd64"}, {"linux", "arm64"}, {"linux", "loong64"}, {"windows", "amd64"}}

// machines are the ELF machines of the Linux targets.
var machines = map[string]elf.Machine{"amd64": elf.EM_X86_64, "arm64": elf.EM_AARCH64, "loong64": elf.EM_LOONGARCH}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("release", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "用法：go run ./tools/release [-version 版本号] [-o 目录] [-targets 平台,…]\n\n"+
			"编译 linux/amd64、linux/arm64、linux/loong64 和 windows/amd64 的发布版程序（不用 cgo、-trimpath，\n"+
			"同一提交在任何机器上编译出的文件逐字节相同），逐个核对格式、架构和版本号，写出 SHA256SUMS。")
		fs.PrintDefaults()
	}
	ver := fs.String("version", "", "版本号（默认取 git describe --tags --always --dirty，如 v1.2.0 或 v1.2.0-3-gabc1234）")
	out := fs.String("o", "dist", "输出目录（其中旧的 zhenggai-* 和 SHA256SUMS 先删除）")
	only := fs.String("targets", "", "只编译这些平台，逗号分隔（默认全部："+joinTargets(targets)+"）")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return 2
	}
	if err := release(ctx, *ver, *out, *only, stdout); err != nil {
		fmt.Fprintln(stderr, "错误："+err.Error())
		return 1
	}
	return 0
}

func joinTargets(ts []target) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = t.String()
	}
	return strings.Join(s, ",")
}

func release(ctx context.Context, ver, out, only string, stdout io.Writer) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	if ver == "" {
		if ver, err = describe(ctx, root); err != nil {
			return err
		}
	}
	if err := checkVersion(ver); err != nil {
		return err
	}
	ts, err := pickTargets(only)
	if err != nil {
		return err
	}
	if out, err = filepath.Abs(out); err != nil {
		return err
	}
	if err := clean(out); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "zhenggai %s → %s\n", ver, out)
	var names []string
	for _, t := range ts {
		name := binaryName(ver, t)
		path := filepath.Join(out, name)
		start := time.Now()
		if err := build(ctx, root, "./cmd/zhenggai", versionVar, t, ver, path); err != nil {
			return err
		}
		if err := verify(path, t, ver); err != nil {
			return fmt.Errorf("%s：%w", name, err)
		}
		fi, err := os.Stat(path)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "  %-40s %5.1f MB  %4.0fs\n", name, float64(fi.Size())/(1<<20), time.Since(start).Seconds())
		names = append(names, name)
	}
	// The binary that runs here says the version it was stamped with.
	for _, t := range ts {
		if t.GOOS == runtime.GOOS && t.GOARCH == runtime.GOARCH {
			got, err := exec.CommandContext(ctx, filepath.Join(out, binaryName(ver, t)), "version").Output()
			if err != nil {
				return fmt.Errorf("运行 %s version：%w", binaryName(ver, t), err)
			}
			if !strings.HasPrefix(string(got), "zhenggai "+ver+"（") {
				return fmt.Errorf("%s version 显示 %q，应为版本 %s", binaryName(ver, t), got, ver)
			}
			fmt.Fprintf(stdout, "  本机运行：%s", got)
		}
	}
	deploy, err := copyDeploy(root, out)
	if err != nil {
		return err
	}
	names = append(names, deploy...)
	sums, err := writeSums(out, names)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "SHA256SUMS：%d 个文件（核对：sha256sum -c SHA256SUMS；Windows：certutil -hashfile 文件 SHA256）\n%s", len(names), sums)
	return nil
}

// moduleRoot is the folder of zhenggai's go.mod, at or above the current one.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && bytes.HasPrefix(b, []byte("module zhenggai\n")) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("请在 zhenggai 的源码目录中运行（找不到 module zhenggai 的 go.mod）")
		}
		dir = parent
	}
}

// describe names the commit as git does: the last tag, commits since and
// the commit ("-dirty" when files differ from it).
func describe(ctx context.Context, dir string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", "describe", "--tags", "--always", "--dirty")
	cmd.Dir = dir
	var errb bytes.Buffer
	cmd.Stderr = &errb
	b, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("无法从 git 取得版本号（%v %s）；请用 -version 指定，如 -version v1.2.0", err, strings.TrimSpace(errb.String()))
	}
	return strings.TrimSpace(string(b)), nil
}

var versionRE = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z._+-]{0,63}$`)

// checkVersion keeps the version fit for a file name and for -ldflags.
func checkVersion(v string) error {
	if !versionRE.MatchString(v) {
		return fmt.Errorf("版本号 %q 不可用：只能有字母、数字和 . _ + -，以字母或数字开头，不超过64个字符", v)
	}
	return nil
}

func pickTargets(only string) ([]target, error) {
	if only == "" {
		return targets, nil
	}
	var ts []target
	for _, s := range strings.Split(only, ",") {
		s = strings.TrimSpace(s)
		found := false
		for _, t := range targets {
			if t.String() == s {
				ts = append(ts, t)
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("平台 %q 不在发布之列（%s）", s, joinTargets(targets))
		}
	}
	return ts, nil
}

func binaryName(ver string, t target) string {
	n := "zhenggai-" + ver + "-" + t.GOOS + "-" + t.GOARCH
	if t.GOOS == "windows" {
		n += ".exe"
	}
	return n
}

// clean removes what an earlier release left in out, and only that.
func clean(out string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	ents, err := os.ReadDir(out)
	if err != nil {
		return err
	}
	for _, e := range ents {
		n := e.Name()
		if !e.IsDir() && (strings.HasPrefix(n, "zhenggai") || n == "SHA256SUMS") {
			if err := os.Remove(filepath.Join(out, n)); err != nil {
				return err
			}
		}
	}
	return nil
}

// buildEnv is the environment of a release build: the caller's, less
// what would change the bytes (cgo, CPU levels, extra flags).
func buildEnv(t target) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch strings.ToUpper(k) {
		case "GOOS", "GOARCH", "CGO_ENABLED", "GOFLAGS", "GOAMD64", "GOARM64", "GOEXPERIMENT", "GO386":
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "CGO_ENABLED=0", "GOOS="+t.GOOS, "GOARCH="+t.GOARCH, "GOFLAGS=-mod=readonly")
	switch t.GOARCH {
	case "amd64":
		env = append(env, "GOAMD64=v1") // the oldest x86-64 CPUs (兆芯, 海光) included
	case "arm64":
		env = append(env, "GOARM64=v8.0") // 鲲鹏, 飞腾
	}
	return env
}

// build compiles the package pkg of the module in dir for t into path,
// the string variable stamp (package path.name) set to ver.
func build(ctx context.Context, dir, pkg, stamp string, t target, ver, path string) error {
	// -buildvcs=false: go build would record the commit only from some
	// checkouts (not from a git worktree, nor from a source archive), and
	// the bytes would differ; the stamp says the version.
	cmd := exec.CommandContext(ctx, "go", "build", "-trimpath", "-buildvcs=false",
		"-ldflags", "-s -w -X "+stamp+"="+ver, "-o", path, pkg)
	cmd.Dir = dir
	cmd.Env = buildEnv(t)
	var errb bytes.Buffer
	cmd.Stdout = &errb
	cmd.Stderr = &errb
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("编译 %s 失败：%v\n%s", t, err, errb.String())
	}
	return nil
}

// verify checks that the file at path is an executable for t, built as
// a release is: pure Go, -trimpath, the version stamped.
func verify(path string, t target, ver string) error {
	switch t.GOOS {
	case "linux":
		f, err := elf.Open(path)
		if err != nil {
			return fmt.Errorf("不是 Linux 程序（ELF）：%w", err)
		}
		defer f.Close()
		if f.Class != elf.ELFCLASS64 || f.Type != elf.ET_EXEC || f.Machine != machines[t.GOARCH] {
			return fmt.Errorf("是 %v %v %v，应为 %v 的64位可执行文件", f.Class, f.Type, f.Machine, machines[t.GOARCH])
		}
		// No interpreter: a static binary, which runs on any distribution.
		for _, p := range f.Progs {
			if p.Type == elf.PT_INTERP {
				return errors.New("是动态链接的（有 PT_INTERP），发布版应为静态链接")
			}
		}
	case "windows":
		f, err := pe.Open(path)
		if err != nil {
			return fmt.Errorf("不是 Windows 程序（PE）：%w", err)
		}
		defer f.Close()
		oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
		if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 || !ok {
			return fmt.Errorf("机器类型 %#x，应为 x86-64（%#x）", f.Machine, pe.IMAGE_FILE_MACHINE_AMD64)
		}
		// A console program: the service manager and cmd.exe both run it.
		if oh.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_CUI {
			return fmt.Errorf("子系统 %d，应为控制台程序（%d）", oh.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_CUI)
		}
	default:
		return fmt.Errorf("不认识的系统 %s", t.GOOS)
	}
	bi, err := buildinfo.ReadFile(path)
	if err != nil {
		return fmt.Errorf("读不到编译信息：%w", err)
	}
	want := map[string]string{"GOOS": t.GOOS, "GOARCH": t.GOARCH, "CGO_ENABLED": "0", "-trimpath": "true"}
	got := map[string]string{}
	for _, s := range bi.Settings {
		got[s.Key] = s.Value
	}
	for k, v := range want {
		if got[k] != v {
			return fmt.Errorf("编译设置 %s=%q，应为 %q", k, got[k], v)
		}
	}
	// -trimpath keeps -ldflags out of the build settings: the stamp is
	// looked for in the bytes (and run where the binary runs, see release).
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if !bytes.Contains(b, []byte(ver)) {
		return fmt.Errorf("版本号 %s 未写入程序", ver)
	}
	return nil
}

// copyDeploy copies the service files of deploy/ into out, so that an
// office that gets only the release has them.
func copyDeploy(root, out string) ([]string, error) {
	ents, err := os.ReadDir(filepath.Join(root, "deploy"))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	var names []string
	for _, e := range ents {
		n := e.Name()
		if e.IsDir() || !strings.HasPrefix(n, "zhenggai") || strings.HasSuffix(n, ".go") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(root, "deploy", n))
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(filepath.Join(out, n), b, 0o644); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, nil
}

// writeSums writes out/SHA256SUMS in sha256sum's format, sorted by name,
// and returns it.
func writeSums(out string, names []string) (string, error) {
	names = append([]string(nil), names...)
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		f, err := os.Open(filepath.Join(out, n))
		if err != nil {
			return "", err
		}
		h := sha256.New()
		_, err = io.Copy(h, bufio.NewReader(f))
		f.Close()
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(h.Sum(nil)), n)
	}
	return b.String(), os.WriteFile(filepath.Join(out, "SHA256SUMS"), []byte(b.String()), 0o644)
}
