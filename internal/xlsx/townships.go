package xlsx

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/sheet"
)

// Townships' liaison groups as a workbook: a sheet of groups, one row per
// leader's term (a township led by three leaders in turn has three rows;
// one never led has one, its leader blank), and a sheet of invitations.

// Sheet names of the townships' workbook.
const (
	TownshipSheet   = "联络组"
	InvitationSheet = "受邀活动"
)

// Columns of the sheet 联络组.
const (
	tSeq = iota
	tName
	tSince
	tLeader
	tTerm
	tFrom
	tTo
	tDeputies
	tMembers
	tNote
)

// TownshipColumns are the columns of the sheet 联络组.
var TownshipColumns = sheet.Spec{What: "乡镇政协联络组", Unknown: sheet.Ignore, Columns: []sheet.Column{
	tSeq:      {Name: "序号", Aliases: []string{"编号"}, Width: 6},
	tName:     {Name: "乡镇", Aliases: []string{"乡镇名称", "乡镇（街道）", "乡镇(街道)", "联络组", "联络组名称", "所在乡镇"}, Required: true, Max: zhenggai.MaxName, Width: 12},
	tSince:    {Name: "成立日期", Aliases: []string{"成立时间", "联络组成立时间"}, MinYear: 1949, Width: 14},
	tLeader:   {Name: "联络组长", Aliases: []string{"组长", "联络组组长", "召集人"}, Max: zhenggai.MaxName, Width: 10},
	tTerm:     {Name: "任职起止", Aliases: []string{"任职时间", "任期", "组长任职时间", "任职起止时间"}, Max: 100, Width: 26},
	tFrom:     {Name: "任职起始", Aliases: []string{"任职起始日期", "任职开始", "起始日期", "任职日期"}, MinYear: 1949, Width: 14},
	tTo:       {Name: "任职截止", Aliases: []string{"任职截止日期", "离任日期", "截止日期", "免职日期"}, MinYear: 1949, Width: 14},
	tDeputies: {Name: "副组长", Aliases: []string{"联络组副组长"}, Max: 2000, Width: 14},
	tMembers:  {Name: "成员", Aliases: []string{"联络组成员", "组员", "委员"}, Max: 5000, Width: 30},
	tNote:     {Name: "备注", Aliases: []string{"说明"}, Max: zhenggai.MaxTitle, Width: 16},
}}

// Columns of the sheet 受邀活动.
const (
	iSeq = iota
	iTownship
	iKind
	iTitle
	iOn
	iName
	iAttended
)

// InvitationColumns are the columns of the sheet 受邀活动.
var InvitationColumns = sheet.Spec{What: "联络组受邀活动", Unknown: sheet.Ignore, Columns: []sheet.Column{
	iSeq:      {Name: "序号", Aliases: []string{"编号"}, Width: 6},
	iTownship: {Name: "乡镇", Aliases: []string{"乡镇名称", "联络组", "所在乡镇"}, Required: true, Max: zhenggai.MaxName, Width: 12},
	iKind:     {Name: "类别", Aliases: []string{"活动类别", "邀请类别", "类型"}, Required: true, Max: 40, Width: 12},
	iTitle:    {Name: "活动名称", Aliases: []string{"活动", "名称", "活动内容", "会议名称"}, Required: true, Max: zhenggai.MaxTitle, Width: 30},
	iOn:       {Name: "日期", Aliases: []string{"活动日期", "时间", "活动时间"}, Required: true, MinYear: 1949, Width: 14},
	iName:     {Name: "受邀人", Aliases: []string{"受邀人员", "参加人", "邀请对象"}, Max: zhenggai.MaxName, Width: 10},
	iAttended: {Name: "是否参加", Aliases: []string{"参加情况", "出席情况", "是否出席"}, Max: 20, Width: 10},
}}

// TownshipsImport is a townships' workbook as read, with each township's
// first row for the store's messages.
type TownshipsImport struct {
	Townships []*zhenggai.Township
	Where     []string
	Warnings  []string
}

// ParseTownships reads a townships' workbook; every bad cell is named and
// nothing is returned then.
func ParseTownships(ctx context.Context, r io.Reader) (_ *TownshipsImport, err error) {
	defer sheet.Guard(&err, "读取乡镇政协联络组")
	b, err := sheet.Open(ctx, r, sheet.Options{What: "乡镇政协联络组"})
	if err != nil {
		return nil, err
	}
	defer b.Close()
	if !b.Has(TownshipSheet) {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "工作簿中没有名为“%s”的工作表（应有“%s”，可另有“%s”）", TownshipSheet, TownshipSheet, InvitationSheet)
	}
	im := &TownshipsImport{}
	byName := map[string]*zhenggai.Township{}
	t, err := b.Table(TownshipSheet, &TownshipColumns)
	if err != nil {
		return nil, err
	}
	for t.Next() {
		readTownshipRow(t.Row(), im, byName)
	}
	err = t.Err()
	t.Close()
	if err != nil {
		return nil, err
	}
	if b.Has(InvitationSheet) {
		t, err := b.Table(InvitationSheet, &InvitationColumns)
		if err != nil {
			return nil, err
		}
		for t.Next() {
			readInvitationRow(t.Row(), byName)
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
	if len(im.Townships) == 0 {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "“%s”表中没有乡镇", TownshipSheet)
	}
	// Leaders first in their rows' order, then deputies, then members.
	for _, tw := range im.Townships {
		slices.SortStableFunc(tw.Posts, func(a, b zhenggai.LiaisonPost) int {
			return slices.Index(zhenggai.LiaisonRoles, a.Role) - slices.Index(zhenggai.LiaisonRoles, b.Role)
		})
	}
	im.Warnings = b.Warnings()
	return im, nil
}

func readTownshipRow(row *sheet.Row, im *TownshipsImport, byName map[string]*zhenggai.Township) {
	ok := true
	text := func(col int) string {
		s, good := row.Text(col)
		ok = ok && good
		return s
	}
	name := text(tName)
	if name == "" {
		row.Bad(tName, "乡镇不能为空")
		return
	}
	since, good := row.Date(tSince)
	ok = ok && good
	from, good := row.Date(tFrom)
	ok = ok && good
	to, good := row.Date(tTo)
	ok = ok && good
	if term := text(tTerm); term != "" {
		f, u, good := ParseTerm(term)
		if !good {
			row.Bad(tTerm, "任职起止“"+zhenggai.Clip(term, 30)+"”应写作 2016年5月—2018年3月 或 2016.05至今")
			ok = false
		}
		if from.IsZero() {
			from = f
		}
		if to.IsZero() {
			to = u
		}
	}
	seq := 0
	if s := text(tSeq); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n > 9999 {
			row.Bad(tSeq, "“"+zhenggai.Clip(s, 20)+"”须为整数")
			ok = false
		}
		seq = n
	}
	var posts []zhenggai.LiaisonPost
	if leader := hanName(text(tLeader)); leader != "" && !vacantWord(leader) {
		posts = append(posts, zhenggai.LiaisonPost{Name: leader, Role: zhenggai.LiaisonLeader, From: from, To: to})
	}
	for _, c := range []struct {
		col  int
		role zhenggai.LiaisonRole
	}{{tDeputies, zhenggai.LiaisonDeputy}, {tMembers, zhenggai.LiaisonMember}} {
		for _, n := range splitNames(text(c.col)) {
			who, note := cutNote(n)
			p := zhenggai.LiaisonPost{Name: who, Role: c.role}
			if note != "" {
				f, u, good := ParseTerm(strings.TrimSuffix(note, "起"))
				if !good {
					row.Bad(c.col, "“"+zhenggai.Clip(n, 30)+"”括号中应为任职起止，如 张三（2016年5月起）")
					ok = false
				}
				p.From, p.To = f, u
			}
			posts = append(posts, p)
		}
	}
	note := text(tNote)
	if !ok {
		return
	}
	tw := byName[name]
	if tw == nil {
		tw = &zhenggai.Township{Name: name, Seq: seq}
		byName[name] = tw
		im.Townships = append(im.Townships, tw)
		im.Where = append(im.Where, fmt.Sprintf("%s第%d行（%s）：", TownshipSheet, row.N(), name))
	}
	if tw.Seq == 0 {
		tw.Seq = seq
	}
	if tw.Since.IsZero() {
		tw.Since = since
	}
	if tw.Note == "" {
		tw.Note = note
	}
	tw.Posts = append(tw.Posts, posts...)
}

// vacantWord: a leader's cell saying there is none.
func vacantWord(s string) bool {
	return strings.HasPrefix(s, "空缺") || s == "无" || s == "暂缺" || s == "空" || s == "-" || s == "—"
}

func readInvitationRow(row *sheet.Row, byName map[string]*zhenggai.Township) {
	ok := true
	text := func(col int) string {
		s, good := row.Text(col)
		ok = ok && good
		return s
	}
	name := text(iTownship)
	tw := byName[name]
	if tw == nil {
		row.Bad(iTownship, "乡镇“"+zhenggai.Clip(name, 20)+"”不在“"+TownshipSheet+"”表中")
		return
	}
	in := zhenggai.LiaisonInvitation{Title: text(iTitle), Name: hanName(text(iName))}
	kind := text(iKind)
	if k, good := zhenggai.ParseInvitationKind(kind); good {
		in.Kind = k
	} else {
		row.Bad(iKind, "类别“"+zhenggai.Clip(kind, 20)+"”须为视察、调研或列席常委会议")
		ok = false
	}
	on, good := row.Date(iOn)
	ok = ok && good
	if good && on.IsZero() {
		row.Bad(iOn, "日期不能为空")
		ok = false
	}
	in.On = on
	if in.Title == "" {
		row.Bad(iTitle, "活动名称不能为空")
		ok = false
	}
	switch a := text(iAttended); a {
	case "", "否", "未参加", "缺席", "请假":
	case "是", "参加", "已参加", "出席", "√":
		in.Attended = true
	default:
		row.Bad(iAttended, "是否参加“"+zhenggai.Clip(a, 20)+"”须为是或否")
		ok = false
	}
	if ok {
		tw.Invitations = append(tw.Invitations, in)
	}
}

var monthRe = regexp.MustCompile(`^(\d{4})\s*(?:年|\.|-|/)\s*(\d{1,2})\s*月?$`)

// parseDay reads a day of a term as offices write it: a date, or a month
// (2016年5月, 2016.05: its first day).
func parseDay(s string) (zhenggai.Date, bool) {
	s = strings.TrimSpace(s)
	if d, err := sheet.ParseDate(s, false); err == nil && d.Valid() && d.Year() >= 1949 && d.Year() <= 2100 {
		return d, true
	}
	if m := monthRe.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d := zhenggai.NewDate(y, mo, 1)
		return d, mo >= 1 && mo <= 12 && y >= 1949 && y <= 2100
	}
	return zhenggai.Date{}, false
}

// ParseTerm reads a term 2016年5月—2018年3月, 2016.05-2018.03,
// 2016-05-01至2018-03-15, 2016年5月至今 or a start alone (2016年5月).
func ParseTerm(s string) (from, to zhenggai.Date, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return from, to, true
	}
	// An open end (2016.05—至今, 2016年5月至今) is a start alone.
	for _, w := range []string{"至今", "现在", "今"} {
		if rest, ok := strings.CutSuffix(s, w); ok {
			s = strings.TrimRight(strings.TrimSpace(rest), "—－-~～至到 ")
			break
		}
	}
	a, b, cut := "", "", false
	for _, sep := range []string{"至", "——", "—", "～", "~", "到", "－", "–"} {
		if a, b, cut = strings.Cut(s, sep); cut {
			break
		}
	}
	if _, whole := parseDay(s); !cut && !whole {
		switch strings.Count(s, "-") {
		case 1, 3:
			i := strings.Index(s, "-")
			if strings.Count(s, "-") == 3 { // 2016-05-2018-03
				i = strings.Index(s[i+1:], "-") + i + 1
			}
			a, b, cut = s[:i], s[i+1:], true
		case 5: // 2016-05-01-2018-03-15
			n := 0
			for i, r := range s {
				if r == '-' {
					if n++; n == 3 {
						a, b, cut = s[:i], s[i+1:], true
						break
					}
				}
			}
		}
	}
	if !cut {
		a = s
	}
	if from, ok = parseDay(a); !ok {
		return zhenggai.Date{}, zhenggai.Date{}, false
	}
	switch b = strings.TrimSpace(b); b {
	case "", "今", "至今", "现在", "今天":
		return from, zhenggai.Date{}, true
	}
	if to, ok = parseDay(b); !ok {
		return zhenggai.Date{}, zhenggai.Date{}, false
	}
	return from, to, true
}

// termText writes a term as ParseTerm reads it.
func termText(from, to zhenggai.Date) string {
	switch {
	case from.IsZero() && to.IsZero():
		return ""
	case to.IsZero():
		return from.Chinese() + "至今"
	}
	return from.Chinese() + "至" + to.Chinese()
}

// WriteTownships writes townships as the workbook ParseTownships reads:
// one row per leader's term, members on the township's first row.
func WriteTownships(w io.Writer, title string, ts []*zhenggai.Township) error {
	wb := sheet.NewWriter()
	defer wb.Close()
	s, err := wb.Sheet(TownshipSheet, sheet.Layout{Title: title, Columns: TownshipColumns.Out(0), Print: true, Freeze: true})
	if err != nil {
		return err
	}
	for ti, t := range ts {
		var leaders []zhenggai.LiaisonPost
		var deputies, members []string
		for _, p := range t.Posts {
			name := p.Name
			switch {
			case p.From.IsZero() && p.To.IsZero():
			case p.To.IsZero():
				name += "（" + p.From.Chinese() + "起）"
			default:
				name += "（" + termText(p.From, p.To) + "）"
			}
			switch p.Role {
			case zhenggai.LiaisonLeader:
				leaders = append(leaders, p)
			case zhenggai.LiaisonDeputy:
				deputies = append(deputies, name)
			default:
				members = append(members, name)
			}
		}
		if len(leaders) == 0 {
			leaders = []zhenggai.LiaisonPost{{}}
		}
		for i, l := range leaders {
			seq, since, dep, mem, note := Text(""), sheet.Day(zhenggai.Date{}), "", "", ""
			if i == 0 {
				seq, since, dep, mem, note = Num(ti+1), sheet.Day(t.Since), strings.Join(deputies, "、"), strings.Join(members, "、"), t.Note
			}
			if err := s.Row(seq, Label(t.Name), since, Label(l.Name), Text(termText(l.From, l.To)), sheet.Day(zhenggai.Date{}), sheet.Day(zhenggai.Date{}),
				Text(dep), Text(mem), Text(note)); err != nil {
				return err
			}
		}
	}
	s, err = wb.Sheet(InvitationSheet, sheet.Layout{Title: title + " 受邀活动", Columns: InvitationColumns.Out(0), Print: true, Freeze: true})
	if err != nil {
		return err
	}
	n := 0
	for _, t := range ts {
		for _, in := range t.Invitations {
			n++
			att := "否"
			if in.Attended {
				att = "是"
			}
			if err := s.Row(sheet.Cell{Style: sheet.Centre, Value: n}, Label(t.Name), Label(in.Kind.Label()), Text(in.Title), sheet.Day(in.On),
				Label(in.Name), Label(att)); err != nil {
				return err
			}
		}
	}
	_, err = wb.WriteTo(w)
	return err
}
