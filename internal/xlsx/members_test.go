package xlsx_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/xlsx"
)

func sampleMemberRecords() []*store.MemberRecord {
	return []*store.MemberRecord{
		{Member: &zhenggai.CPPCCMember{Name: "王明", Term: "第九届", Sector: "中共", Committee: "经济委", Standing: true,
			Status: zhenggai.MemberActive, JoinedOn: zhenggai.NewDate(2017, 1, 5), Township: "澧源镇", Phone: "13800000000"},
			Year: 2020, Counts: zhenggai.MemberYears{2020: {"plenary_present": 1, "proposal": 2}}},
		{Member: &zhenggai.CPPCCMember{Name: "李华", Term: "第九届", Sector: "教育界", Status: zhenggai.MemberLeft,
			JoinedOn: zhenggai.NewDate(2017, 1, 5), LeftOn: zhenggai.NewDate(2019, 6, 1)},
			Year: 2020, Counts: zhenggai.MemberYears{}, Flags: []zhenggai.MemberFlag{{Code: "absences", Text: "本届无故缺席全体会议2次"}}},
	}
}

// TestMembersRoundTrip: the export reads back as the members it wrote,
// the counts' columns passed over.
func TestMembersRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	recs := sampleMemberRecords()
	if err := xlsx.WriteMembers(&buf, "委员名单", recs); err != nil {
		t.Fatal(err)
	}
	im, err := xlsx.ParseMembers(context.Background(), &buf, "委员名单.xlsx", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(im.Members) != 2 {
		t.Fatalf("%d members", len(im.Members))
	}
	for i, m := range im.Members {
		want := *recs[i].Member
		want.Phone = "" // read apart, for the person entered with him
		if *m != want {
			t.Errorf("row %d: %+v\nwant %+v", i, *m, want)
		}
	}
	if im.Phones[0] != "13800000000" || im.Where[1] != "第4行：" {
		t.Fatalf("phones %v where %v", im.Phones, im.Where)
	}
}

// TestParseMembersVariants: headers as offices write them, a term given
// to rows without one, a date of leaving making a member left; bad rows
// named, nothing returned.
func TestParseMembersVariants(t *testing.T) {
	csv := "第九届政协委员名单\n编号,委员姓名,性别,所属界别,专委会,是否常委,任职时间,退出时间,手机\n" +
		"1,王明,男,中共,经济委,是,2017-01-05,,139\n2,李华,女,教育界,,否,2017年1月5日,2019-06-01,\n"
	im, err := xlsx.ParseMembers(context.Background(), strings.NewReader(csv), "名单.csv", "第九届")
	if err != nil {
		t.Fatal(err)
	}
	if len(im.Members) != 2 || im.Members[0].Term != "第九届" || !im.Members[0].Standing || im.Members[0].Committee != "经济委" ||
		im.Members[1].Status != zhenggai.MemberLeft || im.Phones[0] != "139" ||
		im.Members[0].Sector != "中共" || im.Members[1].Sector != "教育界" {
		t.Fatalf("%+v %+v", im.Members[0], im.Members[1])
	}
	bad := "姓名,届次,界别,常委,状态,任职日期\n王明,第九届,中共,也许,在任,2017-01-05\n,第九届,中共,,,\n李华,第九届,中共,,退休,2017-13-40\n"
	_, err = xlsx.ParseMembers(context.Background(), strings.NewReader(bad), "名单.csv", "")
	msg := zhenggai.ErrorMessage(err)
	for _, want := range []string{"第2行“常委”", "第3行“姓名”", "第4行“状态”", "第4行“任职日期”"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
}

func TestActivitiesRoundTrip(t *testing.T) {
	acts := []*zhenggai.MemberActivity{
		{MemberID: 1, Kind: zhenggai.ActivityResearch, Title: "乡村振兴专题调研", On: zhenggai.NewDate(2020, 5, 6), Note: "撰写报告"},
		{MemberID: 2, Kind: zhenggai.ActivityContact, Title: "走访界别群众", On: zhenggai.NewDate(2020, 6, 1)},
	}
	var buf bytes.Buffer
	if err := xlsx.WriteActivities(&buf, "履职活动", acts, map[int64]string{1: "王明", 2: "李华"}); err != nil {
		t.Fatal(err)
	}
	rows, err := xlsx.ParseActivities(context.Background(), &buf, "履职活动.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Name != "王明" || rows[0].Activity.Kind != zhenggai.ActivityResearch || rows[0].Activity.Note != "撰写报告" ||
		rows[1].Activity.On != zhenggai.NewDate(2020, 6, 1) || rows[1].Where != "第4行：" {
		t.Fatalf("%+v", rows)
	}
	_, err = xlsx.ParseActivities(context.Background(), strings.NewReader("姓名,活动类别,活动名称,日期\n王明,开会,调研,2020-01-01\n"), "a.csv")
	if !strings.Contains(zhenggai.ErrorMessage(err), "第2行“活动类别”") {
		t.Fatalf("bad kind: %v", err)
	}
}

// FuzzParseMembers: no input makes the members or activities reader panic
// or fail internally; what it accepts is a member with a name and a term
// (an activity with a name, a kind, a title and a date).
func FuzzParseMembers(f *testing.F) {
	var buf bytes.Buffer
	if err := xlsx.WriteMembers(&buf, "委员名单", sampleMemberRecords()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("姓名,届次,界别,常委,状态,任职日期,退出日期\n王明,第九届,中共,是,在任,2017-01-05,\n李华,,,,退出,43000,2019/6/1\n"))
	f.Add([]byte("姓名,活动类别,活动名称,日期,备注\n王明,调研,乡村振兴,2020-05-06,\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		im, err := xlsx.ParseMembers(context.Background(), bytes.NewReader(b), "f.csv", "第九届")
		if zhenggai.ErrorCode(err) == zhenggai.EINTERNAL {
			t.Fatalf("internal error: %v", err)
		}
		if err == nil {
			for _, m := range im.Members {
				if m.Name == "" || m.Term == "" || !m.Status.Valid() {
					t.Fatalf("accepted %+v", m)
				}
			}
		}
		rows, err := xlsx.ParseActivities(context.Background(), bytes.NewReader(b), "f.csv")
		if zhenggai.ErrorCode(err) == zhenggai.EINTERNAL {
			t.Fatalf("internal error: %v", err)
		}
		for _, r := range rows {
			if r.Name == "" || !r.Activity.Kind.Valid() || r.Activity.Title == "" || r.Activity.On.IsZero() {
				t.Fatalf("accepted %+v", r)
			}
		}
	})
}
