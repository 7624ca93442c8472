package xlsx

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"zhenggai"
	"zhenggai/internal/sheet"
)

// The journal (序时账, 凭证列表) as accounting packages export it: one row
// per entry line, the voucher's date and 凭证字号 on its first line or on
// every line, a title and period lines above the header (用友, 金蝶), and
// subtotal rows (本月合计, 本年累计) among the lines. It is read into
// vouchers, grouped by period, word and number; all or nothing.

// Columns of the journal, in the order it is written.
const (
	jPeriod = iota
	jDate
	jRef
	jWord
	jNumber
	jSummary
	jCode
	jAccount
	jDebit
	jCredit
	jAttach
	jMaker
	jApprover
	jPoster
	jDirection // 方向 + 金额: one amount column and 借/贷 beside it
	jAmount
	jCols
)

var journalSpec = sheet.Spec{
	What: "序时账",
	Columns: []sheet.Column{
		jPeriod:   {Name: "会计期间", Aliases: []string{"期间", "会计期", "凭证期间"}, Max: 20, Width: 10},
		jDate:     {Name: "日期", Aliases: []string{"制单日期", "凭证日期", "记账日期", "业务日期"}, MinYear: 1990, Width: 14},
		jRef:      {Name: "凭证字号", Aliases: []string{"凭证编号", "凭证字号码"}, Max: 30, Width: 10},
		jWord:     {Name: "凭证字", Aliases: []string{"凭证类别", "凭证类型", "凭证类别字"}, Max: 10},
		jNumber:   {Name: "凭证号", Aliases: []string{"凭证号码", "凭证号数"}, Max: 30},
		jSummary:  {Name: "摘要", Aliases: []string{"凭证摘要", "分录摘要"}, Max: 500, Width: 30},
		jCode:     {Name: "科目编码", Aliases: []string{"科目代码", "科目编号", "会计科目编码", "会计科目代码"}, Max: 60, Width: 12},
		jAccount:  {Name: "科目名称", Aliases: []string{"科目", "会计科目", "科目全名", "会计科目名称", "科目全称"}, Max: 200, Width: 24},
		jDebit:    {Name: "借方金额", Aliases: []string{"借方", "借方发生额", "借方本币", "借方金额本币", "本币借方"}, Units: []string{"元", "万元"}, Signed: true, Once: true, Width: 14},
		jCredit:   {Name: "贷方金额", Aliases: []string{"贷方", "贷方发生额", "贷方本币", "贷方金额本币", "本币贷方"}, Units: []string{"元", "万元"}, Signed: true, Once: true, Width: 14},
		jAttach:   {Name: "附单据数", Aliases: []string{"附件数", "单据数", "附件张数", "附单据"}, Units: []string{"张"}, Width: 8},
		jMaker:    {Name: "制单人", Aliases: []string{"制单"}, Max: 30, Width: 8},
		jApprover: {Name: "审核人", Aliases: []string{"审核"}, Max: 30, Width: 8},
		jPoster:   {Name: "记账人", Aliases: []string{"记账", "过账人", "过账"}, Max: 30, Width: 8},
		// Read only where the journal has no 借方 and 贷方 columns: a 明细账's
		// 方向 is its balance's.
		jDirection: {Name: "方向", Aliases: []string{"借贷方向", "借贷", "借/贷", "借或贷", "发生额方向"}, Max: 10},
		jAmount:    {Name: "金额", Aliases: []string{"发生额", "本币金额", "金额本币", "本币发生额"}, Units: []string{"元", "万元"}, Signed: true, Once: true},
	},
	Within:   15,
	MinMatch: 4,
	Unknown:  sheet.Ignore,
	Hint:     []string{"日期", "凭证字号", "摘要", "科目编码", "科目名称", "借方金额", "贷方金额"},
}

// writtenCols are the columns the export writes (凭证字 and 凭证号 are
// written together as 凭证字号).
var writtenCols = []int{jPeriod, jDate, jRef, jSummary, jCode, jAccount, jDebit, jCredit, jAttach, jMaker, jApprover, jPoster}

// JournalLimits bound a journal's reading: a county's five years are a
// million lines, some hundred megabytes of CSV.
var JournalLimits = sheet.Limits{MaxBytes: 400 << 20, MaxUnzipped: 2 << 30, MaxRows: 2_000_000, MaxTime: 3 * time.Minute}

// Journal is a journal file read: its vouchers, each with its lines in
// the file's order, and what they amount to.
type Journal struct {
	Vouchers []*zhenggai.Voucher // each its own: a million lines are not copied as a slice grows
	Periods  []string            // sorted, "2019-03"
	Lines    int
	SHA256   string
	Warnings []string
}

// JournalOptions say how a journal is read.
type JournalOptions struct {
	Name   string       // the file's name, for messages about a CSV file
	Limits sheet.Limits // zero fields: JournalLimits
}

// ReadJournal reads an accounting package's journal export (.xlsx or CSV
// in UTF-8 or GBK). Every bad row is reported (a *sheet.Rejected error)
// and then nothing is returned; a voucher whose debits and credits differ
// is a bad row. It honours ctx and the limits.
func ReadJournal(ctx context.Context, r io.Reader, opt JournalOptions) (j *Journal, err error) {
	defer sheet.Guard(&err, "读取序时账")
	lim := opt.Limits
	if lim.MaxBytes == 0 {
		lim.MaxBytes = JournalLimits.MaxBytes
	}
	if lim.MaxUnzipped == 0 {
		lim.MaxUnzipped = JournalLimits.MaxUnzipped
	}
	if lim.MaxRows == 0 {
		lim.MaxRows = JournalLimits.MaxRows
	}
	if lim.MaxTime == 0 {
		lim.MaxTime = JournalLimits.MaxTime
	}
	if err := webPage(r); err != nil {
		return nil, err
	}
	// The file's hash: a file on disk is read twice (sheet.Open reads it
	// where it is), anything else through the hash as Open takes it in.
	h := sha256.New()
	if f, ok := r.(*os.File); ok {
		// A file over the limit is refused by Open without being read
		// through for its hash first.
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > lim.MaxBytes {
			return nil, zhenggai.Errorf(zhenggai.EINVALID, "文件过大（%s，最大%s）：请按年度或会计期间分成几个文件导入", mb(fi.Size()), mb(lim.MaxBytes))
		}
		if _, err := io.Copy(h, f); err != nil {
			return nil, fmt.Errorf("读取序时账：%w", err)
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return nil, fmt.Errorf("读取序时账：%w", err)
		}
	} else {
		r = io.TeeReader(r, h)
	}
	name := opt.Name
	b, err := sheet.Open(ctx, r, sheet.Options{Limits: lim, What: "序时账", CSV: true, Name: name})
	if err != nil {
		return nil, err
	}
	defer b.Close()
	sum := hex.EncodeToString(h.Sum(nil))
	sheets := b.Sheets()
	if len(sheets) == 0 {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "工作簿中没有工作表")
	}
	sh, err := journalSheet(b, sheets)
	if err != nil {
		return nil, err
	}
	tab, err := b.Table(sh, &journalSpec)
	if err != nil {
		return nil, err
	}
	defer tab.Close()
	jr := &journalReader{b: b, tab: tab, byKey: map[voucherKey]int{}, intern: map[string]string{}}
	checked := false
	for tab.Next() {
		if !checked {
			checked = true
			if !jr.checkHeader() {
				break
			}
		}
		jr.row(tab.Row())
	}
	if err := tab.Err(); err != nil {
		return nil, err
	}
	if !checked && tab.Found() {
		jr.checkHeader()
	}
	if len(b.Errors()) == 0 {
		if len(jr.vouchers) == 0 {
			b.Bad(tab.Sheet(), max(tab.Header(), 1), "", "序时账中没有凭证分录")
		}
		jr.balance()
	}
	if err := b.Rejected(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	j = &Journal{Vouchers: jr.vouchers, Lines: jr.lines, SHA256: sum, Warnings: b.Warnings()}
	if jr.noCode > 0 {
		j.Warnings = append(j.Warnings, fmt.Sprintf("有%d行分录的科目没有科目编码（如第%d行）：自查按科目编码识别支出（费用类5开头、预算支出类7开头），"+
			"这些分录不计入支出；请导出带科目编码的序时账", jr.noCode, jr.noCodeRow))
	}
	seen := map[string]bool{}
	for _, v := range j.Vouchers {
		if !seen[v.Period] {
			seen[v.Period] = true
			j.Periods = append(j.Periods, v.Period)
		}
	}
	slices.Sort(j.Periods)
	return j, nil
}

// webPage refuses what accounting and treasury systems save as .xls but
// is a web page (HTML) or Excel 2003's XML: Excel opens it, the reader
// cannot. Only a reader that can seek back is looked at.
func webPage(r io.Reader) error {
	rs, ok := r.(io.ReadSeeker)
	if !ok {
		return nil
	}
	head := make([]byte, 1024)
	n, _ := io.ReadFull(rs, head)
	if _, err := rs.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("读取序时账：%w", err)
	}
	h := strings.ToLower(strings.TrimLeft(strings.TrimPrefix(string(head[:n]), "\ufeff"), " \t\r\n"))
	web := strings.HasPrefix(h, "<html") || strings.HasPrefix(h, "<!doctype html") || strings.HasPrefix(h, "<table") ||
		strings.HasPrefix(h, "<?xml") && (strings.Contains(h, "<workbook") || strings.Contains(h, "office:spreadsheet")) ||
		strings.HasPrefix(h, "<meta") || strings.HasPrefix(h, "<head")
	if web {
		return zhenggai.Errorf(zhenggai.EINVALID, "这是网页（HTML）或Excel 2003 XML格式的文件，虽以.xls结尾，却不是Excel工作簿："+
			"请在Excel中打开后“另存为”Excel工作簿（.xlsx）再导入")
	}
	return nil
}

// mb writes a file size as a message gives it: 1024MB, 4KB.
func mb(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%dMB", n>>20)
	}
	return fmt.Sprintf("%dKB", max(n>>10, 1))
}

// journalSheet is the first sheet with a journal's header in its first
// rows (an export may open with a 封面 or 说明 sheet); the first sheet
// when none has one, for its message.
func journalSheet(b *sheet.Book, sheets []string) (string, error) {
	if len(sheets) == 1 {
		return sheets[0], nil
	}
	for _, sh := range sheets {
		rs, err := b.Rows(sh)
		if err != nil {
			return "", err
		}
		found := false
		for !found && rs.Next() && rs.N() <= journalSpec.Within {
			n := 0
			for _, c := range rs.Cells() {
				if _, _, ok := journalSpec.Match(c); ok {
					n++
				}
			}
			found = n >= journalSpec.MinMatch
		}
		err = rs.Err()
		rs.Close()
		if err != nil {
			return "", err
		}
		if found {
			return sh, nil
		}
	}
	return sheets[0], nil
}

// HashOf is the hex SHA-256 of what r reads, as ReadJournal reports it.
func HashOf(r io.Reader) (string, error) {
	var h hash.Hash = sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

type voucherKey struct {
	period, word string
	number       int
}

type journalReader struct {
	b                 *sheet.Book
	tab               *sheet.Table
	vouchers          []*zhenggai.Voucher
	first             []int // each voucher's first row
	byKey             map[voucherKey]int
	prev              int // the voucher of the last line, -1 for none
	noCode, noCodeRow int // lines whose account has a name but no code
	// direction: amounts are one 金额 column with 借/贷 in 方向.
	direction bool
	started   bool
	lines     int
	intern    map[string]string
}

// checkHeader: a journal needs a date, a voucher number, an account and
// both amounts.
func (jr *journalReader) checkHeader() bool {
	t := jr.tab
	bad := func(reason string) { jr.b.Bad(t.Sheet(), t.Header(), "", reason) }
	n := len(jr.b.Errors())
	if !t.Has(jDate) {
		bad("表头缺少“日期”列（或制单日期、凭证日期）")
	}
	if !t.Has(jRef) && !t.Has(jNumber) {
		bad("表头缺少“凭证字号”列（或“凭证字”和“凭证号”两列）")
	}
	if !t.Has(jCode) && !t.Has(jAccount) {
		bad("表头缺少“科目编码”或“科目名称”列")
	}
	switch {
	case t.Has(jDebit) && t.Has(jCredit):
		jr.direction = false
	case !t.Has(jDebit) && !t.Has(jCredit) && t.Has(jDirection) && t.Has(jAmount):
		jr.direction = true
	case t.Has(jAmount) || t.Has(jDirection):
		bad("表头缺少“借方金额”和“贷方金额”列，或“方向”和“金额”两列（方向写“借”或“贷”）")
	default:
		bad("表头缺少“借方金额”或“贷方金额”列")
	}
	return len(jr.b.Errors()) == n
}

// subtotals are the words of rows that sum lines rather than being one:
// the cell holds one of them alone, or starts with one of the longer ones
// (本月合计：, 本年累计数). 计提累计折旧 is a line.
var subtotals = []string{"本月合计", "本年累计", "期初余额", "本期合计", "本日合计", "上年结转", "期末余额", "承前页", "过次页", "本年合计"}

func isSubtotal(s string) bool {
	s = sheet.Fold(s)
	switch s {
	case "":
		return false
	case "合计", "累计", "总计", "小计":
		return true
	}
	for _, w := range subtotals {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

func (jr *journalReader) str(s string) string {
	if v, ok := jr.intern[s]; ok {
		return v
	}
	if len(jr.intern) < 1<<16 {
		jr.intern[s] = s
	}
	return s
}

func (jr *journalReader) row(r *sheet.Row) {
	if !jr.started {
		jr.started, jr.prev = true, -1
	}
	// Subtotal rows carry no voucher number and no account.
	noRef := strings.TrimSpace(r.Raw(jRef)+r.Raw(jNumber)) == "" || isSubtotal(r.Raw(jRef))
	if noRef && strings.TrimSpace(r.Raw(jCode)) == "" &&
		(isSubtotal(r.Raw(jRef)) || isSubtotal(r.Raw(jSummary)) || isSubtotal(r.Raw(jDate)) || isSubtotal(r.Raw(jPeriod)) || isSubtotal(r.Raw(jAccount))) {
		return
	}
	before := len(jr.b.Errors())
	date, _ := r.Date(jDate)
	word, number, hasRef := jr.ref(r)
	period := ""
	if !r.Blank(jPeriod) {
		p, _ := r.Text(jPeriod)
		var ok bool
		if period, ok = parsePeriod(p, date); !ok {
			r.Bad(jPeriod, "“"+zhenggai.Clip(p, 20)+"”不是会计期间，应写作 2019-03、2019年3期 或 3")
		}
	} else if !date.IsZero() {
		period = fmt.Sprintf("%04d-%02d", date.Year(), date.Month())
	}
	period = jr.str(period)
	summary, _ := r.Text(jSummary)
	code, _ := r.Text(jCode)
	account, _ := r.Text(jAccount)
	if code == "" {
		code, account = splitAccount(account)
	} else if account == "" {
		code, account = splitAccount(code)
	}
	debit, credit := jr.amounts(r)
	attach, _ := r.Count(jAttach, 9999)
	maker, _ := r.Text(jMaker)
	approver, _ := r.Text(jApprover)
	poster, _ := r.Text(jPoster)

	// Which voucher: a line with neither date nor number continues the
	// one above; one with a number belongs to its own.
	idx := -1
	switch {
	case !hasRef && r.Blank(jDate):
		if jr.prev < 0 {
			r.BadRow("缺少日期和凭证字号：第一条分录须写明凭证的日期和凭证字号")
		}
		idx = jr.prev
	case !hasRef && jr.prev >= 0 && r.Blank(jRef) && r.Blank(jNumber) && date == jr.vouchers[jr.prev].Date &&
		(r.Blank(jPeriod) || period == jr.vouchers[jr.prev].Period):
		// The date repeated on every line, the number on the first only.
		idx = jr.prev
	case !hasRef:
		if r.Blank(jRef) && r.Blank(jNumber) {
			col := jRef
			if !jr.tab.Has(jRef) {
				col = jNumber
			}
			r.Bad(col, "凭证号不能为空")
		}
	default:
		if period == "" && jr.prev >= 0 {
			// The date left blank under a voucher's first line.
			period = jr.vouchers[jr.prev].Period
		}
		if period == "" {
			r.Bad(jDate, "日期不能为空")
			break
		}
		k := voucherKey{period, word, number}
		if i, ok := jr.byKey[k]; ok {
			idx = i
			if !date.IsZero() && !jr.vouchers[i].Date.IsZero() && date != jr.vouchers[i].Date {
				r.Bad(jDate, fmt.Sprintf("与第%d行同一凭证（%s）的日期%s不同", jr.first[i], zhenggai.VoucherRef(word, number),
					jr.vouchers[i].Date.Chinese()))
			}
		} else if len(jr.b.Errors()) == before {
			if date.IsZero() {
				r.Bad(jDate, "日期不能为空")
				break
			}
			jr.vouchers = append(jr.vouchers, &zhenggai.Voucher{Period: period, Date: date, Word: jr.str(word), Number: number})
			jr.first = append(jr.first, r.N())
			idx = len(jr.vouchers) - 1
			jr.byKey[k] = idx
		}
	}
	if code == "" && account == "" {
		col := jCode
		if !jr.tab.Has(jCode) {
			col = jAccount
		}
		r.Bad(col, "科目不能为空")
	}
	if debit != 0 && credit != 0 {
		r.BadRow("借方金额和贷方金额不能同时填写：一行分录只记一方")
	}
	if len(jr.b.Errors()) > before || idx < 0 {
		return
	}
	jr.prev = idx
	if code == "" {
		if jr.noCode++; jr.noCodeRow == 0 {
			jr.noCodeRow = r.N()
		}
	}
	v := jr.vouchers[idx]
	if v.Summary == "" {
		v.Summary = summary
	}
	v.Attachments = max(v.Attachments, attach)
	if v.Maker == "" {
		v.Maker = jr.str(maker)
	}
	if v.Approver == "" {
		v.Approver = jr.str(approver)
	}
	if v.Poster == "" {
		v.Poster = jr.str(poster)
	}
	if summary == v.Summary {
		summary = v.Summary // one copy for the voucher's lines
	}
	v.Lines = append(v.Lines, zhenggai.VoucherLine{Seq: len(v.Lines) + 1, Summary: summary, AccountCode: jr.str(code),
		AccountName: jr.str(account), Debit: zhenggai.Fen(debit), Credit: zhenggai.Fen(credit)})
	jr.lines++
}

// amounts are the line's debit and credit, from their columns or from
// 金额 and its 方向.
func (jr *journalReader) amounts(r *sheet.Row) (debit, credit int64) {
	if !jr.direction {
		debit, _ = r.Fen(jDebit)
		credit, _ = r.Fen(jCredit)
		return debit, credit
	}
	amount, _ := r.Fen(jAmount)
	d, _ := r.Text(jDirection)
	switch strings.TrimSuffix(sheet.Fold(d), "方") {
	case "借":
		return amount, 0
	case "贷":
		return 0, amount
	case "":
		if amount == 0 {
			return 0, 0
		}
		r.Bad(jDirection, "借贷方向不能为空：金额须写明“借”或“贷”")
	default:
		r.Bad(jDirection, "“"+zhenggai.Clip(d, 10)+"”不是借贷方向，应写作“借”或“贷”")
	}
	return 0, 0
}

// ref reads the voucher's word and number from 凭证字号, or 凭证字 and
// 凭证号; hasRef is false when there is none (or it is bad, recorded).
func (jr *journalReader) ref(r *sheet.Row) (word string, number int, hasRef bool) {
	col := jRef
	s, _ := r.Text(jRef)
	if s == "" {
		col = jNumber
		s, _ = r.Text(jNumber)
	}
	if s == "" {
		return "", 0, false
	}
	word, number, ok := ParseVoucherRef(s)
	if !ok {
		r.Bad(col, "“"+zhenggai.Clip(s, 20)+"”不是凭证字号，应写作 记-15、记字第15号 或 15")
		return "", 0, false
	}
	if word == "" {
		w, _ := r.Text(jWord)
		word = voucherWord(w)
	}
	return word, number, true
}

// fullWords are 凭证类别 as 用友 names them, each with its 字.
var fullWords = map[string]string{"记账": "记", "收款": "收", "付款": "付", "转账": "转", "现金收款": "现收", "现金付款": "现付",
	"银行收款": "银收", "银行付款": "银付"}

// voucherWord is the 凭证字 of a 凭证类别 cell: 记 of 记, 记字 and 记账凭证.
func voucherWord(w string) string {
	w = strings.TrimSpace(w)
	if base, ok := strings.CutSuffix(w, "凭证"); ok {
		if short, ok := fullWords[base]; ok {
			return short
		}
	}
	return strings.TrimSuffix(w, "字")
}

// ParseVoucherRef reads a 凭证字号: 记-15, 记字第15号, 记 15, 记15,
// 记-0015, 15. The word is what comes before the number, without 字, 第
// and separators.
func ParseVoucherRef(s string) (word string, number int, ok bool) {
	s = strings.TrimSpace(sheet.Fold(s))
	i := strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' })
	if i < 0 {
		return "", 0, false
	}
	j := i
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	rest := strings.TrimSpace(s[j:])
	if rest != "" && rest != "号" {
		return "", 0, false
	}
	digits := strings.TrimLeft(s[i:j], "0")
	if digits == "" || len(digits) > 7 {
		return "", 0, false
	}
	number, _ = strconv.Atoi(digits)
	word = strings.TrimRightFunc(s[:i], func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("-—–_－·.#第字:：", r)
	})
	if utf8.RuneCountInString(word) > 6 || strings.ContainsFunc(word, func(r rune) bool {
		return unicode.IsDigit(r) || unicode.IsPunct(r) || unicode.IsSpace(r)
	}) {
		return "", 0, false
	}
	return word, number, true
}

// parsePeriod reads a 会计期间: 2019-03, 2019.3, 2019年3期, 2019年03月,
// 201903, or a month alone (3, 03期) of the date's year.
func parsePeriod(s string, date zhenggai.Date) (string, bool) {
	var nums []int
	var lens []int
	s = sheet.Fold(s)
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j-i > 6 {
			return "", false
		}
		n, _ := strconv.Atoi(s[i:j])
		nums, lens = append(nums, n), append(lens, j-i)
		i = j
	}
	y, m := 0, 0
	switch {
	case len(nums) == 1 && lens[0] == 6:
		y, m = nums[0]/100, nums[0]%100
	case len(nums) == 1 && lens[0] <= 2:
		if date.IsZero() {
			return "", false
		}
		y, m = date.Year(), nums[0]
	case len(nums) == 2 && lens[0] == 4:
		y, m = nums[0], nums[1]
	default:
		return "", false
	}
	if y < 1990 || y > 2100 || m < 1 || m > 12 {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d", y, m), true
}

// splitAccount takes "5001 业务活动费用" (code and name in one cell) apart;
// a cell without a leading code is a name.
func splitAccount(s string) (code, name string) {
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		i++
	}
	if i == 0 || s[0] == '.' {
		return "", s
	}
	rest := strings.TrimLeftFunc(s[i:], func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("-—_－:：", r)
	})
	return s[:i], rest
}

// balance names every voucher whose debits and credits differ.
func (jr *journalReader) balance() {
	for i := range jr.vouchers {
		v := jr.vouchers[i]
		d, c := v.Totals()
		if d != c {
			jr.b.Bad(jr.tab.Sheet(), jr.first[i], "", fmt.Sprintf("凭证%s（%s）借贷不平：借方合计%s元，贷方合计%s元，相差%s元",
				v.Ref(), zhenggai.PeriodChinese(v.Period), d.Yuan(), c.Yuan(), (d-c).Yuan()))
		}
	}
}

// WriteJournal writes vouchers as a journal the importer reads back: one
// row per line, the voucher's period, date, 凭证字号 and people on every
// line. each calls its function with the vouchers one at a time, so that
// a million lines are never all in memory (store.EachVoucher).
func WriteJournal(w io.Writer, title string, each func(fn func(*zhenggai.Voucher) error) error) error {
	wb := sheet.NewWriter()
	defer wb.Close()
	var cols []sheet.OutColumn
	for _, c := range writtenCols {
		col := journalSpec.Columns[c]
		cols = append(cols, sheet.OutColumn{Header: col.Header(), Width: col.Width})
	}
	sw, err := wb.Sheet("序时账", sheet.Layout{Title: title, Columns: cols, Freeze: true})
	if err != nil {
		return err
	}
	err = each(func(v *zhenggai.Voucher) error {
		for _, l := range v.Lines {
			err := sw.Row(Label(v.Period), sheet.Day(v.Date), Label(v.Ref()), Text(l.Summary), Label(l.AccountCode),
				Text(l.AccountName), sheet.Yuan(int64(l.Debit)), sheet.Yuan(int64(l.Credit)), Num(v.Attachments),
				Label(v.Maker), Label(v.Approver), Label(v.Poster))
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	_, err = wb.WriteTo(w)
	return err
}
