package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
)

func testEnv() (*env, *bytes.Buffer) {
	var b bytes.Buffer
	return &env{stdin: strings.NewReader(""), stdout: &b, stderr: &b}, &b
}

// The service's command line is what install was given, every path
// absolute, and serve reads back the same settings from it.
func TestInstallSpecWritesServeArguments(t *testing.T) {
	abs := func(p string) string {
		a, err := filepath.Abs(p)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	cases := []struct {
		name     string
		args     []string
		wantName string
		wantArgs []string
		wantEnv  []string
	}{
		{"defaults", nil, "zhenggai",
			[]string{"serve", "--data=/pd/zhenggai"}, nil},
		{"intranet", []string{"--addr", "0.0.0.0:8080"}, "zhenggai",
			[]string{"serve", "--data=/pd/zhenggai", "--addr=0.0.0.0:8080"}, nil},
		{"relative data", []string{"--data", "数据"}, "zhenggai",
			[]string{"serve", "--data=" + abs("数据")}, nil},
		{"everything", []string{
			"--name", "zhenggai-city", "--env", "ZHENGGAI_SMTP_PASSWORD=p=w d", "--env", "PGPASSWORD=x",
			"--data", "/srv/zheng gai", "--db", "postgres://zg@db:5432/zg?sslmode=disable", "--addr", "10.1.2.3:80",
			"--smtp", "mail.example:25", "--smtp-from", "zhenggai@example.gov", "--smtp-user", "-zg",
			"--base-url", "http://10.1.2.3/", "--notify-every", "10m", "--digest-hour", "7",
			"--trusted-proxy", "127.0.0.1,10.0.0.0/8"}, "zhenggai-city",
			[]string{"serve", "--data=/srv/zheng gai", "--addr=10.1.2.3:80", "--base-url=http://10.1.2.3/",
				"--db=postgres://zg@db:5432/zg?sslmode=disable", "--digest-hour=7", "--notify-every=10m0s",
				"--smtp=mail.example:25", "--smtp-from=zhenggai@example.gov", "--smtp-user=-zg",
				"--trusted-proxy=127.0.0.1,10.0.0.0/8"},
			[]string{"ZHENGGAI_SMTP_PASSWORD=p=w d", "PGPASSWORD=x"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e, out := testEnv()
			sp, err := installSpec(e, c.args, "/opt/zhenggai/zhenggai", "/pd", "/home/clerk")
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if sp.Name != c.wantName || sp.Exe != "/opt/zhenggai/zhenggai" || !reflect.DeepEqual(sp.Args, c.wantArgs) ||
				!reflect.DeepEqual([]string(sp.Env), c.wantEnv) {
				t.Fatalf("got %q %q args %q env %q\nwant %q args %q env %q", sp.Name, sp.Exe, sp.Args, sp.Env, c.wantName, c.wantArgs, c.wantEnv)
			}
			if sp.Data != strings.TrimPrefix(sp.Args[1], "--data=") || dataOfArgs(sp.Args[1:]) != sp.Data {
				t.Errorf("data %q, args %q", sp.Data, sp.Args)
			}
			// serve, as the service manager starts it, reads the same settings.
			in := flag.NewFlagSet("install", flag.ContinueOnError)
			inOpts := serveFlags(in, "/pd/zhenggai")
			in.String("name", "", "")
			in.Var(&envFlag{}, "env", "")
			if err := in.Parse(c.args); err != nil {
				t.Fatal(err)
			}
			fs := flag.NewFlagSet("serve", flag.ContinueOnError)
			o := serveFlags(fs, defaultData)
			if err := fs.Parse(sp.Args[1:]); err != nil || fs.NArg() != 0 {
				t.Fatalf("serve refuses %q: %v", sp.Args, err)
			}
			got := []any{abs(*o.data), *o.dsn, *o.addr, *o.mail.addr, *o.mail.from, *o.mail.user, *o.mail.base, *o.every, *o.digestHour, *o.proxies}
			want := []any{abs(*inOpts.data), *inOpts.dsn, *inOpts.addr, *inOpts.mail.addr, *inOpts.mail.from, *inOpts.mail.user, *inOpts.mail.base, *inOpts.every, *inOpts.digestHour, *inOpts.proxies}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("serve reads %v\ninstall had %v", got, want)
			}
		})
	}
}

func TestInstallSpecRefuses(t *testing.T) {
	cases := []struct {
		name    string
		args    []string
		exe     string
		profile string
		want    string
	}{
		{"address without port", []string{"--addr", "0.0.0.0"}, "", "", "监听地址"},
		{"digest hour", []string{"--digest-hour", "24"}, "", "", "--digest-hour"},
		{"notify too often", []string{"--notify-every", "10s"}, "", "", "--notify-every"},
		{"proxy", []string{"--trusted-proxy", "代理"}, "", "", "--trusted-proxy"},
		{"sender without server", []string{"--smtp-from", "a@b"}, "", "", "--smtp"},
		{"env without value", []string{"--env", "PGPASSWORD"}, "", "", "名称=值"},
		{"env without name", []string{"--env", "=x"}, "", "", "名称=值"},
		{"name with a space", []string{"--name", "zheng gai"}, "", "", "服务名"},
		{"name with a slash", []string{"--name", `a\b`}, "", "", "服务名"},
		{"unknown flag", []string{"--port", "80"}, "", "", "provided but not defined"},
		{"program in the profile", nil, "/home/Clerk/Downloads/zhenggai", "/home/clerk", "用户目录"},
		{"data in the profile", []string{"--data", "/HOME/clerk/zg"}, "", "/home/clerk", "数据目录在用户目录中"},
		{"relative program", nil, "zhenggai", "", "完整路径"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e, out := testEnv()
			exe := c.exe
			if exe == "" {
				exe = "/opt/zhenggai/zhenggai"
			}
			_, err := installSpec(e, c.args, exe, "/pd", c.profile)
			if err == nil {
				t.Fatalf("accepted %q", c.args)
			}
			if msg := err.Error() + out.String(); !strings.Contains(msg, c.want) {
				t.Errorf("error %q, want it to say %q", msg, c.want)
			}
		})
	}
	e, _ := testEnv()
	if _, err := installSpec(e, []string{"extra"}, "/opt/zhenggai/zhenggai", "/pd", ""); !errors.Is(err, exitError{2}) {
		t.Errorf("a stray argument: %v", err)
	}
	// The profile check compares folders, not prefixes.
	if _, err := installSpec(e, []string{"--data", "/home/clerk2/zg"}, "/home/clerk-tools/zhenggai", "/pd", "/home/clerk"); err != nil {
		t.Errorf("a folder beside the profile refused: %v", err)
	}
}

func TestDataOfArgs(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--data=C:/ProgramData/zhenggai", "--addr=0.0.0.0:8080"}, "C:/ProgramData/zhenggai"},
		{[]string{"serve", "--addr", "x", "--data", "D:/zg data"}, "D:/zg data"},
		{[]string{"serve", "-data=/srv/zg"}, "/srv/zg"},
		{[]string{"serve", "-data", "/srv/zg"}, "/srv/zg"},
		{[]string{"serve", "--data"}, ""},
		{[]string{"serve"}, ""},
	} {
		if got := dataOfArgs(c.args); got != c.want {
			t.Errorf("dataOfArgs(%q) = %q, want %q", c.args, got, c.want)
		}
	}
}

func TestStampWriterStampsEachLine(t *testing.T) {
	var b bytes.Buffer
	w := &stampWriter{w: &b}
	for _, s := range []string{"zhenggai 已启动：http://0.0.0.0:8080/\n按 Ctrl+C", " 停止。\n", "time=… level=ERROR", "\n"} {
		if n, err := io.WriteString(w, s); err != nil || n != len(s) {
			t.Fatalf("wrote %d of %d: %v", n, len(s), err)
		}
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	want := []string{"zhenggai 已启动：http://0.0.0.0:8080/", "按 Ctrl+C 停止。", "time=… level=ERROR"}
	if len(lines) != len(want) {
		t.Fatalf("%q", b.String())
	}
	for i, l := range lines {
		stamp, rest, _ := strings.Cut(l, " ")
		clock, rest, _ := strings.Cut(rest, " ")
		if _, err := time.Parse("2006-01-02 15:04:05", stamp+" "+clock); err != nil || rest != want[i] {
			t.Errorf("line %d %q: want a time and %q", i+1, l, want[i])
		}
	}
}

func TestServiceOutsideWindows(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("on Windows, service manages real services")
	}
	var out, errb bytes.Buffer
	code := RunContext(context.Background(), []string{"service", "install", "--addr", "0.0.0.0:8080"}, strings.NewReader(""), &out, &errb)
	if code != 1 || !strings.Contains(errb.String(), "Windows") || !strings.Contains(errb.String(), "deploy/zhenggai.service") {
		t.Errorf("exit %d: %s", code, errb.String())
	}
	errb.Reset()
	if code := RunContext(context.Background(), []string{"service"}, strings.NewReader(""), &out, &errb); code != 2 ||
		!strings.Contains(errb.String(), "install|uninstall|start|stop|status") {
		t.Errorf("no verb: exit %d: %s", code, errb.String())
	}
}

func TestVersion(t *testing.T) {
	for _, stamped := range []string{"", "v1.2.0-3-gabc1234"} {
		version = stamped
		for _, args := range [][]string{{"version"}, {"--version"}} {
			var out, errb bytes.Buffer
			if code := RunContext(context.Background(), args, strings.NewReader(""), &out, &errb); code != 0 {
				t.Fatalf("%q: exit %d %s", args, code, errb.String())
			}
			want := "zhenggai " + stamped + "（" + runtime.Version() + "，" + runtime.GOOS + "/" + runtime.GOARCH + "）\n"
			if stamped == "" {
				want = "zhenggai dev"
			}
			if got := out.String(); stamped != "" && got != want || stamped == "" && !strings.HasPrefix(got, want) {
				t.Errorf("%q printed %q, want %q", args, got, want)
			}
		}
	}
	version = ""
}
