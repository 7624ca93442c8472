package ui_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSearchAndFilters: whatever a keyword or a filter holds, the search
// page, the API, the ledger, the tree and the problem list's export answer
// 200 (or 422 for an over-long keyword), never 500, and never echo markup.
func FuzzSearchAndFilters(f *testing.F) {
	script := "<script>alert(1)</script>"
	f.Add("学习", "in_progress", "李四", "1")
	f.Add("%", "", "%_", "")
	f.Add("_", "bogus", "", "-1")
	f.Add(script, script, script, script)
	f.Add("a\x00b", "\xff\xfe", "\u202e反", "99999999999999999999")
	f.Add(strings.Repeat("学", 51), "", strings.Repeat("名", 300), "1e5")
	f.Add("'; DROP TABLE problems; --", "red", "' OR 1=1 --", "1 OR 1=1")
	s := newPageServer(f)
	f.Fuzz(func(t *testing.T, q, status, person, category string) {
		v := url.Values{"status": {status}, "colour": {status}, "person": {person}, "owner": {person}, "category": {category}}.Encode()
		for _, path := range []string{
			"/search?q=" + url.QueryEscape(q),
			"/api/v1/search?q=" + url.QueryEscape(q),
			fmt.Sprintf("/rounds/%d/ledger?%s", s.round, v),
			fmt.Sprintf("/rounds/%d/tree?%s", s.round, v),
			fmt.Sprintf("/rounds/%d/problems.xlsx?%s", s.round, v),
		} {
			code, body := s.get(t, path)
			long := utf8.RuneCountInString(strings.TrimSpace(strings.ToValidUTF8(q, "\uFFFD"))) > 50 && strings.Contains(path, "search")
			if code != 200 && !(long && code == 422) {
				t.Fatalf("GET %s: %d %.300s", path, code, body)
			}
			if strings.Contains(body, "<script>alert") {
				t.Fatalf("GET %s echoes markup", path)
			}
		}
	})
}
