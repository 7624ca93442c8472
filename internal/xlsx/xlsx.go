// Package xlsx reads and writes a round's ledger (整改台账) as an Excel
// workbook, in the columns offices keep: 序号, 问题类别, 具体问题, 整改措施,
// 责任领导, 责任委室, 责任人, 整改时限, 整改进展, 完成情况, 备注.
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
	"fmt"
	"strings"

	"zhenggai"
)

// Sheet names, as written and as looked for when read.
const (
	LedgerSheet = "整改清单"
	RoundSheet  = "巡察信息"
)

// Columns are the ledger's columns in the order written: the eleven
// offices keep, then what each measure produced (整改成效), one column per
// figure a report states, so that Excel can sum each. The outcome columns
// are written when any measure of the round records an outcome, and are
// optional on import.
var Columns = []string{"序号", "问题类别", "具体问题", "整改措施", "责任领导", "责任委室", "责任人", "整改时限", "整改进展", "完成情况", "备注",
	"建立完善制度", "清退违规资金（元）", "追回资金（元）", "挽回经济损失（元）", "谈话提醒、批评教育（人）", "组织处理（人）", "党纪政务处分（人）"}

// Column indexes into Columns.
const (
	colSeq = iota
	colCategory
	colProblem
	colMeasure
	colLeader
	colOffice
	colOwner
	colDeadline
	colProgress
	colStatus
	colNote
	colRules // the first outcome column
	colRefunded
	colRecovered
	colSaved
	colTalks
	colOrganisational
	colDisciplinary
	numCols
)

// baseCols are the columns every ledger has.
const baseCols = colRules

// outcomeKinds maps the outcome columns to the figures they hold.
var outcomeKinds = map[int]zhenggai.OutcomeKind{
	colRules: zhenggai.OutcomeRules, colRefunded: zhenggai.OutcomeRefunded, colRecovered: zhenggai.OutcomeRecovered,
	colSaved: zhenggai.OutcomeSaved, colTalks: zhenggai.OutcomeTalks, colOrganisational: zhenggai.OutcomeOrganisational,
	colDisciplinary: zhenggai.OutcomeDisciplinary,
}

// aliases are other names offices give the same columns.
var aliases = map[string]int{
	"编号": colSeq, "序": colSeq,
	"反馈问题": colCategory, "问题类型": colCategory, "问题分类": colCategory,
	"问题": colProblem, "存在问题": colProblem, "具体问题表现": colProblem, "问题表现": colProblem,
	"整改措施及要求": colMeasure, "措施": colMeasure,
	"牵头领导": colLeader, "分管领导": colLeader,
	"责任部门": colOffice, "责任单位": colOffice, "责任科室": colOffice, "牵头部门": colOffice, "牵头单位": colOffice,
	"具体责任人": colOwner,
	"完成时限":  colDeadline, "时限": colDeadline, "整改期限": colDeadline,
	"进展情况": colProgress, "整改情况": colProgress, "推进情况": colProgress,
	"整改状态": colStatus, "状态": colStatus, "完成状态": colStatus,
	// Outcome columns are matched without their unit, （元） or （万元）,
	// （人）, （项）; see unitOf.
	"建立完善制度": colRules, "建立健全制度": colRules, "建立制度": colRules, "完善制度": colRules, "建章立制": colRules,
	"制度建设": colRules, "制定修订制度": colRules, "建立完善制度名称": colRules,
	"清退违规资金": colRefunded, "清退资金": colRefunded, "清退金额": colRefunded, "清退违规资金金额": colRefunded,
	"追回资金": colRecovered, "追回金额": colRecovered, "追缴资金": colRecovered, "追回违规资金": colRecovered, "收回资金": colRecovered,
	"挽回经济损失": colSaved, "挽回损失": colSaved, "挽回经济损失金额": colSaved,
	"谈话提醒、批评教育": colTalks, "谈话提醒批评教育": colTalks, "谈话提醒": colTalks, "批评教育": colTalks, "提醒谈话": colTalks,
	"组织处理": colOrganisational, "组织处理人数": colOrganisational, "谈话提醒、批评教育人数": colTalks,
	"党纪政务处分人数": colDisciplinary,
	"党纪政务处分":   colDisciplinary, "党纪政纪处分": colDisciplinary, "党纪处分": colDisciplinary, "政务处分": colDisciplinary,
	"纪律处分": colDisciplinary,
}

// RowError is one reason a row (or the header, or a 巡察信息 item) cannot
// be imported.
type RowError struct {
	Sheet  string `json:"sheet"`
	Row    int    `json:"row"`              // as Excel numbers it, from 1
	Column string `json:"column,omitempty"` // the column's header, "" for the whole row
	Reason string `json:"reason"`
}

func (e RowError) String() string {
	s := fmt.Sprintf("%s第%d行", e.Sheet, e.Row)
	if e.Column != "" {
		s += "“" + e.Column + "”"
	}
	return s + "：" + e.Reason
}

// Rejected is the error of a workbook with bad rows: nothing of it may be
// imported.
type Rejected struct{ Rows []RowError }

// MaxListed is how many bad rows an error message lists; Rejected.Rows
// keeps them all.
const MaxListed = 20

func (r *Rejected) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "台账中有%d处错误，未导入任何内容：", len(r.Rows))
	for i, e := range r.Rows {
		if i == MaxListed {
			fmt.Fprintf(&b, "\n……另有%d处", len(r.Rows)-MaxListed)
			break
		}
		b.WriteString("\n" + e.String())
	}
	return b.String()
}

// Unwrap makes a Rejected an EINVALID error, shown as it is, for the CLI,
// pages and API.
func (r *Rejected) Unwrap() error { return zhenggai.Errorf(zhenggai.EINVALID, "%s", r.Error()) }

// title is the ledger's title, as offices head it.
func title(r *zhenggai.Round) string {
	kind := r.Kind
	if kind == "" || kind == zhenggai.KindSelfInspection {
		kind = zhenggai.KindInspection
	}
	return r.Inspector + string(kind) + r.Unit + "反馈意见整改清单"
}
