package testkit

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// MergeBomb is the workbook of an attack on the Excel import: a valid
// ledger (title, header, rows measures of one problem each, and an x in
// L3, right of the ledger) whose sheet
// also declares copies copies of the merged range ref, e.g. 4,000 of
// L3:XFC1048576, a few kilobytes that once kept a core busy for seconds.
// copies 0 is the same ledger without merges, the reference.
func MergeBomb(t testing.TB, rows, copies int, ref string) []byte {
	t.Helper()
	refs := make([]string, copies)
	for i := range refs {
		refs[i] = ref
	}
	return MergedLedger(t, rows, refs)
}

// MergedLedger is the ledger of MergeBomb with the merged ranges refs.
func MergedLedger(t testing.TB, rows int, refs []string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	set := func(row int, vals ...any) {
		if err := f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", row), &vals); err != nil {
			t.Fatal(err)
		}
	}
	set(1, "市委第一巡察组巡察某局党组反馈意见整改清单")
	set(2, "序号", "问题类别", "具体问题", "整改措施", "责任领导", "责任委室", "责任人", "整改时限", "整改进展", "完成情况", "备注")
	for i := 1; i <= rows; i++ {
		set(i+2, i, "（一）学习贯彻不深入", fmt.Sprintf("第%d个具体问题。", i), "组织集中学习。", "向建国", "办公室", "覃丽",
			"2020年10月28日", "", "正在整改", "")
	}
	// A value right of the ledger, where the attack's range starts: an
	// empty top-left cell would spread nothing.
	if err := f.SetCellValue("Sheet1", "L3", "x"); err != nil {
		t.Fatal(err)
	}
	var plain bytes.Buffer
	if _, err := f.WriteTo(&plain); err != nil {
		t.Fatal(err)
	}
	if len(refs) == 0 {
		return plain.Bytes()
	}
	return WithMerges(t, plain.Bytes(), refs)
}

// WithMerges is a workbook of one sheet with the merged ranges refs added
// as a file declares them (excelize's MergeCell would fill the range).
func WithMerges(t testing.TB, book []byte, refs []string) []byte {
	t.Helper()
	var cells strings.Builder
	for _, r := range refs {
		cells.WriteString(`<mergeCell ref="` + r + `"/>`)
	}
	merged := fmt.Sprintf(`</sheetData><mergeCells count="%d">%s</mergeCells>`, len(refs), cells.String())
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if zf.Name == "xl/worksheets/sheet1.xml" {
			if !bytes.Contains(b, []byte("</sheetData>")) {
				t.Fatal("sheet without </sheetData>")
			}
			b = bytes.Replace(b, []byte("</sheetData>"), []byte(merged), 1)
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
