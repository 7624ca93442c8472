package ui

import (
	"net/http"

	"zhenggai"
)

type ledgerView struct {
	L      *zhenggai.Ledger
	Latest map[int64]*zhenggai.Progress // the newest progress entry per measure
	Filter zhenggai.Filter
	Cats   []*zhenggai.CategoryNode // the categories the filter keeps
	Rows   int                      // measures (or bare problems) shown
}

// ShowLedger is the ledger as one table, in the columns offices keep in
// Excel: 序号, 问题类别, 具体问题, 整改措施, 责任领导, 责任委室, 责任人,
// 整改时限, 整改进展, 完成情况, 备注; and 整改成效 when any measure
// records one.
func (h *Handler) ShowLedger(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	l, err := h.Store.Ledger(r.Context(), id, h.today())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	entries, err := h.Store.Progress(r.Context(), id, 0)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := &ledgerView{L: l, Latest: zhenggai.LatestProgress(entries), Filter: filterFrom(r)}
	v.Cats = l.Filtered(v.Filter)
	for _, c := range v.Cats {
		for _, p := range c.Problems {
			v.Rows += max(len(p.Measures), 1)
		}
	}
	h.render(w, r, http.StatusOK, "ledger_show", &page{Title: "整改台账", Nav: "ledger", Round: l.Round, Data: v})
}
