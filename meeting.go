package zhenggai

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Meetings (会议记录): each meeting type keeps its own numbered book
// (2019年第5次党组会议). The clerk types a meeting from the handwritten
// minutes or imports a book from Excel; the self-inspection reads the
// books for seed problems 21–25.

// DefaultMeetingTypes are the meeting types a unit starts with (the
// setting "meeting_types" replaces them, one per line).
var DefaultMeetingTypes = []string{
	"党组会议", "主席会议", "常委会议", "全体会议", "机关干部会", "中心组学习",
	"支部党员大会", "支委会", "党课", "民主生活会", "组织生活会",
}

// MeetingPartyGroup is the type that alone may decide 三重一大 items.
const MeetingPartyGroup = "党组会议"

// MeetingStudyGroup is the type of the 中心组 (theory study group) sessions.
const MeetingStudyGroup = "中心组学习"

// Presence is how one expected member stood at a meeting.
type Presence string

const (
	Present       Presence = "present" // 出席
	OnLeave       Presence = "leave"   // 请假 (leave approved)
	WrittenView   Presence = "written" // 请假并书面表达意见
	AbsentNoLeave Presence = "absent"  // 缺席 (no leave)
)

// ItemKind sorts agenda items: ordinary, or one of the four 三重一大 kinds.
type ItemKind string

const (
	ItemOrdinary      ItemKind = "ordinary"       // 一般事项
	ItemMajorDecision ItemKind = "major_decision" // 重大决策
	ItemCadre         ItemKind = "cadre"          // 干部任免 (重要干部任免)
	ItemMajorProject  ItemKind = "major_project"  // 重大项目
	ItemLargeFund     ItemKind = "large_fund"     // 大额资金 (大额度资金使用)
)

// ItemKinds are the kinds in the order forms offer them.
var ItemKinds = []ItemKind{ItemOrdinary, ItemMajorDecision, ItemCadre, ItemMajorProject, ItemLargeFund}

// Position is what a participant said of an item.
type Position string

const (
	PosAgree    Position = "agree"    // 同意
	PosDisagree Position = "disagree" // 不同意
	PosAbstain  Position = "abstain"  // 弃权
	PosView     Position = "opinion"  // 意见 (a view without a vote)
)

// Meeting is one meeting of a unit, as its minutes record it.
type Meeting struct {
	ID     int64  `json:"id"`
	UnitID int64  `json:"unit_id"`
	Type   string `json:"type"` // 会议类型, one of the unit's meeting types
	// Book is the record book the minutes are written in; it is Type's
	// own book unless the minutes were kept in another type's book (seed
	// problem 21: 会议记录混用).
	Book   string `json:"book"`
	Number int    `json:"number"` // 第N次, counted per type and year
	Date   Date   `json:"date"`
	Place  string `json:"place"`
	// Chair presides (主持人): a person of the roster.
	ChairID   int64  `json:"chair_id"`
	ChairName string `json:"chair_name"`
	Recorder  string `json:"recorder"` // 记录人
	// Attendance lists every member expected, with how he stood.
	Attendance []Attendance `json:"attendance"`
	// NonMembers attending (列席), free text.
	NonMembers string       `json:"non_members"`
	Items      []AgendaItem `json:"items"`
	// MinutesSHA256 names the scanned minutes in the evidence store.
	MinutesSHA256 string    `json:"minutes_sha256,omitempty"`
	MinutesName   string    `json:"minutes_name,omitempty"` // the scan's file name, for its download
	Note          string    `json:"note"`
	Sample        bool      `json:"sample,omitempty"` // demo's sample data (示例数据)
	Version       int64     `json:"version"`
	CreatedAt     time.Time `json:"created_at"`
	Voided        bool      `json:"voided,omitempty"`
}

// Attendance is one expected member of a meeting.
type Attendance struct {
	PersonID int64    `json:"person_id"`
	Name     string   `json:"name"`
	Presence Presence `json:"presence"`
	Note     string   `json:"note"` // the leave's reason, or the written view
}

// AgendaItem is one item (议题) of a meeting.
type AgendaItem struct {
	ID     int64    `json:"id"`
	Seq    int      `json:"seq"` // 1, 2, … in the meeting
	Title  string   `json:"title"`
	Kind   ItemKind `json:"kind"`
	Amount Fen      `json:"amount"` // for ItemLargeFund, the sum decided
	// Statements in speaking order.
	Statements []Statement `json:"statements"`
	Decision   string      `json:"decision"` // 决定事项
}

// Statement is one participant's statement on an item.
type Statement struct {
	Seq      int      `json:"seq"` // speaking order, from 1
	PersonID int64    `json:"person_id"`
	Name     string   `json:"name"`
	Position Position `json:"position"`
	Summary  string   `json:"summary"`
}

// MeetingTypesSetting names the unit setting listing its meeting types,
// one per line (store.NamedSettings).
const MeetingTypesSetting = "meetings.types"

// MeetingTypesFrom reads the setting's value: its lines, trimmed, without
// blanks and repeats; DefaultMeetingTypes when it names none.
func MeetingTypesFrom(value string) []string {
	var out []string
	seen := map[string]bool{}
	for _, l := range strings.Split(value, "\n") {
		l = strings.TrimSpace(l)
		if l != "" && !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	if len(out) == 0 {
		return slices.Clone(DefaultMeetingTypes)
	}
	return out
}

// Presences are the ways a member stood, in the order forms offer them.
var Presences = []Presence{Present, OnLeave, WrittenView, AbsentNoLeave}

// Label is the Chinese name of p.
func (p Presence) Label() string {
	switch p {
	case Present:
		return "出席"
	case OnLeave:
		return "请假"
	case WrittenView:
		return "请假（书面意见）"
	case AbsentNoLeave:
		return "缺席"
	}
	return string(p)
}

// Valid reports whether p is a known presence.
func (p Presence) Valid() bool { return slices.Contains(Presences, p) }

// ParsePresence reads a presence by its code or Chinese name.
func ParsePresence(s string) (Presence, bool) {
	s = strings.TrimSpace(s)
	switch s {
	case "请假并书面表达意见", "书面意见", "请假(书面意见)":
		return WrittenView, true
	case "到会", "参会", "出席会议":
		return Present, true
	}
	for _, p := range Presences {
		if s == string(p) || s == p.Label() {
			return p, true
		}
	}
	return "", false
}

// Label is the Chinese name of k.
func (k ItemKind) Label() string {
	switch k {
	case ItemOrdinary:
		return "一般"
	case ItemMajorDecision:
		return "重大决策"
	case ItemCadre:
		return "干部任免"
	case ItemMajorProject:
		return "重大项目"
	case ItemLargeFund:
		return "大额资金"
	}
	return string(k)
}

// Valid reports whether k is a known kind.
func (k ItemKind) Valid() bool { return slices.Contains(ItemKinds, k) }

// IsTripleOne reports whether k is one of the four 三重一大 kinds, which
// only the party group decides, with quorum and every view recorded.
func (k ItemKind) IsTripleOne() bool { return k.Valid() && k != ItemOrdinary }

// ParseItemKind reads a kind by its code or Chinese name (一般事项,
// 重要干部任免, 大额度资金使用 as minutes write them too); "" is ordinary.
func ParseItemKind(s string) (ItemKind, bool) {
	s = strings.TrimSpace(s)
	switch s {
	case "", "一般事项", "其他":
		return ItemOrdinary, true
	case "重要干部任免", "人事任免":
		return ItemCadre, true
	case "大额度资金使用", "大额资金使用":
		return ItemLargeFund, true
	case "重大事项决策", "重要决策":
		return ItemMajorDecision, true
	case "重要项目安排", "重大项目安排":
		return ItemMajorProject, true
	}
	for _, k := range ItemKinds {
		if s == string(k) || s == k.Label() {
			return k, true
		}
	}
	return "", false
}

// Positions are the positions in the order forms offer them.
var Positions = []Position{PosAgree, PosDisagree, PosAbstain, PosView}

// Label is the Chinese name of p.
func (p Position) Label() string {
	switch p {
	case PosAgree:
		return "同意"
	case PosDisagree:
		return "不同意"
	case PosAbstain:
		return "弃权"
	case PosView:
		return "意见"
	}
	return string(p)
}

// Valid reports whether p is a known position.
func (p Position) Valid() bool { return slices.Contains(Positions, p) }

// ParsePosition reads a position by its code or Chinese name.
func ParsePosition(s string) (Position, bool) {
	s = strings.TrimRight(strings.TrimSpace(s), "。.！!")
	switch s {
	case "赞成", "原则同意", "完全同意", "无异议":
		return PosAgree, true
	case "反对":
		return PosDisagree, true
	case "发表意见", "建议":
		return PosView, true
	}
	for _, p := range Positions {
		if s == string(p) || s == p.Label() {
			return p, true
		}
	}
	return "", false
}

// positionWords are how minutes open a statement, longest first so
// that 不同意 is not read as 同意.
var positionWords = []struct {
	word string
	pos  Position
}{
	{"原则同意", PosAgree}, {"完全同意", PosAgree}, {"无异议", PosAgree}, {"不同意", PosDisagree}, {"不赞成", PosDisagree},
	{"同意", PosAgree}, {"赞成", PosAgree}, {"反对", PosDisagree}, {"弃权", PosAbstain},
	{"发表意见", PosView}, {"意见", PosView}, {"建议", PosView},
}

// CutPosition reads a statement written after its speaker's name
// (同意，建议压缩开支): the position its first words give and the rest as
// the summary. A view (建议…) keeps its whole text as the summary.
func CutPosition(s string) (p Position, summary string, ok bool) {
	s = strings.TrimSpace(s)
	for _, w := range positionWords {
		rest, found := strings.CutPrefix(s, w.word)
		if !found {
			continue
		}
		rest = strings.TrimSpace(strings.TrimLeft(rest, "，,。.、：: "))
		if w.pos == PosView && w.word == "建议" {
			rest = s
		}
		return w.pos, rest, true
	}
	return "", "", false
}

// Label names the meeting as books do: 2019年第5次党组会议.
func (m *Meeting) Label() string {
	if m.Date.IsZero() || m.Number <= 0 {
		return m.Type
	}
	return fmt.Sprintf("%d年第%d次%s", m.Date.Year(), m.Number, m.Type)
}

// Quorum counts the members present and those expected.
func (m *Meeting) Quorum() (present, expected int) {
	for _, a := range m.Attendance {
		if a.Presence == Present {
			present++
		}
	}
	return present, len(m.Attendance)
}

// QuorumMet reports whether enough members were present to decide an item
// of kind k: more than half, two thirds for 干部任免 (a meeting with no
// members listed has none).
func (m *Meeting) QuorumMet(k ItemKind) bool {
	p, e := m.Quorum()
	if e == 0 {
		return false
	}
	if k == ItemCadre {
		return 3*p >= 2*e
	}
	return 2*p > e
}

// PresentAttendee finds the member present a statement names: by person
// id, else by name; nil if he was not present.
func (m *Meeting) PresentAttendee(personID int64, name string) *Attendance {
	key := PersonKey(name)
	for i := range m.Attendance {
		a := &m.Attendance[i]
		if a.Presence != Present {
			continue
		}
		if personID > 0 && a.PersonID == personID || personID <= 0 && key != "" && PersonKey(a.Name) == key {
			return a
		}
	}
	return nil
}

// Normalize trims what was typed and numbers the items and statements
// left unnumbered in the order given; the book is the type's own unless
// another was named.
func (m *Meeting) Normalize() {
	m.Type, m.Book, m.Place = strings.TrimSpace(m.Type), strings.TrimSpace(m.Book), strings.TrimSpace(m.Place)
	m.ChairName, m.Recorder = strings.TrimSpace(m.ChairName), strings.TrimSpace(m.Recorder)
	m.NonMembers, m.Note = strings.TrimSpace(m.NonMembers), strings.TrimSpace(m.Note)
	m.MinutesSHA256 = strings.ToLower(strings.TrimSpace(m.MinutesSHA256))
	m.MinutesName = strings.TrimSpace(m.MinutesName)
	if m.MinutesSHA256 == "" {
		m.MinutesName = ""
	}
	if m.Book == "" {
		m.Book = m.Type
	}
	for i := range m.Attendance {
		a := &m.Attendance[i]
		a.Name, a.Note = strings.TrimSpace(a.Name), strings.TrimSpace(a.Note)
	}
	for i := range m.Items {
		it := &m.Items[i]
		it.Title, it.Decision = strings.TrimSpace(it.Title), strings.TrimSpace(it.Decision)
		if it.Kind == "" {
			it.Kind = ItemOrdinary
		}
		if it.Seq == 0 {
			it.Seq = i + 1
		}
		for j := range it.Statements {
			st := &it.Statements[j]
			st.Name, st.Summary = strings.TrimSpace(st.Name), strings.TrimSpace(st.Summary)
			if st.Seq == 0 {
				st.Seq = j + 1
			}
		}
	}
}

// Validate checks a meeting before it is saved: types are the unit's
// meeting types (DefaultMeetingTypes when nil), today the day it is
// entered (no meeting in the future).
func (m *Meeting) Validate(types []string, today Date) error {
	if types == nil {
		types = DefaultMeetingTypes
	}
	v := &ValidationError{}
	if m.UnitID <= 0 {
		v.Add("unit_id", "请选择所属单位")
	}
	switch {
	case strings.TrimSpace(m.Type) == "":
		v.Add("type", "会议类型不能为空")
	case !slices.Contains(types, m.Type):
		v.Add("type", "会议类型“"+m.Type+"”不在本单位的会议类型中（"+strings.Join(types, "、")+"）")
	}
	if m.Book != "" && m.Book != m.Type && !slices.Contains(types, m.Book) {
		v.Add("book", "记录本“"+m.Book+"”不是本单位的会议类型")
	}
	if m.Number < 1 {
		v.Add("number", "第几次须为正整数")
	} else if m.Number > 9999 {
		v.Add("number", "第几次过大")
	}
	checkDate(v, "date", "会议日期", m.Date, true)
	if m.Date.Valid() && !m.Date.IsZero() && today.Before(m.Date) {
		v.Add("date", "会议日期"+m.Date.Chinese()+"晚于今天")
	}
	checkText(v, "place", "会议地点", m.Place, false, MaxName)
	checkText(v, "chair_name", "主持人", m.ChairName, false, MaxName)
	checkText(v, "recorder", "记录人", m.Recorder, false, MaxName)
	checkText(v, "non_members", "列席人员", m.NonMembers, false, MaxTitle)
	checkText(v, "note", "备注", m.Note, false, MaxTitle)
	checkText(v, "minutes_name", "会议记录扫描件的文件名", m.MinutesName, false, 255)
	if m.MinutesSHA256 != "" && (len(m.MinutesSHA256) != 64 || strings.Trim(m.MinutesSHA256, "0123456789abcdef") != "") {
		v.Add("minutes_sha256", "会议记录扫描件的编号不正确")
	}
	if len(m.Attendance) > 500 {
		v.Add("attendance", "应到人员过多（最多500人）")
	}
	seen := map[string]int{}
	for i, a := range m.Attendance {
		f := fmt.Sprintf("attendance.%d", i)
		label := fmt.Sprintf("应到人员第%d人", i+1)
		checkText(v, f+".name", label+"姓名", a.Name, true, MaxName)
		if k := PersonKey(a.Name); k != "" {
			if j, ok := seen[k]; ok {
				v.Add(f+".name", fmt.Sprintf("%s“%s”与第%d人重复", label, a.Name, j+1))
			} else {
				seen[k] = i
			}
		}
		if !a.Presence.Valid() {
			v.Add(f+".presence", label+"的出席情况须为出席、请假、请假（书面意见）或缺席")
		}
		checkText(v, f+".note", label+"的事由", a.Note, false, MaxTitle)
	}
	if len(m.Items) > 200 {
		v.Add("items", "议题过多（最多200项）")
	}
	for i, it := range m.Items {
		f := fmt.Sprintf("items.%d", i)
		label := fmt.Sprintf("议题%d", i+1)
		if it.Seq != i+1 {
			v.Add(f+".seq", fmt.Sprintf("%s的序号应为%d", label, i+1))
		}
		checkText(v, f+".title", label+"的内容", it.Title, true, MaxTitle)
		if !it.Kind.Valid() {
			v.Add(f+".kind", label+"的类别须为一般、重大决策、干部任免、重大项目或大额资金")
		}
		switch {
		case it.Amount < 0:
			v.Add(f+".amount", label+"的金额不能为负")
		case it.Kind == ItemLargeFund && it.Amount == 0:
			v.Add(f+".amount", label+"是大额资金事项，须填写金额")
		}
		checkText(v, f+".decision", label+"的决定事项", it.Decision, false, MaxContent)
		if len(it.Statements) > 200 {
			v.Add(f+".statements", label+"的表态发言过多（最多200条）")
		}
		for j, st := range it.Statements {
			sf := fmt.Sprintf("%s.statements.%d", f, j)
			sl := fmt.Sprintf("%s第%d位发言", label, j+1)
			if st.Seq != j+1 {
				v.Add(sf+".seq", fmt.Sprintf("%s的发言顺序应为%d", sl, j+1))
			}
			checkText(v, sf+".name", sl+"的发言人", st.Name, st.PersonID <= 0, MaxName)
			if (st.Name != "" || st.PersonID > 0) && m.PresentAttendee(st.PersonID, st.Name) == nil {
				v.Add(sf+".name", sl+"的发言人“"+st.Name+"”不在出席人员中")
			}
			if !st.Position.Valid() {
				v.Add(sf+".position", sl+"的表态须为同意、不同意、弃权或意见")
			}
			checkText(v, sf+".summary", sl+"的发言摘要", st.Summary, false, MaxContent)
		}
	}
	return v.Err()
}

// MeetingItemRef is an agenda item as other registers link to it (a
// voucher's 大额资金 decision): the item with its meeting's date and name.
type MeetingItemRef struct {
	ItemID    int64    `json:"item_id"`
	MeetingID int64    `json:"meeting_id"`
	Type      string   `json:"type"`
	Number    int      `json:"number"`
	Date      Date     `json:"date"`
	Seq       int      `json:"seq"`
	Title     string   `json:"title"`
	Kind      ItemKind `json:"kind"`
	Amount    Fen      `json:"amount"`
	Decision  string   `json:"decision"`
}

// Label names the item as a voucher's link shows it: 2019年第5次党组会议议题2.
func (r *MeetingItemRef) Label() string {
	m := Meeting{Type: r.Type, Number: r.Number, Date: r.Date}
	return fmt.Sprintf("%s议题%d", m.Label(), r.Seq)
}

// Silent lists the members present who stated no view on item it (seed
// problem 23: 未记录每位出席人员的表态).
func (m *Meeting) Silent(it *AgendaItem) []Attendance {
	var out []Attendance
	for _, a := range m.Attendance {
		if a.Presence != Present {
			continue
		}
		spoke := false
		for _, st := range it.Statements {
			if a.PersonID > 0 && st.PersonID == a.PersonID || PersonKey(st.Name) == PersonKey(a.Name) {
				spoke = true
				break
			}
		}
		if !spoke {
			out = append(out, a)
		}
	}
	return out
}

// LastSpeaker is the statement made last on the item (the principal
// leader's should be: 末位表态), nil when none is recorded.
func (it *AgendaItem) LastSpeaker() *Statement {
	if len(it.Statements) == 0 {
		return nil
	}
	last := &it.Statements[0]
	for i := range it.Statements {
		if it.Statements[i].Seq >= last.Seq {
			last = &it.Statements[i]
		}
	}
	return last
}
