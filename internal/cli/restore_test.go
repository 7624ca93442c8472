package cli_test

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// member is one entry of a hand-made archive.
type member struct {
	name string
	data []byte
	mode fs.FileMode // 0: a regular file
}

// readArchive returns the members of a backup and its manifest, decoded.
func readArchive(t *testing.T, path string) ([]member, map[string]any) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var out []member
	var man map[string]any
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == "manifest.json" {
			if err := json.Unmarshal(b, &man); err != nil {
				t.Fatal(err)
			}
			continue
		}
		out = append(out, member{name: f.Name, data: b})
	}
	return out, man
}

func sumOf(b []byte) string { s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }

// writeArchive writes members and a manifest listing them, with their
// true sizes and sums, into a new zip.
func writeArchive(t *testing.T, path string, man map[string]any, ms []member) {
	t.Helper()
	writeForged(t, path, man, ms, nil)
}

// writeForged is writeArchive with the manifest's entries edited by edit,
// which may change an entry or return false to leave the member unlisted.
func writeForged(t *testing.T, path string, man map[string]any, ms []member, edit func(name string, e map[string]any) bool) {
	t.Helper()
	var list []map[string]any
	for _, m := range ms {
		e := map[string]any{"name": m.name, "size": len(m.data), "sha256": sumOf(m.data)}
		if edit == nil || edit(m.name, e) {
			list = append(list, e)
		}
	}
	cp := map[string]any{}
	for k, v := range man {
		cp[k] = v
	}
	cp["members"] = list
	mb, _ := json.Marshal(cp)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, m := range append(ms, member{name: "manifest.json", data: mb}) {
		h := &zip.FileHeader{Name: m.name, Method: zip.Deflate}
		h.SetMode(0o640)
		if m.mode != 0 {
			h.SetMode(m.mode)
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(m.data)
	}
	zw.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestRestoreRefusesBadArchives feeds restore archives with path tricks,
// unexpected or forged members and broken checksums. Each is refused
// with a Chinese message, and nothing is written: not the target, not a
// file outside it, not a temporary folder left behind.
func TestRestoreRefusesBadArchives(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	_, files, _, _ := seedData(t, data)
	evidence := []byte("整改证明材料")
	files.Put(bytes.NewReader(evidence))
	good := filepath.Join(t.TempDir(), "good.zip")
	if code, _, errs := run(t, "", "backup", "--data", data, good); code != 0 {
		t.Fatal(errs)
	}
	ms, man := readArchive(t, good)
	if len(ms) != 2 {
		t.Fatalf("members %d", len(ms))
	}
	with := func(extra ...member) []member { return append(append([]member(nil), ms...), extra...) }
	fileName := "files/" + sumOf(evidence)[:2] + "/" + sumOf(evidence)
	other := []byte("另一份材料")
	otherName := "files/" + sumOf(other)[:2] + "/" + sumOf(other)
	manWith := func(k string, v any) map[string]any {
		cp := map[string]any{}
		for kk, vv := range man {
			cp[kk] = vv
		}
		cp[k] = v
		return cp
	}
	counts := map[string]any{}
	for k, v := range man["counts"].(map[string]any) {
		counts[k] = v
	}
	counts["rounds"] = 5.0

	type tc struct {
		name   string
		write  func(path string)
		reason string // part of the message
	}
	cases := []tc{
		{"parent path", func(p string) { writeArchive(t, p, man, with(member{name: "../evil.txt", data: []byte("x")})) }, "不应出现的成员"},
		{"deep parent path", func(p string) {
			writeArchive(t, p, man, with(member{name: "files/../../evil.txt", data: []byte("x")}))
		}, "不应出现的成员"},
		{"absolute path", func(p string) { writeArchive(t, p, man, with(member{name: "/tmp/evil.txt", data: []byte("x")})) }, "不应出现的成员"},
		{"backslashes", func(p string) {
			writeArchive(t, p, man, with(member{name: `..\..\evil.txt`, data: []byte("x")}))
		}, "不应出现的成员"},
		{"windows drive", func(p string) {
			writeArchive(t, p, man, with(member{name: `C:\Windows\evil.exe`, data: []byte("x")}))
		}, "不应出现的成员"},
		{"unexpected member", func(p string) { writeArchive(t, p, man, with(member{name: "readme.txt", data: []byte("x")})) }, "不应出现的成员"},
		{"file in the wrong folder", func(p string) {
			writeArchive(t, p, man, with(member{name: "files/00/" + sumOf(other), data: other}))
		}, "不应出现的成员"},
		{"symlink", func(p string) {
			writeArchive(t, p, man, with(member{name: otherName, data: []byte("/etc/passwd"), mode: fs.ModeSymlink | 0o777}))
		}, "不是普通文件"},
		{"duplicate member", func(p string) {
			writeArchive(t, p, man, with(member{name: fileName, data: evidence}))
		}, "不止一次"},
		{"member not in the manifest", func(p string) {
			writeForged(t, p, man, with(member{name: otherName, data: other}), func(n string, _ map[string]any) bool { return n != otherName })
		}, "不在清单中"},
		{"content not its name", func(p string) {
			writeArchive(t, p, man, with(member{name: otherName, data: []byte("forged")}))
		}, "与其名称不符"},
		{"checksum broken", func(p string) {
			writeForged(t, p, man, ms, func(n string, e map[string]any) bool {
				if n == "zhenggai.db" {
					e["sha256"] = strings.Repeat("0", 64)
				}
				return true
			})
		}, "校验值与清单不符"},
		{"database damaged", func(p string) {
			bad := append([]member(nil), ms...)
			for i := range bad {
				if bad[i].name == "zhenggai.db" {
					db := append([]byte(nil), bad[i].data...)
					for j := 4096; j < len(db) && j < 4096*4; j++ {
						db[j] ^= 0x5a
					}
					bad[i].data = db
				}
			}
			writeArchive(t, p, man, bad)
		}, "数据库"},
		{"counts differ", func(p string) { writeArchive(t, p, manWith("counts", counts), ms) }, "清单记载"},
		{"no manifest", func(p string) {
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			for _, m := range ms {
				w, _ := zw.Create(m.name)
				w.Write(m.data)
			}
			zw.Close()
			os.WriteFile(p, buf.Bytes(), 0o600)
		}, "缺少 manifest.json"},
		{"no database", func(p string) {
			writeArchive(t, p, man, []member{{name: fileName, data: evidence}})
		}, "缺少数据库"},
		{"newer schema", func(p string) { writeArchive(t, p, manWith("schema_version", 9999.0), ms) }, "更新版本"},
		{"newer format", func(p string) { writeArchive(t, p, manWith("format_version", 2.0), ms) }, "备份格式版本"},
		{"not a backup", func(p string) { writeArchive(t, p, manWith("format", "something-else"), ms) }, "不是 zhenggai 的备份"},
		{"truncated", func(p string) {
			b, _ := os.ReadFile(good)
			os.WriteFile(p, b[:len(b)/2], 0o600)
		}, "无法读取"},
		{"not a zip", func(p string) { os.WriteFile(p, []byte("PK\x03\x04 not really"), 0o600) }, "无法读取"},
		{"more data than listed", func(p string) {
			writeForged(t, p, man, with(member{name: otherName, data: other}), func(n string, e map[string]any) bool {
				if n == otherName {
					e["size"] = 3
				}
				return true
			})
		}, "大小"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			archive := filepath.Join(dir, "backup.zip")
			c.write(archive)
			parent := filepath.Join(dir, "sub")
			os.Mkdir(parent, 0o750)
			target := filepath.Join(parent, "restored")
			code, out, errs := run(t, "", "restore", "--data", target, archive)
			if code != 1 || !strings.HasPrefix(errs, "错误：") && !strings.Contains(errs, "\n错误：") || !strings.Contains(errs, c.reason) {
				t.Errorf("exit %d, want 1 with %q\n%s\n%s", code, c.reason, out, errs)
			}
			if !hasHanText(errs) {
				t.Errorf("message not in Chinese: %q", errs)
			}
			// Nothing anywhere but the archive and the empty parent.
			var left []string
			filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
				if p != dir && p != archive && p != parent {
					left = append(left, p)
				}
				return nil
			})
			if len(left) > 0 {
				t.Errorf("restore left %v", left)
			}
			for _, p := range []string{"/tmp/evil.txt", filepath.Join(filepath.Dir(dir), "evil.txt")} {
				if _, err := os.Stat(p); err == nil {
					t.Errorf("wrote %s", p)
				}
			}
		})
	}
}

func hasHanText(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}
