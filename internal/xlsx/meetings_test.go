package xlsx_test

import (
	"bytes"
	"context"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhenggai"
	"zhenggai/internal/testkit"
	"zhenggai/internal/xlsx"
)

// twoSheets builds a workbook of the sheets 会议 and 议题及表态.
func twoSheets(t testing.TB, meetings, statements [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", xlsx.MeetingSheet)
	if statements != nil {
		f.NewSheet(xlsx.StatementSheet)
	}
	put := func(name string, rows [][]any) {
		for i, r := range rows {
			if err := f.SetSheetRow(name, "A"+strconv.Itoa(i+1), &r); err != nil {
				t.Fatal(err)
			}
		}
	}
	put(xlsx.MeetingSheet, meetings)
	if statements != nil {
		put(xlsx.StatementSheet, statements)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func sampleMeetings() []*zhenggai.Meeting {
	return []*zhenggai.Meeting{
		{Type: "党组会议", Book: "党组会议", Number: 5, Date: zhenggai.NewDate(2019, 6, 3), Place: "三楼会议室", ChairName: "王明", Recorder: "覃丽",
			Attendance: []zhenggai.Attendance{{Name: "王明", Presence: zhenggai.Present}, {Name: "李华", Presence: zhenggai.Present},
				{Name: "赵强", Presence: zhenggai.OnLeave, Note: "出差"}, {Name: "钱七", Presence: zhenggai.WrittenView, Note: "同意"},
				{Name: "孙八", Presence: zhenggai.AbsentNoLeave}},
			NonMembers: "办公室主任",
			Items: []zhenggai.AgendaItem{
				{Seq: 1, Title: "购置公务用车", Kind: zhenggai.ItemLargeFund, Amount: 2516050, Decision: "同意购置",
					Statements: []zhenggai.Statement{{Seq: 1, Name: "李华", Position: zhenggai.PosAgree, Summary: "车辆老旧"},
						{Seq: 2, Name: "王明", Position: zhenggai.PosView, Summary: "按程序采购"}}},
				{Seq: 2, Title: "学习文件", Kind: zhenggai.ItemOrdinary},
			}},
		{Type: "中心组学习", Book: "党组会议", Number: 1, Date: zhenggai.NewDate(2019, 6, 3),
			Attendance: []zhenggai.Attendance{{Name: "王明", Presence: zhenggai.Present}}},
	}
}

// TestMeetingsRoundTrip: what WriteMeetings writes, ParseMeetings reads
// back the same.
func TestMeetingsRoundTrip(t *testing.T) {
	ms := sampleMeetings()
	var buf bytes.Buffer
	if err := xlsx.WriteMeetings(&buf, "会议记录", ms); err != nil {
		t.Fatal(err)
	}
	im, err := xlsx.ParseMeetings(context.Background(), &buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(im.Meetings) != 2 || im.Where[1] != "会议第4行：" {
		t.Fatalf("read %d meetings, where %v", len(im.Meetings), im.Where)
	}
	ms[1].Book = "党组会议"
	got := im.Meetings
	got[0].Book = "党组会议" // written blank when it is the type's own
	for i := range ms {
		if !reflect.DeepEqual(got[i], ms[i]) {
			t.Errorf("meeting %d:\n got %+v\nwant %+v", i, got[i], ms[i])
		}
	}
}

// TestMeetingsParse: headers by their other names, a join by date and
// type, names split as clerks type them, and every bad cell named.
func TestMeetingsParse(t *testing.T) {
	good := twoSheets(t,
		[][]any{{"2019年会议记录"}, {"会议名称", "会议日期", "第N次", "应到", "实到人员", "请假人员", "缺席"},
			{"党组会议", "2019年3月4日", "第3次", "王明 李华 赵  强", "王明，李华", "赵  强(出差)", ""}},
		[][]any{{"会议日期", "会议类型", "议题名称", "议题类别", "金额（万元）", "表态人", "表态意见", "发言内容", "会议决定"},
			{"2019-03-04", "党组会议", "维修办公楼", "大额资金使用", 1.5, "李华", "同意", "", "同意维修"},
			{nil, nil, nil, nil, nil, "王明", "原则同意", "末位表态", nil}})
	im, err := xlsx.ParseMeetings(context.Background(), bytes.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	m := im.Meetings[0]
	if m.Number != 3 || len(m.Attendance) != 3 || m.Attendance[2].Name != "赵强" || m.Attendance[2].Presence != zhenggai.OnLeave ||
		m.Attendance[2].Note != "出差" || len(m.Items) != 1 || m.Items[0].Amount != 1500000 || m.Items[0].Kind != zhenggai.ItemLargeFund ||
		len(m.Items[0].Statements) != 2 || m.Items[0].Statements[1].Position != zhenggai.PosAgree || m.Items[0].Decision != "同意维修" {
		t.Fatalf("read %+v", m)
	}

	tests := []struct {
		name                 string
		meetings, statements [][]any
		want                 string
	}{
		{"no date", [][]any{{"序号", "会议类型", "日期"}, {1, "党组会议", ""}}, nil, "会议第2行“日期”：会议日期不能为空"},
		{"bad date", [][]any{{"序号", "会议类型", "日期"}, {1, "党组会议", "三月"}}, nil, "会议第2行“日期”"},
		{"bad number", [][]any{{"序号", "会议类型", "日期", "第几次"}, {1, "党组会议", "2019-3-4", "上次"}}, nil, "会议第2行“第几次”"},
		{"twice", [][]any{{"序号", "会议类型", "日期", "出席人员", "缺席人员"}, {1, "党组会议", "2019-3-4", "王明", "王明"}}, nil,
			"“缺席人员”：“王明”已写在“出席人员”中"},
		{"not expected", [][]any{{"序号", "会议类型", "日期", "应到人员", "出席人员"}, {1, "党组会议", "2019-3-4", "王明", "王明、李华"}}, nil,
			"“出席人员”：“李华”不在应到人员中"},
		{"unaccounted", [][]any{{"序号", "会议类型", "日期", "应到人员", "出席人员"}, {1, "党组会议", "2019-3-4", "王明、李华", "王明"}}, nil,
			"“应到人员”：“李华”未写在出席、请假或缺席人员中"},
		{"dup seq", [][]any{{"序号", "会议类型", "日期"}, {1, "党组会议", "2019-3-4"}, {1, "党组会议", "2019-3-5"}}, nil, "序号1与会议第2行重复"},
		{"no meeting", [][]any{{"序号", "会议类型", "日期"}, {1, "党组会议", "2019-3-4"}},
			[][]any{{"会议序号", "议题", "发言人", "表态"}, {2, "甲", "王明", "同意"}}, "议题及表态第2行“会议序号”：“会议”表中没有序号为2的会议"},
		{"bad position", [][]any{{"序号", "会议类型", "日期"}, {1, "党组会议", "2019-3-4"}},
			[][]any{{"会议序号", "议题", "发言人", "表态"}, {1, "甲", "王明", "也许"}}, "议题及表态第2行“表态”：“也许”须为同意"},
		{"bad kind", [][]any{{"序号", "会议类型", "日期"}, {1, "党组会议", "2019-3-4"}},
			[][]any{{"会议序号", "议题", "类别", "发言人", "表态"}, {1, "甲", "小额", "王明", "同意"}}, "议题及表态第2行“类别”"},
		{"order gap", [][]any{{"序号", "会议类型", "日期"}, {1, "党组会议", "2019-3-4"}},
			[][]any{{"会议序号", "议题", "发言顺序", "发言人", "表态"}, {1, "甲", 1, "王明", "同意"}, {1, "", 3, "李华", "同意"}},
			"议题及表态第3行“发言顺序”"},
		{"ambiguous join", [][]any{{"序号", "会议类型", "日期"}, {1, "党组会议", "2019-3-4"}, {2, "党组会议", "2019-3-4"}},
			[][]any{{"日期", "会议类型", "议题", "发言人", "表态"}, {"2019-3-4", "党组会议", "甲", "王明", "同意"}}, "有2次党组会议，请用会议序号"},
		{"speaker missing", [][]any{{"序号", "会议类型", "日期"}, {1, "党组会议", "2019-3-4"}},
			[][]any{{"会议序号", "议题", "发言人", "表态"}, {1, "甲", "", "同意"}}, "未写发言人"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			im, err := xlsx.ParseMeetings(context.Background(), bytes.NewReader(twoSheets(t, tt.meetings, tt.statements)))
			if err == nil || im != nil {
				t.Fatalf("accepted: %+v", im)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want %q", err, tt.want)
			}
		})
	}
	if _, err := xlsx.ParseMeetings(context.Background(), bytes.NewReader(book(t, []any{"序号"}))); err == nil || !strings.Contains(err.Error(), "没有名为“会议”的工作表") {
		t.Errorf("no sheet: %v", err)
	}
}

// FuzzParseMeetings: no input makes ParseMeetings panic or fail
// internally, and what it accepts holds meetings with a type and a date.
// Text input is made into the two sheets: the part before a line "---"
// is 会议, after it 议题及表态, tab-separated.
func FuzzParseMeetings(f *testing.F) {
	var buf bytes.Buffer
	if err := xlsx.WriteMeetings(&buf, "会议记录", sampleMeetings()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("序号\t会议类型\t日期\t应到人员\t出席人员\t请假人员（事由）\n1\t党组会议\t2019-3-4\t王明、李华\t王明\t李华（书面意见：同意）\n" +
		"---\n会议序号\t议题序号\t议题\t类别\t金额（元）\t发言顺序\t发言人\t表态\n1\t1\t甲\t大额资金\t10000\t1\t王明\t同意\n1\t\t\t\t\t2\t李华\t意见"))
	f.Add([]byte("会议类型\t日期\n党组会议\t43000\n---\n日期\t会议类型\t议题\n43000\t党组会议\t乙\n\t\t\n\t\t丙"))
	f.Add(testkit.MergeBomb(f, 5, 40, "A3:XFD1048576"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if !bytes.HasPrefix(b, []byte("PK")) {
			a, c, _ := strings.Cut(string(b), "\n---\n")
			b = twoSheets(t, tsvRows(a), tsvRows(c))
		}
		im, err := xlsx.ParseMeetings(context.Background(), bytes.NewReader(b))
		if zhenggai.ErrorCode(err) == zhenggai.EINTERNAL {
			t.Fatalf("internal error: %v", err)
		}
		if err != nil {
			if im != nil {
				t.Fatal("rejected, yet something returned")
			}
			return
		}
		for _, m := range im.Meetings {
			if m.Type == "" || m.Date.IsZero() {
				t.Fatalf("accepted a meeting without type or date: %+v", m)
			}
			for _, it := range m.Items {
				if it.Title == "" || !it.Kind.Valid() || it.Amount < 0 {
					t.Fatalf("accepted item %+v", it)
				}
				for k, st := range it.Statements {
					if st.Name == "" || !st.Position.Valid() || st.Seq != 0 && st.Seq != k+1 {
						t.Fatalf("accepted statement %+v", st)
					}
				}
			}
		}
	})
}

func tsvRows(s string) [][]any {
	var out [][]any
	for i, line := range strings.SplitN(s, "\n", 40) {
		if i >= 30 {
			break
		}
		var row []any
		for _, c := range strings.SplitN(line, "\t", 16) {
			if n, err := strconv.ParseFloat(c, 64); err == nil {
				row = append(row, n)
			} else {
				row = append(row, c)
			}
		}
		out = append(out, row)
	}
	return out
}
