package ui

import (
	"net/http"
	"net/url"
	"strconv"

	"zhenggai"
)

type treeView struct {
	L          *zhenggai.Ledger
	Categories []*zhenggai.CategoryNode
	Filter     zhenggai.Filter
	Owners     []string
	Shown      int // problems shown
}

// Query is the filter as a query string ("" for none), which the export
// link carries so that the workbook holds what the page shows.
func (v *treeView) Query() string { return filterQuery(v.Filter) }

// filterQuery writes a filter back as filterFrom reads it.
func filterQuery(f zhenggai.Filter) string {
	q := url.Values{}
	set := func(k, v string) {
		if v != "" {
			q.Set(k, v)
		}
	}
	set("status", string(f.Status))
	set("colour", string(f.Colour))
	set("owner", f.Owner)
	set("person", f.Person)
	if f.Category != 0 {
		q.Set("category", strconv.FormatInt(f.Category, 10))
	}
	if len(q) == 0 {
		return ""
	}
	return "?" + q.Encode()
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
	f.Person = zhenggai.Clip(q.Get("person"), zhenggai.MaxName)
	f.Category, _ = strconv.ParseInt(q.Get("category"), 10, 64)
	return f
}
