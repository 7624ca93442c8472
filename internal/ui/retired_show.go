package ui

import (
	"net/http"
)

// ShowRetired shows one retired cadre's post.
func (h *Handler) ShowRetired(w http.ResponseWriter, r *http.Request) {
	p, ok := h.retiredOf(w, r, true)
	if !ok {
		return
	}
	on := h.today()
	if !p.To.IsZero() && p.To.Before(on) {
		on = p.To
	}
	h.render(w, r, http.StatusOK, "retired_show", &page{Title: p.Name + " " + p.Org + p.Post, Nav: "retired",
		Data: &retiredRow{RetiredPost: p, Age: p.AgeOn(on), Held: p.Holds(h.today())}})
}

// VoidRetired voids a post entered by mistake, with a reason.
func (h *Handler) VoidRetired(w http.ResponseWriter, r *http.Request) {
	h.voidRegisterRecord(w, r, "retired_post", "/retired/%d", "该兼职(返聘)记录")
}

// RestoreRetired brings a voided post back.
func (h *Handler) RestoreRetired(w http.ResponseWriter, r *http.Request) {
	h.restoreRegisterRecord(w, r, "retired_post", "/retired/%d", "该兼职(返聘)记录")
}
