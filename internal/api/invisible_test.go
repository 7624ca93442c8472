package api_test

import (
	"strings"
	"testing"

	"zhenggai"
)

// TestInvisibleCharactersRefused: a problem's title carrying a character
// that shows nothing or turns the text (U+202E, U+200B, U+FEFF, U+2028,
// private use, noncharacters…) is refused, new or changed, with the field
// and the character named, and nothing is written.
func TestInvisibleCharactersRefused(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		f := e.fixture("甲单位")
		p := e.must(200, "GET", path("/api/v1/problems/%d", f.problem), nil)
		before := e.snapshot()
		for _, r := range []rune{'\u202E', '\u200B', '\u200E', '\u2028', '\u2029', '\uFEFF', '\u00AD', '\u2066',
			'\uE000', '\U000F0000', '\uFDD0', '\uFFFE', '\U0010FFFF', '\U000E0001'} {
			title := "学习停留" + string(r) + "在表面"
			code, out := e.call("POST", path("/api/v1/rounds/%d/problems", f.round), obj{"category_id": f.category, "seq": 2, "title": title})
			fields := arr(m(out["error"])["fields"])
			if code != 422 || len(fields) != 1 || m(fields[0])["field"] != "title" ||
				!strings.Contains(m(fields[0])["message"].(string), "具体问题含有不可见的字符（"+zhenggai.CodePoint(r)) {
				t.Errorf("new title with %s: %d %v", zhenggai.CodePoint(r), code, out)
			}
			code, out = e.call("PUT", path("/api/v1/problems/%d", f.problem), obj{"category_id": f.category, "seq": 1,
				"title": title, "version": p["version"]})
			if code != 422 {
				t.Errorf("changed title with %s: %d %v", zhenggai.CodePoint(r), code, out)
			}
		}
		if e.snapshot() != before {
			t.Error("a refused title wrote something")
		}
	})
}
