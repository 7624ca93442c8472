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

// suggestionListPage is the data of suggestion_list.html: a year's (or
// every year's) micro-suggestions and 社情民意 of the unit, counted by
// level, with the filters.
type suggestionListPage struct {
	Unit    *zhenggai.Unit
	Base    string // /suggestions, or /units/{id}/suggestions for the office
	Foreign bool
	Year    int // 0: every year
	Years   []int
	Q       store.SuggestionQuery
	Members []store.MemberRef
	List    []*zhenggai.Suggestion
	Count   zhenggai.SuggestionCount
	Query   string // the filters, for the export's link
	Kinds   []kindOption
	Vias    []kindOption
	Levels  []kindOption
	// ImportErrors say why a workbook was refused, one line each.
	ImportErrors []string
}

func suggestionOptions() (kinds, vias, levels []kindOption) {
	for _, k := range zhenggai.SuggestionKinds {
		kinds = append(kinds, kindOption{string(k), k.Label()})
	}
	for _, v := range zhenggai.SuggestionVias {
		vias = append(vias, kindOption{string(v), v.Label()})
	}
	for _, l := range zhenggai.AdoptionLevels {
		levels = append(levels, kindOption{string(l), l.Label()})
	}
	return
}

// suggestionQuery reads the filters: ?year= (all: every year; none: the
// latest year with suggestions), kind, via, adopted, member, instructed.
func (h *Handler) suggestionQuery(r *http.Request, unitID int64) (store.SuggestionQuery, []int, error) {
	v := r.URL.Query()
	q := store.SuggestionQuery{UnitID: unitID, Keyword: zhenggai.Clip(strings.TrimSpace(v.Get("q")), 100)}
	if k := zhenggai.SuggestionKind(v.Get("kind")); k.Valid() {
		q.Kind = k
	}
	if via := zhenggai.SuggestionVia(v.Get("via")); via.Valid() {
		q.Via = via
	}
	if a := v.Get("adopted"); a == "any" || a == "none" || a != "" && zhenggai.AdoptionLevel(a).Valid() {
		q.Adopted = a
	}
	q.MemberID, _ = strconv.ParseInt(v.Get("member"), 10, 64)
	q.Instructed = v.Get("instructed") != ""
	years, err := h.Store.SuggestionYears(r.Context(), unitID)
	if err != nil {
		return q, nil, err
	}
	switch y := v.Get("year"); y {
	case "all":
	case "":
		q.Year = h.today().Year()
		if len(years) > 0 {
			q.Year = years[0]
		}
	default:
		if n, err := strconv.Atoi(y); err == nil && n >= 1949 && n <= 2100 {
			q.Year = n
		}
	}
	return q, years, nil
}

// ListSuggestions shows the unit's suggestions with their counts.
func (h *Handler) ListSuggestions(w http.ResponseWriter, r *http.Request) {
	h.renderSuggestionList(w, r, http.StatusOK, nil)
}

func (h *Handler) renderSuggestionList(w http.ResponseWriter, r *http.Request, status int, importErrors []string) {
	ctx := r.Context()
	u, base, ok := h.registerUnit(w, r, "suggestions")
	if !ok {
		return
	}
	q, years, err := h.suggestionQuery(r, u.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	list, err := h.Store.Suggestions(ctx, q)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	members, err := h.Store.MemberRefs(ctx, u.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := &suggestionListPage{Unit: u, Base: base, Foreign: base != "/suggestions", Year: q.Year, Q: q, Members: members, List: list,
		ImportErrors: importErrors}
	d.Kinds, d.Vias, d.Levels = suggestionOptions()
	for _, s := range list {
		d.Count.Add(s)
	}
	this := h.today().Year()
	seen := map[int]bool{}
	for _, y := range append([]int{this}, years...) {
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
	member := ""
	if q.MemberID > 0 {
		member = strconv.FormatInt(q.MemberID, 10)
	}
	instructed := ""
	if q.Instructed {
		instructed = "1"
	}
	d.Query = buildQuery("year", ys, "kind", string(q.Kind), "via", string(q.Via), "adopted", q.Adopted, "member", member,
		"instructed", instructed, "q", q.Keyword)
	h.render(w, r, status, "suggestion_list", &page{Title: "微建议和社情民意", Nav: "suggestions", Data: d})
}

// ExportSuggestions writes the suggestions shown (the same filters) as
// the workbook the import reads.
func (h *Handler) ExportSuggestions(w http.ResponseWriter, r *http.Request) {
	u, _, ok := h.registerUnit(w, r, "suggestions")
	if !ok {
		return
	}
	q, _, err := h.suggestionQuery(r, u.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	list, err := h.Store.Suggestions(r.Context(), q)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	title := u.Name
	if q.Year != 0 {
		title += strconv.Itoa(q.Year) + "年"
	}
	title += "微建议和社情民意信息"
	var buf bytes.Buffer
	if err := xlsx.WriteSuggestions(&buf, title, list); err != nil {
		h.fail(w, r, err)
		return
	}
	sendFile(w, xlsx.FileName(h.today(), ".xlsx", u.Name, "微建议和社情民意信息"), xlsx.MediaType, buf.Bytes())
}

// ImportSuggestionsFile imports a workbook of suggestions: all or nothing.
func (h *Handler) ImportSuggestionsFile(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	unitID := auth.UserFrom(ctx).UnitID
	r.Body = http.MaxBytesReader(w, r.Body, 16<<20)
	f, _, err := r.FormFile("file")
	if err != nil {
		redirectRefused(w, r, "/suggestions", "未能导入", zhenggai.Errorf(zhenggai.EINVALID, "请选择要导入的Excel文件（不超过16MB）"))
		return
	}
	defer f.Close()
	im, err := xlsx.ParseSuggestions(ctx, f)
	if err == nil {
		err = h.Store.ImportSuggestions(ctx, unitID, im.Suggestions, im.Where, false)
	}
	if lines := importRefusalLines(err); lines != nil {
		h.renderSuggestionList(w, r, http.StatusUnprocessableEntity, lines)
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	redirect(w, r, "/suggestions?year=all", fmt.Sprintf("已导入微建议和社情民意信息%d条", len(im.Suggestions)))
}

// importRefusalLines are the lines saying why an import was refused; nil
// when err is none or not the user's.
func importRefusalLines(err error) []string {
	if err == nil {
		return nil
	}
	var lines []string
	if v, ok := err.(*zhenggai.ValidationError); ok {
		for _, f := range v.Fields {
			lines = append(lines, f.Message)
		}
	} else if c := zhenggai.ErrorCode(err); c == zhenggai.EINVALID || c == zhenggai.ECONFLICT {
		lines = strings.Split(zhenggai.ErrorMessage(err), "\n")
	}
	if len(lines) > 201 {
		lines = append(lines[:200], fmt.Sprintf("……共%d处", len(lines)))
	}
	return lines
}
