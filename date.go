package zhenggai

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// Shanghai is where every user of the program lives; times are stored in
// UTC and shown here.
var Shanghai = mustZone()

func mustZone() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		// No tzdata on the host: China has had no DST since 1991.
		return time.FixedZone("CST", 8*3600)
	}
	return loc
}

// Date is a calendar day without time or zone, as offices write deadlines.
// The zero Date means "not set". Eight bytes: the registers hold millions
// of them.
type Date struct {
	y    int32
	m, d int16
}

// NewDate returns the given day; it does not normalise. A month or day
// too large to hold is kept as no day at all (Valid is false), never
// wrapped round into a real one.
func NewDate(y, m, d int) Date {
	if y != int(int32(y)) || m != int(int16(m)) || d != int(int16(d)) {
		return Date{y: int32(min(max(y, math.MinInt32), math.MaxInt32)), m: -1, d: -1}
	}
	return Date{int32(y), int16(m), int16(d)}
}

// DateOf returns the day of t in Asia/Shanghai.
func DateOf(t time.Time) Date {
	t = t.In(Shanghai)
	return NewDate(t.Year(), int(t.Month()), t.Day())
}

// Today is the current day in Asia/Shanghai.
func Today() Date { return DateOf(time.Now()) }

// ParseDate reads an ISO date (2020-10-28). The empty string is the zero Date.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return Date{}, fmt.Errorf("日期格式应为 2020-10-28")
	}
	return NewDate(t.Year(), int(t.Month()), t.Day()), nil
}

// Valid reports whether the date exists in the calendar.
func (d Date) Valid() bool {
	if d.IsZero() {
		return true
	}
	t := d.Time()
	return t.Year() == d.Year() && int(t.Month()) == d.Month() && t.Day() == d.Day()
}

func (d Date) IsZero() bool { return d == Date{} }
func (d Date) Year() int    { return int(d.y) }
func (d Date) Month() int   { return int(d.m) }
func (d Date) Day() int     { return int(d.d) }
func (d Date) Time() time.Time {
	return time.Date(d.Year(), time.Month(d.m), d.Day(), 0, 0, 0, 0, time.UTC)
}
func (d Date) Before(o Date) bool { return d.Time().Before(o.Time()) }
func (d Date) AddDays(n int) Date {
	t := d.Time().AddDate(0, 0, n)
	return NewDate(t.Year(), int(t.Month()), t.Day())
}

// DaysUntil is the number of days from d to o (negative when o is earlier).
func (d Date) DaysUntil(o Date) int { return int(o.Time().Sub(d.Time()).Hours() / 24) }

// String is the ISO form, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d)
}

// Chinese is the way offices write a date: 2020年10月28日, no zero padding.
func (d Date) Chinese() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", d.y, d.m, d.d)
}

func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	if !v.Valid() {
		return fmt.Errorf("日期 %s 不存在", b)
	}
	*d = v
	return nil
}

// checkDate adds to v what is wrong with a typed date: missing when
// required, not in the calendar, or outside the years the program keeps.
func checkDate(v *ValidationError, field, label string, d Date, required bool) {
	switch {
	case required && d.IsZero():
		v.Add(field, label+"不能为空")
	case !d.Valid():
		v.Add(field, label+"不是有效日期")
	case !d.IsZero() && (d.Year() < 1949 || d.Year() > 2100):
		v.Add(field, label+"年份应在1949至2100之间")
	}
}

// ChineseAfter writes d as a text does after it has written ref: without
// the year when it is ref's (至6月19日, 截至10月28日).
func (d Date) ChineseAfter(ref Date) string {
	if !d.IsZero() && d.Year() == ref.Year() {
		return fmt.Sprintf("%d月%d日", d.Month(), d.Day())
	}
	return d.Chinese()
}

// Weekend reports whether d falls on a Saturday or a Sunday.
func (d Date) Weekend() bool {
	wd := d.Time().Weekday()
	return wd == time.Saturday || wd == time.Sunday
}

// AddWorkdays is the day n working days (Monday to Friday) after d: what
// an office means by "15个工作日内". Public holidays and their make-up
// working days (调休) are not known to the program yet: a deadline over
// a holiday comes that many days early, never late.
func (d Date) AddWorkdays(n int) Date {
	for n > 0 {
		d = d.AddDays(1)
		if !d.Weekend() {
			n--
		}
	}
	return d
}

// WorkdaysUntil counts the working days after d up to o included; 0 when
// o is not after d.
func (d Date) WorkdaysUntil(o Date) int {
	n := 0
	for day := d.AddDays(1); !o.Before(day); day = day.AddDays(1) {
		if !day.Weekend() {
			n++
		}
	}
	return n
}
