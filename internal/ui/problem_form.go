package ui

import (
	"fmt"
	"net/http"
	"strconv"

	"zhenggai"
)

var problemFields = []string{"category_id", "seq", "title", "rectification", "withheld", "withheld_reason", "version"}

var problemLabels = []formLabel{{"category_id", "问题类别"}, {"seq", "序号"}, {"title", "具体问题"}, {"rectification", "整改情况"},
	{"withheld", "不予公开"}, {"withheld_reason", "不予公开的理由"}}

// problemForm is the data of problem_form.html.
type problemForm struct {
	Action     string
	Cancel     string
	Editing    bool
	Categories []*zhenggai.Category
	NewCatLink string
	Conflict   *formConflict
	// Held says why the problem's text cannot change now (accepted, or
	// waiting for acceptance): only whether it is published can.
	Held string
}

func problemValues(p *zhenggai.Problem) map[string]string {
	return map[string]string{
		"category_id": fmt.Sprint(p.CategoryID), "seq": fmt.Sprint(p.Seq), "title": p.Title,
		"rectification": p.Rectification, "withheld": checkbox(p.Withheld), "withheld_reason": p.WithheldReason,
		"version": fmt.Sprint(p.Version),
	}
}

// checkbox is a boolean as the value of a checked box, "" when unchecked.
func checkbox(b bool) string {
	if b {
		return "1"
	}
	return ""
}

// readProblem fills p from the form and checks that its category is one
// of the round's and that its number is free in the round.
func readProblem(f *form, p *zhenggai.Problem, cats []*zhenggai.Category, others []*zhenggai.Problem) {
	p.CategoryID = f.int64("category_id", "问题类别")
	p.Seq = f.int("seq", "序号")
	p.Title = f.get("title")
	p.Rectification = f.get("rectification")
	p.Withheld = f.get("withheld") != ""
	p.WithheldReason = ""
	if p.Withheld {
		p.WithheldReason = f.get("withheld_reason")
	}
	if p.CategoryID != 0 && f.errs.For("category_id") == "" {
		found := false
		for _, c := range cats {
			found = found || c.ID == p.CategoryID
		}
		if !found {
			f.errs.Add("category_id", "只能选择本轮巡察的问题类别")
		}
	}
	f.merge(p.Validate())
	if f.errs.For("seq") == "" {
		for _, o := range others {
			if o.ID != p.ID && o.Seq == p.Seq {
				f.errs.Add("seq", fmt.Sprintf("序号%d已被本轮的“%s”使用", p.Seq, zhenggai.Clip(o.Title, 20)))
				break
			}
		}
	}
}

// problemShow shows a category by its number and title in the comparison.
func problemShow(cats []*zhenggai.Category) func(name, v string) string {
	return func(name, v string) string {
		if name == "category_id" {
			for _, c := range cats {
				if fmt.Sprint(c.ID) == v {
					return "（" + zhenggai.Numeral(c.Seq) + "）" + c.Title
				}
			}
		}
		return formShowValue(name, v)
	}
}

func (h *Handler) renderProblemForm(w http.ResponseWriter, r *http.Request, status int, round *zhenggai.Round, cats []*zhenggai.Category, stored *zhenggai.Problem, f *form, c *formConflict) {
	d := &problemForm{
		Action:     fmt.Sprintf("/rounds/%d/problems", round.ID),
		Cancel:     fmt.Sprintf("/rounds/%d/tree", round.ID),
		Categories: cats,
		NewCatLink: fmt.Sprintf("/rounds/%d/categories/new", round.ID),
		Conflict:   c,
	}
	title := "新增具体问题"
	if stored != nil {
		d.Action = fmt.Sprintf("/problems/%d", stored.ID)
		d.Cancel = d.Action
		d.Editing = true
		title = "修改具体问题"
		switch stored.CloseState {
		case zhenggai.CloseAccepted:
			d.Held = "本问题已验收销号并锁定：问题类别、序号、具体问题和整改情况都不能修改，只能改是否公开。"
		case zhenggai.CloseSubmitted:
			d.Held = "本问题已报巡察办，正在等待验收：问题类别、序号、具体问题和整改情况都不能修改，只能改是否公开。"
		}
	}
	h.render(w, r, status, "problem_form", &page{Title: title, Nav: "tree", Round: round, Data: d, Form: f.values, Errors: f.errMap()})
}

// roundParts loads a round with its categories and problems.
func (h *Handler) roundParts(r *http.Request, id int64) (*zhenggai.Round, []*zhenggai.Category, []*zhenggai.Problem, error) {
	ctx := r.Context()
	round, err := h.Store.Round(ctx, id)
	if err != nil {
		return nil, nil, nil, err
	}
	cats, err := h.Store.Categories(ctx, id)
	if err != nil {
		return nil, nil, nil, err
	}
	probs, err := h.Store.Problems(ctx, id)
	if err != nil {
		return nil, nil, nil, err
	}
	return round, cats, probs, nil
}

// NewProblem shows an empty problem form, numbered after the last problem
// of the round, under the category given by ?category= if any.
func (h *Handler) NewProblem(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	round, cats, probs, err := h.roundParts(r, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var seqs []int
	for _, p := range probs {
		seqs = append(seqs, p.Seq)
	}
	v := map[string]string{"seq": fmt.Sprint(nextSeq(seqs...))}
	if cid, err := strconv.ParseInt(r.URL.Query().Get("category"), 10, 64); err == nil {
		v["category_id"] = fmt.Sprint(cid)
	} else if len(cats) > 0 {
		// Problems are added in order: the last category is the likely one.
		v["category_id"] = fmt.Sprint(cats[len(cats)-1].ID)
		if len(probs) > 0 {
			v["category_id"] = fmt.Sprint(probs[len(probs)-1].CategoryID)
		}
	}
	f := &form{values: v, errs: &zhenggai.ValidationError{}}
	h.renderProblemForm(w, r, http.StatusOK, round, cats, nil, f, nil)
}

// CreateProblem adds a problem to a round.
func (h *Handler) CreateProblem(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	round, cats, probs, err := h.roundParts(r, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := newForm(r, problemFields...)
	p := &zhenggai.Problem{}
	readProblem(f, p, cats, probs)
	if f.valid() {
		err := h.Store.CreateProblem(r.Context(), p)
		if err == nil {
			redirect(w, r, fmt.Sprintf("/problems/%d", p.ID), fmt.Sprintf("已新增具体问题%d", p.Seq))
			return
		}
		// A number taken is the store's refusal on seq.
		if err := f.merge(err); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	h.renderProblemForm(w, r, http.StatusUnprocessableEntity, round, cats, nil, f, nil)
}

// EditProblem shows the form of a saved problem.
func (h *Handler) EditProblem(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	p, err := h.Store.Problem(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	round, cats, _, err := h.roundParts(r, p.RoundID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := &form{values: problemValues(p), errs: &zhenggai.ValidationError{}}
	h.renderProblemForm(w, r, http.StatusOK, round, cats, p, f, nil)
}

// UpdateProblem saves a problem; it may move to another category of its round.
func (h *Handler) UpdateProblem(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	stored, err := h.Store.Problem(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	round, cats, probs, err := h.roundParts(r, stored.RoundID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := newForm(r, problemFields...)
	p := *stored
	p.Version = f.int64("version", "版本号")
	readProblem(f, &p, cats, probs)
	if f.valid() {
		err := h.Store.UpdateProblem(ctx, &p)
		if err == nil {
			to, msg := fmt.Sprintf("/problems/%d", id), "已保存"
			if still, err := h.Store.PublishedWhileWithheld(ctx, id); err != nil {
				h.fail(w, r, err)
				return
			} else if len(still) > 0 {
				to += "#still-published"
				msg = fmt.Sprintf("已保存。注意：本问题仍出现在已公布的%d份整改进展情况中，请按页面上的提示撤回并重新公布", len(still))
			}
			redirect(w, r, to, msg)
			return
		}
		if isLocked(err) {
			h.refuseLocked(w, r, id, err)
			return
		}
		if zhenggai.ErrorCode(err) == zhenggai.ECONFLICT {
			cur, err2 := h.Store.Problem(ctx, id)
			if err2 != nil {
				h.fail(w, r, err2)
				return
			}
			if isStale(err, p.Version, cur.Version) {
				c := newConflict(fmt.Sprintf("/problems/%d/edit", id), problemLabels, problemValues(cur), f.values, problemShow(cats))
				f.values["version"] = fmt.Sprint(cur.Version)
				h.renderProblemForm(w, r, http.StatusConflict, round, cats, cur, f, c)
				return
			}
			h.fail(w, r, err) // voided meanwhile
			return
		} else if err := f.merge(err); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	h.renderProblemForm(w, r, http.StatusUnprocessableEntity, round, cats, stored, f, nil)
}
