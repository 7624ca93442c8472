package xlsx

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"zhenggai"
	"zhenggai/internal/sheet"
)

// The meeting books (会议记录) as a workbook: a sheet of meetings, one row
// each, and a sheet of items and statements, one row per statement (an
// item without statements has one row). The second sheet joins a row to
// its meeting by 会议序号, or by 日期 and 会议类型.

// Sheet names of the meetings' workbook.
const (
	MeetingSheet   = "会议"
	StatementSheet = "议题及表态"
)

// Columns of the sheet 会议.
const (
	mSeq = iota
	mType
	mBook
	mNumber
	mDate
	mPlace
	mChair
	mRecorder
	mExpected
	mPresent
	mLeave
	mAbsent
	mNonMembers
)

// MeetingColumns are the columns of the sheet 会议.
var MeetingColumns = sheet.Spec{What: "会议记录", Unknown: sheet.Ignore, Columns: []sheet.Column{
	mSeq:        {Name: "序号", Aliases: []string{"会议序号", "编号"}, Width: 6},
	mType:       {Name: "会议类型", Aliases: []string{"会议名称", "类型", "会议类别"}, Required: true, Max: 40, Width: 12},
	mBook:       {Name: "记录本", Aliases: []string{"记录簿", "会议记录本", "所记记录本"}, Max: 40, Width: 12},
	mNumber:     {Name: "第几次", Aliases: []string{"次数", "会议次数", "第N次", "期数"}, Width: 8},
	mDate:       {Name: "日期", Aliases: []string{"会议日期", "会议时间", "时间"}, Required: true, MinYear: 1949, Width: 16},
	mPlace:      {Name: "地点", Aliases: []string{"会议地点"}, Max: zhenggai.MaxName, Width: 14},
	mChair:      {Name: "主持人", Aliases: []string{"主持"}, Max: zhenggai.MaxName, Width: 10},
	mRecorder:   {Name: "记录人", Aliases: []string{"记录"}, Max: zhenggai.MaxName, Width: 10},
	mExpected:   {Name: "应到人员", Aliases: []string{"应出席人员", "应到", "应参会人员"}, Max: 5000, Width: 24},
	mPresent:    {Name: "出席人员", Aliases: []string{"实到人员", "参会人员", "出席", "到会人员"}, Max: 5000, Width: 24},
	mLeave:      {Name: "请假人员（事由）", Aliases: []string{"请假人员", "请假人员(事由)", "请假"}, Max: 5000, Width: 20},
	mAbsent:     {Name: "缺席人员", Aliases: []string{"缺席"}, Max: 5000, Width: 12},
	mNonMembers: {Name: "列席人员", Aliases: []string{"列席"}, Max: zhenggai.MaxTitle, Width: 16},
}}

// Columns of the sheet 议题及表态.
const (
	sMeeting = iota
	sDate
	sType
	sItem
	sTitle
	sKind
	sAmount
	sOrder
	sSpeaker
	sPosition
	sSummary
	sDecision
)

// StatementColumns are the columns of the sheet 议题及表态.
var StatementColumns = sheet.Spec{What: "议题及表态", Unknown: sheet.Ignore, Columns: []sheet.Column{
	sMeeting:  {Name: "会议序号", Aliases: []string{"会议编号"}, Width: 8},
	sDate:     {Name: "日期", Aliases: []string{"会议日期"}, MinYear: 1949, Width: 16},
	sType:     {Name: "会议类型", Aliases: []string{"会议名称"}, Max: 40, Width: 12},
	sItem:     {Name: "议题序号", Aliases: []string{"议题编号"}, Width: 8},
	sTitle:    {Name: "议题", Aliases: []string{"议题名称", "议题内容", "研究事项"}, Max: zhenggai.MaxTitle, Width: 30},
	sKind:     {Name: "类别", Aliases: []string{"议题类别", "事项类别", "三重一大类别"}, Max: 20, Width: 10},
	sAmount:   {Name: "金额", Unit: "元", Units: []string{"元", "万元"}, Aliases: []string{"资金金额", "涉及金额"}, Once: true, Width: 14},
	sOrder:    {Name: "发言顺序", Aliases: []string{"顺序", "发言序号"}, Width: 8},
	sSpeaker:  {Name: "发言人", Aliases: []string{"表态人", "发言人员"}, Max: zhenggai.MaxName, Width: 10},
	sPosition: {Name: "表态", Aliases: []string{"表态意见", "态度", "表态情况", "表态发言", "参会人员表态", "与会人员表态"}, Max: zhenggai.MaxContent, Width: 8},
	sSummary:  {Name: "发言摘要", Aliases: []string{"发言内容", "发言要点", "摘要"}, Max: zhenggai.MaxContent, Width: 30},
	sDecision: {Name: "决定事项", Aliases: []string{"会议决定", "决定", "决议"}, Max: zhenggai.MaxContent, Width: 30},
}}

// MeetingsImport is a meetings' workbook as read: the meetings, whole,
// and for each the place of its row, for the messages of the checks that
// follow (ImportMeetings).
type MeetingsImport struct {
	Meetings []*zhenggai.Meeting
	Where    []string // 会议第3行：
	Warnings []string

	collective []string // 一致同意 rows: no one's statement
}

// ParseMeetings reads a meetings' workbook. Every bad row and cell is
// named (sheet, row, column) and nothing is returned then: all or none.
func ParseMeetings(ctx context.Context, r io.Reader) (_ *MeetingsImport, err error) {
	defer sheet.Guard(&err, "读取会议记录")
	b, err := sheet.Open(ctx, r, sheet.Options{What: "会议记录"})
	if err != nil {
		return nil, err
	}
	defer b.Close()
	for _, name := range []string{MeetingSheet, StatementSheet} {
		if !b.Has(name) {
			if name == StatementSheet {
				continue // a book of meetings without their items
			}
			return nil, zhenggai.Errorf(zhenggai.EINVALID, "工作簿中没有名为“%s”的工作表（应有“%s”和“%s”两张表）", name, MeetingSheet, StatementSheet)
		}
	}
	im := &MeetingsImport{}
	bySeq := map[int]int{}      // 序号 → index
	byDay := map[string][]int{} // date|type → indexes
	badSeq := map[int]bool{}    // 序号 of rows refused: their statements are not named again
	t, err := b.Table(MeetingSheet, &MeetingColumns)
	if err != nil {
		return nil, err
	}
	for t.Next() {
		row := t.Row()
		m, seq := readMeetingRow(row)
		if m == nil {
			if seq > 0 {
				badSeq[seq] = true
			}
			continue
		}
		i := len(im.Meetings)
		if seq > 0 {
			if j, dup := bySeq[seq]; dup {
				row.Bad(mSeq, fmt.Sprintf("序号%d与%s重复", seq, strings.TrimSuffix(im.Where[j], "：")))
				continue
			}
			bySeq[seq] = i
		}
		k := m.Date.String() + "|" + m.Type
		byDay[k] = append(byDay[k], i)
		im.Meetings = append(im.Meetings, m)
		im.Where = append(im.Where, fmt.Sprintf("%s第%d行：", MeetingSheet, row.N()))
	}
	err = t.Err()
	t.Close()
	if err != nil {
		return nil, err
	}
	if b.Has(StatementSheet) {
		if err := readStatements(b, im, bySeq, byDay, badSeq); err != nil {
			return nil, err
		}
	}
	if err := b.Rejected(); err != nil {
		return nil, err
	}
	if len(im.Meetings) == 0 {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "“%s”表中没有会议", MeetingSheet)
	}
	im.Warnings = append(b.Warnings(), im.collective...)
	return im, nil
}

// readMeetingRow reads one row of 会议; nil when it is bad (recorded).
func readMeetingRow(row *sheet.Row) (*zhenggai.Meeting, int) {
	ok := true
	text := func(col int) string {
		s, good := row.Text(col)
		ok = ok && good
		return s
	}
	seq := 0
	if s := text(mSeq); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			row.Bad(mSeq, "“"+zhenggai.Clip(s, 20)+"”须为正整数")
			ok = false
		}
		seq = n
	}
	m := &zhenggai.Meeting{Type: text(mType), Book: text(mBook), Place: text(mPlace), ChairName: hanName(text(mChair)),
		Recorder: hanName(text(mRecorder)), NonMembers: text(mNonMembers)}
	if m.Type == "" {
		row.Bad(mType, "会议类型不能为空")
		ok = false
	}
	if s := text(mNumber); s != "" {
		n, good := meetingNumber(s)
		if !good {
			row.Bad(mNumber, "“"+zhenggai.Clip(s, 20)+"”须为第几次会议的次数，如 5 或 第5次")
			ok = false
		}
		m.Number = n
	}
	d, good := meetingDate(row, mDate)
	if good && d.IsZero() {
		row.Bad(mDate, "会议日期不能为空")
		good = false
	}
	ok = ok && good
	m.Date = d
	att, good := readAttendance(row, text(mExpected), text(mPresent), text(mLeave), text(mAbsent))
	m.Attendance = att
	if !ok || !good {
		return nil, seq
	}
	return m, seq
}

// dayParts are the words minutes put after a meeting's date.
var dayParts = []string{"上午", "下午", "中午", "晚上", "晚", "全天", "全日"}

// meetingDate reads a meeting's date, also as minutes write it with the
// part of the day after it (2019年3月12日上午).
func meetingDate(row *sheet.Row, col int) (zhenggai.Date, bool) {
	raw := strings.TrimSpace(row.Raw(col))
	for _, w := range dayParts {
		if day, ok := strings.CutSuffix(raw, w); ok && day != "" {
			if d, err := sheet.ParseDate(day, false); err == nil && d.Year() >= 1949 && d.Year() <= 2100 {
				return d, true
			}
			break
		}
	}
	return row.Date(col)
}

// meetingNumber reads 5, 第5次, 第５次.
func meetingNumber(s string) (int, bool) {
	s = strings.TrimSpace(strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s))
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(s, "第")), "次"))
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		n, err = zhenggai.ParseNumeral(strings.ReplaceAll(s, " ", "")), nil
	}
	return n, err == nil && n >= 1 && n <= 9999
}

// readAttendance makes the attendance out of the four columns: the
// members expected in their order (or, when 应到人员 is blank, those named
// in the others), each once, with how he stood. A member expected whom no
// other column names was present, unless 出席人员 is filled: then he is
// asked about.
func readAttendance(row *sheet.Row, expected, present, leave, absent string) ([]zhenggai.Attendance, bool) {
	ok := true
	type named struct {
		p    zhenggai.Presence
		note string
		col  int
	}
	how := map[string]named{}
	var order []string
	var names = map[string]string{}
	add := func(col int, p zhenggai.Presence, list string) {
		for _, n := range splitNames(list) {
			name, note := cutNote(n)
			p := p
			if p == zhenggai.OnLeave && strings.HasPrefix(note, "书面") {
				p = zhenggai.WrittenView
				note = strings.TrimPrefix(strings.TrimPrefix(note, "书面意见"), "书面")
				note = strings.TrimSpace(strings.TrimLeft(note, "：:，, "))
			}
			k := zhenggai.PersonKey(name)
			if k == "" {
				continue
			}
			if was, dup := how[k]; dup {
				row.Bad(col, fmt.Sprintf("“%s”已写在“%s”中，同一人只能写在一处", name, MeetingColumns.Columns[was.col].Header()))
				ok = false
				continue
			}
			how[k] = named{p, note, col}
			names[k] = name
			order = append(order, k)
		}
	}
	add(mPresent, zhenggai.Present, present)
	add(mLeave, zhenggai.OnLeave, leave)
	add(mAbsent, zhenggai.AbsentNoLeave, absent)
	var out []zhenggai.Attendance
	if strings.TrimSpace(expected) == "" {
		for _, k := range order {
			out = append(out, zhenggai.Attendance{Name: names[k], Presence: how[k].p, Note: how[k].note})
		}
		return out, ok
	}
	seen := map[string]bool{}
	for _, n := range splitNames(expected) {
		name, _ := cutNote(n)
		k := zhenggai.PersonKey(name)
		if k == "" {
			continue
		}
		if seen[k] {
			row.Bad(mExpected, "“"+name+"”重复")
			ok = false
			continue
		}
		seen[k] = true
		h, found := how[k]
		switch {
		case found:
		case strings.TrimSpace(present) == "":
			h = named{p: zhenggai.Present}
		default:
			row.Bad(mExpected, "“"+name+"”未写在出席、请假或缺席人员中")
			ok = false
			continue
		}
		out = append(out, zhenggai.Attendance{Name: name, Presence: h.p, Note: h.note})
	}
	for _, k := range order {
		if !seen[k] {
			row.Bad(how[k].col, "“"+names[k]+"”不在应到人员中")
			ok = false
		}
	}
	return out, ok
}

// splitNames splits a list of names as clerks type it: 、，, ；; or line
// breaks between, or spaces between names of two characters and more
// (“王  明” is one name, padded).
func splitNames(s string) []string {
	var out []string
	depth := 0
	parts := strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case '（', '(':
			depth++
		case '）', ')':
			depth--
		}
		return depth <= 0 && strings.ContainsRune("、，,；;\n/", r)
	})
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if !strings.ContainsAny(p, "（(") {
			// Fields of one character are a padded name's halves.
			var names []string
			cur := ""
			for _, x := range strings.Fields(p) {
				if cur += x; utf8.RuneCountInString(cur) >= 2 {
					names, cur = append(names, cur), ""
				}
			}
			if cur != "" && len(names) > 0 {
				names[len(names)-1] += cur
			} else if cur != "" {
				names = append(names, cur)
			}
			if len(names) > 1 {
				out = append(out, names...)
				continue
			}
		}
		out = append(out, hanName(p))
	}
	return out
}

// cutNote splits 赵强（出差） into the name and the note.
func cutNote(s string) (name, note string) {
	s = strings.TrimSpace(s)
	for _, open := range []string{"（", "("} {
		if i := strings.Index(s, open); i > 0 {
			name, note = s[:i], s[i+len(open):]
			note = strings.TrimFunc(note, func(r rune) bool { return r == '）' || r == ')' || unicode.IsSpace(r) })
			return hanName(strings.TrimSpace(name)), note
		}
	}
	return s, ""
}

// readStatements reads 议题及表态 into the meetings.
func readStatements(b *sheet.Book, im *MeetingsImport, bySeq map[int]int, byDay map[string][]int, badSeq map[int]bool) error {
	t, err := b.Table(StatementSheet, &StatementColumns)
	if err != nil {
		return err
	}
	defer t.Close()
	type itemAt struct {
		meeting, item int
	}
	cur := itemAt{-1, -1}
	orders := map[itemAt][]int{} // given 发言顺序 per statement, 0 for none
	rowsOf := map[itemAt][]int{}
	firstRow := map[[2]int]int{} // meeting, 议题序号 → its first row
	for t.Next() {
		row := t.Row()
		ok := true
		text := func(col int) string {
			s, good := row.Text(col)
			ok = ok && good
			return s
		}
		// Which meeting.
		mi := -1
		if s := text(sMeeting); s != "" {
			n, err := strconv.Atoi(s)
			j, found := bySeq[n]
			switch {
			case err != nil:
				row.Bad(sMeeting, "“"+zhenggai.Clip(s, 20)+"”须为“会议”表中的序号")
				continue
			case !found && badSeq[n]:
				continue // the meeting's own row is named
			case !found:
				row.Bad(sMeeting, fmt.Sprintf("“会议”表中没有序号为%d的会议", n))
				continue
			}
			mi = j
		} else {
			d, good := meetingDate(row, sDate)
			typ := text(sType)
			switch {
			case !good:
				continue
			case d.IsZero() && typ == "" && cur.meeting >= 0:
				mi = cur.meeting // a continuation row
			case d.IsZero() || typ == "":
				row.BadRow("未写明属于哪次会议：请填写会议序号，或日期和会议类型")
				continue
			default:
				c := byDay[d.String()+"|"+typ]
				if len(c) == 0 {
					row.BadRow(fmt.Sprintf("“会议”表中没有%s的%s", d.Chinese(), typ))
					continue
				}
				if len(c) > 1 {
					row.BadRow(fmt.Sprintf("“会议”表中%s有%d次%s，请用会议序号指明是哪一次", d.Chinese(), len(c), typ))
					continue
				}
				mi = c[0]
			}
		}
		m := im.Meetings[mi]
		// Which item.
		title := text(sTitle)
		seq := 0
		if s := text(sItem); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 || n > 200 {
				row.Bad(sItem, "“"+zhenggai.Clip(s, 20)+"”须为正整数")
				continue
			}
			seq = n
		}
		ii := -1
		switch {
		case seq > 0:
			for k := range m.Items {
				if m.Items[k].Seq == seq {
					ii = k
				}
			}
		case title == "" && cur.meeting == mi:
			ii = cur.item
		case title != "" && cur.meeting == mi && cur.item >= 0 && m.Items[cur.item].Title == title:
			ii = cur.item
		case title == "":
			row.Bad(sTitle, "议题不能为空")
			continue
		}
		kindText := text(sKind)
		kind, kindOK := zhenggai.ParseItemKind(kindText)
		if !kindOK {
			row.Bad(sKind, "“"+zhenggai.Clip(kindText, 20)+"”须为一般、重大决策、干部任免、重大项目或大额资金")
			ok = false
		}
		amount, good := row.Fen(sAmount)
		ok = ok && good
		decision := text(sDecision)
		if ii < 0 {
			if seq == 0 {
				seq = len(m.Items) + 1
			}
			if title == "" {
				row.Bad(sTitle, "议题不能为空")
				continue
			}
			m.Items = append(m.Items, zhenggai.AgendaItem{Seq: seq, Title: title, Kind: kind, Amount: zhenggai.Fen(amount), Decision: decision})
			ii = len(m.Items) - 1
			firstRow[[2]int{mi, seq}] = row.N()
		} else {
			it := &m.Items[ii]
			differ := func(col int, has bool, same bool) {
				if has && !same {
					row.Bad(col, "与本议题前面各行所写不一致")
					ok = false
				}
			}
			differ(sTitle, title != "", title == it.Title)
			differ(sKind, kindText != "", kind == it.Kind)
			differ(sAmount, amount != 0, zhenggai.Fen(amount) == it.Amount)
			if decision != "" && it.Decision == "" {
				it.Decision = decision
			} else {
				differ(sDecision, decision != "", decision == it.Decision)
			}
		}
		cur = itemAt{mi, ii}
		// The statement, if any.
		speaker := hanName(text(sSpeaker))
		posText := text(sPosition)
		summary := text(sSummary)
		order := 0
		if s := text(sOrder); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 || n > 200 {
				row.Bad(sOrder, "“"+zhenggai.Clip(s, 20)+"”须为正整数")
				ok = false
			}
			order = n
		}
		if speaker == "" && order == 0 {
			// Every statement in one cell: 张三：同意；李四：同意.
			cell, col := posText, sPosition
			if !hasSpeakerColon(cell) && posText == "" {
				cell, col = summary, sSummary
			}
			if hasSpeakerColon(cell) {
				sts, bad := splitStatements(cell)
				if bad != "" {
					row.Bad(col, bad)
					continue
				}
				if !ok {
					continue
				}
				it := &m.Items[ii]
				for _, st := range sts {
					it.Statements = append(it.Statements, st)
					orders[cur] = append(orders[cur], 0)
					rowsOf[cur] = append(rowsOf[cur], row.N())
				}
				continue
			}
		}
		if speaker == "" && order == 0 && summary == "" && collective(posText) {
			// 一致同意: the minutes record no one's view; the item is kept
			// without statements, as the statements rule must see it.
			im.collective = append(im.collective, fmt.Sprintf("%s第%d行：表态“%s”未写明发言人，未登记为个人表态（自查时列为未逐一记录表态）",
				StatementSheet, row.N(), zhenggai.Clip(posText, 20)))
			continue
		}
		if speaker == "" {
			if posText != "" || summary != "" || order != 0 {
				row.Bad(sSpeaker, "有表态或发言摘要，却未写发言人")
			}
			continue
		}
		pos, posOK := zhenggai.ParsePosition(posText)
		if !posOK {
			msg := "须为同意、不同意、弃权或意见"
			if posText == "" {
				msg = "表态不能为空（同意、不同意、弃权或意见）"
			} else {
				msg = "“" + zhenggai.Clip(posText, 20) + "”" + msg
			}
			row.Bad(sPosition, msg)
			ok = false
		}
		if !ok {
			continue
		}
		it := &m.Items[ii]
		it.Statements = append(it.Statements, zhenggai.Statement{Name: speaker, Position: pos, Summary: summary})
		orders[cur] = append(orders[cur], order)
		rowsOf[cur] = append(rowsOf[cur], row.N())
	}
	if err := t.Err(); err != nil {
		return err
	}
	// Items in their 议题序号 order; statements in their 发言顺序, which
	// must then be 1, 2, 3… (or all left blank: the rows' order).
	for at, os := range orders {
		given := slices.ContainsFunc(os, func(n int) bool { return n != 0 })
		if !given {
			continue
		}
		it := &im.Meetings[at.meeting].Items[at.item]
		idx := make([]int, len(os))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, c int) int { return os[a] - os[c] })
		sorted := make([]zhenggai.Statement, len(os))
		for k, i := range idx {
			if os[i] != k+1 {
				b.Bad(StatementSheet, rowsOf[at][i], StatementColumns.Columns[sOrder].Header(),
					fmt.Sprintf("议题“%s”的发言顺序应依次为1、2、3……，此处为%d", zhenggai.Clip(it.Title, 20), os[i]))
			}
			sorted[k] = it.Statements[i]
		}
		it.Statements = sorted
	}
	for mi, m := range im.Meetings {
		for k := range m.Items {
			for j := range m.Items[k].Statements {
				m.Items[k].Statements[j].Seq = j + 1
			}
		}
		slices.SortStableFunc(m.Items, func(a, c zhenggai.AgendaItem) int { return a.Seq - c.Seq })
		for k := range m.Items {
			if m.Items[k].Seq != k+1 {
				b.Bad(StatementSheet, firstRow[[2]int{mi, m.Items[k].Seq}], StatementColumns.Columns[sItem].Header(),
					fmt.Sprintf("%s的议题序号应依次为1、2、3……，此处为%d", strings.TrimSuffix(im.Where[mi], "："), m.Items[k].Seq))
				break
			}
		}
	}
	return nil
}

// collective: a vote of the meeting as minutes write it when no one's
// view is recorded (一致同意, 与会人员均表示同意). A bare 同意 is a
// statement whose speaker was left out.
func collective(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || hasSpeakerColon(s) {
		return false
	}
	for _, w := range []string{"一致", "全体", "均", "与会", "大家", "全票"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// titles are what minutes write after a speaker's name (王明同志, 李华副主席).
var titles = []string{"同志", "副书记", "书记", "副主席", "主席", "秘书长", "副主任", "主任", "副部长", "部长", "副局长", "局长", "组长", "委员"}

// speakerName is the name of a speaker as minutes write him: without
// the padding spaces and the title after a name of two to four characters.
func speakerName(s string) string {
	s = hanName(s)
	for _, t := range titles {
		if n, ok := strings.CutSuffix(s, t); ok {
			if c := utf8.RuneCountInString(n); c >= 2 && c <= 4 {
				return n
			}
		}
	}
	return s
}

// hasSpeakerColon: a cell starting with a name and a colon (张三：同意).
func hasSpeakerColon(s string) bool {
	i := strings.IndexAny(s, "：:")
	return i > 0 && utf8.RuneCountInString(s[:i]) <= zhenggai.MaxName && !strings.ContainsAny(s[:i], "；;，,。\n")
}

// splitStatements reads statements written in one cell in speaking
// order: 张三：同意；李四：同意，建议压缩开支 (or one a line). bad names
// the part that is not “name：position”.
func splitStatements(s string) (sts []zhenggai.Statement, bad string) {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '；' || r == ';' || r == '\n' || r == '。' })
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		i := strings.IndexAny(p, "：:")
		if i <= 0 {
			return nil, "“" + zhenggai.Clip(p, 20) + "”应写作“姓名：表态”，如“张三：同意；李四：同意”"
		}
		name := speakerName(strings.TrimSpace(p[:i]))
		rest := strings.TrimLeft(p[i:], "：:")
		pos, summary, ok := zhenggai.CutPosition(rest)
		if name == "" || utf8.RuneCountInString(name) > zhenggai.MaxName || !ok {
			return nil, "“" + zhenggai.Clip(p, 20) + "”应写作“姓名：表态”，表态为同意、不同意、弃权或意见"
		}
		sts = append(sts, zhenggai.Statement{Name: name, Position: pos, Summary: summary})
	}
	if len(sts) == 0 {
		return nil, "没有表态"
	}
	return sts, ""
}

// WriteMeetings writes meetings, whole, as the workbook ParseMeetings
// reads.
func WriteMeetings(w io.Writer, title string, ms []*zhenggai.Meeting) error {
	wb := sheet.NewWriter()
	defer wb.Close()
	s, err := wb.Sheet(MeetingSheet, sheet.Layout{Title: title, Columns: MeetingColumns.Out(0), Print: true, Freeze: true})
	if err != nil {
		return err
	}
	for i, m := range ms {
		var expected, present, leave, absent []string
		for _, a := range m.Attendance {
			expected = append(expected, a.Name)
			switch a.Presence {
			case zhenggai.Present:
				present = append(present, a.Name)
			case zhenggai.OnLeave, zhenggai.WrittenView:
				n, note := a.Name, a.Note
				if a.Presence == zhenggai.WrittenView {
					note = "书面意见"
					if a.Note != "" {
						note += "：" + a.Note
					}
				}
				if note != "" {
					n += "（" + note + "）"
				}
				leave = append(leave, n)
			case zhenggai.AbsentNoLeave:
				absent = append(absent, a.Name)
			}
		}
		book := m.Book
		if book == m.Type {
			book = ""
		}
		number := sheet.Cell{Style: sheet.Count}
		if m.Number > 0 {
			number = Num(m.Number)
		}
		err := s.Row(sheet.Cell{Style: sheet.Centre, Value: i + 1}, Label(m.Type), Label(book), number, sheet.Day(m.Date),
			Text(m.Place), Label(m.ChairName), Label(m.Recorder), Text(strings.Join(expected, "、")), Text(strings.Join(present, "、")),
			Text(strings.Join(leave, "、")), Text(strings.Join(absent, "、")), Text(m.NonMembers))
		if err != nil {
			return err
		}
	}
	s, err = wb.Sheet(StatementSheet, sheet.Layout{Title: title + " 议题及表态", Columns: StatementColumns.Out(0), Print: true, Freeze: true})
	if err != nil {
		return err
	}
	for i, m := range ms {
		for _, it := range m.Items {
			amount := sheet.Cell{Style: sheet.Money}
			if it.Amount != 0 {
				amount = sheet.Yuan(int64(it.Amount))
			}
			head := []sheet.Cell{Num(i + 1), sheet.Day(m.Date), Label(m.Type), Num(it.Seq), Text(it.Title), Label(it.Kind.Label()), amount}
			if len(it.Statements) == 0 {
				if err := s.Row(append(head, Text(""), Text(""), Text(""), Text(""), Text(it.Decision))...); err != nil {
					return err
				}
				continue
			}
			for _, st := range it.Statements {
				if err := s.Row(append(slices.Clone(head), Num(st.Seq), Label(st.Name), Label(st.Position.Label()), Text(st.Summary), Text(it.Decision))...); err != nil {
					return err
				}
			}
		}
	}
	_, err = wb.WriteTo(w)
	return err
}
