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

// The attendance page (考勤): a month of the unit's leaders and staff, each
// day's state — 已签到, 请假, 缺卡, 节假日 — from the sign-ins, the approved
// leave and the work calendar; the import of the clock's export below.

// attendanceDay is one person's day in the month's grid.
type attendanceDay struct {
	Day   int
	State string // signed, leave, gap, off, later
	Label string // 已签到, 请假, 缺卡, 节假日
	Title string // the day and its punches, for the cell's title
}

type attendanceRow struct {
	Person                  *zhenggai.Person
	Days                    []attendanceDay
	Signed, Leave, Gap, Off int
}

type attendancePage struct {
	Unit         *zhenggai.Unit
	Base         string
	Foreign      bool
	Month        string // 2020-07
	MonthText    string // 2020年7月
	Prev, Next   string
	Working      int
	Rows         []attendanceRow
	ImportErrors []string
	LeavesOut    int // approved leave not yet returned (销假)
}

// monthOf reads ?month= (2020-07); else the month of the unit's latest
// sign-in, else this month.
func (h *Handler) monthOf(r *http.Request, unitID int64) (zhenggai.Date, error) {
	if m := strings.TrimSpace(r.URL.Query().Get("month")); m != "" {
		if d, err := zhenggai.ParseDate(m + "-01"); err == nil && d.Valid() && d.Year() >= 1949 && d.Year() <= 2100 {
			return d, nil
		}
	}
	last, err := h.Store.LastSignIn(r.Context(), unitID)
	if err != nil {
		return zhenggai.Date{}, err
	}
	if last.IsZero() {
		last = h.today()
	}
	return zhenggai.NewDate(last.Year(), last.Month(), 1), nil
}

// ListAttendance shows a month of the unit's attendance.
func (h *Handler) ListAttendance(w http.ResponseWriter, r *http.Request) {
	h.renderAttendance(w, r, http.StatusOK, nil)
}

func (h *Handler) renderAttendance(w http.ResponseWriter, r *http.Request, status int, importErrors []string) {
	u, base, ok := h.registerUnit(w, r, "attendance")
	if !ok {
		return
	}
	first, err := h.monthOf(r, u.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d, err := h.attendanceMonth(r, u, first)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d.Base, d.Foreign, d.ImportErrors = base, base != "/attendance", importErrors
	h.render(w, r, status, "attendance_list", &page{Title: "考勤", Nav: "attendance", Data: d})
}

func (h *Handler) attendanceMonth(r *http.Request, u *zhenggai.Unit, first zhenggai.Date) (*attendancePage, error) {
	ctx := r.Context()
	last := first.AddDays(31)
	last = zhenggai.NewDate(last.Year(), last.Month(), 1).AddDays(-1)
	persons, err := h.Store.Persons(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	cal, err := h.Store.WorkCalendar(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	signs, err := h.Store.SignIns(ctx, store.SignInQuery{UnitID: u.ID, From: first, To: last})
	if err != nil {
		return nil, err
	}
	leaves, err := h.Store.Leaves(ctx, store.LeaveQuery{UnitID: u.ID, From: first, To: last})
	if err != nil {
		return nil, err
	}
	type pd struct {
		p   int64
		day int
	}
	signed := map[pd]zhenggai.SignIn{}
	for _, s := range signs {
		signed[pd{s.PersonID, s.On.Day()}] = s
	}
	today := h.today()
	prev, next := first.AddDays(-1), last.AddDays(1)
	d := &attendancePage{Unit: u, Month: first.String()[:7], MonthText: fmt.Sprintf("%d年%d月", first.Year(), first.Month()),
		Prev: prev.String()[:7], Next: next.String()[:7], Working: cal.WorkingDays(first, last)}
	for _, p := range persons {
		if p.Voided || (p.Kind != zhenggai.PersonLeader && p.Kind != zhenggai.PersonStaff) {
			continue
		}
		row := attendanceRow{Person: p}
		for day := first; !last.Before(day); day = day.AddDays(1) {
			c := attendanceDay{Day: day.Day()}
			s, in := signed[pd{p.ID, day.Day()}]
			var onLeave *zhenggai.Leave
			for _, l := range leaves {
				if l.PersonID == p.ID && l.Approved() && l.Covers(day) {
					onLeave = l
				}
			}
			work := cal.WorkingDay(day)
			switch {
			case in:
				c.State, c.Label = "signed", "已签到"
				c.Title = fmt.Sprintf("%s 已签到 %s—%s", day.Chinese(), zhenggai.Clock(s.FirstIn), zhenggai.Clock(s.LastOut))
				if s.FirstIn < 0 && s.LastOut < 0 {
					// A month matrix's 正常 or √: signed in, no time kept.
					c.Title = day.Chinese() + " 已签到（未记打卡时间）"
				}
				row.Signed++
			case !work:
				c.State, c.Label = "off", "节假日"
				c.Title = day.Chinese() + " 休息"
				if x, ok := cal.Day(day); ok && x.Name != "" {
					c.Title = day.Chinese() + " " + x.Name
				}
				row.Off++
			case onLeave != nil:
				c.State, c.Label = "leave", "请假"
				c.Title = day.Chinese() + " " + onLeave.Kind.Label()
				row.Leave++
			case today.Before(day):
				c.State, c.Label, c.Title = "later", "", day.Chinese()
			default:
				c.State, c.Label = "gap", "缺卡"
				c.Title = day.Chinese() + " 既无签到也无批准的请假"
				row.Gap++
			}
			if work {
				if x, ok := cal.Day(day); ok && x.Work {
					c.Title += "（调休上班）"
				}
			}
			row.Days = append(row.Days, c)
		}
		d.Rows = append(d.Rows, row)
	}
	out, err := h.Store.Leaves(ctx, store.LeaveQuery{UnitID: u.ID, State: "out"})
	if err != nil {
		return nil, err
	}
	d.LeavesOut = len(out)
	return d, nil
}

// ExportAttendance writes the month's sign-ins as the daily sheet the
// import reads.
func (h *Handler) ExportAttendance(w http.ResponseWriter, r *http.Request) {
	u, _, ok := h.registerUnit(w, r, "attendance")
	if !ok {
		return
	}
	first, err := h.monthOf(r, u.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	last := first.AddDays(31)
	last = zhenggai.NewDate(last.Year(), last.Month(), 1).AddDays(-1)
	q := store.SignInQuery{UnitID: u.ID, From: first, To: last}
	title := fmt.Sprintf("%s%d年%d月考勤记录", u.Name, first.Year(), first.Month())
	if y, err := strconv.Atoi(r.URL.Query().Get("year")); err == nil && y >= 1949 && y <= 2100 {
		q.From, q.To = zhenggai.NewDate(y, 1, 1), zhenggai.NewDate(y, 12, 31)
		title = fmt.Sprintf("%s%d年考勤记录", u.Name, y)
	}
	ss, err := h.Store.SignIns(r.Context(), q)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := xlsx.WriteSignIns(&buf, title, ss); err != nil {
		h.fail(w, r, err)
		return
	}
	sendFile(w, xlsx.FileName(h.today(), ".xlsx", u.Name, "考勤记录"), xlsx.MediaType, buf.Bytes())
}

// ImportAttendanceFile imports the clock's or the office app's export:
// all or nothing, replacing the sign-ins of the days it covers for the
// persons it names.
func (h *Handler) ImportAttendanceFile(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	unitID := auth.UserFrom(ctx).UnitID
	r.Body = http.MaxBytesReader(w, r.Body, 64<<20)
	f, hdr, err := r.FormFile("file")
	if err != nil {
		redirectRefused(w, r, "/attendance", "未能导入", zhenggai.Errorf(zhenggai.EINVALID, "请选择要导入的考勤表（Excel或CSV，不超过64MB）"))
		return
	}
	defer f.Close()
	im, err := xlsx.ParseSignIns(ctx, f)
	var res *store.SignInImportResult
	if err == nil {
		source := "考勤机"
		if im.Punches {
			source = "打卡记录"
		}
		res, err = h.Store.ImportSignIns(ctx, &store.SignInImport{UnitID: unitID, FileName: hdr.Filename, Source: source, Rows: im.Rows}, false)
	}
	if lines := importRefusalLines(err); lines != nil {
		h.renderAttendance(w, r, http.StatusUnprocessableEntity, lines)
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	redirect(w, r, "/attendance?month="+res.To.String()[:7], "已导入考勤记录："+res.String())
}
