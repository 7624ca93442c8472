package ui

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
)

// An archive file's pages: the form for a new one, its own page with
// each required document's slot and the uploads against it (archive_show),
// and the save of its own fields.

const maxArchiveForm = 64 << 10

// archiveFormPage is the data of archive_new.html and archive_show.html.
type archiveFormPage struct {
	Action  string
	F       *zhenggai.ArchiveFile
	Kind    zhenggai.ArchiveKind
	Kinds   []zhenggai.ArchiveKind
	Slots   []archiveSlot
	Message string
	Today   zhenggai.Date
	// DocErrors are the upload form's messages, Slot the slot it was for.
	DocErrors map[string]string
	DocSlot   string
}

// archiveSlot is one required document with what fills it.
type archiveSlot struct {
	Name   string
	State  zhenggai.SlotState
	Defect string
	Docs   []zhenggai.ArchiveDocument
}

// NewArchiveFile shows the form for a new file (kind, year and branch may
// come from the list's 登记 link).
func (h *Handler) NewArchiveFile(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := &zhenggai.ArchiveFile{UnitID: auth.UserFrom(r.Context()).UnitID, Kind: q.Get("kind"), Holder: zhenggai.Clip(q.Get("holder"), zhenggai.MaxName)}
	if y, err := strconv.Atoi(q.Get("year")); err == nil && y > 1948 && y < 2201 {
		f.Year = y
	} else {
		f.Year = h.today().Year()
	}
	h.renderArchiveForm(w, r, http.StatusOK, f, nil, "")
}

// CreateArchiveFile enters a new file.
func (h *Handler) CreateArchiveFile(w http.ResponseWriter, r *http.Request) {
	h.postArchiveFile(w, r, nil)
}

// EditArchiveFile shows a file's form.
func (h *Handler) EditArchiveFile(w http.ResponseWriter, r *http.Request) {
	f, ok := h.archiveFileOf(w, r, false)
	if !ok {
		return
	}
	h.renderArchiveForm(w, r, http.StatusOK, f, nil, "")
}

// UpdateArchiveFile saves a file's own fields if nobody saved it since.
func (h *Handler) UpdateArchiveFile(w http.ResponseWriter, r *http.Request) {
	f, ok := h.archiveFileOf(w, r, false)
	if !ok {
		return
	}
	h.postArchiveFile(w, r, f)
}

func (h *Handler) postArchiveFile(w http.ResponseWriter, r *http.Request, stored *zhenggai.ArchiveFile) {
	r.Body = http.MaxBytesReader(w, r.Body, maxArchiveForm)
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "表单过大或不完整"))
		return
	}
	get := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	errs := &zhenggai.ValidationError{}
	f := &zhenggai.ArchiveFile{UnitID: auth.UserFrom(r.Context()).UnitID}
	if stored != nil {
		f.ID, f.UnitID, f.Sample, f.Documents = stored.ID, stored.UnitID, stored.Sample, stored.Documents
	}
	f.Version, _ = strconv.ParseInt(get("version"), 10, 64)
	f.Kind, f.Holder, f.Title, f.Note = get("kind"), get("holder"), get("title"), get("note")
	if s := get("year"); s != "" {
		y, err := strconv.Atoi(s)
		if err != nil {
			errs.Add("year", "年度须为四位年份，如 2019")
		}
		f.Year = y
	}
	f.EventOn = formDate(r, errs, "event_on", "事项日期")
	if len(errs.Fields) == 0 {
		err := h.Store.SaveArchiveFile(r.Context(), f)
		switch {
		case err == nil:
			redirect(w, r, fmt.Sprintf("/archives/%d", f.ID), "已保存案卷")
			return
		case zhenggai.ErrorCode(err) == zhenggai.ECONFLICT:
			msg := zhenggai.ErrorMessage(err)
			if stored != nil && !strings.Contains(msg, "作废") {
				msg = staleMessage
			}
			h.renderArchiveForm(w, r, http.StatusConflict, f, errs, msg)
			return
		}
		v, ok := err.(*zhenggai.ValidationError)
		if !ok {
			h.fail(w, r, err)
			return
		}
		errs.Fields = append(errs.Fields, v.Fields...)
	}
	h.renderArchiveForm(w, r, http.StatusUnprocessableEntity, f, errs, "")
}

func (h *Handler) renderArchiveForm(w http.ResponseWriter, r *http.Request, status int, f *zhenggai.ArchiveFile, errs *zhenggai.ValidationError, message string) {
	kinds, err := h.Store.ArchiveKinds(r.Context(), f.UnitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := &archiveFormPage{Action: "/archives", F: f, Kinds: kinds, Message: message}
	d.Kind, _ = zhenggai.ArchiveKindOf(kinds, f.Kind)
	title := "登记案卷"
	if f.ID != 0 {
		d.Action = fmt.Sprintf("/archives/%d", f.ID)
		title = "修改案卷"
	}
	h.render(w, r, status, "archive_new", &page{Title: title, Nav: "archives", Data: d, Errors: errorsByField(errs)})
}

// archiveFileOf is the file {id}; a voided one only when allowed.
func (h *Handler) archiveFileOf(w http.ResponseWriter, r *http.Request, voided bool) (*zhenggai.ArchiveFile, bool) {
	id, ok := h.pathID(w, r)
	if !ok {
		return nil, false
	}
	f, err := h.Store.ArchiveFile(r.Context(), id)
	if err == nil && f.Voided && !voided {
		err = zhenggai.Errorf(zhenggai.ECONFLICT, "该档案案卷已作废，不能修改；确需修改的，请单位管理员先恢复")
	}
	if err != nil {
		h.fail(w, r, err)
		return nil, false
	}
	return f, true
}

// ShowArchiveFile shows a file: each document its kind requires, what
// fills it (uploads, a paper original with where it is kept and who
// checked it) or that it is missing, with a form per slot to upload a
// scan or record the paper.
func (h *Handler) ShowArchiveFile(w http.ResponseWriter, r *http.Request) {
	f, ok := h.archiveFileOf(w, r, true)
	if !ok {
		return
	}
	h.renderArchiveShow(w, r, http.StatusOK, f, "", nil)
}

func (h *Handler) renderArchiveShow(w http.ResponseWriter, r *http.Request, status int, f *zhenggai.ArchiveFile, slot string, docErrs map[string]string) {
	kinds, err := h.Store.ArchiveKinds(r.Context(), f.UnitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := &archiveFormPage{F: f, Kinds: kinds, Today: h.today(), DocErrors: docErrs, DocSlot: slot}
	d.Kind, _ = zhenggai.ArchiveKindOf(kinds, f.Kind)
	for _, s := range d.Kind.Documents {
		st, defect := f.Slot(s)
		sl := archiveSlot{Name: s, State: st, Defect: defect}
		for _, doc := range f.Documents {
			if doc.Slot == s {
				sl.Docs = append(sl.Docs, doc)
			}
		}
		d.Slots = append(d.Slots, sl)
	}
	// Documents of a slot the kind no longer requires stay listed.
	for _, doc := range f.Documents {
		if !slices.Contains(d.Kind.Documents, doc.Slot) {
			d.Slots = append(d.Slots, archiveSlot{Name: doc.Slot, State: zhenggai.SlotFiled, Docs: []zhenggai.ArchiveDocument{doc}})
		}
	}
	h.render(w, r, status, "archive_show", &page{Title: f.Label(d.Kind), Nav: "archives", Data: d})
}

// VoidArchiveFile voids a file entered by mistake, with a reason.
func (h *Handler) VoidArchiveFile(w http.ResponseWriter, r *http.Request) {
	h.voidRegisterRecord(w, r, "archive_file", "/archives/%d", "该案卷")
}

// RestoreArchiveFile brings a voided file back.
func (h *Handler) RestoreArchiveFile(w http.ResponseWriter, r *http.Request) {
	h.restoreRegisterRecord(w, r, "archive_file", "/archives/%d", "该案卷")
}
