package cli

import (
	"bytes"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/selfcheck"
)

// A finding whose records the rule capped does not print the cap as the
// count: 255 vouchers are not 等200条.
func TestWriteFindingsCapped(t *testing.T) {
	u := zhenggai.Unit{ID: 1, Name: "某单位"}
	recs := func(n int) []selfcheck.Record {
		var rs []selfcheck.Record
		for i := range n {
			rs = append(rs, selfcheck.Record{Kind: "voucher", ID: int64(i + 1), Label: "记-1号"})
		}
		return rs
	}
	var out bytes.Buffer
	writeFindings(&env{stdout: &out}, []zhenggai.Unit{u}, zhenggai.Period{}, []selfcheck.Finding{
		{Rule: "voucher_approval", UnitID: 1, Text: "有255张记账凭证无审核人签字", Records: recs(selfcheck.MaxRecords)},
		{Rule: "voucher_purpose", UnitID: 1, Text: "有12张支出凭证未附原始单据", Records: recs(12)},
	})
	s := out.String()
	if strings.Contains(s, "等200条") || !strings.Contains(s, "等（列出前200条）") || !strings.Contains(s, "等12条") {
		t.Errorf("%s", s)
	}
}
