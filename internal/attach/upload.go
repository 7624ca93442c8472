package attach

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"mime/multipart"
	"net/http"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"zhenggai"
)

// maxNameLen bounds the stored name of an uploaded file, in characters.
const maxNameLen = 200

// allowedTypes are the kinds of evidence offices keep: scans and photos
// (phones' HEIC too), office documents (Microsoft, WPS, OFD), plain text,
// archives, recordings and videos. Programs, scripts and web pages are
// refused. What each may hold is acceptedContent (content.go).
var allowedTypes = func() map[string]bool {
	m := map[string]bool{}
	for ext := range acceptedContent {
		m[ext] = true
	}
	return m
}()

// CleanName is the name an evidence file is listed under: the last element
// of what the client sent (either kind of separator), without control or
// bidi characters (which could make "a\u202efdp.exe" read "aexe.pdf"),
// never empty and not overlong.
func CleanName(name string) string {
	name = strings.ToValidUTF8(name, "")
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError || unicode.Is(unicode.Bidi_Control, r) {
			return -1
		}
		return r
	}, name)
	name = strings.TrimSpace(name)
	if name == "" || name == "." || name == ".." {
		return "佐证材料"
	}
	if utf8.RuneCountInString(name) > maxNameLen {
		ext := path.Ext(name)
		if utf8.RuneCountInString(ext) > 10 {
			ext = ""
		}
		r := []rune(strings.TrimSuffix(name, ext))
		name = string(r[:maxNameLen-utf8.RuneCountInString(ext)]) + ext
	}
	return name
}

// CheckName refuses file types that are not evidence, with a message that
// names the file and says what is accepted.
func CheckName(name string) error {
	if !allowedTypes[strings.ToLower(path.Ext(name))] {
		return zhenggai.Errorf(zhenggai.EINVALID, "“%s”的文件类型不能作为佐证材料；可上传PDF、OFD、图片（JPG、PNG、GIF、BMP、TIFF、WebP、HEIC）、Word/WPS、Excel、PPT、文本、压缩包（ZIP、RAR、7z）或音视频文件（MP3、WAV、AMR、M4A、MP4、MOV、AVI、WMV）", name)
	}
	return nil
}

// CheckFile refuses an uploaded file whose type is not evidence or
// whose content is not what its name says (CheckName, CheckContent), so
// that a handler can check every file of a request before keeping any.
func CheckFile(fh *multipart.FileHeader) error {
	name := CleanName(fh.Filename)
	if err := CheckName(name); err != nil {
		return err
	}
	f, err := fh.Open()
	if err != nil {
		return err
	}
	defer f.Close()
	return CheckContent(name, f, fh.Size)
}

// Sum is the hash and size an uploaded file will be kept under, read
// without keeping it: what a quota check needs before anything is stored.
func Sum(fh *multipart.FileHeader) (zhenggai.Attachment, error) {
	f, err := fh.Open()
	if err != nil {
		return zhenggai.Attachment{}, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, io.LimitReader(f, MaxSize+1))
	if err != nil {
		return zhenggai.Attachment{}, err
	}
	return zhenggai.Attachment{Name: CleanName(fh.Filename), SHA256: hex.EncodeToString(h.Sum(nil)), Size: n}, nil
}

// Keep stores one uploaded file by its hash and returns its record, named
// by CleanName and typed by its content, not by what the client claimed.
// A file CheckFile refuses is not stored.
func (d *Dir) Keep(fh *multipart.FileHeader) (zhenggai.Attachment, error) {
	if err := CheckFile(fh); err != nil {
		return zhenggai.Attachment{}, err
	}
	f, err := fh.Open()
	if err != nil {
		return zhenggai.Attachment{}, err
	}
	defer f.Close()
	head := make([]byte, 512)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return zhenggai.Attachment{}, err
	}
	head = head[:n]
	sum, size, err := d.Put(io.MultiReader(bytes.NewReader(head), f))
	if err != nil {
		return zhenggai.Attachment{}, err
	}
	return zhenggai.Attachment{Name: CleanName(fh.Filename), SHA256: sum, Size: size, ContentType: http.DetectContentType(head)}, nil
}
