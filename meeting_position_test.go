package zhenggai

import "testing"

func TestCutPosition(t *testing.T) {
	for _, c := range []struct {
		in      string
		pos     Position
		summary string
		ok      bool
	}{
		{"同意", PosAgree, "", true},
		{"不同意，超标准", PosDisagree, "超标准", true},
		{"原则同意。", PosAgree, "", true},
		{"同意，建议压缩开支", PosAgree, "建议压缩开支", true},
		{"建议再考察", PosView, "建议再考察", true},
		{"弃权", PosAbstain, "", true},
		{"无异议", PosAgree, "", true},
		{"也行", "", "", false},
	} {
		p, s, ok := CutPosition(c.in)
		if p != c.pos || s != c.summary || ok != c.ok {
			t.Errorf("CutPosition(%q) = %q %q %v", c.in, p, s, ok)
		}
	}
	if p, ok := ParsePosition("同意。"); !ok || p != PosAgree {
		t.Errorf("ParsePosition(同意。) = %q %v", p, ok)
	}
}
