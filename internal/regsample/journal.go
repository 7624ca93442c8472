package regsample

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"

	"zhenggai"
)

// JournalHeader is the header of a journal export (序时账) as WriteJournal
// writes it, one row per entry line.
var JournalHeader = []string{"日期", "凭证字号", "摘要", "科目编码", "科目名称", "借方金额", "贷方金额", "附单据数", "制单人", "审核人", "记账人"}

// WriteJournal writes a synthetic journal export of exactly lines entry
// lines (at least 2) as CSV in UTF-8, for the import benchmark: the
// vouchers of 2016–2020, balanced, booked as the registers' are (the
// same rules broken now and then), amounts with thousands separators.
// The same seed and lines write the same file.
func WriteJournal(ctx context.Context, w io.Writer, seed uint64, lines int) error {
	if lines < 2 {
		return zhenggai.Errorf(zhenggai.EINVALID, "序时账至少要有2行分录（--lines）")
	}
	people := []string{"向建国", "王志华", "李春梅"}
	m := &maker{c: Config{Seed: seed, Leaders: people, Staff: []string{"覃丽", "陈伟", "谷红"},
		From: zhenggai.NewDate(2016, 1, 1), To: zhenggai.NewDate(2020, 12, 31), Lines: lines},
		rng: rand.New(rand.NewPCG(seed, 0x6a6f_7572)), dropViews: map[int]bool{}}
	bw := bufio.NewWriterSize(w, 1<<16)
	cw := csv.NewWriter(bw)
	if err := cw.Write(JournalHeader); err != nil {
		return err
	}
	perMonth := max(lines/60, 2)
	left := lines
	row := make([]string, len(JournalHeader))
	write := func(v *zhenggai.Voucher) error {
		for _, l := range v.Lines {
			row[0], row[1], row[2] = v.Date.String(), v.Word+"-"+strconv.Itoa(v.Number), l.Summary
			row[3], row[4], row[5], row[6] = l.AccountCode, l.AccountName, amount(l.Debit), amount(l.Credit)
			row[7], row[8], row[9], row[10] = strconv.Itoa(v.Attachments), v.Maker, v.Approver, v.Poster
			if err := cw.Write(row); err != nil {
				return err
			}
		}
		left -= len(v.Lines)
		return nil
	}
	var owed []large
	var last zhenggai.Voucher
	for d := m.c.From; !m.c.To.Before(d) && left > 0; d = firstOfNext(d) {
		if err := ctx.Err(); err != nil {
			return err
		}
		vs, rest := m.month(d, nil, owed, perMonth)
		owed = rest
		for i := range vs {
			if left == 0 {
				break
			}
			v := &vs[i].Voucher
			if n := len(v.Lines); n > left || left-n == 1 {
				m.fit(v, left)
			}
			if err := write(v); err != nil {
				return err
			}
			last = *v
		}
	}
	// The months made fewer lines than asked: more vouchers on the last day.
	for left > 0 {
		v := last
		v.Number++
		m.fit(&v, left)
		if err := write(&v); err != nil {
			return err
		}
		last = v
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// fit gives v 2, 3 or 4 lines, so that left lines can still be written
// as whole vouchers (never one line left over).
func (m *maker) fit(v *zhenggai.Voucher, left int) {
	k := min(left, 4)
	if left-k == 1 {
		k = 3
	}
	it := items[m.rng.IntN(len(items))]
	f := m.fen(it.lo, it.hi, true)
	purpose := it.purposes[0]
	switch k {
	case 2:
		v.Lines = accrueLines(purpose, it, f, nil, 0)
	case 3:
		it2 := items[m.rng.IntN(len(items))]
		v.Lines = accrueLines(purpose, it, f, &it2, m.fen(it2.lo, it2.hi, true))
	default:
		v.Lines = payLines(purpose, it, f)
	}
	v.Summary = purpose
}

// amount writes fen as 元 with thousands separators (12,345.60), "" for 0.
func amount(f zhenggai.Fen) string {
	if f == 0 {
		return ""
	}
	s := fmt.Sprintf("%d.%02d", f/100, f%100)
	whole := s[:len(s)-3]
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	return whole + s[len(s)-3:]
}
