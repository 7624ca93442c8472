package zhenggai

import "testing"

func TestDeadlineColour(t *testing.T) {
	today := NewDate(2020, 10, 1)
	def := DefaultSettings()
	tight := Settings{GreenDays: 7, YellowDays: 3}
	tests := []struct {
		name     string
		set      Settings
		status   Status
		deadline Date
		want     Colour
	}{
		{"no deadline", def, InProgress, Date{}, NoColour},
		{"far away", def, InProgress, today.AddDays(21), NoColour},
		{"green edge 20 days", def, InProgress, today.AddDays(20), Green},
		{"green 11 days", def, NotStarted, today.AddDays(11), Green},
		{"yellow edge 10 days", def, InProgress, today.AddDays(10), Yellow},
		{"yellow due today", def, BasicallyCompleted, today, Yellow},
		{"red one day late", def, InProgress, today.AddDays(-1), Red},
		{"red long overdue", def, NotStarted, today.AddDays(-300), Red},
		{"completed overdue has no colour", def, Completed, today.AddDays(-5), NoColour},
		{"ongoing has no colour", def, Ongoing, today.AddDays(3), NoColour},
		{"thresholds are settings: 8 days is none", tight, InProgress, today.AddDays(8), NoColour},
		{"thresholds are settings: 7 days is green", tight, InProgress, today.AddDays(7), Green},
		{"thresholds are settings: 3 days is yellow", tight, InProgress, today.AddDays(3), Yellow},
		{"across a year end", def, InProgress, NewDate(2021, 1, 5), NoColour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DeadlineColour(tt.set, tt.status, tt.deadline, today); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSettingsValidate(t *testing.T) {
	for _, s := range []Settings{{GreenDays: 20, YellowDays: 10}, {GreenDays: 7, YellowDays: 0}, {GreenDays: 365, YellowDays: 364}} {
		if err := s.Validate(); err != nil {
			t.Errorf("%v: %v", s, err)
		}
	}
	for _, s := range []Settings{{GreenDays: 0, YellowDays: 0}, {GreenDays: 10, YellowDays: 10}, {GreenDays: 10, YellowDays: 20}, {GreenDays: 20, YellowDays: -1}, {GreenDays: 400, YellowDays: 10}} {
		if err := s.Validate(); err == nil {
			t.Errorf("%v accepted", s)
		}
	}
}

func TestWorse(t *testing.T) {
	if Worse(Green, Red) != Red || Worse(Red, Yellow) != Red || Worse(NoColour, Green) != Green || Worse(NoColour, NoColour) != NoColour {
		t.Error("Worse does not pick the more serious colour")
	}
}
