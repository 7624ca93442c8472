package textimport

import (
	"strings"
	"unicode/utf8"

	"zhenggai"
)

// A rectification list laid out as a table (序号 | 问题 | 整改措施 | 完成情况)
// comes out of Word or a web page in one of two shapes: a row a line, its
// cells separated by tabs; or a cell a line, the header's cells first. Each
// row is a problem: markTables makes the row's first line a heading of
// style stRow, the header lines kSkip, and records the columns.

// table is a table's header: its columns, the one that states the problem
// and the one that states the measures.
type table struct {
	cols     []string // the header's cells, 序号 first
	prob     int      // the column of the problem
	measure  int      // the column of the measures, -1 when none
	perLine  bool     // a cell a line
	from, to int      // its rows' lines
}

// headerWords name the columns of a rectification table.
var headerWords = []string{"问题", "整改", "措施", "完成", "情况", "结果", "成效", "进展", "责任", "时限", "时间", "备注", "状态", "单位", "科室", "部门", "领导", "牵头", "配合", "销号"}

// headerCell reports whether s reads as a column's name.
func headerCell(s string) bool {
	return s != "" && utf8.RuneCountInString(s) <= 10 && !strings.ContainsAny(s, ",.;:。、“”") && containsAny(s, headerWords)
}

// newTable reads the cells of a header, 序号 first; nil when they are not
// a rectification table's (no column of the problem).
func newTable(cells []string, perLine bool) *table {
	if len(cells) < 3 || cells[0] != "序号" {
		return nil
	}
	tb := &table{cols: cells, prob: -1, measure: -1, perLine: perLine}
	for k, c := range cells[1:] {
		if !headerCell(c) {
			return nil
		}
		switch {
		case tb.prob < 0 && strings.Contains(c, "问题"):
			tb.prob = k + 1
		case tb.measure < 0 && (strings.Contains(c, "措施") || strings.Contains(c, "举措") || c == "整改情况" || c == "整改进展" || c == "整改进展情况"):
			tb.measure = k + 1
		}
	}
	if tb.prob < 0 {
		return nil
	}
	if tb.measure < 0 {
		for k, c := range cells[1:] {
			if k+1 != tb.prob && strings.Contains(c, "整改") {
				tb.measure = k + 1
				break
			}
		}
	}
	return tb
}

// cellSpans splits a line of a table at its runs of spaces (tabs are folded
// to spaces), as [start, end) offsets.
func cellSpans(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i == len(s) {
			break
		}
		j := strings.IndexByte(s[i:], ' ')
		if j < 0 {
			j = len(s)
		} else {
			j += i
		}
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}

// rowNumber reads the 序号 of a row at the start of s: the number alone
// (a cell a line), or followed by a space and the next cell.
func rowNumber(s string) (n, body int, ok bool) {
	n, j := atoi(s, 0)
	if j == 0 || j > 3 || n == 0 {
		return 0, 0, false
	}
	if j == len(s) {
		return n, j, true
	}
	if s[j] != ' ' {
		return 0, 0, false
	}
	return n, skipSpaces(s, j), true
}

// markTables finds the tables of the text and marks their headers and
// rows.
func (p *parser) markTables() {
	L := p.lines
	for i := 0; i < len(L); i++ {
		if L[i].kind != kText {
			continue
		}
		t := p.text(i)
		var tb *table
		next := i + 1
		if t == "序号" {
			// A cell a line: the header's cells follow, then row 1.
			var cells []string
			cells = append(cells, t)
			for next < len(L) && L[next].kind != kHeading && headerCell(p.text(next)) && len(cells) < 12 {
				cells = append(cells, p.text(next))
				next++
			}
			if next < len(L) && p.text(next) == "1" {
				tb = newTable(cells, true)
			}
		} else if strings.HasPrefix(t, "序号 ") {
			var cells []string
			for _, f := range cellSpans(t) {
				cells = append(cells, t[f[0]:f[1]])
			}
			if next < len(L) {
				if n, _, ok := rowNumber(p.text(next)); ok && n == 1 {
					tb = newTable(cells, false)
				}
			}
		}
		if tb == nil {
			continue
		}
		for k := i; k < next; k++ {
			L[k].kind = kSkip
		}
		p.tables = append(p.tables, tb)
		tb.from = next
		tb.to = p.markRows(tb, len(p.tables)-1, next)
		i = tb.to - 1
	}
}

// tableRegions makes a region of each table the layout left out, such as
// the list of problems attached after the signature (附件：整改情况表).
func (p *parser) tableRegions() {
	p.normRegions()
	added := false
	for _, tb := range p.tables {
		if tb.to > tb.from && !p.inRegion(tb.from) {
			p.regions = append(p.regions, [2]int{tb.from, tb.to})
			added = true
		}
	}
	if added {
		p.normRegions()
	}
}

// maxCellLines bounds the lines a row's last cell may go on over: a row
// of a table is a line, or a few.
const maxCellLines = 8

// markRows marks the rows of table tb from line i, numbered 1, 2, …, and
// returns the line after the table.
func (p *parser) markRows(tb *table, ti, i int) int {
	L := p.lines
	want := 1
	for i < len(L) {
		n, body, ok := rowNumber(p.text(i))
		if !ok || n != want || L[i].kind == kTrailer || tb.perLine && body != len(p.text(i)) {
			break
		}
		L[i] = line{no: L[i].no, a: L[i].a, b: L[i].b, kind: kHeading, st: stRow, num: n, body: body, table: ti}
		want++
		i++
		// The row's further lines: its cells (a cell a line), or a cell
		// that went on over lines; up to the next row.
		for cells := 0; i < len(L); i++ {
			if m, _, ok := rowNumber(p.text(i)); ok && m == want {
				break
			}
			if L[i].kind == kTrailer || L[i].kind == kHeading && L[i].st != stRow && !tb.perLine {
				return i
			}
			if tb.perLine && cells == len(tb.cols)-1 || !tb.perLine && cells == maxCellLines {
				return i // the last row is whole: what follows is not the table's
			}
			if t := p.text(i); t == "序号" || strings.HasPrefix(t, "序号 ") {
				return i // the next table
			}
			if L[i].kind == kHeading || L[i].kind == kLabel {
				L[i].kind, L[i].st, L[i].body = kText, stNone, 0
			}
			cells++
		}
	}
	return i
}

// addRow reads problem n, a table's row: its title is the problem's cell,
// its rectification the measures' cell and the others, each named by its
// column (完成情况:已完成), its measures the measures' cell, and its status
// the 完成情况 cell.
func (p *parser) addRow(n *hnode, pr *zhenggai.ImportedProblem) {
	l := p.lines[n.li]
	tb := p.tables[l.table]
	var cells []string // the row's cells after 序号, as written
	if tb.perLine {
		for i := n.li + 1; i < n.end; i++ {
			if k := p.lines[i].kind; k != kTrailer && k != kCut && k != kSkip {
				cells = append(cells, p.src(i, 0))
			}
		}
	} else {
		t := p.text(n.li)
		fs := cellSpans(t[l.body:])
		for _, f := range fs {
			cells = append(cells, p.t.slice(l.a+l.body+f[0], l.a+l.body+f[1]))
		}
		// A cell with spaces in it makes more fields than columns: the
		// problem's cell takes the surplus.
		if extra := len(cells) - (len(tb.cols) - 1); extra > 0 && tb.prob-1 < len(cells) {
			k := tb.prob - 1
			merged := strings.Join(cells[k:k+extra+1], " ")
			cells = append(append(cells[:k:k], merged), cells[k+extra+1:]...)
		}
		var more []string // a cell that went on over lines
		for i := n.li + 1; i < n.end; i++ {
			if k := p.lines[i].kind; k != kTrailer && k != kCut && k != kSkip {
				more = append(more, p.src(i, 0))
			}
		}
		if len(more) > 0 {
			if len(cells) == 0 {
				cells = append(cells, "")
			}
			cells[len(cells)-1] += strings.Join(more, "")
		}
	}
	cell := func(col int) string {
		if col >= 1 && col-1 < len(cells) {
			return strings.TrimSpace(cells[col-1])
		}
		return ""
	}
	pr.Title = cell(tb.prob)
	var rect []string
	if m := cell(tb.measure); m != "" {
		rect = append(rect, m)
	}
	for col := 1; col < len(tb.cols); col++ {
		if col == tb.prob || col == tb.measure {
			continue
		}
		if c := cell(col); c != "" {
			rect = append(rect, tb.cols[col]+"："+c)
			// What the report records for the problem (原台账记载).
			if st, ok := zhenggai.StatusWord(c); ok && zhenggai.StatusColumn(tb.cols[col]) {
				pr.Status = st
			}
		}
	}
	pr.Rectification = strings.Join(rect, "\n")
	pr.Measures = splitMeasures(cell(tb.measure))
}

// inTableRow reports whether line i is a table's row or one of its cells.
func (p *parser) inTableRow(i int) bool {
	for _, pl := range p.placed {
		if i >= pl.li && i < pl.end && p.lines[pl.li].st == stRow {
			return true
		}
	}
	return false
}
