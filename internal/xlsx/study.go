package xlsx

import (
	"context"
	"fmt"
	"io"

	"zhenggai"
	"zhenggai/internal/sheet"
)

// Notes checks (学习笔记检查) as a workbook: one sheet, one row per person
// checked, as a branch keeps its 学习笔记检查登记表.

// NotesCheckSheet is the sheet's name; a workbook without it is read from
// its first sheet.
const NotesCheckSheet = "学习笔记检查"

// Columns of the notes checks' sheet.
const (
	nSeq = iota
	nName
	nPeriod
	nOn
	nChecker
	nResult
	nRemark
)

// NotesCheckColumns are the columns of the notes checks' sheet.
var NotesCheckColumns = sheet.Spec{What: "学习笔记检查", Unknown: sheet.Ignore, Columns: []sheet.Column{
	nSeq:     {Name: "序号", Aliases: []string{"编号"}, Width: 6},
	nName:    {Name: "被检查人", Aliases: []string{"姓名", "党员姓名", "党员", "被检查党员"}, Required: true, Max: zhenggai.MaxName, Width: 10},
	nPeriod:  {Name: "检查期间", Aliases: []string{"检查季度", "检查月份", "季度", "月份", "所属期间", "期间"}, Required: true, Max: 40, Width: 14},
	nOn:      {Name: "检查日期", Aliases: []string{"检查时间", "日期"}, Required: true, MinYear: 1949, Width: 14},
	nChecker: {Name: "检查人", Aliases: []string{"检查人员", "检查者"}, Required: true, Max: zhenggai.MaxName, Width: 10},
	nResult:  {Name: "检查结论", Aliases: []string{"检查结果", "结论", "结果", "等次"}, Required: true, Max: 20, Width: 10},
	nRemark:  {Name: "检查意见", Aliases: []string{"意见", "备注", "存在问题"}, Max: zhenggai.MaxTitle, Width: 30},
}}

// NotesChecksImport is a notes checks' workbook as read, with each one's
// row for the store's messages.
type NotesChecksImport struct {
	Checks   []*zhenggai.NotesCheck
	Where    []string
	Warnings []string
}

// ParseNotesChecks reads a notes checks' workbook; every bad cell is
// named and nothing is returned then.
func ParseNotesChecks(ctx context.Context, r io.Reader) (_ *NotesChecksImport, err error) {
	defer sheet.Guard(&err, "读取学习笔记检查")
	b, err := sheet.Open(ctx, r, sheet.Options{What: "学习笔记检查"})
	if err != nil {
		return nil, err
	}
	defer b.Close()
	name := NotesCheckSheet
	if !b.Has(name) {
		if len(b.Sheets()) == 0 {
			return nil, zhenggai.Errorf(zhenggai.EINVALID, "工作簿中没有工作表")
		}
		name = b.Sheets()[0]
	}
	t, err := b.Table(name, &NotesCheckColumns)
	if err != nil {
		return nil, err
	}
	im := &NotesChecksImport{}
	for t.Next() {
		row := t.Row()
		if c := readNotesCheckRow(row); c != nil {
			im.Checks = append(im.Checks, c)
			im.Where = append(im.Where, fmt.Sprintf("%s第%d行：", name, row.N()))
		}
	}
	err = t.Err()
	t.Close()
	if err != nil {
		return nil, err
	}
	if err := b.Rejected(); err != nil {
		return nil, err
	}
	if len(im.Checks) == 0 {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "“%s”表中没有学习笔记检查记录", name)
	}
	im.Warnings = b.Warnings()
	return im, nil
}

func readNotesCheckRow(row *sheet.Row) *zhenggai.NotesCheck {
	ok := true
	text := func(col int) string {
		s, good := row.Text(col)
		ok = ok && good
		return s
	}
	c := &zhenggai.NotesCheck{Name: hanName(text(nName)), CheckerName: hanName(text(nChecker)), Remark: text(nRemark)}
	on, good := row.Date(nOn)
	ok = ok && good
	c.On = on
	period := text(nPeriod)
	if p, good := zhenggai.ParseStudyPeriod(period); good {
		c.Period = p
	} else if d, err := zhenggai.ParseDate(period); err == nil && !d.IsZero() && d.Valid() {
		// A month typed as 2020年9月 that the spreadsheet made a date.
		c.Period = zhenggai.StudyPeriod(fmt.Sprintf("%04d-%02d", d.Year(), d.Month()))
	} else {
		row.Bad(nPeriod, "检查期间“"+zhenggai.Clip(period, 20)+"”须为月份或季度，如2020年9月、2020年第3季度")
		ok = false
	}
	result := text(nResult)
	if res, good := zhenggai.ParseNotesResult(result); good {
		c.Result = res
	} else {
		row.Bad(nResult, "检查结论“"+zhenggai.Clip(result, 20)+"”须为合格、记录不全或无笔记")
		ok = false
	}
	if c.Name == "" {
		row.Bad(nName, "被检查人不能为空")
		ok = false
	}
	if c.CheckerName == "" {
		row.Bad(nChecker, "检查人不能为空")
		ok = false
	}
	if c.On.IsZero() && ok {
		row.Bad(nOn, "检查日期不能为空")
		ok = false
	}
	if !ok {
		return nil
	}
	return c
}

// WriteNotesChecks writes checks as the workbook ParseNotesChecks reads,
// with 序号 and a title line.
func WriteNotesChecks(w io.Writer, title string, cs []*zhenggai.NotesCheck) error {
	wb := sheet.NewWriter()
	defer wb.Close()
	s, err := wb.Sheet(NotesCheckSheet, sheet.Layout{Title: title, Columns: NotesCheckColumns.Out(0), Print: true, Freeze: true})
	if err != nil {
		return err
	}
	for i, c := range cs {
		err := s.Row(sheet.Cell{Style: sheet.Centre, Value: i + 1}, Label(c.Name), Label(c.Period.Label()), sheet.Day(c.On),
			Label(c.CheckerName), Label(c.Result.Label()), Text(c.Remark))
		if err != nil {
			return err
		}
	}
	_, err = wb.WriteTo(w)
	return err
}
