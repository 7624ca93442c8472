package ui

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"zhenggai"
)

// What the edit forms share: the answer to a stale version, the next free
// number, the reading of multipart bodies and of uploaded file names.

// staleMessage is what a form says when someone saved the record since it
// was opened.
const staleMessage = "该记录已被他人修改，请刷新后再保存"

// formConflict is shown at the top of a form refused for a stale version:
// the values stored now next to the ones the user typed, so that nothing
// typed is lost and nothing stored is overwritten unseen.
type formConflict struct {
	Message string
	Reload  string // the edit page, to start again from the stored values
	Rows    []conflictRow
}

type conflictRow struct {
	Label   string
	Stored  string
	Mine    string
	Differs bool
}

// formLabel names a field for the comparison table.
type formLabel struct{ name, label string }

// newConflict compares stored and typed values field by field; show turns
// a raw value (a status identifier, an ISO date) into what users read.
func newConflict(reload string, labels []formLabel, stored, typed map[string]string, show func(name, v string) string) *formConflict {
	if show == nil {
		show = formShowValue
	}
	c := &formConflict{Message: staleMessage, Reload: reload}
	for _, l := range labels {
		s, m := stored[l.name], typed[l.name]
		c.Rows = append(c.Rows, conflictRow{Label: l.label, Stored: show(l.name, s), Mine: show(l.name, m), Differs: s != m})
	}
	return c
}

// formShowValue is a form value as the user reads it.
func formShowValue(name, v string) string {
	if v == "" {
		return "（空）"
	}
	switch name {
	case "status":
		if s, ok := zhenggai.ParseStatus(v); ok {
			return s.Label()
		}
	case "kind":
		return zhenggai.MeasureKind(v).Label() // a round's kind is Chinese already
	case "onsite_start", "onsite_end", "feedback_date", "deadline", "date":
		if d, err := zhenggai.ParseDate(v); err == nil && d.Valid() {
			return d.Chinese()
		}
	}
	return v
}

// isStale tells a stale version from the other conflict a store reports
// (a duplicate number): the version the form carried is no longer stored.
func isStale(err error, typedVersion, storedVersion int64) bool {
	return zhenggai.ErrorCode(err) == zhenggai.ECONFLICT && typedVersion != storedVersion
}

// refusal is the data of refused.html.
type refusal struct {
	Message string
	Back    string
}

// isLocked reports whether err refuses a change because the problem is
// closed or waits on a closing decision (not a stale version).
func isLocked(err error) bool { return zhenggai.ErrorCode(err) == zhenggai.ELOCKED }

// refuseLocked answers a change refused by isLocked: 409 with the reason
// the store gave (locked, waiting for acceptance or for the leader) and
// the way back to the problem, never "modified by someone else".
func (h *Handler) refuseLocked(w http.ResponseWriter, r *http.Request, problemID int64, err error) {
	ctx := r.Context()
	var round *zhenggai.Round
	if p, perr := h.Store.Problem(ctx, problemID); perr == nil {
		round, _ = h.Store.Round(ctx, p.RoundID) // only for the navigation bar
	}
	title := "不能修改：正在等待销号审核"
	if strings.Contains(zhenggai.ErrorMessage(err), "锁定") {
		title = "不能修改：已验收销号"
	}
	h.render(w, r, http.StatusConflict, "refused", &page{Title: title, Nav: "tree", Round: round,
		Data: refusal{Message: zhenggai.ErrorMessage(err), Back: fmt.Sprintf("/problems/%d", problemID)}})
}

// nextSeq is the number after the largest in use.
func nextSeq(seqs ...int) int {
	n := 0
	for _, s := range seqs {
		if s > n {
			n = s
		}
	}
	return n + 1
}

// itoaOrEmpty shows 0 as an empty field.
func itoaOrEmpty(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprint(n)
}

// parseBody reads a multipart body of at most limit bytes (small parts in
// memory, the rest in temporary files); an ordinary urlencoded form is
// read too, so a script may post either. Call r.MultipartForm.RemoveAll
// when done.
func parseBody(w http.ResponseWriter, r *http.Request, limit int64) error {
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	err := r.ParseMultipartForm(8 << 20)
	if errors.Is(err, http.ErrNotMultipart) {
		err = r.ParseForm()
	}
	return err
}

// tooLarge reports whether err is a body over its MaxBytesReader limit.
func tooLarge(err error) bool {
	var mbe *http.MaxBytesError
	return errors.As(err, &mbe)
}

func cleanupBody(r *http.Request) {
	if r.MultipartForm != nil {
		r.MultipartForm.RemoveAll()
	}
}
