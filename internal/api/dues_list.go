package api

import (
	"fmt"
	"net/http"
	"strconv"

	"zhenggai"
	"zhenggai/internal/auth"
)

// duesMemberJSON is a member with the year's base and months.
type duesMemberJSON struct {
	*zhenggai.DuesMember
	KindLabel string               `json:"kind_label"`
	Year      int                  `json:"year"`
	Base      *zhenggai.Fen        `json:"base"` // null when not set for the year
	Monthly   zhenggai.Fen         `json:"monthly_due"`
	Months    []zhenggai.DuesMonth `json:"months"`
	Due       zhenggai.Fen         `json:"due"`
	Paid      zhenggai.Fen         `json:"paid"`
	Short     []string             `json:"short"` // months owed and paid less than due
}

type duesListJSON struct {
	Year     int               `json:"year"`
	Rounding zhenggai.Rounding `json:"rounding"`
	Members  []*duesMemberJSON `json:"members"`
}

// ListDues is GET /api/v1/dues?year=2019: the caller's unit's members,
// each with the year's base and its twelve months, due (up to this month)
// against paid, amounts in fen.
func (h *Handler) ListDues(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	unitID := auth.UserFrom(ctx).UnitID
	year := h.today().Year()
	if s := r.URL.Query().Get("year"); s != "" {
		y, err := strconv.Atoi(s)
		if err != nil || y < 1949 || y > 2100 {
			h.badRequest(w, "参数 year 应为1949至2100之间的年份")
			return
		}
		year = y
	}
	today := h.today()
	rows, mode, err := h.Store.DuesYear(ctx, unitID, year, fmt.Sprintf("%04d-%02d", today.Year(), today.Month()))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := duesListJSON{Year: year, Rounding: mode, Members: []*duesMemberJSON{}}
	for _, row := range rows {
		j := &duesMemberJSON{DuesMember: row.Member, KindLabel: row.Member.Kind.Label(), Year: year, Monthly: row.Monthly,
			Months: row.Months, Due: row.Due, Paid: row.Paid, Short: row.Short}
		if row.HasBase {
			j.Base = &row.Base
		}
		out.Members = append(out.Members, j)
	}
	writeJSON(w, http.StatusOK, out)
}
