package api

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"

	"zhenggai/internal/auth"
	"zhenggai/internal/store"
	"zhenggai/internal/xlsx"
)

// maxSignInImport bounds an attendance export (a year of 2,000 staff).
const maxSignInImport = 64 << 20

// ImportSignIns is POST /api/v1/sign-ins/import: the body is the clock's
// or the office app's export. ?dry_run=1 answers what would be written
// (200); otherwise 201.
func (h *Handler) ImportSignIns(w http.ResponseWriter, r *http.Request) {
	dry, ok := h.dryRun(w, r)
	if !ok {
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxSignInImport))
	if err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			h.tooLarge(w, "", "考勤表过大（最大64MB）")
			return
		}
		h.badRequest(w, "无法读取考勤表")
		return
	}
	name := r.URL.Query().Get("name")
	if name == "" {
		name = "考勤表"
	}
	ctx := r.Context()
	im, err := xlsx.ParseSignIns(ctx, bytes.NewReader(body))
	if err != nil {
		h.fail(w, r, rowsError(err))
		return
	}
	sum := sha256.Sum256(body)
	source := "考勤机"
	if im.Punches {
		source = "打卡记录"
	}
	res, err := h.Store.ImportSignIns(ctx, &store.SignInImport{UnitID: auth.UserFrom(ctx).UnitID, FileName: name,
		SHA256: hex.EncodeToString(sum[:]), Source: source, Rows: im.Rows}, dry)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	status := http.StatusCreated
	if dry {
		status = http.StatusOK
	}
	writeJSON(w, status, res)
}
