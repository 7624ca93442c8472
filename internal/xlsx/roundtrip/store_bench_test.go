package roundtrip_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
	"zhenggai/internal/xlsx"
)

// BenchmarkImportStore10k: a 10,000-row workbook read and written into a
// fresh SQLite store (one transaction, an audit entry per row), the whole
// of `zhenggai import FILE.xlsx`.
func BenchmarkImportStore10k(b *testing.B) {
	var cats []zhenggai.ImportedCategory
	for c := 1; c <= 20; c++ {
		ic := zhenggai.ImportedCategory{Seq: c, Title: fmt.Sprintf("反馈问题%d：落实主体责任不到位", c)}
		for p := 1; p <= 100; p++ {
			ip := zhenggai.ImportedProblem{Seq: (c-1)*100 + p, Title: strings.Repeat("理论学习停留在表面，", 5)}
			for m := 1; m <= 5; m++ {
				ip.Measures = append(ip.Measures, zhenggai.ImportedMeasure{Content: strings.Repeat("组织集中学习，建立制度，", 5),
					Leader: "向建国", Office: "办公室", Owner: "覃丽", Deadline: zhenggai.NewDate(2024, 8, m), Status: zhenggai.InProgress,
					Progress: "2024年7月1日：已组织学习。"})
			}
			ic.Problems = append(ic.Problems, ip)
		}
		cats = append(cats, ic)
	}
	env := testkit.Open(b)
	r, err := env.Store.ImportRound(context.Background(), &zhenggai.Imported{
		Round: zhenggai.ImportedRound{Inspector: "省委第三巡视组", Unit: "某市政协党组"}, Categories: cats}, "")
	if err != nil {
		b.Fatal(err)
	}
	l := ledgerOf(b, env.Store, r.ID)
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, l, latestOf(b, env.Store, r.ID)); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		im, err := xlsx.Parse(context.Background(), bytes.NewReader(buf.Bytes()))
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		fresh := testkit.Open(b)
		b.StartTimer()
		if _, err := fresh.Store.ImportRound(context.Background(), im, ""); err != nil {
			b.Fatal(err)
		}
	}
}
