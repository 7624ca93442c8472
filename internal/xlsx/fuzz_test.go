package xlsx_test

import (
	"bytes"
	"testing"

	"zhenggai"
	"zhenggai/internal/xlsx"
)

// FuzzParse: no workbook, however broken, makes Parse panic (its recover
// would turn a panic into EINTERNAL, which fails here), and whatever it
// accepts keeps the promises an import relies on.
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
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, b []byte) {
		im, err := xlsx.Parse(bytes.NewReader(b))
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
				}
			}
		}
	})
}
