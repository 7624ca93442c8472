package cli_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestNotifyCommand: a second run finds nothing new to tell (whatever the
// demo's server told before it stopped); a digest needs an SMTP server.
func TestNotifyCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "demo")
	startAndGet(t, []string{"demo", "--data", dir, "--addr", "127.0.0.1:0"}, "", "/healthz", "ok")
	if code, out, errOut := run(t, "", "notify", "--data", dir); code != 0 || !strings.Contains(out, "站内消息") {
		t.Fatalf("notify: %d %s %s", code, out, errOut)
	}
	code, out, errOut := run(t, "", "notify", "--data", dir)
	if code != 0 || !strings.Contains(out, "预警变化0项，站内消息0条") {
		t.Fatalf("notify: %d %s %s", code, out, errOut)
	}
	if code, _, errOut := run(t, "", "notify", "--data", dir, "--digest"); code != 1 || !strings.Contains(errOut, "--smtp") {
		t.Errorf("digest without SMTP: %d %s", code, errOut)
	}
	if code, _, errOut := run(t, "", "notify", "--data", dir, "--smtp", "nohost", "--smtp-from", "a@b.cn"); code != 1 || !strings.Contains(errOut, "主机:端口") {
		t.Errorf("bad SMTP address: %d %s", code, errOut)
	}
}
