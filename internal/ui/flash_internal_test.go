package ui

import (
	"net/http/httptest"
	"strings"
	"testing"

	"zhenggai"
)

// TestLongRefusalIsShown: a refusal whose reason is long is cut to fit the
// flash, never dropped (the next page would then say nothing at all).
func TestLongRefusalIsShown(t *testing.T) {
	for _, n := range []int{10, 150, 400, 2000} {
		err := zhenggai.Errorf(zhenggai.EINVALID, "%s", strings.Repeat("长", n))
		w := httptest.NewRecorder()
		redirectRefused(w, httptest.NewRequest("POST", "/measures/1/close/request", nil), "/problems/1", "第1项措施未能申请销号", err)
		req := httptest.NewRequest("GET", "/problems/1", nil)
		for _, c := range w.Result().Cookies() {
			req.AddCookie(c)
		}
		f := flashFrom(req)
		msg, refused := strings.CutPrefix(f, refusedMark)
		if !refused || !strings.HasPrefix(msg, "第1项措施未能申请销号：长") {
			t.Errorf("reason of %d characters: flash %q", n, f)
		}
	}
}
