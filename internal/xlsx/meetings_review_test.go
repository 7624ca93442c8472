package xlsx_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/xlsx"
)

func meetingBrief(m *zhenggai.Meeting) string {
	s := fmt.Sprintf("%d %s", m.Number, m.Date)
	for _, a := range m.Attendance {
		s += fmt.Sprintf(" %s:%s", a.Name, a.Presence)
	}
	for _, it := range m.Items {
		s += fmt.Sprintf(" | %s %s %d", it.Title, it.Kind, it.Amount)
		for _, st := range it.Statements {
			s += fmt.Sprintf(" [%d %s %s %s]", st.Seq, st.Name, st.Position, st.Summary)
		}
	}
	return s
}

// Meeting books typed by hand: dates 2019.3.5 and 2019年3月12日上午,
// 第三次, names between 、，, ； and spaces, every statement in one cell.
func TestMeetingsByHand(t *testing.T) {
	t.Parallel()
	im, err := xlsx.ParseMeetings(context.Background(), bytes.NewReader(twoSheets(t,
		[][]any{{"序号", "会议类型", "日期", "第几次", "主持人", "出席人员", "请假人员"},
			{1, "党组会议", "2019.3.5", "第三次", "王明", "王明、李华，赵强,孙丽 周  伟", ""},
			{2, "党组会议", "2019年3月12日上午", "第十二次", "王明", "王明 李华 赵强", "周伟(书面意见：同意)"},
			{3, "党组会议", "2019/3/19 9:30", "第 二十三 次", "王明", "王明；李华", ""},
		},
		[][]any{{"会议序号", "议题", "类别", "金额（元）", "发言人", "表态", "决定事项"},
			{1, "购置公务用车", "大额资金", 250000, "", "李华：同意；赵强：同意，建议压缩；孙丽：不同意；周伟：弃权；王明：同意", "同意购置"},
			{2, "任免", "干部任免", nil, "", "李华副主席:原则同意\n赵强同志:建议再考察\n王明书记:同意。", "同意"},
		})))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"3 2019-03-05 王明:present 李华:present 赵强:present 孙丽:present 周伟:present | 购置公务用车 large_fund 25000000 [1 李华 agree ] [2 赵强 agree 建议压缩] [3 孙丽 disagree ] [4 周伟 abstain ] [5 王明 agree ]",
		"12 2019-03-12 王明:present 李华:present 赵强:present 周伟:written | 任免 cadre 0 [1 李华 agree ] [2 赵强 opinion 建议再考察] [3 王明 agree ]",
		"23 2019-03-19 王明:present 李华:present",
	}
	for i, m := range im.Meetings {
		if got := meetingBrief(m); i >= len(want) || got != want[i] {
			t.Errorf("meeting %d:\n got %s\nwant %s", i, got, want[min(i, len(want)-1)])
		}
	}
}

// A bad number or a one-cell statement that is not “name：position” is
// named; a refused meeting's statements are not named again.
func TestMeetingsByHandBad(t *testing.T) {
	t.Parallel()
	_, err := xlsx.ParseMeetings(context.Background(), bytes.NewReader(twoSheets(t,
		[][]any{{"序号", "会议类型", "日期", "第几次"}, {1, "党组会议", "2019.3.5", "第三三次"}, {2, "党组会议", "2019.3.6", "1"}},
		[][]any{{"会议序号", "议题", "发言人", "表态"}, {1, "甲", "", "李华：同意"}, {2, "乙", "", "李华：同意；王明：也行"}})))
	if err == nil {
		t.Fatal("accepted")
	}
	for _, w := range []string{"会议第2行“第几次”：“第三三次”", "议题及表态第3行“表态”：“王明：也行”应写作“姓名：表态”"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("%v\nlacks %q", err, w)
		}
	}
	if strings.Contains(err.Error(), "没有序号为1的会议") {
		t.Errorf("the refused meeting's statements named again: %v", err)
	}
}

// 一致同意 without a speaker: the item is kept with no statements (the
// statements rule must see it), with a warning naming the row.
func TestMeetingsCollectiveVote(t *testing.T) {
	t.Parallel()
	im, err := xlsx.ParseMeetings(context.Background(), bytes.NewReader(twoSheets(t,
		[][]any{{"序号", "会议类型", "日期"}, {1, "党组会议", "2014.2.14"}},
		[][]any{{"会议序号", "议题", "类别", "表态", "决定事项"}, {1, "市管干部评先评优", "干部任免", "与会人员一致同意", "同意"}})))
	if err != nil {
		t.Fatal(err)
	}
	if it := im.Meetings[0].Items; len(it) != 1 || len(it[0].Statements) != 0 || it[0].Decision != "同意" {
		t.Errorf("%+v", it)
	}
	if len(im.Warnings) != 1 || !strings.Contains(im.Warnings[0], "议题及表态第2行：表态“与会人员一致同意”未写明发言人") {
		t.Errorf("%q", im.Warnings)
	}
}

// A two-character name padded with spaces (王  明) in 主持人 and 发言人 is
// the name the attendance lists, so the rules compare like with like.
func TestMeetingsPaddedNames(t *testing.T) {
	t.Parallel()
	im, err := xlsx.ParseMeetings(context.Background(), bytes.NewReader(twoSheets(t,
		[][]any{{"序号", "会议类型", "日期", "主持人", "出席人员"}, {1, "党组会议", "2019.3.5", "王  明", "王  明、李华、赵  强（出差）"}},
		[][]any{{"会议序号", "议题", "发言人", "表态"}, {1, "甲", "王  明", "同意"}, {1, "", "李华", "同意"}})))
	if err != nil {
		t.Fatal(err)
	}
	m := im.Meetings[0]
	if m.ChairName != "王明" || m.Attendance[0].Name != "王明" || m.Attendance[2].Name != "赵强" || m.Items[0].Statements[0].Name != "王明" {
		t.Errorf("chair %q, attendance %q, speaker %q", m.ChairName, m.Attendance[0].Name, m.Items[0].Statements[0].Name)
	}
}
