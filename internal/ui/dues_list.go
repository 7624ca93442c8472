package ui

import (
	"bytes"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
	"zhenggai/internal/xlsx"
)

// duesListPage is the data of dues_list.html: the unit's members with
// their kind, base and the year's months, paid against due.
type duesListPage struct {
	Unit     *zhenggai.Unit
	Year     int
	Years    []int
	Rows     []duesListRow
	Rounding zhenggai.Rounding
	Modes    []kindOption
	DueSum   zhenggai.Fen
	PaidSum  zhenggai.Fen
	Gaps     int
	// Base is /dues, or /units/{id}/dues where the office reads a unit's
	// register without its forms.
	Base    string
	Foreign bool
}

type duesListRow struct {
	store.DuesRow
	Gaps int
}

// duesYear reads ?year=, the current year when absent or wrong.
func (h *Handler) duesYear(r *http.Request) int {
	if y, err := strconv.Atoi(r.URL.Query().Get("year")); err == nil && y >= 1949 && y <= 2100 {
		return y
	}
	return h.today().Year()
}

// duesShownYear is ?year=, else the last year the register has (a unit
// entering past years for a 自查), else this year.
func (h *Handler) duesShownYear(r *http.Request, unitID int64) (int, error) {
	if r.URL.Query().Get("year") != "" {
		return h.duesYear(r), nil
	}
	years, err := h.Store.DuesYears(r.Context(), unitID)
	if err != nil || len(years) == 0 || years[0] > h.today().Year() {
		return h.today().Year(), err
	}
	return years[0], nil
}

// ListDues shows the signed-in user's unit's dues register for a year.
func (h *Handler) ListDues(w http.ResponseWriter, r *http.Request) {
	u, base, ok := h.registerUnit(w, r, "dues")
	if !ok {
		return
	}
	year, err := h.duesShownYear(r, u.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d, err := h.duesList(r, u.ID, year)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d.Base, d.Foreign = base, base != "/dues"
	h.render(w, r, http.StatusOK, "dues_list", &page{Title: "党费", Nav: "dues", Data: d})
}

func (h *Handler) duesList(r *http.Request, unitID int64, year int) (*duesListPage, error) {
	ctx := r.Context()
	unit, err := h.Store.Unit(ctx, unitID)
	if err != nil {
		return nil, err
	}
	years, err := h.Store.DuesYears(ctx, unitID)
	if err != nil {
		return nil, err
	}
	// The year shown is among those offered, so that the list says it.
	if !slices.Contains(years, year) {
		years = append(years, year)
		slices.Sort(years)
		slices.Reverse(years)
	}
	today := h.today()
	rows, mode, err := h.Store.DuesYear(ctx, unitID, year, fmt.Sprintf("%04d-%02d", today.Year(), today.Month()))
	if err != nil {
		return nil, err
	}
	d := &duesListPage{Unit: unit, Year: year, Years: years, Rounding: mode, Base: "/dues",
		Modes: []kindOption{{string(zhenggai.RoundHalfUp), zhenggai.RoundHalfUp.Label()}, {string(zhenggai.RoundDown), zhenggai.RoundDown.Label()}}}
	for _, r := range rows {
		row := duesListRow{DuesRow: r, Gaps: len(r.Short)}
		d.DueSum += row.Due
		d.PaidSum += row.Paid
		d.Gaps += row.Gaps
		d.Rows = append(d.Rows, row)
	}
	return d, nil
}

// ExportDues is the year's register as the workbook the import reads back.
func (h *Handler) ExportDues(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	unit, _, ok := h.registerUnit(w, r, "dues")
	if !ok {
		return
	}
	year, err := h.duesShownYear(r, unit.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	years, err := xlsx.LoadDues(ctx, h.Store, unit.ID, year)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := xlsx.WriteDues(&buf, unit.Name, years); err != nil {
		h.fail(w, r, err)
		return
	}
	sendFile(w, xlsx.FileName(h.today(), ".xlsx", unit.Name, fmt.Sprintf("%d年党费", year)), xlsx.MediaType, buf.Bytes())
}

// UpdateDuesRounding sets how the unit's dues are brought to the fen.
func (h *Handler) UpdateDuesRounding(w http.ResponseWriter, r *http.Request) {
	u := auth.UserFrom(r.Context())
	r.Body = http.MaxBytesReader(w, r.Body, maxAdminForm)
	err := h.Store.SaveDuesRounding(r.Context(), u.UnitID, zhenggai.Rounding(r.PostFormValue("rounding")))
	if zhenggai.ErrorCode(err) == zhenggai.EINVALID {
		redirectRefused(w, r, "/dues", "未能保存取整方式", err)
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	redirect(w, r, "/dues", "已保存党费取整方式")
}

// Cell is what a month's cell shows: the amount paid, 未交 when owed and
// none recorded, empty when not owed and none recorded.
func (d duesListRow) Cell(i int) string {
	m := d.Months[i]
	switch {
	case m.Recorded:
		return zhenggai.Yuan2(m.Paid)
	case m.Owed:
		return "未交"
	}
	return ""
}

// Title explains a short month: due and paid.
func (d duesListRow) Title(i int) string {
	m := d.Months[i]
	if !m.Short() {
		return ""
	}
	return fmt.Sprintf("应交%s元，实交%s元", zhenggai.Yuan2(m.Due), zhenggai.Yuan2(m.Paid))
}

func (d duesListRow) BaseText() string {
	if d.Member.Kind.Fixed() {
		return "—"
	}
	if !d.HasBase {
		return "未填"
	}
	return zhenggai.Yuan2(d.Base)
}

func (d duesListRow) MonthlyText() string { return zhenggai.Yuan2(d.Monthly) }
func (d duesListRow) DueText() string     { return zhenggai.Yuan2(d.Due) }
func (d duesListRow) PaidText() string    { return zhenggai.Yuan2(d.Paid) }
func (d *duesListPage) DueText() string   { return zhenggai.Yuan2(d.DueSum) }
func (d *duesListPage) PaidText() string  { return zhenggai.Yuan2(d.PaidSum) }

// MonthNames are the month columns' headers.
func (d *duesListPage) MonthNames() []string {
	out := make([]string, 12)
	for i := range out {
		out[i] = strconv.Itoa(i+1) + "月"
	}
	return out
}

// CanReadRegisters tells the menu whether the user may read his unit's
// registers (会议记录, 财务凭证, 党费 …; the dues calculator is open to all).
func (p *page) CanReadRegisters() bool {
	return p.User != nil && p.can != nil && p.can(zhenggai.PermRead, zhenggai.Target{UnitID: p.User.UnitID})
}
