package ui

import (
	"reflect"
	"testing"

	"zhenggai"
)

// TestOutcomeRows: the dashboard lists a figure when it was counted or
// declared, and marks where the two differ as written.
func TestOutcomeRows(t *testing.T) {
	counted := zhenggai.Outcomes{Rules: 14, RefundedFen: 3_261_250, Talks: 3}
	declared := zhenggai.Outcomes{Rules: 12, RefundedFen: 3_260_000, Disciplinary: 1}
	want := []outcomeRow{
		{Label: "建立完善制度", Counted: "14项", Declared: "12项", Differs: true},
		{Label: "清退违规资金", Counted: "3.26万元", Declared: "3.26万元"},
		{Label: "谈话提醒、批评教育", Counted: "3人"},
		{Label: "党纪政务处分", Counted: "0人", Declared: "1人", Differs: true},
	}
	if got := outcomeRows(counted, declared); !reflect.DeepEqual(got, want) {
		t.Errorf("rows %+v\nwant %+v", got, want)
	}
	if got := outcomeRows(zhenggai.Outcomes{}, zhenggai.Outcomes{}); got != nil {
		t.Errorf("nothing to show: %+v", got)
	}
}
