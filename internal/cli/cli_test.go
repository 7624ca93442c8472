package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"zhenggai/internal/cli"
	"zhenggai/internal/sample"
	"zhenggai/internal/store"
)

func run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = cli.RunContext(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func seedFile(t *testing.T) string {
	p := filepath.Join(t.TempDir(), "报告.txt")
	if err := os.WriteFile(p, []byte(sample.Sangzhi), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportDryRunJSON(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	code, out, errs := run(t, "", "import", "--data", data, "--dry-run", "--json", seedFile(t))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Round    struct{ Inspector, Unit, Kind string } `json:"round"`
		Declared struct {
			Categories, Problems, Completed int
			Basically                       int `json:"basically_completed"`
		} `json:"declared"`
		Categories []struct {
			Seq      int
			Title    string
			Problems []struct {
				Seq      int
				Measures []json.RawMessage
			}
		} `json:"categories"`
		Warnings []string `json:"warnings"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if got.Round.Inspector != "市委第七巡察组" || got.Round.Unit != "桑植县政协党组" || got.Round.Kind != "巡察" {
		t.Errorf("round %+v", got.Round)
	}
	for _, want := range []string{`"onsite_start": "2020-05-11"`, `"onsite_end": "2020-06-19"`, `"feedback_date": "2020-07-27"`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s", want)
		}
	}
	if d := got.Declared; d.Categories != 14 || d.Problems != 38 || d.Completed != 35 || d.Basically != 3 {
		t.Errorf("declared %+v", d)
	}
	n := 0
	for _, c := range got.Categories {
		n += len(c.Problems)
	}
	if len(got.Categories) != 14 || n != 38 || got.Warnings == nil {
		t.Errorf("%d categories %d problems, warnings %v", len(got.Categories), n, got.Warnings)
	}
	if _, err := os.Stat(data); !os.IsNotExist(err) {
		t.Errorf("a dry run created the data folder: %v", err)
	}
}

func TestImportWritesRound(t *testing.T) {
	data := t.TempDir()
	code, out, errs := run(t, "", "import", "--data", data, seedFile(t))
	if code != 0 || !strings.Contains(errs, "已导入为巡察轮次 #1") || !strings.Contains(out, "14个问题类别，38个具体问题") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	// From standard input too.
	if code, _, errs := run(t, sample.Sangzhi, "import", "--data", data, "-"); code != 0 {
		t.Fatalf("stdin import: %s", errs)
	}
	st, err := store.OpenSQLite(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rounds, _ := st.Rounds(context.Background())
	if len(rounds) != 2 {
		t.Errorf("%d rounds", len(rounds))
	}
}

func TestImportRefusesWhatIsNotAReport(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	dir := t.TempDir()
	cases := map[string][]byte{
		"prose.txt":  []byte("今天天气很好，我们去公园散步。\n明天再说。"),
		"empty.txt":  {},
		"gbk.txt":    {0xd5, 0xfb, 0xb8, 0xc4, 0xc7, 0xe9, 0xbf, 0xf6}, // 整改情况 in GBK
		"binary.bin": {0x00, 0x01, 0x02, 0xff, 0xfe},
	}
	for name, body := range cases {
		p := filepath.Join(dir, name)
		os.WriteFile(p, body, 0o644)
		code, _, errs := run(t, "", "import", "--data", data, p)
		if code != 1 || !strings.HasPrefix(errs, "错误：") {
			t.Errorf("%s: exit %d, %q", name, code, errs)
		}
	}
	if code, _, errs := run(t, "", "import", "--data", data, filepath.Join(dir, "missing.txt")); code != 1 || !strings.Contains(errs, "无法打开文件") {
		t.Errorf("missing file: %d %q", code, errs)
	}
	if _, err := os.Stat(filepath.Join(data, store.DBFile)); !os.IsNotExist(err) {
		t.Errorf("a refused import wrote a database")
	}
}

func TestServeRefuses(t *testing.T) {
	empty := t.TempDir()
	if code, _, errs := run(t, "", "serve", "--data", empty); code != 1 || !strings.Contains(errs, "没有数据库") {
		t.Errorf("serve on empty folder: %d %q", code, errs)
	}
	for _, addr := range []string{"8080", "127.0.0.1", "localhost:http:80"} {
		if code, _, errs := run(t, "", "demo", "--addr", addr); code != 1 || !strings.Contains(errs, "格式应为") {
			t.Errorf("demo on %s: %d %q", addr, code, errs)
		}
	}
	if code, _, _ := run(t, "", "nonsense"); code != 2 {
		t.Errorf("unknown command exit %d", code)
	}
	if code, _, _ := run(t, "", "import", "--help"); code != 0 {
		t.Errorf("--help exit %d", code)
	}
}

// syncBuffer is written by the server goroutine and read by the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

func TestDemoServesThenServeReopens(t *testing.T) {
	data := filepath.Join(t.TempDir(), "demo")
	out := startAndGet(t, []string{"demo", "--data", data, "--addr", "127.0.0.1:0"}, "", "/rounds/1", "35")
	for _, login := range []string{"admin", "xunchaban", "bangongshi", "xiangjianguo", "qinli", "weiyuan"} {
		if !regexp.MustCompile(`\s` + login + `\s+\S{14}\s`).MatchString(out) {
			t.Errorf("demo did not print the account %s with its password:\n%s", login, out)
		}
	}
	// The demo refuses a folder that already holds data…
	if code, _, errs := run(t, "", "demo", "--data", data, "--addr", "127.0.0.1:0"); code != 1 || !strings.Contains(errs, "已有数据库") {
		t.Errorf("demo over existing data: %d %q", code, errs)
	}
	// …which serve opens as it is.
	code, pw, errs := run(t, "", "user", "passwd", "qinli", "--data", data)
	if code != 0 {
		t.Fatalf("user passwd: %s", errs)
	}
	pw = strings.TrimSpace(pw[strings.LastIndex(pw, "：")+len("："):])
	startAndGet(t, []string{"serve", "--data", data, "--addr", "127.0.0.1:0"}, "qinli "+pw, "/rounds/1/tree", "学习停留在表面")
}

// startAndGet runs a serving command, waits for its address, signs in
// (with "NAME PASSWORD", or the demo's admin when empty), checks that path
// answers 200 with want in the body, then stops it and returns its output.
func startAndGet(t *testing.T, args []string, login, path, want string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out, errb := &syncBuffer{}, &syncBuffer{}
	done := make(chan int)
	go func() { done <- cli.RunContext(ctx, args, strings.NewReader(""), out, errb) }()
	re := regexp.MustCompile(`http://(127\.0\.0\.1:\d+)/`)
	var addr string
	for deadline := time.Now().Add(120 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := re.FindStringSubmatch(out.String()); m != nil {
			addr = m[1]
			break
		}
		select {
		case code := <-done:
			t.Fatalf("%v exited %d: %s", args, code, errb.String())
		default:
		}
	}
	if addr == "" {
		t.Fatalf("%v printed no address: %s %s", args, out.String(), errb.String())
	}
	if login == "" {
		m := regexp.MustCompile(`\sadmin\s+(\S{14})\s`).FindStringSubmatch(out.String())
		if m == nil {
			t.Fatalf("no admin password in %s", out.String())
		}
		login = "admin " + m[1]
	}
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar}
	name, pw, _ := strings.Cut(login, " ")
	resp, err := client.PostForm("http://"+addr+"/login", url.Values{"name": {name}, "password": {pw}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode == 200 && resp.Request.URL.Path == "/account/password" {
		// A password from user add or user passwd: its owner changes it first.
		chosen := pw + "-Zg9!"
		resp, err = client.PostForm("http://"+addr+"/account/password", url.Values{"current": {pw}, "password": {chosen},
			"confirm": {chosen}, "next": {"/"}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	// Home: the rounds, or 我的任务 for a leader or an owner.
	if at := resp.Request.URL.Path; resp.StatusCode != 200 || at != "/" && at != "/tasks" {
		t.Fatalf("sign-in as %s: %d at %s", name, resp.StatusCode, resp.Request.URL)
	}
	for _, p := range []string{"/healthz", path} {
		resp, err := client.Get("http://" + addr + p)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || (p == path && !strings.Contains(string(body), want)) {
			t.Errorf("GET %s: %d, want 200 with %q", p, resp.StatusCode, want)
		}
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("%v exit %d after stop: %s", args, code, errb.String())
	}
	return out.String()
}

// TestImportPlacesTheUnit: the command line says when it registers an
// unknown unit at the top; with --parent it goes under that office; a
// report naming a unit by its full name lands in it, without a notice.
func TestImportPlacesTheUnit(t *testing.T) {
	data := t.TempDir()
	code, _, errs := run(t, "", "import", "--data", data, seedFile(t))
	if code != 0 || !strings.Contains(errs, "注意：被巡察单位“桑植县政协党组”尚未登记，现登记为最上级单位") {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	full := strings.ReplaceAll(sample.Sangzhi, "桑植县政协党组", "中共政协桑植县委员会党组")
	if code, _, errs := run(t, full, "import", "--data", data, "-"); code != 0 || strings.Contains(errs, "尚未登记") {
		t.Fatalf("full name: exit %d\n%s", code, errs)
	}
	other := strings.ReplaceAll(sample.Sangzhi, "桑植县", "慈利县") // its signature too
	if code, _, errs := run(t, other, "import", "--data", data, "--parent", "没有的单位", "-"); code == 0 || !strings.Contains(errs, "--parent：没有名为“没有的单位”的单位") {
		t.Fatalf("unknown parent: exit %d\n%s", code, errs)
	}
	if code, _, errs := run(t, other, "import", "--data", data, "--parent", "政协桑植县委员会党组", "-"); code != 0 || strings.Contains(errs, "尚未登记") {
		t.Fatalf("with --parent: exit %d\n%s", code, errs)
	}
	st, err := store.OpenSQLite(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	top, _ := st.UnitNamed(context.Background(), "桑植县政协党组")
	u, err := st.UnitNamed(context.Background(), "慈利县政协党组")
	if err != nil || u.ParentID != top.ID {
		t.Errorf("unit %+v, %v; want under %d", u, err, top.ID)
	}
	if units, _ := st.Units(context.Background()); len(units) != 2 {
		t.Errorf("%d units, want 2: the full name made none", len(units))
	}
}
