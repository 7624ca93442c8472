package api

import (
	"context"
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
)

// travelRequest is a ledger line as a client sends it: the person by name
// (matched to the roster), his documents, trips (numbered by seq) and the
// documents' moves (trip: the seq of the trip, 0 none).
type travelRequest struct {
	Name         string                    `json:"name"`
	Rank         string                    `json:"rank"`
	ScopeFrom    zhenggai.Date             `json:"scope_from"`
	ByHand       bool                      `json:"by_hand"`
	RegisteredOn zhenggai.Date             `json:"registered_on"`
	Note         string                    `json:"note"`
	Documents    []zhenggai.TravelDocument `json:"documents"`
	Trips        []zhenggai.TravelTrip     `json:"trips"`
	Moves        []zhenggai.TravelMove     `json:"moves"`
}

type travelUpdateRequest struct {
	travelRequest
	Version int64 `json:"version"`
}

func (req *travelRequest) apply(t *zhenggai.TravelPerson) {
	t.Name, t.Rank, t.ScopeFrom, t.ByHand, t.RegisteredOn, t.Note = req.Name, req.Rank, req.ScopeFrom, req.ByHand, req.RegisteredOn, req.Note
	t.Documents, t.Trips, t.Moves = req.Documents, req.Trips, req.Moves
}

// CreateTravel is POST /api/v1/travel.
func (h *Handler) CreateTravel(w http.ResponseWriter, r *http.Request) {
	var req travelRequest
	if !h.decode(w, r, &req) {
		return
	}
	ctx := r.Context()
	t := &zhenggai.TravelPerson{UnitID: auth.UserFrom(ctx).UnitID}
	req.apply(t)
	if err := h.Store.SaveTravelPerson(ctx, t); err != nil {
		h.fail(w, r, err)
		return
	}
	h.writeTravel(w, r, http.StatusCreated, t.ID)
}

// GetTravel is GET /api/v1/travel/{id}.
func (h *Handler) GetTravel(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	h.writeTravel(w, r, http.StatusOK, id)
}

// UpdateTravel is PUT /api/v1/travel/{id}: the whole line replaced at its
// current version.
func (h *Handler) UpdateTravel(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	var req travelUpdateRequest
	if !h.decode(w, r, &req) {
		return
	}
	ctx := r.Context()
	stored, err := h.Store.TravelPerson(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := &zhenggai.ValidationError{}
	requireVersion(v, "version", req.Version)
	if err := v.Err(); err != nil {
		h.fail(w, r, err)
		return
	}
	t := &zhenggai.TravelPerson{ID: id, UnitID: stored.UnitID, PersonID: stored.PersonID, Sample: stored.Sample, Version: req.Version}
	req.apply(t)
	if err := h.Store.SaveTravelPerson(ctx, t); err != nil {
		h.failSave(w, r, err, req.Version, func(ctx context.Context) (any, int64, error) {
			cur, err := h.Store.TravelPerson(ctx, id)
			if err != nil {
				return nil, 0, err
			}
			return cur, cur.Version, nil
		})
		return
	}
	h.writeTravel(w, r, http.StatusOK, id)
}

func (h *Handler) writeTravel(w http.ResponseWriter, r *http.Request, status int, id int64) {
	t, err := h.Store.TravelPerson(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, status, t)
}

func init() {
	apiOps["POST /api/v1/travel"] = apiOp{summary: "登记一名因私出国(境)登记备案人员及其证件、出行和证件领取、交回；姓名对应人员名册（同名两人为422）；每人一行",
		request: (*travelRequest)(nil), response: (*zhenggai.TravelPerson)(nil), created: true}
	apiOps["GET /api/v1/travel/{id}"] = apiOp{summary: "一名登记备案人员的台账", response: (*zhenggai.TravelPerson)(nil)}
	apiOps["PUT /api/v1/travel/{id}"] = apiOp{summary: "修改一名登记备案人员的台账（整行替换，须带当前 version）",
		request: (*travelUpdateRequest)(nil), response: (*zhenggai.TravelPerson)(nil)}
}
