package ui

import (
	"net/http"

	"zhenggai"
)

type treeView struct {
	L          *zhenggai.Ledger
	Categories []*zhenggai.CategoryNode
	Filter     zhenggai.Filter
	Owners     []string
	Shown      int // problems shown
}

// ShowTree is the list category → problem → measure, with filters.
func (h *Handler) ShowTree(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	l, err := h.Store.Ledger(r.Context(), id, h.today())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := filterFrom(r)
	v := &treeView{L: l, Filter: f, Owners: l.Owners(), Categories: l.Filtered(f)}
	for _, c := range v.Categories {
		v.Shown += len(c.Problems)
	}
	h.render(w, r, http.StatusOK, "tree_show", &page{Title: "问题清单", Nav: "tree", Round: l.Round, Data: v})
}

// filterFrom reads the filter of the query string; unknown values are
// ignored rather than refused, as a hand-edited address is not an error.
func filterFrom(r *http.Request) zhenggai.Filter {
	q := r.URL.Query()
	var f zhenggai.Filter
	if s, ok := zhenggai.ParseStatus(q.Get("status")); ok {
		f.Status = s
	}
	if c := zhenggai.Colour(q.Get("colour")); c != zhenggai.NoColour && c.Valid() {
		f.Colour = c
	}
	f.Owner = q.Get("owner")
	return f
}
