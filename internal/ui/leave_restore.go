package ui

import "net/http"

// RestoreLeave brings a voided leave request back, on the office's list
// with the voided ones shown.
func (h *Handler) RestoreLeave(w http.ResponseWriter, r *http.Request) {
	h.restoreRegisterRecord(w, r, "leave", "/leaves?voided=1#leave-%d", "该请假记录")
}
