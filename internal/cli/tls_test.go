package cli_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"zhenggai/internal/cli"
)

// selfSigned writes a certificate for 127.0.0.1 and its key, PEM, as an
// office's own certificate authority would issue one, and returns their
// paths and a pool trusting it.
func selfSigned(t *testing.T) (certFile, keyFile string, pool *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "zhenggai.test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}), 0o600)
	c, _ := x509.ParseCertificate(der)
	pool = x509.NewCertPool()
	pool.AddCert(c)
	return certFile, keyFile, pool
}

// TestServeTLS: serve --tls-cert/--tls-key answers over HTTPS with HSTS,
// and signing in gives a Secure session cookie; plain HTTP to it gets no
// page. Certificates missing their key, or unreadable, are refused at start.
func TestServeTLS(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	code, out, errs := run(t, "", "user", "add", "admin", "--role", "admin", "--data", data)
	if code != 0 {
		t.Fatalf("user add: %s", errs)
	}
	pw := regexp.MustCompile(`初始密码：(\S+)`).FindStringSubmatch(out)[1]
	certFile, keyFile, pool := selfSigned(t)

	for _, bad := range [][]string{{"--tls-cert", certFile}, {"--tls-key", keyFile}, {"--tls-cert", certFile, "--tls-key", certFile}} {
		args := append([]string{"serve", "--data", data, "--addr", "127.0.0.1:0"}, bad...)
		if code, _, errs := run(t, "", args...); code != 1 || !strings.Contains(errs, "--tls") && !strings.Contains(errs, "证书") {
			t.Errorf("%v: exit %d %q", bad, code, errs)
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdout, stderr := &syncBuffer{}, &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- cli.RunContext(ctx, []string{"serve", "--data", data, "--addr", "127.0.0.1:0", "--tls-cert", certFile, "--tls-key", keyFile},
			strings.NewReader(""), stdout, stderr)
	}()
	re := regexp.MustCompile(`https://(127\.0\.0\.1:\d+)/`)
	var addr string
	for deadline := time.Now().Add(30 * time.Second); addr == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := re.FindStringSubmatch(stdout.String()); m != nil {
			addr = m[1]
		}
	}
	if addr == "" {
		t.Fatalf("serve printed no https address: %s %s", stdout.String(), stderr.String())
	}
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get("https://" + addr + "/login")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.TLS == nil || !strings.HasPrefix(resp.Header.Get("Strict-Transport-Security"), "max-age=") {
		t.Errorf("GET /login over TLS: %d, HSTS %q", resp.StatusCode, resp.Header.Get("Strict-Transport-Security"))
	}
	resp, err = client.PostForm("https://"+addr+"/login", url.Values{"name": {"admin"}, "password": {pw}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	secure := false
	for _, c := range resp.Cookies() {
		secure = secure || c.Name == "zg_session" && c.Secure && c.HttpOnly
	}
	if resp.StatusCode != 303 || !secure {
		t.Errorf("sign-in over TLS: %d, cookies %v", resp.StatusCode, resp.Header.Values("Set-Cookie"))
	}
	if resp, err := http.Get("http://" + addr + "/login"); err == nil {
		resp.Body.Close()
		if resp.StatusCode == 200 {
			t.Error("plain HTTP to the TLS port got the page")
		}
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("serve exit %d: %s", code, stderr.String())
	}
}
