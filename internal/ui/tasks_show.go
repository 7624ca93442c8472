package ui

import (
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
)

// taskRole tells whether a user has a list of tasks: the leaders and owners
// named in the ledger, whose home page it is, and the unit's office, to
// whom the public's opinions are assigned.
func taskRole(u *zhenggai.User) bool {
	return u != nil && (u.Role == zhenggai.RoleLeader || u.Role == zhenggai.RoleResponsible || u.Role == zhenggai.RoleUnitAdmin)
}

// tasksHome tells whether / is 我的任务 for u rather than the rounds.
func tasksHome(u *zhenggai.User) bool {
	return u != nil && (u.Role == zhenggai.RoleLeader || u.Role == zhenggai.RoleResponsible)
}

// ShowTasks is 我的任务: the user's measures by colour and deadline, and
// what waits for him (closings to approve, progress to look at, opinions
// assigned to him).
func (h *Handler) ShowTasks(w http.ResponseWriter, r *http.Request) {
	t, err := h.Store.Tasks(r.Context(), auth.UserFrom(r.Context()), h.today())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "tasks_show", &page{Title: "我的任务", Nav: "tasks", Data: t})
}
