package ui

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
)

// The work calendar of a year (工作日历): the holidays on weekdays and the
// make-up working weekends (调休), one a line; the State Council's schedule
// unless the unit set its own.

type calendarPage struct {
	Year    int
	Text    string
	Own     bool
	Version int64
	Builtin bool // a built-in schedule exists for the year
	Holiday int  // weekdays off
	Workday int  // weekends worked
	Working int  // working days in the year
	Message string
}

func (h *Handler) calendarYear(r *http.Request) int {
	y, err := strconv.Atoi(r.FormValue("year"))
	if err != nil || y < 1949 || y > 2100 {
		return h.today().Year()
	}
	return y
}

// ShowCalendar shows a year's calendar and its form.
func (h *Handler) ShowCalendar(w http.ResponseWriter, r *http.Request) {
	h.renderCalendar(w, r, http.StatusOK, h.calendarYear(r), "", nil)
}

func (h *Handler) renderCalendar(w http.ResponseWriter, r *http.Request, status, year int, text string, errs *zhenggai.ValidationError) {
	unit := auth.UserFrom(r.Context()).UnitID
	own, versions, err := h.Store.CalendarYears(r.Context(), unit)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	days, mine := own[year]
	_, builtin := zhenggai.DefaultCalendar[year]
	if !mine {
		days = zhenggai.DefaultCalendar[year]
	}
	d := &calendarPage{Year: year, Own: mine, Version: versions[year], Builtin: builtin, Text: text}
	if text == "" {
		d.Text = zhenggai.FormatCalendarDays(days)
	}
	for _, x := range days {
		wd := x.Date.Time().Weekday()
		weekend := wd == 0 || wd == 6
		switch {
		case x.Work:
			d.Workday++
		case !weekend:
			d.Holiday++
		}
	}
	cal := zhenggai.NewWorkCalendar(own)
	d.Working = cal.WorkingDays(zhenggai.NewDate(year, 1, 1), zhenggai.NewDate(year, 12, 31))
	h.render(w, r, status, "attendance_calendar", &page{Title: fmt.Sprintf("%d年工作日历", year), Nav: "attendance", Data: d,
		Errors: errorsByField(errs)})
}

// SaveCalendar saves the unit's own calendar of a year.
func (h *Handler) SaveCalendar(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "表单过大或不完整"))
		return
	}
	year := h.calendarYear(r)
	text := r.PostFormValue("days")
	version, _ := strconv.ParseInt(r.PostFormValue("version"), 10, 64)
	days, err := zhenggai.ParseCalendarDays(text)
	if err == nil {
		err = h.Store.SaveCalendarYear(r.Context(), auth.UserFrom(r.Context()).UnitID, year, days, version)
	}
	if v, ok := err.(*zhenggai.ValidationError); ok {
		h.renderCalendar(w, r, http.StatusUnprocessableEntity, year, strings.TrimSpace(text)+"\n", v)
		return
	}
	if err != nil {
		redirectRefused(w, r, fmt.Sprintf("/attendance/calendar?year=%d", year), "未能保存", err)
		return
	}
	redirect(w, r, fmt.Sprintf("/attendance/calendar?year=%d", year), fmt.Sprintf("已保存%d年工作日历", year))
}
