package api_test

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/xlsx"
)

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// TestRegisterImportAPI: suggestions and townships workbooks are imported
// as the other registers' lists are: bad rows a 422 naming the column, a
// dry run writing nothing, then the rows written.
func TestRegisterImportAPI(t *testing.T) {
	e := newEnv(t)
	book := func(write func(*bytes.Buffer) error) []byte {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	sug := func(name string) []*zhenggai.Suggestion {
		return []*zhenggai.Suggestion{
			{Name: "王明", Kind: zhenggai.SuggestSQMY, Via: zhenggai.ViaPlatform, Title: "关于饮水安全的建议", On: zhenggai.NewDate(2024, 3, 4)},
			{Name: name, Kind: zhenggai.SuggestMicro, Via: zhenggai.ViaPaper, Title: "路灯", On: zhenggai.NewDate(2024, 5, 1)}}
	}
	town := func(name string) []*zhenggai.Township {
		return []*zhenggai.Township{{Name: "澧源镇", Seq: 1}, {Name: name, Seq: 2}}
	}
	for _, tc := range []struct {
		what, column string
		bad, good    []byte
	}{
		{"suggestions", "提出人",
			book(func(b *bytes.Buffer) error { return xlsx.WriteSuggestions(b, "微建议", sug("")) }),
			book(func(b *bytes.Buffer) error { return xlsx.WriteSuggestions(b, "微建议", sug("李华")) })},
		{"townships", "乡镇",
			book(func(b *bytes.Buffer) error { return xlsx.WriteTownships(b, "联络组", town("")) }),
			book(func(b *bytes.Buffer) error { return xlsx.WriteTownships(b, "联络组", town("太平镇")) })},
	} {
		url := "/api/v1/" + tc.what + "/import"
		status, out := e.raw("POST", url, xlsxType, bytes.NewReader(tc.bad))
		if status != http.StatusUnprocessableEntity || !strings.Contains(fmt.Sprint(out), tc.column) {
			t.Fatalf("%s: bad import: %d %v", tc.what, status, out)
		}
		status, out = e.raw("POST", url+"?dry_run=1", xlsxType, bytes.NewReader(tc.good))
		if status != http.StatusOK || num(out["rows"]) != 2 || out["dry_run"] != true {
			t.Fatalf("%s: dry run: %d %v", tc.what, status, out)
		}
		if got := arr(e.must(http.StatusOK, "GET", "/api/v1/"+tc.what, nil)[tc.what]); len(got) != 0 {
			t.Fatalf("%s: a dry run wrote: %v", tc.what, got)
		}
		status, out = e.raw("POST", url, xlsxType, bytes.NewReader(tc.good))
		if status != http.StatusCreated || num(out["rows"]) != 2 {
			t.Fatalf("%s: import: %d %v", tc.what, status, out)
		}
		if got := arr(e.must(http.StatusOK, "GET", "/api/v1/"+tc.what, nil)[tc.what]); len(got) != 2 {
			t.Errorf("%s: after import: %v", tc.what, got)
		}
	}
}
