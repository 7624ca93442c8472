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

// TestRegisterSuggestionsAndTownships: each workbook is checked
// (--dry-run), imported and exported by the command line; a bad one is
// refused naming its row.
func TestRegisterSuggestionsAndTownships(t *testing.T) {
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
	sg := write("社情民意.xlsx", func(b *bytes.Buffer) error {
		return xlsx.WriteSuggestions(b, "社情民意", []*zhenggai.Suggestion{
			{Name: "王明", Kind: zhenggai.SuggestSQMY, Via: zhenggai.ViaPlatform, Title: "甲", On: d(2019, 3, 4), Adopted: zhenggai.AdoptCity, AdoptedOn: d(2019, 4, 1)},
			{Name: "李华", Kind: zhenggai.SuggestMicro, Via: zhenggai.ViaPaper, Title: "乙", On: d(2019, 5, 4)},
		})
	})
	code, out, errs := run(t, "", "register", "import", "suggestions", sg, "--data", data, "--dry-run")
	if code != 0 || !strings.Contains(out, "检查通过（未写入）：微建议1条，社情民意信息1条，其中被采用1条") {
		t.Fatalf("dry run: exit %d %s %s", code, out, errs)
	}
	code, out, errs = run(t, "", "register", "import", "suggestions", sg, "--data", data)
	if code != 0 || !strings.Contains(out, "已导入") {
		t.Fatalf("import: exit %d %s %s", code, out, errs)
	}
	bad := write("坏.xlsx", func(b *bytes.Buffer) error {
		return xlsx.WriteSuggestions(b, "社情民意", []*zhenggai.Suggestion{
			{Name: "王明", Kind: zhenggai.SuggestSQMY, Via: zhenggai.ViaPlatform, Title: "甲", On: d(2019, 3, 4), Adopted: zhenggai.AdoptCity}})
	})
	if code, _, errs := run(t, "", "register", "import", "suggestions", bad, "--data", data); code == 0 || !strings.Contains(errs, "第3行：采用日期不能为空") {
		t.Fatalf("bad: exit %d %s", code, errs)
	}
	exp := filepath.Join(t.TempDir(), "导出.xlsx")
	if code, _, errs := run(t, "", "register", "export", "suggestions", "--data", data, "-o", exp); code != 0 {
		t.Fatal(errs)
	}
	f, err := os.Open(exp)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if im, err := xlsx.ParseSuggestions(context.Background(), f); err != nil || len(im.Suggestions) != 2 {
		t.Fatalf("exported: %+v %v", im, err)
	}

	tw := write("联络组.xlsx", func(b *bytes.Buffer) error {
		return xlsx.WriteTownships(b, "联络组", []*zhenggai.Township{
			{Name: "澧源镇", Since: d(2016, 5, 1), Posts: []zhenggai.LiaisonPost{{Name: "王明", Role: zhenggai.LiaisonLeader, From: d(2016, 5, 1), To: d(2018, 3, 1)}},
				Invitations: []zhenggai.LiaisonInvitation{{Kind: zhenggai.InviteResearch, Title: "茶叶调研", On: d(2017, 4, 1), Name: "王明"}}},
			{Name: "太平镇", Posts: []zhenggai.LiaisonPost{{Name: "李华", Role: zhenggai.LiaisonLeader, From: d(2016, 5, 1)}}},
		})
	})
	code, out, errs = run(t, "", "register", "import", "townships", tw, "--data", data)
	if code != 0 || !strings.Contains(out, "乡镇2个（联络组长空缺1个），任职记录2条，受邀活动1次") {
		t.Fatalf("townships: exit %d %s %s", code, out, errs)
	}
	// Again: the same townships, nothing doubled.
	if code, _, errs := run(t, "", "register", "import", "townships", tw, "--data", data); code != 0 {
		t.Fatal(errs)
	}
	exp = filepath.Join(t.TempDir(), "联络组导出.xlsx")
	if code, _, errs := run(t, "", "register", "export", "townships", "--data", data, "-o", exp); code != 0 {
		t.Fatal(errs)
	}
	g, err := os.Open(exp)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if im, err := xlsx.ParseTownships(context.Background(), g); err != nil || len(im.Townships) != 2 || len(im.Townships[0].Invitations) != 1 {
		t.Fatalf("exported: %+v %v", im, err)
	}
}
