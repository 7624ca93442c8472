package api

import (
	"bytes"
	"net/http"

	"zhenggai/internal/auth"
	"zhenggai/internal/xlsx"
)

// ImportTownships is POST /api/v1/townships/import: the body is a
// townships' workbook (乡镇 and their liaison groups, and the invitations
// sheet) as `register import townships` reads it, all or nothing;
// bad rows are a 422 naming each. ?dry_run=1 checks and writes nothing.
func (h *Handler) ImportTownships(w http.ResponseWriter, r *http.Request) {
	dry, ok := h.dryRun(w, r)
	if !ok {
		return
	}
	body, ok := h.readList(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	im, err := xlsx.ParseTownships(ctx, bytes.NewReader(body))
	if err == nil {
		err = h.Store.ImportTownships(ctx, auth.UserFrom(ctx).UnitID, im.Townships, im.Where, dry)
	}
	if err != nil {
		h.fail(w, r, rowsError(err))
		return
	}
	status := http.StatusCreated
	if dry {
		status = http.StatusOK
	}
	writeJSON(w, status, registerImportJSON{What: "townships", Rows: len(im.Townships), DryRun: dry, Warnings: im.Warnings})
}

func init() {
	apiOps["POST /api/v1/townships/import"] = apiOp{summary: "导入乡镇政协联络组（序号、乡镇、成立日期、联络组长、任职起止、副组长、成员、备注；" +
		"受邀活动表：乡镇、类别、活动名称、日期、受邀人、是否参加）；xlsx 工作簿，全部成功或全部不写入，错误逐行列出",
		response: (*registerImportJSON)(nil), created: true, raw: []string{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
		query: []apiParam{{"dry_run", "string", "1：只检查，不写入"}}}
}
