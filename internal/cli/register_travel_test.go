package cli_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/xlsx"
)

// TestRegisterTravelAndRetired: the travel ledger and the retired posts
// are checked (--dry-run), imported and exported by the command line; a
// bad workbook is refused naming its row, nothing written.
func TestRegisterTravelAndRetired(t *testing.T) {
	data := t.TempDir()
	if code, _, errs := run(t, "", "import", "--data", data, seedFile(t)); code != 0 {
		t.Fatal(errs)
	}
	d := zhenggai.NewDate
	write := func(name string, fn func(*bytes.Buffer) error) string {
		t.Helper()
		var buf bytes.Buffer
		if err := fn(&buf); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return file
	}
	tv := write("台账.xlsx", func(b *bytes.Buffer) error {
		return xlsx.WriteTravel(b, "台账", []*zhenggai.TravelPerson{
			{Name: "王明", ScopeFrom: d(2016, 1, 1), RegisteredOn: d(2020, 8, 20),
				Documents: []zhenggai.TravelDocument{{Kind: zhenggai.DocPassport, Number: "E1", IssuedOn: d(2017, 3, 1), HandedIn: d(2020, 8, 25)}},
				Trips:     []zhenggai.TravelTrip{{Seq: 1, Destination: "日本", From: d(2020, 9, 1), To: d(2020, 9, 5), ApprovedOn: d(2020, 8, 28), Document: zhenggai.DocPassport}},
				Moves:     []zhenggai.TravelMove{{Document: zhenggai.DocPassport, Trip: 1, Out: d(2020, 8, 30), Back: d(2020, 9, 8)}}},
			{Name: "李华", ScopeFrom: d(2016, 1, 1)},
		})
	})
	code, out, errs := run(t, "", "register", "import", "travel", tv, "--data", data, "--dry-run")
	if code != 0 || !strings.Contains(out, "检查通过（未写入）：登记备案人员2名，证件1本，出行1次，领取登记1条") {
		t.Fatalf("dry run: exit %d %s %s", code, out, errs)
	}
	if code, out, errs = run(t, "", "register", "import", "travel", tv, "--data", data); code != 0 || !strings.Contains(out, "已导入") {
		t.Fatalf("import: exit %d %s %s", code, out, errs)
	}
	exp := filepath.Join(t.TempDir(), "导出.xlsx")
	if code, _, errs := run(t, "", "register", "export", "travel", "--data", data, "-o", exp); code != 0 {
		t.Fatal(errs)
	}
	b, err := os.ReadFile(exp)
	if err != nil {
		t.Fatal(err)
	}
	if im, err := xlsx.ParseTravel(context.Background(), bytes.NewReader(b)); err != nil || len(im.Persons) != 2 || len(im.Persons[0].Moves)+len(im.Persons[1].Moves) != 1 {
		t.Fatalf("exported: %+v %v", im, err)
	}

	rp := write("退休干部.xlsx", func(b *bytes.Buffer) error {
		return xlsx.WriteRetiredPosts(b, "退休干部", []*zhenggai.RetiredPost{
			{Name: "张老", Born: d(1956, 3, 1), Org: "县城投公司", Post: "顾问", Kind: zhenggai.RetiredRehired, From: d(2019, 4, 1), Term: 1},
			{Name: "赵老", Born: d(1954, 3, 1), Org: "县老年大学", Post: "副校长", Kind: zhenggai.RetiredPartTime, From: d(2018, 4, 1), Term: 1,
				FiledOn: d(2018, 3, 1), FilingNo: "组干备〔2018〕3号"},
		})
	})
	code, out, errs = run(t, "", "register", "import", "retired", rp, "--data", data)
	if code != 0 || !strings.Contains(out, "已导入：兼职(返聘)2条，其中返聘1条，未备案1条") {
		t.Fatalf("retired: exit %d %s %s", code, out, errs)
	}
	bad := write("坏.xlsx", func(b *bytes.Buffer) error {
		return xlsx.WriteRetiredPosts(b, "退休干部", []*zhenggai.RetiredPost{
			{Name: "钱老", Born: d(1956, 3, 1), Org: "县城投公司", Post: "顾问", Kind: zhenggai.RetiredRehired, From: d(2019, 4, 1), To: d(2018, 1, 1), Term: 1}})
	})
	if code, _, errs := run(t, "", "register", "import", "retired", bad, "--data", data); code == 0 || !strings.Contains(errs, "第3行") ||
		!strings.Contains(errs, "早于起始日期") {
		t.Fatalf("bad: exit %d %s", code, errs)
	}
	if code, _, errs := run(t, "", "register", "export", "retired", "--data", data, "-o", exp); code != 0 {
		t.Fatal(errs)
	}
	if b, err = os.ReadFile(exp); err != nil {
		t.Fatal(err)
	}
	if im, err := xlsx.ParseRetiredPosts(context.Background(), bytes.NewReader(b)); err != nil || len(im.Posts) != 2 {
		t.Fatalf("exported: %+v %v", im, err)
	}
}
