package xlsx

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"zhenggai"
	"zhenggai/internal/sheet"
)

// The 整改清单 sheet: its columns, what is read from each row, and how it
// is written. The 巡察信息 sheet of the same workbook is ledger_round.go.

// Column numbers into ledgerSpec.Columns, and into Columns.
const (
	colSeq = iota
	colCategory
	colProblem
	colMeasure
	colLeader
	colOffice
	colOwner
	colDeadline
	colProgress
	colStatus
	colNote
	colRules // the first outcome column
	colRefunded
	colRecovered
	colSaved
	colTalks
	colOrganisational
	colDisciplinary
	numCols
)

// baseCols are the columns every ledger has.
const baseCols = colRules

// Units a header may carry after an outcome column's name: （元） or
// （万元） for an amount, （人） for persons, （项） for rules.
var (
	money   = []string{"元", "万元"}
	persons = []string{"人", "名", "人次"}
)

// ledgerSpec is the ledger's columns in the order written, with the widths
// an office would set them to: the eleven
// offices keep, then what each measure produced (整改成效), one column per
// figure a report states, so that Excel can sum each. The outcome columns
// are written when any measure of the round records an outcome, and are
// optional on import; an outcome in a merged cell is its first row's
// (Once), not counted on every row the merge spans.
var ledgerSpec = sheet.Spec{
	What: "台账",
	Columns: []sheet.Column{
		colSeq:      {Name: "序号", Width: 6, Aliases: []string{"编号", "序"}, Required: true, Max: 20},
		colCategory: {Name: "问题类别", Width: 18, Aliases: []string{"反馈问题", "问题类型", "问题分类"}, Required: true, Max: zhenggai.MaxTitle},
		colProblem: {Name: "具体问题", Width: 30, Aliases: []string{"问题", "存在问题", "具体问题表现", "问题表现"}, Required: true,
			Max: zhenggai.MaxTitle},
		colMeasure: {Name: "整改措施", Width: 42, Aliases: []string{"整改措施及要求", "措施"}, Required: true, Max: zhenggai.MaxContent},
		colLeader:  {Name: "责任领导", Width: 10, Aliases: []string{"牵头领导", "分管领导"}, Max: zhenggai.MaxName},
		colOffice: {Name: "责任委室", Width: 12, Aliases: []string{"责任部门", "责任单位", "责任科室", "牵头部门", "牵头单位"},
			Max: zhenggai.MaxName},
		colOwner:    {Name: "责任人", Width: 10, Aliases: []string{"具体责任人"}, Max: zhenggai.MaxName},
		colDeadline: {Name: "整改时限", Width: 15, Aliases: []string{"完成时限", "时限", "整改期限"}, Max: 40},
		colProgress: {Name: "整改进展", Width: 36, Aliases: []string{"进展情况", "整改情况", "推进情况"}, Max: zhenggai.MaxContent},
		colStatus:   {Name: "完成情况", Width: 10, Aliases: []string{"整改状态", "状态", "完成状态"}, Max: 20},
		colNote:     {Name: "备注", Width: 10, Max: zhenggai.MaxTitle},
		colRules: {Name: "建立完善制度", Width: 24, Units: []string{"项", "个", "件"}, Once: true,
			Aliases: []string{"建立健全制度", "建立制度", "完善制度", "建章立制", "制度建设", "制定修订制度", "建立完善制度名称"},
			Max:     (zhenggai.MaxName + 3) * zhenggai.MaxRuleNames},
		colRefunded: {Name: "清退违规资金", Width: 12, Unit: "元", Units: money, Once: true, Max: 40,
			Aliases: []string{"清退资金", "清退金额", "清退违规资金金额"}},
		colRecovered: {Name: "追回资金", Width: 12, Unit: "元", Units: money, Once: true, Max: 40,
			Aliases: []string{"追回金额", "追缴资金", "追回违规资金", "收回资金"}},
		colSaved: {Name: "挽回经济损失", Width: 12, Unit: "元", Units: money, Once: true, Max: 40,
			Aliases: []string{"挽回损失", "挽回经济损失金额"}},
		colTalks: {Name: "谈话提醒、批评教育", Width: 12, Unit: "人", Units: persons, Once: true, Max: 20,
			Aliases: []string{"谈话提醒批评教育", "谈话提醒", "批评教育", "提醒谈话", "谈话提醒、批评教育人数"}},
		colOrganisational: {Name: "组织处理", Width: 10, Unit: "人", Units: persons, Once: true, Max: 20,
			Aliases: []string{"组织处理人数"}},
		colDisciplinary: {Name: "党纪政务处分", Width: 10, Unit: "人", Units: persons, Once: true, Max: 20,
			Aliases: []string{"党纪政务处分人数", "党纪政纪处分", "党纪处分", "政务处分", "纪律处分"}},
	},
	Unknown: sheet.Refuse,
}

func init() {
	// The header a missing header's message asks for: the eleven columns
	// every ledger has.
	ledgerSpec.Hint = ledgerSpec.Headers()[:baseCols]
}

// Columns are the ledger's headers in the order written.
var Columns = ledgerSpec.Headers()

// outcomeKinds maps the outcome columns to the figures they hold.
var outcomeKinds = map[int]zhenggai.OutcomeKind{
	colRules: zhenggai.OutcomeRules, colRefunded: zhenggai.OutcomeRefunded, colRecovered: zhenggai.OutcomeRecovered,
	colSaved: zhenggai.OutcomeSaved, colTalks: zhenggai.OutcomeTalks, colOrganisational: zhenggai.OutcomeOrganisational,
	colDisciplinary: zhenggai.OutcomeDisciplinary,
}

// Limits on what Parse reads. A county round has a few hundred rows; the
// limits leave room for a province's and keep a hostile file small.
const (
	MaxFileSize = 16 << 20 // the .xlsx file itself
	MaxRows     = 50000    // ledger rows below the header
	// maxUnzipped bounds the workbook unpacked: a zip bomb stops here.
	maxUnzipped = 128 << 20
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
		if err != nil {
			im = nil
		}
	}()
	defer sheet.Guard(&err, "读取Excel台账")
	b, err := sheet.Open(ctx, r, sheet.Options{What: "台账", Limits: sheet.Limits{
		MaxBytes: MaxFileSize, MaxUnzipped: maxUnzipped, MaxRows: MaxRows, MaxTime: MaxParseTime}})
	if err != nil {
		return nil, err
	}
	defer b.Close()
	p := &reader{
		b:       b,
		im:      &zhenggai.Imported{Categories: []zhenggai.ImportedCategory{}, Warnings: []string{}},
		catRow:  map[int]int{},
		catByT:  map[string]int{},
		probRow: map[int]int{},
		ci:      -1, pi: -1,
	}
	name, ok := ledgerSheet(b.Sheets())
	if !ok {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "工作簿中没有整改清单工作表")
	}
	t, err := b.Table(name, &ledgerSpec)
	if err != nil {
		return nil, err
	}
	defer t.Close()
	for t.Next() {
		p.row(t.Row())
	}
	if err := t.Err(); err != nil {
		return nil, err
	}
	p.title = t.Title()
	if t.Found() && len(b.Errors()) == 0 && len(p.im.Categories) == 0 {
		b.Bad(name, t.Last()+1, "", "表头之下没有任何问题")
	}
	if b.Has(RoundSheet) {
		if err := p.readRound(); err != nil {
			return nil, err
		}
	} else {
		p.fromTitle()
	}
	if err := b.Rejected(); err != nil {
		return nil, err
	}
	if p.notes > 0 {
		p.im.Warnings = append(p.im.Warnings, fmt.Sprintf("有%d行“备注”写有措施类型以外的内容，系统中没有对应的项目，未导入", p.notes))
	}
	p.im.Warnings = append(p.im.Warnings, b.Warnings()...)
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

type reader struct {
	b     *sheet.Book
	im    *zhenggai.Imported
	title string // the text above the header
	notes int    // rows whose 备注 was not imported

	ci, pi  int         // current category and problem, -1 when none
	catRow  map[int]int // category number → row where it began
	catByT  map[string]int
	probRow map[int]int // problem number → row where it began
	lastCat int
	lastPrb int
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

// row reads one row of the ledger: a measure, or a problem or category
// heading without one.
func (p *reader) row(r *sheet.Row) {
	n := r.N()
	var v [numCols]string
	ok := true
	for c := range v {
		// A bad cell is reported once; the row is still read with it so
		// that the other cells are checked too.
		var good bool
		if v[c], good = r.Text(c); !good {
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
			r.Bad(colSeq, fmt.Sprintf("序号“%s”应为数字，如 3 或 3-1", zhenggai.Clip(s, 20)))
			ok = false
		} else if seq, _ = strconv.Atoi(m[1]); seq < 1 || seq > 9999 {
			r.Bad(colSeq, "序号须在1至9999之间")
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
			r.Bad(colCategory, "问题类别只有序号，没有内容")
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
			if row, dup := p.catRow[cseq]; dup {
				r.Bad(colCategory, fmt.Sprintf("问题类别序号（%s）与第%d行的问题类别重复", zhenggai.Numeral(cseq), row))
				return
			}
			if cseq > 999 {
				r.Bad(colCategory, "问题类别不能超过999个")
				return
			}
			p.catRow[cseq], p.catByT[title] = n, len(p.im.Categories)
			p.lastCat = max(p.lastCat, cseq)
			p.im.Categories = append(p.im.Categories, zhenggai.ImportedCategory{Seq: cseq, Title: title, Problems: []zhenggai.ImportedProblem{}})
			p.ci, catChanged = len(p.im.Categories)-1, true
		}
	} else if p.ci < 0 {
		r.Bad(colCategory, "问题类别不能为空")
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
				r.Bad(colProblem, "整改措施没有对应的具体问题：具体问题不能为空")
			} else {
				r.Bad(colProblem, "具体问题不能为空")
			}
			return
		}
	case title == "":
		r.Bad(colProblem, "具体问题不能为空")
		return
	case cur != nil && title == cur.Title && (seq == 0 || seq == cur.Seq):
	default:
		if seq == 0 {
			seq = p.lastPrb + 1
		}
		if row, dup := p.probRow[seq]; dup {
			r.Bad(colSeq, fmt.Sprintf("序号%d与第%d行的具体问题重复", seq, row))
			return
		}
		if seq > 9999 {
			r.Bad(colSeq, "序号须在1至9999之间")
			return
		}
		p.probRow[seq] = n
		p.lastPrb = max(p.lastPrb, seq)
		cat.Problems = append(cat.Problems, zhenggai.ImportedProblem{Seq: seq, Title: title, Measures: []zhenggai.ImportedMeasure{}})
		p.pi = len(cat.Problems) - 1
		cur = &cat.Problems[p.pi]
	}

	// 完成情况 on a row without a measure is the problem's recorded status.
	st, stOK := zhenggai.Status(""), true
	if s := v[colStatus]; s != "" {
		if st, stOK = parseStatus(s); !stOK {
			r.Bad(colStatus, fmt.Sprintf("完成情况“%s”应为未启动、正在整改、基本完成、已完成或长期坚持之一", zhenggai.Clip(s, 20)))
		}
	}
	if !measureCells {
		// Kept as what the ledger records for the problem (原台账记载).
		if cur != nil && stOK {
			cur.Status = st
		}
		return
	}
	m := zhenggai.ImportedMeasure{Content: v[colMeasure], Leader: v[colLeader], Office: v[colOffice], Owner: v[colOwner],
		Progress: v[colProgress], Status: st}
	if m.Content == "" {
		r.Bad(colMeasure, "整改措施不能为空")
	}
	if s := v[colDeadline]; s != "" {
		d, kind, err := p.deadline(s)
		if err != "" {
			r.Bad(colDeadline, err)
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
		if strings.Trim(strings.NewReplacer(zhenggai.MeasureMechanism.Label(), "", zhenggai.MeasureImmediate.Label(), "",
			recordedNote, "").Replace(s), " ，,、；;") != "" {
			p.notes++
		}
	}
	if !p.outcomes(r, &v, &m) {
		ok = false
	}
	if len(cur.Measures) >= 999 {
		r.Bad(colMeasure, "一个具体问题最多999项整改措施")
		return
	}
	if ok && stOK {
		cur.Measures = append(cur.Measures, m)
	}
}

// outcomes reads a row's outcome cells into m; it reports whether all
// of them could be read.
func (p *reader) outcomes(r *sheet.Row, v *[numCols]string, m *zhenggai.ImportedMeasure) bool {
	ok := true
	if s := v[colRules]; s != "" {
		m.RuleNames = zhenggai.ParseRuleNames(s)
		check := zhenggai.Measure{Seq: 1, Content: "-", Kind: zhenggai.MeasureImmediate, Status: zhenggai.NotStarted, RuleNames: m.RuleNames}
		var v *zhenggai.ValidationError
		if err := check.Validate(); errors.As(err, &v) {
			r.Bad(colRules, v.For("rule_names"))
			ok = false
		}
	}
	fen := func(col int, to *zhenggai.Fen) {
		s := v[col]
		if s == "" {
			return
		}
		v, reason := amount(s, r.Unit(col) == "万元")
		if reason != "" {
			r.Bad(col, fmt.Sprintf("“%s”%s", zhenggai.Clip(s, 20), reason))
			ok = false
		}
		*to = zhenggai.Fen(v)
	}
	fen(colRefunded, &m.RefundedFen)
	fen(colRecovered, &m.RecoveredFen)
	fen(colSaved, &m.SavedFen)
	count := func(col int, to *int) {
		s := v[col]
		if s == "" {
			return
		}
		k, err := zhenggai.ParseCount(s)
		if err != nil {
			r.Bad(col, fmt.Sprintf("人数“%s”%s", zhenggai.Clip(s, 20), err.Error()))
			ok = false
		}
		*to = k
	}
	count(colTalks, &m.Talks)
	count(colOrganisational, &m.Organisational)
	count(colDisciplinary, &m.Disciplinary)
	return ok
}

// amount reads an outcome's amount (sheet.ParseFen): text as people type
// it or the number Excel keeps, in 元 or, under a （万元） header, in 万元;
// an outcome is never negative.
func amount(s string, wan bool) (int64, string) {
	fen, err := sheet.ParseFen(s, wan)
	switch {
	case err != nil:
		return 0, err.Error()
	case fen < 0:
		return 0, sheet.ErrNegative.Error()
	}
	return fen, ""
}

func parseStatus(s string) (zhenggai.Status, bool) { return zhenggai.StatusWord(sheet.Fold(s)) }

// recordedNote marks, in 备注, a problem whose 完成情况 an imported ledger
// recorded (原台账记载) and the office has not accepted; read back as
// nothing more than that.
const recordedNote = "原台账记载"

// deadline reads 整改时限: an Excel date, a written date, or 长期坚持 /
// 立行立改, which set the measure's kind and no date.
func (p *reader) deadline(s string) (zhenggai.Date, zhenggai.MeasureKind, string) {
	switch sheet.Fold(s) {
	case "长期坚持", "长期", "持续推进", "长效机制":
		return zhenggai.Date{}, zhenggai.MeasureMechanism, ""
	case "立行立改", "立即整改", "立即":
		return zhenggai.Date{}, zhenggai.MeasureImmediate, ""
	}
	d, err := p.date(s)
	switch {
	case errors.Is(err, sheet.ErrNoSuchDay):
		return zhenggai.Date{}, "", fmt.Sprintf("整改时限“%s”不是有效日期", zhenggai.Clip(s, 20))
	case err != nil:
		return d, "", fmt.Sprintf("整改时限“%s”不是日期，应写作2020年10月28日、2020-10-28或2020.10.28", zhenggai.Clip(s, 20))
	case d.Year() < 1949 || d.Year() > 2100:
		return zhenggai.Date{}, "", "整改时限的年份应在1949至2100之间"
	}
	return d, "", ""
}

// before is what a deadline may say after its day: 2020年10月28日前.
var before = regexp.MustCompile(`(\d|日|号)\s*(?:之前|以前|前)$`)

// date reads a date as offices type it (sheet.ParseDate), or the serial
// number Excel keeps a date cell as.
func (p *reader) date(s string) (zhenggai.Date, error) {
	if m := before.FindStringSubmatchIndex(s); m != nil {
		s = s[:m[3]]
	}
	return sheet.ParseDate(s, p.b.Date1904())
}

// Write writes the ledger as a workbook: the 整改清单 sheet, streamed row by
// row so that a large round stays small in memory, and the 巡察信息 sheet.
// latest is the newest progress entry of each measure (may be nil), shown
// in 整改进展 as the ledger page shows it.
//
// The outcome columns follow 备注 when any measure records an outcome; a
// round without any keeps the eleven columns offices print.
func Write(w io.Writer, l *zhenggai.Ledger, latest map[int64]*zhenggai.Progress) error {
	cols := baseCols
	if !l.Summary.Outcomes.IsZero() {
		cols = numCols
	}
	wb := sheet.NewWriter()
	defer wb.Close()
	s, err := wb.Sheet(LedgerSheet, sheet.Layout{Title: title(l.Round), Columns: ledgerSpec.Out(cols), Print: true,
		Margins: &[4]float64{0.6, 0.6, 0.4, 0.4}, Freeze: true})
	if err != nil {
		return err
	}
	vals := make([]sheet.Cell, cols)
	for _, c := range l.Categories {
		catFrom := s.N() + 1
		catTitle := "（" + zhenggai.Numeral(c.Seq) + "）" + c.Title
		for _, p := range c.Problems {
			probFrom := s.N() + 1
			n := max(len(p.Measures), 1)
			for i := range n {
				for k := range vals {
					vals[k] = sheet.Cell{Style: sheet.Text}
				}
				vals[colSeq] = sheet.Cell{Style: sheet.Centre}
				if i == 0 {
					vals[colSeq] = sheet.Cell{Style: sheet.Centre, Value: p.Seq}
					vals[colProblem] = sheet.Cell{Style: sheet.Text, Value: p.Title}
				}
				if s.N()+1 == catFrom {
					vals[colCategory] = sheet.Cell{Style: sheet.Text, Value: catTitle}
				}
				if len(p.Measures) == 0 {
					vals[colStatus] = sheet.Cell{Style: sheet.Centre, Value: p.Status.Label()}
				} else {
					m := p.Measures[i]
					vals[colMeasure] = sheet.Cell{Style: sheet.Text, Value: m.Content}
					vals[colLeader] = sheet.Cell{Style: sheet.Centre, Value: m.Leader}
					vals[colOffice] = sheet.Cell{Style: sheet.Centre, Value: m.Office}
					vals[colOwner] = sheet.Cell{Style: sheet.Centre, Value: m.Owner}
					vals[colDeadline] = sheet.Day(m.Deadline)
					if e := latest[m.ID]; e != nil {
						vals[colProgress] = sheet.Cell{Style: sheet.Text, Value: e.Date.Chinese() + "：" + e.Content}
					}
					vals[colStatus] = sheet.Cell{Style: sheet.Centre, Value: m.Status.Label()}
					note := m.Kind.Label()
					if i == 0 && p.Recorded {
						// What the old ledger recorded, not the office's closing.
						note += "，" + recordedNote
					}
					vals[colNote] = sheet.Cell{Style: sheet.Centre, Value: note}
					if cols > baseCols {
						outcomeCells(vals, m.Measure)
					}
				}
				if err := s.Row(vals...); err != nil {
					return err
				}
			}
			if err := s.Merge(colSeq, probFrom, s.N()); err != nil {
				return err
			}
			if err := s.Merge(colProblem, probFrom, s.N()); err != nil {
				return err
			}
		}
		if len(c.Problems) == 0 {
			// A heading without problems yet still shows; an import
			// reads it back as nothing, as there is nothing to rectify.
			for k := range vals {
				vals[k] = sheet.Cell{Style: sheet.Text}
			}
			vals[colCategory] = sheet.Cell{Style: sheet.Text, Value: catTitle}
			if err := s.Row(vals...); err != nil {
				return err
			}
		}
		if err := s.Merge(colCategory, catFrom, s.N()); err != nil {
			return err
		}
	}
	if err := writeRound(wb, l); err != nil {
		return err
	}
	_, err = wb.WriteTo(w)
	return err
}

// outcomeCells fills a measure's outcome columns: the rules one a line in
// 《》, amounts as numbers of 元 shown to the fen (so that Excel sums
// them), counts as numbers; nothing where the measure records nothing.
func outcomeCells(vals []sheet.Cell, m *zhenggai.Measure) {
	titles := make([]string, len(m.RuleNames))
	for i, n := range m.RuleNames {
		titles[i] = zhenggai.RuleTitle(n)
	}
	vals[colRules] = sheet.Cell{Style: sheet.Text, Value: strings.Join(titles, "\n")}
	o := m.Outcomes()
	for c := colRefunded; c < numCols; c++ {
		k := outcomeKinds[c]
		v := o.Value(k)
		switch {
		case v == 0:
			vals[c] = sheet.Cell{Style: sheet.Count}
		case k.Money():
			vals[c] = sheet.Yuan(v)
		default:
			vals[c] = sheet.Cell{Style: sheet.Count, Value: v}
		}
	}
}
