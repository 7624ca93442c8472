package sheet

import (
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"zhenggai"
)

// Dates as offices type them, and as Excel keeps them. A cell formatted
// as a date holds a serial number (days since 1899-12-30, or since
// 1904-01-01 in a workbook so set; a fraction is the time of day), which
// is what Table reads (raw values, not Excel's display); a text cell holds
// whatever was typed: 2020-10-28, 2020/10/28, 2020.10.28, 2020年10月28日,
// 20201028, with or without zero padding, full-width digits, and a time
// after it (2020-10-28 09:30:00, 2020/10/28 9:30, 2020-10-28T09:30:00,
// 2020年10月28日 9时30分), and the day of the week clocks and office apps
// write after the date (2020/07/01 星期三, 2020-07-01(周三) 08:55). A
// month first or a two-digit year is refused:
// 10/28/20 cannot be told from 28/10/20 without guessing.

// Reasons a date cannot be read, to put after the value quoted.
var (
	ErrNotDate   = errors.New("不是日期，应写作2020年10月28日、2020-10-28或2020.10.28")
	ErrNoSuchDay = errors.New("不是有效日期")
	ErrNotClock  = errors.New("不是时间，应写作9:30或09:30:00")
)

var (
	// A time follows the day after 日, a space or a T.
	dateText = regexp.MustCompile(`^(\d{4})\s*(?:年|[-/.。])\s*(\d{1,2})\s*(?:月|[-/.。])\s*(\d{1,2})(?:\s*(?:日|号)(?:\s*(.+))?|(?:\s+|\s*T\s*)(.+))?$`)
	dateYMD  = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
	weekday  = regexp.MustCompile(`\s*[（(]?(?:星期|礼拜|周)[一二三四五六日天][）)]?`)
	serialRe = regexp.MustCompile(`^\d{1,5}(\.\d+)?$`)
	clockRe  = regexp.MustCompile(`^(上午|下午|晚上|AM|PM|am|pm)?\s*(\d{1,2})\s*(?::|时)\s*(\d{1,2})\s*(?:(?::|分)\s*(?:(\d{1,2})(?:\.\d+)?\s*秒?)?)?\s*(AM|PM|am|pm)?$`)
)

// ParseDate reads a date; a time after it is allowed and dropped.
func ParseDate(s string, date1904 bool) (zhenggai.Date, error) {
	d, _, _, err := ParseDateTime(s, date1904)
	return d, err
}

// ParseDateTime reads a date and, when it has one, its time of day (a
// duration since midnight; hasClock false when none was given).
func ParseDateTime(s string, date1904 bool) (d zhenggai.Date, clock time.Duration, hasClock bool, err error) {
	s = strings.TrimSpace(foldNumber(s))
	if strings.Contains(s, "星期") || strings.Contains(s, "周") || strings.Contains(s, "礼拜") {
		s = strings.TrimSpace(weekday.ReplaceAllString(s, " "))
	}
	// The commonest forms without the regular expressions: a serial
	// number, 20201028, 2020-10-28.
	if allDigits(s) && len(s) == 8 {
		d, err = ymd(s[:4], s[4:6], s[6:])
		return d, 0, false, err
	}
	if y, m, dd, ok := isoDate(s); ok {
		d, err = ymd(y, m, dd)
		return d, 0, false, err
	}
	if m := dateText.FindStringSubmatch(s); m != nil {
		d, err = ymd(m[1], m[2], m[3])
		rest := m[4] + m[5]
		if err != nil || rest == "" {
			return d, 0, false, err
		}
		if clock, err = ParseClock(rest); err != nil {
			return zhenggai.Date{}, 0, false, ErrNotDate
		}
		return d, clock, true, nil
	}
	if m := dateYMD.FindStringSubmatch(s); m != nil {
		d, err = ymd(m[1], m[2], m[3])
		return d, 0, false, err
	}
	if serialRe.MatchString(s) {
		f, perr := strconv.ParseFloat(s, 64)
		if perr != nil || f < 1 {
			return zhenggai.Date{}, 0, false, ErrNotDate
		}
		d, clock = serialDate(f, date1904)
		return d, clock, f != math.Trunc(f), nil
	}
	return zhenggai.Date{}, 0, false, ErrNotDate
}

// ParseClock reads a time of day: 9:30, 09:30:00, 9时30分, 下午5:30, or
// the fraction of a day Excel keeps a time cell as (0.395833…).
func ParseClock(s string) (time.Duration, error) {
	s = strings.TrimSpace(foldNumber(s))
	if serialRe.MatchString(s) {
		// A time cell: a fraction of a day, after the date's whole days
		// when the cell holds both. A whole number is no time.
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || f >= 1 && f == math.Trunc(f) {
			return 0, ErrNotClock
		}
		_, clock := serialDate(f, false)
		return clock, nil
	}
	m := clockRe.FindStringSubmatch(s)
	if m == nil {
		return 0, ErrNotClock
	}
	h, _ := strconv.Atoi(m[2])
	mi, _ := strconv.Atoi(m[3])
	sec := 0
	if m[4] != "" {
		sec, _ = strconv.Atoi(m[4])
	}
	half := strings.ToLower(m[1] + m[5])
	switch {
	case half == "" || half == "上午" || half == "am":
		if half != "" && h == 12 {
			h = 0 // 12:30 AM
		}
	case (half == "下午" || half == "晚上" || half == "pm") && h >= 1 && h <= 12:
		if h < 12 {
			h += 12
		}
	default:
		return 0, ErrNotClock
	}
	if h > 23 || mi > 59 || sec > 59 {
		return 0, ErrNotClock
	}
	return time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute + time.Duration(sec)*time.Second, nil
}

// isoDate splits 2020-10-28, 2020/1/5 or 2020.10.28 with nothing around it.
func isoDate(s string) (y, m, d string, ok bool) {
	if len(s) < 8 || len(s) > 10 || !allDigits(s[:4]) {
		return
	}
	sep := s[4]
	if sep != '-' && sep != '/' && sep != '.' {
		return
	}
	m, d, ok = strings.Cut(s[5:], string(sep))
	if !ok || len(m) < 1 || len(m) > 2 || len(d) < 1 || len(d) > 2 || !allDigits(m) || !allDigits(d) {
		return "", "", "", false
	}
	return s[:4], m, d, true
}

func ymd(y, m, d string) (zhenggai.Date, error) {
	yi, _ := strconv.Atoi(y)
	mi, _ := strconv.Atoi(m)
	di, _ := strconv.Atoi(d)
	date := zhenggai.NewDate(yi, mi, di)
	if yi == 0 || !date.Valid() {
		return zhenggai.Date{}, ErrNoSuchDay
	}
	return date, nil
}

// serialDate is the day and time of an Excel serial number. Excel counts
// 1900 as a leap year (serial 60 is the 29 February that never was), so
// days from 61 on count from 1899-12-30 and those before from 1899-12-31;
// serial 60 reads as 1 March. The time is rounded to the second.
func serialDate(f float64, date1904 bool) (zhenggai.Date, time.Duration) {
	days := math.Floor(f)
	sec := int64(math.Round((f - days) * 86400))
	if sec >= 86400 {
		days, sec = days+1, 0
	}
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	switch {
	case date1904:
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	case days < 61:
		base = time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	t := base.AddDate(0, 0, int(days))
	return zhenggai.NewDate(t.Year(), int(t.Month()), t.Day()), time.Duration(sec) * time.Second
}
