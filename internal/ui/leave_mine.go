package ui

import (
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

// 我的请假: a staff member's own leave requests, withdrawn and turned down
// ones included, each with where it stands; what waits for approval he
// may withdraw (leave_void.go).

type myLeavesPage struct {
	Name  string
	Login string // his login name: what a void by himself is recorded as
	List  []*zhenggai.Leave
}

// MyLeaves lists the signed-in user's own leave requests.
func (h *Handler) MyLeaves(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u := auth.UserFrom(ctx)
	name, err := h.ownPersonName(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := &myLeavesPage{Name: name, Login: u.Name}
	// An office account tied to no person has no leave of its own: the
	// page says so (the template) rather than listing someone's.
	if name != "" {
		if d.List, err = h.Store.Leaves(ctx, store.LeaveQuery{UnitID: u.UnitID, PersonID: u.PersonID, Voided: true}); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	h.render(w, r, http.StatusOK, "leave_mine", &page{Title: "我的请假", Nav: "myleaves", Data: d})
}
