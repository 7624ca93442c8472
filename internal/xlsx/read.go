package xlsx

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"zhenggai"
)

// Limits on what Parse reads. A county round has a few hundred rows; the
// limits leave room for a province's and keep a hostile file small.
const (
	MaxFileSize = 16 << 20 // the .xlsx file itself
	MaxRows     = 50000    // ledger rows below the header
	// maxUnzipped bounds the workbook unpacked: a zip bomb stops here.
	maxUnzipped = 128 << 20
	// headerWithin is how far down the header row may be (title rows,
	// a 填报单位 line and the like come first).
	headerWithin = 10
)

// MaxParseTime bounds the reading of one workbook whatever the caller's
// context allows: the largest ledger (MaxRows) reads in a few seconds, so a
// file that takes a minute is not one an office made.
var MaxParseTime = time.Minute

// Parse reads a ledger workbook. It returns what an import would write,
// or, when any row is bad, a *Rejected listing every bad row and nothing
// else. A file that is not a workbook at all gives a zhenggai.Error. It
// stops when ctx ends (the client left) or after MaxParseTime.
func Parse(ctx context.Context, r io.Reader) (im *zhenggai.Imported, err error) {
	defer func() {
		// Fuzzed not to panic; this is the last line of defence so that
		// one odd upload cannot take a server down.
		if v := recover(); v != nil {
			im, err = nil, zhenggai.Errorf(zhenggai.EINTERNAL, "读取Excel台账时发生内部错误，请联系系统管理员")
		}
	}()
	bud := budget{ctx: ctx, end: time.Now().Add(MaxParseTime)}
	b, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("读取Excel文件：%w", err)
	}
	if len(b) > MaxFileSize {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "Excel文件过大（最大16MB）")
	}
	if bytes.HasPrefix(b, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "这是旧版Excel（.xls）文件或设有密码的工作簿：请在Excel中“另存为”Excel工作簿（.xlsx）并取消密码后再导入")
	}
	if !bytes.HasPrefix(b, []byte("PK\x03\x04")) {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "文件不是Excel工作簿（.xlsx）")
	}
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "无法读取Excel工作簿，文件可能已损坏或不是.xlsx格式")
	}
	defer f.Close()
	p := &reader{
		im:      &zhenggai.Imported{Categories: []zhenggai.ImportedCategory{}, Warnings: []string{}},
		catRow:  map[int]int{},
		catByT:  map[string]int{},
		probRow: map[int]int{},
		ci:      -1, pi: -1,
	}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		p.date1904 = *props.Date1904
	}
	sheet, ok := ledgerSheet(f.GetSheetList())
	if !ok {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "工作簿中没有整改清单工作表")
	}
	p.sheet = sheet
	if p.merged, err = merges(bud, b, sheet); err != nil {
		return nil, err
	}
	if err := p.readLedger(bud, f); err != nil {
		return nil, err
	}
	if hasSheet(f, RoundSheet) {
		p.readRound(f)
	} else {
		p.fromTitle()
	}
	if len(p.errs) > 0 {
		return nil, &Rejected{Rows: p.errs}
	}
	if p.notes > 0 {
		p.im.Warnings = append(p.im.Warnings, fmt.Sprintf("有%d行“备注”写有措施类型以外的内容，系统中没有对应的项目，未导入", p.notes))
	}
	p.invisibleWarning()
	return p.im, nil
}

// ledgerSheet picks the sheet that holds the ledger: one named 整改清单,
// else one whose name says 清单 or 台账, else the first that is not
// 巡察信息.
func ledgerSheet(names []string) (string, bool) {
	for _, n := range names {
		if n == LedgerSheet {
			return n, true
		}
	}
	for _, n := range names {
		if strings.Contains(n, "清单") || strings.Contains(n, "台账") {
			return n, true
		}
	}
	for _, n := range names {
		if n != RoundSheet {
			return n, true
		}
	}
	return "", false
}

func hasSheet(f *excelize.File, name string) bool {
	idx, err := f.GetSheetIndex(name)
	return err == nil && idx >= 0
}

type reader struct {
	im        *zhenggai.Imported
	errs      []RowError
	sheet     string
	date1904  bool
	title     string // the text above the header
	merged    map[int][]*span
	notes     int // rows whose 备注 was not imported
	invisible stripped

	col     [numCols]int // cell index of each column, -1 when absent
	ci, pi  int          // current category and problem, -1 when none
	catRow  map[int]int  // category number → row where it began
	catByT  map[string]int
	probRow map[int]int // problem number → row where it began
	lastCat int
	lastPrb int
	wan     [numCols]bool // an amount column headed in 万元
}

func (p *reader) bad(row, col int, reason string) {
	name := ""
	if col >= 0 {
		name = Columns[col]
	}
	p.errs = append(p.errs, RowError{Sheet: p.sheet, Row: row, Column: name, Reason: reason})
}

// budget is what a parse may spend: until the caller's context ends (the
// client left) and at most MaxParseTime. Checked every few rows, it costs
// nothing a timer would.
type budget struct {
	ctx context.Context
	end time.Time
}

// err is nil while the parse may go on; else the caller's own end as it
// is (nobody waits for a message), or the time budget as a reason to give.
func (b budget) err() error {
	if err := b.ctx.Err(); err != nil {
		return fmt.Errorf("读取Excel台账：%w", err)
	}
	if time.Now().After(b.end) {
		return zhenggai.Errorf(zhenggai.EINVALID, "读取Excel台账超过%d秒仍未完成，已停止：文件过大或结构异常，请检查文件或分成几个文件导入",
			int(max(MaxParseTime, time.Second).Seconds()))
	}
	return nil
}

func (p *reader) readLedger(bud budget, f *excelize.File) error {
	rows, err := f.Rows(p.sheet)
	if err != nil {
		return zhenggai.Errorf(zhenggai.EINVALID, "无法读取工作表“%s”", p.sheet)
	}
	defer rows.Close()
	raw := excelize.Options{RawCellValue: true}
	n, data, header := 0, 0, false
	var active []*span
	limit := maxMergeCols // columns merged cells are spread over: the header's, once known
	for rows.Next() {
		n++
		if n%64 == 0 {
			// Blank rows cost little each but may be a million.
			if err := bud.err(); err != nil {
				return err
			}
		}
		cells, err := rows.Columns(raw)
		if err != nil {
			return zhenggai.Errorf(zhenggai.EINVALID, "工作表“%s”第%d行无法读取，文件可能已损坏", p.sheet, n)
		}
		// An outcome is a measure's own: one in a merged cell counts once,
		// on its first row, not on every row the merge spans.
		own := slices.Clone(cells)
		cells, active = spread(n, cells, p.merged[n], active, limit)
		if !header {
			if n > headerWithin {
				break
			}
			if looksLikeHeader(cells) {
				header = true
				if !p.header(n, cells) {
					return nil // the header's errors say it all
				}
				limit = 0
				for _, c := range p.col {
					limit = max(limit, c+1)
				}
			} else if p.title == "" {
				p.title, _ = zhenggai.StripInvisible(firstText(cells))
			}
			continue
		}
		if blank(cells) {
			continue
		}
		if data++; data > MaxRows {
			return zhenggai.Errorf(zhenggai.EINVALID, "台账超过%d行，请分成几个文件导入", MaxRows)
		}
		p.row(n, cells, own)
	}
	if err := rows.Error(); err != nil {
		return zhenggai.Errorf(zhenggai.EINVALID, "工作表“%s”无法读取：行数超出Excel的上限或文件已损坏", p.sheet)
	}
	if !header {
		p.errs = append(p.errs, RowError{Sheet: p.sheet, Row: 1, Reason: "未找到表头：台账的前" + strconv.Itoa(headerWithin) +
			"行中应有一行依次写着" + strings.Join(Columns[:baseCols], "、")})
		return nil
	}
	if len(p.errs) == 0 && len(p.im.Categories) == 0 {
		p.errs = append(p.errs, RowError{Sheet: p.sheet, Row: n + 1, Reason: "表头之下没有任何问题"})
	}
	return nil
}

// headerName folds a header cell: offices write 序  号 or 责任\n领导.
func headerName(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '*' || r == '＊' || zhenggai.Invisible(r) {
			return -1
		}
		return r
	}, s)
}

func columnOf(s string) (int, bool) {
	h := headerName(s)
	for i, c := range Columns {
		if h == c {
			return i, true
		}
	}
	if i, ok := aliases[h]; ok {
		return i, true
	}
	// 清退违规资金(元), 追回资金（万元）, 组织处理（人）
	base, unit := unitOf(h)
	i, ok := aliases[base]
	return i, ok && unit != "" && i >= baseCols
}

// unitOf splits the unit off a header: 清退违规资金（万元） is 清退违规资金
// and 万元. A header without one of the units is returned whole.
func unitOf(h string) (base, unit string) {
	for _, u := range []string{"万元", "元", "人", "项", "个", "名"} {
		for _, b := range [][2]string{{"（", "）"}, {"(", ")"}} {
			if strings.HasSuffix(h, b[0]+u+b[1]) {
				return strings.TrimSuffix(h, b[0]+u+b[1]), u
			}
		}
	}
	return h, ""
}

// looksLikeHeader: three known column names make a header row; a title
// row names at most one by chance.
func looksLikeHeader(cells []string) bool {
	n := 0
	for _, c := range cells {
		if _, ok := columnOf(c); ok {
			n++
		}
	}
	return n >= 3
}

// header maps the columns; it reports whether the ledger can be read.
func (p *reader) header(row int, cells []string) bool {
	for i := range p.col {
		p.col[i] = -1
	}
	before := len(p.errs)
	at := func(i int) string {
		name, _ := excelize.ColumnNumberToName(i + 1)
		return name + "列"
	}
	for i, c := range cells {
		if strings.TrimSpace(c) == "" {
			continue
		}
		k, ok := columnOf(c)
		switch {
		case !ok:
			p.errs = append(p.errs, RowError{Sheet: p.sheet, Row: row, Column: at(i),
				Reason: fmt.Sprintf("表头“%s”不是台账的列；台账的列为%s", zhenggai.Clip(c, 20), strings.Join(Columns, "、"))})
		case p.col[k] >= 0:
			p.errs = append(p.errs, RowError{Sheet: p.sheet, Row: row, Column: at(i),
				Reason: fmt.Sprintf("表头“%s”与%s重复", zhenggai.Clip(c, 20), at(p.col[k]))})
		default:
			p.col[k] = i
			_, unit := unitOf(headerName(c))
			p.wan[k] = unit == "万元"
		}
	}
	for _, k := range []int{colSeq, colCategory, colProblem, colMeasure} {
		if p.col[k] < 0 {
			p.errs = append(p.errs, RowError{Sheet: p.sheet, Row: row, Reason: "表头缺少“" + Columns[k] + "”列"})
		}
	}
	return len(p.errs) == before
}

// cell is the text of a column in row n, trimmed, with Windows line ends
// made plain and invisible characters (zhenggai.Invisible) taken out:
// pasted from web pages and other documents, cells carry them without
// their authors knowing, and the import says where it took them out.
func (p *reader) cell(n int, cells []string, col int) string {
	i := p.col[col]
	if i < 0 || i >= len(cells) {
		return ""
	}
	s := strings.ReplaceAll(cells[i], "\r\n", "\n")
	s = p.strip(p.sheet, n, Columns[col], s)
	return strings.TrimFunc(s, unicode.IsSpace)
}

// stripped is where invisible characters were taken out of cells.
type stripped struct {
	cells int
	first []string // the first few places, as a message names them
	char  rune     // one of the characters, for the message
}

func (p *reader) strip(sheet string, row int, col, s string) string {
	out, n := zhenggai.StripInvisible(s)
	if n == 0 {
		return s
	}
	if p.invisible.cells == 0 {
		p.invisible.char, _ = utf8.DecodeRuneInString(s[strings.IndexFunc(s, zhenggai.Invisible):])
	}
	p.invisible.cells++
	if len(p.invisible.first) < 5 {
		p.invisible.first = append(p.invisible.first, fmt.Sprintf("%s第%d行“%s”", sheet, row, col))
	}
	return out
}

// invisibleWarning says where invisible characters were taken out.
func (p *reader) invisibleWarning() {
	st := p.invisible
	if st.cells == 0 {
		return
	}
	w := fmt.Sprintf("有%d个单元格含有不可见的字符（如%s，多为从网页或其他文档复制时带入），已删除：%s", st.cells,
		zhenggai.CodePoint(st.char), strings.Join(st.first, "、"))
	if st.cells > len(st.first) {
		w += "等"
	}
	p.im.Warnings = append(p.im.Warnings, w)
}

// Length limits per column, in characters, as the records allow.
var limits = [numCols]int{
	colSeq: 20, colCategory: zhenggai.MaxTitle, colProblem: zhenggai.MaxTitle, colMeasure: zhenggai.MaxContent,
	colLeader: zhenggai.MaxName, colOffice: zhenggai.MaxName, colOwner: zhenggai.MaxName, colDeadline: 40,
	colProgress: zhenggai.MaxContent, colStatus: 20, colNote: zhenggai.MaxTitle,
	colRules: (zhenggai.MaxName + 3) * zhenggai.MaxRuleNames, colRefunded: 40, colRecovered: 40, colSaved: 40,
	colTalks: 20, colOrganisational: 20, colDisciplinary: 20,
}

// text checks a cell's characters and length; it reports whether the
// cell may be used.
func (p *reader) text(row, col int, s string) bool {
	switch {
	case !utf8.ValidString(s) || strings.ContainsRune(s, utf8.RuneError):
		p.bad(row, col, "含有无法识别的字符（乱码），请从原文重新复制")
	case strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\t' && r != '\n' }):
		p.bad(row, col, "含有不可见的控制字符，请删除后再导入")
	case utf8.RuneCountInString(s) > limits[col]:
		p.bad(row, col, fmt.Sprintf("内容过长（最多%d字）", limits[col]))
	default:
		return true
	}
	return false
}

var (
	catNum = regexp.MustCompile(`^[(（]\s*([一二三四五六七八九十]+)\s*[)）]\s*|^([一二三四五六七八九十]+)\s*[、.．]\s*`)
	seqNum = regexp.MustCompile(`^(\d{1,6})\s*(?:[.．、]|[-－—]\s*\d{1,4})?$`)
)

// splitCategory takes the number off a category: (一)… or 一、….
func splitCategory(s string) (int, string) {
	m := catNum.FindStringSubmatchIndex(s)
	if m == nil {
		return 0, s
	}
	var num string
	if m[2] >= 0 {
		num = s[m[2]:m[3]]
	} else {
		num = s[m[4]:m[5]]
	}
	return zhenggai.ParseNumeral(num), strings.TrimSpace(s[m[1]:])
}

func (p *reader) row(n int, cells, own []string) {
	var v [numCols]string
	ok := true
	for c := range v {
		if c >= baseCols {
			v[c] = p.cell(n, own, c)
		} else {
			v[c] = p.cell(n, cells, c)
		}
		// A bad cell is reported once; the row is still read with it so
		// that the other cells are checked too.
		if v[c] != "" && !p.text(n, c, v[c]) {
			ok = false
			if c >= baseCols {
				v[c] = "" // said once is enough
			}
		}
	}
	measureCells := v[colMeasure] != "" || v[colLeader] != "" || v[colOffice] != "" || v[colOwner] != "" ||
		v[colDeadline] != "" || v[colProgress] != ""
	for c := baseCols; c < numCols; c++ {
		measureCells = measureCells || v[c] != ""
	}

	// 序号: the problem's number; 3-1 numbers the first measure of 3.
	seq := 0
	if s := v[colSeq]; s != "" {
		m := seqNum.FindStringSubmatch(s)
		if m == nil {
			p.bad(n, colSeq, fmt.Sprintf("序号“%s”应为数字，如 3 或 3-1", zhenggai.Clip(s, 20)))
			ok = false
		} else if seq, _ = strconv.Atoi(m[1]); seq < 1 || seq > 9999 {
			p.bad(n, colSeq, "序号须在1至9999之间")
			ok = false
			seq = 0
		}
	}

	// 问题类别: merged (empty below the first row) or repeated.
	catChanged := false
	if s := v[colCategory]; s != "" {
		cseq, title := splitCategory(s)
		switch {
		case title == "":
			p.bad(n, colCategory, "问题类别只有序号，没有内容")
			return
		case p.ci >= 0 && title == p.im.Categories[p.ci].Title && (cseq == 0 || cseq == p.im.Categories[p.ci].Seq):
		default:
			if i, seen := p.catByT[title]; seen && (cseq == 0 || cseq == p.im.Categories[i].Seq) {
				p.ci, catChanged = i, true // the same heading again, further down
				break
			}
			if cseq == 0 {
				cseq = p.lastCat + 1
			}
			if r, dup := p.catRow[cseq]; dup {
				p.bad(n, colCategory, fmt.Sprintf("问题类别序号（%s）与第%d行的问题类别重复", zhenggai.Numeral(cseq), r))
				return
			}
			if cseq > 999 {
				p.bad(n, colCategory, "问题类别不能超过999个")
				return
			}
			p.catRow[cseq], p.catByT[title] = n, len(p.im.Categories)
			p.lastCat = max(p.lastCat, cseq)
			p.im.Categories = append(p.im.Categories, zhenggai.ImportedCategory{Seq: cseq, Title: title, Problems: []zhenggai.ImportedProblem{}})
			p.ci, catChanged = len(p.im.Categories)-1, true
		}
	} else if p.ci < 0 {
		p.bad(n, colCategory, "问题类别不能为空")
		return
	}
	cat := &p.im.Categories[p.ci]

	// 具体问题: merged or repeated too; a new text or number starts a new
	// problem.
	cur := (*zhenggai.ImportedProblem)(nil)
	if p.pi >= 0 && p.pi < len(cat.Problems) && !catChanged {
		cur = &cat.Problems[p.pi]
	}
	title := v[colProblem]
	if title == "" && seq == 0 && !measureCells && catChanged {
		return // a heading with no problems under it yet
	}
	switch {
	case title == "" && (seq == 0 || cur != nil && seq == cur.Seq):
		if cur == nil {
			if measureCells {
				p.bad(n, colProblem, "整改措施没有对应的具体问题：具体问题不能为空")
			} else {
				p.bad(n, colProblem, "具体问题不能为空")
			}
			return
		}
	case title == "":
		p.bad(n, colProblem, "具体问题不能为空")
		return
	case cur != nil && title == cur.Title && (seq == 0 || seq == cur.Seq):
	default:
		if seq == 0 {
			seq = p.lastPrb + 1
		}
		if r, dup := p.probRow[seq]; dup {
			p.bad(n, colSeq, fmt.Sprintf("序号%d与第%d行的具体问题重复", seq, r))
			return
		}
		if seq > 9999 {
			p.bad(n, colSeq, "序号须在1至9999之间")
			return
		}
		p.probRow[seq] = n
		p.lastPrb = max(p.lastPrb, seq)
		cat.Problems = append(cat.Problems, zhenggai.ImportedProblem{Seq: seq, Title: title, Measures: []zhenggai.ImportedMeasure{}})
		p.pi = len(cat.Problems) - 1
		cur = &cat.Problems[p.pi]
	}

	// 完成情况 on a row without a measure is the problem's, derived anyway.
	st, stOK := zhenggai.Status(""), true
	if s := v[colStatus]; s != "" {
		if st, stOK = parseStatus(s); !stOK {
			p.bad(n, colStatus, fmt.Sprintf("完成情况“%s”应为未启动、正在整改、基本完成、已完成或长期坚持之一", zhenggai.Clip(s, 20)))
		}
	}
	if !measureCells {
		return
	}
	m := zhenggai.ImportedMeasure{Content: v[colMeasure], Leader: v[colLeader], Office: v[colOffice], Owner: v[colOwner],
		Progress: v[colProgress], Status: st}
	if m.Content == "" {
		p.bad(n, colMeasure, "整改措施不能为空")
	}
	if s := v[colDeadline]; s != "" {
		d, kind, err := p.deadline(s)
		if err != "" {
			p.bad(n, colDeadline, err)
		}
		m.Deadline, m.Kind = d, kind
	}
	if s := v[colNote]; s != "" {
		switch {
		case strings.Contains(s, zhenggai.MeasureMechanism.Label()):
			m.Kind = zhenggai.MeasureMechanism
		case strings.Contains(s, zhenggai.MeasureImmediate.Label()):
			m.Kind = zhenggai.MeasureImmediate
		}
		if strings.TrimSpace(strings.NewReplacer(zhenggai.MeasureMechanism.Label(), "", zhenggai.MeasureImmediate.Label(), "").Replace(s)) != "" {
			p.notes++
		}
	}
	if !p.outcomes(n, &v, &m) {
		ok = false
	}
	if len(cur.Measures) >= 999 {
		p.bad(n, colMeasure, "一个具体问题最多999项整改措施")
		return
	}
	if ok && stOK {
		cur.Measures = append(cur.Measures, m)
	}
}

// outcomes reads a row's outcome cells into m; it reports whether all
// of them could be read.
func (p *reader) outcomes(n int, v *[numCols]string, m *zhenggai.ImportedMeasure) bool {
	ok := true
	if s := v[colRules]; s != "" {
		m.RuleNames = zhenggai.ParseRuleNames(s)
		check := zhenggai.Measure{Seq: 1, Content: "-", Kind: zhenggai.MeasureImmediate, Status: zhenggai.NotStarted, RuleNames: m.RuleNames}
		var v *zhenggai.ValidationError
		if err := check.Validate(); errors.As(err, &v) {
			p.bad(n, colRules, v.For("rule_names"))
			ok = false
		}
	}
	money := func(col int, to *zhenggai.Fen) {
		s := v[col]
		if s == "" {
			return
		}
		fen, reason := p.amount(s, p.wan[col])
		if reason != "" {
			p.bad(n, col, fmt.Sprintf("“%s”%s", zhenggai.Clip(s, 20), reason))
			ok = false
		}
		*to = fen
	}
	money(colRefunded, &m.RefundedFen)
	money(colRecovered, &m.RecoveredFen)
	money(colSaved, &m.SavedFen)
	count := func(col int, to *int) {
		s := v[col]
		if s == "" {
			return
		}
		k, err := zhenggai.ParseCount(s)
		if err != nil {
			p.bad(n, col, fmt.Sprintf("人数“%s”%s", zhenggai.Clip(s, 20), err.Error()))
			ok = false
		}
		*to = k
	}
	count(colTalks, &m.Talks)
	count(colOrganisational, &m.Organisational)
	count(colDisciplinary, &m.Disciplinary)
	return ok
}

// amount reads an amount cell: text as people type it, or the number
// Excel keeps, in 元 or, under a （万元） header, in 万元. A number Excel
// computed may carry binary noise past the fen (2316.4000000000001): it
// is taken to the fen it is within a hair of; a typed 12.345 is refused.
func (p *reader) amount(s string, wan bool) (zhenggai.Fen, string) {
	typed := s
	if wan && !strings.Contains(s, "万") && !strings.Contains(s, "元") {
		typed = s + "万"
	}
	fen, err := zhenggai.ParseYuan(typed)
	if err == nil {
		return fen, ""
	}
	if f, ferr := strconv.ParseFloat(s, 64); ferr == nil && !math.IsInf(f, 0) && !math.IsNaN(f) && f >= 0 {
		per := 100.0
		if wan {
			per = 1_000_000
		}
		// Noise is a few units in the last place of the double; a fen
		// typed away is far more.
		x := f * per
		ulp := math.Nextafter(x, math.Inf(1)) - x
		if r := math.Round(x); math.Abs(x-r) <= max(1e-9, 16*ulp) && r <= float64(zhenggai.MaxFen) {
			return zhenggai.Fen(r), ""
		}
	}
	reason := err.Error()
	if wan {
		reason = strings.Replace(reason, "（元），如 12600 或 1260.50", "（万元），如 1.26", 1)
	}
	return 0, reason
}

// synonyms are status words offices write besides the five labels.
var synonyms = map[string]zhenggai.Status{
	"已完成整改": zhenggai.Completed, "完成": zhenggai.Completed, "已整改": zhenggai.Completed, "已销号": zhenggai.Completed,
	"基本完成整改": zhenggai.BasicallyCompleted,
	"正在推进":   zhenggai.InProgress, "持续推进": zhenggai.InProgress, "整改中": zhenggai.InProgress, "推进中": zhenggai.InProgress,
	"未开始": zhenggai.NotStarted, "未完成": zhenggai.InProgress,
	"长期": zhenggai.Ongoing, "持续整改": zhenggai.Ongoing,
}

func parseStatus(s string) (zhenggai.Status, bool) {
	s = headerName(s)
	if st, ok := zhenggai.ParseStatus(s); ok {
		return st, true
	}
	st, ok := synonyms[s]
	return st, ok
}

// deadline reads 整改时限: an Excel date, a written date, or 长期坚持 /
// 立行立改, which set the measure's kind and no date.
func (p *reader) deadline(s string) (zhenggai.Date, zhenggai.MeasureKind, string) {
	switch headerName(s) {
	case "长期坚持", "长期", "持续推进", "长效机制":
		return zhenggai.Date{}, zhenggai.MeasureMechanism, ""
	case "立行立改", "立即整改", "立即":
		return zhenggai.Date{}, zhenggai.MeasureImmediate, ""
	}
	d, ok := parseDate(s, p.date1904)
	switch {
	case !ok:
		return d, "", fmt.Sprintf("整改时限“%s”不是日期，应写作2020年10月28日、2020-10-28或2020.10.28", zhenggai.Clip(s, 20))
	case !d.Valid():
		return zhenggai.Date{}, "", fmt.Sprintf("整改时限“%s”不是有效日期", zhenggai.Clip(s, 20))
	case d.Year() < 1949 || d.Year() > 2100:
		return zhenggai.Date{}, "", "整改时限的年份应在1949至2100之间"
	}
	return d, "", ""
}

var (
	dateText = regexp.MustCompile(`^(\d{4})\s*(?:年|[-/.．])\s*(\d{1,2})\s*(?:月|[-/.．])\s*(\d{1,2})\s*日?(?:前|之前|以前)?$`)
	dateYMD  = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
	serial   = regexp.MustCompile(`^\d{1,5}(\.\d+)?$`)
)

// parseDate reads a date as offices type it, or the serial number Excel
// keeps a date cell as.
func parseDate(s string, date1904 bool) (zhenggai.Date, bool) {
	s = strings.TrimSpace(s)
	if m := dateText.FindStringSubmatch(s); m != nil {
		return ymd(m[1], m[2], m[3]), true
	}
	if m := dateYMD.FindStringSubmatch(s); m != nil {
		return ymd(m[1], m[2], m[3]), true
	}
	if serial.MatchString(s) {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || f < 1 {
			return zhenggai.Date{}, false
		}
		t, err := excelize.ExcelDateToTime(f, date1904)
		if err != nil {
			return zhenggai.Date{}, false
		}
		return zhenggai.NewDate(t.Year(), int(t.Month()), t.Day()), true
	}
	return zhenggai.Date{}, false
}

func ymd(y, m, d string) zhenggai.Date {
	yi, _ := strconv.Atoi(y)
	mi, _ := strconv.Atoi(m)
	di, _ := strconv.Atoi(d)
	return zhenggai.NewDate(yi, mi, di)
}

// Round facts on the 巡察信息 sheet: one item per row, name then value.
const (
	kInspector = "巡察组"
	kUnit      = "被巡察单位"
	kKind      = "类型"
	kStart     = "进驻日期"
	kEnd       = "结束日期"
	kFeedback  = "反馈日期"
	kAsOf      = "统计截至"
	kDCats     = "公布问题数"
	kDProbs    = "公布具体问题数"
	kDDone     = "公布已完成整改数"
	kDBasic    = "公布基本完成整改数"
	kDProg     = "公布正在整改数"
	kDNot      = "公布尚未完成数"
	kDRate     = "公布完成率"
	// The outcomes a report declared.
	kDRules          = "公布建立完善制度数"
	kDRefunded       = "公布清退违规资金（元）"
	kDRecovered      = "公布追回资金（元）"
	kDSaved          = "公布挽回经济损失（元）"
	kDTalks          = "公布谈话提醒、批评教育人数"
	kDOrganisational = "公布组织处理人数"
	kDDisciplinary   = "公布党纪政务处分人数"
)

func (p *reader) readRound(f *excelize.File) {
	// Iterated, not loaded: the items are in the first rows, and a sheet
	// of a million rows must not be read whole.
	rows, err := f.Rows(RoundSheet)
	if err != nil {
		p.errs = append(p.errs, RowError{Sheet: RoundSheet, Row: 1, Reason: "工作表无法读取"})
		return
	}
	defer rows.Close()
	bad := func(row int, key, reason string) {
		p.errs = append(p.errs, RowError{Sheet: RoundSheet, Row: row, Column: key, Reason: reason})
	}
	r, d := &p.im.Round, &p.im.Declared
	for i := 0; i < 100 && rows.Next(); i++ {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			p.errs = append(p.errs, RowError{Sheet: RoundSheet, Row: i + 1, Reason: "无法读取"})
			return
		}
		if len(cells) < 2 {
			continue
		}
		key, val := headerName(cells[0]), strings.TrimSpace(p.strip(RoundSheet, i+1, headerName(cells[0]), cells[1]))
		if val == "" {
			continue
		}
		if strings.ContainsFunc(val, unicode.IsControl) || !utf8.ValidString(val) || utf8.RuneCountInString(val) > zhenggai.MaxName {
			bad(i+1, key, "含有控制字符或内容过长（最多100字）")
			continue
		}
		date := func(to *zhenggai.Date) {
			dt, ok := parseDate(val, p.date1904)
			if !ok || !dt.Valid() || dt.Year() < 1949 || dt.Year() > 2100 {
				bad(i+1, key, fmt.Sprintf("“%s”不是有效日期，应写作2020年10月28日或2020-10-28", zhenggai.Clip(val, 20)))
				return
			}
			*to = dt
		}
		num := func(to *int) {
			n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(val, "%"), "个"))
			if err != nil || n < 0 || n > 100000 {
				bad(i+1, key, fmt.Sprintf("“%s”应为0至100000之间的整数", zhenggai.Clip(val, 20)))
				return
			}
			*to = n
		}
		money := func(to *zhenggai.Fen) {
			fen, reason := p.amount(val, false)
			if reason != "" {
				bad(i+1, key, fmt.Sprintf("“%s”%s", zhenggai.Clip(val, 20), reason))
				return
			}
			*to = fen
		}
		switch key {
		case kInspector:
			r.Inspector = val
		case kUnit:
			r.Unit = val
		case kKind:
			if k := zhenggai.Kind(val); k.Valid() {
				r.Kind = k
			} else {
				bad(i+1, key, "类型应为巡察、巡视或自查")
			}
		case kStart:
			date(&r.OnsiteStart)
		case kEnd:
			date(&r.OnsiteEnd)
		case kFeedback:
			date(&r.FeedbackDate)
		case kAsOf:
			date(&d.AsOf)
		case kDCats:
			num(&d.Categories)
		case kDProbs:
			num(&d.Problems)
		case kDDone:
			num(&d.Completed)
		case kDBasic:
			num(&d.BasicallyCompleted)
		case kDProg:
			num(&d.InProgress)
		case kDNot:
			num(&d.NotCompleted)
		case kDRate:
			num(&d.RatePercent)
		case kDRules:
			num(&d.Outcomes.Rules)
		case kDRefunded:
			money(&d.Outcomes.RefundedFen)
		case kDRecovered:
			money(&d.Outcomes.RecoveredFen)
		case kDSaved:
			money(&d.Outcomes.SavedFen)
		case kDTalks:
			num(&d.Outcomes.Talks)
		case kDOrganisational:
			num(&d.Outcomes.Organisational)
		case kDDisciplinary:
			num(&d.Outcomes.Disciplinary)
		}
	}
	if r.Inspector == "" || r.Unit == "" {
		p.fromTitle()
	}
}

// titleRe reads "市委第七巡察组巡察桑植县政协党组反馈意见整改清单".
var titleRe = regexp.MustCompile(`^(.*组)(巡察|巡视)(.+?)(?:反馈意见|反馈问题)?(?:整改)?(?:落实)?(?:工作)?(?:清单|台账)$`)

// fromTitle fills the group and unit from the title row when nothing
// else gave them.
func (p *reader) fromTitle() {
	m := titleRe.FindStringSubmatch(headerName(p.title))
	if m == nil {
		return
	}
	r := &p.im.Round
	if r.Inspector == "" && utf8.RuneCountInString(m[1]) <= zhenggai.MaxName {
		r.Inspector = m[1]
	}
	if r.Unit == "" && utf8.RuneCountInString(m[3]) <= zhenggai.MaxName {
		r.Unit = m[3]
	}
	if r.Kind == "" {
		r.Kind = zhenggai.Kind(m[2])
	}
}

// Supply fills in round facts a workbook lacks, or overrides them: every
// non-empty field of r replaces the one read.
func Supply(im *zhenggai.Imported, r zhenggai.ImportedRound) {
	t := &im.Round
	if r.Inspector != "" {
		t.Inspector = r.Inspector
	}
	if r.Unit != "" {
		t.Unit = r.Unit
	}
	if r.Kind != "" {
		t.Kind = r.Kind
	}
	if !r.OnsiteStart.IsZero() {
		t.OnsiteStart = r.OnsiteStart
	}
	if !r.OnsiteEnd.IsZero() {
		t.OnsiteEnd = r.OnsiteEnd
	}
	if !r.FeedbackDate.IsZero() {
		t.FeedbackDate = r.FeedbackDate
	}
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func firstText(cells []string) string {
	for _, c := range cells {
		if s := strings.TrimSpace(c); s != "" {
			return s
		}
	}
	return ""
}
