package regsample_test

import (
	"testing"

	"zhenggai"
	"zhenggai/internal/regsample"
)

// TestDemoTownshipsAndSuggestions: the seed's figures hold (23 townships,
// 8 without a leader at the feedback, 澧源镇 since March 2018; 17
// suggestions on the platform) and every record is valid.
func TestDemoTownshipsAndSuggestions(t *testing.T) {
	ts := regsample.DemoTownships(true)
	if len(ts) != 23 {
		t.Fatalf("%d townships", len(ts))
	}
	vacant := 0
	for _, tw := range ts {
		tw.UnitID = 1
		if err := tw.Validate(); err != nil {
			t.Fatalf("%s: %v", tw.Name, err)
		}
		since, v := tw.VacantSince(regsample.Feedback)
		if v {
			vacant++
		}
		if tw.Name == "澧源镇" && (!v || since != regsample.LiyuanVacant || tw.LeaderOn(zhenggai.NewDate(2020, 10, 28)) == nil) {
			t.Errorf("澧源镇: vacant %v since %v", v, since)
		}
	}
	if vacant != len(regsample.VacantAtFeedback) || vacant != 8 {
		t.Errorf("%d vacant at the feedback, want 8", vacant)
	}
	ss := regsample.DemoSuggestions(true)
	platform := 0
	for _, s := range ss {
		s.UnitID = 1
		s.Normalize()
		if err := s.Validate(zhenggai.NewDate(2020, 10, 28)); err != nil {
			t.Fatalf("%+v: %v", s, err)
		}
		if s.Via == zhenggai.ViaPlatform {
			platform++
		}
	}
	if platform != 17 {
		t.Errorf("%d on the platform, want 17", platform)
	}
}
