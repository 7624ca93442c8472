package xlsx

import (
	"context"
	"fmt"
	"io"

	"zhenggai"
	"zhenggai/internal/sheet"
)

// Retired cadres' posts and re-employment as a workbook: one sheet, one
// row a post, as the organisation department's form lists them.

// RetiredSheet is the sheet's name; a workbook without it is read from
// its first sheet.
const RetiredSheet = "退休干部兼职返聘"

// Columns of the retired posts' sheet.
const (
	rpSeq = iota
	rpName
	rpBorn
	rpFormerRank
	rpRetiredOn
	rpOrg
	rpPost
	rpKind
	rpApprovedBy
	rpApprovedOn
	rpFiledOn
	rpFilingNo
	rpFrom
	rpTo
	rpTerm
	rpPay
	rpNote
)

// RetiredColumns are the columns of the retired posts' sheet.
var RetiredColumns = sheet.Spec{What: "退休干部兼职(返聘)", Unknown: sheet.Ignore, Columns: []sheet.Column{
	rpSeq:        {Name: "序号", Aliases: []string{"编号"}, Width: 6},
	rpName:       {Name: "姓名", Aliases: []string{"退休干部姓名", "人员姓名"}, Required: true, Max: zhenggai.MaxName, Width: 10},
	rpBorn:       {Name: "出生年月", Aliases: []string{"出生日期", "出生时间"}, Required: true, Max: 40, Width: 12},
	rpFormerRank: {Name: "退休前职务", Aliases: []string{"原任职务", "原职务", "退休前职务职级", "原单位及职务"}, Max: zhenggai.MaxName, Width: 16},
	rpRetiredOn:  {Name: "退休时间", Aliases: []string{"退休日期", "退休年月"}, MinYear: 1949, Width: 12},
	rpOrg:        {Name: "兼职(返聘)单位", Aliases: []string{"兼职（返聘）单位", "兼职单位", "返聘单位", "聘任单位", "任职单位"}, Required: true, Max: zhenggai.MaxTitle, Width: 24},
	rpPost:       {Name: "兼任职务", Aliases: []string{"职务", "兼职职务", "聘任职务", "拟任职务"}, Required: true, Max: zhenggai.MaxName, Width: 12},
	rpKind:       {Name: "类别", Aliases: []string{"兼职类别", "兼职或返聘", "方式"}, Max: 20, Width: 8},
	rpApprovedBy: {Name: "审批机关", Aliases: []string{"审批单位", "批准机关", "审批部门"}, Max: zhenggai.MaxName, Width: 14},
	rpApprovedOn: {Name: "审批日期", Aliases: []string{"审批时间", "批准日期"}, MinYear: 1949, Width: 12},
	rpFiledOn:    {Name: "备案日期", Aliases: []string{"组织部备案日期", "备案时间"}, MinYear: 1949, Width: 12},
	rpFilingNo:   {Name: "备案文号", Aliases: []string{"批复文号", "文号", "备案批复文号"}, Max: zhenggai.MaxName, Width: 18},
	rpFrom:       {Name: "任职起始日期", Aliases: []string{"任职起始", "任职时间", "聘任起始日期", "兼职起始时间"}, Required: true, MinYear: 1949, Width: 12},
	rpTo:         {Name: "任职截止日期", Aliases: []string{"任职截止", "聘任截止日期", "兼职截止时间", "离任日期"}, MinYear: 1949, Width: 12},
	rpTerm:       {Name: "届次", Aliases: []string{"任职届数", "第几届", "届数"}, Units: []string{"届"}, Width: 6},
	rpPay:        {Name: "年报酬", Unit: "元", Aliases: []string{"报酬", "薪酬", "取酬金额", "年薪"}, Units: []string{"元", "万元"}, Width: 12},
	rpNote:       {Name: "备注", Aliases: []string{"说明"}, Max: zhenggai.MaxTitle, Width: 20},
}}

// RetiredImport is a retired posts' workbook as read, with each post's
// row for the store's messages.
type RetiredImport struct {
	Posts    []*zhenggai.RetiredPost
	Where    []string
	Warnings []string
}

// ParseRetiredPosts reads a retired posts' workbook; every bad cell is
// named and nothing is returned then.
func ParseRetiredPosts(ctx context.Context, r io.Reader) (_ *RetiredImport, err error) {
	defer sheet.Guard(&err, "读取退休干部兼职(返聘)")
	b, err := sheet.Open(ctx, r, sheet.Options{What: "退休干部兼职(返聘)"})
	if err != nil {
		return nil, err
	}
	defer b.Close()
	name := RetiredSheet
	if !b.Has(name) {
		if len(b.Sheets()) == 0 {
			return nil, zhenggai.Errorf(zhenggai.EINVALID, "工作簿中没有工作表")
		}
		name = b.Sheets()[0]
	}
	t, err := b.Table(name, &RetiredColumns)
	if err != nil {
		return nil, err
	}
	im := &RetiredImport{}
	for t.Next() {
		row := t.Row()
		if p := readRetiredRow(row); p != nil {
			im.Posts = append(im.Posts, p)
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
	if len(im.Posts) == 0 {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "“%s”表中没有兼职(返聘)记录", name)
	}
	im.Warnings = b.Warnings()
	return im, nil
}

// bornOn reads 出生年月 as offices write it: 1955.03, 1955年3月 (its
// first day), or a date.
func bornOn(row *sheet.Row, ok *bool) zhenggai.Date {
	d, good := rowDay(row, rpBorn, "出生年月")
	*ok = *ok && good
	return d
}

func readRetiredRow(row *sheet.Row) *zhenggai.RetiredPost {
	ok := true
	text := func(col int) string {
		s, good := row.Text(col)
		ok = ok && good
		return s
	}
	date := func(col int, _ string) zhenggai.Date {
		d, good := row.Date(col)
		ok = ok && good
		return d
	}
	p := &zhenggai.RetiredPost{Name: hanName(text(rpName)), Born: bornOn(row, &ok), FormerRank: text(rpFormerRank),
		RetiredOn: date(rpRetiredOn, "退休时间"), Org: text(rpOrg), Post: text(rpPost), ApprovedBy: text(rpApprovedBy),
		ApprovedOn: date(rpApprovedOn, "审批日期"), FiledOn: date(rpFiledOn, "备案日期"), FilingNo: text(rpFilingNo),
		From: date(rpFrom, "任职起始日期"), To: date(rpTo, "任职截止日期"), Note: text(rpNote)}
	kind := text(rpKind)
	if k, good := zhenggai.ParseRetiredPostKind(kind); good {
		p.Kind = k
	} else {
		row.Bad(rpKind, "类别“"+zhenggai.Clip(kind, 20)+"”须为兼职或返聘")
		ok = false
	}
	term, good := row.Count(rpTerm, 20)
	ok = ok && good
	p.Term = max(term, 1)
	pay, good := row.Fen(rpPay)
	ok = ok && good
	p.Pay = zhenggai.Fen(pay)
	for _, c := range []struct {
		col   int
		empty bool
		msg   string
	}{{rpName, p.Name == "", "姓名不能为空"}, {rpOrg, p.Org == "", "兼职(返聘)单位不能为空"}, {rpPost, p.Post == "", "兼任职务不能为空"},
		{rpBorn, p.Born.IsZero(), "出生年月不能为空"}, {rpFrom, p.From.IsZero(), "任职起始日期不能为空"}} {
		if c.empty && ok {
			row.Bad(c.col, c.msg)
			ok = false
		}
	}
	if !ok {
		return nil
	}
	return p
}

// WriteRetiredPosts writes the posts as the workbook ParseRetiredPosts
// reads, with 序号 and a title line.
func WriteRetiredPosts(w io.Writer, title string, ps []*zhenggai.RetiredPost) error {
	wb := sheet.NewWriter()
	defer wb.Close()
	s, err := wb.Sheet(RetiredSheet, sheet.Layout{Title: title, Columns: RetiredColumns.Out(0), Print: true, Freeze: true})
	if err != nil {
		return err
	}
	for i, p := range ps {
		born := fmt.Sprintf("%d.%02d", p.Born.Year(), p.Born.Month())
		if err := s.Row(sheet.Cell{Style: sheet.Centre, Value: i + 1}, Label(p.Name), Label(born), Text(p.FormerRank), sheet.Day(p.RetiredOn),
			Text(p.Org), Label(p.Post), Label(p.Kind.Label()), Text(p.ApprovedBy), sheet.Day(p.ApprovedOn), sheet.Day(p.FiledOn),
			Text(p.FilingNo), sheet.Day(p.From), sheet.Day(p.To), Num(p.Term), sheet.Yuan(int64(p.Pay)), Text(p.Note)); err != nil {
			return err
		}
	}
	_, err = wb.WriteTo(w)
	return err
}
