package ui

import (
	"fmt"
	"net/http"

	"zhenggai"
)

var categoryLabels = []formLabel{{"seq", "序号"}, {"title", "问题类别"}}

// categoryForm is the data of category_form.html.
type categoryForm struct {
	Action   string
	Cancel   string
	Editing  bool
	Conflict *formConflict
}

func categoryValues(c *zhenggai.Category) map[string]string {
	return map[string]string{"seq": fmt.Sprint(c.Seq), "title": c.Title, "version": fmt.Sprint(c.Version)}
}

// readCategory fills c from the form and checks its number against the
// round's other categories.
func readCategory(f *form, c *zhenggai.Category, others []*zhenggai.Category) {
	c.Seq = f.int("seq", "序号")
	c.Title = f.get("title")
	f.merge(c.Validate())
	if f.errs.For("seq") == "" {
		for _, o := range others {
			if o.ID != c.ID && o.Seq == c.Seq {
				f.errs.Add("seq", fmt.Sprintf("序号（%s）已被“%s”使用", zhenggai.Numeral(c.Seq), zhenggai.Clip(o.Title, 20)))
				break
			}
		}
	}
}

func (h *Handler) renderCategoryForm(w http.ResponseWriter, r *http.Request, status int, round *zhenggai.Round, stored *zhenggai.Category, f *form, c *formConflict) {
	d := &categoryForm{
		Action:   fmt.Sprintf("/rounds/%d/categories", round.ID),
		Cancel:   fmt.Sprintf("/rounds/%d/tree", round.ID),
		Conflict: c,
	}
	title := "新增问题类别"
	if stored != nil {
		d.Action = fmt.Sprintf("/categories/%d", stored.ID)
		d.Editing = true
		title = "修改问题类别"
	}
	h.render(w, r, status, "category_form", &page{Title: title, Nav: "tree", Round: round, Data: d, Form: f.values, Errors: f.errMap()})
}

// NewCategory shows an empty category form numbered after the last one.
func (h *Handler) NewCategory(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	round, err := h.Store.Round(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	cats, err := h.Store.Categories(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var seqs []int
	for _, c := range cats {
		seqs = append(seqs, c.Seq)
	}
	f := &form{values: map[string]string{"seq": fmt.Sprint(nextSeq(seqs...))}, errs: &zhenggai.ValidationError{}}
	h.renderCategoryForm(w, r, http.StatusOK, round, nil, f, nil)
}

// CreateCategory adds a category to a round.
func (h *Handler) CreateCategory(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	round, err := h.Store.Round(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	cats, err := h.Store.Categories(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := newForm(r, "seq", "title")
	c := &zhenggai.Category{RoundID: id}
	readCategory(f, c, cats)
	if f.valid() {
		err := h.Store.CreateCategory(ctx, c)
		if err == nil {
			redirect(w, r, fmt.Sprintf("/rounds/%d/tree", id), fmt.Sprintf("已新增问题类别（%s）", zhenggai.Numeral(c.Seq)))
			return
		}
		// A number taken is the store's refusal on seq.
		if err := f.merge(err); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	h.renderCategoryForm(w, r, http.StatusUnprocessableEntity, round, nil, f, nil)
}

// EditCategory shows the form of a saved category.
func (h *Handler) EditCategory(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	c, err := h.Store.Category(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	round, err := h.Store.Round(ctx, c.RoundID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := &form{values: categoryValues(c), errs: &zhenggai.ValidationError{}}
	h.renderCategoryForm(w, r, http.StatusOK, round, c, f, nil)
}

// UpdateCategory saves a category's number and title.
func (h *Handler) UpdateCategory(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	stored, err := h.Store.Category(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	round, err := h.Store.Round(ctx, stored.RoundID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	cats, err := h.Store.Categories(ctx, stored.RoundID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := newForm(r, "seq", "title", "version")
	c := *stored
	c.Version = f.int64("version", "版本号")
	readCategory(f, &c, cats)
	if f.valid() {
		err := h.Store.UpdateCategory(ctx, &c)
		if err == nil {
			redirect(w, r, fmt.Sprintf("/rounds/%d/tree", stored.RoundID), "已保存")
			return
		}
		if zhenggai.ErrorCode(err) == zhenggai.ECONFLICT {
			cur, err2 := h.Store.Category(ctx, id)
			if err2 != nil {
				h.fail(w, r, err2)
				return
			}
			if isStale(err, c.Version, cur.Version) {
				cf := newConflict(fmt.Sprintf("/categories/%d/edit", id), categoryLabels, categoryValues(cur), f.values, nil)
				f.values["version"] = fmt.Sprint(cur.Version)
				h.renderCategoryForm(w, r, http.StatusConflict, round, cur, f, cf)
				return
			}
			h.fail(w, r, err) // voided meanwhile
			return
		} else if err := f.merge(err); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	h.renderCategoryForm(w, r, http.StatusUnprocessableEntity, round, stored, f, nil)
}
