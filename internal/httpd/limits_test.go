package httpd_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/httpd"
	"zhenggai/internal/testkit"
)

// slowServer is the program with its limits made small, so that a test of
// them takes a second: anonymous bodies 300 ms, two connections an address.
func slowServer(t *testing.T) (*httptest.Server, *testkit.Login) {
	env := testkit.Open(t)
	l := testkit.SignIn(t, env.Store, zhenggai.RoleUnitAdmin, "甲单位", "办公室")
	cfg := env.Config(t, nil)
	cfg.AnonymousBody = 300 * time.Millisecond
	srv := httptest.NewUnstartedServer(httpd.New(cfg))
	srv.Listener = httpd.LimitListener(srv.Listener, 2, nil)
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, l
}

// trickle sends a request whose body of n bytes comes one byte every
// 50 ms, and reports how many bytes were sent when the server answered or
// hung up (n when it waited for them all), and the status if it answered.
func trickle(t *testing.T, srv *httptest.Server, path, cookie string, n int) (sent int, status string) {
	t.Helper()
	c, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "POST %s HTTP/1.1\r\nHost: %s\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n", path, srv.Listener.Addr(), n)
	if cookie != "" {
		fmt.Fprintf(c, "Cookie: %s\r\n", cookie)
	}
	fmt.Fprint(c, "\r\n")
	answered := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(c).ReadString('\n')
		answered <- strings.TrimSpace(line)
	}()
	for sent = 0; sent < n; sent++ {
		select {
		case s := <-answered:
			return sent, s
		case <-time.After(50 * time.Millisecond):
		}
		if _, err := c.Write([]byte("x")); err != nil {
			return sent, ""
		}
	}
	select {
	case s := <-answered:
		return n, s
	case <-time.After(10 * time.Second):
		t.Fatal("no answer after the whole body")
	}
	return n, ""
}

// TestSlowBodyCut: a body trickled in by someone not signed in is cut off
// (here after 300 ms, in the program after 30 s), long before it is all
// sent; a signed-in user's slow upload is waited for.
func TestSlowBodyCut(t *testing.T) {
	srv, l := slowServer(t)
	for _, path := range []string{"/login", "/public/reports/1/opinions", "/rounds"} {
		if sent, status := trickle(t, srv, path, "", 200); sent >= 100 {
			t.Errorf("POST %s trickled anonymously: the server waited for %d of 200 bytes (%q)", path, sent, status)
		}
	}
	sent, status := trickle(t, srv, "/logout", l.Cookie.Name+"="+l.Cookie.Value, 20) // 1 s, past the anonymous bound
	if sent != 20 || !strings.Contains(status, "303") {
		t.Errorf("a signed-in user's slow body: %d of 20 bytes sent, answer %q", sent, status)
	}
}

// TestConnectionsPerAddress: past its limit, an address's new connection
// is closed at once; one of its connections closed, it may open another.
func TestConnectionsPerAddress(t *testing.T) {
	srv, _ := slowServer(t)
	addr := srv.Listener.Addr().String()
	open := func() (net.Conn, *bufio.Reader) {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		return c, bufio.NewReader(c)
	}
	// A connection counts once the server has it: answering a request
	// proves that, and keep-alive holds it open.
	works := func(c net.Conn, r *bufio.Reader) bool {
		c.SetDeadline(time.Now().Add(5 * time.Second))
		if _, err := fmt.Fprintf(c, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
			return false
		}
		resp, err := http.ReadResponse(r, nil)
		if err != nil {
			return false
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode == 200
	}
	c1, r1 := open()
	c2, r2 := open()
	defer c2.Close()
	if !works(c1, r1) || !works(c2, r2) {
		t.Fatal("the first two connections do not work")
	}
	c3, r3 := open()
	if works(c3, r3) {
		t.Error("a third connection from the same address was served")
	}
	c3.Close()
	c1.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for {
		c4, r4 := open()
		ok := works(c4, r4)
		c4.Close()
		if ok {
			break
		}
		if ctx.Err() != nil {
			t.Fatal("a connection closed did not free its place")
		}
		time.Sleep(50 * time.Millisecond)
	}
}
