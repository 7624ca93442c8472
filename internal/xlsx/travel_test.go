package xlsx_test

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
	"zhenggai/internal/xlsx"
)

func sampleTravel() []*zhenggai.TravelPerson {
	d := zhenggai.NewDate
	return []*zhenggai.TravelPerson{
		{Name: "向建国", Rank: "党组书记、主席", ScopeFrom: d(2015, 1, 5), RegisteredOn: d(2015, 1, 10), Note: "县处级",
			Documents: []zhenggai.TravelDocument{{Kind: zhenggai.DocPassport, Number: "E12345678", IssuedOn: d(2014, 6, 1), HandedIn: d(2015, 1, 12)}},
			Trips: []zhenggai.TravelTrip{{Seq: 1, Destination: "泰国", From: d(2019, 5, 1), To: d(2019, 5, 7), Reason: "休假旅游", ApprovedBy: "县委组织部",
				ApprovedOn: d(2019, 4, 20), Document: zhenggai.DocPassport}},
			Moves: []zhenggai.TravelMove{{Document: zhenggai.DocPassport, Trip: 1, Out: d(2019, 4, 29), Back: d(2019, 5, 9)}}},
		{Name: "覃丽", Rank: "办公室主任", ScopeFrom: d(2016, 1, 1), RegisteredOn: d(2020, 8, 20), ByHand: true,
			Documents: []zhenggai.TravelDocument{{Kind: zhenggai.DocPassport, Number: "E87654321", IssuedOn: d(2017, 3, 1), HandedIn: d(2020, 8, 25)},
				{Kind: zhenggai.DocHKMacao, Number: "C1234567", IssuedOn: d(2018, 3, 1), HandedIn: d(2020, 8, 25)}},
			Moves: []zhenggai.TravelMove{{Document: zhenggai.DocHKMacao, Out: d(2020, 9, 1)}}},
		{Name: "陈伟", Rank: "干部", ScopeFrom: d(2016, 1, 1)},
	}
}

// TestTravelRoundTrip: the ledger written is the ledger read (two
// documents of one person in two rows, a move without a trip, a person
// without documents); headers in their variants are read.
func TestTravelRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	want := sampleTravel()
	if err := xlsx.WriteTravel(&buf, "因私出国(境)登记备案人员管理台账", want); err != nil {
		t.Fatal(err)
	}
	im, err := xlsx.ParseTravel(context.Background(), bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(im.Persons, want) {
		for i := range want {
			t.Errorf("read  %+v\nwrote %+v", im.Persons[i], want[i])
		}
	}
	if len(im.Where) != 3 || !strings.Contains(im.Where[1], "登记备案人员第") {
		t.Errorf("where %v", im.Where)
	}
	// Variant headers, a month for a date, merged names on the second row.
	b := namedSheets(t, []string{"台账", xlsx.MoveSheet},
		[][]any{{"编号", "人员姓名", "职务", "纳入时间", "证件名称", "证件号", "发证日期", "上交日期"},
			{1, "王明", "干部", "2016-01-01", "因私护照", "E1", "2017.3.1", "2020年8月25日"},
			{"", "", "", "", "港澳通行证", "C1", "2018-03-01", ""}},
		[][]any{{"序号", "领取人", "使用证件", "目的地", "出境日期", "入境日期", "领取时间", "归还日期"},
			{1, "王明", "护照", "日本", "2019-05-01", "2019-05-07", "2019-04-28", "2019-05-10"}})
	im, err = xlsx.ParseTravel(context.Background(), bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	p := im.Persons[0]
	if len(im.Persons) != 1 || len(p.Documents) != 2 || p.Documents[1].Kind != zhenggai.DocHKMacao || p.Documents[0].HandedIn != zhenggai.NewDate(2020, 8, 25) ||
		len(p.Trips) != 1 || p.Trips[0].Destination != "日本" || p.Moves[0].Trip != 1 {
		t.Fatalf("read %+v", p)
	}
	// A bad kind and an unknown person: named, nothing returned.
	b = namedSheets(t, []string{xlsx.TravelSheet, xlsx.MoveSheet},
		[][]any{{"序号", "姓名", "纳入管理日期", "证件类别", "证件号码", "签发日期"}, {1, "王明", "2016-01-01", "驾驶证", "1", "2017-01-01"}},
		[][]any{{"序号", "姓名", "证件类别", "领取日期"}, {1, "李华", "护照", "2019-01-01"}})
	im, err = xlsx.ParseTravel(context.Background(), bytes.NewReader(b))
	if err == nil || im != nil || !strings.Contains(err.Error(), "驾驶证") || !strings.Contains(err.Error(), "李华") {
		t.Fatalf("bad rows: %v", err)
	}
}

func FuzzParseTravel(f *testing.F) {
	var buf bytes.Buffer
	if err := xlsx.WriteTravel(&buf, "台账", sampleTravel()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("序号\t姓名\t纳入管理日期\t证件类别\t证件号码\t签发日期\t交存日期\n1\t王明\t2016-01-01\t护照\tE1\t43000\t\n\t\t\t港澳\tC1\t2018.3.1\t2020年8月25日"))
	f.Add(testkit.MergeBomb(f, 5, 40, "A3:XFD1048576"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if !bytes.HasPrefix(b, []byte("PK")) {
			b = namedSheets(t, []string{xlsx.TravelSheet}, tsvRows(string(b)))
		}
		im, err := xlsx.ParseTravel(context.Background(), bytes.NewReader(b))
		if zhenggai.ErrorCode(err) == zhenggai.EINTERNAL {
			t.Fatalf("internal error: %v", err)
		}
		if err != nil {
			if im != nil {
				t.Fatal("rejected, yet something returned")
			}
			return
		}
		for _, p := range im.Persons {
			if p.Name == "" || p.ScopeFrom.IsZero() {
				t.Fatalf("accepted %+v", p)
			}
			for _, d := range p.Documents {
				if !d.Kind.Valid() {
					t.Fatalf("accepted %+v", d)
				}
			}
		}
	})
}

func sampleRetired() []*zhenggai.RetiredPost {
	d := zhenggai.NewDate
	return []*zhenggai.RetiredPost{
		{Name: "符光明", Born: d(1958, 11, 1), FormerRank: "县政协副主席", RetiredOn: d(2018, 10, 31), Org: "县城市建设投资开发有限公司", Post: "顾问",
			Kind: zhenggai.RetiredRehired, FiledOn: d(2020, 9, 15), FilingNo: "组干备〔2020〕27号", From: d(2019, 4, 1), To: d(2020, 9, 10), Term: 1,
			Pay: 3_600_000, Note: "已解除聘用协议"},
		{Name: "李春生", Born: d(1954, 8, 1), FormerRank: "县政协秘书长", Org: "县老年大学", Post: "副校长", Kind: zhenggai.RetiredPartTime,
			ApprovedBy: "县委组织部", ApprovedOn: d(2017, 2, 10), FiledOn: d(2017, 2, 20), FilingNo: "组干备〔2017〕5号", From: d(2017, 3, 1), Term: 2},
	}
}

// TestRetiredRoundTrip: the posts written are the posts read; 出生年月 as
// offices write it; a bad kind is named and nothing returned.
func TestRetiredRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	want := sampleRetired()
	if err := xlsx.WriteRetiredPosts(&buf, "退休干部兼职(返聘)情况", want); err != nil {
		t.Fatal(err)
	}
	im, err := xlsx.ParseRetiredPosts(context.Background(), bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(im.Posts, want) {
		for i := range want {
			t.Errorf("read  %+v\nwrote %+v", im.Posts[i], want[i])
		}
	}
	b := namedSheets(t, []string{"Sheet1"}, [][]any{{"序号", "姓名", "出生日期", "聘任单位", "职务", "兼职或返聘", "任职时间", "报酬（万元）", "届数"},
		{1, "王明", "1955年3月", "县城投公司", "顾问", "返聘", "2019-04-01", 3.6, "3届"}})
	im, err = xlsx.ParseRetiredPosts(context.Background(), bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	p := im.Posts[0]
	if p.Born != zhenggai.NewDate(1955, 3, 1) || p.Kind != zhenggai.RetiredRehired || p.Pay != 3_600_000 || p.Term != 3 {
		t.Fatalf("read %+v", p)
	}
	b = namedSheets(t, []string{"Sheet1"}, [][]any{{"序号", "姓名", "出生年月", "兼职单位", "职务", "类别", "任职起始日期"},
		{1, "王明", "1955年3月", "县城投公司", "顾问", "挂职", "2019-04-01"}})
	if im, err = xlsx.ParseRetiredPosts(context.Background(), bytes.NewReader(b)); err == nil || im != nil || !strings.Contains(err.Error(), "挂职") {
		t.Fatalf("bad kind: %v", err)
	}
}

func FuzzParseRetiredPosts(f *testing.F) {
	var buf bytes.Buffer
	if err := xlsx.WriteRetiredPosts(&buf, "退休干部", sampleRetired()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("序号\t姓名\t出生年月\t兼职单位\t职务\t类别\t任职起始日期\t年报酬\n1\t王明\t1955.03\t县老年大学\t副校长\t兼职\t43000\t0"))
	f.Add(testkit.MergeBomb(f, 5, 40, "A3:XFD1048576"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if !bytes.HasPrefix(b, []byte("PK")) {
			b = namedSheets(t, []string{xlsx.RetiredSheet}, tsvRows(string(b)))
		}
		im, err := xlsx.ParseRetiredPosts(context.Background(), bytes.NewReader(b))
		if zhenggai.ErrorCode(err) == zhenggai.EINTERNAL {
			t.Fatalf("internal error: %v", err)
		}
		if err != nil {
			if im != nil {
				t.Fatal("rejected, yet something returned")
			}
			return
		}
		for _, p := range im.Posts {
			if p.Name == "" || p.Org == "" || p.Born.IsZero() || p.From.IsZero() || !p.Kind.Valid() || p.Pay < 0 {
				t.Fatalf("accepted %+v", p)
			}
		}
	})
}
