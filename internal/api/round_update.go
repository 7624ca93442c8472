package api

import (
	"context"
	"net/http"
	"strings"

	"zhenggai"
)

// roundUpdateRequest is a round request with the version it was based on.
type roundUpdateRequest struct {
	roundRequest
	Version int64 `json:"version"`
}

// UpdateRound is PUT /api/v1/rounds/{id}. The unit of a round does not
// change: unit may be omitted or repeat the stored name; another name is
// a 422.
func (h *Handler) UpdateRound(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	var req roundUpdateRequest
	if !h.decode(w, r, &req) {
		return
	}
	rd, err := h.Store.Round(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := &zhenggai.ValidationError{}
	requireVersion(v, "version", req.Version)
	unit := rd.Unit
	if u := strings.TrimSpace(req.Unit); u != "" && u != unit {
		v.Add("unit", "被巡察单位不能修改，请新建巡察轮次")
	}
	req.Unit = unit
	if err := req.apply(v, rd); err != nil {
		h.fail(w, r, err)
		return
	}
	rd.Version = req.Version
	if err := h.Store.UpdateRound(r.Context(), rd); err != nil {
		h.failSave(w, r, err, req.Version, func(ctx context.Context) (any, int64, error) {
			cur, err := h.roundObject(ctx, id)
			if err != nil {
				return nil, 0, err
			}
			return cur, cur.Version, nil
		})
		return
	}
	out, err := h.roundObject(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}
