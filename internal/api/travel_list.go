package api

import (
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
)

// travelListJSON answers GET /api/v1/travel.
type travelListJSON struct {
	UnitID  int64                    `json:"unit_id"`
	Persons []*zhenggai.TravelPerson `json:"persons"`
}

// ListTravel is GET /api/v1/travel: the caller's unit's ledger of private
// travel documents, each person with his documents, trips and moves.
func (h *Handler) ListTravel(w http.ResponseWriter, r *http.Request) {
	unit := auth.UserFrom(r.Context()).UnitID
	list, err := h.Store.TravelPersons(r.Context(), unit)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if list == nil {
		list = []*zhenggai.TravelPerson{}
	}
	writeJSON(w, http.StatusOK, travelListJSON{UnitID: unit, Persons: list})
}

func init() {
	apiOps["GET /api/v1/travel"] = apiOp{summary: "本单位因私出国(境)登记备案人员管理台账：每人的证件（集中保管的交存日期）、出行（审批）和证件领取、交回登记",
		response: (*travelListJSON)(nil)}
	apiOps["POST /api/v1/travel/{id}/void"] = apiOp{summary: "作废一名登记备案人员的台账（须写明理由 reason）；已作废为409",
		request: (*voidRequest)(nil), response: (*voidJSON)(nil)}
	apiOps["POST /api/v1/travel/{id}/restore"] = apiOp{summary: "单位管理员恢复已作废的台账；未作废为409", response: (*voidJSON)(nil)}
}
