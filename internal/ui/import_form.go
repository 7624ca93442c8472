package ui

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
	"zhenggai/internal/auth"

	"zhenggai"
	"zhenggai/internal/textimport"
	"zhenggai/internal/xlsx"
)

// maxImportText bounds the text of a report, pasted or uploaded.
const maxImportText = 2 << 20

// maxImportXLSX bounds an uploaded Excel ledger: a county's is tens of KB.
const maxImportXLSX = 4 << 20

// maxBadRowsShown is how many bad rows of a workbook the page lists.
const maxBadRowsShown = 500

// maxImportBody leaves room for a text and a file of the largest size, or,
// at confirmation, the workbook carried back in base64.
const maxImportBody = 2*maxImportText + maxImportXLSX*4/3 + 64<<10

// importPreview is the data of import_preview.html.
type importPreview struct {
	Im       *zhenggai.Imported
	Problems int
	Measures int
	Outcomes string            // what the ledger's measures record, summed; "" for none
	Blocking []string          // what would make the import fail
	Existing []*zhenggai.Round // rounds that look like this report already imported
	// VoidEarlier: the user may void those rounds (作废, reason 重复导入)
	// once this import is saved, a choice of the confirmation.
	VoidEarlier bool
	Failed      string      // the import was refused at confirmation
	Unit        *unitAnswer // where the round goes, or what to ask first
}

// NewImport shows the page to paste or upload a report.
func (h *Handler) NewImport(w http.ResponseWriter, r *http.Request) {
	h.renderImportForm(w, r, http.StatusOK, "", nil)
}

func (h *Handler) renderImportForm(w http.ResponseWriter, r *http.Request, status int, text string, errs map[string]string) {
	h.renderImportFormRows(w, r, status, text, errs, nil)
}

// renderImportFormRows shows the form again with the bad rows of a
// workbook, each in a row of a table.
func (h *Handler) renderImportFormRows(w http.ResponseWriter, r *http.Request, status int, text string, errs map[string]string, bad []xlsx.RowError) {
	if errs == nil {
		errs = map[string]string{}
	}
	form := map[string]string{"text": text}
	if r.Method == http.MethodPost {
		form["inspector"], form["unit"] = r.PostFormValue("inspector"), r.PostFormValue("unit")
	}
	h.render(w, r, status, "import_form", &page{Title: "导入整改进展报告", Nav: "import",
		Form: form, Errors: errs, Data: bad})
}

// importWorkbook finds an Excel ledger in the post: an uploaded .xlsx file,
// or at confirmation the workbook carried back from the preview. ok says
// whether there is one; reason why it cannot be used.
func importWorkbook(r *http.Request) (b []byte, ok bool, reason string) {
	if s := r.PostFormValue("xlsx"); s != "" {
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil || len(b) > maxImportXLSX {
			return nil, true, "Excel文件在提交中损坏，请重新选择文件"
		}
		return b, true, ""
	}
	if r.MultipartForm == nil {
		return nil, false, ""
	}
	fhs := r.MultipartForm.File["file"]
	if len(fhs) == 0 || !strings.EqualFold(filepath.Ext(fhs[0].Filename), ".xlsx") {
		return nil, false, ""
	}
	fh := fhs[0]
	if fh.Size > maxImportXLSX {
		return nil, true, "Excel文件过大（最多4MB）"
	}
	fl, err := fh.Open()
	if err != nil {
		return nil, true, "文件读取失败，请重新选择"
	}
	defer fl.Close()
	b, err = io.ReadAll(io.LimitReader(fl, maxImportXLSX+1))
	if err != nil || len(b) > maxImportXLSX {
		return nil, true, "文件读取失败，请重新选择"
	}
	return b, true, ""
}

// importText reads the report from the uploaded file if one was chosen,
// else from the text box. It returns the text, and the field and reason
// when the input cannot be used.
func importText(r *http.Request) (text, field, reason string) {
	if r.MultipartForm != nil {
		if fhs := r.MultipartForm.File["file"]; len(fhs) > 0 && fhs[0].Filename != "" {
			fh := fhs[0]
			if fh.Size > maxImportText {
				return "", "file", "文件过大（最多2MB）。报告正文一般只有几十KB，请确认选择的是纯文本文件"
			}
			fl, err := fh.Open()
			if err != nil {
				return "", "file", "文件读取失败，请重新选择"
			}
			defer fl.Close()
			b, err := io.ReadAll(io.LimitReader(fl, maxImportText+1))
			if err != nil {
				return "", "file", "文件读取失败，请重新选择"
			}
			b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
			if !utf8.Valid(b) {
				return "", "file", "文件须保存为UTF-8编码的纯文本：在记事本中“另存为”，编码选“UTF-8”；Word文档请先“另存为”纯文本(.txt)并选UTF-8编码"
			}
			if len(bytes.TrimSpace(b)) == 0 {
				return "", "file", "文件是空的，请重新选择"
			}
			return normalizeNewlines(string(b)), "", ""
		}
	}
	text = normalizeNewlines(r.PostFormValue("text"))
	switch {
	case len(text) > maxImportText:
		return text, "text", "内容过长（最多2MB）"
	case !utf8.ValidString(text):
		return strings.ToValidUTF8(text, ""), "text", "内容含有无法识别的字符，请从原文重新复制"
	case strings.TrimSpace(text) == "":
		return "", "text", "请粘贴报告全文，或在下面选择一个文本文件"
	}
	return text, "", ""
}

func normalizeNewlines(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// CreateImport reads a report and shows what was understood; with
// confirm=1 it saves it as a new round.
func (h *Handler) CreateImport(w http.ResponseWriter, r *http.Request) {
	err := parseBody(w, r, maxImportBody)
	defer cleanupBody(r)
	if err != nil {
		if tooLarge(err) {
			h.renderImportForm(w, r, http.StatusRequestEntityTooLarge, "", map[string]string{"text": "内容过长（最多2MB）"})
			return
		}
		h.renderImportForm(w, r, http.StatusBadRequest, "", map[string]string{"text": "上传未完成，请重新提交"})
		return
	}
	if wb, ok, reason := importWorkbook(r); ok {
		h.createImportXLSX(w, r, wb, reason)
		return
	}
	text, field, reason := importText(r)
	if reason != "" {
		h.renderImportForm(w, r, http.StatusUnprocessableEntity, text, map[string]string{field: reason})
		return
	}
	if r.PostFormValue("back") != "" {
		h.renderImportForm(w, r, http.StatusOK, text, nil)
		return
	}
	im, err := textimport.ParseContext(r.Context(), text)
	if err != nil {
		if zhenggai.ErrorCode(err) != zhenggai.EINVALID {
			h.fail(w, r, err)
			return
		}
		h.renderImportForm(w, r, http.StatusUnprocessableEntity, text, map[string]string{"text": zhenggai.ErrorMessage(err)})
		return
	}
	h.previewImport(w, r, im, map[string]string{"text": text})
}

// createImportXLSX is CreateImport for an Excel ledger: bad rows go back
// to the form in a table; a good ledger gets the same preview and
// confirmation as a text, the workbook carried in the page.
func (h *Handler) createImportXLSX(w http.ResponseWriter, r *http.Request, wb []byte, reason string) {
	if reason != "" {
		h.renderImportForm(w, r, http.StatusUnprocessableEntity, "", map[string]string{"file": reason})
		return
	}
	if r.PostFormValue("back") != "" {
		h.renderImportForm(w, r, http.StatusOK, "", nil)
		return
	}
	im, err := xlsx.Parse(r.Context(), bytes.NewReader(wb))
	var rej *xlsx.Rejected
	switch {
	case errors.As(err, &rej):
		msg := fmt.Sprintf("台账中有%d处错误，未导入任何内容。请在Excel中改正下表所列各行后重新上传。", len(rej.Rows))
		rows := rej.Rows
		if len(rows) > maxBadRowsShown {
			// A sheet wrong throughout would make a page nobody reads.
			rows = rows[:maxBadRowsShown]
			msg += fmt.Sprintf("下表列出前%d处。", maxBadRowsShown)
		}
		h.renderImportFormRows(w, r, http.StatusUnprocessableEntity, "", map[string]string{"file": msg}, rows)
		return
	case zhenggai.ErrorCode(err) == zhenggai.EINVALID:
		h.renderImportForm(w, r, http.StatusUnprocessableEntity, "", map[string]string{"file": zhenggai.ErrorMessage(err)})
		return
	case err != nil:
		h.fail(w, r, err)
		return
	}
	given := zhenggai.ImportedRound{Inspector: strings.TrimSpace(r.PostFormValue("inspector")), Unit: strings.TrimSpace(r.PostFormValue("unit"))}
	xlsx.Supply(im, given)
	h.previewImport(w, r, im, map[string]string{"xlsx": base64.StdEncoding.EncodeToString(wb),
		"inspector": given.Inspector, "unit": given.Unit})
}

// previewImport shows what was understood, or with confirm=1 saves it.
// form holds what the confirmation must post back.
func (h *Handler) previewImport(w http.ResponseWriter, r *http.Request, im *zhenggai.Imported, form map[string]string) {
	var err error
	pv := &importPreview{Im: im, Problems: im.ProblemCount(), Blocking: importBlocking(im)}
	if pv.Unit, err = h.placeRound(r, im.Round.Unit, im.Round.Signature); err != nil {
		h.fail(w, r, err)
		return
	}
	if pv.Unit.Refused != "" {
		pv.Blocking = append(pv.Blocking, pv.Unit.Refused)
	}
	place := pv.Unit.Place
	for k, v := range map[string]string{"unit_mine": r.PostFormValue("unit_mine"), "unit_parent": r.PostFormValue("unit_parent"),
		"void_earlier": r.PostFormValue("void_earlier")} {
		form[k] = v
	}
	var ms []*zhenggai.Measure
	for _, c := range im.Categories {
		for _, p := range c.Problems {
			pv.Measures += len(p.Measures)
			for _, m := range p.Measures {
				ms = append(ms, &zhenggai.Measure{RuleNames: zhenggai.CleanRuleNames(m.RuleNames), RefundedFen: m.RefundedFen,
					RecoveredFen: m.RecoveredFen, SavedFen: m.SavedFen, Talks: m.Talks, Organisational: m.Organisational,
					Disciplinary: m.Disciplinary})
			}
		}
	}
	o, _ := zhenggai.SumOutcomes(ms)
	pv.Outcomes = o.Sentence()
	if r.PostFormValue("confirm") == "1" && len(pv.Blocking) == 0 && place != nil {
		var earlier []*zhenggai.Round // found before the import, which would be one of them
		if r.PostFormValue("void_earlier") == "1" {
			if earlier, err = h.sameRounds(r, im, place.UnitID); err != nil {
				h.fail(w, r, err)
				return
			}
		}
		round, err := h.Store.ImportRoundAt(r.Context(), im, "", place)
		if err == nil {
			to := fmt.Sprintf("/rounds/%d", round.ID)
			flash := fmt.Sprintf("已导入：%d个问题、%d个具体问题、%d项整改措施", len(im.Categories), pv.Problems, pv.Measures)
			n, err := h.voidEarlier(r, earlier)
			switch {
			case err != nil && zhenggai.ErrorCode(err) != zhenggai.ELOCKED && zhenggai.ErrorCode(err) != zhenggai.ECONFLICT:
				h.fail(w, r, err)
			case err != nil:
				redirectRefused(w, r, to, flash+"，但未能作废此前导入的轮次", err)
			case n > 0:
				redirect(w, r, to, fmt.Sprintf("%s；已作废此前导入的%d个轮次（理由：重复导入），单位管理员可在其“已作废的记录”中恢复", flash, n))
			default:
				redirect(w, r, to, flash)
			}
			return
		}
		if c := zhenggai.ErrorCode(err); c != zhenggai.EINVALID && c != zhenggai.ECONFLICT {
			h.fail(w, r, err)
			return
		}
		pv.Failed = zhenggai.ErrorMessage(err)
	}
	status := http.StatusOK
	if pv.Failed != "" || (r.PostFormValue("confirm") == "1" && (len(pv.Blocking) > 0 || place == nil)) {
		status = http.StatusUnprocessableEntity
	}
	var unitID int64 // the registered unit the report names, by any of its names
	if pv.Unit.Place != nil {
		unitID = pv.Unit.Place.UnitID
	}
	if pv.Existing, err = h.sameRounds(r, im, unitID); err != nil {
		h.fail(w, r, err)
		return
	}
	for _, rd := range pv.Existing {
		pv.VoidEarlier = pv.VoidEarlier || h.Auth.Can(r.Context(), auth.UserFrom(r.Context()), zhenggai.PermEdit, zhenggai.Target{UnitID: rd.UnitID})
	}
	h.render(w, r, status, "import_preview", &page{Title: "导入预览", Nav: "import", Data: pv,
		Form: form, Errors: map[string]string{}})
}

// importBlocking runs the checks ImportRound will run, so that the preview
// says what to fix in the text before anyone presses 确认导入.
func importBlocking(im *zhenggai.Imported) []string {
	var out []string
	add := func(prefix string, err error) {
		if err == nil {
			return
		}
		if v, ok := err.(*zhenggai.ValidationError); ok {
			for _, f := range v.Fields {
				out = append(out, prefix+f.Message)
			}
			return
		}
		out = append(out, prefix+zhenggai.ErrorMessage(err))
	}
	add("", im.NewRound().Validate())
	for _, ic := range im.Categories {
		add(fmt.Sprintf("问题类别（%s）：", zhenggai.Numeral(ic.Seq)), (&zhenggai.Category{Seq: ic.Seq, Title: ic.Title}).Validate())
		for _, ip := range ic.Problems {
			add(fmt.Sprintf("问题%d：", ip.Seq), (&zhenggai.Problem{CategoryID: 1, Seq: ip.Seq, Title: ip.Title, Rectification: ip.Rectification}).Validate())
			for i, imm := range ip.Measures {
				m := &zhenggai.Measure{Seq: i + 1, Content: imm.Content, Leader: imm.Leader, Office: imm.Office,
					Owner: imm.Owner, Deadline: imm.Deadline, Kind: imm.Kind, Status: imm.Status}
				if m.Kind == "" {
					m.Kind = zhenggai.MeasureImmediate
				}
				if m.Status == "" {
					m.Status = zhenggai.NotStarted
				}
				add(fmt.Sprintf("问题%d第%d项措施：", ip.Seq, i+1), m.Validate())
			}
		}
	}
	return out
}

// voidEarlier voids (作废) the rounds an import repeats that the user may
// edit, for the reason 重复导入, after the import is saved: how many.
func (h *Handler) voidEarlier(r *http.Request, rounds []*zhenggai.Round) (int, error) {
	n := 0
	for _, rd := range rounds {
		if !h.Auth.Can(r.Context(), auth.UserFrom(r.Context()), zhenggai.PermEdit, zhenggai.Target{UnitID: rd.UnitID}) {
			continue
		}
		if err := h.Store.Void(r.Context(), "round", rd.ID, "重复导入"); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// sameRounds finds rounds of the same group, unit and feedback date: the
// report was probably imported before. unitID, when not 0, is the unit the
// report names by any of its names (a report signed with the full name is
// the same as one that uses the short name).
func (h *Handler) sameRounds(r *http.Request, im *zhenggai.Imported, unitID int64) ([]*zhenggai.Round, error) {
	rounds, err := h.Store.Rounds(r.Context())
	if err != nil {
		return nil, err
	}
	var out []*zhenggai.Round
	u := auth.UserFrom(r.Context())
	for _, rd := range rounds {
		if !h.Auth.CanRead(r.Context(), u, rd.UnitID) {
			continue
		}
		sameUnit := rd.Unit == strings.TrimSpace(im.Round.Unit) || unitID != 0 && rd.UnitID == unitID
		if sameUnit && rd.Inspector == im.Round.Inspector && rd.FeedbackDate == im.Round.FeedbackDate {
			out = append(out, rd)
		}
	}
	return out, nil
}

// unitAnswer is where a new round goes (Place; Registered, the unit's
// registered name when the round names it otherwise) or, Place nil, the
// question PlaceRound asks before anything is created: AskMine (is it
// your unit?) or AskParent (under which office?, one of Parents), or why
// the round is refused.
type unitAnswer struct {
	Place      *zhenggai.UnitPlace
	Registered string
	AskMine    string
	AskParent  string
	Parents    []zhenggai.Unit
	Refused    string
}

// placeRound decides the unit of a new round named name (in a report
// signed by signedBy, "" for none) from the choice the form posted
// (unit_mine, unit_parent).
func (h *Handler) placeRound(r *http.Request, name, signedBy string) (*unitAnswer, error) {
	ctx := r.Context()
	c := zhenggai.UnitChoice{Mine: r.PostFormValue("unit_mine") == "1"}
	c.ParentID, _ = strconv.ParseInt(r.PostFormValue("unit_parent"), 10, 64)
	units, err := h.Store.Units(ctx)
	if err != nil {
		return nil, err
	}
	a := &unitAnswer{}
	place, err := zhenggai.PlaceRound(auth.UserFrom(ctx), units, name, signedBy, c)
	if err == nil {
		a.Place = &place
		for _, u := range units {
			if u.ID == place.UnitID && u.Name != strings.TrimSpace(name) {
				a.Registered = u.Name
			}
		}
		return a, nil
	}
	var v *zhenggai.ValidationError
	if !errors.As(err, &v) {
		return nil, err
	}
	for _, f := range v.Fields {
		switch f.Field {
		case zhenggai.FieldUnitMine:
			a.AskMine = f.Message
		case zhenggai.FieldUnitParent:
			a.AskParent, a.Parents = f.Message, units
		default:
			a.Refused = f.Message
		}
	}
	return a, nil
}
