package ui

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/store"
)

// voucherShow is the data of voucher_show.html.
type voucherShow struct {
	V        *zhenggai.Voucher
	Unit     *zhenggai.Unit
	Debit    zhenggai.Fen
	Credit   zhenggai.Fen
	Expense  zhenggai.Fen
	Prefixes string // the expense and budget prefixes, as the page explains them
	Linked   *store.DecisionItem
	Proposed []store.DecisionItem
	Others   []store.DecisionItem // the unit's other 大额资金 items
	Links    []int64              // the link's rows, newest first: their history pages
}

// maxProposals is how many decisions the link form proposes first.
const maxProposals = 5

// ShowVoucher shows a voucher: its lines, expense, approval, attachments,
// the decision it is linked to, and the form linking one.
func (h *Handler) ShowVoucher(w http.ResponseWriter, r *http.Request) {
	h.renderVoucher(w, r, http.StatusOK, nil)
}

func (h *Handler) renderVoucher(w http.ResponseWriter, r *http.Request, status int, errs map[string]string) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	v, err := h.Store.Voucher(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := &voucherShow{V: v}
	if d.Unit, err = h.Store.Unit(ctx, v.UnitID); err != nil {
		h.fail(w, r, err)
		return
	}
	d.Debit, d.Credit = v.Totals()
	exp, bud, err := h.Store.VoucherPrefixes(ctx, v.UnitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d.Expense = v.Expense(exp, bud)
	d.Prefixes = "费用类科目（" + strings.Join(exp, "、") + "开头）的借方合计；没有费用类科目的，取预算支出类科目（" + strings.Join(bud, "、") + "开头）的借方合计"
	if v.DecisionItemID != 0 {
		if d.Linked, err = h.Store.DecisionItem(ctx, v.DecisionItemID); err != nil && zhenggai.ErrorCode(err) != zhenggai.ENOTFOUND {
			h.fail(w, r, err)
			return
		}
	}
	if d.Links, err = h.Store.VoucherLinkRows(ctx, v); err != nil {
		h.fail(w, r, err)
		return
	}
	if d.Proposed, err = h.Store.ProposeDecisions(ctx, v, d.Expense, maxProposals); err != nil {
		h.fail(w, r, err)
		return
	}
	all, err := h.Store.DecisionItems(ctx, v.UnitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	proposed := map[int64]bool{}
	for _, p := range d.Proposed {
		proposed[p.ID] = true
	}
	for _, it := range all {
		if !proposed[it.ID] {
			d.Others = append(d.Others, it)
		}
	}
	form := map[string]string{"version": strconv.FormatInt(v.Version, 10), "item": strconv.FormatInt(v.DecisionItemID, 10)}
	h.render(w, r, status, "voucher_show", &page{Title: "凭证 " + v.Ref() + "（" + zhenggai.PeriodChinese(v.Period) + "）",
		Nav: "vouchers", Data: d, Form: form, Errors: errs})
}

// maxLinkForm bounds the link form's body.
const maxLinkForm = 4 << 10

// LinkVoucher links the voucher to the 大额资金 item chosen (none: 0).
func (h *Handler) LinkVoucher(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxLinkForm)
	version, err1 := strconv.ParseInt(r.PostFormValue("version"), 10, 64)
	item, err2 := strconv.ParseInt(r.PostFormValue("item"), 10, 64)
	if err1 != nil || err2 != nil || item < 0 {
		h.renderVoucher(w, r, http.StatusUnprocessableEntity, map[string]string{"item": "请选择一项会议决策，或选择“不关联”"})
		return
	}
	v, err := h.Store.LinkVoucher(r.Context(), id, version, item)
	switch {
	case err == nil && item == 0:
		redirect(w, r, fmt.Sprintf("/vouchers/%d", id), "已取消凭证"+v.Ref()+"与会议决策的关联")
	case err == nil:
		redirect(w, r, fmt.Sprintf("/vouchers/%d", id), "已将凭证"+v.Ref()+"关联到会议决策")
	case zhenggai.ErrorCode(err) == zhenggai.ECONFLICT || zhenggai.ErrorCode(err) == zhenggai.EINVALID:
		h.renderVoucher(w, r, http.StatusUnprocessableEntity, map[string]string{"item": zhenggai.ErrorMessage(err)})
	default:
		h.fail(w, r, err)
	}
}
