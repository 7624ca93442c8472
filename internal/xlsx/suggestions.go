package xlsx

import (
	"context"
	"fmt"
	"io"

	"zhenggai"
	"zhenggai/internal/sheet"
)

// Micro-suggestions and 社情民意信息 as a workbook: one sheet, one row
// each, as offices keep the list (or export it from their platform).

// SuggestionSheet is the sheet's name; a workbook without it is read from
// its first sheet.
const SuggestionSheet = "微建议和社情民意"

// Columns of the suggestions' sheet.
const (
	gSeq = iota
	gKind
	gName
	gTitle
	gContent
	gOn
	gVia
	gAdopted
	gAdoptedOn
	gAdoptedBy
	gInstruction
	gInstructedBy
	gInstructedOn
)

// SuggestionColumns are the columns of the suggestions' sheet.
var SuggestionColumns = sheet.Spec{What: "微建议和社情民意信息", Unknown: sheet.Ignore, Columns: []sheet.Column{
	gSeq:          {Name: "序号", Aliases: []string{"编号"}, Width: 6},
	gKind:         {Name: "类别", Aliases: []string{"类型", "信息类别", "种类"}, Required: true, Max: 20, Width: 10},
	gName:         {Name: "提出人", Aliases: []string{"反映人", "报送人", "委员", "委员姓名", "姓名", "作者", "提交人"}, Required: true, Max: zhenggai.MaxName, Width: 10},
	gTitle:        {Name: "标题", Aliases: []string{"题目", "信息标题", "建议标题", "名称"}, Required: true, Max: zhenggai.MaxTitle, Width: 36},
	gContent:      {Name: "内容", Aliases: []string{"主要内容", "内容摘要", "建议内容"}, Max: zhenggai.MaxContent, Width: 30},
	gOn:           {Name: "提出日期", Aliases: []string{"报送日期", "提交日期", "日期", "报送时间", "提交时间"}, Required: true, MinYear: 1949, Width: 14},
	gVia:          {Name: "报送方式", Aliases: []string{"报送途径", "提交方式", "来源", "渠道"}, Max: 40, Width: 10},
	gAdopted:      {Name: "采用情况", Aliases: []string{"采用级别", "采用", "是否采用", "采用层级"}, Max: 100, Width: 14},
	gAdoptedOn:    {Name: "采用日期", Aliases: []string{"采用时间"}, MinYear: 1949, Width: 14},
	gAdoptedBy:    {Name: "采用刊物", Aliases: []string{"刊发刊物", "采用载体", "刊物", "刊发情况"}, Max: zhenggai.MaxName, Width: 20},
	gInstruction:  {Name: "领导批示", Aliases: []string{"批示内容", "批示情况", "批示"}, Max: zhenggai.MaxContent, Width: 30},
	gInstructedBy: {Name: "批示领导", Aliases: []string{"批示人"}, Max: zhenggai.MaxName, Width: 10},
	gInstructedOn: {Name: "批示日期", Aliases: []string{"批示时间"}, MinYear: 1949, Width: 14},
}}

// SuggestionsImport is a suggestions' workbook as read, with each one's
// row for the store's messages.
type SuggestionsImport struct {
	Suggestions []*zhenggai.Suggestion
	Where       []string
	Warnings    []string
}

// ParseSuggestions reads a suggestions' workbook; every bad cell is named
// and nothing is returned then.
func ParseSuggestions(ctx context.Context, r io.Reader) (_ *SuggestionsImport, err error) {
	defer sheet.Guard(&err, "读取微建议和社情民意信息")
	b, err := sheet.Open(ctx, r, sheet.Options{What: "微建议和社情民意信息"})
	if err != nil {
		return nil, err
	}
	defer b.Close()
	name := SuggestionSheet
	if !b.Has(name) {
		if len(b.Sheets()) == 0 {
			return nil, zhenggai.Errorf(zhenggai.EINVALID, "工作簿中没有工作表")
		}
		name = b.Sheets()[0]
	}
	t, err := b.Table(name, &SuggestionColumns)
	if err != nil {
		return nil, err
	}
	im := &SuggestionsImport{}
	for t.Next() {
		row := t.Row()
		if s := readSuggestionRow(row); s != nil {
			im.Suggestions = append(im.Suggestions, s)
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
	if len(im.Suggestions) == 0 {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "“%s”表中没有微建议或社情民意信息", name)
	}
	im.Warnings = b.Warnings()
	return im, nil
}

func readSuggestionRow(row *sheet.Row) *zhenggai.Suggestion {
	ok := true
	text := func(col int) string {
		s, good := row.Text(col)
		ok = ok && good
		return s
	}
	date := func(col int) zhenggai.Date {
		d, good := row.Date(col)
		ok = ok && good
		return d
	}
	s := &zhenggai.Suggestion{Name: hanName(text(gName)), Title: text(gTitle), Content: text(gContent), On: date(gOn),
		AdoptedOn: date(gAdoptedOn), AdoptedBy: text(gAdoptedBy), Instruction: text(gInstruction),
		InstructedBy: hanName(text(gInstructedBy)), InstructedOn: date(gInstructedOn)}
	kind := text(gKind)
	if k, good := zhenggai.ParseSuggestionKind(kind); good {
		s.Kind = k
	} else {
		row.Bad(gKind, "类别“"+zhenggai.Clip(kind, 20)+"”须为微建议或社情民意")
		ok = false
	}
	via := text(gVia)
	if v, good := zhenggai.ParseSuggestionVia(via); good {
		s.Via = v
	} else {
		row.Bad(gVia, "报送方式“"+zhenggai.Clip(via, 20)+"”须为平台或书面")
		ok = false
	}
	adopted := text(gAdopted)
	if a, good := zhenggai.ParseAdoptionLevel(adopted); good {
		s.Adopted = a
	} else {
		row.Bad(gAdopted, "采用情况“"+zhenggai.Clip(adopted, 20)+"”须为未采用、县级采用、市级采用、省级采用或被全国政协采用")
		ok = false
	}
	if s.Title == "" {
		row.Bad(gTitle, "标题不能为空")
		ok = false
	}
	if s.Name == "" {
		row.Bad(gName, "提出人不能为空")
		ok = false
	}
	if s.On.IsZero() && ok {
		row.Bad(gOn, "提出日期不能为空")
		ok = false
	}
	if !ok {
		return nil
	}
	return s
}

// WriteSuggestions writes suggestions as the workbook ParseSuggestions
// reads, with 序号 and a title line.
func WriteSuggestions(w io.Writer, title string, ss []*zhenggai.Suggestion) error {
	wb := sheet.NewWriter()
	defer wb.Close()
	s, err := wb.Sheet(SuggestionSheet, sheet.Layout{Title: title, Columns: SuggestionColumns.Out(0), Print: true, Freeze: true})
	if err != nil {
		return err
	}
	for i, g := range ss {
		adopted := ""
		if g.Adopted != zhenggai.AdoptNone {
			adopted = g.Adopted.Label()
		}
		err := s.Row(sheet.Cell{Style: sheet.Centre, Value: i + 1}, Label(g.Kind.Label()), Label(g.Name), Text(g.Title), Text(g.Content),
			sheet.Day(g.On), Label(g.Via.Label()), Label(adopted), sheet.Day(g.AdoptedOn), Text(g.AdoptedBy), Text(g.Instruction),
			Label(g.InstructedBy), sheet.Day(g.InstructedOn))
		if err != nil {
			return err
		}
	}
	_, err = wb.WriteTo(w)
	return err
}
