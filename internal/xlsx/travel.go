package xlsx

import (
	"context"
	"fmt"
	"io"
	"strings"

	"zhenggai"
	"zhenggai/internal/sheet"
)

// The private travel documents' ledger as a workbook
// (《因私出国(境)登记备案人员管理台账》): a sheet of the persons, one row per
// document (a person with two documents has two rows, his own columns
// blank on the second; one with none has one row, the document blank),
// and a sheet of the documents' taking out and return with the trips
// they were for (证照领取、收回登记).

// Sheet names of the travel workbook.
const (
	TravelSheet = "登记备案人员"
	MoveSheet   = "证照领取收回登记"
)

// Columns of the sheet 登记备案人员.
const (
	tvSeq = iota
	tvName
	tvRank
	tvScopeFrom
	tvByHand
	tvRegistered
	tvKind
	tvNumber
	tvIssued
	tvHandedIn
	tvNote
)

// TravelColumns are the columns of the sheet 登记备案人员.
var TravelColumns = sheet.Spec{What: "因私出国(境)登记备案人员", Unknown: sheet.Ignore, Columns: []sheet.Column{
	tvSeq:        {Name: "序号", Aliases: []string{"编号"}, Width: 6},
	tvName:       {Name: "姓名", Aliases: []string{"人员姓名", "登记备案人员"}, Required: true, Max: zhenggai.MaxName, Width: 10},
	tvRank:       {Name: "职务(职级)", Aliases: []string{"职务", "职级", "职务职级", "职务（职级）", "工作单位及职务"}, Max: zhenggai.MaxName, Width: 18},
	tvScopeFrom:  {Name: "纳入管理日期", Aliases: []string{"纳入管理时间", "任职时间", "纳入时间", "备案时间起"}, MinYear: 1949, Width: 14},
	tvByHand:     {Name: "纳入方式", Aliases: []string{"纳入类别", "管理类别"}, Max: 40, Width: 10},
	tvRegistered: {Name: "登记备案日期", Aliases: []string{"登记备案时间", "备案日期", "备案时间", "登记日期"}, MinYear: 1949, Width: 14},
	tvKind:       {Name: "证件类别", Aliases: []string{"证件名称", "证照类别", "证件种类", "证件"}, Max: 40, Width: 16},
	tvNumber:     {Name: "证件号码", Aliases: []string{"证件号", "证照号码", "号码"}, Max: 40, Width: 14},
	tvIssued:     {Name: "签发日期", Aliases: []string{"签发时间", "发证日期", "办证日期"}, MinYear: 1949, Width: 14},
	tvHandedIn:   {Name: "交存日期", Aliases: []string{"交存时间", "上交日期", "交由单位保管日期", "集中保管日期", "保管日期"}, MinYear: 1949, Width: 14},
	tvNote:       {Name: "备注", Aliases: []string{"说明"}, Max: zhenggai.MaxTitle, Width: 16},
}}

// Columns of the sheet 证照领取收回登记.
const (
	mvSeq = iota
	mvName
	mvKind
	mvDestination
	mvFrom
	mvTo
	mvReason
	mvApprovedBy
	mvApprovedOn
	mvOut
	mvBack
	mvNote
)

// MoveColumns are the columns of the sheet 证照领取收回登记.
var MoveColumns = sheet.Spec{What: "证照领取、收回登记", Unknown: sheet.Ignore, Columns: []sheet.Column{
	mvSeq:         {Name: "序号", Aliases: []string{"编号"}, Width: 6},
	mvName:        {Name: "姓名", Aliases: []string{"领取人", "持证人"}, Required: true, Max: zhenggai.MaxName, Width: 10},
	mvKind:        {Name: "证件类别", Aliases: []string{"证件名称", "证照类别", "领取证件", "使用证件"}, Required: true, Max: 40, Width: 16},
	mvDestination: {Name: "前往国家(地区)", Aliases: []string{"前往国家（地区）", "前往国家或地区", "目的地", "前往地"}, Max: zhenggai.MaxName, Width: 14},
	mvFrom:        {Name: "出发日期", Aliases: []string{"出境日期", "出国(境)日期", "出发时间", "出境时间"}, MinYear: 1949, Width: 14},
	mvTo:          {Name: "返回日期", Aliases: []string{"入境日期", "回国(境)日期", "返回时间", "入境时间"}, MinYear: 1949, Width: 14},
	mvReason:      {Name: "事由", Aliases: []string{"出国(境)事由", "出行事由"}, Max: zhenggai.MaxTitle, Width: 14},
	mvApprovedBy:  {Name: "审批人", Aliases: []string{"批准人", "审批领导"}, Max: zhenggai.MaxName, Width: 10},
	mvApprovedOn:  {Name: "审批日期", Aliases: []string{"批准日期", "审批时间"}, MinYear: 1949, Width: 14},
	mvOut:         {Name: "领取日期", Aliases: []string{"领取时间", "借出日期"}, Required: true, MinYear: 1949, Width: 14},
	mvBack:        {Name: "交回日期", Aliases: []string{"交回时间", "收回日期", "收回时间", "归还日期"}, MinYear: 1949, Width: 14},
	mvNote:        {Name: "备注", Aliases: []string{"说明"}, Max: zhenggai.MaxTitle, Width: 16},
}}

// TravelImport is a travel workbook as read, with each person's first
// row for the store's messages.
type TravelImport struct {
	Persons  []*zhenggai.TravelPerson
	Where    []string
	Warnings []string
}

// ParseTravel reads a travel workbook; every bad cell is named and
// nothing is returned then.
func ParseTravel(ctx context.Context, r io.Reader) (_ *TravelImport, err error) {
	defer sheet.Guard(&err, "读取因私出国(境)台账")
	b, err := sheet.Open(ctx, r, sheet.Options{What: "因私出国(境)台账"})
	if err != nil {
		return nil, err
	}
	defer b.Close()
	name := TravelSheet
	if !b.Has(name) {
		if len(b.Sheets()) == 0 {
			return nil, zhenggai.Errorf(zhenggai.EINVALID, "工作簿中没有工作表")
		}
		name = b.Sheets()[0]
	}
	im := &TravelImport{}
	byName := map[string]*zhenggai.TravelPerson{}
	t, err := b.Table(name, &TravelColumns)
	if err != nil {
		return nil, err
	}
	var last *zhenggai.TravelPerson
	for t.Next() {
		last = readTravelRow(t.Row(), name, im, byName, last)
	}
	err = t.Err()
	t.Close()
	if err != nil {
		return nil, err
	}
	if b.Has(MoveSheet) && name != MoveSheet {
		t, err := b.Table(MoveSheet, &MoveColumns)
		if err != nil {
			return nil, err
		}
		for t.Next() {
			readMoveRow(t.Row(), byName)
		}
		err = t.Err()
		t.Close()
		if err != nil {
			return nil, err
		}
	}
	if err := b.Rejected(); err != nil {
		return nil, err
	}
	if len(im.Persons) == 0 {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "“%s”表中没有登记备案人员", name)
	}
	im.Warnings = b.Warnings()
	return im, nil
}

// rowDay reads a date cell as offices write it (a month is its first day).
func rowDay(row *sheet.Row, col int, label string) (zhenggai.Date, bool) {
	s, ok := row.Text(col)
	if !ok || s == "" {
		return zhenggai.Date{}, ok
	}
	d, good := parseDay(s)
	if !good {
		row.Bad(col, label+"“"+zhenggai.Clip(s, 20)+"”不是日期")
	}
	return d, good
}

func readTravelRow(row *sheet.Row, sheetName string, im *TravelImport, byName map[string]*zhenggai.TravelPerson, last *zhenggai.TravelPerson) *zhenggai.TravelPerson {
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
	name := hanName(text(tvName))
	if name == "" && last != nil {
		name = last.Name // a person's further documents, his cells merged or blank
	}
	if name == "" {
		row.Bad(tvName, "姓名不能为空")
		return last
	}
	rank, scope, how, reg, note := text(tvRank), date(tvScopeFrom, "纳入管理日期"), text(tvByHand), date(tvRegistered, "登记备案日期"), text(tvNote)
	kind, number, issued, in := text(tvKind), text(tvNumber), date(tvIssued, "签发日期"), date(tvHandedIn, "交存日期")
	p := byName[zhenggai.PersonKey(name)]
	if p == nil {
		p = &zhenggai.TravelPerson{Name: name, Rank: rank, ScopeFrom: scope, RegisteredOn: reg, Note: note,
			ByHand: strings.Contains(how, "备案") || strings.Contains(how, "手工") || strings.Contains(how, "报备")}
		if scope.IsZero() && ok {
			row.Bad(tvScopeFrom, "纳入管理日期不能为空")
			ok = false
		}
		byName[zhenggai.PersonKey(name)] = p
		im.Persons = append(im.Persons, p)
		im.Where = append(im.Where, fmt.Sprintf("%s第%d行：", sheetName, row.N()))
	}
	if kind == "" && number == "" {
		return p
	}
	k, good := zhenggai.ParseTravelDocKind(kind)
	if !good {
		row.Bad(tvKind, "证件类别“"+zhenggai.Clip(kind, 20)+"”须为护照、往来港澳通行证或往来台湾通行证")
		return p
	}
	if ok {
		p.Documents = append(p.Documents, zhenggai.TravelDocument{Kind: k, Number: number, IssuedOn: issued, HandedIn: in})
	}
	return p
}

func readMoveRow(row *sheet.Row, byName map[string]*zhenggai.TravelPerson) {
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
	name := hanName(text(mvName))
	p := byName[zhenggai.PersonKey(name)]
	if p == nil {
		row.Bad(mvName, "“"+zhenggai.Clip(name, 20)+"”不在“"+TravelSheet+"”表中")
		return
	}
	kind := text(mvKind)
	k, good := zhenggai.ParseTravelDocKind(kind)
	if !good {
		row.Bad(mvKind, "证件类别“"+zhenggai.Clip(kind, 20)+"”须为护照、往来港澳通行证或往来台湾通行证")
		return
	}
	dest, from, to, reason := text(mvDestination), date(mvFrom, "出发日期"), date(mvTo, "返回日期"), text(mvReason)
	by, on, out, back, note := hanName(text(mvApprovedBy)), date(mvApprovedOn, "审批日期"), date(mvOut, "领取日期"), date(mvBack, "交回日期"), text(mvNote)
	if out.IsZero() && ok {
		row.Bad(mvOut, "领取日期不能为空")
		ok = false
	}
	if !ok {
		return
	}
	m := zhenggai.TravelMove{Document: k, Out: out, Back: back, Note: note}
	if dest != "" || !from.IsZero() {
		seq := len(p.Trips) + 1
		p.Trips = append(p.Trips, zhenggai.TravelTrip{Seq: seq, Destination: dest, From: from, To: to, Reason: reason, ApprovedBy: by,
			ApprovedOn: on, Document: k})
		m.Trip = seq
	}
	p.Moves = append(p.Moves, m)
}

// WriteTravel writes the ledger as the workbook ParseTravel reads.
func WriteTravel(w io.Writer, title string, ps []*zhenggai.TravelPerson) error {
	wb := sheet.NewWriter()
	defer wb.Close()
	s, err := wb.Sheet(TravelSheet, sheet.Layout{Title: title, Columns: TravelColumns.Out(0), Print: true, Freeze: true})
	if err != nil {
		return err
	}
	for i, p := range ps {
		docs := p.Documents
		if len(docs) == 0 {
			docs = []zhenggai.TravelDocument{{}}
		}
		how := "按职级"
		if p.ByHand {
			how = "备案"
		}
		for j, d := range docs {
			seq, name, rank, scope, byHand, reg, note := Num(i+1), Label(p.Name), Text(p.Rank), sheet.Day(p.ScopeFrom), Label(how), sheet.Day(p.RegisteredOn), Text(p.Note)
			if j > 0 {
				seq, rank, scope, byHand, reg, note = Text(""), Text(""), sheet.Day(zhenggai.Date{}), Label(""), sheet.Day(zhenggai.Date{}), Text("")
			}
			kind := ""
			if d.Kind != "" {
				kind = d.Kind.Label()
			}
			if err := s.Row(seq, name, rank, scope, byHand, reg, Label(kind), Text(d.Number), sheet.Day(d.IssuedOn), sheet.Day(d.HandedIn), note); err != nil {
				return err
			}
		}
	}
	s, err = wb.Sheet(MoveSheet, sheet.Layout{Title: title + " 证照领取、收回登记", Columns: MoveColumns.Out(0), Print: true, Freeze: true})
	if err != nil {
		return err
	}
	n := 0
	for _, p := range ps {
		for _, m := range p.Moves {
			n++
			tr := p.Trip(m.Trip)
			if tr == nil {
				tr = &zhenggai.TravelTrip{}
			}
			if err := s.Row(sheet.Cell{Style: sheet.Centre, Value: n}, Label(p.Name), Label(m.Document.Label()), Text(tr.Destination),
				sheet.Day(tr.From), sheet.Day(tr.To), Text(tr.Reason), Label(tr.ApprovedBy), sheet.Day(tr.ApprovedOn), sheet.Day(m.Out),
				sheet.Day(m.Back), Text(m.Note)); err != nil {
				return err
			}
		}
	}
	_, err = wb.WriteTo(w)
	return err
}
