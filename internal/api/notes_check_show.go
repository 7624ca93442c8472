package api

import (
	"context"
	"net/http"

	"zhenggai"
)

// notesCheckUpdateRequest is a check replaced whole at its version.
type notesCheckUpdateRequest struct {
	Name        string               `json:"name"`
	CheckerName string               `json:"checker_name"`
	On          zhenggai.Date        `json:"on"`
	Period      string               `json:"period"`
	Result      zhenggai.NotesResult `json:"result"`
	Remark      string               `json:"remark"`
	Version     int64                `json:"version"`
}

// GetNotesCheck is GET /api/v1/study/notes/{id}.
func (h *Handler) GetNotesCheck(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	h.writeNotesCheck(w, r, http.StatusOK, id)
}

// UpdateNotesCheck is PUT /api/v1/study/notes/{id}.
func (h *Handler) UpdateNotesCheck(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	var req notesCheckUpdateRequest
	if !h.decode(w, r, &req) {
		return
	}
	ctx := r.Context()
	stored, err := h.Store.NotesCheck(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := &zhenggai.ValidationError{}
	requireVersion(v, "version", req.Version)
	period, ok := zhenggai.ParseStudyPeriod(req.Period)
	if !ok {
		v.Add("period", "period 须为月份或季度，如 2020-09、2020-Q3")
	}
	if err := v.Err(); err != nil {
		h.fail(w, r, err)
		return
	}
	c := &zhenggai.NotesCheck{ID: id, UnitID: stored.UnitID, Sample: stored.Sample, Version: req.Version, Name: req.Name,
		CheckerName: req.CheckerName, On: req.On, Period: period, Result: req.Result, Remark: req.Remark}
	if err := h.Store.SaveNotesCheck(ctx, c); err != nil {
		h.failSave(w, r, err, req.Version, func(ctx context.Context) (any, int64, error) {
			cur, err := h.Store.NotesCheck(ctx, id)
			if err != nil {
				return nil, 0, err
			}
			return cur, cur.Version, nil
		})
		return
	}
	h.writeNotesCheck(w, r, http.StatusOK, id)
}

func (h *Handler) writeNotesCheck(w http.ResponseWriter, r *http.Request, status int, id int64) {
	c, err := h.Store.NotesCheck(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, status, c)
}

func init() {
	apiOps["GET /api/v1/study/notes/{id}"] = apiOp{summary: "一条学习笔记检查记录", response: (*zhenggai.NotesCheck)(nil)}
	apiOps["PUT /api/v1/study/notes/{id}"] = apiOp{summary: "修改学习笔记检查记录（整条替换，须带当前 version）",
		request: (*notesCheckUpdateRequest)(nil), response: (*zhenggai.NotesCheck)(nil)}
	apiOps["POST /api/v1/study/notes/{id}/void"] = apiOp{summary: "作废学习笔记检查记录（须写明理由 reason）；已作废为409",
		request: (*voidRequest)(nil), response: (*voidJSON)(nil)}
	apiOps["POST /api/v1/study/notes/{id}/restore"] = apiOp{summary: "单位管理员恢复已作废的学习笔记检查记录；未作废为409", response: (*voidJSON)(nil)}
}
