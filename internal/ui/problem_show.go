package ui

import (
	"net/http"

	"zhenggai"
)

type problemView struct {
	Problem  *zhenggai.ProblemNode
	Category *zhenggai.Category
	Progress []*zhenggai.Progress
	Seq      map[int64]int // measure ID → its number, for the timeline
	Steps    []*zhenggai.CloseStep
	Locked   bool
	// StillPublished are the live publications that show the problem,
	// withheld since: withholding does not take them back by itself.
	StillPublished []*zhenggai.Publication
	// Records are the registers' records a self-inspection finding named
	// (佐证), with their links.
	Records []recordLink
}

// ShowProblem shows a problem, its measures with their warnings and quick
// status changes, and the dated timeline of progress with evidence.
func (h *Handler) ShowProblem(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	p, err := h.Store.Problem(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	l, err := h.Store.Ledger(ctx, p.RoundID, h.today())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	node := l.Problem(id)
	if node == nil {
		h.fail(w, r, zhenggai.Errorf(zhenggai.ENOTFOUND, "具体问题不存在"))
		return
	}
	entries, err := h.Store.Progress(ctx, 0, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	steps, err := h.Store.CloseSteps(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	still, err := h.Store.PublishedWhileWithheld(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	recs, err := h.Store.ProblemRecords(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := &problemView{Problem: node, Category: node.Category, Progress: entries, Seq: map[int64]int{},
		Steps: steps, Locked: node.CloseState.Locked(), StillPublished: still}
	for _, m := range node.Measures {
		v.Seq[m.ID] = m.Seq
	}
	for _, rec := range recs {
		v.Records = append(v.Records, recordLink{rec.Label, RecordHref(rec)})
	}
	h.render(w, r, http.StatusOK, "problem_show", &page{Title: node.Title, Nav: "tree", Round: l.Round, Data: v})
}
