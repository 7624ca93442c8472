package api

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"
	"zhenggai/internal/auth"

	"zhenggai"
	"zhenggai/internal/textimport"
	"zhenggai/internal/xlsx"
)

// maxImport bounds the text of a report.
const maxImport = 2 << 20

// maxImportXLSX bounds an Excel ledger.
const maxImportXLSX = 8 << 20

// importJSON answers a real import: the round created and what was read.
type importJSON struct {
	Round    *roundJSON         `json:"round"`
	Imported *zhenggai.Imported `json:"imported"`
}

// CreateImport is POST /api/v1/imports. The body is the text of a
// progress report (UTF-8, at most 2 MiB) or an Excel ledger (.xlsx, at
// most 8 MiB, known by its content); the Content-Type is not checked, so
// that curl --data-binary works as it is. A ledger with bad rows is a 422
// whose fields name each row ("整改清单:5:整改时限"). With ?dry_run=1 (or true)
// the answer is 200 with what was understood and nothing is written;
// otherwise the round is created in one transaction and the answer is 201.
// The unit is found by any of its names (zhenggai.PlaceRound); a unit
// administrator whose report names his unit otherwise confirms it with
// ?unit_mine=1 (the name is kept as an alias), a system administrator
// places an unknown unit with ?unit_parent=<id of its office>.
func (h *Handler) CreateImport(w http.ResponseWriter, r *http.Request) {
	choice, err := unitChoice(r)
	if err != nil {
		h.badRequest(w, err.Error())
		return
	}
	dry, ok := h.dryRun(w, r)
	if !ok {
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxImportXLSX))
	if err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			h.tooLarge(w, "", "内容过大（报告最大2MB，Excel台账最大8MB）")
			return
		}
		h.badRequest(w, "无法读取报告内容")
		return
	}
	if bytes.HasPrefix(body, []byte("PK\x03\x04")) {
		im, err := xlsx.Parse(r.Context(), bytes.NewReader(body))
		if err == nil && len(im.Categories) == 0 {
			err = zhenggai.Errorf(zhenggai.EINVALID, "台账中没有识别出任何问题类别，请检查表头和内容")
		}
		h.createImported(w, r, im, rowsError(err), dry, choice)
		return
	}
	if len(body) > maxImport {
		h.tooLarge(w, "", "报告内容过大（最大2MB）")
		return
	}
	if !utf8.Valid(body) {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "报告内容不是UTF-8编码，请另存为UTF-8文本后再导入"))
		return
	}
	text := strings.TrimPrefix(string(body), "\ufeff")
	if strings.TrimSpace(text) == "" {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "报告内容为空"))
		return
	}
	im, err := textimport.ParseContext(r.Context(), text)
	h.createImported(w, r, im, err, dry, choice)
}

// rowsError makes a ledger's bad rows a validation error, one field per
// row and column.
func rowsError(err error) error {
	var rej *xlsx.Rejected
	if !errors.As(err, &rej) {
		return err
	}
	v := &zhenggai.ValidationError{}
	for _, e := range rej.Rows {
		v.Add(fmt.Sprintf("%s:%d:%s", e.Sheet, e.Row, e.Column), e.String())
	}
	return v
}

// createImported answers a dry run with what was read, or saves it.
func (h *Handler) createImported(w http.ResponseWriter, r *http.Request, im *zhenggai.Imported, err error, dry bool, choice zhenggai.UnitChoice) {
	if err != nil {
		h.fail(w, r, parseError(err))
		return
	}
	if im.Warnings == nil {
		im.Warnings = []string{}
	}
	if dry {
		writeJSON(w, http.StatusOK, im)
		return
	}
	place, err := h.Store.PlaceRound(r.Context(), auth.UserFrom(r.Context()), im.Round.Unit, im.Round.Signature, choice)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	rd, err := h.Store.ImportRoundAt(r.Context(), im, "", place)
	if err != nil {
		h.fail(w, r, err) // a number used twice is the store's 422 on seq
		return
	}
	out, err := h.roundObject(r.Context(), rd.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/rounds/"+strconv.FormatInt(rd.ID, 10))
	writeJSON(w, http.StatusCreated, importJSON{Round: out, Imported: im})
}

// parseError makes every parser error a 422 with the parser's own message:
// a report that cannot be read is the user's input, never our fault.
func parseError(err error) error {
	switch zhenggai.ErrorCode(err) {
	case zhenggai.EINVALID:
		return err
	}
	return zhenggai.Errorf(zhenggai.EINVALID, "%s", err.Error())
}

// unitChoice reads ?unit_mine and ?unit_parent (see CreateImport).
func unitChoice(r *http.Request) (zhenggai.UnitChoice, error) {
	var c zhenggai.UnitChoice
	q := r.URL.Query()
	if s := q.Get("unit_mine"); s != "" {
		b, err := strconv.ParseBool(s)
		if err != nil {
			return c, errors.New("参数 unit_mine 应为 1 或 0")
		}
		c.Mine = b
	}
	if s := q.Get("unit_parent"); s != "" {
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil || id <= 0 {
			return c, errors.New("参数 unit_parent 应为上级单位的编号")
		}
		c.ParentID = id
	}
	return c, nil
}

// dryRun reads ?dry_run= (1, 0, true, false) of an import; a bad value
// is answered 400 and ok is false.
func (h *Handler) dryRun(w http.ResponseWriter, r *http.Request) (dry, ok bool) {
	s := r.URL.Query().Get("dry_run")
	if s == "" {
		return false, true
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		h.badRequest(w, "参数 dry_run 应为 1 或 0")
		return false, false
	}
	return b, true
}
