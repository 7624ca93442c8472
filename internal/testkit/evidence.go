package testkit

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// Evidence files as offices upload them, made here byte for byte: a
// small but well-formed file of each accepted type, for the tests of the
// evidence check. Images come from Go's encoders, the spreadsheet from
// excelize; the other formats are written by hand after their
// specifications (PDF, OOXML, OFD, compound file, RIFF, ISO media, ASF,
// RAR5, 7z…), each the smallest file its readers take.

// EvidenceExts are the extensions Evidence makes, every one the program
// accepts.
var EvidenceExts = []string{".pdf", ".ofd", ".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic", ".heif",
	".doc", ".xls", ".ppt", ".docx", ".xlsx", ".pptx", ".wps", ".et", ".dps", ".txt", ".csv", ".rtf",
	".zip", ".rar", ".7z", ".mp3", ".wav", ".amr", ".m4a", ".mp4", ".mov", ".avi", ".wmv", ".wma"}

// Evidence returns a well-formed file of the type of extension ext.
func Evidence(t testing.TB, ext string) []byte {
	t.Helper()
	b, err := evidence(ext)
	if err != nil {
		t.Fatalf("evidence sample %s: %v", ext, err)
	}
	return b
}

func evidence(ext string) ([]byte, error) {
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7)
	}
	var buf bytes.Buffer
	switch ext {
	case ".pdf":
		return samplePDF(), nil
	case ".ofd":
		return zipOf(map[string]string{
			"OFD.xml": `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD">` +
				`<ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
			"Doc_0/Document.xml": `<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="http://www.ofdspec.org/2016">` +
				`<ofd:CommonData><ofd:MaxUnitID>1</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData>` +
				`<ofd:Pages/></ofd:Document>`,
		})
	case ".jpg", ".jpeg":
		err := jpeg.Encode(&buf, img, nil)
		return buf.Bytes(), err
	case ".png":
		err := png.Encode(&buf, img)
		return buf.Bytes(), err
	case ".gif":
		err := gif.Encode(&buf, img, nil)
		return buf.Bytes(), err
	case ".bmp":
		return sampleBMP(), nil
	case ".tif", ".tiff":
		return sampleTIFF(), nil
	case ".webp":
		// A 1×1 lossless WebP, the one browsers' feature tests decode.
		return base64.StdEncoding.DecodeString("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==")
	case ".heic", ".heif":
		// ftyp (heic, compatible mif1) and a meta box whose handler is 'pict'.
		hdlr := box("hdlr", append(make([]byte, 8), append([]byte("pict"), make([]byte, 13)...)...))
		return append(box("ftyp", []byte("heic\x00\x00\x00\x00mif1heic")), box("meta", append(make([]byte, 4), hdlr...))...), nil
	case ".doc", ".xls", ".ppt", ".wps", ".et", ".dps":
		return compoundFile(), nil
	case ".docx":
		return zipOf(map[string]string{
			"[Content_Types].xml": contentTypes("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
			"_rels/.rels":         rels("word/document.xml"),
			"word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
				`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>会议纪要</w:t></w:r></w:p></w:body></w:document>`,
		})
	case ".xlsx":
		f := excelize.NewFile()
		defer f.Close()
		f.SetCellValue("Sheet1", "A1", "序号")
		f.SetCellValue("Sheet1", "B1", "整改措施")
		err := f.Write(&buf)
		return buf.Bytes(), err
	case ".pptx":
		return zipOf(map[string]string{
			"[Content_Types].xml": contentTypes("/ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
			"_rels/.rels":         rels("ppt/presentation.xml"),
			"ppt/presentation.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
				`<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:sldSz cx="9144000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>`,
		})
	case ".txt":
		return []byte("2020年9月4日集中学习记录\r\n参加人员：张三、李四\r\n"), nil
	case ".csv":
		return []byte("\uFEFF序号,姓名,签到\r\n1,张三,是\r\n"), nil
	case ".rtf":
		return []byte(`{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0 SimSun;}}\f0\fs24 \u20250?\u35758?\u32426?\u35201?\par}`), nil
	case ".zip":
		return zipOf(map[string]string{"签到表.txt": "张三 已到"})
	case ".rar":
		return sampleRAR(), nil
	case ".7z":
		return sample7z(), nil
	case ".mp3":
		// An ID3v2.3 tag, then one silent MPEG-1 Layer III frame
		// (128 kbit/s, 44.1 kHz: 417 bytes).
		frame := make([]byte, 417)
		copy(frame, []byte{0xFF, 0xFB, 0x90, 0x64})
		return append([]byte("ID3\x03\x00\x00\x00\x00\x00\x00"), frame...), nil
	case ".wav":
		return sampleWAV(), nil
	case ".amr":
		// The AMR file magic and a second of NO_DATA frames.
		return append([]byte("#!AMR\n"), bytes.Repeat([]byte{0x7C}, 50)...), nil
	case ".m4a":
		return append(box("ftyp", []byte("M4A \x00\x00\x00\x00M4A mp42isom")), box("moov", mvhd())...), nil
	case ".mp4":
		return append(box("ftyp", []byte("isom\x00\x00\x02\x00isomiso2mp41")), box("moov", mvhd())...), nil
	case ".mov":
		return append(box("ftyp", []byte("qt  \x00\x00\x02\x00qt  ")), box("moov", mvhd())...), nil
	case ".avi":
		return sampleAVI(), nil
	case ".wmv", ".wma":
		return sampleASF(), nil
	}
	return nil, fmt.Errorf("no sample for %q", ext)
}

// samplePDF is a one-page A4 PDF with its cross-reference table.
func samplePDF() []byte {
	objs := []string{
		"<</Type/Catalog/Pages 2 0 R>>",
		"<</Type/Pages/Kids[3 0 R]/Count 1>>",
		"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<<>>>>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func zipOf(files map[string]string) ([]byte, error) {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	// [Content_Types].xml first, as Office writes it.
	names := []string{"[Content_Types].xml"}
	for n := range files {
		if n != names[0] {
			names = append(names, n)
		}
	}
	for _, n := range names {
		body, ok := files[n]
		if !ok {
			continue
		}
		f, err := w.Create(n)
		if err != nil {
			return nil, err
		}
		if _, err := f.Write([]byte(body)); err != nil {
			return nil, err
		}
	}
	err := w.Close()
	return buf.Bytes(), err
}

func contentTypes(part, typ string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/><Override PartName="` + part + `" ContentType="` + typ + `"/></Types>`
}

func rels(target string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="` + target + `"/></Relationships>`
}

// sampleBMP is a 1×1 24-bit bitmap.
func sampleBMP() []byte {
	le := binary.LittleEndian
	b := make([]byte, 58)
	copy(b, "BM")
	le.PutUint32(b[2:], 58)
	le.PutUint32(b[10:], 54)
	le.PutUint32(b[14:], 40) // BITMAPINFOHEADER
	le.PutUint32(b[18:], 1)
	le.PutUint32(b[22:], 1)
	le.PutUint16(b[26:], 1)
	le.PutUint16(b[28:], 24)
	le.PutUint32(b[34:], 4)
	copy(b[54:], []byte{0x20, 0x40, 0xC0})
	return b
}

// sampleTIFF is a 1×1 8-bit greyscale TIFF, little-endian.
func sampleTIFF() []byte {
	le := binary.LittleEndian
	type entry struct{ tag, typ, value uint32 }
	entries := []entry{{256, 3, 1}, {257, 3, 1}, {258, 3, 8}, {259, 3, 1}, {262, 3, 1}, {273, 4, 0}, {277, 3, 1}, {278, 3, 1}, {279, 4, 1}}
	ifdLen := 2 + 12*len(entries) + 4
	pixel := 8 + ifdLen
	b := make([]byte, pixel+1)
	copy(b, "II*\x00")
	le.PutUint32(b[4:], 8)
	le.PutUint16(b[8:], uint16(len(entries)))
	for i, e := range entries {
		at := 10 + 12*i
		if e.tag == 273 {
			e.value = uint32(pixel)
		}
		le.PutUint16(b[at:], uint16(e.tag))
		le.PutUint16(b[at+2:], uint16(e.typ))
		le.PutUint32(b[at+4:], 1)
		if e.typ == 3 {
			le.PutUint16(b[at+8:], uint16(e.value))
		} else {
			le.PutUint32(b[at+8:], e.value)
		}
	}
	b[pixel] = 0x80
	return b
}

// box is an ISO base media box.
func box(typ string, body []byte) []byte {
	b := make([]byte, 8, 8+len(body))
	binary.BigEndian.PutUint32(b, uint32(8+len(body)))
	copy(b[4:], typ)
	return append(b, body...)
}

// mvhd is a movie header box: version 0, time scale 1000, no duration.
func mvhd() []byte {
	b := make([]byte, 100)
	binary.BigEndian.PutUint32(b[12:], 1000)    // time scale
	binary.BigEndian.PutUint32(b[20:], 0x10000) // rate 1.0
	binary.BigEndian.PutUint16(b[24:], 0x100)   // volume 1.0
	for i, v := range []uint32{0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000} {
		binary.BigEndian.PutUint32(b[36+4*i:], v) // identity matrix
	}
	binary.BigEndian.PutUint32(b[96:], 1) // next track ID
	return box("mvhd", b)
}

// sampleWAV is a tenth of a second of silence, 16-bit mono PCM at 8 kHz.
func sampleWAV() []byte {
	le := binary.LittleEndian
	data := make([]byte, 1600)
	b := make([]byte, 44, 44+len(data))
	copy(b, "RIFF")
	le.PutUint32(b[4:], uint32(36+len(data)))
	copy(b[8:], "WAVEfmt ")
	le.PutUint32(b[16:], 16)
	le.PutUint16(b[20:], 1) // PCM
	le.PutUint16(b[22:], 1)
	le.PutUint32(b[24:], 8000)
	le.PutUint32(b[28:], 16000)
	le.PutUint16(b[32:], 2)
	le.PutUint16(b[34:], 16)
	copy(b[36:], "data")
	le.PutUint32(b[40:], uint32(len(data)))
	return append(b, data...)
}

// riffChunk is a RIFF chunk, padded to an even length.
func riffChunk(id string, body []byte) []byte {
	b := make([]byte, 8, 9+len(body))
	copy(b, id)
	binary.LittleEndian.PutUint32(b[4:], uint32(len(body)))
	b = append(b, body...)
	if len(body)%2 == 1 {
		b = append(b, 0)
	}
	return b
}

// sampleAVI is an AVI with its main header and no frames.
func sampleAVI() []byte {
	avih := make([]byte, 56)
	binary.LittleEndian.PutUint32(avih[0:], 40000) // µs per frame: 25 fps
	binary.LittleEndian.PutUint32(avih[32:], 8)    // width
	binary.LittleEndian.PutUint32(avih[36:], 8)    // height
	hdrl := append([]byte("hdrl"), riffChunk("avih", avih)...)
	body := append([]byte("AVI "), riffChunk("LIST", hdrl)...)
	body = append(body, riffChunk("LIST", []byte("movi"))...)
	return riffChunk("RIFF", body)
}

// sampleASF is an ASF (WMV/WMA) file: its header object with no objects
// inside, then an empty data object.
func sampleASF() []byte {
	le := binary.LittleEndian
	header := []byte{0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11, 0xA6, 0xD9, 0x00, 0xAA, 0x00, 0x62, 0xCE, 0x6C}
	data := []byte{0x36, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11, 0xA6, 0xD9, 0x00, 0xAA, 0x00, 0x62, 0xCE, 0x6C}
	b := make([]byte, 30)
	copy(b, header)
	le.PutUint64(b[16:], 30)
	b[28], b[29] = 0x01, 0x02
	d := make([]byte, 50)
	copy(d, data)
	le.PutUint64(d[16:], 50)
	d[48], d[49] = 0x01, 0x01
	return append(b, d...)
}

// sampleRAR is an empty RAR 5 archive: signature, main archive header,
// end of archive header, each header with its CRC32.
func sampleRAR() []byte {
	header := func(fields ...byte) []byte {
		body := append([]byte{byte(len(fields))}, fields...) // size as a one-byte vint
		crc := make([]byte, 4)
		binary.LittleEndian.PutUint32(crc, crc32.ChecksumIEEE(body))
		return append(crc, body...)
	}
	b := []byte("Rar!\x1A\x07\x01\x00")
	b = append(b, header(1, 0, 0)...) // main: type 1, flags 0, archive flags 0
	b = append(b, header(5, 0, 0)...) // end: type 5, flags 0, end flags 0
	return b
}

// sample7z is an empty 7z archive: the signature header pointing at no
// next header, with its CRC.
func sample7z() []byte {
	b := make([]byte, 32)
	copy(b, "7z\xBC\xAF\x27\x1C\x00\x04")
	// next header offset, size (both 0) and CRC (0) are bytes 12..31.
	binary.LittleEndian.PutUint32(b[8:], crc32.ChecksumIEEE(b[12:32]))
	return b
}

// compoundFile is an empty compound file (the container of Word 97-2003,
// Excel, PowerPoint and WPS files): header, one FAT sector, one directory
// sector holding the root entry.
func compoundFile() []byte {
	le := binary.LittleEndian
	const free, end, fatSect, noStream = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
	b := make([]byte, 512*3)
	copy(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
	le.PutUint16(b[24:], 0x3E)
	le.PutUint16(b[26:], 3)
	le.PutUint16(b[28:], 0xFFFE)
	le.PutUint16(b[30:], 9) // 512-byte sectors
	le.PutUint16(b[32:], 6)
	le.PutUint32(b[44:], 1)    // FAT sectors
	le.PutUint32(b[48:], 1)    // first directory sector
	le.PutUint32(b[56:], 4096) // mini stream cutoff
	le.PutUint32(b[60:], end)  // no mini FAT
	le.PutUint32(b[68:], end)  // no DIFAT sectors
	le.PutUint32(b[76:], 0)    // DIFAT[0]: the FAT is sector 0
	for i := 1; i < 109; i++ {
		le.PutUint32(b[76+4*i:], free)
	}
	fat := b[512:1024]
	for i := 0; i < 128; i++ {
		le.PutUint32(fat[4*i:], free)
	}
	le.PutUint32(fat[0:], fatSect)
	le.PutUint32(fat[4:], end)
	dir := b[1024:]
	name := utf16.Encode([]rune("Root Entry"))
	for i, c := range name {
		le.PutUint16(dir[2*i:], c)
	}
	le.PutUint16(dir[64:], uint16(2*(len(name)+1)))
	dir[66], dir[67] = 5, 1 // root storage, black
	for e := 0; e < 4; e++ {
		for _, off := range []int{68, 72, 76} {
			le.PutUint32(dir[128*e+off:], noStream)
		}
	}
	le.PutUint32(dir[116:], end) // the root's mini stream: none
	return b
}

// Text samples in the encodings offices save text in.
var (
	// EvidenceUTF16 is a text file saved by Notepad as "Unicode".
	EvidenceUTF16 = func() []byte {
		b := []byte{0xFF, 0xFE}
		for _, c := range utf16.Encode([]rune("学习记录\r\n")) {
			b = binary.LittleEndian.AppendUint16(b, c)
		}
		return b
	}()
	// EvidenceGBK is "学习记录" in GBK, as older Notepad saves it.
	EvidenceGBK = []byte{0xD1, 0xA7, 0xCF, 0xB0, 0xBC, 0xC7, 0xC2, 0xBC, '\r', '\n'}
)

// An HTML page, as a web system exports it under a document's name.
var EvidenceHTML = []byte("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>证明</title></head><body>" +
	strings.Repeat("<p>会议纪要</p>", 3) + "<script>alert(1)</script></body></html>")
