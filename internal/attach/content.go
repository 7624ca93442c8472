package attach

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"net/http"
	"path"
	"strings"

	"zhenggai"
)

// An evidence file is kept only if its content is what its name says: a
// web page named 证明.pdf, or a program named 照片.jpg, is refused. The
// check reads the file's first bytes and, for the formats that are zip
// containers (OOXML, OFD), the zip's directory: a bounded read whatever
// the file holds.

// sniffLen is how much of the start of a file the signatures look at.
const sniffLen = 8 << 10

// Bounds of the zip directory read for OOXML and OFD: real documents
// have tens to a few thousand parts.
const (
	maxZipEntries = 20000
	maxZipDir     = 4 << 20
)

// contentKind is one kind of content a signature recognises.
type contentKind struct {
	name  string // Chinese, for the message: what the file really is
	match func(head []byte) bool
	// zip, if set, decides from the names in the zip's directory.
	zip func(names []string) bool
}

var (
	kPDF  = &contentKind{name: "PDF文件", match: func(h []byte) bool { return bytes.Contains(prefix(h, 1024), []byte("%PDF-")) }}
	kOLE  = &contentKind{name: "Office/WPS 97-2003 文档", match: hasPrefix("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")}
	kRTF  = &contentKind{name: "RTF文档", match: hasPrefix(`{\rtf`)}
	kZip  = &contentKind{name: "ZIP压缩包", match: isZip}
	kDocx = &contentKind{name: "Word文档（docx）", match: isZip, zip: zipHas("word/")}
	kXlsx = &contentKind{name: "Excel表格（xlsx）", match: isZip, zip: zipHas("xl/")}
	kPptx = &contentKind{name: "PPT演示文稿（pptx）", match: isZip, zip: zipHas("ppt/")}
	kOFD  = &contentKind{name: "OFD文件", match: isZip, zip: zipHas("OFD.xml")}
	kRAR  = &contentKind{name: "RAR压缩包", match: hasPrefix("Rar!\x1A\x07")}
	k7z   = &contentKind{name: "7z压缩包", match: hasPrefix("7z\xBC\xAF\x27\x1C")}
	kJPEG = &contentKind{name: "JPEG图片", match: hasPrefix("\xFF\xD8\xFF")}
	kPNG  = &contentKind{name: "PNG图片", match: hasPrefix("\x89PNG\r\n\x1A\n")}
	kGIF  = &contentKind{name: "GIF图片", match: func(h []byte) bool {
		return bytes.HasPrefix(h, []byte("GIF87a")) || bytes.HasPrefix(h, []byte("GIF89a"))
	}}
	kBMP  = &contentKind{name: "BMP图片", match: isBMP}
	kTIFF = &contentKind{name: "TIFF图片", match: func(h []byte) bool {
		for _, p := range []string{"II*\x00", "MM\x00*", "II+\x00", "MM\x00+"} {
			if bytes.HasPrefix(h, []byte(p)) {
				return true
			}
		}
		return false
	}}
	kWebP = &contentKind{name: "WebP图片", match: riff("WEBP")}
	kHEIF = &contentKind{name: "HEIC/HEIF图片", match: func(h []byte) bool {
		return ftypBrand(h, "heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1", "avif")
	}}
	kWAV  = &contentKind{name: "WAV音频", match: riff("WAVE")}
	kAVI  = &contentKind{name: "AVI视频", match: riff("AVI ")}
	kAMR  = &contentKind{name: "AMR录音", match: hasPrefix("#!AMR")}
	kMP3  = &contentKind{name: "MP3音频", match: isMP3}
	kMP4  = &contentKind{name: "MP4/M4A/MOV音视频", match: isISOMedia}
	kASF  = &contentKind{name: "WMV/WMA音视频", match: hasPrefix("\x30\x26\xB2\x75\x8E\x66\xCF\x11\xA6\xD9\x00\xAA\x00\x62\xCE\x6C")}
	kText = &contentKind{name: "纯文本", match: isText}
	// Recognised only to name them in the message; never accepted.
	kHTML = &contentKind{name: "网页（HTML）", match: func(h []byte) bool {
		return strings.HasPrefix(http.DetectContentType(h), "text/html")
	}}
	kEXE = &contentKind{name: "Windows程序（EXE/DLL）", match: hasPrefix("MZ")}
	kELF = &contentKind{name: "Linux程序", match: hasPrefix("\x7FELF")}
)

// Families of content whose members stand in for each other: a photo
// whose name says .jpg but which a phone saved as HEIC, or a recording
// named .mp3 that is M4A, opens in any viewer or player, which goes by
// the content; refusing it would only send people to rename files.
var (
	imageKinds = []*contentKind{kJPEG, kPNG, kGIF, kBMP, kTIFF, kWebP, kHEIF}
	mediaKinds = []*contentKind{kMP3, kMP4, kWAV, kAMR, kAVI, kASF}
)

// acceptedContent is, for each accepted extension, the kinds of content
// it may hold. Old office extensions take the new format as well (offices
// rename x.xlsx to x.xls and both programs open it), and the new ones the
// old compound format, which is also how an encrypted docx/xlsx is
// stored. WPS's own formats are compound files, or OOXML from newer
// versions.
var acceptedContent = withFamilies(map[string][]*contentKind{
	".pdf": {kPDF}, ".ofd": {kOFD},
	".doc": {kOLE, kRTF, kDocx}, ".xls": {kOLE, kXlsx}, ".ppt": {kOLE, kPptx},
	".docx": {kDocx, kOLE}, ".xlsx": {kXlsx, kOLE}, ".pptx": {kPptx, kOLE},
	".wps": {kOLE, kDocx}, ".et": {kOLE, kXlsx}, ".dps": {kOLE, kPptx},
	".txt": {kText}, ".csv": {kText}, ".rtf": {kRTF},
	".zip": {kZip}, ".rar": {kRAR}, ".7z": {k7z},
})

// withFamilies adds the image and media extensions to m: each its own
// kind first (what the message names), then the rest of its family.
func withFamilies(m map[string][]*contentKind) map[string][]*contentKind {
	family := func(first *contentKind, rest []*contentKind) []*contentKind {
		out := []*contentKind{first}
		for _, k := range rest {
			if k != first {
				out = append(out, k)
			}
		}
		return out
	}
	for ext, k := range map[string]*contentKind{".jpg": kJPEG, ".jpeg": kJPEG, ".png": kPNG, ".gif": kGIF, ".bmp": kBMP,
		".tif": kTIFF, ".tiff": kTIFF, ".webp": kWebP, ".heic": kHEIF, ".heif": kHEIF} {
		m[ext] = family(k, imageKinds)
	}
	for ext, k := range map[string]*contentKind{".mp3": kMP3, ".wav": kWAV, ".amr": kAMR, ".m4a": kMP4, ".mp4": kMP4,
		".mov": kMP4, ".avi": kAVI, ".wmv": kASF, ".wma": kASF} {
		m[ext] = family(k, mediaKinds)
	}
	return m
}

// namedKinds are tried in this order to say what a refused file really
// is: the specific before the general (a docx is a zip, HTML is text).
var namedKinds = []*contentKind{kPDF, kOFD, kDocx, kXlsx, kPptx, kZip, kOLE, kRTF, kRAR, k7z, kJPEG, kPNG, kGIF, kTIFF,
	kWebP, kHEIF, kWAV, kAVI, kAMR, kASF, kMP4, kEXE, kELF, kHTML, kMP3, kBMP, kText}

// CheckContent refuses a file named name, of the given size, whose
// content is not of a kind its extension stands for, with a message that
// names the file, what its name says and what it really is.
func CheckContent(name string, r io.ReaderAt, size int64) error {
	ext := strings.ToLower(path.Ext(name))
	kinds := acceptedContent[ext]
	if len(kinds) == 0 {
		return CheckName(name)
	}
	if size <= 0 {
		return zhenggai.Errorf(zhenggai.EINVALID, "“%s”是空文件", name)
	}
	head := make([]byte, min(size, sniffLen))
	if n, err := r.ReadAt(head, 0); n < len(head) {
		return err
	}
	var names []string // the zip's directory, read once if needed
	var zipErr error
	is := func(k *contentKind) bool {
		if !k.match(head) {
			return false
		}
		if k.zip == nil {
			return true
		}
		if names == nil && zipErr == nil {
			names, zipErr = zipNames(r, size)
		}
		return zipErr == nil && k.zip(names) // an unreadable zip is not of this kind
	}
	for _, k := range kinds {
		if is(k) {
			return nil
		}
	}
	actual := "无法识别的内容"
	for _, k := range namedKinds {
		if is(k) {
			actual = k.name
			break
		}
	}
	what := kinds[0].name
	if kinds[0] == kText {
		what = "文本文件"
	}
	return zhenggai.Errorf(zhenggai.EINVALID, "“%s”的内容不是%s（实际是%s），不能作为佐证材料；请上传原始文件，或用相应软件打开后另存为正确的格式再上传",
		name, what, actual)
}

func prefix(h []byte, n int) []byte { return h[:min(len(h), n)] }

func hasPrefix(p string) func([]byte) bool {
	return func(h []byte) bool { return bytes.HasPrefix(h, []byte(p)) }
}

// riff matches a RIFF container of the given form type (WAVE, AVI, WEBP).
func riff(form string) func([]byte) bool {
	return func(h []byte) bool {
		return len(h) >= 12 && string(h[:4]) == "RIFF" && string(h[8:12]) == form
	}
}

// isZip matches a zip archive: a local file header, or the end record of
// an empty one.
func isZip(h []byte) bool {
	return bytes.HasPrefix(h, []byte("PK\x03\x04")) || bytes.HasPrefix(h, []byte("PK\x05\x06"))
}

// isBMP matches a bitmap: "BM", then a DIB header of a size Windows or
// OS/2 writes.
func isBMP(h []byte) bool {
	if len(h) < 18 || !bytes.HasPrefix(h, []byte("BM")) {
		return false
	}
	switch binary.LittleEndian.Uint32(h[14:]) {
	case 12, 16, 40, 52, 56, 64, 108, 124:
		return true
	}
	return false
}

// isMP3 matches an ID3 tag or an MPEG audio frame header.
func isMP3(h []byte) bool {
	if bytes.HasPrefix(h, []byte("ID3")) {
		return true
	}
	// Frame sync (11 bits), a layer that is not the reserved 00.
	return len(h) >= 4 && h[0] == 0xFF && h[1]&0xE0 == 0xE0 && h[1]&0x06 != 0 && h[2]&0xF0 != 0xF0
}

// isISOMedia matches the ISO base media file format (MP4, M4A, MOV, 3GP)
// and QuickTime files that start with another atom.
func isISOMedia(h []byte) bool {
	if len(h) < 12 {
		return false
	}
	switch string(h[4:8]) {
	case "ftyp", "moov", "mdat", "wide", "free", "skip", "pnot":
		return true
	}
	return false
}

// ftypBrand reports whether h opens with an ftyp box whose major or a
// compatible brand is one of brands.
func ftypBrand(h []byte, brands ...string) bool {
	if len(h) < 16 || string(h[4:8]) != "ftyp" {
		return false
	}
	n := int(binary.BigEndian.Uint32(h[:4]))
	if n < 16 || n > len(h) {
		n = min(len(h), 64)
	}
	for i := 8; i+4 <= n; i += 4 {
		if i == 12 {
			continue // the minor version
		}
		for _, b := range brands {
			if string(h[i:i+4]) == b {
				return true
			}
		}
	}
	return false
}

// isText matches what offices save as text: UTF-16 with its byte order
// mark, or bytes without NUL (UTF-8, GBK…), but not a web page.
func isText(h []byte) bool {
	if bytes.HasPrefix(h, []byte("\xFF\xFE")) || bytes.HasPrefix(h, []byte("\xFE\xFF")) {
		return true
	}
	if bytes.IndexByte(h, 0) >= 0 {
		return false
	}
	return !kHTML.match(h)
}

// zipHas decides whether a zip's directory holds a part named want, or,
// when want ends in "/", a part in that folder.
func zipHas(want string) func([]string) bool {
	return func(names []string) bool {
		for _, n := range names {
			if strings.HasSuffix(want, "/") && strings.HasPrefix(n, want) || strings.EqualFold(n, want) {
				return true
			}
		}
		return false
	}
}

var errNotZip = errors.New("not a zip archive")

// zipNames reads the names in the central directory of the zip archive
// r of the given size, reading at most the end record's search window and
// maxZipDir bytes of directory; an archive with more than maxZipEntries
// entries (or in zip64 form, which no office document needs) is refused.
func zipNames(r io.ReaderAt, size int64) ([]string, error) {
	// The end record: 22 bytes, then a comment of up to 65535.
	tail := make([]byte, min(size, 22+65535))
	if _, err := r.ReadAt(tail, size-int64(len(tail))); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	end := bytes.LastIndex(tail, []byte("PK\x05\x06"))
	if end < 0 || len(tail)-end < 22 {
		return nil, errNotZip
	}
	rec := tail[end:]
	entries := int(binary.LittleEndian.Uint16(rec[10:]))
	dirSize := int64(binary.LittleEndian.Uint32(rec[12:]))
	dirOff := int64(binary.LittleEndian.Uint32(rec[16:]))
	if entries == 0xFFFF || dirOff == 0xFFFFFFFF || entries > maxZipEntries || dirSize > maxZipDir ||
		dirOff+dirSize > size-int64(len(tail)-end) {
		return nil, errNotZip
	}
	dir := make([]byte, dirSize)
	if _, err := r.ReadAt(dir, dirOff); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	names := make([]string, 0, entries)
	for i := 0; i < entries; i++ {
		if len(dir) < 46 || string(dir[:4]) != "PK\x01\x02" {
			return nil, errNotZip
		}
		nameLen := int(binary.LittleEndian.Uint16(dir[28:]))
		extraLen := int(binary.LittleEndian.Uint16(dir[30:]))
		commentLen := int(binary.LittleEndian.Uint16(dir[32:]))
		next := 46 + nameLen + extraLen + commentLen
		if next > len(dir) {
			return nil, errNotZip
		}
		names = append(names, string(dir[46:46+nameLen]))
		dir = dir[next:]
	}
	return names, nil
}
