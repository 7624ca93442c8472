package auth

import (
	"testing"
	"time"
)

func TestRateLimit(t *testing.T) {
	l := &RateLimit{Max: 3, Window: time.Hour}
	t0 := time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)
	for i := 0; i < 3; i++ {
		if !l.Allow("10.0.0.1", t0.Add(time.Duration(i)*time.Minute)) {
			t.Fatalf("event %d refused", i+1)
		}
	}
	if l.Allow("10.0.0.1", t0.Add(10*time.Minute)) {
		t.Error("fourth event within the hour allowed")
	}
	if !l.Allow("10.0.0.2", t0.Add(10*time.Minute)) {
		t.Error("another address refused")
	}
	// The refused try was not counted: an hour after the first, one frees up.
	if !l.Allow("10.0.0.1", t0.Add(time.Hour)) {
		t.Error("refused after the first event left the window")
	}
	if l.Allow("10.0.0.1", t0.Add(time.Hour+30*time.Second)) {
		t.Error("allowed while the second and third are still in the window")
	}
}
