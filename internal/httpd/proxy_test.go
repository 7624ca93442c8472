package httpd

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"zhenggai/internal/auth"
)

// TestBehindProxies: the client's address is the right-most hop a trusted
// proxy forwarded for; a request from anyone else keeps its own address,
// whatever X-Forwarded-For it sends.
func TestBehindProxies(t *testing.T) {
	trusted, err := ParseTrustedProxies("127.0.0.1, 10.0.0.0/8")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		peer, xff, want string
	}{
		{"127.0.0.1:5000", "203.0.113.7", "203.0.113.7:0"},                         // one proxy
		{"127.0.0.1:5000", "198.51.100.1, 203.0.113.7, 10.1.2.3", "203.0.113.7:0"}, // a forged left hop is not believed
		{"127.0.0.1:5000", "", "127.0.0.1:5000"},                                   // nothing forwarded
		{"127.0.0.1:5000", "garbage", "127.0.0.1:5000"},                            // nothing usable
		{"203.0.113.9:4000", "10.0.0.1", "203.0.113.9:4000"},                       // not from a proxy: headers ignored
		{"[::ffff:127.0.0.1]:5000", "2001:db8::1", "[2001:db8::1]:0"},              // IPv4-mapped proxy, IPv6 client
	}
	for _, tt := range tests {
		var got string
		h := behindProxies(trusted, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { got = r.RemoteAddr }))
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = tt.peer
		if tt.xff != "" {
			r.Header.Set("X-Forwarded-For", tt.xff)
		}
		h.ServeHTTP(httptest.NewRecorder(), r)
		if got != tt.want {
			t.Errorf("peer %s, X-Forwarded-For %q: client %s, want %s", tt.peer, tt.xff, got, tt.want)
		}
	}
	if _, err := ParseTrustedProxies("10.0.0.0/99"); err == nil {
		t.Error("a bad range was accepted")
	}
}

// TestForwardedProto: X-Forwarded-Proto: https counts from a trusted proxy
// only, and only as the value it set (the right-most).
func TestForwardedProto(t *testing.T) {
	trusted, _ := ParseTrustedProxies("127.0.0.1")
	tests := []struct {
		peer  string
		proto []string
		want  bool
	}{
		{"127.0.0.1:5000", []string{"https"}, true},
		{"127.0.0.1:5000", []string{"HTTPS"}, true},
		{"127.0.0.1:5000", []string{"http"}, false},
		{"127.0.0.1:5000", nil, false},
		{"127.0.0.1:5000", []string{"https, http"}, false}, // the proxy says http; a client's https before it is nothing
		{"127.0.0.1:5000", []string{"http", "https"}, true},
		{"203.0.113.9:4000", []string{"https"}, false}, // not from the proxy: ignored
	}
	for _, tt := range tests {
		var got bool
		h := behindProxies(trusted, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { got = auth.HTTPS(r) }))
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = tt.peer
		for _, p := range tt.proto {
			r.Header.Add("X-Forwarded-Proto", p)
		}
		h.ServeHTTP(httptest.NewRecorder(), r)
		if got != tt.want {
			t.Errorf("peer %s, X-Forwarded-Proto %q: HTTPS %v, want %v", tt.peer, tt.proto, got, tt.want)
		}
	}
}
