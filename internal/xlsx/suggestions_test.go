package xlsx_test

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhenggai"
	"zhenggai/internal/testkit"
	"zhenggai/internal/xlsx"
)

// namedSheets makes a workbook of sheets by name, in order.
func namedSheets(t testing.TB, names []string, sheets ...[][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, name := range names {
		if i == 0 {
			f.SetSheetName("Sheet1", name)
		} else {
			f.NewSheet(name)
		}
		for j, r := range sheets[i] {
			if err := f.SetSheetRow(name, "A"+strconv.Itoa(j+1), &r); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func sampleSuggestions() []*zhenggai.Suggestion {
	d := zhenggai.NewDate
	return []*zhenggai.Suggestion{
		{Name: "王明", Kind: zhenggai.SuggestSQMY, Via: zhenggai.ViaPlatform, Title: "关于农村饮水安全的建议", On: d(2019, 3, 4),
			Adopted: zhenggai.AdoptNational, AdoptedOn: d(2019, 5, 6), AdoptedBy: "全国政协《信息专报》",
			Instruction: "请水利局研究办理", InstructedBy: "李县长", InstructedOn: d(2019, 5, 20)},
		{Name: "李华", Kind: zhenggai.SuggestMicro, Via: zhenggai.ViaPaper, Title: "关于增设路灯的微建议", Content: "城东路段无路灯", On: d(2020, 1, 2)},
	}
}

func TestSuggestionsRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := xlsx.WriteSuggestions(&buf, "微建议和社情民意信息", sampleSuggestions()); err != nil {
		t.Fatal(err)
	}
	im, err := xlsx.ParseSuggestions(context.Background(), &buf)
	if err != nil {
		t.Fatal(err)
	}
	want := sampleSuggestions()
	if len(im.Suggestions) != len(want) {
		t.Fatalf("read %d", len(im.Suggestions))
	}
	for i, s := range im.Suggestions {
		if *s != *want[i] {
			t.Errorf("row %d: %+v, want %+v", i+1, s, want[i])
		}
	}
	if im.Where[1] != "微建议和社情民意第4行：" {
		t.Errorf("where %q", im.Where[1])
	}
}

// TestSuggestionsOfficeForms: headers as offices write them, adoption in
// words, a platform's export; every bad cell named and nothing returned.
func TestSuggestionsOfficeForms(t *testing.T) {
	file := namedSheets(t, []string{"Sheet1"}, [][]any{
		{"2019年委员社情民意信息采用情况统计表"},
		{"编号", "信息类别", "反映人", "信息标题", "报送时间", "报送途径", "采用级别", "采用时间", "刊发刊物", "批示情况", "批示人", "批示时间"},
		{1, "社情民意信息", "王  明", "关于饮水的建议", "2019年3月4日", "政协云平台", "被市政协采用", "2019.4.1", "《社情民意》第3期", "", "", ""},
		{2, "微建议", "李华", "关于路灯", "2019-05-01", "", "", "", "", "请城管局办理", "张副县长", "2019-05-10"},
	})
	im, err := xlsx.ParseSuggestions(context.Background(), bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	a, b := im.Suggestions[0], im.Suggestions[1]
	if a.Name != "王明" || a.Kind != zhenggai.SuggestSQMY || a.Via != zhenggai.ViaPlatform || a.Adopted != zhenggai.AdoptCity ||
		a.AdoptedOn != zhenggai.NewDate(2019, 4, 1) || b.Via != zhenggai.ViaPaper || b.Adopted != zhenggai.AdoptNone || b.InstructedBy != "张副县长" {
		t.Fatalf("read %+v %+v", a, b)
	}

	bad := namedSheets(t, []string{"Sheet1"}, [][]any{
		{"序号", "类别", "提出人", "标题", "提出日期", "报送方式", "采用情况"},
		{1, "提案", "王明", "甲", "2019-03-04", "书面", ""},
		{2, "微建议", "", "乙", "2019-13-40", "传真", "好"},
	})
	im, err = xlsx.ParseSuggestions(context.Background(), bytes.NewReader(bad))
	if err == nil || im != nil {
		t.Fatalf("accepted: %+v", im)
	}
	for _, w := range []string{"第2行", "“提案”须为微建议或社情民意", "第3行", "提出日期", "“传真”须为平台或书面", "“好”须为未采用"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("message lacks %q: %v", w, err)
		}
	}
}

func FuzzParseSuggestions(f *testing.F) {
	var buf bytes.Buffer
	if err := xlsx.WriteSuggestions(&buf, "微建议", sampleSuggestions()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("序号\t类别\t提出人\t标题\t提出日期\t报送方式\t采用情况\t采用日期\n1\t社情民意\t王明\t甲\t2019-3-4\t平台\t省级采用\t43600\n2\t微建议\t李华\t乙\t43000\t\t\t"))
	f.Add(testkit.MergeBomb(f, 5, 40, "A3:XFD1048576"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if !bytes.HasPrefix(b, []byte("PK")) {
			b = namedSheets(t, []string{xlsx.SuggestionSheet}, tsvRows(string(b)))
		}
		im, err := xlsx.ParseSuggestions(context.Background(), bytes.NewReader(b))
		if zhenggai.ErrorCode(err) == zhenggai.EINTERNAL {
			t.Fatalf("internal error: %v", err)
		}
		if err != nil {
			if im != nil {
				t.Fatal("rejected, yet something returned")
			}
			return
		}
		for _, s := range im.Suggestions {
			if s.Name == "" || s.Title == "" || s.On.IsZero() || !s.Kind.Valid() || !s.Via.Valid() || !s.Adopted.Valid() {
				t.Fatalf("accepted %+v", s)
			}
		}
	})
}

func sampleTownships() []*zhenggai.Township {
	d := zhenggai.NewDate
	return []*zhenggai.Township{
		{Name: "澧源镇", Seq: 1, Since: d(2016, 5, 1), Note: "城区",
			Posts: []zhenggai.LiaisonPost{
				{Name: "王明", Role: zhenggai.LiaisonLeader, From: d(2016, 5, 1), To: d(2018, 3, 15)},
				{Name: "李华", Role: zhenggai.LiaisonLeader, From: d(2020, 9, 1)},
				{Name: "赵强", Role: zhenggai.LiaisonDeputy, From: d(2016, 5, 1)},
				{Name: "张三", Role: zhenggai.LiaisonMember},
				{Name: "李四", Role: zhenggai.LiaisonMember, From: d(2016, 5, 1), To: d(2019, 1, 1)},
			},
			Invitations: []zhenggai.LiaisonInvitation{
				{Kind: zhenggai.InviteInspection, Title: "脱贫攻坚视察", On: d(2017, 6, 1), Name: "王明", Attended: true},
				{Kind: zhenggai.InviteStanding, Title: "九届常委会第十次会议", On: d(2020, 10, 10), Name: "李华"},
			}},
		{Name: "溇水乡", Seq: 2, Since: d(2017, 1, 1)},
	}
}

func TestTownshipsRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := xlsx.WriteTownships(&buf, "乡镇政协联络组", sampleTownships()); err != nil {
		t.Fatal(err)
	}
	im, err := xlsx.ParseTownships(context.Background(), &buf)
	if err != nil {
		t.Fatal(err)
	}
	want := sampleTownships()
	if len(im.Townships) != 2 {
		t.Fatalf("read %d", len(im.Townships))
	}
	for i, tw := range im.Townships {
		w := want[i]
		if tw.Name != w.Name || tw.Seq != w.Seq || tw.Since != w.Since || tw.Note != w.Note || len(tw.Posts) != len(w.Posts) || len(tw.Invitations) != len(w.Invitations) {
			t.Fatalf("township %d: %+v", i, tw)
		}
		for j := range tw.Posts {
			if tw.Posts[j] != w.Posts[j] {
				t.Errorf("%s post %d: %+v, want %+v", tw.Name, j, tw.Posts[j], w.Posts[j])
			}
		}
		for j := range tw.Invitations {
			if tw.Invitations[j] != w.Invitations[j] {
				t.Errorf("%s invitation %d: %+v, want %+v", tw.Name, j, tw.Invitations[j], w.Invitations[j])
			}
		}
	}
}

func TestParseTerm(t *testing.T) {
	d := zhenggai.NewDate
	for s, want := range map[string][2]zhenggai.Date{
		"2016年5月—2018年3月":       {d(2016, 5, 1), d(2018, 3, 1)},
		"2016.05-2018.03":       {d(2016, 5, 1), d(2018, 3, 1)},
		"2016-05-01至2018-03-15": {d(2016, 5, 1), d(2018, 3, 15)},
		"2016-05-01-2018-03-15": {d(2016, 5, 1), d(2018, 3, 15)},
		"2016年5月至今":             {d(2016, 5, 1), {}},
		"2016年5月1日":             {d(2016, 5, 1), {}},
		"":                      {{}, {}},
	} {
		f, to, ok := xlsx.ParseTerm(s)
		if !ok || f != want[0] || to != want[1] {
			t.Errorf("ParseTerm(%q) = %v, %v, %v; want %v", s, f, to, ok, want)
		}
	}
	for _, s := range []string{"去年", "2016年13月至今", "2016.05-明年"} {
		if _, _, ok := xlsx.ParseTerm(s); ok {
			t.Errorf("ParseTerm(%q) accepted", s)
		}
	}
}

// TestTownshipsOfficeForm: the list offices keep, one row a township,
// 空缺 for no leader; an invitation of a township not listed is named.
func TestTownshipsOfficeForm(t *testing.T) {
	file := namedSheets(t, []string{"联络组", "受邀活动"}, [][]any{
		{"序号", "乡镇名称", "联络组组长", "任职时间", "联络组成员"},
		{1, "澧源镇", "王明", "2016.05—至今", "张三、李四"},
		{2, "太平镇", "空缺", "", "赵五"},
	}, [][]any{
		{"乡镇", "活动类别", "活动名称", "活动时间", "参加人"},
		{"澧源镇", "视察", "交通视察", "2020-06-01", ""},
		{"桃源乡", "调研", "茶叶调研", "2020-07-01", ""},
	})
	im, err := xlsx.ParseTownships(context.Background(), bytes.NewReader(file))
	if err == nil || !strings.Contains(err.Error(), "“桃源乡”不在“联络组”表中") {
		t.Fatalf("unknown township: %v", err)
	}
	file = namedSheets(t, []string{"联络组"}, [][]any{
		{"序号", "乡镇名称", "联络组组长", "任职时间", "联络组成员"},
		{1, "澧源镇", "王明", "2016.05—至今", "张三、李四"},
		{2, "太平镇", "空缺", "", "赵五"},
	})
	im, err = xlsx.ParseTownships(context.Background(), bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	if len(im.Townships) != 2 || len(im.Townships[0].Posts) != 3 || im.Townships[0].Posts[0].From != zhenggai.NewDate(2016, 5, 1) ||
		len(im.Townships[1].Posts) != 1 || im.Townships[1].Posts[0].Role != zhenggai.LiaisonMember {
		t.Fatalf("read %+v %+v", im.Townships[0], im.Townships[1])
	}
}

func FuzzParseTownships(f *testing.F) {
	var buf bytes.Buffer
	if err := xlsx.WriteTownships(&buf, "联络组", sampleTownships()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("序号\t乡镇\t联络组长\t任职起止\t成员\n1\t澧源镇\t王明\t2016.05-2018.03\t张三（2016年5月起）、李四\n2\t太平镇\t空缺\t\t\n" +
		"---\n乡镇\t类别\t活动名称\t日期\t受邀人\t是否参加\n澧源镇\t视察\t甲\t43000\t王明\t是"))
	f.Add(testkit.MergeBomb(f, 5, 40, "A3:XFD1048576"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if !bytes.HasPrefix(b, []byte("PK")) {
			a, c, _ := strings.Cut(string(b), "\n---\n")
			b = namedSheets(t, []string{xlsx.TownshipSheet, xlsx.InvitationSheet}, tsvRows(a), tsvRows(c))
		}
		im, err := xlsx.ParseTownships(context.Background(), bytes.NewReader(b))
		if zhenggai.ErrorCode(err) == zhenggai.EINTERNAL {
			t.Fatalf("internal error: %v", err)
		}
		if err != nil {
			if im != nil {
				t.Fatal("rejected, yet something returned")
			}
			return
		}
		for _, tw := range im.Townships {
			if tw.Name == "" {
				t.Fatalf("accepted a township without a name: %+v", tw)
			}
			for _, p := range tw.Posts {
				if p.Name == "" || !p.Role.Valid() {
					t.Fatalf("accepted post %+v", p)
				}
			}
			for _, in := range tw.Invitations {
				if in.Title == "" || in.On.IsZero() || !in.Kind.Valid() {
					t.Fatalf("accepted invitation %+v", in)
				}
			}
		}
	})
}
