package ui

import (
	"net/http"

	"zhenggai"
)

// travelShowPage is the data of travel_show.html: one person's line with
// his documents, the register of their taking out and return (证照领取、
// 收回登记) and his trips.
type travelShowPage struct {
	T     *zhenggai.TravelPerson
	Moves []travelMoveRow
}

type travelMoveRow struct {
	zhenggai.TravelMove
	Trip *zhenggai.TravelTrip
	// Due is the last day the document may come back (10 days after the
	// trip's end, past a weekend); Late when it came back after it.
	Due  zhenggai.Date
	Late bool
}

// travelOf is the ledger line {id}; a voided one only when allowed.
func (h *Handler) travelOf(w http.ResponseWriter, r *http.Request, voided bool) (*zhenggai.TravelPerson, bool) {
	id, ok := h.pathID(w, r)
	if !ok {
		return nil, false
	}
	t, err := h.Store.TravelPerson(r.Context(), id)
	if err == nil && t.Voided && !voided {
		err = zhenggai.Errorf(zhenggai.ECONFLICT, "该登记已作废，不能修改；确需修改的，请单位管理员先恢复")
	}
	if err != nil {
		h.fail(w, r, err)
		return nil, false
	}
	return t, true
}

// ShowTravel shows one person's line of the ledger.
func (h *Handler) ShowTravel(w http.ResponseWriter, r *http.Request) {
	t, ok := h.travelOf(w, r, true)
	if !ok {
		return
	}
	// The due day moves past the unit's own days off, as the rule's does.
	cal, err := h.Store.WorkCalendar(r.Context(), t.UnitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := &travelShowPage{T: t}
	for _, m := range t.Moves {
		row := travelMoveRow{TravelMove: m, Trip: t.Trip(m.Trip)}
		if row.Trip != nil && !row.Trip.To.IsZero() {
			row.Due = zhenggai.ReturnDue(row.Trip.To, 10, cal)
			row.Late = (!m.Back.IsZero() && row.Due.Before(m.Back)) || (m.Back.IsZero() && row.Due.Before(h.today()))
		}
		d.Moves = append(d.Moves, row)
	}
	h.render(w, r, http.StatusOK, "travel_show", &page{Title: t.Name + " 因私出国(境)登记备案", Nav: "travel", Data: d})
}

// VoidTravel voids a line entered by mistake, with a reason.
func (h *Handler) VoidTravel(w http.ResponseWriter, r *http.Request) {
	h.voidRegisterRecord(w, r, "travel_person", "/travel/%d", "该登记")
}

// RestoreTravel brings a voided line back.
func (h *Handler) RestoreTravel(w http.ResponseWriter, r *http.Request) {
	h.restoreRegisterRecord(w, r, "travel_person", "/travel/%d", "该登记")
}
