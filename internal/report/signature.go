package report

import "math"

// maxRightIndent is the farthest in from the right, in characters, that
// the signature or the date is set.
const maxRightIndent = 20

// signatureIndents sets a signature without a seal the way GB/T 9704
// 7.3.5.1 does: the signing unit two characters in from the right, the
// date on the line below starting two characters right of the unit's
// first; a date longer than that allows stays two in from the right.
// Both are in characters from the right edge of the text block.
func signatureIndents(signature, date string) (sig, dat int) {
	sig = 2
	dat = int(math.Round(width(signature) - width(date)))
	return sig, min(max(dat, 2), maxRightIndent)
}

// keptWithNext says whether a problem's heading stays on the page of the
// paragraph after it: a heading of a line or two does; a longer one is the
// problem's account, which may end a page as any paragraph (LibreOffice
// would move all of it to the next page, leaving a page short).
func keptWithNext(heading string) bool {
	return width(heading)+2 <= 2*28
}
