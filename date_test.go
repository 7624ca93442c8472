package zhenggai

import (
	"encoding/json"
	"testing"
	"time"
)

func TestDate(t *testing.T) {
	d, err := ParseDate("2020-10-28")
	if err != nil || d != NewDate(2020, 10, 28) {
		t.Fatalf("ParseDate: %v %v", d, err)
	}
	if d.Chinese() != "2020年10月28日" || NewDate(2020, 7, 7).Chinese() != "2020年7月7日" {
		t.Errorf("Chinese() = %s", d.Chinese())
	}
	if got := NewDate(2020, 12, 30).AddDays(3); got != NewDate(2021, 1, 2) {
		t.Errorf("AddDays across year = %v", got)
	}
	if n := NewDate(2020, 7, 27).DaysUntil(NewDate(2020, 10, 28)); n != 93 {
		t.Errorf("DaysUntil = %d", n)
	}
	for _, bad := range []string{"2020-02-30", "2020/10/28", "28.10.2020", "x"} {
		var d Date
		if err := json.Unmarshal([]byte(`"`+bad+`"`), &d); err == nil {
			t.Errorf("%q accepted as %v", bad, d)
		}
	}
	// 23:30 UTC is already the next day in Shanghai.
	if got := DateOf(time.Date(2020, 10, 27, 23, 30, 0, 0, time.UTC)); got != NewDate(2020, 10, 28) {
		t.Errorf("DateOf in Shanghai = %v", got)
	}
	b, _ := json.Marshal(struct {
		D Date `json:"d"`
	}{d})
	if string(b) != `{"d":"2020-10-28"}` {
		t.Errorf("JSON = %s", b)
	}
}

// TestNewDateTooLarge: a month or day beyond what a Date holds (typed in
// a sheet as 2020年65537月1日) is no day, never wrapped round into one.
func TestNewDateTooLarge(t *testing.T) {
	for _, tc := range []struct {
		y, m, d int
		valid   bool
	}{
		{2020, 10, 28, true}, {2020, 65537, 1, false}, {2020, 1, 65537, false}, {2020, -65535, 1, false},
		{1 << 32, 1, 1, false}, {2020, 13, 1, false}, {2020, 2, 30, false},
	} {
		d := NewDate(tc.y, tc.m, tc.d)
		if d.Valid() != tc.valid || d.IsZero() {
			t.Errorf("NewDate(%d, %d, %d) = %v, valid %v", tc.y, tc.m, tc.d, d, d.Valid())
		}
		if tc.valid && (d.Year() != tc.y || d.Month() != tc.m || d.Day() != tc.d) {
			t.Errorf("NewDate(%d, %d, %d) reads back as %d-%d-%d", tc.y, tc.m, tc.d, d.Year(), d.Month(), d.Day())
		}
	}
}
