package xlsx_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
	"zhenggai/internal/xlsx"
)

func sampleArchives() []*zhenggai.ArchiveFile {
	return []*zhenggai.ArchiveFile{
		{Kind: zhenggai.KindElection, Year: 2017, EventOn: zhenggai.NewDate(2017, 10, 27), Title: "机关党委换届选举",
			Documents: []zhenggai.ArchiveDocument{{Slot: "候选人名单", Paper: true, Place: "办公室档案柜", CheckedBy: "覃丽",
				CheckedOn: zhenggai.NewDate(2020, 9, 1), Defect: "候选人名单信息缺失"}}},
		{Kind: zhenggai.KindBranchHandbook, Year: 2019, Holder: "机关第一党支部",
			Documents: []zhenggai.ArchiveDocument{{Slot: "党支部工作手册", Paper: true, Place: "党建办", CheckedBy: "覃丽", CheckedOn: zhenggai.NewDate(2020, 9, 2)}}},
	}
}

// TestArchivesRoundTrip: the catalogue written is read back as the same
// files with their paper documents; it says what each lacks; a bad kind
// and a bad year are named by row.
func TestArchivesRoundTrip(t *testing.T) {
	kinds := zhenggai.DefaultArchiveKinds()
	var buf bytes.Buffer
	if err := xlsx.WriteArchives(&buf, "档案目录", kinds, sampleArchives()); err != nil {
		t.Fatal(err)
	}
	rows, err := xlsx.ParseArchives(context.Background(), bytes.NewReader(buf.Bytes()), kinds)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("%d rows", len(rows))
	}
	e, h := rows[0], rows[1]
	if e.File.Kind != zhenggai.KindElection || e.File.EventOn != zhenggai.NewDate(2017, 10, 27) || e.File.Year != 2017 || e.File.Title != "机关党委换届选举" {
		t.Errorf("election %+v", e.File)
	}
	if h.File.Holder != "机关第一党支部" || len(h.Paper) != 1 || h.Place != "党建办" || h.By != "覃丽" || h.On != zhenggai.NewDate(2020, 9, 2) {
		t.Errorf("handbook %+v", h)
	}
	b := namedSheets(t, []string{xlsx.ArchiveSheet}, [][]any{{"序号", "类别", "年度", "支部"}, {1, "党员花名册", 2019, ""}, {2, "党支部工作手册", "二〇一九", ""}})
	_, err = xlsx.ParseArchives(context.Background(), bytes.NewReader(b), kinds)
	msg := zhenggai.ErrorMessage(err)
	if !strings.Contains(msg, "党员花名册") || !strings.Contains(msg, "年度") {
		t.Errorf("bad rows: %s", msg)
	}
}

func FuzzParseArchives(f *testing.F) {
	kinds := zhenggai.DefaultArchiveKinds()
	var buf bytes.Buffer
	if err := xlsx.WriteArchives(&buf, "档案目录", kinds, sampleArchives()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("序号\t档案类别\t年度\t所属支部\t事项日期\t纸质存档材料\t存放位置\t核验人\t核验日期\n1\t党组织换届选举\t\t\t2017-10-27\t请示、批复\t档案室\t覃丽\t2020.9.1\n2\tbranch_handbook\t2019年\t机关第一党支部\t\t\t\t\t"))
	f.Add(testkit.MergeBomb(f, 5, 40, "A3:XFD1048576"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if !bytes.HasPrefix(b, []byte("PK")) {
			b = namedSheets(t, []string{xlsx.ArchiveSheet}, tsvRows(string(b)))
		}
		rows, err := xlsx.ParseArchives(context.Background(), bytes.NewReader(b), kinds)
		if zhenggai.ErrorCode(err) == zhenggai.EINTERNAL {
			t.Fatalf("internal error: %v", err)
		}
		if err != nil {
			if rows != nil {
				t.Fatal("rejected, yet something returned")
			}
			return
		}
		for _, r := range rows {
			if _, ok := zhenggai.ArchiveKindOf(kinds, r.File.Kind); !ok || r.File.Year == 0 && r.File.EventOn.IsZero() {
				t.Fatalf("accepted %+v", r.File)
			}
		}
	})
}
