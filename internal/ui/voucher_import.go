package ui

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"zhenggai"
	"zhenggai/internal/sheet"
	"zhenggai/internal/store"
	"zhenggai/internal/xlsx"
)

// MaxJournalUpload bounds a journal uploaded on the page; a larger one (a
// county's five years) is imported on the command line.
const MaxJournalUpload = 128 << 20

// voucherImport is the data of voucher_import.html.
type voucherImport struct {
	Unit    *zhenggai.Unit
	Base    string
	Bad     []sheet.RowError // the rows refused
	More    int              // bad rows not listed
	Preview *journalPreview
}

// journalPreview is what a checked journal holds and would replace.
type journalPreview struct {
	Name     string
	Token    string // the kept upload, for the confirmation
	Periods  []periodPreview
	Vouchers int
	Lines    int
	Replaced int
	Warnings []string
}

type periodPreview struct {
	Period   string
	Vouchers int
	Lines    int
	Debit    zhenggai.Fen
	Replaced int // vouchers already imported for it
}

// NewVoucherImport shows the upload form.
func (h *Handler) NewVoucherImport(w http.ResponseWriter, r *http.Request) {
	u, base, ok := h.voucherUnit(w, r)
	if !ok {
		return
	}
	h.renderVoucherImport(w, r, http.StatusOK, &voucherImport{Unit: u, Base: base}, nil)
}

func (h *Handler) renderVoucherImport(w http.ResponseWriter, r *http.Request, status int, d *voucherImport, errs map[string]string) {
	h.render(w, r, status, "voucher_import", &page{Title: "导入财务凭证", Nav: "vouchers", Data: d, Errors: errs})
}

var uploadToken = regexp.MustCompile(`^[0-9a-f]{64}$`)

// keptUpload is where an uploaded journal waits for its confirmation:
// named by its unit and hash, so that a token names only that unit's file.
func keptUpload(unitID int64, sha string) string {
	return filepath.Join(os.TempDir(), fmt.Sprintf("zhenggai-journal-%d-%s.upload", unitID, sha))
}

// sweepUploads removes kept uploads nobody confirmed within a day.
func sweepUploads() {
	old, _ := filepath.Glob(filepath.Join(os.TempDir(), "zhenggai-journal-*.upload"))
	for _, f := range old {
		if st, err := os.Stat(f); err == nil && time.Since(st.ModTime()) > 24*time.Hour {
			os.Remove(f)
		}
	}
}

// CreateVoucherImport checks an uploaded journal and shows what it holds
// and replaces (preview), or, at confirmation, imports the upload kept.
func (h *Handler) CreateVoucherImport(w http.ResponseWriter, r *http.Request) {
	u, base, ok := h.voucherUnit(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	d := &voucherImport{Unit: u, Base: base}
	if err := r.ParseMultipartForm(8 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		h.renderVoucherImport(w, r, http.StatusRequestEntityTooLarge, d, map[string]string{"file": "文件过大或上传中断（网页上最多128MB；更大的序时账请用命令行导入）"})
		return
	}
	if r.MultipartForm != nil {
		defer r.MultipartForm.RemoveAll()
	}
	if tok := r.PostFormValue("token"); tok != "" {
		h.confirmVoucherImport(w, r, d, tok, zhenggai.Clip(r.PostFormValue("name"), 200))
		return
	}
	var fhs []*multipartFile
	if r.MultipartForm != nil {
		for _, fh := range r.MultipartForm.File["file"] {
			fhs = append(fhs, &multipartFile{name: fh.Filename, open: func() (io.ReadCloser, error) { return fh.Open() }})
		}
	}
	if len(fhs) == 0 || fhs[0].name == "" {
		h.renderVoucherImport(w, r, http.StatusUnprocessableEntity, d, map[string]string{"file": "请选择会计软件导出的序时账（.xlsx 或 .csv）"})
		return
	}
	name := filepath.Base(fhs[0].name)
	f, err := fhs[0].open()
	if err != nil {
		h.renderVoucherImport(w, r, http.StatusUnprocessableEntity, d, map[string]string{"file": "文件读取失败，请重新选择"})
		return
	}
	defer f.Close()
	sweepUploads()
	// Kept on disk while it is read, for the confirmation.
	tmp, err := os.CreateTemp("", "zhenggai-journal-*.part")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	defer os.Remove(tmp.Name())
	if _, err := io.Copy(tmp, io.LimitReader(f, MaxJournalUpload+1)); err != nil {
		tmp.Close()
		h.fail(w, r, err)
		return
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		tmp.Close()
		h.fail(w, r, err)
		return
	}
	j, err := xlsx.ReadJournal(ctx, tmp, xlsx.JournalOptions{Name: name, Limits: sheet.Limits{MaxBytes: MaxJournalUpload}})
	tmp.Close()
	if err != nil {
		h.journalRefused(w, r, d, err)
		return
	}
	if err := os.Rename(tmp.Name(), keptUpload(u.ID, j.SHA256)); err != nil {
		h.fail(w, r, err)
		return
	}
	rep, err := h.Store.VoucherReplaces(ctx, u.ID, j.Periods)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d.Preview = previewJournal(j, rep)
	d.Preview.Name, d.Preview.Token = name, j.SHA256
	h.renderVoucherImport(w, r, http.StatusOK, d, nil)
}

type multipartFile struct {
	name string
	open func() (io.ReadCloser, error)
}

// journalRefused shows why a journal cannot be imported: its bad rows, or
// the one reason.
func (h *Handler) journalRefused(w http.ResponseWriter, r *http.Request, d *voucherImport, err error) {
	var rej *sheet.Rejected
	if errors.As(err, &rej) {
		d.Bad = rej.Rows
		if len(d.Bad) > maxBadRowsShown {
			d.More, d.Bad = len(d.Bad)-maxBadRowsShown, d.Bad[:maxBadRowsShown]
		}
		h.renderVoucherImport(w, r, http.StatusUnprocessableEntity, d, map[string]string{"file": fmt.Sprintf("序时账中有%d处错误，未导入任何内容，请改正后重新导入", len(rej.Rows))})
		return
	}
	if zhenggai.ErrorCode(err) == zhenggai.EINVALID {
		h.renderVoucherImport(w, r, http.StatusUnprocessableEntity, d, map[string]string{"file": zhenggai.ErrorMessage(err)})
		return
	}
	h.fail(w, r, err)
}

func previewJournal(j *xlsx.Journal, rep map[string]int) *journalPreview {
	p := &journalPreview{Vouchers: len(j.Vouchers), Lines: j.Lines, Warnings: j.Warnings}
	at := map[string]int{}
	for _, period := range j.Periods {
		at[period] = len(p.Periods)
		p.Periods = append(p.Periods, periodPreview{Period: period, Replaced: rep[period]})
		p.Replaced += rep[period]
	}
	for _, v := range j.Vouchers {
		pp := &p.Periods[at[v.Period]]
		pp.Vouchers++
		pp.Lines += len(v.Lines)
		debit, _ := v.Totals()
		pp.Debit += debit
	}
	return p
}

// confirmVoucherImport imports the upload the preview kept.
func (h *Handler) confirmVoucherImport(w http.ResponseWriter, r *http.Request, d *voucherImport, tok, name string) {
	if !uploadToken.MatchString(tok) {
		h.renderVoucherImport(w, r, http.StatusUnprocessableEntity, d, map[string]string{"file": "上传的文件已失效，请重新选择文件"})
		return
	}
	path := keptUpload(d.Unit.ID, tok)
	f, err := os.Open(path)
	if err != nil {
		h.renderVoucherImport(w, r, http.StatusUnprocessableEntity, d, map[string]string{"file": "上传的文件已失效（超过一天或已导入），请重新选择文件"})
		return
	}
	defer f.Close()
	ctx := r.Context()
	j, err := xlsx.ReadJournal(ctx, f, xlsx.JournalOptions{Name: name, Limits: sheet.Limits{MaxBytes: MaxJournalUpload}})
	if err != nil {
		h.journalRefused(w, r, d, err)
		return
	}
	res, err := h.Store.ImportVouchers(ctx, &store.VoucherImport{UnitID: d.Unit.ID, FileName: name, SHA256: j.SHA256,
		Periods: j.Periods, Vouchers: j.Vouchers})
	if err != nil {
		h.journalRefused(w, r, d, err)
		return
	}
	f.Close()
	os.Remove(path)
	msg := "已导入财务凭证：" + res.String()
	redirect(w, r, d.Base+"?"+strings.TrimPrefix(buildQuery("period", lastPeriod(res.Periods)), "?"), msg)
}

func lastPeriod(p []string) string {
	if len(p) == 0 {
		return ""
	}
	return p[len(p)-1]
}
