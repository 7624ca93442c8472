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
	members, err := h.Store.DuesMembers(ctx, unitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	mode, err := h.Store.DuesRounding(ctx, unitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	bases, err := h.Store.DuesBases(ctx, unitID, year)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	pays, err := h.Store.DuesPayments(ctx, unitID, fmt.Sprintf("%04d-01", year), fmt.Sprintf("%04d-12", year))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	baseOf := map[int64]zhenggai.Fen{}
	for _, b := range bases {
		baseOf[b.MemberID] = b.Base
	}
	paid := map[int64]map[string]zhenggai.DuesPayment{}
	for _, p := range pays {
		if paid[p.MemberID] == nil {
			paid[p.MemberID] = map[string]zhenggai.DuesPayment{}
		}
		paid[p.MemberID][p.Month] = p
	}
	today := h.today()
	through := fmt.Sprintf("%04d-%02d", today.Year(), today.Month())
	out := duesListJSON{Year: year, Rounding: mode, Members: []*duesMemberJSON{}}
	for _, m := range members {
		base, has := baseOf[m.ID]
		j := &duesMemberJSON{DuesMember: m, KindLabel: m.Kind.Label(), Year: year, Monthly: zhenggai.Due(m.Kind, base, m.Fixed, mode),
			Months: zhenggai.DuesYearOf(m, year, base, paid[m.ID], mode, through), Short: []string{}}
		if has {
			j.Base = &base
		}
		for _, mo := range j.Months {
			j.Due += mo.Due
			j.Paid += mo.Paid
			if mo.Short() {
				j.Short = append(j.Short, mo.Month)
			}
		}
		out.Members = append(out.Members, j)
	}
	writeJSON(w, http.StatusOK, out)
}
