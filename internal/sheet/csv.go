package sheet

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"zhenggai"
)

// CSV as offices get it: the accounting package's 导出 (GBK on most
// Windows machines, or UTF-8 with a byte-order mark when Excel saved it as
// “CSV UTF-8”), Excel's “Unicode 文本” (UTF-16 with tabs), or a clock's
// export. The encoding is found from the bytes: a byte-order mark says it;
// else a file that is valid UTF-8 throughout is UTF-8, and any other is
// GB18030 (of which GBK and GB2312 are parts). A file with NUL bytes and
// no UTF-16 mark is no text.
type encoding int

const (
	encUTF8 encoding = iota
	encGB18030
	encUTF16LE
	encUTF16BE
)

func (e encoding) String() string {
	return [...]string{"UTF-8", "GB18030", "UTF-16LE", "UTF-16BE"}[e]
}

// maxRecord bounds one CSV record (a line, or lines inside quotes): an
// unclosed quote must not make the rest of a file one cell.
const maxRecord = 1 << 20

var errRecordTooLong = errors.New("record too long")

func (b *Book) openCSV() error {
	ra := b.readerAt()
	head := make([]byte, min(b.size, 4096))
	if _, err := ra.ReadAt(head, 0); err != nil && err != io.EOF {
		return zhenggai.Errorf(zhenggai.EINVALID, "无法读取文件")
	}
	switch {
	case b.size == 0:
		return zhenggai.Errorf(zhenggai.EINVALID, "文件是空的")
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		b.enc, b.skip = encUTF8, 3
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		b.enc, b.skip = encUTF16LE, 2
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		b.enc, b.skip = encUTF16BE, 2
	case bytes.IndexByte(head, 0) >= 0:
		return zhenggai.Errorf(zhenggai.EINVALID, "文件既不是Excel工作簿（.xlsx）也不是CSV文本文件")
	default:
		ok, err := validUTF8(io.NewSectionReader(ra, 0, b.size), b.bud)
		if err != nil {
			return err
		}
		if !ok {
			b.enc = encGB18030
		}
	}
	return nil
}

// validUTF8 reads the whole file: a GBK file whose first lines are ASCII
// is still GBK.
func validUTF8(r io.Reader, bud *budget) (bool, error) {
	buf := make([]byte, 1<<20)
	carry := 0
	for {
		if err := bud.err(); err != nil {
			return false, err
		}
		n, err := io.ReadFull(r, buf[carry:])
		n += carry
		end := n
		if err == nil {
			// A rune cut by the chunk's end is checked with the next.
			for i := 1; i <= utf8.UTFMax && i <= n; i++ {
				if utf8.RuneStart(buf[n-i]) {
					if !utf8.FullRune(buf[n-i : n]) {
						end = n - i
					}
					break
				}
			}
		}
		if !utf8.Valid(buf[:end]) {
			return false, nil
		}
		if err != nil {
			return true, nil
		}
		carry = copy(buf, buf[end:n])
	}
}

// csvRows starts reading the file's records.
func (b *Book) csvRows() *Rows {
	var r io.Reader = io.NewSectionReader(b.readerAt(), b.skip, b.size-b.skip)
	switch b.enc {
	case encGB18030:
		r = transform.NewReader(r, simplifiedchinese.GB18030.NewDecoder())
	case encUTF16LE:
		r = transform.NewReader(r, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder())
	case encUTF16BE:
		r = transform.NewReader(r, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewDecoder())
	}
	cr := &capReader{r: r, left: maxRecord}
	br := bufio.NewReaderSize(cr, 64<<10)
	c := csv.NewReader(br)
	c.Comma = sniffComma(br)
	c.FieldsPerRecord = -1
	c.LazyQuotes = true // 摘要 "付款" in an unquoted field, as some packages write it
	c.ReuseRecord = true
	return &Rows{b: b, sheet: b.opt.Name, c: c, cap: cr}
}

// sniffComma tells a comma-separated file from a tab-separated one by its
// first line.
func sniffComma(br *bufio.Reader) rune {
	head, _ := br.Peek(br.Size())
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	if bytes.Count(head, []byte{'\t'}) > bytes.Count(head, []byte{','}) {
		return '\t'
	}
	return ','
}

// capReader fails once a record has taken more than its share of bytes;
// Rows gives each record a fresh share.
type capReader struct {
	r    io.Reader
	left int
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, errRecordTooLong
	}
	if len(p) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= n
	return n, err
}

// csvCell undoes what spreadsheets write to keep a cell text: ="0001" is
// 0001 (a voucher number with its zeros).
func csvCell(s string) string {
	if strings.HasPrefix(s, `="`) && strings.HasSuffix(s, `"`) && len(s) >= 3 {
		return strings.ReplaceAll(s[2:len(s)-1], `""`, `"`)
	}
	return s
}
