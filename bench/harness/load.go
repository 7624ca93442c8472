//go:build linux

package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// wrkResult is what one wrk run reports.
type wrkResult struct {
	RPS      float64 // requests per second
	P50, P99 float64 // latency, milliseconds
	Requests int
	Errors   string // socket errors or non-2xx answers, if any
}

var (
	wrkRPS    = regexp.MustCompile(`Requests/sec:\s+([0-9.]+)`)
	wrkPct    = regexp.MustCompile(`(?m)^\s+(50|99)%\s+([0-9.]+)(us|ms|s|m)\s*$`)
	wrkReqs   = regexp.MustCompile(`(\d+) requests in`)
	wrkSocket = regexp.MustCompile(`Socket errors:[^\n]*`)
	wrkNon2xx = regexp.MustCompile(`Non-2xx or 3xx responses: (\d+)`)
)

// runWrk loads url with wrk: threads, connections and duration as given,
// the cookie (if any) on every request, latency percentiles on.
func runWrk(ctx context.Context, o *options, target, cookie string) (wrkResult, error) {
	args := []string{"-t", strconv.Itoa(o.threads), "-c", strconv.Itoa(o.conns), "-d", o.duration.String(),
		"--timeout", "10s", "--latency"}
	if cookie != "" {
		args = append(args, "-H", "Cookie: "+cookie)
	}
	args = append(args, target)
	out, err := runCmd(ctx, o.duration+60*time.Second, "", "wrk", args...)
	if err != nil {
		return wrkResult{}, err
	}
	var r wrkResult
	m := wrkRPS.FindStringSubmatch(out)
	if m == nil {
		return r, fmt.Errorf("wrk: no Requests/sec in %q", out)
	}
	r.RPS, _ = strconv.ParseFloat(m[1], 64)
	for _, m := range wrkPct.FindAllStringSubmatch(out, -1) {
		v, _ := strconv.ParseFloat(m[2], 64)
		switch m[3] {
		case "us":
			v /= 1000
		case "s":
			v *= 1000
		case "m":
			v *= 60000
		}
		if m[1] == "50" {
			r.P50 = v
		} else {
			r.P99 = v
		}
	}
	if m := wrkReqs.FindStringSubmatch(out); m != nil {
		r.Requests, _ = strconv.Atoi(m[1])
	}
	var errs []string
	if m := wrkSocket.FindString(out); m != "" {
		errs = append(errs, m)
	}
	if m := wrkNon2xx.FindStringSubmatch(out); m != nil {
		errs = append(errs, m[1]+" answers not 2xx/3xx")
	}
	r.Errors = strings.Join(errs, "; ")
	return r, nil
}

// noRedirect is a client that shows redirects instead of following them:
// a page that sends to /login means the session did not take.
var noRedirect = &http.Client{
	Timeout:       60 * time.Second,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// login signs in through the form and returns the session cookie and the
// password now in force: an account made by user add must first change
// the password an administrator set, which it does here.
func login(ctx context.Context, base, name, password string) (string, string, error) {
	post := func(path, cookie string, form url.Values) (*http.Response, error) {
		req, err := http.NewRequestWithContext(ctx, "POST", base+path, strings.NewReader(form.Encode()))
		if err != nil {
			return nil, err
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if cookie != "" {
			req.Header.Set("Cookie", cookie)
		}
		resp, err := noRedirect.Do(req)
		if err != nil {
			return nil, err
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusSeeOther {
			return nil, fmt.Errorf("%s as %s: %s", path, name, resp.Status)
		}
		return resp, nil
	}
	resp, err := post("/login", "", url.Values{"name": {name}, "password": {password}, "next": {"/"}})
	if err != nil {
		return "", "", err
	}
	cookie := ""
	for _, c := range resp.Cookies() {
		if c.Name == "zg_session" && c.Value != "" {
			cookie = c.Name + "=" + c.Value
		}
	}
	if cookie == "" {
		return "", "", fmt.Errorf("sign-in as %s: no cookie", name)
	}
	if strings.HasPrefix(resp.Header.Get("Location"), "/account/password") {
		chosen := password + "-Zg9!"
		if _, err := post("/account/password", cookie, url.Values{"current": {password}, "password": {chosen},
			"confirm": {chosen}, "next": {"/"}}); err != nil {
			return "", "", err
		}
		password = chosen
	}
	return cookie, password, nil
}

// fetch GETs a page with the cookie and insists on 200.
func fetch(ctx context.Context, target, cookie string) ([]byte, time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", target, nil)
	if err != nil {
		return nil, 0, err
	}
	if cookie != "" {
		req.Header.Set("Cookie", cookie)
	}
	t0 := time.Now()
	resp, err := noRedirect.Do(req)
	if err != nil {
		return nil, 0, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	d := time.Since(t0)
	if err != nil {
		return nil, 0, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, 0, fmt.Errorf("GET %s: %s", target, resp.Status)
	}
	return body, d, nil
}

// sequential times n GETs one after another (one client), after warm
// GETs, and returns the latencies in milliseconds, sorted.
func sequential(ctx context.Context, target, cookie string, warm, n int) ([]float64, error) {
	var lat []float64
	for i := 0; i < warm+n; i++ {
		_, d, err := fetch(ctx, target, cookie)
		if err != nil {
			return nil, err
		}
		if i >= warm {
			lat = append(lat, float64(d.Microseconds())/1000)
		}
	}
	slices.Sort(lat)
	return lat, nil
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// nginx serves a folder of files on a loopback port with a minimal
// configuration written into the work folder.
type nginx struct {
	cmd  *exec.Cmd
	base string
}

// startNginx writes the configuration and starts nginx in the foreground
// (as a child), with as many workers as there are CPUs, like the Go
// server's GOMAXPROCS.
func startNginx(ctx context.Context, work, root string) (*nginx, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(work, "nginx")
	for _, d := range []string{dir, filepath.Join(dir, "tmp")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, err
		}
	}
	user := ""
	if os.Geteuid() == 0 {
		user = "user root;" // the work folder is private to this user
	}
	conf := fmt.Sprintf(`%s
worker_processes auto;
daemon off;
pid %[2]s/nginx.pid;
error_log %[2]s/error.log warn;
events { worker_connections 1024; }
http {
	access_log off;
	sendfile on;
	tcp_nopush on;
	keepalive_requests 100000000;
	keepalive_timeout 120s;
	client_body_temp_path %[2]s/tmp/body;
	proxy_temp_path %[2]s/tmp/proxy;
	fastcgi_temp_path %[2]s/tmp/fastcgi;
	types { text/html html; }
	charset utf-8;
	server {
		listen 127.0.0.1:%[3]d;
		root %[4]s;
	}
}
`, user, dir, port, root)
	confFile := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(confFile, []byte(conf), 0o644); err != nil {
		return nil, err
	}
	if _, err := runCmd(ctx, 30*time.Second, "", "nginx", "-t", "-q", "-c", confFile); err != nil {
		return nil, err
	}
	cmd, err := start("nginx", filepath.Join(dir, "stdout.log"), "-c", confFile)
	if err != nil {
		return nil, err
	}
	n := &nginx{cmd: cmd, base: fmt.Sprintf("http://127.0.0.1:%d", port)}
	if err := waitHTTP(ctx, n.base+"/", 20*time.Second, nil); err != nil {
		stop(cmd)
		return nil, err
	}
	return n, nil
}
