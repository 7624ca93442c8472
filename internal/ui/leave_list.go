package ui

import (
	"bytes"
	"net/http"
	"strconv"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
	"zhenggai/internal/xlsx"
)

// The leave requests (请销假登记): a year's, or those waiting for approval
// or for their return (销假), each with its approve and return buttons.

type leaveListPage struct {
	Unit    *zhenggai.Unit
	Base    string
	Foreign bool
	Year    int
	State   string
	Voided  bool // the voided ones shown too (显示已作废), to the office
	List    []*zhenggai.Leave
	Due     map[int64]zhenggai.Date // each leave's day to report back
	Late    map[int64]bool          // not returned and past that day
	Today   zhenggai.Date
}

// leaveQuery reads ?year= (0: every year) and ?state=.
func (h *Handler) leaveQuery(r *http.Request, unitID int64) (store.LeaveQuery, int) {
	v := r.URL.Query()
	q := store.LeaveQuery{UnitID: unitID}
	switch s := v.Get("state"); s {
	case "pending", "out", "returned":
		q.State = s
	}
	year := 0
	if y, err := strconv.Atoi(v.Get("year")); err == nil && y >= 1949 && y <= 2100 {
		year = y
		q.From, q.To = zhenggai.NewDate(y, 1, 1), zhenggai.NewDate(y, 12, 31)
	}
	return q, year
}

// ListLeaves shows the unit's leave requests.
func (h *Handler) ListLeaves(w http.ResponseWriter, r *http.Request) {
	u, base, ok := h.registerUnit(w, r, "leaves")
	if !ok {
		return
	}
	q, year := h.leaveQuery(r, u.ID)
	// The voided are shown to whoever restores them, on the unit's own list.
	ctx := r.Context()
	q.Voided = r.URL.Query().Get("voided") != "" && base == "/leaves" && h.Auth != nil &&
		h.Auth.Can(ctx, auth.UserFrom(ctx), zhenggai.PermRestore, zhenggai.Target{UnitID: u.ID})
	list, err := h.Store.Leaves(ctx, q)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	cal, err := h.Store.WorkCalendar(r.Context(), u.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	today := h.today()
	d := &leaveListPage{Unit: u, Base: base, Foreign: base != "/leaves", Year: year, State: q.State, Voided: q.Voided, List: list,
		Due: map[int64]zhenggai.Date{}, Late: map[int64]bool{}, Today: today}
	for _, l := range list {
		due := l.Due(cal)
		d.Due[l.ID] = due
		d.Late[l.ID] = !l.Voided && l.Approved() && l.ReturnedOn.IsZero() && due.Before(today)
	}
	h.render(w, r, http.StatusOK, "leave_list", &page{Title: "请销假", Nav: "attendance", Data: d})
}

// ExportLeaves writes the leave requests shown as the list the import reads.
func (h *Handler) ExportLeaves(w http.ResponseWriter, r *http.Request) {
	u, _, ok := h.registerUnit(w, r, "leaves")
	if !ok {
		return
	}
	q, _ := h.leaveQuery(r, u.ID)
	list, err := h.Store.Leaves(r.Context(), q)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := xlsx.WriteLeaves(&buf, u.Name+"请销假登记", list); err != nil {
		h.fail(w, r, err)
		return
	}
	sendFile(w, xlsx.FileName(h.today(), ".xlsx", u.Name, "请销假登记"), xlsx.MediaType, buf.Bytes())
}
