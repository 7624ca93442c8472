package zhenggai

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Archives (档案): the party-building files an inspection asks to see.
// The seed finds the 2017年10月27日 election file without its request,
// approval, election rules and ballots (problem 20), and the party
// group's and branches' handbooks largely missing, no 老干支部手册 at all
// (problem 18). A kind of file says which documents it must hold and
// whether one is expected every year; a file fills each document's slot
// with an upload, or with a record of the paper original and where it
// is kept.

// ArchiveKind is a kind of file with the documents each must contain.
type ArchiveKind struct {
	ID     int64  `json:"id,omitempty"` // 0: a default not yet saved by the unit
	UnitID int64  `json:"unit_id,omitempty"`
	Code   string `json:"code"` // election, branch_handbook …
	Name   string `json:"name"` // 党组织换届选举
	// Documents are the slots every file of the kind must fill.
	Documents []string `json:"documents"`
	// Yearly kinds expect a file every year: a year without one is itself
	// a finding. Others are filed per event (an election).
	Yearly bool `json:"yearly"`
	// PerHolder: one file per holder (党支部) a year; Holders are those
	// expected beside any a file names.
	PerHolder bool     `json:"per_holder,omitempty"`
	Holders   []string `json:"holders,omitempty"`
	// Since is the first year a file is expected (0: any).
	Since   int   `json:"since,omitempty"`
	Seq     int   `json:"seq"`
	Version int64 `json:"version,omitempty"`
	Voided  bool  `json:"voided,omitempty"`
}

// Default kinds' codes.
const (
	KindElection        = "election"
	KindBranchHandbook  = "branch_handbook"
	KindRetiredHandbook = "retired_handbook"
	KindGroupHandbook   = "group_handbook"
	KindMinutesBook     = "minutes_book"
)

// DefaultArchiveKinds are the kinds a unit has until it changes them.
func DefaultArchiveKinds() []ArchiveKind {
	return []ArchiveKind{
		{Code: KindElection, Name: "党组织换届选举", Documents: []string{"请示", "批复", "选举办法", "选票", "候选人名单"}, Seq: 1},
		{Code: KindBranchHandbook, Name: "党支部工作手册", Documents: []string{"党支部工作手册"}, Yearly: true, PerHolder: true, Seq: 2},
		{Code: KindRetiredHandbook, Name: "老干支部手册", Documents: []string{"老干支部手册", "活动记录"}, Yearly: true, Seq: 3},
		{Code: KindGroupHandbook, Name: "党组工作手册", Documents: []string{"党组工作手册"}, Yearly: true, Seq: 4},
		{Code: KindMinutesBook, Name: "会议记录本", Documents: []string{"会议记录本"}, Yearly: true, Seq: 5},
	}
}

// MergeArchiveKinds are a unit's kinds: those it saved (a voided one
// withdraws the default of its code) and the defaults it did not touch,
// in their order.
func MergeArchiveKinds(stored []ArchiveKind) []ArchiveKind {
	seen := map[string]bool{}
	var out []ArchiveKind
	for _, k := range stored {
		seen[k.Code] = true
		if !k.Voided {
			out = append(out, k)
		}
	}
	for _, k := range DefaultArchiveKinds() {
		if !seen[k.Code] {
			out = append(out, k)
		}
	}
	slices.SortStableFunc(out, func(a, b ArchiveKind) int {
		if a.Seq != b.Seq {
			return a.Seq - b.Seq
		}
		return strings.Compare(a.Code, b.Code)
	})
	return out
}

// ArchiveKindOf finds code among kinds.
func ArchiveKindOf(kinds []ArchiveKind, code string) (ArchiveKind, bool) {
	for _, k := range kinds {
		if k.Code == code {
			return k, true
		}
	}
	return ArchiveKind{}, false
}

// Normalize trims what was typed and drops empty or repeated documents.
func (k *ArchiveKind) Normalize() {
	k.Code, k.Name = strings.TrimSpace(k.Code), strings.TrimSpace(k.Name)
	k.Documents = cleanList(k.Documents)
	k.Holders = cleanList(k.Holders)
}

func cleanList(in []string) []string {
	var out []string
	for _, s := range in {
		s = strings.TrimSpace(s)
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// SplitList reads a list typed one a line or separated by 、，, ;.
func SplitList(s string) []string {
	return cleanList(strings.FieldsFunc(s, func(r rune) bool {
		return r == '\n' || r == '\r' || r == '、' || r == '，' || r == ',' || r == '；' || r == ';'
	}))
}

// Validate checks a kind before it is saved.
func (k *ArchiveKind) Validate() error {
	v := &ValidationError{}
	checkText(v, "code", "类别代码", k.Code, true, 40)
	if strings.ContainsFunc(k.Code, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_')
	}) {
		v.Add("code", "类别代码只能由小写字母、数字和下划线组成")
	}
	checkText(v, "name", "档案类别名称", k.Name, true, MaxName)
	if len(k.Documents) == 0 {
		v.Add("documents", "请填写该类档案应有的材料（每行一项）")
	}
	if len(k.Documents) > 50 || len(k.Holders) > 200 {
		v.Add("documents", "应有材料最多50项，责任支部最多200个")
	}
	for i, d := range k.Documents {
		checkText(v, fmt.Sprintf("documents.%d", i), fmt.Sprintf("第%d项应有材料", i+1), d, true, MaxName)
	}
	for i, h := range k.Holders {
		checkText(v, fmt.Sprintf("holders.%d", i), fmt.Sprintf("第%d个责任支部", i+1), h, true, MaxName)
	}
	if k.Since != 0 && (k.Since < 1949 || k.Since > 2200) {
		v.Add("since", "起始年度应为1949至2200之间的年份")
	}
	if k.Seq < 0 || k.Seq > 9999 {
		v.Add("seq", "序号应在0至9999之间")
	}
	return v.Err()
}

// Every says how often a file of k is expected.
func (k ArchiveKind) Every() string {
	switch {
	case k.Yearly && k.PerHolder:
		return "每个支部每年一册"
	case k.Yearly:
		return "每年一册"
	}
	return "按事项立卷"
}

// ArchiveFile is one file (卷) of a kind: a year's handbook, an
// election's papers.
type ArchiveFile struct {
	ID     int64  `json:"id"`
	UnitID int64  `json:"unit_id"`
	Kind   string `json:"kind"` // the kind's code
	Year   int    `json:"year"`
	// Holder is the branch (党支部) whose file it is, for kinds kept per
	// branch.
	Holder string `json:"holder,omitempty"`
	Title  string `json:"title"`
	// EventOn is the event's day (a 换届 on 2017年10月27日); its year is
	// the file's.
	EventOn   Date              `json:"event_on"`
	Note      string            `json:"note,omitempty"`
	Sample    bool              `json:"sample,omitempty"`
	Version   int64             `json:"version"`
	CreatedAt time.Time         `json:"created_at"`
	Voided    bool              `json:"voided,omitempty"`
	Documents []ArchiveDocument `json:"documents"`
}

// ArchiveDocument fills a slot of a file: an uploaded scan (SHA256 of the
// evidence store), or the paper original recorded with where it is kept
// and who checked it. Defect says what it lacks (候选人名单信息缺失): a
// slot filled by a defective document is incomplete.
type ArchiveDocument struct {
	ID          int64     `json:"id"`
	FileID      int64     `json:"file_id,omitempty"`
	Slot        string    `json:"slot"`
	SHA256      string    `json:"sha256,omitempty"`
	Name        string    `json:"name,omitempty"`
	Size        int64     `json:"size,omitempty"`
	ContentType string    `json:"content_type,omitempty"`
	Paper       bool      `json:"paper,omitempty"`
	Place       string    `json:"place,omitempty"`      // 办公室档案柜 …
	CheckedBy   string    `json:"checked_by,omitempty"` // who saw the paper
	CheckedOn   Date      `json:"checked_on"`
	Defect      string    `json:"defect,omitempty"`
	CreatedAt   time.Time `json:"created_at"`
}

// Normalize trims what was typed; an event's year is the file's.
func (f *ArchiveFile) Normalize() {
	f.Kind, f.Holder, f.Title, f.Note = strings.TrimSpace(f.Kind), strings.TrimSpace(f.Holder), strings.TrimSpace(f.Title), strings.TrimSpace(f.Note)
	if f.Year == 0 && !f.EventOn.IsZero() {
		f.Year = f.EventOn.Year()
	}
}

// Validate checks a file against its kind before it is saved.
func (f *ArchiveFile) Validate(k ArchiveKind) error {
	v := &ValidationError{}
	if f.UnitID <= 0 {
		v.Add("unit_id", "请选择所属单位")
	}
	if k.Code == "" {
		v.Add("kind", "请选择档案类别")
	}
	if f.Year < 1949 || f.Year > 2200 {
		v.Add("year", "年度应为1949至2200之间的年份")
	}
	checkText(v, "title", "案卷题名", f.Title, !k.Yearly, MaxTitle)
	checkText(v, "holder", "所属支部", f.Holder, false, MaxName)
	checkText(v, "note", "备注", f.Note, false, MaxTitle)
	checkDate(v, "event_on", "事项日期", f.EventOn, !k.Yearly && k.Code != "")
	if !f.EventOn.IsZero() && f.EventOn.Valid() && f.Year != f.EventOn.Year() {
		v.Add("year", fmt.Sprintf("年度%d与事项日期%s不在同一年", f.Year, f.EventOn.Chinese()))
	}
	return v.Err()
}

// Validate checks a document before it is filed: a slot of the file's
// kind, and either a file or a paper original with its place and who
// checked it.
func (d *ArchiveDocument) Validate(k ArchiveKind) error {
	v := &ValidationError{}
	d.Slot, d.Place, d.CheckedBy, d.Defect = strings.TrimSpace(d.Slot), strings.TrimSpace(d.Place), strings.TrimSpace(d.CheckedBy), strings.TrimSpace(d.Defect)
	if !slices.Contains(k.Documents, d.Slot) {
		v.Add("slot", "请选择“"+k.Name+"”应有的材料之一")
	}
	checkText(v, "defect", "缺失情况", d.Defect, false, MaxTitle)
	if d.Paper {
		checkText(v, "place", "纸质存档位置", d.Place, true, MaxName)
		checkText(v, "checked_by", "核验人", d.CheckedBy, true, MaxName)
		checkDate(v, "checked_on", "核验日期", d.CheckedOn, true)
		if d.SHA256 != "" {
			v.Add("file", "纸质存档不需上传文件")
		}
	} else {
		if len(d.SHA256) != 64 || strings.Trim(d.SHA256, "0123456789abcdef") != "" {
			v.Add("file", "请上传扫描件，或登记为纸质存档")
		}
		checkText(v, "file", "文件名", d.Name, true, 255)
	}
	return v.Err()
}

// SlotState is how a file stands on one document.
type SlotState string

const (
	SlotMissing SlotState = "missing" // 未见
	SlotDefect  SlotState = "defect"  // 有缺失
	SlotFiled   SlotState = "filed"   // 已上传
	SlotPaper   SlotState = "paper"   // 纸质存档
)

// Label is the Chinese name of s.
func (s SlotState) Label() string {
	switch s {
	case SlotMissing:
		return "未见"
	case SlotDefect:
		return "不完整"
	case SlotFiled:
		return "已上传"
	case SlotPaper:
		return "纸质存档"
	}
	return string(s)
}

// Slot is the state of slot on f: filed beats paper beats defective.
func (f *ArchiveFile) Slot(slot string) (SlotState, string) {
	state, defect := SlotMissing, ""
	for _, d := range f.Documents {
		if d.Slot != slot {
			continue
		}
		switch {
		case d.Defect != "":
			if state == SlotMissing {
				state, defect = SlotDefect, d.Defect
			}
		case d.SHA256 != "":
			return SlotFiled, ""
		case d.Paper:
			state, defect = SlotPaper, ""
		}
	}
	return state, defect
}

// Gaps are the documents of k that f lacks and those filed with a defect
// (slot: defect).
func (f *ArchiveFile) Gaps(k ArchiveKind) (missing, defects []string) {
	for _, slot := range k.Documents {
		switch st, defect := f.Slot(slot); st {
		case SlotMissing:
			missing = append(missing, slot)
		case SlotDefect:
			defects = append(defects, defect)
		}
	}
	return missing, defects
}

// Complete reports whether f holds every document of k whole.
func (f *ArchiveFile) Complete(k ArchiveKind) bool {
	m, d := f.Gaps(k)
	return len(m) == 0 && len(d) == 0
}

// Label names f as a finding or a list does: 2017年10月27日党组织换届选举,
// 2018年党支部工作手册（机关党支部）.
func (f *ArchiveFile) Label(k ArchiveKind) string {
	s := fmt.Sprintf("%d年", f.Year)
	if !f.EventOn.IsZero() {
		s = f.EventOn.Chinese()
	}
	name := k.Name
	if name == "" {
		name = f.Kind
	}
	s += name
	if f.Holder != "" {
		s += "（" + f.Holder + "）"
	}
	return s
}

// JoinAnd joins items as offices write a list: 请示、批复、选举办法和选票.
func JoinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], "、") + "和" + items[len(items)-1]
}

// YearsText writes years with runs of three or more joined:
// 2016年至2019年、2021年、2022年.
func YearsText(years []int) string {
	ys := slices.Clone(years)
	slices.Sort(ys)
	ys = slices.Compact(ys)
	var parts []string
	for i := 0; i < len(ys); {
		j := i
		for j+1 < len(ys) && ys[j+1] == ys[j]+1 {
			j++
		}
		if j > i+1 {
			parts = append(parts, fmt.Sprintf("%d年至%d年", ys[i], ys[j]))
		} else {
			for y := i; y <= j; y++ {
				parts = append(parts, fmt.Sprintf("%d年", ys[y]))
			}
		}
		i = j + 1
	}
	return strings.Join(parts, "、")
}
