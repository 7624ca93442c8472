package xlsx

import (
	"context"
	"fmt"
	"io"
	"strings"

	"zhenggai"
	"zhenggai/internal/sheet"
	"zhenggai/internal/store"
)

// The members list (政协委员名单) as CPPCC offices keep it: one row per
// member, and the activities list (委员履职活动登记表): one row per member
// and activity. Headers in their usual variants and any order; columns
// nobody reads (性别, 民族, 出生年月 …) are passed over. Both read CSV too.

const (
	memSeq = iota
	memName
	memTerm
	memSector
	memCommittee
	memStanding
	memStatus
	memJoined
	memLeft
	memTownship
	memPhone
	memCols
)

// MemberColumns are the members list's columns, as read and written.
var MemberColumns = sheet.Spec{What: "委员名单", Unknown: sheet.Ignore, Hint: []string{"姓名", "届次", "界别"}, Columns: []sheet.Column{
	memSeq:       {Name: "序号", Aliases: []string{"编号"}, Max: 20, Width: 6},
	memName:      {Name: "姓名", Aliases: []string{"委员姓名", "名字"}, Required: true, Max: zhenggai.MaxName, Width: 10},
	memTerm:      {Name: "届次", Aliases: []string{"届别", "所属届次", "届"}, Max: 40, Width: 10},
	memSector:    {Name: "界别", Aliases: []string{"所属界别", "界别名称"}, Max: zhenggai.MaxName, Width: 14},
	memCommittee: {Name: "专委会/小组", Aliases: []string{"专委会", "委员小组", "所在专委会", "专门委员会", "专委会或小组", "小组", "所属专委会"}, Max: zhenggai.MaxName, Width: 14},
	memStanding:  {Name: "常委", Aliases: []string{"是否常委", "常务委员", "是否为常委"}, Max: 10, Width: 6},
	memStatus:    {Name: "状态", Aliases: []string{"委员状态", "任职状态", "履职状态"}, Max: 20, Width: 8},
	memJoined:    {Name: "任职日期", Aliases: []string{"任职时间", "当选日期", "当选时间", "增补日期"}, MinYear: 1949, Width: 14},
	memLeft:      {Name: "退出日期", Aliases: []string{"退出时间", "免职日期", "调整日期"}, MinYear: 1949, Width: 14},
	memTownship:  {Name: "所在乡镇", Aliases: []string{"乡镇", "联络组", "所在联络组", "乡镇（街道）"}, Max: zhenggai.MaxName, Width: 12},
	memPhone:     {Name: "联系电话", Aliases: []string{"电话", "手机", "手机号码", "联系方式"}, Max: 40, Width: 14},
}}

// MemberMaxRows bounds a members list: a province's committee is under a thousand.
const MemberMaxRows = 5000

// MembersImport is a members list read: the members, each one's phone (for
// a person entered with him) and row.
type MembersImport struct {
	Members  []*zhenggai.CPPCCMember
	Phones   []string
	Where    []string
	Warnings []string
}

// ParseMembers reads a members list; term is given to rows without 届次.
// Every bad cell is named (*sheet.Rejected) and nothing is returned then.
func ParseMembers(ctx context.Context, r io.Reader, name, term string) (_ *MembersImport, err error) {
	defer sheet.Guard(&err, "读取委员名单")
	b, err := sheet.Open(ctx, r, sheet.Options{What: "委员名单", CSV: true, Name: name, Limits: sheet.Limits{
		MaxBytes: MaxFileSize, MaxUnzipped: maxUnzipped, MaxRows: MemberMaxRows, MaxTime: MaxParseTime}})
	if err != nil {
		return nil, err
	}
	defer b.Close()
	t, err := b.Table(b.Sheets()[0], &MemberColumns)
	if err != nil {
		return nil, err
	}
	im := &MembersImport{}
	for t.Next() {
		row := t.Row()
		ok := true
		text := func(col int) string {
			s, good := row.Text(col)
			ok = ok && good
			return s
		}
		text(memSeq)
		m := &zhenggai.CPPCCMember{Name: hanName(text(memName)), Term: text(memTerm), Sector: text(memSector),
			Committee: text(memCommittee), Township: text(memTownship)}
		if m.Name == "" {
			row.Bad(memName, "姓名不能为空")
			ok = false
		}
		if m.Term == "" {
			m.Term = term
		}
		if m.Term == "" {
			row.Bad(memTerm, "届次不能为空（如 第九届）")
			ok = false
		}
		switch s := text(memStanding); s {
		case "", "否", "不是", "0", "×", "N", "n", "无":
		case "是", "常委", "√", "1", "Y", "y", "常务委员":
			m.Standing = true
		default:
			row.Bad(memStanding, "“"+zhenggai.Clip(s, 10)+"”须为“是”或“否”")
			ok = false
		}
		st, good := zhenggai.ParseMemberStatus(text(memStatus))
		if !good {
			row.Bad(memStatus, "须为在任、已退出或暂停履职")
			ok = false
		}
		m.Status = st
		var g bool
		if m.JoinedOn, g = row.Date(memJoined); !g {
			ok = false
		}
		if m.LeftOn, g = row.Date(memLeft); !g {
			ok = false
		}
		if !m.LeftOn.IsZero() && m.Status == zhenggai.MemberActive && row.Blank(memStatus) {
			m.Status = zhenggai.MemberLeft // a date of leaving says it
		}
		phone := text(memPhone)
		if !ok {
			continue
		}
		im.Members = append(im.Members, m)
		im.Phones = append(im.Phones, phone)
		im.Where = append(im.Where, fmt.Sprintf("第%d行：", row.N()))
	}
	err = t.Err()
	t.Close()
	if err != nil {
		return nil, err
	}
	if err := b.Rejected(); err != nil {
		return nil, err
	}
	if len(im.Members) == 0 {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "委员名单的表头之下没有任何委员")
	}
	im.Warnings = b.Warnings()
	return im, nil
}

// memberCountColumns follow the list's own columns in its export: the
// year's counts, the score and the flags, which an import passes over.
var memberCountColumns = []sheet.OutColumn{
	{Header: "出席全体会议", Width: 8}, {Header: "全体会议请假", Width: 8}, {Header: "全体会议缺席", Width: 8},
	{Header: "出席常委会议", Width: 8}, {Header: "提案（领衔）", Width: 8}, {Header: "联名提案", Width: 8},
	{Header: "社情民意", Width: 8}, {Header: "微建议", Width: 8}, {Header: "履职活动", Width: 8},
	{Header: "得分", Width: 6}, {Header: "等次", Width: 8}, {Header: "提示", Width: 30},
}

// WriteMembers writes the members with the year's counts, score and
// flags: the list the import reads, the counts passed over.
func WriteMembers(w io.Writer, title string, recs []*store.MemberRecord) error {
	wb := sheet.NewWriter()
	defer wb.Close()
	cols := append(MemberColumns.Out(0), memberCountColumns...)
	s, err := wb.Sheet("委员名单", sheet.Layout{Title: title, Columns: cols, Print: true, Freeze: true})
	if err != nil {
		return err
	}
	for i, r := range recs {
		m := r.Member
		standing := ""
		if m.Standing {
			standing = "是"
		}
		var flags []string
		for _, f := range r.Flags {
			flags = append(flags, f.Text)
		}
		acts := 0
		for _, k := range zhenggai.ActivityKinds {
			acts += r.Now(string(k))
		}
		err := s.Row(sheet.Cell{Style: sheet.Centre, Value: i + 1}, Label(m.Name), Label(m.Term), Label(m.Sector), Label(m.Committee),
			Label(standing), Label(m.Status.Label()), sheet.Day(m.JoinedOn), sheet.Day(m.LeftOn), Label(m.Township), Label(m.Phone),
			Num(r.Now("plenary_present")), Num(r.Now("plenary_leave")), Num(r.Now("plenary_absent")), Num(r.Now("standing_present")),
			Num(r.Now("proposal")), Num(r.Now("proposal_cosign")), Num(r.Now("sqmy")), Num(r.Now("micro")), Num(acts),
			Num(r.Score.Total), Label(r.Score.Grade), Text(strings.Join(flags, "；")))
		if err != nil {
			return err
		}
	}
	_, err = wb.WriteTo(w)
	return err
}

const (
	actSeq = iota
	actName
	actKind
	actTitle
	actOn
	actNote
	actCols
)

// ActivityColumns are the activities list's columns.
var ActivityColumns = sheet.Spec{What: "委员履职活动登记表", Unknown: sheet.Ignore, Hint: []string{"姓名", "活动类别", "活动名称", "日期"}, Columns: []sheet.Column{
	actSeq:   {Name: "序号", Aliases: []string{"编号"}, Max: 20, Width: 6},
	actName:  {Name: "姓名", Aliases: []string{"委员姓名", "委员", "参加委员"}, Required: true, Max: zhenggai.MaxName, Width: 10},
	actKind:  {Name: "活动类别", Aliases: []string{"类别", "活动类型", "履职类别", "类型"}, Required: true, Max: 20, Width: 10},
	actTitle: {Name: "活动名称", Aliases: []string{"活动内容", "名称", "履职活动", "活动主题"}, Required: true, Max: zhenggai.MaxTitle, Width: 40},
	actOn:    {Name: "日期", Aliases: []string{"活动日期", "时间", "活动时间"}, Required: true, MinYear: 1949, Width: 14},
	actNote:  {Name: "备注", Aliases: []string{"说明"}, Max: zhenggai.MaxTitle, Width: 20},
}}

// ParseActivities reads an activities list into import rows (the member by name).
func ParseActivities(ctx context.Context, r io.Reader, name string) (_ []store.ActivityImportRow, err error) {
	defer sheet.Guard(&err, "读取委员履职活动登记表")
	b, err := sheet.Open(ctx, r, sheet.Options{What: "委员履职活动登记表", CSV: true, Name: name, Limits: sheet.Limits{
		MaxBytes: MaxFileSize, MaxUnzipped: maxUnzipped, MaxRows: 50000, MaxTime: MaxParseTime}})
	if err != nil {
		return nil, err
	}
	defer b.Close()
	t, err := b.Table(b.Sheets()[0], &ActivityColumns)
	if err != nil {
		return nil, err
	}
	var out []store.ActivityImportRow
	for t.Next() {
		row := t.Row()
		ok := true
		text := func(col int) string {
			s, good := row.Text(col)
			ok = ok && good
			return s
		}
		text(actSeq)
		in := store.ActivityImportRow{Name: hanName(text(actName)), Where: fmt.Sprintf("第%d行：", row.N())}
		if in.Name == "" {
			row.Bad(actName, "姓名不能为空")
			ok = false
		}
		k, good := zhenggai.ParseActivityKind(text(actKind))
		if !good {
			row.Bad(actKind, "须为调研、视察、培训、联系群众或其他")
			ok = false
		}
		in.Activity = zhenggai.MemberActivity{Kind: k, Title: text(actTitle), Note: text(actNote)}
		if in.Activity.Title == "" {
			row.Bad(actTitle, "活动名称不能为空")
			ok = false
		}
		var g bool
		if in.Activity.On, g = row.Date(actOn); !g {
			ok = false
		} else if in.Activity.On.IsZero() {
			row.Bad(actOn, "日期不能为空")
			ok = false
		}
		if ok {
			out = append(out, in)
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
	if len(out) == 0 {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "委员履职活动登记表的表头之下没有任何活动")
	}
	return out, nil
}

// WriteActivities writes activities with their members' names: the list the import reads.
func WriteActivities(w io.Writer, title string, acts []*zhenggai.MemberActivity, names map[int64]string) error {
	wb := sheet.NewWriter()
	defer wb.Close()
	s, err := wb.Sheet("履职活动", sheet.Layout{Title: title, Columns: ActivityColumns.Out(0), Print: true, Freeze: true})
	if err != nil {
		return err
	}
	for i, a := range acts {
		if err := s.Row(sheet.Cell{Style: sheet.Centre, Value: i + 1}, Label(names[a.MemberID]), Label(a.Kind.Label()),
			Text(a.Title), sheet.Day(a.On), Text(a.Note)); err != nil {
			return err
		}
	}
	_, err = wb.WriteTo(w)
	return err
}
