package ui

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/sheet"
	"zhenggai/internal/store"
	"zhenggai/internal/xlsx"
)

// maxDuesFile bounds an uploaded dues sheet; the body carries it again in
// base64 at confirmation.
const maxDuesFile = 4 << 20

// duesImportPage is the data of dues_import.html: the form, the rows in
// error, or the preview with the file carried for confirmation.
type duesImportPage struct {
	Error   string
	Bad     []sheet.RowError
	Result  *store.DuesImportResult
	File    string // base64, at preview
	Name    string
	Summary string
}

// Yuan2 writes an amount with two decimals.
func (d *duesImportPage) Yuan2(f zhenggai.Fen) string { return zhenggai.Yuan2(f) }

// NewDuesImport shows the form uploading a branch's dues sheet.
func (h *Handler) NewDuesImport(w http.ResponseWriter, r *http.Request) {
	h.render(w, r, http.StatusOK, "dues_import", &page{Title: "导入党费缴纳表", Nav: "dues", Data: &duesImportPage{}})
}

// CreateDuesImport reads the sheet and shows what it would write; with
// confirm it writes it, all or nothing.
func (h *Handler) CreateDuesImport(w http.ResponseWriter, r *http.Request) {
	err := parseBody(w, r, 2*maxDuesFile)
	defer cleanupBody(r)
	show := func(status int, d *duesImportPage) {
		h.render(w, r, status, "dues_import", &page{Title: "导入党费缴纳表", Nav: "dues", Data: d})
	}
	if err != nil {
		if tooLarge(err) {
			show(http.StatusRequestEntityTooLarge, &duesImportPage{Error: "文件过大（最多4MB）"})
			return
		}
		show(http.StatusBadRequest, &duesImportPage{Error: "上传未完成，请重新提交"})
		return
	}
	body, name, reason := duesUpload(r)
	if reason != "" {
		show(http.StatusUnprocessableEntity, &duesImportPage{Error: reason})
		return
	}
	ctx := r.Context()
	unitID := auth.UserFrom(ctx).UnitID
	confirm := r.PostFormValue("confirm") != ""
	rows, _, err := xlsx.ReadDues(ctx, bytes.NewReader(body), name)
	var res *store.DuesImportResult
	if err == nil {
		res, err = h.Store.ImportDues(ctx, unitID, "党费缴纳表", rows, !confirm)
	}
	var rej *sheet.Rejected
	switch {
	case errors.As(err, &rej):
		bad := rej.Rows
		if len(bad) > maxBadRowsShown {
			bad = bad[:maxBadRowsShown]
		}
		show(http.StatusUnprocessableEntity, &duesImportPage{Error: "缴纳表中有" + strconv.Itoa(len(rej.Rows)) + "处错误，未导入任何内容。请在Excel中改正下表所列各行后重新上传。", Bad: bad})
		return
	case zhenggai.ErrorCode(err) == zhenggai.EINVALID:
		show(http.StatusUnprocessableEntity, &duesImportPage{Error: zhenggai.ErrorMessage(err)})
		return
	case err != nil:
		h.fail(w, r, err)
		return
	}
	if confirm {
		redirect(w, r, "/dues?year="+res.To[:4], res.String())
		return
	}
	show(http.StatusOK, &duesImportPage{Result: res, File: base64.StdEncoding.EncodeToString(body), Name: name, Summary: res.String()})
}

// duesUpload is the sheet posted: the file chosen, or the one carried
// back from the preview.
func duesUpload(r *http.Request) (body []byte, name, reason string) {
	if s := r.PostFormValue("file_data"); s != "" {
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil || len(b) > maxDuesFile {
			return nil, "", "文件在提交中损坏，请重新选择"
		}
		return b, filepath.Base(r.PostFormValue("file_name")), ""
	}
	if r.MultipartForm == nil || len(r.MultipartForm.File["file"]) == 0 || r.MultipartForm.File["file"][0].Filename == "" {
		return nil, "", "请选择党费缴纳表（Excel .xlsx 或 CSV 文件）"
	}
	fh := r.MultipartForm.File["file"][0]
	ext := strings.ToLower(filepath.Ext(fh.Filename))
	if ext != ".xlsx" && ext != ".csv" && ext != ".txt" {
		if ext == ".xls" {
			return nil, "", "不能读取旧版Excel（.xls）文件：请在Excel中“另存为”.xlsx后再上传"
		}
		return nil, "", "只能导入Excel（.xlsx）或CSV文件"
	}
	if fh.Size > maxDuesFile {
		return nil, "", "文件过大（最多4MB）"
	}
	f, err := fh.Open()
	if err != nil {
		return nil, "", "文件读取失败，请重新选择"
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxDuesFile+1))
	if err != nil || len(b) > maxDuesFile {
		return nil, "", "文件读取失败，请重新选择"
	}
	return b, filepath.Base(fh.Filename), ""
}
