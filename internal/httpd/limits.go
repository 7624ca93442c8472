package httpd

import (
	"net"
	"net/netip"
	"sync"
	"time"
)

// Slow and piled-up clients: anyone can reach the sign-in page and the
// public site, and a client that sends a body one byte every few seconds,
// or opens connection after connection, would hold the server's
// connections and goroutines for as long as the server waits.
const (
	// DefaultAnonymousBody bounds the reading of a request's body for a
	// caller who is not signed in (auth.Auth.AnonymousBody): forms and an
	// opinion are a few kilobytes. Signed-in uploads keep the server's
	// five minutes for evidence over a slow intranet.
	DefaultAnonymousBody = 30 * time.Second
	// DefaultConnsPerAddr is how many connections one client address may
	// hold open at once (serve --max-conns-per-addr): a browser opens six
	// or so, an office behind one NAT address a few hundred at most.
	DefaultConnsPerAddr = 256
)

// LimitListener closes at once each new connection from an address that
// already holds max open ones. Trusted proxies are not limited: every
// client behind them shares their address, and they keep their own limits.
func LimitListener(ln net.Listener, max int, trusted []netip.Prefix) net.Listener {
	if max <= 0 {
		return ln
	}
	return &limitListener{Listener: ln, max: max, trusted: trusted, open: map[netip.Addr]int{}}
}

type limitListener struct {
	net.Listener
	max     int
	trusted []netip.Prefix
	mu      sync.Mutex
	open    map[netip.Addr]int
}

func (l *limitListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		ap, err := netip.ParseAddrPort(c.RemoteAddr().String())
		if err != nil {
			return c, nil // not TCP/IP (a test's pipe): nothing to count by
		}
		a := ap.Addr().Unmap()
		if l.isTrusted(a) {
			return c, nil
		}
		l.mu.Lock()
		if l.open[a] >= l.max {
			l.mu.Unlock()
			c.Close()
			continue
		}
		l.open[a]++
		l.mu.Unlock()
		return &countedConn{Conn: c, release: func() {
			l.mu.Lock()
			if l.open[a]--; l.open[a] <= 0 {
				delete(l.open, a)
			}
			l.mu.Unlock()
		}}, nil
	}
}

func (l *limitListener) isTrusted(a netip.Addr) bool {
	for _, p := range l.trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// countedConn gives its place back once, when closed.
type countedConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *countedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.release)
	return err
}
