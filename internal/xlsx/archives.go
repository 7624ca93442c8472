package xlsx

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/sheet"
)

// The archives' catalogue (档案目录): one row per file, with the documents
// its kind requires, those it holds and those it lacks. The import reads
// the file's own columns and the documents kept on paper (纸质存档材料,
// with where and who checked them); what it holds and lacks is the
// register's to say, and is ignored on the way in.

// ArchiveSheet is the catalogue's sheet.
const ArchiveSheet = "档案目录"

// Columns of the catalogue.
const (
	aSeq = iota
	aKind
	aYear
	aHolder
	aTitle
	aOn
	aRequired
	aHeld
	aMissing
	aPaper
	aPlace
	aChecker
	aChecked
	aState
	aNote
)

// ArchiveColumns are the catalogue's columns.
var ArchiveColumns = sheet.Spec{What: "档案目录", Unknown: sheet.Ignore, Columns: []sheet.Column{
	aSeq:      {Name: "序号", Aliases: []string{"编号", "案卷号"}, Width: 6},
	aKind:     {Name: "档案类别", Aliases: []string{"类别", "档案类型", "类型", "门类"}, Required: true, Max: zhenggai.MaxName, Width: 16},
	aYear:     {Name: "年度", Aliases: []string{"年份", "归档年度"}, Max: 20, Width: 8},
	aHolder:   {Name: "所属支部", Aliases: []string{"支部", "党支部", "责任支部", "立档单位"}, Max: zhenggai.MaxName, Width: 14},
	aTitle:    {Name: "案卷题名", Aliases: []string{"题名", "案卷名称", "名称", "标题"}, Max: zhenggai.MaxTitle, Width: 26},
	aOn:       {Name: "事项日期", Aliases: []string{"日期", "换届日期", "形成日期", "时间"}, MinYear: 1949, Width: 14},
	aRequired: {Name: "应有材料", Aliases: []string{"应归档材料"}, Max: 5000, Width: 30},
	aHeld:     {Name: "已有材料", Aliases: []string{"已归档材料"}, Max: 5000, Width: 30},
	aMissing:  {Name: "缺失材料", Aliases: []string{"未见材料", "缺少材料"}, Max: 5000, Width: 24},
	aPaper:    {Name: "纸质存档材料", Aliases: []string{"纸质材料", "纸质存档"}, Max: 5000, Width: 24},
	aPlace:    {Name: "存放位置", Aliases: []string{"存放地点", "保管位置", "存放处"}, Max: zhenggai.MaxName, Width: 14},
	aChecker:  {Name: "核验人", Aliases: []string{"核查人", "检查人"}, Max: zhenggai.MaxName, Width: 10},
	aChecked:  {Name: "核验日期", Aliases: []string{"核查日期", "检查日期"}, MinYear: 1949, Width: 14},
	aState:    {Name: "完整情况", Aliases: []string{"是否齐全", "齐全情况"}, Max: 100, Width: 10},
	aNote:     {Name: "备注", Aliases: []string{"说明"}, Max: zhenggai.MaxTitle, Width: 16},
}}

// ArchiveRow is one row of a catalogue as read.
type ArchiveRow struct {
	Where string
	File  *zhenggai.ArchiveFile
	Paper []string
	Place string
	By    string
	On    zhenggai.Date
}

// ParseArchives reads a catalogue against the unit's kinds (a kind is
// named by its name or code); every bad cell is named and nothing is
// returned then.
func ParseArchives(ctx context.Context, r io.Reader, kinds []zhenggai.ArchiveKind) (_ []ArchiveRow, err error) {
	defer sheet.Guard(&err, "读取档案目录")
	b, err := sheet.Open(ctx, r, sheet.Options{What: "档案目录"})
	if err != nil {
		return nil, err
	}
	defer b.Close()
	name := ArchiveSheet
	if !b.Has(name) {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "工作簿中没有名为“%s”的工作表", ArchiveSheet)
	}
	t, err := b.Table(name, &ArchiveColumns)
	if err != nil {
		return nil, err
	}
	var out []ArchiveRow
	for t.Next() {
		if row, ok := readArchiveRow(t.Row(), kinds); ok {
			out = append(out, row)
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
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "“%s”表中没有案卷", ArchiveSheet)
	}
	return out, nil
}

func readArchiveRow(row *sheet.Row, kinds []zhenggai.ArchiveKind) (ArchiveRow, bool) {
	ok := true
	text := func(col int) string {
		s, good := row.Text(col)
		ok = ok && good
		return s
	}
	f := &zhenggai.ArchiveFile{Holder: text(aHolder), Title: text(aTitle), Note: text(aNote)}
	kind := text(aKind)
	found := false
	for _, k := range kinds {
		if k.Name == kind || k.Code == kind {
			f.Kind, found = k.Code, true
			break
		}
	}
	if !found {
		var names []string
		for _, k := range kinds {
			names = append(names, k.Name)
		}
		row.Bad(aKind, "档案类别“"+zhenggai.Clip(kind, 30)+"”不是本单位的档案类别（"+strings.Join(names, "、")+"）")
		ok = false
	}
	on, good := row.Date(aOn)
	ok = ok && good
	f.EventOn = on
	if y := strings.TrimSuffix(strings.TrimSpace(text(aYear)), "年"); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 1949 || n > 2200 {
			row.Bad(aYear, "年度“"+zhenggai.Clip(y, 20)+"”应为四位年份，如 2019")
			ok = false
		}
		f.Year = n
	} else if on.IsZero() {
		row.Bad(aYear, "年度和事项日期不能都为空")
		ok = false
	}
	checked, good := row.Date(aChecked)
	ok = ok && good
	out := ArchiveRow{Where: fmt.Sprintf("%s第%d行：", ArchiveSheet, row.N()), File: f, Paper: zhenggai.SplitList(text(aPaper)),
		Place: text(aPlace), By: hanName(text(aChecker)), On: checked}
	if len(out.Paper) > 50 {
		row.Bad(aPaper, "纸质存档材料最多50项")
		ok = false
	}
	return out, ok
}

// WriteArchives writes the catalogue ParseArchives reads, files in their
// kinds' order, then by year.
func WriteArchives(w io.Writer, title string, kinds []zhenggai.ArchiveKind, files []*zhenggai.ArchiveFile) error {
	wb := sheet.NewWriter()
	defer wb.Close()
	s, err := wb.Sheet(ArchiveSheet, sheet.Layout{Title: title, Columns: ArchiveColumns.Out(0), Print: true, Freeze: true})
	if err != nil {
		return err
	}
	n := 0
	for _, k := range kinds {
		for _, f := range files {
			if f.Kind != k.Code {
				continue
			}
			n++
			var held, paper []string
			var place, by string
			var on zhenggai.Date
			for _, slot := range k.Documents {
				switch st, _ := f.Slot(slot); st {
				case zhenggai.SlotFiled, zhenggai.SlotDefect:
					held = append(held, slot)
				case zhenggai.SlotPaper:
					held, paper = append(held, slot), append(paper, slot)
					for _, d := range f.Documents {
						if d.Slot == slot && d.Paper && place == "" {
							place, by, on = d.Place, d.CheckedBy, d.CheckedOn
						}
					}
				}
			}
			missing, defects := f.Gaps(k)
			state := "齐全"
			if len(missing)+len(defects) > 0 {
				state = "不全"
			}
			gaps := strings.Join(missing, "、")
			if len(defects) > 0 {
				gaps = strings.Trim(gaps+"；"+strings.Join(defects, "；"), "；")
			}
			if err := s.Row(Num(n), Label(k.Name), Num(f.Year), Label(f.Holder), Text(f.Title), sheet.Day(f.EventOn),
				Text(strings.Join(k.Documents, "、")), Text(strings.Join(held, "、")), Text(gaps), Text(strings.Join(paper, "、")),
				Text(place), Label(by), sheet.Day(on), Label(state), Text(f.Note)); err != nil {
				return err
			}
		}
	}
	_, err = wb.WriteTo(w)
	return err
}
