package sheet_test

import (
	"testing"

	"zhenggai"
)

// TestNoInvisibleASCII: Book.Strip passes ASCII text by unread, which is
// right only while no ASCII character is zhenggai.Invisible.
func TestNoInvisibleASCII(t *testing.T) {
	for r := rune(0); r < 0x80; r++ {
		if zhenggai.Invisible(r) {
			t.Errorf("U+%04X is invisible", r)
		}
	}
}
