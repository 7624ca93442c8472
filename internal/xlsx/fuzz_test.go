package xlsx_test

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhenggai"
	"zhenggai/internal/testkit"
	"zhenggai/internal/xlsx"
)

// FuzzParse: no workbook, however broken, makes Parse panic (its recover
// would turn a panic into EINTERNAL, which fails here), and whatever it
// accepts keeps the promises an import relies on. An input that is not a
// zip is taken as rows of tab-separated cells and made into a workbook,
// so that the row checks are fuzzed and not only the unzipping.
func FuzzParse(f *testing.F) {
	l, latest := bigLedger()
	l.Categories = l.Categories[:1]
	l.Categories[0].Problems = l.Categories[0].Problems[:3]
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, l, latest); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add(book(f, header, []any{1, cat, "问题。", "措施。", "向建国", "办公室", "覃丽", "2020年10月28日", "", "已完成", "立行立改"},
		[]any{nil, nil, nil, "措施二。", "", "", "", "长期坚持"}))
	f.Add(book(f, header, []any{"甲", "", "", "措施。", "", "", "", "明天", "", "完了"}))
	outcomes := append([]any{}, header...)
	for _, c := range xlsx.Columns[len(header):] {
		outcomes = append(outcomes, c)
	}
	f.Add(book(f, outcomes, []any{1, cat, "问题。", "措施。", "", "", "", "", "", "", "", "《档案管理制度》\n财务管理制度", 3860.5, "1.26万", "", 2, "", 1}))
	f.Add([]byte("序号\t问题类别\t具体问题\t整改措施\t建立完善制度\t清退违规资金（万元）\t组织处理（人）\n" +
		"1\t（一）学习\t问题。\t措施。\t《甲》《乙》、丙\t0.386\t1\n\t\t\t措施二。\t\t-1\t1.5"))
	f.Add([]byte("PK\x03\x04"))
	// Merged ranges of every size, repeated and overlapping.
	f.Add(testkit.MergeBomb(f, 5, 40, "L3:XFC1048576"))
	f.Add(testkit.MergeBomb(f, 5, 40, "A3:XFD1048576"))
	f.Add([]byte("市委第七巡察组巡察某局党组反馈意见整改清单\n序号\t问题类别\t具体问题\t整改措施\t责任领导\t整改时限\t完成情况\n" +
		"1\t（一）学习\t问题。\t措施。\t王\t44132\t已完成\n\t\t\t措施二。\t\t长期坚持\t长期坚持\n2-1\t二、作风\t问题二。\t\t\t\t"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if !bytes.HasPrefix(b, []byte("PK")) {
			b = tsvBook(t, string(b))
		}
		im, err := xlsx.Parse(context.Background(), bytes.NewReader(b))
		if zhenggai.ErrorCode(err) == zhenggai.EINTERNAL {
			t.Fatalf("internal error: %v", err)
		}
		if err != nil {
			if im != nil {
				t.Fatal("rejected, yet something returned")
			}
			return
		}
		if len(im.Categories) == 0 {
			t.Fatal("accepted with no categories")
		}
		for _, c := range im.Categories {
			if c.Title == "" || c.Seq < 1 || c.Seq > 999 {
				t.Fatalf("category %+v", c)
			}
			for _, p := range c.Problems {
				if p.Title == "" || p.Seq < 1 || p.Seq > 9999 {
					t.Fatalf("problem %+v", p)
				}
				for _, m := range p.Measures {
					if m.Content == "" || !m.Deadline.Valid() || (m.Status != "" && !m.Status.Valid()) {
						t.Fatalf("measure %+v", m)
					}
					// Outcomes an import would refuse are bad rows, not accepted.
					check := zhenggai.Measure{Seq: 1, Content: "-", Kind: zhenggai.MeasureImmediate, Status: zhenggai.NotStarted,
						RuleNames: m.RuleNames, RefundedFen: m.RefundedFen, RecoveredFen: m.RecoveredFen, SavedFen: m.SavedFen,
						Talks: m.Talks, Organisational: m.Organisational, Disciplinary: m.Disciplinary}
					if err := check.Validate(); err != nil {
						t.Fatalf("measure %+v: %v", m, err)
					}
				}
			}
		}
	})
}

// tsvBook makes a workbook of tab-separated rows; cells that read as
// numbers are stored as numbers, as Excel would.
func tsvBook(t *testing.T, s string) []byte {
	f := excelize.NewFile()
	defer f.Close()
	for i, line := range strings.SplitN(s, "\n", 60) {
		if i >= 50 {
			break
		}
		cells := strings.SplitN(line, "\t", 20)
		row := make([]any, 0, len(cells))
		for _, c := range cells {
			if n, err := strconv.ParseFloat(c, 64); err == nil {
				row = append(row, n)
			} else {
				row = append(row, c)
			}
		}
		if err := f.SetSheetRow("Sheet1", "A"+strconv.Itoa(i+1), &row); err != nil {
			return nil
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return nil
	}
	return buf.Bytes()
}
