package zhenggai

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Fen is an amount of money in fen (分, the hundredth of a 元): money is
// kept and summed as whole fen, never as a float. Text writes it as
// reports do, Yuan as a form field shows it, ParseYuan reads what people
// type.
type Fen int64

// MaxFen bounds an amount one measure records: 100亿元, far beyond any real
// case, and small enough that a round's sums cannot overflow.
const MaxFen Fen = 1_000_000_000_000

// Text writes the amount the way reports do: from 1万元 up in 万元 to the
// hundredth (12,600元 is 1.26万元, 10,000元 is 1万元), below that in 元 to
// the fen (3860元, 2316.4元); trailing zeros of decimals are dropped.
func (f Fen) Text() string {
	sign, fen := "", int64(f)
	if fen < 0 {
		sign, fen = "-", -fen
	}
	if fen >= 1_000_000 {
		h := (fen + 5000) / 10000 // hundredths of 万元, rounded half up
		return sign + decimal(h/100, h%100) + "万元"
	}
	return sign + decimal(fen/100, fen%100) + "元"
}

// Yuan writes the amount in 元 with up to two decimals and no unit, as a
// form field or a cell shows it: 12600, 2316.4, 0.05.
func (f Fen) Yuan() string {
	sign, fen := "", int64(f)
	if fen < 0 {
		sign, fen = "-", -fen
	}
	return sign + decimal(fen/100, fen%100)
}

// decimal writes whole.hundredths without trailing zeros.
func decimal(whole, hundredths int64) string {
	s := strconv.FormatInt(whole, 10)
	if hundredths == 0 {
		return s
	}
	f := fmt.Sprintf("%02d", hundredths)
	return s + "." + strings.TrimRight(f, "0")
}

// ParseYuan reads an amount as people type it, in 元 (12600, 1,260.50,
// ￥300, 300元, full-width digits) or in 万元 (1.26万元, 1.26万). The error
// is a reason to put after the field's name.
func ParseYuan(s string) (Fen, error) {
	s = foldDigits(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == ',' {
			return -1 // 1,260.50 and 1 260
		}
		return r
	}, s)
	s = strings.TrimLeft(s, "￥¥")
	per := int64(100) // fen per unit typed
	switch {
	case strings.HasSuffix(s, "万元"):
		s, per = strings.TrimSuffix(s, "万元"), 1_000_000
	case strings.HasSuffix(s, "万"):
		s, per = strings.TrimSuffix(s, "万"), 1_000_000
	case strings.HasSuffix(s, "元"):
		s = strings.TrimSuffix(s, "元")
	}
	if strings.HasPrefix(s, "-") {
		return 0, errors.New("不能为负数")
	}
	whole, frac, dot := strings.Cut(s, ".")
	if whole == "" && frac == "" || !allDigits(whole) || !allDigits(frac) || dot && frac == "" {
		return 0, errors.New("须为金额（元），如 12600 或 1260.50")
	}
	places := 2 // of 元
	if per == 1_000_000 {
		places = 6 // of 万元: still the fen
	}
	frac = strings.TrimRight(frac, "0")
	if len(frac) > places {
		return 0, errors.New("最多精确到分（元后两位小数）")
	}
	whole = strings.TrimLeft(whole, "0")
	if len(whole) > 13 {
		return 0, errors.New("过大（最多100亿元）")
	}
	w, _ := strconv.ParseInt("0"+whole, 10, 64)
	if w > int64(MaxFen)/per {
		return 0, errors.New("过大（最多100亿元）") // before w*per overflows
	}
	f, _ := strconv.ParseInt("0"+frac+strings.Repeat("0", places-len(frac)), 10, 64)
	fen := Fen(w*per + f) // frac is in units of per/10^places, which is 1 fen
	if fen > MaxFen {
		return 0, errors.New("过大（最多100亿元）")
	}
	return fen, nil
}
