package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestProgressETA(t *testing.T) {
	var out bytes.Buffer
	p := newProgress(&out)
	clock := time.Date(2024, 6, 30, 8, 0, 0, 0, time.UTC)
	p.now = func() time.Time { return clock }
	p.start("巡察轮次", 1000)
	for n := 1; n <= 1000; n++ {
		clock = clock.Add(180 * time.Millisecond) // 3 minutes in all
		p.step(n)
	}
	p.finish()
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 11 || lines[0] != "巡察轮次：共 1000 个" {
		t.Fatalf("piped progress:\n%s", out.String())
	}
	// A tenth done after 18 s: 2 minutes 42 s to go.
	if lines[1] != "巡察轮次：100/1000 剩余约 2分42秒" || lines[10] != "巡察轮次：1000/1000" {
		t.Errorf("piped progress:\n%s", out.String())
	}
}

func TestDurationText(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0: "0秒", 1500 * time.Millisecond: "1.5秒", 42 * time.Second: "42秒", 192 * time.Second: "3分12秒",
		3900 * time.Second: "1小时5分",
	} {
		if got := durationText(d); got != want {
			t.Errorf("durationText(%v) = %q, want %q", d, got, want)
		}
	}
}
