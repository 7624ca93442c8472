// Package xlsx holds the program's workbooks, one file each, built on
// internal/sheet: a workbook is a column list (sheet.Spec) and its checks.
// ledger.go and ledger_round.go are a round's ledger (整改台账); rounds.go
// the inspection office's list of rounds.
//
// The ledger is written in the columns offices keep: 序号, 问题类别, 具体问题,
// 整改措施, 责任领导, 责任委室, 责任人, 整改时限, 整改进展, 完成情况, 备注.
//
// A workbook has two sheets. 整改清单 is the ledger: a title row
// ("…巡察…反馈意见整改清单"), a header row, then one row per measure; a
// problem spans the rows of its measures (merged 序号/问题类别/具体问题 cells
// when written here; merged or repeated text when read). 巡察信息 holds what
// the columns cannot: the inspection group, the unit, the dates and the
// totals a report declared, one item per row. A workbook made elsewhere
// may lack it; the title row is then read for the group and unit, and the
// caller may supply them.
//
// Reading is all or nothing: every bad row is reported with its row number
// as Excel shows it, the column and the reason, and then nothing is
// returned to import.
package xlsx

import (
	"zhenggai"
	"zhenggai/internal/sheet"
)

// Sheet names, as written and as looked for when read.
const (
	LedgerSheet = "整改清单"
	RoundSheet  = "巡察信息"
)

// RowError is one reason a row (or the header, or a 巡察信息 item) cannot
// be imported.
type RowError = sheet.RowError

// Rejected is the error of a workbook with bad rows: nothing of it may be
// imported.
type Rejected = sheet.Rejected

// MaxListed is how many bad rows an error message lists; Rejected.Rows
// keeps them all.
const MaxListed = sheet.MaxListed

// title is the ledger's title, as offices head it.
func title(r *zhenggai.Round) string {
	kind := r.Kind
	if kind == "" || kind == zhenggai.KindSelfInspection {
		kind = zhenggai.KindInspection
	}
	return r.Inspector + string(kind) + r.Unit + "反馈意见整改清单"
}
