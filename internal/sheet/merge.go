package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"zhenggai"
)

// Merged cells: Excel keeps the value in the top-left cell only. Offices
// merge not just 序号, 问题类别 and 具体问题 but also 责任领导, 责任委室 or
// 整改时限 across the rows of one matter, so every merged cell reads as its
// top-left value (a Column marked Once excepted). excelize would load the
// whole sheet to list merges; they are instead found in the sheet's XML,
// where they follow the cells.

// span is a merged range, 0-based columns and 1-based rows, with the value
// of its top-left cell once that row has been read.
type span struct {
	c1, r1, c2, r2 int
	val            string
}

// A sheet may declare any number of ranges of any size; a few kilobytes of
// XML can name thousands of copies of L3:XFC1048576. So the ranges are
// bounded before they are used: at most maxMerges of them are read (more is
// no office's table and is refused), each is clipped to the first
// maxMergeCols columns (a table's columns and its header are found within
// them; the reader clips further to the columns the header names), and a range that
// repeats or overlaps one before it is dropped, as Excel itself refuses
// overlapping merges. What is left covers every cell at most once: spreading
// costs at most maxMergeCols cells per row read, whatever the sheet declares.
const (
	maxMerges    = 200000
	maxMergeCols = 64
	excelMaxRow  = 1048576
)

// A reference is looked for where the tag's name is found, within a window
// of the bytes after it: a regular expression over the whole sheet would
// cost more than reading its rows.
var (
	mergeTag = []byte("mergeCell")
	mergeRef = regexp.MustCompile(`^mergeCell\s+ref="([A-Z]{1,3}[0-9]{1,7}):([A-Z]{1,3}[0-9]{1,7})"`)
)

const mergeWindow = 128

// tooManyMerges refuses a sheet declaring more ranges than an office's
// table has.
func tooManyMerges(sheet, what string) error {
	return zhenggai.Errorf(zhenggai.EINVALID, "工作表“%s”中的合并单元格超过%d处，不是正常的%s，请检查文件", sheet, maxMerges, what)
}

// merges lists the merged ranges of a sheet, clipped and without overlaps,
// by their first row. A sheet whose parts cannot be found has none: the
// rows are read as they are. At most maxUnzipped bytes of the sheet are
// read.
func merges(bud *budget, zr *zip.Reader, sheet, what string, maxUnzipped int64) (map[int][]*span, error) {
	if zr == nil {
		return nil, nil
	}
	name := sheetPath(zr, sheet)
	if name == "" {
		return nil, nil
	}
	var f *zip.File
	for _, zf := range zr.File {
		if zf.Name == name {
			f = zf
		}
	}
	if f == nil {
		return nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, nil
	}
	defer rc.Close()
	var all []span
	seen := map[string]bool{} // references read, so that repeats cost one lookup
	// Scanned in chunks; the last bytes of one are scanned again with the
	// next, and a reference is taken from the chunk it starts in.
	buf := make([]byte, 0, 1<<20)
	chunk := make([]byte, 1<<20)
	r := io.LimitReader(rc, maxUnzipped)
	for {
		if err := bud.err(); err != nil {
			return nil, err
		}
		k, err := r.Read(chunk)
		buf = append(buf, chunk[:k]...)
		if len(buf) > 1<<20 || err != nil {
			cut := len(buf)
			if err == nil {
				cut = max(0, len(buf)-mergeWindow)
			}
			for pos := 0; ; {
				i := bytes.Index(buf[pos:], mergeTag)
				if i < 0 || pos+i >= cut {
					break // none, or found whole in the next chunk
				}
				i += pos
				pos = i + len(mergeTag)
				if i == 0 || buf[i-1] != '<' && buf[i-1] != ':' { // <mergeCell or <x:mergeCell
					continue
				}
				w := buf[i:min(len(buf), i+mergeWindow)]
				ix := mergeRef.FindSubmatchIndex(w)
				if ix == nil || seen[string(w[ix[2]:ix[5]])] {
					continue
				}
				seen[string(w[ix[2]:ix[5]])] = true
				c1, r1, e1 := excelize.CellNameToCoordinates(string(w[ix[2]:ix[3]]))
				c2, r2, e2 := excelize.CellNameToCoordinates(string(w[ix[4]:ix[5]]))
				if e1 != nil || e2 != nil || c2 < c1 || r2 < r1 {
					continue
				}
				if len(all) == maxMerges {
					return nil, tooManyMerges(sheet, what)
				}
				all = append(all, span{c1: c1 - 1, r1: r1, c2: c2 - 1, r2: min(r2, excelMaxRow)})
			}
			buf = append(buf[:0], buf[cut:]...)
		}
		if err != nil {
			break
		}
	}
	return clipMerges(all), nil
}

// clipMerges keeps of the ranges what lies within the first maxMergeCols
// columns, drops single cells, repeats and overlaps, and indexes the rest
// by their first row. Taken in order of first row, a range overlaps one
// kept before it exactly when one of its columns is still covered at its
// first row: one pass, maxMergeCols steps per range at most.
func clipMerges(all []span) map[int][]*span {
	sort.Slice(all, func(i, j int) bool {
		if all[i].r1 != all[j].r1 {
			return all[i].r1 < all[j].r1
		}
		return all[i].c1 < all[j].c1
	})
	var covered [maxMergeCols]int // last row covered by a kept range, per column
	out := map[int][]*span{}
	for i := range all {
		s := &all[i]
		if s.c1 >= maxMergeCols {
			continue
		}
		s.c2 = min(s.c2, maxMergeCols-1)
		if s.c1 == s.c2 && s.r1 == s.r2 {
			continue
		}
		free := true
		for c := s.c1; c <= s.c2 && free; c++ {
			free = covered[c] < s.r1
		}
		if !free {
			continue
		}
		for c := s.c1; c <= s.c2; c++ {
			covered[c] = s.r2
		}
		out[s.r1] = append(out[s.r1], s)
	}
	return out
}

// sheetPath finds the part that holds a sheet: workbook.xml names its
// relationship, the workbook's relationships name the part.
func sheetPath(zr *zip.Reader, sheet string) string {
	read := func(name string, v any) bool {
		for _, f := range zr.File {
			if f.Name != name {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				return false
			}
			defer rc.Close()
			return xml.NewDecoder(io.LimitReader(rc, 16<<20)).Decode(v) == nil
		}
		return false
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if !read("xl/workbook.xml", &wb) || !read("xl/_rels/workbook.xml.rels", &rels) {
		return ""
	}
	for _, s := range wb.Sheets {
		if s.Name != sheet {
			continue
		}
		for _, r := range rels.Rels {
			if r.ID == s.ID {
				if strings.HasPrefix(r.Target, "/") {
					return strings.TrimPrefix(r.Target, "/")
				}
				return path.Join("xl", r.Target)
			}
		}
	}
	return ""
}

// spread gives each merged cell of row n, within its first limit
// columns, its top-left value; starting ranges take theirs from this row.
// active carries the ranges over rows. The ranges do not overlap, so at
// most limit cells are written per row.
func spread(n int, cells []string, starting []*span, active []*span, limit int) ([]string, []*span) {
	keep := active[:0]
	for _, s := range active {
		if s.r2 >= n {
			keep = append(keep, s)
		}
	}
	active = keep
	for _, s := range starting {
		if s.c1 < len(cells) {
			s.val = cells[s.c1]
		}
		active = append(active, s)
	}
	for _, s := range active {
		if s.val == "" || s.c1 >= limit {
			continue
		}
		last := min(s.c2, limit-1)
		for len(cells) <= last {
			cells = append(cells, "")
		}
		for c := s.c1; c <= last; c++ {
			if n != s.r1 || c != s.c1 {
				cells[c] = s.val
			}
		}
	}
	return cells, active
}
