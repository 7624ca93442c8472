package ui

import (
	"fmt"
	"net/http"

	"zhenggai"
	"zhenggai/internal/store"
)

// voidPaths are the paths of the records that may be voided, by kind, as
// the routes name them (/measures/{id}/void), and their history's.
var voidPaths = map[string]struct{ path, history string }{
	"round":      {"rounds", "rounds"},
	"category":   {"categories", "categories"},
	"problem":    {"problems", "problems"},
	"measure":    {"measures", "measures"},
	"progress":   {"progress", "progress"},
	"attachment": {"files", "attachments"},
}

// VoidRecord voids (作废) the record {id} of a kind with the reason typed,
// and goes back to the page the record was on, now without it. A round
// goes to its 已作废 list, the one page left of it, where it is restored.
func (h *Handler) VoidRecord(kind string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, ok := h.pathID(w, r)
		if !ok {
			return
		}
		at, err := h.Store.PlaceOf(r.Context(), kind, id)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		err = h.Store.Void(r.Context(), kind, id, r.PostFormValue("reason"))
		switch zhenggai.ErrorCode(err) {
		case "":
			if kind == "round" {
				redirect(w, r, fmt.Sprintf("/rounds/%d/voided", id), "已作废该巡察轮次：它不再出现在轮次列表和各项统计中，单位管理员可在本页恢复。")
				return
			}
			redirect(w, r, voidBack(kind, at), "已作废该"+at.Label+"。")
		case zhenggai.ELOCKED:
			h.refuseVoidLocked(w, r, at, voidHere(kind, at), "未能作废该"+at.Label, err)
		case zhenggai.EINVALID, zhenggai.ECONFLICT:
			redirectRefused(w, r, voidHere(kind, at), "未能作废该"+at.Label, err)
		default:
			h.fail(w, r, err)
		}
	}
}

// RestoreRecord restores a voided record of a kind and what went with it,
// back on the round's 已作废 list (a round goes to its overview).
func (h *Handler) RestoreRecord(kind string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, ok := h.pathID(w, r)
		if !ok {
			return
		}
		at, err := h.Store.PlaceOf(r.Context(), kind, id)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		list := fmt.Sprintf("/rounds/%d/voided", at.RoundID)
		err = h.Store.Restore(r.Context(), kind, id)
		switch zhenggai.ErrorCode(err) {
		case "":
			to := list
			if kind == "round" {
				to = fmt.Sprintf("/rounds/%d", id)
			}
			redirect(w, r, to, "已恢复该"+at.Label+"。")
		case zhenggai.ELOCKED:
			h.refuseVoidLocked(w, r, at, list, "未能恢复该"+at.Label, err)
		case zhenggai.EINVALID, zhenggai.ECONFLICT:
			redirectRefused(w, r, list, "未能恢复该"+at.Label, err)
		default:
			h.fail(w, r, err)
		}
	}
}

// refuseVoidLocked answers a record at or under a problem the office
// accepted or is deciding on: the 409 page every locked problem's write
// answers; a round or category (no one problem) goes back to back with
// the refusal.
func (h *Handler) refuseVoidLocked(w http.ResponseWriter, r *http.Request, at *store.VoidPlace, back, what string, err error) {
	if at.ProblemID != 0 {
		h.refuseLocked(w, r, at.ProblemID, err)
		return
	}
	redirectRefused(w, r, back, what, err)
}

// voidedRound turns the "not found" of round id into one that says the
// round was voided and where it is restored; any other error is kept.
func (h *Handler) voidedRound(r *http.Request, id int64, err error) error {
	if zhenggai.ErrorCode(err) != zhenggai.ENOTFOUND {
		return err
	}
	if at, perr := h.Store.PlaceOf(r.Context(), "round", id); perr == nil && at.Voided {
		return zhenggai.Errorf(zhenggai.ENOTFOUND, "该巡察轮次已作废；单位管理员可在其“已作废的记录”页面（/rounds/%d/voided）恢复", id)
	}
	return err
}

// voidBack is the page a record was on: where one goes once it is voided.
func voidBack(kind string, at *store.VoidPlace) string {
	switch kind {
	case "category", "problem":
		return fmt.Sprintf("/rounds/%d/tree", at.RoundID)
	case "measure", "progress", "attachment":
		return fmt.Sprintf("/problems/%d", at.ProblemID)
	}
	return "/rounds"
}

// voidHere is the page the 作废 button was on: where a refusal is shown.
func voidHere(kind string, at *store.VoidPlace) string {
	switch kind {
	case "round":
		return fmt.Sprintf("/rounds/%d", at.RoundID)
	case "measure":
		return fmt.Sprintf("/problems/%d#measure-%d", at.ProblemID, at.MeasureID)
	}
	return voidBack(kind, at)
}

// voidedRow is a line of the 已作废 list: the record, where its 恢复
// button posts, and its history.
type voidedRow struct {
	*store.VoidedRecord
	Restore string
	History string
}

// voidedView is the 已作废 list of a round.
type voidedView struct {
	RoundID int64
	UnitID  int64
	// RoundVoided: the round itself is voided; this page is all that is
	// left of it until it is restored.
	RoundVoided bool
	Rows        []voidedRow
}

// ShowVoided is /rounds/{id}/voided: what was voided in a round, by whom,
// when and why, with 恢复 for the unit's administrator. It answers for a
// voided round too (listing the round first), so that it can be restored.
func (h *Handler) ShowVoided(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	tg, err := h.Store.Target(ctx, "round", id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	recs, err := h.Store.Voided(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := &voidedView{RoundID: id, UnitID: tg.UnitID}
	shown := map[string]string{} // 作废人: the account's name as people know it
	for _, rec := range recs {
		if _, ok := shown[rec.By]; !ok {
			shown[rec.By] = rec.By // an account gone, or the command line's
			u, _, err := h.Store.UserByName(ctx, rec.By)
			switch {
			case err == nil && u.DisplayName != "":
				shown[rec.By] = u.DisplayName
			case err != nil && zhenggai.ErrorCode(err) != zhenggai.ENOTFOUND:
				h.fail(w, r, err)
				return
			}
		}
		rec.By = shown[rec.By]
		p := voidPaths[rec.Kind]
		v.Rows = append(v.Rows, voidedRow{VoidedRecord: rec,
			Restore: fmt.Sprintf("/%s/%d/restore", p.path, rec.ID),
			History: fmt.Sprintf("/history/%s/%d", p.history, rec.ID)})
		if rec.Kind == "round" {
			v.RoundVoided = true
		}
	}
	var round *zhenggai.Round // the navigation bar, for a live round
	if !v.RoundVoided {
		if round, err = h.Store.Round(ctx, id); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	h.render(w, r, http.StatusOK, "voided_show", &page{Title: "已作废", Nav: "dashboard", Round: round, Data: v})
}

// voidRegisterRecord voids a register's record {id} of a kind (a meeting,
// a proposal, a member, a suggestion, a township) with the reason typed,
// back on its own page (back, with %d for the id), which offers the
// restore; what names it (该提案).
func (h *Handler) voidRegisterRecord(w http.ResponseWriter, r *http.Request, kind, back, what string) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	to := fmt.Sprintf(back, id)
	switch err := h.Store.Void(r.Context(), kind, id, r.PostFormValue("reason")); zhenggai.ErrorCode(err) {
	case "":
		redirect(w, r, to, "已作废"+what+"：它不再出现在登记簿、统计和自查中，单位管理员可在本页恢复。")
	case zhenggai.EINVALID, zhenggai.ECONFLICT:
		redirectRefused(w, r, to, "未能作废"+what, err)
	default:
		h.fail(w, r, err)
	}
}

// restoreRegisterRecord brings such a record back, on its page.
func (h *Handler) restoreRegisterRecord(w http.ResponseWriter, r *http.Request, kind, back, what string) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	to := fmt.Sprintf(back, id)
	switch err := h.Store.Restore(r.Context(), kind, id); zhenggai.ErrorCode(err) {
	case "":
		redirect(w, r, to, "已恢复"+what+"。")
	case zhenggai.EINVALID, zhenggai.ECONFLICT:
		redirectRefused(w, r, to, "未能恢复"+what, err)
	default:
		h.fail(w, r, err)
	}
}
