package store

import (
	"encoding/json"
	"math/rand/v2"
	"testing"
)

// TestCanonicalJSONIsEncodingJSON: the fast writer of snapshots must give
// exactly the bytes of encoding/json, which the format is defined by.
func TestCanonicalJSONIsEncodingJSON(t *testing.T) {
	pieces := []string{"", "a", "整改", "<script>", "&amp;", `"`, `\`, "\n", "\t", "\x00", "\x7f", "\u2028", "\u2029",
		"\xff", "\xe6\x95", "😀", "é", "0", " ", "/", "'", "\u00a0", "\ufeff", "\ufffd"}
	rnd := rand.New(rand.NewPCG(1, 2))
	str := func() string {
		var s string
		for range rnd.IntN(6) {
			s += pieces[rnd.IntN(len(pieces))]
		}
		return s
	}
	for i := range 5000 {
		m := map[string]any{}
		for range rnd.IntN(8) {
			var v any
			switch rnd.IntN(5) {
			case 0:
				v = nil
			case 1:
				v = rnd.Int64() - rnd.Int64()
			case 2:
				v = rnd.Float64() * 1e6
			default:
				v = str()
			}
			m[str()] = v
		}
		want, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		got, err := canonicalJSON(m)
		if err != nil || got != string(want) {
			t.Fatalf("case %d: %q\n got %s\nwant %s", i, m, got, want)
		}
	}
}
