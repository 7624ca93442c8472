package zhenggai

import (
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Finance vouchers (财务凭证), fed by importing the accounting software's
// journal (序时账 / 凭证列表), one row per entry line. Seed problems 22,
// 33, 34 and 35 are read from them.

// Voucher is one accounting voucher: its entry lines grouped by period and
// 凭证字号 (numbers restart each period).
type Voucher struct {
	ID     int64 `json:"id"`
	UnitID int64 `json:"unit_id"`
	// Period is the accounting period, "2019-03".
	Period string `json:"period"`
	Date   Date   `json:"date"`   // 凭证日期 (制单日期)
	Word   string `json:"word"`   // 凭证字: 记, 收, 付, 转 …
	Number int    `json:"number"` // 凭证号 within the period and word
	// Summary is the purpose (摘要) of the voucher's first line.
	Summary     string        `json:"summary"`
	Attachments int           `json:"attachments"` // 附单据数
	Maker       string        `json:"maker"`       // 制单人
	Approver    string        `json:"approver"`    // 审核人; "" is a voucher never approved
	Poster      string        `json:"poster"`      // 记账人; "" is not yet posted
	Lines       []VoucherLine `json:"lines"`
	// Debit is the debit total as stored (vouchers.debit): what a list,
	// which reads no lines, shows.
	Debit Fen `json:"debit"`
	// DecisionItemID links the 大额资金 agenda item that decided the
	// expense; 0 is none.
	DecisionItemID int64     `json:"decision_item_id,omitempty"`
	Sample         bool      `json:"sample,omitempty"`
	Version        int64     `json:"version"`
	ImportedAt     time.Time `json:"imported_at"`
}

// VoucherLine is one entry line (分录).
type VoucherLine struct {
	Seq         int    `json:"seq"`
	Summary     string `json:"summary"`      // 摘要
	AccountCode string `json:"account_code"` // 科目编码
	AccountName string `json:"account_name"` // 科目名称
	Debit       Fen    `json:"debit"`        // 借方金额
	Credit      Fen    `json:"credit"`       // 贷方金额
}

// DefaultExpensePrefixes are the account codes of expense accounts (费用类)
// and DefaultBudgetPrefixes those of budget expenditure accounts (预算支出
// 类) under 政府会计制度; both are settings.
var (
	DefaultExpensePrefixes = []string{"5"}
	DefaultBudgetPrefixes  = []string{"7"}
)

// Expense is what the voucher spent: the debits on expense accounts (费用
// 类, codes starting with one of expensePrefixes) or, where it has no line
// on them, on budget expenditure accounts (预算支出类, budgetPrefixes).
// Never both: 政府会计制度 books one payment twice, once in the financial
// accounts (5xxx) and once in the budget accounts (7xxx).
func (v *Voucher) Expense(expensePrefixes, budgetPrefixes []string) Fen {
	if sum, ok := v.debitOn(expensePrefixes); ok {
		return sum
	}
	sum, _ := v.debitOn(budgetPrefixes)
	return sum
}

// debitOn is the debit total of the lines on accounts with one of the
// prefixes, and whether there is any such line.
func (v *Voucher) debitOn(prefixes []string) (Fen, bool) {
	var sum Fen
	any := false
	for _, l := range v.Lines {
		if HasAccountPrefix(l.AccountCode, prefixes) {
			sum += l.Debit
			any = true
		}
	}
	return sum, any
}

// HasAccountPrefix reports whether an account code starts with one of the
// prefixes ("5" takes 5001 and 5001.01; "" takes nothing).
func HasAccountPrefix(code string, prefixes []string) bool {
	for _, p := range prefixes {
		if p != "" && strings.HasPrefix(code, p) {
			return true
		}
	}
	return false
}

// Totals are the voucher's debit and credit totals.
func (v *Voucher) Totals() (debit, credit Fen) {
	for _, l := range v.Lines {
		debit += l.Debit
		credit += l.Credit
	}
	return debit, credit
}

// Ref is the voucher's 凭证字号 as offices write it: 记-15, or 15 without
// a word.
func (v *Voucher) Ref() string { return VoucherRef(v.Word, v.Number) }

// VoucherRef writes a 凭证字号.
func VoucherRef(word string, number int) string {
	if word == "" {
		return strconv.Itoa(number)
	}
	return word + "-" + strconv.Itoa(number)
}

// PeriodChinese writes a period "2019-03" as 2019年3月.
func PeriodChinese(p string) string {
	y, m, ok := strings.Cut(p, "-")
	if !ok {
		return p
	}
	n, err := strconv.Atoi(m)
	if err != nil {
		return p
	}
	return y + "年" + strconv.Itoa(n) + "月"
}

// Settings of the vouchers register (store.NamedSettings), each a list of
// account code prefixes separated by commas or spaces.
const (
	SettingExpensePrefixes = "vouchers.expense_prefixes"
	SettingBudgetPrefixes  = "vouchers.budget_prefixes"
)

// AccountPrefixes reads a prefix setting: codes separated by commas,
// 、 or spaces; the default when blank. A prefix that is not digits is
// refused.
func AccountPrefixes(s string, def []string) ([]string, error) {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == '，' || r == '、' || r == ';' || r == '；' || unicode.IsSpace(r)
	})
	if len(f) == 0 {
		return def, nil
	}
	for _, p := range f {
		for _, r := range p {
			if (r < '0' || r > '9') && r != '.' {
				return nil, Errorf(EINVALID, "科目编码前缀“%s”应为数字，如 5 或 5001", Clip(p, 20))
			}
		}
	}
	return f, nil
}
