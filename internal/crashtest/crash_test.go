// Package crashtest kills a real zhenggai server in the middle of a burst
// of writes and checks that every write it acknowledged survived.
package crashtest

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// buffer is written by a child process's output copier and read by the test.
type buffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *buffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *buffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// server is a running zhenggai process.
type server struct {
	cmd            *exec.Cmd
	addr           string
	stdout, stderr *buffer
	done           chan error
}

var addrRE = regexp.MustCompile(`http://(127\.0\.0\.1:\d+)/`)

// start runs the binary with args and waits until it prints its address.
func start(t *testing.T, bin string, args ...string) *server {
	t.Helper()
	s := &server{cmd: exec.Command(bin, args...), stdout: &buffer{}, stderr: &buffer{}, done: make(chan error, 1)}
	s.cmd.Stdout, s.cmd.Stderr = s.stdout, s.stderr
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { s.done <- s.cmd.Wait() }()
	t.Cleanup(func() {
		if s.cmd.ProcessState == nil {
			s.cmd.Process.Kill()
			<-s.done
		}
	})
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := addrRE.FindStringSubmatch(s.stdout.String()); m != nil {
			s.addr = m[1]
			return s
		}
		select {
		case err := <-s.done:
			s.done <- err
			t.Fatalf("%v exited (%v):\n%s\n%s", args, err, s.stdout, s.stderr)
		default:
		}
	}
	t.Fatalf("%v printed no address:\n%s\n%s", args, s.stdout, s.stderr)
	return nil
}

// stop interrupts the server (a clean shutdown) and waits for it.
func (s *server) stop(t *testing.T) {
	t.Helper()
	if runtime.GOOS == "windows" {
		s.cmd.Process.Kill()
	} else {
		s.cmd.Process.Signal(os.Interrupt)
	}
	select {
	case <-s.done:
	case <-time.After(20 * time.Second):
		s.cmd.Process.Kill()
		t.Fatalf("server did not stop:\n%s", s.stderr)
	}
}

// client talks to the API with the token, if there is one.
type client struct {
	base, token string
	http        *http.Client
}

func (c *client) do(method, path, ctype string, body []byte) (int, []byte, error) {
	req, err := http.NewRequest(method, c.base+path, bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	res, err := c.http.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return res.StatusCode, b, err
}

func (c *client) getJSON(t *testing.T, path string, v any) {
	t.Helper()
	code, b, err := c.do("GET", path, "", nil)
	if err != nil || code != 200 {
		t.Fatalf("GET %s: %d %v\n%s", path, code, err, b)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
}

// ack is a write the server answered 2xx.
type ack struct {
	table   string
	id      int64
	measure int64  // of a progress report
	file    string // sha256 of the evidence file, if any
}

// TestSIGKILLDuringWrites is the crash test: a burst of writes from
// several clients, the server killed with SIGKILL in the middle of it,
// started again on the same folder; every acknowledged write is there and
// the database is sound.
func TestSIGKILLDuringWrites(t *testing.T) {
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "zhenggai")
	build := exec.Command("go", "build", "-o", bin, "zhenggai/cmd/zhenggai")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	data := filepath.Join(tmp, "data")
	srv := start(t, bin, "demo", "--data", data, "--addr", "127.0.0.1:0")

	c := &client{base: "http://" + srv.addr, http: &http.Client{Timeout: 10 * time.Second}}
	c.token = token(t, bin, data)
	if c.token == "" {
		t.Log("the program has no token command: writing without a token")
	}

	// The demo's round and its measures.
	var rounds struct {
		Rounds []struct {
			ID int64 `json:"id"`
		} `json:"rounds"`
	}
	c.getJSON(t, "/api/v1/rounds", &rounds)
	if len(rounds.Rounds) == 0 {
		t.Fatal("the demo has no round")
	}
	round := rounds.Rounds[0].ID
	var ledger struct {
		Tree []struct {
			Problems []struct {
				ID         int64  `json:"id"`
				CloseState string `json:"close_state"`
				Measures   []struct {
					ID int64 `json:"id"`
				} `json:"measures"`
			} `json:"problems"`
		} `json:"categories_tree"`
	}
	c.getJSON(t, fmt.Sprintf("/api/v1/rounds/%d/ledger", round), &ledger)
	var measures []int64
	for _, cat := range ledger.Tree {
		for _, p := range cat.Problems {
			if p.CloseState == "accepted" {
				continue // closed and locked: it takes no reports
			}
			for _, m := range p.Measures {
				measures = append(measures, m.ID)
			}
		}
	}
	if len(measures) == 0 {
		t.Fatal("the demo has no open measure")
	}
	// A client per measure, measures shared when there are fewer.
	for len(measures) < 8 {
		measures = append(measures, measures...)
	}

	// The burst: 8 clients, each posting categories, progress reports and
	// progress reports with an evidence file, until the server dies.
	const clients = 8
	var (
		mu    sync.Mutex
		acks  []ack
		fails atomic.Int64
		wg    sync.WaitGroup
	)
	record := func(a ack) { mu.Lock(); acks = append(acks, a); mu.Unlock() }
	count := func() int { mu.Lock(); defer mu.Unlock(); return len(acks) }
	for g := 0; g < clients; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; ; i++ {
				var (
					code int
					b    []byte
					err  error
					a    ack
				)
				switch i % 3 {
				case 0:
					if i/3 >= 100 {
						continue
					}
					body, _ := json.Marshal(map[string]any{"seq": 100 + g*100 + i/3, "title": fmt.Sprintf("崩溃测试类别 %d-%d", g, i)})
					code, b, err = c.do("POST", fmt.Sprintf("/api/v1/rounds/%d/categories", round), "application/json", body)
					a.table = "categories"
				case 1:
					body, _ := json.Marshal(map[string]any{"date": "2020-10-28", "content": fmt.Sprintf("崩溃测试进展 %d-%d", g, i)})
					code, b, err = c.do("POST", fmt.Sprintf("/api/v1/measures/%d/progress", measures[g]), "application/json", body)
					a.table, a.measure = "progress", measures[g]
				case 2:
					var buf bytes.Buffer
					mw := multipart.NewWriter(&buf)
					mw.WriteField("date", "2020-10-28")
					mw.WriteField("content", fmt.Sprintf("崩溃测试附件 %d-%d", g, i))
					fw, _ := mw.CreateFormFile("files", fmt.Sprintf("证明%d-%d.txt", g, i))
					fmt.Fprintf(fw, "证明材料 %d-%d %s", g, i, strings.Repeat("材料", 200))
					mw.Close()
					code, b, err = c.do("POST", fmt.Sprintf("/api/v1/measures/%d/progress", measures[g]), mw.FormDataContentType(), buf.Bytes())
					a.table, a.measure = "progress", measures[g]
				}
				if err != nil {
					// The server is gone (or going): this write was never
					// acknowledged. Stop after a few in a row.
					if fails.Add(1) > 50 {
						return
					}
					time.Sleep(10 * time.Millisecond)
					continue
				}
				if code < 200 || code > 299 {
					t.Errorf("%s: status %d: %s", a.table, code, b)
					return
				}
				var out struct {
					ID    int64 `json:"id"`
					Files []struct {
						SHA256 string `json:"sha256"`
					} `json:"files"`
				}
				if err := json.Unmarshal(b, &out); err != nil || out.ID == 0 {
					t.Errorf("%s: answer %s", a.table, b)
					return
				}
				a.id = out.ID
				if len(out.Files) > 0 {
					a.file = out.Files[0].SHA256
				}
				record(a)
			}
		}(g)
	}
	// Kill in the middle of the burst.
	for deadline := time.Now().Add(8 * time.Second); count() < 300 && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
	}
	if err := srv.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	killedAt := count()
	<-srv.done
	wg.Wait()
	if t.Failed() {
		return
	}
	got := append([]ack(nil), acks...)
	t.Logf("%d writes acknowledged before SIGKILL", len(got))
	if killedAt < 30 {
		t.Fatalf("only %d writes before the kill: the burst did not get going", killedAt)
	}

	// Start again on the same folder; the program answers.
	srv2 := start(t, bin, "serve", "--data", data, "--addr", "127.0.0.1:0")
	c.base = "http://" + srv2.addr
	if code, b, err := c.do("GET", "/healthz", "", nil); err != nil || code != 200 {
		t.Fatalf("healthz after restart: %d %v %s", code, err, b)
	}
	var pr struct {
		Progress []struct {
			ID int64 `json:"id"`
		} `json:"progress"`
	}
	// Every acknowledged progress report of the first client is listed.
	firstProblem := int64(0)
	for _, cat := range ledger.Tree {
		for _, p := range cat.Problems {
			for _, m := range p.Measures {
				if m.ID == measures[0] {
					firstProblem = p.ID
				}
			}
		}
	}
	c.getJSON(t, fmt.Sprintf("/api/v1/problems/%d/progress", firstProblem), &pr)
	listed := map[int64]bool{}
	for _, p := range pr.Progress {
		listed[p.ID] = true
	}
	srv2.stop(t)

	// And every acknowledged write is in the database, which is sound.
	db, err := sql.Open("sqlite", "file:"+filepath.Join(data, "zhenggai.db")+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var res string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check: %q %v", res, err)
	}
	rows, err := db.Query(`PRAGMA foreign_key_check`)
	if err != nil {
		t.Fatal(err)
	}
	if rows.Next() {
		t.Fatal("foreign_key_check reports a broken reference")
	}
	rows.Close()
	ctx := context.Background()
	for _, a := range got {
		var n int
		if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+a.table+` WHERE id = ?`, a.id).Scan(&n); err != nil || n != 1 {
			t.Errorf("acknowledged %s #%d is missing after the crash (%v)", a.table, a.id, err)
		}
		if a.file != "" {
			if _, err := os.Stat(filepath.Join(data, "files", a.file[:2], a.file)); err != nil {
				t.Errorf("evidence file of progress #%d is missing: %v", a.id, err)
			}
		}
	}
	for _, a := range got {
		if a.measure == measures[0] && !listed[a.id] {
			t.Errorf("acknowledged progress #%d is not listed by the restarted server", a.id)
		}
	}

	// The audit trail agrees with the records.
	out, err := exec.Command(bin, "audit", "verify", "--data", data).CombinedOutput()
	switch {
	case err == nil:
	case strings.Contains(string(out), "未知命令"):
		t.Log("zhenggai audit verify does not exist yet")
	default:
		t.Errorf("audit verify after the crash: %v\n%s", err, out)
	}
}

// token creates an API token with the program's own command, or returns
// "" when the program has no such command yet.
func token(t *testing.T, bin, data string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, "token", "create", "--data", data)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if strings.Contains(stderr.String(), "未知命令") {
			return ""
		}
		t.Fatalf("token create: %v\n%s\n%s", err, stdout.String(), stderr.String())
	}
	words := strings.Fields(stdout.String())
	if len(words) == 0 {
		t.Fatalf("token create printed nothing: %s", stderr.String())
	}
	return words[len(words)-1]
}
