package zhenggai

import (
	"strings"
	"testing"
)

func TestRecountMeetings(t *testing.T) {
	typed := "巡察反馈会结束后,迅即组织召开党组会议,统一思想认识。巡察整改期间,先后召开党组会议5次、主席会议3次、全体党员大会1次,研究部署、督促推进巡察整改工作。"
	counted := RectificationMeetings{Kept: true, Counts: []MeetingCount{{"党组会议", 6}, {"主席会议", 2}, {"常委会议", 0}, {"支部党员大会", 1}}}
	for _, c := range []struct {
		name, text string
		r          RectificationMeetings
		want, from string
	}{
		{"counted", typed, counted, "巡察反馈会结束后,迅即组织召开党组会议,统一思想认识。巡察整改期间,先后召开党组会议6次、主席会议2次、支部党员大会1次,研究部署、督促推进巡察整改工作。", MeetingsRegister},
		{"no register", typed, RectificationMeetings{}, typed, MeetingsTyped},
		{"register without them", typed, RectificationMeetings{Kept: true}, typed, MeetingsTyped},
		{"no figures", "成立了整改工作领导小组。", counted, "成立了整改工作领导小组。", MeetingsNone},
		{"chinese numerals", "先后召开党组会议五次和主席会议三次。", counted, "先后召开党组会议6次、主席会议2次、支部党员大会1次。", MeetingsRegister},
		{"one", "共召开党组会议2次。", RectificationMeetings{Kept: true, Counts: []MeetingCount{{"党组会议", 3}}}, "共召开党组会议3次。", MeetingsRegister},
	} {
		got, from := RecountMeetings(c.text, c.r)
		if got != c.want || from != c.from {
			t.Errorf("%s: got %q (%s), want %q (%s)", c.name, got, from, c.want, c.from)
		}
	}
}

// FuzzRecountMeetings: any text a report holds is recounted without a
// panic, the text outside the replaced list kept, and a text without a
// list left as it was.
func FuzzRecountMeetings(f *testing.F) {
	for _, s := range []string{"先后召开党组会议5次、主席会议3次、全体党员大会1次,研究部署", "召开党组会议,", "召开会议五次", "召开召开党组会议1次、", ""} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, text string, n int) {
		r := RectificationMeetings{Kept: true, Counts: []MeetingCount{{"党组会议", n % 100}}}
		got, from := RecountMeetings(text, r)
		switch from {
		case MeetingsNone, MeetingsTyped:
			if got != text {
				t.Fatalf("%q changed to %q (%s)", text, got, from)
			}
		case MeetingsRegister:
			if !strings.Contains(got, "召开"+r.Clause()) {
				t.Fatalf("%q → %q lacks the count", text, got)
			}
		default:
			t.Fatalf("from %q", from)
		}
	})
}
