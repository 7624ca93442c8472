package attach

import (
	"bytes"
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

// allowedTypes are the kinds of evidence offices keep: scans and photos,
// office documents (Microsoft, WPS, OFD), plain text, archives, recordings.
// Programs, scripts and web pages are refused.
var allowedTypes = map[string]bool{
	".pdf": true, ".ofd": true,
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".bmp": true, ".tif": true, ".tiff": true, ".webp": true,
	".doc": true, ".docx": true, ".wps": true, ".xls": true, ".xlsx": true, ".et": true, ".ppt": true, ".pptx": true, ".dps": true,
	".txt": true, ".csv": true, ".rtf": true,
	".zip": true, ".rar": true, ".7z": true,
	".mp3": true, ".wav": true, ".mp4": true,
}

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
		return "附件"
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
		return zhenggai.Errorf(zhenggai.EINVALID, "“%s”的文件类型不能作为证明材料；可上传PDF、OFD、图片、Word/WPS、Excel、PPT、文本、压缩包或音视频文件", name)
	}
	return nil
}

// Keep stores one uploaded file by its hash and returns its record, named
// by CleanName and typed by its content, not by what the client claimed.
func (d *Dir) Keep(fh *multipart.FileHeader) (zhenggai.Attachment, error) {
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
