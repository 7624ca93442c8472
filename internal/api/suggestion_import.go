package api

import (
	"bytes"
	"errors"
	"io"
	"net/http"

	"zhenggai/internal/auth"
	"zhenggai/internal/xlsx"
)

// registerImportJSON answers the import of a register's list (suggestions,
// townships): what was (or would be) written, and what to look at.
type registerImportJSON struct {
	What     string   `json:"what"`
	Rows     int      `json:"rows"`
	DryRun   bool     `json:"dry_run,omitempty"`
	Warnings []string `json:"warnings,omitempty"`
}

// readList reads an uploaded list (at most maxMemberImport); false when it
// has answered the request itself.
func (h *Handler) readList(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxMemberImport))
	if err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			h.tooLarge(w, "", "文件过大（最大4MB）")
			return nil, false
		}
		h.badRequest(w, "无法读取文件")
		return nil, false
	}
	return body, true
}

// ImportSuggestions is POST /api/v1/suggestions/import: the body is a
// suggestions workbook (.xlsx) as `register import suggestions` reads
// it, all or nothing; bad rows are a 422 naming each. ?dry_run=1 checks
// and writes nothing.
func (h *Handler) ImportSuggestions(w http.ResponseWriter, r *http.Request) {
	dry, ok := h.dryRun(w, r)
	if !ok {
		return
	}
	body, ok := h.readList(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	im, err := xlsx.ParseSuggestions(ctx, bytes.NewReader(body))
	if err == nil {
		err = h.Store.ImportSuggestions(ctx, auth.UserFrom(ctx).UnitID, im.Suggestions, im.Where, dry)
	}
	if err != nil {
		h.fail(w, r, rowsError(err))
		return
	}
	status := http.StatusCreated
	if dry {
		status = http.StatusOK
	}
	writeJSON(w, status, registerImportJSON{What: "suggestions", Rows: len(im.Suggestions), DryRun: dry, Warnings: im.Warnings})
}

func init() {
	apiOps["POST /api/v1/suggestions/import"] = apiOp{summary: "导入微建议和社情民意信息（序号、类别、提出人、标题、内容、提出日期、报送方式、采用情况、采用日期、采用刊物、" +
		"领导批示、批示领导、批示日期）；xlsx 工作簿，全部成功或全部不写入，错误逐行列出",
		response: (*registerImportJSON)(nil), created: true, raw: []string{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
		query: []apiParam{{"dry_run", "string", "1：只检查，不写入"}}}
}
