package api

import (
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/selfcheck"
)

// selfcheckRoundRequest chooses findings of a unit's self-inspection by
// their keys (GET /api/v1/selfcheck), or all of them.
type selfcheckRoundRequest struct {
	Unit int64    `json:"unit"` // the caller's own unit when 0
	From string   `json:"from"`
	To   string   `json:"to"`
	Keys []string `json:"keys"`
	All  bool     `json:"all"`
}

// CreateSelfCheckRound is POST /api/v1/selfcheck/round: the findings
// chosen become a round of kind 自查 (a category per area, a problem per
// finding, its records linked); the rules run again on the registers as
// they are now.
func (h *Handler) CreateSelfCheckRound(w http.ResponseWriter, r *http.Request) {
	var req selfcheckRoundRequest
	if !h.decode(w, r, &req) {
		return
	}
	unit, p, ok := h.selfcheckUnit(w, r, req.Unit, req.From, req.To)
	if !ok {
		return
	}
	ctx := r.Context()
	if unit == 0 || !h.Auth.Can(ctx, auth.UserFrom(ctx), zhenggai.PermEdit, zhenggai.Target{UnitID: unit}) {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EFORBID, "只有本单位的管理员可以生成自查整改轮次"))
		return
	}
	fs, err := h.Store.SelfCheck(ctx, unit, p, nil)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	chosen := map[string]bool{}
	for _, k := range req.Keys {
		chosen[k] = true
	}
	var picked []selfcheck.Finding
	for _, f := range fs {
		if req.All || chosen[f.Key] {
			picked = append(picked, f)
		}
	}
	round, err := h.Store.CreateSelfCheckRound(ctx, unit, p, picked)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, round)
}
