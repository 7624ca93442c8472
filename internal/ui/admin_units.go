package ui

import (
	"fmt"
	"net/http"
	"strings"

	"zhenggai"
	"zhenggai/internal/store"
)

// The administration pages (系统管理): units, users and the warning
// settings. The route table lets only administrators reach them.

// maxAdminForm bounds the body of an administration form.
const maxAdminForm = 64 << 10

// unitOption is a unit in a select, indented under its parent.
type unitOption struct {
	ID       int64
	Label    string
	Disabled bool // the unit itself, or one below it, when moving a unit
}

// unitOptions lists the tree for a select; the unit skip and the units
// below it are shown but cannot be chosen (they would make a cycle).
func unitOptions(tree []store.UnitNode, skip int64) []unitOption {
	out := make([]unitOption, 0, len(tree))
	below := -1 // depth of skip while walking its subtree
	for _, n := range tree {
		if below >= 0 && n.Depth <= below {
			below = -1
		}
		if n.ID == skip {
			below = n.Depth
		}
		out = append(out, unitOption{ID: n.ID, Label: strings.Repeat("　", n.Depth) + n.Name, Disabled: below >= 0})
	}
	return out
}

// unitsPage is the data of admin_units.html.
type unitsPage struct {
	Tree    []unitRow
	Parents []unitOption
}

// unitRow is a line of the unit tree; Indent is a CSS class step.
type unitRow struct {
	store.UnitNode
	Indent int
}

func unitRows(tree []store.UnitNode) []unitRow {
	rows := make([]unitRow, len(tree))
	for i, n := range tree {
		rows[i] = unitRow{UnitNode: n, Indent: min(n.Depth, 6)}
	}
	return rows
}

// unitFormPage is the data of admin_unit_form.html.
type unitFormPage struct {
	Unit    *zhenggai.Unit
	Node    store.UnitNode
	Parents []unitOption
}

// ListUnits shows the unit tree and a form to add a unit.
func (h *Handler) ListUnits(w http.ResponseWriter, r *http.Request) {
	h.renderUnits(w, r, http.StatusOK, &form{values: map[string]string{}, errs: &zhenggai.ValidationError{}})
}

func (h *Handler) renderUnits(w http.ResponseWriter, r *http.Request, status int, f *form) {
	tree, err := h.Store.UnitTree(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := &unitsPage{Tree: unitRows(tree), Parents: unitOptions(tree, 0)}
	h.render(w, r, status, "admin_units", &page{Title: "单位管理", Nav: "admin", Data: d, Form: f.values, Errors: f.errMap()})
}

// readUnit fills u from the unit form.
func readUnit(f *form, u *zhenggai.Unit) {
	u.Name = f.get("name")
	u.FullName = f.get("full_name")
	u.Aliases = zhenggai.SplitAliases(f.get("aliases"))
	u.ParentID = f.int64("parent_id", "上级单位")
	f.merge(u.Validate())
}

// CreateUnit adds a unit, at the top or under another.
func (h *Handler) CreateUnit(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxAdminForm)
	f := newForm(r, "name", "full_name", "aliases", "parent_id")
	u := &zhenggai.Unit{}
	readUnit(f, u)
	if f.valid() {
		err := h.Store.SaveUnit(r.Context(), u)
		if err == nil {
			redirect(w, r, "/admin/units", "已新增单位“"+zhenggai.Clip(u.Name, 30)+"”")
			return
		}
		if err := f.merge(err); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	h.renderUnits(w, r, http.StatusUnprocessableEntity, f)
}

// EditUnit shows the form to rename or move a unit.
func (h *Handler) EditUnit(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	u, err := h.Store.Unit(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := &form{values: map[string]string{"name": u.Name, "full_name": u.FullName,
		"aliases": strings.Join(u.Aliases, "\n"), "parent_id": idOrEmpty(u.ParentID)}, errs: &zhenggai.ValidationError{}}
	h.renderUnitForm(w, r, http.StatusOK, u, f)
}

func (h *Handler) renderUnitForm(w http.ResponseWriter, r *http.Request, status int, u *zhenggai.Unit, f *form) {
	tree, err := h.Store.UnitTree(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := &unitFormPage{Unit: u, Parents: unitOptions(tree, u.ID)}
	for _, n := range tree {
		if n.ID == u.ID {
			d.Node = n
		}
	}
	h.render(w, r, status, "admin_unit_form", &page{Title: "修改单位", Nav: "admin", Data: d, Form: f.values, Errors: f.errMap()})
}

// UpdateUnit renames or moves a unit; the store refuses to put a unit
// under itself or under one of its own units.
func (h *Handler) UpdateUnit(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	stored, err := h.Store.Unit(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxAdminForm)
	f := newForm(r, "name", "full_name", "aliases", "parent_id")
	u := &zhenggai.Unit{ID: id}
	readUnit(f, u)
	if f.valid() {
		err := h.Store.SaveUnit(ctx, u)
		if err == nil {
			redirect(w, r, "/admin/units", "已保存单位“"+zhenggai.Clip(u.Name, 30)+"”")
			return
		}
		if err := f.merge(err); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	h.renderUnitForm(w, r, http.StatusUnprocessableEntity, stored, f)
}

// idOrEmpty shows 0 (no record) as an empty field.
func idOrEmpty(id int64) string {
	if id == 0 {
		return ""
	}
	return fmt.Sprint(id)
}
