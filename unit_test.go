package zhenggai

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestUnitKeySame(t *testing.T) {
	// Each pair is one body as offices write it.
	for _, tt := range [][2]string{
		{"中共政协桑植县委员会党组", "桑植县政协党组"},
		{"中国人民政治协商会议桑植县委员会党组", "桑植县政协党组"},
		{"政协桑植县委员会党组", "桑植县政协党组"},
		{"中国共产党政协桑植县委员会党组", "桑植县政协党组"},
		{"中共政协桑植县委员会机关党委", "桑植县政协机关党委"},
		{"政协张家界市委员会党组", "张家界市政协党组"},
		{"政协 桑植县委员会 党组", "桑植县政协党组"},
		{"桑植县政协党组　", "桑植县政协党组"},
		{"中共桑植县委员会", "桑植县委"},
		{"中国共产党桑植县委员会", "中共桑植县委"},
		{"中共桑植县纪律检查委员会", "桑植县纪委"},
		{"桑植县人民代表大会常务委员会党组", "桑植县人大常委会党组"},
		{"桑植县人民政府办公室", "桑植县政府办公室"},
		{"中共桑植县委巡察工作领导小组办公室", "桑植县委巡察工作领导小组办公室"},
		{"桑植县卫生健康局（党组）", "桑植县卫生健康局(党组)"},
		{"ＸＸ县政协党组", "XX县政协党组"},
		{"xx县政协党组", "XX县政协党组"},
		{"桑植县\u200b政协党组", "桑植县政协党组"},
		{"中共桑植县委办公室", "桑植县委办公室"},
		{"中共桑植县委组织部", "桑植县委组织部"},
		{"桑植县人民政府", "桑植县政府"},
		{"桑植县人民政府办公室党组", "桑植县政府办公室党组"},
		{"中共张家界市纪律检查委员会", "张家界市纪委"},
		{"政协张家界市永定区委员会党组", "张家界市永定区政协党组"},
		{"中国人民政治协商会议张家界市委员会机关党组", "张家界市政协机关党组"},
		{"桑植县人民代表大会常务委员会", "桑植县人大常委会"},
		{"桑植县　卫生健康局　党组", "桑植县卫生健康局党组"},
	} {
		if a, b := UnitKey(tt[0]), UnitKey(tt[1]); a != b {
			t.Errorf("UnitKey(%q) = %q, UnitKey(%q) = %q: want equal", tt[0], a, tt[1], b)
		}
	}
}

func TestUnitKeyApart(t *testing.T) {
	// Each pair is two bodies, however alike their names.
	for _, tt := range [][2]string{
		{"桑植县政协党组", "桑植县政协党委"},
		{"中共政协桑植县委员会党组", "中共政协桑植县委员会机关党委"},
		{"桑植县政协党组", "桑植县委"},
		{"中共桑植县委员会", "桑植县政协"},
		{"桑植县政协党组", "永定区政协党组"},
		{"政协桑植县委员会党组", "政协慈利县委员会党组"},
		{"桑植县纪委", "桑植县委"},
		{"桑植县人大常委会党组", "桑植县政府党组"},
		{"中共", "共"},
		{"桑植县卫生健康局党组", "桑植县卫生健康局"},
		{"桑植县委组织部", "桑植县委宣传部"},
		{"桑植县人民法院", "桑植县人民检察院"},
		{"桑植县政协党组", "桑植县政协机关党组"},
		{"桑植县人大常委会党组", "桑植县人大常委会机关党组"},
		{"张家界市政协党组", "张家界市永定区政协党组"},
		{"中共桑植县委", "中共桑植县纪委"},
	} {
		if a, b := UnitKey(tt[0]), UnitKey(tt[1]); a == b {
			t.Errorf("UnitKey(%q) = UnitKey(%q) = %q: want apart", tt[0], tt[1], a)
		}
	}
	if UnitKey("中共") == "" {
		t.Error("a name that is only the prefix must not vanish")
	}
}

func TestUnitValidateNames(t *testing.T) {
	for _, tt := range []struct {
		u    Unit
		want string // field and message part; "" for valid
	}{
		{Unit{Name: "桑植县政协党组", FullName: "中共政协桑植县委员会党组", Aliases: []string{"县政协党组"}}, ""},
		{Unit{Name: "桑植县政协党组", Aliases: []string{"政协桑植县委员会党组"}}, "aliases:与单位名称相同"},
		{Unit{Name: "县政协党组", FullName: "中共政协桑植县委员会党组", Aliases: []string{"政协桑植县委员会党组"}}, "aliases:与全称相同"},
		{Unit{Name: "桑植县政协党组", Aliases: []string{"桑植县 政协党组"}}, "aliases:与单位名称相同"},
		{Unit{Name: "桑植县政协党组", Aliases: []string{"县政协党组", "县政协党组"}}, "aliases:与别名“县政协党组”相同"},
		{Unit{Name: "桑植县政协党组", Aliases: []string{"a\x00"}}, "aliases:控制字符"},
		{Unit{Name: "桑植县政协党组", Aliases: []string{"县政协\n党组"}}, "aliases:不能换行"},
		{Unit{Name: "桑植县政协党组", FullName: strings.Repeat("长", MaxName+1)}, "full_name:全称过长"},
		{Unit{Name: "桑植县政协党组", Aliases: make([]string, MaxAliases+1)}, "aliases:别名过多"},
		{Unit{Name: ""}, "name:单位名称不能为空"},
	} {
		err := tt.u.Validate()
		if tt.want == "" {
			if err != nil {
				t.Errorf("%+v: %v", tt.u, err)
			}
			continue
		}
		field, msg, _ := strings.Cut(tt.want, ":")
		if got := fieldMessage(err, field); !strings.Contains(got, msg) {
			t.Errorf("%+v: field %s = %q, want it to say %q (all: %v)", tt.u, field, got, msg, err)
		}
	}
}

func TestSplitAliases(t *testing.T) {
	got := SplitAliases(" 县政协党组 \n政协桑植县委员会党组、县政协党组；桑植政协，\r\n\n")
	want := []string{"县政协党组", "政协桑植县委员会党组", "桑植政协"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("SplitAliases = %q, want %q", got, want)
	}
}

func TestPlaceRound(t *testing.T) {
	units := []Unit{
		{ID: 1, Name: "张家界市委巡察办"},
		{ID: 2, ParentID: 1, Name: "桑植县政协党组", FullName: "中共政协桑植县委员会党组"},
		{ID: 3, ParentID: 1, Name: "桑植县卫生健康局党组", Aliases: []string{"县卫健局党组"}},
	}
	own := &User{Role: RoleUnitAdmin, UnitID: 2, Unit: "桑植县政协党组"}
	admin := &User{Role: RoleAdmin, UnitID: 1, Unit: "张家界市委巡察办"}
	for _, tt := range []struct {
		name   string
		u      *User
		named  string
		signed string
		c      UnitChoice
		want   UnitPlace
		field  string // the question or refusal, "" when placed
	}{
		{"own short name", own, "桑植县政协党组", "", UnitChoice{}, UnitPlace{UnitID: 2}, ""},
		{"own full name", own, "中共政协桑植县委员会党组", "", UnitChoice{}, UnitPlace{UnitID: 2}, ""},
		{"own name in another usual form", own, "中国人民政治协商会议桑植县委员会党组", "", UnitChoice{}, UnitPlace{UnitID: 2}, ""},
		{"unknown name asked", own, "县政协党组", "", UnitChoice{}, UnitPlace{}, FieldUnitMine},
		{"unknown name confirmed", own, "县政协党组", "", UnitChoice{Mine: true}, UnitPlace{UnitID: 2, Alias: "县政协党组"}, ""},
		{"another unit refused", own, "县卫健局党组", "", UnitChoice{Mine: true}, UnitPlace{}, "unit"},
		{"党委 is not 党组", own, "桑植县政协党委", "", UnitChoice{}, UnitPlace{}, FieldUnitMine},
		{"leader may not", &User{Role: RoleLeader, UnitID: 2, Unit: "桑植县政协党组"}, "县政协党组", "", UnitChoice{Mine: true}, UnitPlace{}, "unit"},
		{"supervisor may not", &User{Role: RoleSupervisor, UnitID: 1, Unit: "张家界市委巡察办"}, "桑植县政协党组", "", UnitChoice{}, UnitPlace{}, "unit"},
		{"admin, known by full name", admin, "中共政协桑植县委员会党组", "", UnitChoice{}, UnitPlace{UnitID: 2}, ""},
		{"admin, unknown asked for parent", admin, "桑植县文旅广体局党组", "", UnitChoice{}, UnitPlace{}, FieldUnitParent},
		{"admin, unknown under parent", admin, "桑植县文旅广体局党组", "", UnitChoice{ParentID: 1}, UnitPlace{ParentID: 1}, ""},
		{"admin, parent that is none", admin, "桑植县文旅广体局党组", "", UnitChoice{ParentID: 99}, UnitPlace{}, FieldUnitParent},
		{"command line, known", nil, "政协桑植县委员会党组", "", UnitChoice{}, UnitPlace{UnitID: 2}, ""},
		{"command line, unknown", nil, "桑植县文旅广体局党组", "", UnitChoice{}, UnitPlace{}, ""},
		{"signed with his full name", own, "县政协党组", "中共政协桑植县委员会党组", UnitChoice{}, UnitPlace{UnitID: 2, Alias: "县政协党组"}, ""},
		{"signed by another unit", own, "县卫健党组", "桑植县卫生健康局党组", UnitChoice{Mine: true}, UnitPlace{}, "unit"},
		{"admin, signed by a unit", admin, "县政协党组", "政协桑植县委员会党组", UnitChoice{}, UnitPlace{UnitID: 2, Alias: "县政协党组"}, ""},
		{"known name wins over signature", admin, "桑植县卫生健康局党组", "中共政协桑植县委员会党组", UnitChoice{}, UnitPlace{UnitID: 3}, ""},
	} {
		got, err := PlaceRound(tt.u, units, tt.named, tt.signed, tt.c)
		if tt.field != "" {
			if fieldMessage(err, tt.field) == "" {
				t.Errorf("%s: err %v, want a message on %s", tt.name, err, tt.field)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%s: %+v, %v; want %+v", tt.name, got, err, tt.want)
		}
	}
}

// FuzzUnitKey: any text typed or imported as a unit's name gives a key
// without panicking, valid UTF-8 for valid input, and never longer than
// the name (the rewrites only shorten).
func FuzzUnitKey(f *testing.F) {
	for _, s := range []string{"中共政协桑植县委员会党组", "中国人民政治协商会议桑植县委员会", "政协委员会", "中共", "（）ＡＢ　", "\xff政协"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := UnitKey(s)
		if utf8.ValidString(s) && !utf8.ValidString(k) {
			t.Errorf("UnitKey(%q) = %q: not UTF-8", s, k)
		}
		if utf8.RuneCountInString(k) > utf8.RuneCountInString(s) {
			t.Errorf("UnitKey(%q) = %q: longer than the name", s, k)
		}
	})
}
