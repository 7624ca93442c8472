package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// tiny writes a module with a program that prints its stamp: it builds in seconds for
// every target and gives real binaries of each format and architecture.
func tiny(t *testing.T) string {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"go.mod":  "module tiny\n\ngo 1.26\n",
		"main.go": "package main\n\nvar version string\n\nfunc main() { println(version) }\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Each target's binary passes its own check and fails every other, and a
// binary built otherwise than a release is refused.
func TestVerifyTellsTargetsApart(t *testing.T) {
	src := tiny(t)
	out := t.TempDir()
	built := map[target]string{}
	for _, tg := range targets {
		p := filepath.Join(out, binaryName("v9.9.9", tg))
		if err := build(context.Background(), src, ".", "main.version", tg, "v9.9.9", p); err != nil {
			t.Fatal(err)
		}
		built[tg] = p
	}
	for _, tg := range targets {
		for _, as := range targets {
			err := verify(built[tg], as, "v9.9.9")
			if (tg == as) != (err == nil) {
				t.Errorf("the %s binary checked as %s: %v", tg, as, err)
			}
		}
		if err := verify(built[tg], tg, "v9.9.8"); err == nil || !strings.Contains(err.Error(), "未写入") {
			t.Errorf("%s with another version: %v", tg, err)
		}
	}

	// A plain go build: no -trimpath, no stamp.
	plain := filepath.Join(out, "plain")
	cmd := exec.Command("go", "build", "-o", plain, ".")
	cmd.Dir = src
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS=linux", "GOARCH=amd64")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v %s", err, b)
	}
	if err := verify(plain, target{"linux", "amd64"}, "v9.9.9"); err == nil || !strings.Contains(err.Error(), "-trimpath") {
		t.Errorf("a plain build passed: %v", err)
	}
	text := filepath.Join(out, "README")
	os.WriteFile(text, []byte("not a program"), 0o644)
	if err := verify(text, target{"linux", "amd64"}, "v9.9.9"); err == nil {
		t.Error("a text file passed")
	}
}

// The same source built from two folders, one of them a git checkout,
// gives the same bytes.
func TestBuildIsReproducible(t *testing.T) {
	var sums []string
	for i := range 2 {
		src := tiny(t)
		if i == 1 {
			git(t, src, "init", "-q")
			git(t, src, "add", ".")
			git(t, src, "commit", "-qm", "tiny")
		}
		p := filepath.Join(t.TempDir(), "zhenggai.exe")
		if err := build(context.Background(), src, ".", "main.version", target{"windows", "amd64"}, "v1.0.0", p); err != nil {
			t.Fatal(err)
		}
		s, err := writeSums(filepath.Dir(p), []string{"zhenggai.exe"})
		if err != nil {
			t.Fatal(err)
		}
		sums = append(sums, s)
	}
	if sums[0] != sums[1] {
		t.Errorf("two builds differ:\n%s%s", sums[0], sums[1])
	}
}

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org", "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v %s", args, err, b)
	}
}

func TestDescribe(t *testing.T) {
	dir := t.TempDir()
	if _, err := describe(context.Background(), dir); err == nil || !strings.Contains(err.Error(), "-version") {
		t.Errorf("outside git: %v", err)
	}
	git(t, dir, "init", "-q")
	os.WriteFile(filepath.Join(dir, "a"), []byte("1"), 0o644)
	git(t, dir, "add", "a")
	git(t, dir, "commit", "-qm", "one")
	git(t, dir, "tag", "v1.0.0")
	steps := []struct {
		do   func()
		want string
	}{
		{func() {}, `^v1\.0\.0$`},
		{func() { os.WriteFile(filepath.Join(dir, "a"), []byte("2"), 0o644) }, `^v1\.0\.0-dirty$`},
		{func() { git(t, dir, "commit", "-qam", "two") }, `^v1\.0\.0-1-g[0-9a-f]{7,}$`},
	}
	for i, s := range steps {
		s.do()
		got, err := describe(context.Background(), dir)
		if err != nil || !regexp.MustCompile(s.want).MatchString(got) {
			t.Errorf("step %d: %q %v, want %s", i, got, err, s.want)
		}
		if err := checkVersion(got); err != nil {
			t.Errorf("git's own version refused: %v", err)
		}
	}
}

func TestCheckVersion(t *testing.T) {
	for _, v := range []string{"v1.2.0", "1.0", "v1.2.0-3-gabc1234-dirty", "v2.0.0+信创"[:7]} {
		if err := checkVersion(v); err != nil {
			t.Errorf("%q refused: %v", v, err)
		}
	}
	for _, v := range []string{"", "-v1", "v1 2", `v1"`, "v1/2", "v1\\2", "v1\n", "版本1", strings.Repeat("1", 65)} {
		if err := checkVersion(v); err == nil {
			t.Errorf("%q accepted", v)
		}
	}
}

func TestPickTargets(t *testing.T) {
	ts, err := pickTargets(" windows/amd64,linux/loong64")
	if err != nil || len(ts) != 2 || ts[0] != (target{"windows", "amd64"}) || ts[1] != (target{"linux", "loong64"}) {
		t.Errorf("%v %v", ts, err)
	}
	if _, err := pickTargets("linux/386"); err == nil {
		t.Error("linux/386 accepted")
	}
}

// Only what a release wrote is removed from the output folder.
func TestClean(t *testing.T) {
	out := t.TempDir()
	for _, n := range []string{"zhenggai-v1-linux-amd64", "SHA256SUMS", "zhenggai.service", "说明.txt"} {
		os.WriteFile(filepath.Join(out, n), nil, 0o644)
	}
	if err := clean(out); err != nil {
		t.Fatal(err)
	}
	ents, _ := os.ReadDir(out)
	if len(ents) != 1 || ents[0].Name() != "说明.txt" {
		t.Errorf("left %v", ents)
	}
}

func TestUsage(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"-h"}, &out, &errb); code != 0 || !strings.Contains(errb.String(), "linux/loong64") {
		t.Errorf("exit %d %s", code, errb.String())
	}
	if code := run(context.Background(), []string{"-version", "v 1"}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "版本号") {
		t.Errorf("exit %d %s", code, errb.String())
	}
}
