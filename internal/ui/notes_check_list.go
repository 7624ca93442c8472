package ui

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
	"zhenggai/internal/xlsx"
)

// The notes checks (学习笔记检查) of a year, or of one person, with the
// party members of the roster not checked in each quarter.

type notesMemberRow struct {
	Person   *zhenggai.Person
	Quarters [4]string // the result of each quarter's last check, "" for none
	Missing  int       // quarters over without a check
}

type notesCheckListPage struct {
	Unit      *zhenggai.Unit
	Base      string // /study/notes, or /units/{id}/study/notes
	StudyBase string // the study register: /study, or /units/{id}/study
	Foreign   bool
	Year      int // 0: every year
	Years     []int
	Q         store.NotesCheckQuery
	Persons   []*zhenggai.Person
	List      []*zhenggai.NotesCheck
	Members   []notesMemberRow // the party members' quarters (a year chosen)
	Results   []kindOption
	Query     string
	Unchecked int
	// ImportErrors say why a workbook was refused, one line each.
	ImportErrors []string
}

func notesResultOptions() []kindOption {
	var out []kindOption
	for _, r := range zhenggai.NotesResults {
		out = append(out, kindOption{string(r), r.Label()})
	}
	return out
}

// notesCheckQuery reads the filters: ?year= (all: every year; none: the
// latest with checks), person, result.
func (h *Handler) notesCheckQuery(r *http.Request, unitID int64) (store.NotesCheckQuery, []int, error) {
	v := r.URL.Query()
	q := store.NotesCheckQuery{UnitID: unitID}
	q.PersonID, _ = strconv.ParseInt(v.Get("person"), 10, 64)
	if res := zhenggai.NotesResult(v.Get("result")); res.Valid() {
		q.Result = res
	}
	years, err := h.Store.NotesCheckYears(r.Context(), unitID)
	if err != nil {
		return q, nil, err
	}
	switch y := v.Get("year"); y {
	case "all":
	case "":
		q.Year = h.today().Year()
		if len(years) > 0 && q.PersonID == 0 {
			q.Year = years[0]
		}
		if q.PersonID > 0 {
			q.Year = 0
		}
	default:
		if n, err := strconv.Atoi(y); err == nil && n >= 1949 && n <= 2100 {
			q.Year = n
		}
	}
	return q, years, nil
}

// ListNotesChecks shows the checks and who was not checked.
func (h *Handler) ListNotesChecks(w http.ResponseWriter, r *http.Request) {
	h.renderNotesCheckList(w, r, http.StatusOK, nil)
}

func (h *Handler) renderNotesCheckList(w http.ResponseWriter, r *http.Request, status int, importErrors []string) {
	ctx := r.Context()
	u, base, ok := h.registerUnit(w, r, "study/notes")
	if !ok {
		return
	}
	q, years, err := h.notesCheckQuery(r, u.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	list, err := h.Store.NotesChecks(ctx, q)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	roster, err := h.Store.Persons(ctx, u.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := &notesCheckListPage{Unit: u, Base: base, StudyBase: strings.TrimSuffix(base, "/notes"), Foreign: base != "/study/notes", Year: q.Year, Q: q, List: list,
		Results: notesResultOptions(), ImportErrors: importErrors}
	for _, p := range roster {
		if zhenggai.InStudyScope(p) {
			d.Persons = append(d.Persons, p)
		}
	}
	if q.Year > 0 && q.PersonID == 0 && q.Result == "" {
		d.Members = notesMembers(d.Persons, list, q.Year, h.today())
		for _, m := range d.Members {
			if m.Missing > 0 {
				d.Unchecked++
			}
		}
	}
	seen := map[int]bool{}
	for _, y := range append([]int{h.today().Year()}, years...) {
		if !seen[y] {
			seen[y] = true
			d.Years = append(d.Years, y)
		}
	}
	if q.Year != 0 && !seen[q.Year] {
		d.Years = append(d.Years, q.Year)
	}
	ys := "all"
	if q.Year != 0 {
		ys = strconv.Itoa(q.Year)
	}
	person := ""
	if q.PersonID > 0 {
		person = strconv.FormatInt(q.PersonID, 10)
	}
	d.Query = buildQuery("year", ys, "person", person, "result", string(q.Result))
	h.render(w, r, status, "notes_check_list", &page{Title: "学习笔记检查", Nav: "study", Data: d})
}

// notesMembers is each party member's quarters of year y: the result of
// the last check of a period within the quarter; a quarter over by today
// without one is missing.
func notesMembers(persons []*zhenggai.Person, list []*zhenggai.NotesCheck, y int, today zhenggai.Date) []notesMemberRow {
	var out []notesMemberRow
	for _, p := range persons {
		row := notesMemberRow{Person: p}
		var last [4]*zhenggai.NotesCheck
		for _, c := range list {
			if c.PersonID != p.ID {
				continue
			}
			first, end := c.Period.Bounds()
			q := (first.Month()-1)/3 + 1
			if first.Year() != y || (end.Month()-1)/3+1 != q {
				continue
			}
			if l := last[q-1]; l == nil || !c.On.Before(l.On) {
				last[q-1] = c
			}
		}
		for q := range 4 {
			if last[q] != nil {
				row.Quarters[q] = last[q].Result.Label()
				continue
			}
			_, end := zhenggai.StudyPeriod(fmt.Sprintf("%04d-Q%d", y, q+1)).Bounds()
			if end.Before(today) {
				row.Missing++
			}
		}
		out = append(out, row)
	}
	return out
}

// ExportNotesChecks writes the checks shown as the workbook the import
// reads.
func (h *Handler) ExportNotesChecks(w http.ResponseWriter, r *http.Request) {
	u, _, ok := h.registerUnit(w, r, "study/notes")
	if !ok {
		return
	}
	q, _, err := h.notesCheckQuery(r, u.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	list, err := h.Store.NotesChecks(r.Context(), q)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	title := u.Name
	if q.Year != 0 {
		title += strconv.Itoa(q.Year) + "年"
	}
	title += "学习笔记检查登记表"
	var buf bytes.Buffer
	if err := xlsx.WriteNotesChecks(&buf, title, list); err != nil {
		h.fail(w, r, err)
		return
	}
	sendFile(w, xlsx.FileName(h.today(), ".xlsx", u.Name, "学习笔记检查"), xlsx.MediaType, buf.Bytes())
}

// ImportNotesChecksFile imports a workbook of checks: all or nothing.
func (h *Handler) ImportNotesChecksFile(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	unitID := auth.UserFrom(ctx).UnitID
	r.Body = http.MaxBytesReader(w, r.Body, 16<<20)
	f, _, err := r.FormFile("file")
	if err != nil {
		redirectRefused(w, r, "/study/notes", "未能导入", zhenggai.Errorf(zhenggai.EINVALID, "请选择要导入的Excel文件（不超过16MB）"))
		return
	}
	defer f.Close()
	im, err := xlsx.ParseNotesChecks(ctx, f)
	if err == nil {
		err = h.Store.ImportNotesChecks(ctx, unitID, im.Checks, im.Where, false)
	}
	if lines := importRefusalLines(err); lines != nil {
		h.renderNotesCheckList(w, r, http.StatusUnprocessableEntity, lines)
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	redirect(w, r, "/study/notes?year=all", fmt.Sprintf("已导入学习笔记检查%d人次", len(im.Checks)))
}
