package zhenggai_test

import (
	"strings"
	"testing"

	"zhenggai"
)

func TestTownshipVacancy(t *testing.T) {
	d := zhenggai.NewDate
	leader := func(name string, from, to zhenggai.Date) zhenggai.LiaisonPost {
		return zhenggai.LiaisonPost{Name: name, Role: zhenggai.LiaisonLeader, From: from, To: to}
	}
	today := d(2020, 10, 28)
	tests := []struct {
		name   string
		since  zhenggai.Date
		posts  []zhenggai.LiaisonPost
		leader string // on today, "" vacant
		vacant zhenggai.Date
		label  string
	}{
		{"led", zhenggai.Date{}, []zhenggai.LiaisonPost{leader("王明", d(2017, 1, 1), zhenggai.Date{})}, "王明", zhenggai.Date{}, ""},
		{"vacant since the leader left", d(2016, 5, 1), []zhenggai.LiaisonPost{leader("王明", d(2016, 5, 1), d(2018, 3, 15))},
			"", d(2018, 3, 15), "空缺（自2018年3月起）"},
		{"the last of two left", zhenggai.Date{}, []zhenggai.LiaisonPost{
			leader("李华", d(2018, 3, 15), d(2019, 6, 30)), leader("王明", d(2016, 5, 1), d(2018, 3, 15))},
			"", d(2019, 6, 30), "空缺（自2019年6月起）"},
		{"a new leader ends it", d(2016, 5, 1), []zhenggai.LiaisonPost{
			leader("王明", d(2016, 5, 1), d(2018, 3, 15)), leader("李华", d(2020, 9, 1), zhenggai.Date{})}, "李华", zhenggai.Date{}, ""},
		{"never led: since the group began", d(2017, 2, 1), []zhenggai.LiaisonPost{
			{Name: "张三", Role: zhenggai.LiaisonMember, From: d(2017, 2, 1)}}, "", d(2017, 2, 1), "空缺（自2017年2月起）"},
		{"never led, begin unknown", zhenggai.Date{}, nil, "", zhenggai.Date{}, "空缺"},
		{"leader yet to come", d(2016, 1, 1), []zhenggai.LiaisonPost{
			leader("王明", d(2016, 1, 1), d(2019, 12, 31)), leader("李华", d(2021, 1, 1), zhenggai.Date{})}, "", d(2019, 12, 31), "空缺（自2019年12月起）"},
		{"leaves today: still led", zhenggai.Date{}, []zhenggai.LiaisonPost{leader("王明", d(2016, 1, 1), today)}, "王明", zhenggai.Date{}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tw := &zhenggai.Township{UnitID: 1, Name: "澧源镇", Since: tc.since, Posts: tc.posts}
			if err := tw.Validate(); err != nil {
				t.Fatalf("refused: %v", err)
			}
			got := ""
			if p := tw.LeaderOn(today); p != nil {
				got = p.Name
			}
			if got != tc.leader {
				t.Fatalf("leader %q, want %q", got, tc.leader)
			}
			since, vacant := tw.VacantSince(today)
			if vacant != (tc.leader == "") || since != tc.vacant {
				t.Fatalf("VacantSince = %v, %v; want %v, %v", since, vacant, tc.vacant, tc.leader == "")
			}
			if vacant {
				if l := zhenggai.VacancyLabel(since); l != tc.label {
					t.Fatalf("label %q, want %q", l, tc.label)
				}
			}
		})
	}
	// On a handover day the one taking over leads.
	tw := &zhenggai.Township{Posts: []zhenggai.LiaisonPost{leader("王明", d(2016, 1, 1), d(2018, 3, 15)), leader("李华", d(2018, 3, 15), zhenggai.Date{})}}
	if p := tw.LeaderOn(d(2018, 3, 15)); p == nil || p.Name != "李华" {
		t.Fatalf("handover day: %v", p)
	}
	if p := tw.LeaderOn(d(2015, 12, 31)); p != nil {
		t.Fatalf("before the first: %v", p)
	}
}

func TestTownshipValidate(t *testing.T) {
	d := zhenggai.NewDate
	good := func() *zhenggai.Township {
		return &zhenggai.Township{UnitID: 1, Name: "澧源镇", Posts: []zhenggai.LiaisonPost{
			{Name: "王明", Role: zhenggai.LiaisonLeader, From: d(2016, 1, 1), To: d(2018, 3, 15)},
			{Name: "李华", Role: zhenggai.LiaisonLeader, From: d(2018, 3, 15)},
			{Name: "张三", Role: zhenggai.LiaisonMember, From: d(2016, 1, 1)},
			{Name: "赵四", Role: zhenggai.LiaisonMember, From: d(2016, 1, 1)},
		}, Invitations: []zhenggai.LiaisonInvitation{{Kind: zhenggai.InviteInspection, Title: "脱贫攻坚视察", On: d(2020, 6, 1), Name: "李华"}}}
	}
	tests := []struct {
		name, field, msg string
		change           func(t *zhenggai.Township)
	}{
		{"good", "", "", func(t *zhenggai.Township) {}},
		{"no name", "name", "乡镇名称不能为空", func(t *zhenggai.Township) { t.Name = "" }},
		{"overlapping leaders", "posts.1.from", "任期重叠", func(t *zhenggai.Township) { t.Posts[1].From = d(2018, 3, 14) }},
		{"open-ended leaders", "posts.1.from", "同一时间只能有一名联络组长", func(t *zhenggai.Township) { t.Posts[0].To = zhenggai.Date{} }},
		{"members may overlap", "", "", func(t *zhenggai.Township) { t.Posts[3].From = d(2015, 1, 1) }},
		{"to before from", "posts.0.to", "早于起始日期", func(t *zhenggai.Township) { t.Posts[0].To = d(2015, 1, 1) }},
		{"leader without from", "posts.1.from", "任职起始日期不能为空", func(t *zhenggai.Township) { t.Posts[1].From = zhenggai.Date{} }},
		{"post without name", "posts.2.name", "任职第3条的姓名不能为空", func(t *zhenggai.Township) { t.Posts[2].Name = "" }},
		{"bad role", "posts.2.role", "职务须为", func(t *zhenggai.Township) { t.Posts[2].Role = "boss" }},
		{"invitation kind", "invitations.0.kind", "类别须为视察、调研或列席常委会议", func(t *zhenggai.Township) { t.Invitations[0].Kind = "" }},
		{"invitation title", "invitations.0.title", "活动名称不能为空", func(t *zhenggai.Township) { t.Invitations[0].Title = "" }},
		{"invitation date", "invitations.0.on", "日期不能为空", func(t *zhenggai.Township) { t.Invitations[0].On = zhenggai.Date{} }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tw := good()
			tc.change(tw)
			tw.Normalize()
			err := tw.Validate()
			if tc.field == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			v, ok := err.(*zhenggai.ValidationError)
			if !ok {
				t.Fatalf("got %v, want a refusal of %s", err, tc.field)
			}
			if msg := v.For(tc.field); !strings.Contains(msg, tc.msg) {
				t.Fatalf("%s: got %q (all: %v), want %q", tc.field, msg, err, tc.msg)
			}
		})
	}
}
