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

// meetingListPage is the data of meeting_list.html: the unit's books by
// type with their counts in a year, and the meetings of one book (or of
// all).
type meetingListPage struct {
	Unit     *zhenggai.Unit
	Year     int // 0: every year
	Years    []int
	Type     string
	Books    []*store.MeetingBook
	Meetings []*store.MeetingListed
	Types    string // the setting, one per line, for its form
	Query    string // ?type=&year= of the export
	// Base is the list's path: /meetings (the user's unit), or
	// /units/{id}/meetings, where the office reads a unit's books and
	// the unit's forms are not offered.
	Base    string
	Foreign bool
	// ImportErrors say why a workbook was refused, one line each.
	ImportErrors []string
}

// meetingFilter reads ?type= and ?year= (all years when "all"; -1, the
// latest year with meetings, when absent).
func (h *Handler) meetingFilter(r *http.Request) (typ string, year int) {
	q := r.URL.Query()
	typ = strings.TrimSpace(q.Get("type"))
	switch y := q.Get("year"); y {
	case "":
		year = -1
	case "all":
	default:
		if n, err := strconv.Atoi(y); err == nil && n >= 1949 && n <= 2100 {
			year = n
		}
	}
	return typ, year
}

// ListMeetings shows the unit's books and meetings.
func (h *Handler) ListMeetings(w http.ResponseWriter, r *http.Request) {
	h.renderMeetingList(w, r, http.StatusOK, "", nil)
}

func (h *Handler) renderMeetingList(w http.ResponseWriter, r *http.Request, status int, typesError string, importErrors []string) {
	ctx := r.Context()
	u, base, ok := h.registerUnit(w, r, "meetings")
	if !ok {
		return
	}
	unitID := u.ID
	typ, year := h.meetingFilter(r)
	// The years the books span, so that old books (a unit entering five
	// years of minutes for a 自查) can be chosen and open on their last year.
	first, last, err := h.meetingYears(r, unitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if year < 0 {
		year = last
	}
	books, err := h.Store.MeetingBooks(ctx, unitID, year)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	list, err := h.Store.Meetings(ctx, unitID, typ, year)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	types, err := h.Store.MeetingTypes(ctx, unitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := &meetingListPage{Unit: u, Year: year, Type: typ, Books: books, Meetings: list, Types: strings.Join(types, "\n"),
		ImportErrors: importErrors, Base: base, Foreign: base != "/meetings"}
	for y := max(h.today().Year(), last); y >= min(h.today().Year()-9, first); y-- {
		d.Years = append(d.Years, y)
	}
	ys := "all"
	if year != 0 {
		ys = strconv.Itoa(year)
	}
	d.Query = buildQuery("type", typ, "year", ys)
	errs := map[string]string{}
	if typesError != "" {
		errs["types"] = typesError
	}
	h.render(w, r, status, "meeting_list", &page{Title: "会议记录", Nav: "meetings", Data: d, Errors: errs})
}

// meetingYears are the years of the unit's first and last meetings; this
// year for both when there is none.
func (h *Handler) meetingYears(r *http.Request, unitID int64) (first, last int, err error) {
	first, last = h.today().Year(), h.today().Year()
	all, err := h.Store.Meetings(r.Context(), unitID, "", 0)
	if err != nil || len(all) == 0 {
		return first, last, err
	}
	return all[0].Date.Year(), all[len(all)-1].Date.Year(), nil
}

// ExportMeetings writes the books shown (?type=, ?year=) as the workbook
// the import reads.
func (h *Handler) ExportMeetings(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u, _, ok := h.registerUnit(w, r, "meetings")
	if !ok {
		return
	}
	unitID := u.ID
	typ, year := h.meetingFilter(r)
	if year < 0 {
		var err error
		if _, year, err = h.meetingYears(r, unitID); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	ms, err := h.Store.MeetingsWhole(ctx, unitID, typ, year)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	title := u.Name
	if year != 0 {
		title += strconv.Itoa(year) + "年"
	}
	title += typ + "会议记录"
	var buf bytes.Buffer
	if err := xlsx.WriteMeetings(&buf, title, ms); err != nil {
		h.fail(w, r, err)
		return
	}
	sendFile(w, xlsx.FileName(h.today(), ".xlsx", u.Name, typ+"会议记录"), xlsx.MediaType, buf.Bytes())
}

// UpdateMeetingTypes saves the unit's meeting types (one per line).
func (h *Handler) UpdateMeetingTypes(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	r.Body = http.MaxBytesReader(w, r.Body, maxAdminForm)
	unitID := auth.UserFrom(ctx).UnitID
	err := h.Store.SaveMeetingTypes(ctx, unitID, strings.Split(r.PostFormValue("types"), "\n"))
	switch zhenggai.ErrorCode(err) {
	case "":
		redirect(w, r, "/meetings", "已保存会议类型")
	case zhenggai.EINVALID:
		h.renderMeetingList(w, r, http.StatusUnprocessableEntity, zhenggai.ErrorMessage(err), nil)
	default:
		h.fail(w, r, err)
	}
}

// ImportMeetingsFile imports a workbook of meetings (会议, 议题及表态)
// into the unit's books: all or nothing.
func (h *Handler) ImportMeetingsFile(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	unitID := auth.UserFrom(ctx).UnitID
	r.Body = http.MaxBytesReader(w, r.Body, 16<<20)
	f, _, err := r.FormFile("file")
	if err != nil {
		redirectRefused(w, r, "/meetings", "未能导入", zhenggai.Errorf(zhenggai.EINVALID, "请选择要导入的Excel文件（不超过16MB）"))
		return
	}
	defer f.Close()
	im, err := xlsx.ParseMeetings(ctx, f)
	if err == nil {
		err = h.Store.ImportMeetings(ctx, unitID, im.Meetings, im.Where, false)
	}
	if err != nil {
		var lines []string
		if v, ok := err.(*zhenggai.ValidationError); ok {
			for _, f := range v.Fields {
				lines = append(lines, f.Message)
			}
		} else if c := zhenggai.ErrorCode(err); c == zhenggai.EINVALID || c == zhenggai.ECONFLICT {
			lines = strings.Split(zhenggai.ErrorMessage(err), "\n")
		}
		if lines != nil {
			if len(lines) > 201 {
				lines = append(lines[:200], fmt.Sprintf("……共%d处", len(lines)))
			}
			h.renderMeetingList(w, r, http.StatusUnprocessableEntity, "", lines)
			return
		}
		h.fail(w, r, err)
		return
	}
	redirect(w, r, "/meetings?year=all", fmt.Sprintf("已导入会议%d次", len(im.Meetings)))
}

// ShowMeeting shows one meeting: who stood how, the items with the
// statements in speaking order and the decisions.
func (h *Handler) ShowMeeting(w http.ResponseWriter, r *http.Request) {
	m, ok := h.meetingOf(w, r, true)
	if !ok {
		return
	}
	present, expected := m.Quorum()
	h.render(w, r, http.StatusOK, "meeting_show", &page{Title: m.Label(), Nav: "meetings",
		Data: &meetingShowPage{M: m, Present: present, Expected: expected}})
}

type meetingShowPage struct {
	M                 *zhenggai.Meeting
	Present, Expected int
}

// VoidMeeting voids a meeting entered by mistake or twice, with a reason.
func (h *Handler) VoidMeeting(w http.ResponseWriter, r *http.Request) {
	h.voidRegisterRecord(w, r, "meeting", "/meetings/%d", "该会议记录")
}

// RestoreMeeting brings a voided meeting back.
func (h *Handler) RestoreMeeting(w http.ResponseWriter, r *http.Request) {
	h.restoreRegisterRecord(w, r, "meeting", "/meetings/%d", "该会议记录")
}
