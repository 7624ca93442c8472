package attach_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/attach"
	"zhenggai/internal/testkit"
)

func check(name string, b []byte) error {
	return attach.CheckContent(name, bytes.NewReader(b), int64(len(b)))
}

// TestEvidenceOfEveryTypeAccepted: a well-formed file of every accepted
// type passes under its own extension, and under upper case.
func TestEvidenceOfEveryTypeAccepted(t *testing.T) {
	for _, ext := range testkit.EvidenceExts {
		b := testkit.Evidence(t, ext)
		for _, name := range []string{"佐证材料" + ext, "扫描件" + strings.ToUpper(ext)} {
			if err := check(name, b); err != nil {
				t.Errorf("%s (%d bytes): %v", name, len(b), err)
			}
			if err := attach.CheckName(name); err != nil {
				t.Errorf("%s: type refused: %v", name, err)
			}
		}
	}
	for name, b := range map[string][]byte{"记事本Unicode.txt": testkit.EvidenceUTF16, "记事本GBK.txt": testkit.EvidenceGBK,
		"签到.csv": testkit.EvidenceGBK} {
		if err := check(name, b); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestEvidenceMismatchRefused: a file whose content is not what its name
// says is refused with a Chinese message naming the file, the type its
// name claims and what it really is.
func TestEvidenceMismatchRefused(t *testing.T) {
	docx := testkit.Evidence(t, ".docx")
	zipped := testkit.Evidence(t, ".zip")
	tests := []struct {
		name   string
		body   []byte
		claims string // what the message says the name stands for
		really string // what it says the file is
	}{
		{"会议纪要.pdf", testkit.EvidenceHTML, "PDF文件", "网页（HTML）"},
		{"会议纪要.docx", testkit.EvidenceHTML, "Word文档", "网页（HTML）"},
		{"台账.xls", testkit.EvidenceHTML, "97-2003", "网页（HTML）"},
		{"照片.jpg", testkit.EvidenceHTML, "JPEG图片", "网页（HTML）"},
		{"说明.txt", testkit.EvidenceHTML, "文本文件", "网页（HTML）"},
		{"照片.jpg", []byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xFF\xFF"), "JPEG图片", "Windows程序"},
		{"纪要.pdf", testkit.Evidence(t, ".png"), "PDF文件", "PNG图片"},
		{"纪要.pdf", docx, "PDF文件", "Word文档"},
		{"台账.xlsx", docx, "Excel表格", "Word文档"},
		{"纪要.docx", zipped, "Word文档", "ZIP压缩包"},
		{"纪要.ofd", zipped, "OFD文件", "ZIP压缩包"},
		{"材料.zip", testkit.Evidence(t, ".rar"), "ZIP压缩包", "RAR压缩包"},
		{"录音.mp3", testkit.Evidence(t, ".pdf"), "MP3音频", "PDF文件"},
		{"照片.png", testkit.Evidence(t, ".wav"), "PNG图片", "WAV音频"},
		{"材料.7z", []byte("这不是压缩包，只是一段文字"), "7z压缩包", "纯文本"},
		{"纪要.doc", []byte{0x00, 0x01, 0x02, 0x03, 0x04}, "97-2003", "无法识别"},
		// A zip cut short: its directory is gone, so it is no document.
		{"纪要.docx", docx[:len(docx)-30], "Word文档", "ZIP压缩包"},
	}
	for _, tt := range tests {
		err := check(tt.name, tt.body)
		msg := zhenggai.ErrorMessage(err)
		if zhenggai.ErrorCode(err) != zhenggai.EINVALID || !strings.Contains(msg, "“"+tt.name+"”") ||
			!strings.Contains(msg, tt.claims) || !strings.Contains(msg, "实际是"+tt.really) {
			t.Errorf("%s: %v, want a refusal saying it claims %s and is %s", tt.name, err, tt.claims, tt.really)
		}
	}
	if err := check("空.pdf", nil); zhenggai.ErrorCode(err) != zhenggai.EINVALID || !strings.Contains(err.Error(), "空文件") {
		t.Errorf("empty file: %v", err)
	}
	if err := check("程序.exe", []byte("MZ")); zhenggai.ErrorCode(err) != zhenggai.EINVALID || !strings.Contains(err.Error(), "文件类型") {
		t.Errorf("program: %v", err)
	}
}

// TestEvidenceFamilies: within images, and within recordings, a content
// other than the extension's is accepted (a phone's HEIC named .jpg).
func TestEvidenceFamilies(t *testing.T) {
	for name, ext := range map[string]string{"照片.jpg": ".heic", "照片.png": ".jpg", "截图.bmp": ".png", "录音.mp3": ".m4a",
		"录音.amr": ".wav", "录像.mp4": ".mov", "录像.avi": ".mp4"} {
		if err := check(name, testkit.Evidence(t, ext)); err != nil {
			t.Errorf("%s holding %s: %v", name, ext, err)
		}
	}
}

// TestEvidenceFromLibreOffice: what an office program writes passes. The
// sample Word file is opened by LibreOffice and saved as Word 97-2003,
// RTF and PDF; each passes under its extension. The test does not skip:
// .ci/run installs LibreOffice.
func TestEvidenceFromLibreOffice(t *testing.T) {
	soffice := ""
	for _, n := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(n); err == nil {
			soffice = p
			break
		}
	}
	if soffice == "" {
		t.Fatal("LibreOffice (soffice) is not installed: the test saves files with it and does not skip; " +
			"apt-get install -y libreoffice-writer-nogui (as .ci/run does)")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "纪要.docx")
	if err := os.WriteFile(in, testkit.Evidence(t, ".docx"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, ext := range []string{"doc", "rtf", "pdf"} {
		cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
			"--convert-to", ext, "--outdir", dir, in)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("LibreOffice → %s: %v\n%s", ext, err, out)
		}
		b, err := os.ReadFile(filepath.Join(dir, "纪要."+ext))
		if err != nil {
			t.Fatalf("LibreOffice made no %s: %v", ext, err)
		}
		if err := check("纪要."+ext, b); err != nil {
			t.Errorf("LibreOffice's %s: %v", ext, err)
		}
	}
}

// FuzzCheckContent: any bytes under any accepted name are judged without
// a panic, reading a bounded part of the file.
func FuzzCheckContent(f *testing.F) {
	for _, ext := range []string{".pdf", ".docx", ".ofd", ".xlsx", ".jpg", ".mp4", ".txt", ".heic", ".zip"} {
		f.Add("a"+ext, testkit.Evidence(f, ext))
	}
	f.Add("a.docx", []byte("PK\x05\x06\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"))
	f.Add("a.pdf", testkit.EvidenceHTML)
	f.Fuzz(func(t *testing.T, name string, b []byte) {
		r := &countingReader{r: bytes.NewReader(b)}
		err := attach.CheckContent(name, r, int64(len(b)))
		if err != nil && zhenggai.ErrorCode(err) != zhenggai.EINVALID {
			t.Fatalf("%q: %v", name, err)
		}
		if r.n > 8<<10+65557+4<<20 {
			t.Fatalf("read %d bytes of %d", r.n, len(b))
		}
	})
}

type countingReader struct {
	r *bytes.Reader
	n int
}

func (c *countingReader) ReadAt(p []byte, off int64) (int, error) {
	n, err := c.r.ReadAt(p, off)
	c.n += n
	return n, err
}
