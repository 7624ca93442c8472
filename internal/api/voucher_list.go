package api

import (
	"net/http"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
	"zhenggai/internal/xlsx"
)

// voucherUnit is the unit a vouchers call is about: ?unit=, which the
// caller must be allowed perm on, or his own.
func (h *Handler) voucherUnit(w http.ResponseWriter, r *http.Request, perm zhenggai.Perm) (int64, bool) {
	u := auth.UserFrom(r.Context())
	id := u.UnitID
	if s := r.URL.Query().Get("unit"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n <= 0 {
			h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "unit 应为单位编号"))
			return 0, false
		}
		if !h.Auth.Can(r.Context(), u, perm, zhenggai.Target{UnitID: n}) {
			h.fail(w, r, zhenggai.Errorf(zhenggai.EFORBID, "您没有权限查看或导入该单位的财务凭证"))
			return 0, false
		}
		id = n
	}
	return id, true
}

// ListVouchers is GET /api/v1/vouchers: a unit's vouchers (without
// lines) by period and number, filtered, a page at a time, with the
// selection's count and debit total.
func (h *Handler) ListVouchers(w http.ResponseWriter, r *http.Request) {
	unit, ok := h.voucherUnit(w, r, zhenggai.PermRead)
	if !ok {
		return
	}
	v := r.URL.Query()
	q := store.VoucherQuery{UnitID: unit, Period: v.Get("period"), Keyword: zhenggai.Clip(strings.TrimSpace(v.Get("q")), 100),
		NoApprover: v.Get("no_approver") == "1", NoAttachments: v.Get("no_attachments") == "1"}
	bad := &zhenggai.ValidationError{}
	if s := v.Get("ref"); s != "" {
		word, n, ok := xlsx.ParseVoucherRef(s)
		if !ok {
			bad.Add("ref", "凭证字号应写作 记-15 或 记字第15号")
		}
		q.Word, q.Number = word, n
	}
	if s := v.Get("min"); s != "" {
		f, err := zhenggai.ParseYuan(s)
		if err != nil {
			bad.Add("min", "金额应为元，如 50000 或 1260.50")
		}
		q.MinAmount = f
	}
	for _, p := range []struct {
		name string
		to   *int
		max  int
	}{{"limit", &q.Limit, 1000}, {"offset", &q.Offset, 1 << 30}} {
		if s := v.Get(p.name); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 0 || n > p.max {
				bad.Add(p.name, p.name+" 应为0至"+strconv.Itoa(p.max)+"的整数")
			}
			*p.to = n
		}
	}
	if err := bad.Err(); err != nil {
		h.fail(w, r, err)
		return
	}
	page, err := h.Store.Vouchers(r.Context(), q)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, page)
}

// voucherJSON is a voucher with its lines, its expense and the decision
// it is linked to.
type voucherJSON struct {
	*zhenggai.Voucher
	Credit   zhenggai.Fen        `json:"credit"`
	Expense  zhenggai.Fen        `json:"expense"`
	Decision *store.DecisionItem `json:"decision,omitempty"`
	// Proposed are the 大额资金 items that may have decided it, nearest first.
	Proposed []store.DecisionItem `json:"proposed"`
}

// GetVoucher is GET /api/v1/vouchers/{id}.
func (h *Handler) GetVoucher(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	out, err := h.voucherObject(r, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

func (h *Handler) voucherObject(r *http.Request, id int64) (*voucherJSON, error) {
	ctx := r.Context()
	v, err := h.Store.Voucher(ctx, id)
	if err != nil {
		return nil, err
	}
	out := &voucherJSON{Voucher: v}
	_, out.Credit = v.Totals()
	exp, bud, err := h.Store.VoucherPrefixes(ctx, v.UnitID)
	if err != nil {
		return nil, err
	}
	out.Expense = v.Expense(exp, bud)
	if v.DecisionItemID != 0 {
		if out.Decision, err = h.Store.DecisionItem(ctx, v.DecisionItemID); err != nil && zhenggai.ErrorCode(err) != zhenggai.ENOTFOUND {
			return nil, err
		}
	}
	if out.Proposed, err = h.Store.ProposeDecisions(ctx, v, out.Expense, 5); err != nil {
		return nil, err
	}
	return out, nil
}

// voucherLinkRequest is the body of PUT /api/v1/vouchers/{id}/link.
type voucherLinkRequest struct {
	// DecisionItemID is the 大额资金 agenda item; 0 takes the link away.
	DecisionItemID int64 `json:"decision_item_id"`
	Version        int64 `json:"version"`
}

// LinkVoucher is PUT /api/v1/vouchers/{id}/link.
func (h *Handler) LinkVoucher(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	var req voucherLinkRequest
	if !h.decode(w, r, &req) {
		return
	}
	bad := &zhenggai.ValidationError{}
	requireVersion(bad, "version", req.Version)
	if req.DecisionItemID < 0 {
		bad.Add("decision_item_id", "decision_item_id 应为会议议题编号，0 为不关联")
	}
	if err := bad.Err(); err != nil {
		h.fail(w, r, err)
		return
	}
	if _, err := h.Store.LinkVoucher(r.Context(), id, req.Version, req.DecisionItemID); err != nil {
		h.fail(w, r, err)
		return
	}
	out, err := h.voucherObject(r, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}
