package api

import (
	"net/http"
	"time"

	"zhenggai"
	"zhenggai/internal/auth"
)

// tasksJSON is 我的任务: the caller's measures by colour and deadline and
// what waits for him.
type tasksJSON struct {
	Waiting  int                      `json:"waiting"` // closings to approve, opinions to handle, overdue measures
	Colours  zhenggai.ColourCounts    `json:"colours"`
	Measures []*zhenggai.TaskMeasure  `json:"measures"`
	Approve  []*zhenggai.TaskMeasure  `json:"approve"`
	Progress []*zhenggai.TaskProgress `json:"progress"`
	Opinions []*taskOpinionJSON       `json:"opinions"`
}

// taskOpinionJSON is an opinion assigned to the caller, without the
// sender's name and contact (the opinion's own page has them, for those
// who may see them).
type taskOpinionJSON struct {
	ID        int64                  `json:"id"`
	Ref       string                 `json:"ref"`
	Problem   string                 `json:"problem"`
	Content   string                 `json:"content"`
	Status    zhenggai.OpinionStatus `json:"status"`
	CreatedAt time.Time              `json:"created_at"`
}

// ListTasks is GET /api/v1/tasks: what the page 我的任务 shows.
func (h *Handler) ListTasks(w http.ResponseWriter, r *http.Request) {
	t, err := h.Store.Tasks(r.Context(), auth.UserFrom(r.Context()), h.today())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := tasksJSON{Waiting: t.Waiting(), Colours: t.Colours, Measures: t.Measures, Approve: t.Approve, Progress: t.Progress,
		Opinions: []*taskOpinionJSON{}}
	for _, o := range t.Opinions {
		out.Opinions = append(out.Opinions, &taskOpinionJSON{ID: o.ID, Ref: o.Ref, Problem: o.Problem, Content: o.Content,
			Status: o.Status, CreatedAt: o.CreatedAt})
	}
	writeJSON(w, http.StatusOK, out)
}
