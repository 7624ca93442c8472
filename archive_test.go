package zhenggai

import (
	"strings"
	"testing"
)

func TestArchiveKinds(t *testing.T) {
	d := DefaultArchiveKinds()
	// A saved kind changes its default; a voided one withdraws it; a new
	// one joins in its order.
	changed := d[1]
	changed.ID, changed.Holders = 7, []string{"机关第一党支部"}
	gone := d[4]
	gone.ID, gone.Voided = 8, true
	extra := ArchiveKind{ID: 9, Code: "party_lesson", Name: "党课档案", Documents: []string{"讲稿"}, Seq: 3}
	got := MergeArchiveKinds([]ArchiveKind{changed, gone, extra})
	var codes []string
	for _, k := range got {
		codes = append(codes, k.Code)
	}
	if strings.Join(codes, ",") != "election,branch_handbook,party_lesson,retired_handbook,group_handbook" || got[1].ID != 7 {
		t.Errorf("merged %v", codes)
	}
	for _, c := range []struct {
		k    ArchiveKind
		want string
	}{
		{ArchiveKind{Code: "Bad", Name: "甲", Documents: []string{"a"}}, "小写字母"},
		{ArchiveKind{Code: "a", Name: "", Documents: []string{"a"}}, "档案类别名称"},
		{ArchiveKind{Code: "a", Name: "甲"}, "应有的材料"},
		{ArchiveKind{Code: "a", Name: "甲", Documents: []string{"a"}, Since: 1800}, "起始年度"},
	} {
		c.k.Normalize()
		if err := c.k.Validate(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, want %q", c.k, err, c.want)
		}
	}
	if k := (ArchiveKind{Code: "a_1", Name: "甲", Documents: SplitList("请示、批复\n选票；选票")}); k.Validate() != nil || len(k.Documents) != 3 {
		t.Errorf("good kind refused or list %v", k.Documents)
	}
}

func TestArchiveFile(t *testing.T) {
	election := DefaultArchiveKinds()[0]
	f := ArchiveFile{UnitID: 1, Kind: KindElection, Title: "换届", EventOn: NewDate(2017, 10, 27)}
	f.Normalize()
	if f.Year != 2017 || f.Validate(election) != nil {
		t.Fatalf("year %d %v", f.Year, f.Validate(election))
	}
	bad := ArchiveFile{UnitID: 1, Kind: KindElection, Year: 2018, Title: "换届", EventOn: NewDate(2017, 10, 27)}
	if err := bad.Validate(election); err == nil || !strings.Contains(err.Error(), "不在同一年") {
		t.Errorf("year and day apart: %v", err)
	}
	sum := strings.Repeat("a", 64)
	f.Documents = []ArchiveDocument{
		{Slot: "请示", SHA256: sum},
		{Slot: "批复", Paper: true, Place: "档案柜", CheckedBy: "甲"},
		{Slot: "候选人名单", SHA256: sum, Defect: "候选人名单信息缺失"},
		{Slot: "选票", SHA256: sum, Defect: "缺2张"}, {Slot: "选票", SHA256: sum}, // a whole one filed later
	}
	m, d := f.Gaps(election)
	if JoinAnd(m) != "选举办法" || len(d) != 1 || d[0] != "候选人名单信息缺失" {
		t.Errorf("gaps %v %v", m, d)
	}
	if st, _ := f.Slot("批复"); st != SlotPaper {
		t.Errorf("paper %s", st)
	}
	if f.Label(election) != "2017年10月27日党组织换届选举" {
		t.Errorf("label %s", f.Label(election))
	}
	for _, c := range []struct {
		d    ArchiveDocument
		want string
	}{
		{ArchiveDocument{Slot: "会议纪要", SHA256: sum, Name: "a"}, "应有的材料"},
		{ArchiveDocument{Slot: "选票", Paper: true, Place: "柜"}, "核验人"},
		{ArchiveDocument{Slot: "选票"}, "请上传扫描件"},
		{ArchiveDocument{Slot: "选票", Paper: true, Place: "柜", CheckedBy: "甲", CheckedOn: NewDate(2020, 9, 1), SHA256: sum}, "不需上传"},
	} {
		if err := c.d.Validate(election); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, want %q", c.d, err, c.want)
		}
	}
}

func TestYearsText(t *testing.T) {
	for in, want := range map[string]string{
		"2016,2017,2018,2019": "2016年至2019年", "2016,2017,2019": "2016年、2017年、2019年", "2019": "2019年", "": "",
		"2021,2016,2017,2018": "2016年至2018年、2021年",
	} {
		var ys []int
		for _, s := range strings.Split(in, ",") {
			if s != "" {
				var y int
				for _, r := range s {
					y = y*10 + int(r-'0')
				}
				ys = append(ys, y)
			}
		}
		if got := YearsText(ys); got != want {
			t.Errorf("%s: %q, want %q", in, got, want)
		}
	}
	if JoinAnd([]string{"请示", "批复", "选举办法", "选票"}) != "请示、批复、选举办法和选票" {
		t.Error("JoinAnd")
	}
}
