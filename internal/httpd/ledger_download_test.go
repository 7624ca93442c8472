package httpd_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/demo"
	"zhenggai/internal/testkit"
	"zhenggai/internal/xlsx"
)

// TestLedgerDownloadsAgree downloads the demo round's ledger from its page
// (导出Excel) and from the API: one file, named after the unit as offices
// file it, the same parts with the same bytes (excelize writes the parts of
// a zip in map order), with the newest progress of a measure.
func TestLedgerDownloadsAgree(t *testing.T) {
	env := testkit.Open(t)
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	r, err := demo.Load(ctx, env.Store, env.Files, zhenggai.NewDate(2020, 10, 28))
	if err != nil {
		t.Fatal(err)
	}
	clerk := testkit.SignIn(t, env.Store, zhenggai.RoleUnitAdmin, r.Unit, "覃丽")
	srv := env.Serve(t, nil)
	id := strconv.FormatInt(r.ID, 10)

	get := func(path string, auth func(*http.Request)) (name string, body []byte) {
		t.Helper()
		req, _ := http.NewRequest("GET", srv.URL+path, nil)
		auth(req)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, err = io.ReadAll(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != xlsx.MediaType {
			t.Fatalf("GET %s: %d %s", path, res.StatusCode, res.Header.Get("Content-Type"))
		}
		if n := res.Header.Get("Content-Length"); n != strconv.Itoa(len(body)) {
			t.Errorf("GET %s: Content-Length %q for %d bytes", path, n, len(body))
		}
		disp, params, err := mime.ParseMediaType(res.Header.Get("Content-Disposition"))
		if err != nil || disp != "attachment" {
			t.Fatalf("GET %s: Content-Disposition %q", path, res.Header.Get("Content-Disposition"))
		}
		return params["filename"], body
	}
	pageName, pageFile := get("/rounds/"+id+"/ledger.xlsx", func(req *http.Request) { req.AddCookie(clerk.Cookie) })
	apiName, apiFile := get("/api/v1/rounds/"+id+"/ledger.xlsx", clerk.Bearer)

	// The unit, the round and the day (the server's today).
	if want := r.Unit + "-" + r.Inspector + "-整改台账-" + zhenggai.DateOf(time.Now()).String() + ".xlsx"; pageName != want || apiName != want {
		t.Errorf("file names: page %q, API %q, want %q", pageName, apiName, want)
	}
	if p, a := zipParts(t, pageFile), zipParts(t, apiFile); len(p) != len(a) {
		t.Errorf("the page's workbook has %d parts, the API's %d", len(p), len(a))
	} else {
		for name, b := range p {
			if !bytes.Equal(b, a[name]) {
				t.Errorf("%s differs between the page's workbook and the API's", name)
			}
		}
	}
	im, err := xlsx.Parse(ctx, bytes.NewReader(apiFile))
	if err != nil || im.ProblemCount() != 38 {
		t.Fatalf("downloaded workbook: %v", err)
	}
	progress, err := env.Store.Progress(ctx, r.ID, 0)
	if err != nil || len(progress) == 0 {
		t.Fatalf("the demo has no progress entries: %v", err)
	}
	// The newest entry of a measure stands in its row's 整改进展.
	newest := strings.TrimSpace(progress[0].Content)
	found := false
	for _, c := range im.Categories {
		for _, p := range c.Problems {
			for _, m := range p.Measures {
				found = found || strings.Contains(m.Progress, newest)
			}
		}
	}
	if !found {
		t.Errorf("no row shows the newest progress entry %q", newest)
	}
}

// zipParts reads every part of a zip file by name.
func zipParts(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name], err = io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	return parts
}
