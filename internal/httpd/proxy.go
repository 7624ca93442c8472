package httpd

import (
	"net"
	"net/http"
	"net/netip"
	"strings"

	"zhenggai/internal/auth"
)

// behindProxies gives each request the address of the client a trusted
// reverse proxy forwarded it for: the right-most X-Forwarded-For hop that
// is not itself a trusted proxy. Throttles, the opinion form's limit and
// the audit trail all key on that address; without it every visitor would
// share the proxy's. A trusted proxy that ended TLS says so with
// X-Forwarded-Proto: https (the value it set, the right-most), and the
// request counts as HTTPS: Secure cookies, HSTS. A request that does not
// come from a trusted proxy keeps its own address and scheme whatever its
// headers say.
func behindProxies(trusted []netip.Prefix, next http.Handler) http.Handler {
	if len(trusted) == 0 {
		return next
	}
	isTrusted := func(a netip.Addr) bool {
		for _, p := range trusted {
			if p.Contains(a.Unmap()) {
				return true
			}
		}
		return false
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		peer, err := netip.ParseAddrPort(r.RemoteAddr)
		if err != nil || !isTrusted(peer.Addr()) {
			next.ServeHTTP(w, r)
			return
		}
		if protos := strings.Split(strings.Join(r.Header.Values("X-Forwarded-Proto"), ","), ","); strings.EqualFold(strings.TrimSpace(protos[len(protos)-1]), "https") {
			r = r.WithContext(auth.MarkHTTPS(r.Context()))
		}
		hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
		for i := len(hops) - 1; i >= 0; i-- {
			a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
			if err != nil {
				break // a malformed hop: trust nothing further left
			}
			if !isTrusted(a) {
				r2 := r.Clone(r.Context())
				r2.RemoteAddr = net.JoinHostPort(a.Unmap().String(), "0")
				next.ServeHTTP(w, r2)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// ParseTrustedProxies reads a comma-separated list of addresses and CIDR
// ranges (e.g. "127.0.0.1,10.0.0.0/8").
func ParseTrustedProxies(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !strings.Contains(f, "/") {
			a, err := netip.ParseAddr(f)
			if err != nil {
				return nil, err
			}
			out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
			continue
		}
		p, err := netip.ParsePrefix(f)
		if err != nil {
			return nil, err
		}
		out = append(out, p.Masked())
	}
	return out, nil
}
