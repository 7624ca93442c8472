package zhenggai_test

import (
	"strings"
	"testing"

	"zhenggai"
)

func goodMeeting() *zhenggai.Meeting {
	return &zhenggai.Meeting{UnitID: 1, Type: "党组会议", Number: 5, Date: zhenggai.NewDate(2019, 3, 4),
		Attendance: []zhenggai.Attendance{
			{PersonID: 1, Name: "张三", Presence: zhenggai.Present},
			{PersonID: 2, Name: "李四", Presence: zhenggai.Present},
			{Name: "王五", Presence: zhenggai.OnLeave, Note: "出差"},
		},
		Items: []zhenggai.AgendaItem{{Title: "购置车辆", Kind: zhenggai.ItemLargeFund, Amount: 12000000,
			Statements: []zhenggai.Statement{
				{Name: "李四", Position: zhenggai.PosAgree},
				{PersonID: 1, Name: "张三", Position: zhenggai.PosAgree},
			}}},
	}
}

func TestMeetingValidate(t *testing.T) {
	today := zhenggai.NewDate(2020, 1, 1)
	tests := []struct {
		name, field, msg string
		change           func(m *zhenggai.Meeting)
	}{
		{"good", "", "", func(m *zhenggai.Meeting) {}},
		{"no type", "type", "会议类型不能为空", func(m *zhenggai.Meeting) { m.Type = "" }},
		{"unknown type", "type", "不在本单位的会议类型中", func(m *zhenggai.Meeting) { m.Type = "茶话会" }},
		{"other book", "", "", func(m *zhenggai.Meeting) { m.Book = "主席会议" }},
		{"unknown book", "book", "记录本", func(m *zhenggai.Meeting) { m.Book = "笔记本" }},
		{"future", "date", "晚于今天", func(m *zhenggai.Meeting) { m.Date = zhenggai.NewDate(2020, 1, 2) }},
		{"today", "", "", func(m *zhenggai.Meeting) { m.Date = today }},
		{"no date", "date", "会议日期不能为空", func(m *zhenggai.Meeting) { m.Date = zhenggai.Date{} }},
		{"number 0", "number", "第几次", func(m *zhenggai.Meeting) { m.Number = 0 }},
		{"number 1", "", "", func(m *zhenggai.Meeting) { m.Number = 1 }},
		{"same name twice", "attendance.2.name", "与第1人重复", func(m *zhenggai.Meeting) { m.Attendance[2].Name = "张 三" }},
		{"bad presence", "attendance.0.presence", "出席情况", func(m *zhenggai.Meeting) { m.Attendance[0].Presence = "x" }},
		{"speaker on leave", "items.0.statements.0.name", "不在出席人员中", func(m *zhenggai.Meeting) {
			m.Items[0].Statements[0].Name = "王五"
		}},
		{"speaker unknown id", "items.0.statements.1.name", "不在出席人员中", func(m *zhenggai.Meeting) {
			m.Items[0].Statements[1].PersonID = 9
		}},
		{"bad position", "items.0.statements.0.position", "表态", func(m *zhenggai.Meeting) { m.Items[0].Statements[0].Position = "yes" }},
		{"fund without amount", "items.0.amount", "须填写金额", func(m *zhenggai.Meeting) { m.Items[0].Amount = 0 }},
		{"ordinary without amount", "", "", func(m *zhenggai.Meeting) { m.Items[0].Kind, m.Items[0].Amount = zhenggai.ItemOrdinary, 0 }},
		{"negative amount", "items.0.amount", "不能为负", func(m *zhenggai.Meeting) { m.Items[0].Kind, m.Items[0].Amount = zhenggai.ItemOrdinary, -1 }},
		{"bad kind", "items.0.kind", "类别", func(m *zhenggai.Meeting) { m.Items[0].Kind = "big" }},
		{"no title", "items.0.title", "议题1的内容不能为空", func(m *zhenggai.Meeting) { m.Items[0].Title = " " }},
		{"seq gap", "items.0.statements.1.seq", "发言顺序应为2", func(m *zhenggai.Meeting) { m.Items[0].Statements[1].Seq = 3 }},
		{"item seq", "items.0.seq", "序号应为1", func(m *zhenggai.Meeting) { m.Items[0].Seq = 2 }},
		{"bad sha", "minutes_sha256", "扫描件", func(m *zhenggai.Meeting) { m.MinutesSHA256 = "abc" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := goodMeeting()
			m.Normalize()
			tt.change(m)
			err := m.Validate(nil, today)
			if tt.field == "" {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			v, ok := err.(*zhenggai.ValidationError)
			if !ok {
				t.Fatalf("Validate = %v, want a ValidationError on %s", err, tt.field)
			}
			if got := v.For(tt.field); !strings.Contains(got, tt.msg) {
				t.Errorf("%s: %q, want %q (all: %v)", tt.field, got, tt.msg, err)
			}
		})
	}
}

func TestMeetingQuorum(t *testing.T) {
	att := func(present, absent int) *zhenggai.Meeting {
		m := &zhenggai.Meeting{}
		for i := 0; i < present+absent; i++ {
			p := zhenggai.Present
			if i >= present {
				p = zhenggai.OnLeave
			}
			m.Attendance = append(m.Attendance, zhenggai.Attendance{Name: string(rune('甲' + i)), Presence: p})
		}
		return m
	}
	tests := []struct {
		present, absent int
		kind            zhenggai.ItemKind
		want            bool
	}{
		{3, 3, zhenggai.ItemLargeFund, false}, // exactly a half
		{4, 3, zhenggai.ItemLargeFund, true},
		{4, 2, zhenggai.ItemCadre, true}, // exactly two thirds
		{3, 2, zhenggai.ItemCadre, false},
		{0, 0, zhenggai.ItemMajorDecision, false},
	}
	for _, tt := range tests {
		m := att(tt.present, tt.absent)
		if p, e := m.Quorum(); p != tt.present || e != tt.present+tt.absent {
			t.Errorf("Quorum = %d/%d, want %d/%d", p, e, tt.present, tt.present+tt.absent)
		}
		if got := m.QuorumMet(tt.kind); got != tt.want {
			t.Errorf("%d present of %d, %s: QuorumMet = %v, want %v", tt.present, tt.present+tt.absent, tt.kind, got, tt.want)
		}
	}
}

func TestMeetingLabels(t *testing.T) {
	m := &zhenggai.Meeting{Type: "党组会议", Number: 5, Date: zhenggai.NewDate(2019, 6, 3)}
	if got := m.Label(); got != "2019年第5次党组会议" {
		t.Errorf("Label = %q", got)
	}
	for _, k := range zhenggai.ItemKinds {
		if got, ok := zhenggai.ParseItemKind(k.Label()); !ok || got != k {
			t.Errorf("ParseItemKind(%q) = %q, %v", k.Label(), got, ok)
		}
		if k.IsTripleOne() == (k == zhenggai.ItemOrdinary) {
			t.Errorf("%s.IsTripleOne wrong", k)
		}
	}
	for _, p := range zhenggai.Positions {
		if got, ok := zhenggai.ParsePosition(p.Label()); !ok || got != p {
			t.Errorf("ParsePosition(%q) = %q, %v", p.Label(), got, ok)
		}
	}
	for _, p := range zhenggai.Presences {
		if got, ok := zhenggai.ParsePresence(p.Label()); !ok || got != p {
			t.Errorf("ParsePresence(%q) = %q, %v", p.Label(), got, ok)
		}
	}
	if _, ok := zhenggai.ParsePosition("也许"); ok {
		t.Error("ParsePosition accepted 也许")
	}
	if got := zhenggai.MeetingTypesFrom(" 党组会议\n\n党组会议\n办公会 "); strings.Join(got, ",") != "党组会议,办公会" {
		t.Errorf("MeetingTypesFrom = %v", got)
	}
	if got := zhenggai.MeetingTypesFrom(""); len(got) != len(zhenggai.DefaultMeetingTypes) {
		t.Errorf("MeetingTypesFrom(\"\") = %v", got)
	}
}

func TestMeetingSilentAndLast(t *testing.T) {
	m := goodMeeting()
	m.Normalize()
	it := &m.Items[0]
	if s := m.Silent(it); len(s) != 0 {
		t.Errorf("Silent = %v, want none", s)
	}
	if l := it.LastSpeaker(); l == nil || l.Name != "张三" {
		t.Errorf("LastSpeaker = %+v", l)
	}
	it.Statements = it.Statements[:1] // 李四 only
	if s := m.Silent(it); len(s) != 1 || s[0].Name != "张三" {
		t.Errorf("Silent = %v, want 张三 (王五 was on leave)", s)
	}
	if l := (&zhenggai.AgendaItem{}).LastSpeaker(); l != nil {
		t.Errorf("LastSpeaker of none = %+v", l)
	}
}
