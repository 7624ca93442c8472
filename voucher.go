package zhenggai

import "time"

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
