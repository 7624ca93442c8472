package cli

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"zhenggai/internal/sample"
)

// unit is a systemd unit file: section → key → values in order.
type unit map[string]map[string][]string

func readUnit(t *testing.T, name string) unit {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "deploy", name))
	if err != nil {
		t.Fatal(err)
	}
	u := unit{}
	sec := ""
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		switch {
		case l == "" || strings.HasPrefix(l, "#") || strings.HasPrefix(l, ";"):
		case strings.HasPrefix(l, "[") && strings.HasSuffix(l, "]"):
			sec = l[1 : len(l)-1]
			u[sec] = map[string][]string{}
		default:
			k, v, ok := strings.Cut(l, "=")
			if !ok || sec == "" || strings.HasSuffix(l, "\\") {
				t.Fatalf("%s: line %q", name, l)
			}
			u[sec][k] = append(u[sec][k], v)
		}
	}
	return u
}

func (u unit) one(t *testing.T, sec, key string) string {
	t.Helper()
	v := u[sec][key]
	if len(v) != 1 {
		t.Fatalf("[%s] %s = %q, want one value", sec, key, v)
	}
	return v[0]
}

// systemd reads the files without a complaint (unknown keys, bad values
// are only warnings to it: any output fails).
func TestSystemdUnitsVerify(t *testing.T) {
	sa, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Fatal("systemd-analyze is needed to check deploy/: apt-get install -y systemd")
	}
	dir := t.TempDir()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, n := range []string{"zhenggai.service", "zhenggai-backup.service", "zhenggai-backup.timer"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "deploy", n))
		if err != nil {
			t.Fatal(err)
		}
		// The program is not installed here: systemd checks that it exists.
		b = bytes.ReplaceAll(b, []byte("/usr/local/bin/zhenggai "), []byte(self+" "))
		p := filepath.Join(dir, n)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	out, err := exec.Command(sa, append([]string{"verify"}, files...)...).CombinedOutput()
	if err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
}

// The service runs serve with flags serve takes, on the folder systemd
// makes for it, hardened without what SQLite and Chromium need.
func TestSystemdServiceRunsServe(t *testing.T) {
	u := readUnit(t, "zhenggai.service")
	if u.one(t, "Service", "User") == "root" || u.one(t, "Service", "Restart") != "on-failure" ||
		u.one(t, "Install", "WantedBy") != "multi-user.target" {
		t.Errorf("user, restart or install: %v", u)
	}
	args := strings.Fields(u.one(t, "Service", "ExecStart"))
	if len(args) < 2 || args[0] != "/usr/local/bin/zhenggai" || args[1] != "serve" {
		t.Fatalf("ExecStart %q", args)
	}
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	o := serveFlags(fs, defaultData)
	if err := fs.Parse(args[2:]); err != nil || fs.NArg() != 0 {
		t.Fatalf("serve refuses %q: %v", args[2:], err)
	}
	if _, _, err := o.check(); err != nil {
		t.Errorf("serve refuses %q: %v", args[2:], err)
	}
	if want := "/var/lib/" + u.one(t, "Service", "StateDirectory"); *o.data != want || u.one(t, "Service", "WorkingDirectory") != want {
		t.Errorf("--data %s, the state folder %s", *o.data, want)
	}
	for _, k := range []string{"ProtectSystem", "NoNewPrivileges", "PrivateTmp", "ProtectHome", "RestrictNamespaces"} {
		if v := u.one(t, "Service", k); v != "yes" && v != "strict" {
			t.Errorf("%s=%s", k, v)
		}
	}
	// Chromium's JIT writes code it runs; it aborts when capset is refused.
	if v := u["Service"]["MemoryDenyWriteExecute"]; len(v) > 0 {
		t.Errorf("MemoryDenyWriteExecute=%v breaks PDF printing", v)
	}
	filters := u["Service"]["SystemCallFilter"]
	if i := slices.Index(filters, "capset"); i < 0 || i < slices.IndexFunc(filters, func(f string) bool { return strings.HasPrefix(f, "~") }) {
		t.Errorf("capset is not allowed after the deny list: %q", filters)
	}
}

// The backup service's command, run here on a data folder, writes a
// dated backup into the folder systemd lets it write.
func TestSystemdBackupRunsBackup(t *testing.T) {
	u := readUnit(t, "zhenggai-backup.service")
	tm := readUnit(t, "zhenggai-backup.timer")
	if tm.one(t, "Timer", "Persistent") != "true" || tm.one(t, "Timer", "OnCalendar") == "" ||
		tm.one(t, "Install", "WantedBy") != "timers.target" {
		t.Errorf("timer %v", tm)
	}
	args := strings.Fields(u.one(t, "Service", "ExecStart"))
	if len(args) < 2 || args[0] != "/usr/local/bin/zhenggai" || args[1] != "backup" {
		t.Fatalf("ExecStart %q", args)
	}
	backups := u.one(t, "Service", "ReadWritePaths")
	if !slices.Contains(args, "--dir") || args[slices.Index(args, "--dir")+1] != backups {
		t.Errorf("backups go to %q, systemd lets it write %s", args, backups)
	}
	data := filepath.Join(t.TempDir(), "data")
	report := filepath.Join(t.TempDir(), "报告.txt")
	os.WriteFile(report, []byte(sample.Sangzhi), 0o644)
	e, out := testEnv()
	if err := runImport(context.Background(), e, []string{"--data", data, report}); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	dir := filepath.Join(t.TempDir(), "backups")
	for i, a := range args {
		args[i] = strings.NewReplacer("/var/lib/zhenggai", data, backups, dir).Replace(a)
	}
	code := RunContext(context.Background(), args[1:], strings.NewReader(""), out, out)
	ents, _ := os.ReadDir(dir)
	if code != 0 || len(ents) != 1 || !datedBackup.MatchString(ents[0].Name()) {
		t.Errorf("exit %d, folder %v\n%s", code, ents, out)
	}
}
