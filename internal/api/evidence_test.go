package api_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// TestEvidenceCheckedByContent reports progress through the API with
// evidence files: a web page named .pdf is refused and nothing is kept; a
// well-formed file of every accepted type is kept; a unit over its
// storage quota is refused with what it has used, and a file it already
// keeps costs nothing.
func TestEvidenceCheckedByContent(t *testing.T) { backends(t, testEvidenceCheckedByContent) }

func testEvidenceCheckedByContent(t *testing.T, e *env) {
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	r := &zhenggai.Round{Unit: "某单位", Inspector: "县委第一巡察组", Kind: zhenggai.KindInspection}
	if err := e.st.CreateRound(ctx, r); err != nil {
		t.Fatal(err)
	}
	c := &zhenggai.Category{RoundID: r.ID, Seq: 1, Title: "类别"}
	e.st.CreateCategory(ctx, c)
	p := &zhenggai.Problem{CategoryID: c.ID, Seq: 1, Title: "问题"}
	e.st.CreateProblem(ctx, p)
	ms := &zhenggai.Measure{ProblemID: p.ID, Seq: 1, Content: "措施", Kind: zhenggai.MeasureImmediate, Status: zhenggai.InProgress}
	if err := e.st.CreateMeasure(ctx, ms); err != nil {
		t.Fatal(err)
	}
	progress := path("/api/v1/measures/%d/progress", ms.ID)
	report := func(files ...file) (int, obj) {
		t.Helper()
		body, ct := form(t, [][2]string{{"date", "2024-05-20"}, {"content", "报送佐证材料"}}, files...)
		return e.raw("POST", progress, ct, body)
	}

	// A web page named .pdf, beside a good file: refused, nothing kept.
	before := e.snapshot()
	code, out := report(file{"扫描件.jpg", testkit.Evidence(t, ".jpg")}, file{"会议纪要.pdf", testkit.EvidenceHTML})
	fields := arr(m(out["error"])["fields"])
	if code != 422 || len(fields) == 0 || m(fields[0])["field"] != "files" ||
		!strings.Contains(m(fields[0])["message"].(string), "“会议纪要.pdf”的内容不是PDF文件（实际是网页（HTML））") {
		t.Fatalf("HTML named .pdf: %d %v", code, out)
	}
	if e.snapshot() != before {
		t.Fatal("a refused upload wrote or kept something")
	}

	// Every accepted type, in one report.
	var all []file
	for _, ext := range testkit.EvidenceExts {
		all = append(all, file{"佐证材料" + ext, testkit.Evidence(t, ext)})
	}
	code, out = report(all...)
	if code != 201 || len(arr(out["files"])) != len(all) {
		t.Fatalf("every type: %d %v", code, out)
	}

	// A quota of 1 MB: 700 KB fits, another 700 KB does not, the same
	// file again costs nothing.
	set, err := e.st.Settings(ctx, r.UnitID)
	if err != nil {
		t.Fatal(err)
	}
	set.EvidenceQuotaMB = 1
	if err := e.st.SaveSettings(ctx, r.UnitID, set); err != nil {
		t.Fatal(err)
	}
	big := func(fill byte) []byte {
		return append(testkit.Evidence(t, ".pdf"), bytes.Repeat([]byte{fill}, 700<<10)...)
	}
	if code, out := report(file{"一.pdf", big('a')}); code != 201 {
		t.Fatalf("within the quota: %d %v", code, out)
	}
	before = e.snapshot()
	code, out = report(file{"二.pdf", big('b')})
	fields = arr(m(out["error"])["fields"])
	if code != 422 || len(fields) == 0 || m(fields[0])["field"] != "files" ||
		!strings.Contains(m(fields[0])["message"].(string), "本单位的佐证材料存储空间不足：上限1MB") {
		t.Fatalf("over the quota: %d %v", code, out)
	}
	if e.snapshot() != before {
		t.Fatal("a report over the quota wrote or kept something")
	}
	if code, out := report(file{"一（再次上传）.pdf", big('a')}); code != 201 {
		t.Errorf("a file the unit keeps, again: %d %v", code, out)
	}
	used, quota, err := e.st.EvidenceUsage(ctx, r.UnitID)
	if err != nil || quota != 1<<20 || used < 700<<10 || used > 1<<20 {
		t.Errorf("usage %d of %d: %v", used, quota, err)
	}
	// The store's own check, as a race past the handler's would meet it.
	err = e.st.AddProgress(ctx, &zhenggai.Progress{MeasureID: ms.ID, Date: zhenggai.NewDate(2024, 5, 21), Content: "x",
		Files: []zhenggai.Attachment{{Name: "三.pdf", SHA256: strings.Repeat("ab", 32), Size: 700 << 10, ContentType: "application/pdf"}}}, 0)
	if zhenggai.ErrorCode(err) != zhenggai.EINVALID || !strings.Contains(err.Error(), "存储空间不足") {
		t.Errorf("the store let the unit over its quota: %v", err)
	}
}
