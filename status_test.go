package zhenggai

import "testing"

func TestProblemStatus(t *testing.T) {
	tests := []struct {
		name     string
		measures []Status
		want     Status
	}{
		{"no measures", nil, NotStarted},
		{"all not started", []Status{NotStarted, NotStarted}, NotStarted},
		{"one started", []Status{NotStarted, InProgress}, InProgress},
		{"one finished, one untouched", []Status{Completed, NotStarted}, InProgress},
		{"all completed", []Status{Completed, Completed, Completed}, Completed},
		{"one basically", []Status{Completed, BasicallyCompleted, Completed}, BasicallyCompleted},
		{"basically and in progress", []Status{BasicallyCompleted, InProgress}, InProgress},
		{"completed and ongoing", []Status{Completed, Ongoing}, Ongoing},
		{"ongoing and basically", []Status{Ongoing, BasicallyCompleted}, BasicallyCompleted},
		{"all ongoing", []Status{Ongoing}, Ongoing},
		{"unknown counts as not started", []Status{"bogus", Completed}, InProgress},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ProblemStatus(tt.measures); got != tt.want {
				t.Errorf("ProblemStatus(%v) = %s, want %s", tt.measures, got, tt.want)
			}
		})
	}
}

func TestParseStatusAndLabels(t *testing.T) {
	want := map[Status]string{NotStarted: "未启动", InProgress: "正在整改", BasicallyCompleted: "基本完成", Completed: "已完成", Ongoing: "长期坚持"}
	for s, label := range want {
		if s.Label() != label {
			t.Errorf("%s.Label() = %s, want %s", s, s.Label(), label)
		}
		for _, in := range []string{string(s), label} {
			if got, ok := ParseStatus(in); !ok || got != s {
				t.Errorf("ParseStatus(%q) = %s, %v", in, got, ok)
			}
		}
	}
	if _, ok := ParseStatus("持续推进"); ok {
		t.Error("ParseStatus accepted an unknown word")
	}
}

func TestCompletionRate(t *testing.T) {
	tests := []struct {
		counts StatusCounts
		want   int
	}{
		{StatusCounts{}, 0},
		{StatusCounts{Completed: 35, BasicallyCompleted: 3}, 92},
		{StatusCounts{Completed: 30, Ongoing: 8}, 100},
		{StatusCounts{NotStarted: 2, Completed: 1}, 33},
	}
	for _, tt := range tests {
		if got := tt.counts.CompletionRate(); got != tt.want {
			t.Errorf("%v.CompletionRate() = %d, want %d", tt.counts, got, tt.want)
		}
	}
}
