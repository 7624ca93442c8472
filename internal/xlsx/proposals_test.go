package xlsx_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/xlsx"
)

func parseProposals(t *testing.T, b []byte) (*xlsx.ProposalsImport, error) {
	t.Helper()
	return xlsx.ParseProposals(context.Background(), bytes.NewReader(b), "提案.xlsx")
}

// A list as an office keeps it: a title row, headers in their usual
// variants, dates as typed, every stage of the cycle.
func TestParseProposalsOfficeList(t *testing.T) {
	b := book(t,
		[]any{"政协某县第九届委员会第四次会议提案办理情况汇总表"},
		[]any{"序号", "案号", "会次", "年份", "提案标题", "第一提案人", "附议人", "界别", "提案者类型", "提交时间", "立案情况",
			"不立案理由", "主办单位", "协办单位", "交办时间", "办复日期", "办复类别", "征询意见", "办结时间", "是否重点提案", "备注"},
		[]any{1, "第１号", "九届四次会议", 2020, "关于加强农村饮水安全的建议", "王明", "李华、张 伟，赵强", "农业界", "委员", "2020.1.8",
			"立案", "", "县水利局", "县财政局、县卫健委", "2020年2月10日", "2020-04-30", "A类", "满意", "2020年6月1日", "是", "已落实"},
		[]any{2, 2, "9届4次", "", "关于发展乡村旅游的建议", "李华", "", "", "", 43840, "并案（并入第1号）"},
		[]any{3, "3", "九届四次", 2020, "关于某事的建议", "民革县委会", "", "", "民主党派", "2020-01-08", "转社情民意"},
		[]any{4, "4", "九届四次", 2020, "关于个案的建议", "王明", "", "", "", "2020-01-08", "不予立案", "属个人诉求"},
		[]any{5, "5", "九届四次", 2020, "关于教育的建议", "王明", "", "", "", "2020-01-08", "", "", "县教育局", "", "2020-02-10", "2020-03-01", "乙", "基本满意"},
		[]any{6, "6", "九届四次", 2020, "关于交通的建议", "王明", "", "", "", "2020-01-08", "", "", "县交通局", "", "2020-02-10", "2020-03-01", "C", "不满意"},
		[]any{7, "7", "九届四次", 2020, "关于卫生的建议", "王明", "", "", "", "2020-01-08", "", "", "县卫健委", "", "2020-02-10"},
		[]any{8, "8", "九届四次", 2020, "关于文化的建议", "王明", "", "", "", "2020-01-08", "", "", "县文旅局", "", "2020-02-10", "2020-03-01"},
	)
	im, err := parseProposals(t, b)
	if err != nil {
		t.Fatal(err)
	}
	if len(im.Rows) != 8 {
		t.Fatalf("%d rows", len(im.Rows))
	}
	p := im.Rows[0].P
	if p.Session != "九届四次" || p.Year != 2020 || p.Number != "1" || p.Timing != zhenggai.TimingSession {
		t.Errorf("which: %q %d %q %q", p.Session, p.Year, p.Number, p.Timing)
	}
	var names []string
	for _, s := range p.Signers {
		names = append(names, s.Name)
	}
	if strings.Join(names, "|") != "王明|李华|张伟|赵强" {
		t.Errorf("signers %q", names)
	}
	if p.SubmittedOn != zhenggai.NewDate(2020, 1, 8) || p.AssignedOn != zhenggai.NewDate(2020, 2, 10) || p.DueOn != zhenggai.NewDate(2020, 5, 10) {
		t.Errorf("dates %v %v %v", p.SubmittedOn, p.AssignedOn, p.DueOn)
	}
	if len(p.Handlers) != 3 || p.Handlers[0].Handler != "县水利局" || p.Handlers[0].Role != zhenggai.HandlerLead || p.Handlers[2].Role != zhenggai.HandlerCo {
		t.Errorf("handlers %+v", p.Handlers)
	}
	if p.Status != zhenggai.PropDone || p.Class != zhenggai.ReplyClassA || !p.Key || im.Rows[0].Note != "已落实" {
		t.Errorf("status %s class %s key %v note %q", p.Status, p.Class, p.Key, im.Rows[0].Note)
	}
	if len(p.Replies) != 1 || !p.Replies[0].Approved || len(p.Feedback) != 1 || p.Feedback[0].Name != "王明" || p.Feedback[0].Result != zhenggai.FeedbackSatisfied {
		t.Errorf("reply %+v feedback %+v", p.Replies, p.Feedback)
	}
	want := []struct {
		status zhenggai.ProposalStatus
		class  zhenggai.ReplyClass
	}{
		{zhenggai.PropDone, "A"}, {zhenggai.PropMerged, ""}, {zhenggai.PropConverted, ""}, {zhenggai.PropRejected, ""},
		{zhenggai.PropFollowUp, "B"}, {zhenggai.PropRedo, "C"}, {zhenggai.PropAssigned, ""}, {zhenggai.PropAnswered, ""},
	}
	for i, w := range want {
		if got := im.Rows[i].P; got.Status != w.status || got.Class != w.class {
			t.Errorf("row %d: %s %s, want %s %s", i+1, got.Status, got.Class, w.status, w.class)
		}
	}
	if r := im.Rows[1]; r.MergedNumber != "1" || r.P.Session != "九届四次" || r.P.Year != 2020 {
		t.Errorf("merged row: %+v %q %d", r.MergedNumber, r.P.Session, r.P.Year)
	}
	if p := im.Rows[2].P; p.Source != zhenggai.SourceParty || p.Submitter != "民革县委会" || len(p.Signers) != 0 || p.ConvertedTo != "社情民意" {
		t.Errorf("party's: %+v", p)
	}
	if p := im.Rows[3].P; p.Ground != "属个人诉求" {
		t.Errorf("ground %q", p.Ground)
	}
}

// Every bad row is named, in Chinese, and nothing is returned.
func TestParseProposalsBadRows(t *testing.T) {
	head := []any{"序号", "提案号", "届次", "年度", "案由", "提案人", "审查结果", "承办单位", "交办日期", "答复日期", "答复类别", "满意度", "办结日期", "重点提案"}
	tests := []struct {
		row  []any
		want string
	}{
		{[]any{1, "", "九届四次", 2020, "题", "王明"}, "提案号不能为空"},
		{[]any{1, "1", "九届四次", "", "题", "王明"}, "年度不能为空"},
		{[]any{1, "1", "九届四次", "二〇二〇", "题", "王明"}, "须为年份"},
		{[]any{1, "1", "九届四次", 2020, "", "王明"}, "案由不能为空"},
		{[]any{1, "1", "九届四次", 2020, "题", ""}, "提案人不能为空"},
		{[]any{1, "1", "九届四次", 2020, "题", "王明", "待定"}, "须为立案、不予立案"},
		{[]any{1, "1", "九届四次", 2020, "题", "王明", "并案"}, "并入哪一件"},
		{[]any{1, "1", "九届四次", 2020, "题", "王明", "", "", "", "2020-03-01"}, "没有承办单位"},
		{[]any{1, "1", "九届四次", 2020, "题", "王明", "", "县局", "2020-02-01", "", "A类"}, "没有答复日期"},
		{[]any{1, "1", "九届四次", 2020, "题", "王明", "", "县局", "2020-02-01", "", "", "满意"}, "没有答复日期"},
		{[]any{1, "1", "九届四次", 2020, "题", "王明", "", "县局", "2020-02-01", "2020-03-01", "D类"}, "须为A类、B类或C类"},
		{[]any{1, "1", "九届四次", 2020, "题", "王明", "", "县局", "2020-02-01", "2020-03-01", "A", "还行"}, "须为满意、基本满意或不满意"},
		{[]any{1, "1", "九届四次", 2020, "题", "王明", "", "县局", "2020-02-01", "2020-01-01"}, "答复日期早于交办日期"},
		{[]any{1, "1", "九届四次", 2020, "题", "王明", "不予立案", "县局", "2020-02-01"}, "不应填写承办"},
		{[]any{1, "1", "九届四次", 2020, "题", "王明", "", "", "", "", "", "", "", "也许"}, "须为是或否"},
		{[]any{1, "1", "九届四次", 2020, "题", "王明", "", "县局", "明年"}, "交办日期"},
		// What the forms refuse, the list is refused too.
		{[]any{1, "1", "九届四次", 2020, "关于农村公路\n的建议", "王明"}, "案题应为一行"},
	}
	for _, tt := range tests {
		_, err := parseProposals(t, book(t, head, tt.row))
		var rej *xlsx.Rejected
		if !errors.As(err, &rej) || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "第2行") {
			t.Errorf("%v: %v, want a rejection naming row 2 with %q", tt.row, err, tt.want)
		}
	}
}

// A written list reads back as it was.
func TestProposalsRoundTrip(t *testing.T) {
	b := book(t,
		[]any{"序号", "提案号", "届次", "年度", "案由", "提案人", "联名人", "提案者类别", "提交日期", "审查结果", "不予立案理由", "承办单位", "会办单位",
			"交办日期", "答复日期", "答复类别", "满意度", "办结日期", "重点提案", "备注"},
		[]any{1, 1, "九届四次", 2020, "甲", "王明", "李华", "委员", "2020-01-08", "", "", "县水利局", "县财政局", "2020-02-10", "2020-04-30", "B", "基本满意", "", "是", "注"},
		[]any{2, 2, "九届四次", 2020, "乙", "李华", "", "委员", "2020-01-08", "并入第1号"},
		[]any{3, 3, "九届四次", 2020, "丙", "农工党县委会", "", "党派", "2020-01-08", "不予立案", "不属于政协职能"},
		[]any{4, "A-4", "平时", 2020, "丁", "王明", "", "", "2020-05-08"},
	)
	im, err := parseProposals(t, b)
	if err != nil {
		t.Fatal(err)
	}
	var rows []store.ProposalSheetRow
	for _, r := range im.Rows {
		rows = append(rows, store.ProposalSheetRow{P: r.P, MergedNumber: r.MergedNumber, Note: r.Note})
	}
	var out bytes.Buffer
	if err := xlsx.WriteProposals(&out, "某县政协提案目录", rows); err != nil {
		t.Fatal(err)
	}
	again, err := parseProposals(t, out.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Rows) != len(im.Rows) {
		t.Fatalf("%d rows back, want %d", len(again.Rows), len(im.Rows))
	}
	for i := range im.Rows {
		a, b := im.Rows[i], again.Rows[i]
		if a.P.Status != b.P.Status || a.P.Number != b.P.Number || a.P.Session != b.P.Session || a.P.Year != b.P.Year ||
			a.P.Class != b.P.Class || a.MergedNumber != b.MergedNumber || a.Note != b.Note || a.P.Ground != b.P.Ground ||
			a.P.Key != b.P.Key || len(a.P.Signers) != len(b.P.Signers) || len(a.P.Handlers) != len(b.P.Handlers) ||
			zhenggai.ProposalVerdict(a.P) != zhenggai.ProposalVerdict(b.P) || a.P.Source != b.P.Source || a.P.Submitter != b.P.Submitter {
			t.Errorf("row %d:\n was %+v\n now %+v", i+1, a.P, b.P)
		}
	}
	if p := again.Rows[3].P; p.Session != "" || p.Timing != zhenggai.TimingOrdinary || p.Number != "A-4" {
		t.Errorf("ordinary proposal back as %q %q %q", p.Session, p.Timing, p.Number)
	}
}

// A list without 提案号 numbers its proposals by 序号, and says so.
func TestParseProposalsSeqAsNumber(t *testing.T) {
	im, err := parseProposals(t, book(t, []any{"序号", "届次", "年度", "案由", "提案人"}, []any{7, "九届四次", 2020, "题", "王明"}))
	if err != nil {
		t.Fatal(err)
	}
	if im.Rows[0].P.Number != "7" || len(im.Warnings) == 0 {
		t.Errorf("number %q, warnings %q", im.Rows[0].P.Number, im.Warnings)
	}
}

// A header of two rows (办理情况 over its columns), as offices merge it.
func TestParseProposalsMergedHeader(t *testing.T) {
	b := bookMerged(t, [][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "C2"}, {"D1", "D2"}, {"E1", "E2"}, {"F1", "F2"}, {"G1", "I1"}},
		[]any{"序号", "提案号", "届次", "年度", "案由", "提案人", "办理情况"},
		[]any{nil, nil, nil, nil, nil, nil, "承办单位", "答复日期", "满意度"},
		[]any{1, 1, "九届四次", 2020, "题", "王明", "县局", "2020-03-01", "满意"},
	)
	im, err := parseProposals(t, b)
	if err != nil {
		t.Fatal(err)
	}
	p := im.Rows[0].P
	if len(p.Handlers) != 1 || p.Handlers[0].Handler != "县局" || zhenggai.ProposalVerdict(p) != zhenggai.FeedbackSatisfied || p.Status != zhenggai.PropAnswered {
		t.Errorf("read %+v", p)
	}
}

func FuzzReadProposals(f *testing.F) {
	f.Add([]byte("序号\t提案号\t届次\t年度\t案由\t提案人\t联名人\t审查结果\t承办单位\t交办日期\t答复日期\t答复类别\t满意度\t办结日期\n" +
		"1\t1\t九届四次\t2020\t题\t王明\t李华、张三\t\t县局\t2020-02-01\t2020-03-01\tA\t满意\t2020-04-01\n" +
		"2\t2\t九届四次\t2020\t题二\t李华\t\t并入第1号\n3\t3\t9届4次\t\t题三\t民革\t\t转社情民意\t\t\t\t\t\t"))
	f.Add([]byte("案号\t会次\t年份\t提案标题\t第一提案人\t办复类别\t征询意见\n第１号\t平时\t2020年\t题\t王 明\t乙\t基本满意"))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if !bytes.HasPrefix(b, []byte("PK")) {
			b = tsvBook(t, string(b))
		}
		im, err := xlsx.ParseProposals(context.Background(), bytes.NewReader(b), "x.xlsx")
		if zhenggai.ErrorCode(err) == zhenggai.EINTERNAL {
			t.Fatalf("internal error: %v", err)
		}
		if err != nil {
			if im != nil {
				t.Fatal("rejected, yet something returned")
			}
			return
		}
		for _, r := range im.Rows {
			p := r.P
			if p.Number == "" || p.Title == "" || p.Year < 1949 || p.Year > 2100 || !p.Status.Valid() || r.Row <= 0 {
				t.Fatalf("row %+v", p)
			}
			if p.Source == zhenggai.SourceMember && len(p.Signers) == 0 {
				t.Fatalf("a member's proposal without its proposer: %+v", p)
			}
			if p.Status == zhenggai.PropMerged && r.MergedNumber == "" {
				t.Fatalf("merged into nothing: %+v", p)
			}
			if len(p.Feedback) > 0 && len(p.Replies) == 0 {
				t.Fatalf("a form without a reply: %+v", p)
			}
		}
	})
}
