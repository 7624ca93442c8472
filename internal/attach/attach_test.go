package attach_test

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zhenggai/internal/attach"
)

func TestPutStoresOnceByHash(t *testing.T) {
	dir := t.TempDir()
	d, err := attach.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	body := "党组会议纪要（示例）"
	sum, size, err := d.Put(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	// sha256 of the UTF-8 bytes, computed independently.
	if want := fmt.Sprintf("%x", sha256.Sum256([]byte(body))); sum != want || size != int64(len(body)) {
		t.Fatalf("sum %s size %d", sum, size)
	}
	sum2, _, err := d.Put(strings.NewReader(body))
	if err != nil || sum2 != sum {
		t.Fatalf("second put: %s %v", sum2, err)
	}
	var n int
	filepath.Walk(filepath.Join(dir, "files"), func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n++
		}
		return nil
	})
	if n != 1 {
		t.Errorf("%d files stored for one content", n)
	}
	f, err := d.Open(sum)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(f)
	f.Close()
	if string(got) != body {
		t.Errorf("read back %q", got)
	}
}

func TestOpenRefusesPaths(t *testing.T) {
	d, _ := attach.Open(t.TempDir())
	for _, bad := range []string{"", "../../etc/passwd", strings.Repeat("A", 64), strings.Repeat("a", 63) + "/", "ab/../../zhenggai.db"} {
		if _, err := d.Open(bad); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("Open(%q) = %v", bad, err)
		}
	}
}

func TestPutRefusesTooLarge(t *testing.T) {
	dir := t.TempDir()
	d, _ := attach.Open(dir)
	_, _, err := d.Put(io.LimitReader(zeros{}, attach.MaxSize+1))
	if !errors.Is(err, attach.ErrTooLarge) {
		t.Fatalf("err %v", err)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "files"))
	if len(entries) != 0 {
		t.Errorf("a refused file left %d entries", len(entries))
	}
	if _, _, err := d.Put(bytes.NewReader(nil)); err != nil {
		t.Errorf("empty file: %v", err)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

func TestPutRepairsAlteredFile(t *testing.T) {
	dir := t.TempDir()
	d, _ := attach.Open(dir)
	sum, _, _ := d.Put(strings.NewReader("原件"))
	if err := d.Check(sum); err != nil {
		t.Fatal(err)
	}
	var path string
	filepath.Walk(filepath.Join(dir, "files"), func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			path = p
		}
		return nil
	})
	os.WriteFile(path, []byte("篡改"), 0o644)
	if d.Check(sum) == nil {
		t.Fatal("an altered file passes its check")
	}
	// Uploading the genuine content again restores it rather than trusting
	// what lies under its name.
	if _, _, err := d.Put(strings.NewReader("原件")); err != nil {
		t.Fatal(err)
	}
	if err := d.Check(sum); err != nil {
		t.Errorf("the genuine upload did not replace the altered file: %v", err)
	}
}
