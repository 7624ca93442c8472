package xlsx

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
)

// Merged cells: Excel keeps the value in the top-left cell only. Offices
// merge not just 序号, 问题类别 and 具体问题 but also 责任领导, 责任委室 or
// 整改时限 across the measures of a problem, so every merged cell reads as
// its top-left value. excelize would load the whole sheet to list merges;
// they are instead found in the sheet's XML, where they follow the cells.

// span is a merged range, 0-based columns and 1-based rows, with the value
// of its top-left cell once that row has been read.
type span struct {
	c1, r1, c2, r2 int
	val            string
}

// maxMerges bounds what a hostile sheet can make us keep.
const maxMerges = 200000

var mergeRef = regexp.MustCompile(`<(?:\w+:)?mergeCell\s+ref="([A-Z]{1,3}[0-9]{1,7}):([A-Z]{1,3}[0-9]{1,7})"`)

// merges lists the merged ranges of a sheet, by their first row. A sheet
// whose parts cannot be found has none: the rows are read as they are.
func merges(b []byte, sheet string) map[int][]*span {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil
	}
	name := sheetPath(zr, sheet)
	if name == "" {
		return nil
	}
	var f *zip.File
	for _, zf := range zr.File {
		if zf.Name == name {
			f = zf
		}
	}
	if f == nil {
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil
	}
	defer rc.Close()
	out := map[int][]*span{}
	n := 0
	// Scanned in chunks; the last bytes of one are scanned again with the
	// next, and a reference is taken from the chunk it starts in.
	buf := make([]byte, 0, 1<<20)
	chunk := make([]byte, 1<<20)
	r := io.LimitReader(rc, maxUnzipped)
	for {
		k, err := r.Read(chunk)
		buf = append(buf, chunk[:k]...)
		if len(buf) > 1<<20 || err != nil {
			cut := len(buf)
			if err == nil {
				cut = max(0, len(buf)-64)
			}
			for _, ix := range mergeRef.FindAllSubmatchIndex(buf, -1) {
				if ix[0] >= cut {
					break // found whole in the next chunk
				}
				c1, r1, e1 := excelize.CellNameToCoordinates(string(buf[ix[2]:ix[3]]))
				c2, r2, e2 := excelize.CellNameToCoordinates(string(buf[ix[4]:ix[5]]))
				if e1 != nil || e2 != nil || c2 < c1 || r2 < r1 || (c1 == c2 && r1 == r2) {
					continue
				}
				if n++; n > maxMerges {
					return out
				}
				out[r1] = append(out[r1], &span{c1: c1 - 1, r1: r1, c2: c2 - 1, r2: r2})
			}
			buf = append(buf[:0], buf[cut:]...)
		}
		if err != nil {
			break
		}
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

// spread gives each merged cell of row n its top-left value; starting
// ranges take theirs from this row. active carries the ranges over rows.
func spread(n int, cells []string, starting []*span, active []*span) ([]string, []*span) {
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
	if len(active) == 0 {
		return cells, active
	}
	sort.Slice(active, func(i, j int) bool { return active[i].c1 < active[j].c1 })
	for _, s := range active {
		if s.val == "" || s.c2 >= 16384 {
			continue
		}
		for len(cells) <= s.c2 {
			cells = append(cells, "")
		}
		for c := s.c1; c <= s.c2; c++ {
			if n != s.r1 || c != s.c1 {
				cells[c] = s.val
			}
		}
	}
	return cells, active
}
