package zhenggai

import (
	"errors"
	"strings"
	"testing"
)

func TestPersonValidate(t *testing.T) {
	ok := func() Person {
		return Person{UnitID: 1, Name: "王明", Kind: PersonLeader, Rank: "副主席", Party: "中共党员"}
	}
	for _, tt := range []struct {
		name   string
		change func(p *Person)
		field  string // "" for valid
		msg    string
	}{
		{"valid", func(p *Person) {}, "", ""},
		{"empty name", func(p *Person) { p.Name = "  " }, "name", "姓名不能为空"},
		{"spaces around", func(p *Person) { p.Name = "王明　" }, "name", "姓名前后不能有空格"},
		{"format character", func(p *Person) { p.Name = "王\u202e明" }, "name", "U+202E"},
		{"control character", func(p *Person) { p.Rank = "主任\x00" }, "rank", "职务/职级含有不可见的控制字符"},
		{"unknown kind", func(p *Person) { p.Kind = "boss" }, "kind", "人员类别须为"},
		{"long phone", func(p *Person) { p.Phone = strings.Repeat("1", 41) }, "phone", "联系电话过长"},
		{"zero width in note", func(p *Person) { p.Note = "备\u200b注" }, "note", "U+200B"},
		{"no unit", func(p *Person) { p.UnitID = 0 }, "unit_id", "请选择所属单位"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := ok()
			tt.change(&p)
			err := p.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			var v *ValidationError
			if !errors.As(err, &v) {
				t.Fatalf("Validate() = %v, want a ValidationError", err)
			}
			if got := v.For(tt.field); !strings.Contains(got, tt.msg) {
				t.Errorf("message for %s = %q, want it to contain %q", tt.field, got, tt.msg)
			}
		})
	}
}

func TestResolvePerson(t *testing.T) {
	wang := &Person{ID: 1, Name: "王明"}
	li1 := &Person{ID: 2, Name: "李华", Rank: "主任"}
	li2 := &Person{ID: 3, Name: "李华", Rank: "科员"}
	gone := &Person{ID: 4, Name: "赵强", Voided: true}
	roster := []*Person{wang, li1, li2, gone}
	for _, tt := range []struct {
		name       string
		want       int64   // the one person's id, 0 for none
		candidates []int64 // when two share the name
	}{
		{"王明", 1, nil},
		{" 王明 ", 1, nil},
		{"王　明", 1, nil},   // full-width space aligning a two-character name
		{"　王明\t", 1, nil}, // as pasted from a sheet
		{"王\u200b明", 1, nil},
		{"李华", 0, []int64{2, 3}},
		{"赵强", 0, nil}, // struck off: the name stays a name
		{"张三", 0, nil},
		{"", 0, nil},
		{"　", 0, nil},
		{"王明、李华", 0, nil}, // two names in one cell: no person
	} {
		p, cands := ResolvePerson(roster, tt.name)
		var got int64
		if p != nil {
			got = p.ID
		}
		var gotC []int64
		for _, c := range cands {
			gotC = append(gotC, c.ID)
		}
		if got != tt.want || len(gotC) != len(tt.candidates) {
			t.Errorf("ResolvePerson(%q) = %d, %v; want %d, %v", tt.name, got, gotC, tt.want, tt.candidates)
			continue
		}
		for i := range gotC {
			if gotC[i] != tt.candidates[i] {
				t.Errorf("ResolvePerson(%q) candidates = %v, want %v", tt.name, gotC, tt.candidates)
			}
		}
	}
}

func TestPersonKindLabels(t *testing.T) {
	for _, k := range PersonKinds {
		if !k.Valid() || k.Label() == string(k) {
			t.Errorf("kind %q: valid %v, label %q", k, k.Valid(), k.Label())
		}
	}
	if PersonKind("x").Valid() {
		t.Error(`PersonKind("x").Valid() = true`)
	}
}
