package sheet

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// MaxFen bounds an amount either way: 100亿元, as zhenggai.MaxFen does for
// the outcomes (a test keeps the two equal).
const MaxFen = 1_000_000_000_000

// Reasons an amount cannot be read, to put after the value quoted.
var (
	ErrNotYuan  = errors.New("须为金额（元），如 12600 或 1260.50")
	ErrNotWan   = errors.New("须为金额（万元），如 1.26")
	ErrPastFen  = errors.New("最多精确到分（元后两位小数）")
	ErrTooLarge = errors.New("过大（最多100亿元）")
	ErrGrouping = errors.New("千分位逗号位置不对，应写作 1,260.50 或 1260.50")
	ErrNotCount = errors.New("须为整数")
	ErrNegative = errors.New("不能为负数")
)

// ParseFen reads an amount and returns fen. The column's unit is 元, or
// 万元 when wan is set; a unit typed in the cell (300元, 1.26万, 1.26万元)
// wins over the column's. It takes what offices type and what software
// exports:
//
//   - 1260.5, 1,260.50 (commas every three digits, nowhere else), 1 260.50;
//   - ￥1,260.50, ¥300, 300元, full-width digits and signs (１２６０．５０);
//   - negative with a minus (-1,260.50, －300, −300, -￥300, ￥-300) or in
//     brackets as accountants write it ((1,260.50), （300）);
//   - a dash alone (-, —, --) is a zero, as Excel's accounting format shows one;
//   - the number Excel keeps (2316.4, 1.2345E+5), and one Excel computed
//     with binary noise past the fen (2316.4000000000001), which is
//     taken to the fen it is within a hair of.
//
// Anything past the fen typed by a person (12.345, 0.123456万) is refused,
// never rounded: a journal's amount is exact or it is wrong.
func ParseFen(s string, wan bool) (int64, error) {
	t := foldNumber(s)
	t = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u00a0' {
			return -1 // 1 260.50, and the spaces around signs and units
		}
		return r
	}, t)
	switch t {
	case "-", "--", "—", "——", "−":
		return 0, nil
	}
	neg := false
	if len(t) > 2 && (t[0] == '(' && t[len(t)-1] == ')') {
		neg, t = true, t[1:len(t)-1]
	}
	sign := func() {
		for _, m := range []string{"-", "−"} {
			if strings.HasPrefix(t, m) {
				neg, t = !neg, strings.TrimPrefix(t, m)
			}
		}
	}
	sign()
	if strings.HasPrefix(t, "￥") || strings.HasPrefix(t, "¥") {
		t = strings.TrimPrefix(strings.TrimPrefix(t, "￥"), "¥")
		sign()
	}
	per, places := int64(100), 2 // fen per unit, decimals that still make whole fen
	if wan {
		per, places = 1_000_000, 6
	}
	notNumber := ErrNotYuan
	if wan {
		notNumber = ErrNotWan
	}
	switch {
	case strings.HasSuffix(t, "万元"):
		t, per, places = strings.TrimSuffix(t, "万元"), 1_000_000, 6
	case strings.HasSuffix(t, "万"):
		t, per, places = strings.TrimSuffix(t, "万"), 1_000_000, 6
	case strings.HasSuffix(t, "元"):
		t, per, places = strings.TrimSuffix(t, "元"), 100, 2
	}
	if strings.ContainsAny(t, "eE") {
		// Excel's own form of a large or tiny number: written out exact.
		f, err := strconv.ParseFloat(t, 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) || f < 0 {
			return 0, notNumber
		}
		t = strconv.FormatFloat(f, 'f', -1, 64)
	}
	whole, frac, dot := strings.Cut(t, ".")
	if whole == "" && frac == "" || !allDigits(frac) || dot && frac == "" {
		return 0, notNumber
	}
	if strings.Contains(whole, ",") {
		groups := strings.Split(whole, ",")
		if len(groups[0]) == 0 || len(groups[0]) > 3 {
			return 0, ErrGrouping
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, ErrGrouping
			}
		}
		whole = strings.Join(groups, "")
	}
	if !allDigits(whole) {
		return 0, notNumber
	}
	frac = strings.TrimRight(frac, "0")
	whole = strings.TrimLeft(whole, "0")
	if len(whole) > 13 {
		return 0, ErrTooLarge
	}
	var fen int64
	if len(frac) > places {
		// Binary noise: a few units in the last place of the double that
		// Excel computed (2316.4000000000001); a fen typed away is far more.
		f, err := strconv.ParseFloat(whole+"."+frac, 64)
		if err != nil {
			return 0, notNumber
		}
		x := f * float64(per)
		ulp := math.Nextafter(x, math.Inf(1)) - x
		r := math.Round(x)
		if math.Abs(x-r) > max(1e-9, 16*ulp) {
			return 0, ErrPastFen
		}
		if r > MaxFen {
			return 0, ErrTooLarge
		}
		fen = int64(r)
	} else {
		w, _ := strconv.ParseInt("0"+whole, 10, 64)
		if w > MaxFen/per {
			return 0, ErrTooLarge // and w*per might not fit
		}
		f, _ := strconv.ParseInt("0"+frac+strings.Repeat("0", places-len(frac)), 10, 64)
		fen = w*per + f // frac is in units of per/10^places, which is 1 fen
	}
	if fen > MaxFen {
		return 0, ErrTooLarge
	}
	if neg {
		fen = -fen
	}
	return fen, nil
}

// ParseCount reads a whole number of things: 3, ３, 3人, 3 张, or the
// number Excel keeps (3, or 2.9999999999999996 when computed); from 0 to
// limit. units are the words that may follow it.
func ParseCount(s string, limit int, units ...string) (int, error) {
	t := strings.TrimSpace(foldNumber(s))
	for _, u := range units {
		if strings.HasSuffix(t, u) {
			t = strings.TrimSpace(strings.TrimSuffix(t, u))
			break
		}
	}
	if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "−") {
		return 0, ErrNegative
	}
	whole, frac, dot := strings.Cut(t, ".")
	if whole == "" || !allDigits(whole) || !allDigits(frac) || dot && frac == "" {
		return 0, ErrNotCount
	}
	outOfRange := fmt.Errorf("须在0至%d之间", limit)
	if len(strings.TrimLeft(whole, "0")) > 15 {
		return 0, outOfRange
	}
	n, _ := strconv.ParseInt(whole, 10, 64)
	if strings.Trim(frac, "0") != "" {
		// Only binary noise may follow: 2.9999999999999996 is 3.
		f, _ := strconv.ParseFloat(t, 64)
		r := math.Round(f)
		ulp := math.Nextafter(f, math.Inf(1)) - f
		if math.Abs(f-r) > max(1e-9, 16*ulp) {
			return 0, ErrNotCount
		}
		n = int64(r)
	}
	if n > int64(limit) {
		return 0, outOfRange
	}
	return int(n), nil
}

// foldNumber makes full-width digits, signs and separators half-width
// (１２６０．５０, －, ，, ：, ／) and the ideographic space a space.
func foldNumber(s string) string { return strings.Map(narrow, s) }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
