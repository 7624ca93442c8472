// Package attach keeps evidence files in the data folder, each stored once
// under the SHA-256 of its content, so that a name a user chose never
// becomes a path and the same scan uploaded twice takes no extra space.
package attach

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// MaxSize is the largest evidence file accepted.
const MaxSize = 32 << 20

// ErrTooLarge is returned when a file exceeds MaxSize.
var ErrTooLarge = errors.New("佐证材料过大（单个文件最大32MB）")

// Dir is a folder of files named by their hash.
type Dir struct{ root string }

// Open returns the attachment folder inside the data folder.
func Open(dataDir string) (*Dir, error) {
	root := filepath.Join(dataDir, "files")
	if err := os.MkdirAll(root, 0o750); err != nil {
		return nil, fmt.Errorf("create files folder: %w", err)
	}
	return &Dir{root: root}, nil
}

// Put stores r and returns its hash and size. The file is written to a
// temporary name, synced, then renamed, so a crash never leaves half a file
// under a hash.
func (d *Dir) Put(r io.Reader) (sum string, size int64, err error) {
	tmp, err := os.CreateTemp(d.root, ".upload-*")
	if err != nil {
		return "", 0, err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	h := sha256.New()
	size, err = io.Copy(io.MultiWriter(tmp, h), io.LimitReader(r, MaxSize+1))
	if err != nil {
		return "", 0, err
	}
	if size > MaxSize {
		return "", 0, ErrTooLarge
	}
	if err = tmp.Sync(); err != nil {
		return "", 0, err
	}
	if err = tmp.Close(); err != nil {
		return "", 0, err
	}
	sum = hex.EncodeToString(h.Sum(nil))
	final := d.path(sum)
	if err = os.MkdirAll(filepath.Dir(final), 0o750); err != nil {
		return "", 0, err
	}
	if d.Check(sum) == nil {
		os.Remove(tmp.Name()) // already have it, intact
		return sum, size, nil
	}
	// Missing or altered: the fresh copy, whose hash we just computed, wins.
	if err = os.Rename(tmp.Name(), final); err != nil {
		return "", 0, err
	}
	return sum, size, nil
}

// Open returns the file stored under sum.
func (d *Dir) Open(sum string) (*os.File, error) {
	if !validSum(sum) {
		return nil, os.ErrNotExist
	}
	return os.Open(d.path(sum))
}

func (d *Dir) path(sum string) string { return filepath.Join(d.root, sum[:2], sum) }

// validSum accepts only lowercase hex of the right length: nothing a
// request carries can walk out of the folder.
func validSum(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// Check re-reads the file stored under sum and reports whether it is
// there with exactly that content: files can be replaced behind the
// program's back, and only their hash proves them.
func (d *Dir) Check(sum string) error {
	f, err := d.Open(sum)
	if err != nil {
		return fmt.Errorf("佐证材料 %s 缺失", sum)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return err
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != sum {
		return fmt.Errorf("佐证材料 %s 的内容已被改动（现内容的哈希为 %s）", sum, got)
	}
	return nil
}
