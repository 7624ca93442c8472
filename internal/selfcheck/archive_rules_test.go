package selfcheck

import (
	"strings"
	"testing"

	"zhenggai"
)

// afile is a file of kind with documents uploaded in slots (a "!" before
// a slot: filed with a defect, "纸:" a recorded paper original).
func afile(id int64, kind string, year int, holder, on string, slots ...string) zhenggai.ArchiveFile {
	f := zhenggai.ArchiveFile{ID: id, Kind: kind, Year: year, Holder: holder}
	if on != "" {
		f.EventOn = day(on)
	}
	for i, s := range slots {
		d := zhenggai.ArchiveDocument{ID: id*100 + int64(i), Slot: s, SHA256: strings.Repeat("a", 64)}
		switch {
		case strings.HasPrefix(s, "!"):
			slot, defect, _ := strings.Cut(s[1:], "=")
			d.Slot, d.Defect = slot, defect
		case strings.HasPrefix(s, "纸:"):
			d.Slot, d.SHA256, d.Paper, d.Place, d.CheckedBy = s[len("纸:"):], "", true, "办公室档案柜", "甲"
		}
		f.Documents = append(f.Documents, d)
	}
	return f
}

func TestArchiveIncomplete(t *testing.T) {
	kinds := zhenggai.DefaultArchiveKinds()
	election := afile(1, zhenggai.KindElection, 2017, "", "2017-10-27", "!候选人名单=候选人名单信息缺失")
	whole := afile(2, zhenggai.KindElection, 2019, "", "2019-11-05", "请示", "批复", "纸:选举办法", "选票", "候选人名单")
	p := period("2016-01-01", "2020-12-31")
	fs := check(t, ArchiveIncomplete, &Registers{ArchiveKinds: kinds, ArchiveFiles: []zhenggai.ArchiveFile{election, whole}}, p, nil)
	want(t, fs, 1, "2017年党组织换届选举档案1卷中1卷资料不全：2017年10月27日党组织换届选举资料中，未见请示、批复、选举办法和选票，候选人名单信息缺失")
	if f := fs[0].Figures; f["missing_documents"] != 4 || f["defective_documents"] != 1 || f["incomplete"] != 1 {
		t.Errorf("figures %v", f)
	}
	// Kept: a whole file (paper counts), a file outside the period, a
	// kind the unit withdrew.
	want(t, check(t, ArchiveIncomplete, &Registers{ArchiveKinds: kinds, ArchiveFiles: []zhenggai.ArchiveFile{whole}}, p, nil), 0)
	want(t, check(t, ArchiveIncomplete, &Registers{ArchiveKinds: kinds, ArchiveFiles: []zhenggai.ArchiveFile{election}}, period("2018-01-01", "2020-12-31"), nil), 0)
	want(t, check(t, ArchiveIncomplete, &Registers{ArchiveKinds: kinds[1:], ArchiveFiles: []zhenggai.ArchiveFile{election}}, p, nil), 0)
	// A handbook without its activity records, per kind and year.
	hb := afile(3, zhenggai.KindRetiredHandbook, 2020, "", "", "老干支部手册")
	want(t, check(t, ArchiveIncomplete, &Registers{ArchiveKinds: kinds, ArchiveFiles: []zhenggai.ArchiveFile{hb, election}}, p, nil), 2,
		"2020年老干支部手册资料中，未见活动记录")
	// A paper original not checked is still paper once recorded; a
	// defect on an uploaded document is not filed.
	f := afile(4, zhenggai.KindGroupHandbook, 2018, "", "", "!党组工作手册=填写不规范，存在明显逻辑错误")
	want(t, check(t, ArchiveIncomplete, &Registers{ArchiveKinds: kinds, ArchiveFiles: []zhenggai.ArchiveFile{f}}, p, nil), 1,
		"2018年党组工作手册资料中，填写不规范，存在明显逻辑错误")
}

func TestArchiveMissing(t *testing.T) {
	kinds := zhenggai.DefaultArchiveKinds()
	p := period("2016-01-01", "2020-12-31")
	var files []zhenggai.ArchiveFile
	for y := 2016; y <= 2020; y++ {
		files = append(files, afile(int64(y), zhenggai.KindGroupHandbook, y, "", "", "党组工作手册"),
			afile(int64(y+100), zhenggai.KindMinutesBook, y, "", "", "会议记录本"),
			afile(int64(y+200), zhenggai.KindRetiredHandbook, y, "", "", "老干支部手册", "活动记录"),
			afile(int64(y+300), zhenggai.KindBranchHandbook, y, "机关党支部", "", "党支部工作手册"))
	}
	want(t, check(t, ArchiveMissing, &Registers{ArchiveKinds: kinds, ArchiveFiles: files}, p, nil), 0)
	// Break it: no 老干支部手册 before 2020; a second branch with two years;
	// the party group's 2017 handbook gone.
	var broken []zhenggai.ArchiveFile
	for _, f := range files {
		if f.Kind == zhenggai.KindRetiredHandbook && f.Year < 2020 || f.Kind == zhenggai.KindGroupHandbook && f.Year == 2017 {
			continue
		}
		broken = append(broken, f)
	}
	broken = append(broken, afile(900, zhenggai.KindBranchHandbook, 2019, "离退休干部党支部", "", "党支部工作手册"),
		afile(901, zhenggai.KindBranchHandbook, 2020, "离退休干部党支部", "", "党支部工作手册"))
	fs := check(t, ArchiveMissing, &Registers{ArchiveKinds: kinds, ArchiveFiles: broken}, p, nil)
	want(t, fs, 3, "党支部工作手册缺失，2016年至2020年应有10册，缺3册：未见离退休干部党支部2016年至2018年的党支部工作手册",
		"老干支部手册缺失，2016年至2020年应有5册，缺4册：未见2016年至2019年的老干支部手册", "党组工作手册缺失")
	for _, f := range fs {
		if strings.Contains(f.Text, "老干支部手册") && (f.Figures["missing"] != 4 || f.Severity != Serious) {
			t.Errorf("retired: %v %s", f.Figures, f.Severity)
		}
	}
	// A kind none of whose years has a file; and its first year setting.
	none := []zhenggai.ArchiveFile{files[0]}
	want(t, check(t, ArchiveMissing, &Registers{ArchiveKinds: kinds[3:5], ArchiveFiles: none}, p, nil), 2, "2016年至2020年未见会议记录本", "未见2017年至2020年的党组工作手册")
	late := append([]zhenggai.ArchiveKind(nil), kinds...)
	late[2].Since = 2020
	fs = check(t, ArchiveMissing, &Registers{ArchiveKinds: late, ArchiveFiles: broken}, p, nil)
	want(t, fs, 2)
	// No file at all: the register is not kept, nothing said.
	want(t, check(t, ArchiveMissing, &Registers{ArchiveKinds: kinds}, p, nil), 0)
	// Event kinds are never missing by year.
	want(t, check(t, ArchiveMissing, &Registers{ArchiveKinds: kinds[:1], ArchiveFiles: files}, p, nil), 0)
}
