package sheet_test

import (
	"errors"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/sheet"
)

// TestParseDate: every form a date takes in a cell, typed or kept by
// Excel, reads as its day; a time after it is read where asked.
func TestParseDate(t *testing.T) {
	day := zhenggai.NewDate(2020, 10, 28)
	jan := zhenggai.NewDate(2021, 1, 5)
	at := func(h, m, s int) time.Duration {
		return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(s)*time.Second
	}
	cases := []struct {
		in    string
		want  zhenggai.Date
		clock time.Duration
		has   bool
	}{
		{"2020-10-28", day, 0, false},
		{"2020/10/28", day, 0, false},
		{"2020.10.28", day, 0, false},
		{"2020年10月28日", day, 0, false},
		{"2020年10月28号", day, 0, false},
		{"20201028", day, 0, false},
		{"2021-1-5", jan, 0, false},
		{"2021/1/5", jan, 0, false},
		{"2021.1.5", jan, 0, false},
		{"2021年1月5日", jan, 0, false},
		{"2021-01-05", jan, 0, false},
		{"2021年01月05日", jan, 0, false},
		{"20210105", jan, 0, false},
		{" 2020 年 10 月 28 日 ", day, 0, false},
		{"２０２０年１０月２８日", day, 0, false}, // full-width digits
		{"２０２０－１０－２８", day, 0, false},
		{"２０２０／１０／２８", day, 0, false},
		{"２０２０．１０．２８", day, 0, false},
		{"2020。10。28", day, 0, false}, // typed with a Chinese input method's full stop
		// The day of the week a clock's or office app's export adds.
		{"2020/10/28 星期三", day, 0, false},
		{"2020-10-28（周三）", day, 0, false},
		{"2020年10月28日 礼拜三", day, 0, false},
		{"2020-10-28(周三) 08:55", day, at(8, 55, 0), true},
		{"2020-10-28 09:30:00", day, at(9, 30, 0), true},
		{"2020-10-28 9:30", day, at(9, 30, 0), true},
		{"2020/10/28 17:05:09", day, at(17, 5, 9), true},
		{"2020-10-28T09:30:00", day, at(9, 30, 0), true},
		{"2020.10.28 09:30:00.000", day, at(9, 30, 0), true},
		{"2020年10月28日 9时30分", day, at(9, 30, 0), true},
		{"2020年10月28日9:30", day, at(9, 30, 0), true},
		{"2020-10-28 下午5:30", day, at(17, 30, 0), true},
		{"2020-10-28 上午12:10", day, at(0, 10, 0), true},
		{"2020-10-28 ０９：３０", day, at(9, 30, 0), true},
		// Serial numbers, as Excel keeps date cells.
		{"44132", day, 0, false},
		{"44132.395833333336", day, at(9, 30, 0), true},
		{"44132.5", day, at(12, 0, 0), true},
		{"44132.99999999", zhenggai.NewDate(2020, 10, 29), 0, true}, // a hair before midnight rounds to it
		{"1", zhenggai.NewDate(1900, 1, 1), 0, false},
		{"59", zhenggai.NewDate(1900, 2, 28), 0, false},
		{"61", zhenggai.NewDate(1900, 3, 1), 0, false},
		{"60", zhenggai.NewDate(1900, 3, 1), 0, false}, // Excel's 29 February 1900, which never was
	}
	for _, c := range cases {
		d, clock, has, err := sheet.ParseDateTime(c.in, false)
		if err != nil || d != c.want || clock != c.clock || has != c.has {
			t.Errorf("%q: %v %v %v %v, want %v %v %v", c.in, d, clock, has, err, c.want, c.clock, c.has)
		}
		if d, err := sheet.ParseDate(c.in, false); err != nil || d != c.want {
			t.Errorf("ParseDate(%q): %v %v", c.in, d, err)
		}
	}
	// A workbook saved with the 1904 date system counts from 1904-01-01.
	if d, err := sheet.ParseDate("42670", true); err != nil || d != day {
		t.Errorf("1904 system: %v %v", d, err)
	}
}

// TestParseDateRefused: what is not a date, or no day of the calendar, is
// refused with its reason; nothing is guessed.
func TestParseDateRefused(t *testing.T) {
	cases := []struct {
		in   string
		want error
	}{
		{"", sheet.ErrNotDate},
		{"下个月", sheet.ErrNotDate},
		{"2020年10月", sheet.ErrNotDate},    // a month is no day
		{"星期三", sheet.ErrNotDate},         // a weekday is no day
		{"10/28/2020", sheet.ErrNotDate},  // month first: refused, not guessed
		{"28/10/2020", sheet.ErrNotDate},  // day first: the same
		{"20-10-28", sheet.ErrNotDate},    // a two-digit year
		{"2020-10-28前", sheet.ErrNotDate}, // a deadline's word: the ledger takes it off itself
		{"2020-10-28 25:00", sheet.ErrNotDate},
		{"2020-10-28 9:61", sheet.ErrNotDate},
		{"2020-10-28 下午13:00", sheet.ErrNotDate},
		{"2020-10-2809:30", sheet.ErrNotDate}, // no space between day and time
		{"0.5", sheet.ErrNotDate},             // a time alone
		{"-44132", sheet.ErrNotDate},
		{"4413200", sheet.ErrNotDate},
		{"2020-02-30", sheet.ErrNoSuchDay},
		{"2021年2月29日", sheet.ErrNoSuchDay},
		{"2020/13/01", sheet.ErrNoSuchDay},
		{"20201328", sheet.ErrNoSuchDay},
		{"0000-01-01", sheet.ErrNoSuchDay},
	}
	for _, c := range cases {
		if d, err := sheet.ParseDate(c.in, false); !errors.Is(err, c.want) {
			t.Errorf("%q: %v %v, want %v", c.in, d, err, c.want)
		}
	}
	if !errors.Is(sheet.ErrNotDate, sheet.ErrNotDate) || sheet.ErrNotDate.Error() != "不是日期，应写作2020年10月28日、2020-10-28或2020.10.28" {
		t.Errorf("message %q", sheet.ErrNotDate)
	}
}

// TestParseClock: a clock's punch as exports write it.
func TestParseClock(t *testing.T) {
	cases := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"9:30", 9*time.Hour + 30*time.Minute, true},
		{"09:30:15", 9*time.Hour + 30*time.Minute + 15*time.Second, true},
		{"9时30分", 9*time.Hour + 30*time.Minute, true},
		{"9时30分15秒", 9*time.Hour + 30*time.Minute + 15*time.Second, true},
		{"下午5:30", 17*time.Hour + 30*time.Minute, true},
		{"5:30 PM", 17*time.Hour + 30*time.Minute, true},
		{"12:05 AM", 5 * time.Minute, true},
		{"晚上9:00", 21 * time.Hour, true},
		{"0.395833333", 9*time.Hour + 30*time.Minute, true}, // a time cell
		{"44132.395833333", 9*time.Hour + 30*time.Minute, true},
		{"0", 0, true},
		{"23:59:59", 23*time.Hour + 59*time.Minute + 59*time.Second, true},
		{"24:00", 0, false},
		{"9:60", 0, false},
		{"下午0:30", 0, false},
		{"1", 0, false},
		{"930", 0, false},
		{"早上", 0, false},
		{"", 0, false},
	}
	for _, c := range cases {
		got, err := sheet.ParseClock(c.in)
		if (err == nil) != c.ok || c.ok && got != c.want {
			t.Errorf("%q: %v %v, want %v %v", c.in, got, err, c.want, c.ok)
		}
		if err != nil && !errors.Is(err, sheet.ErrNotClock) {
			t.Errorf("%q: %v", c.in, err)
		}
	}
}
