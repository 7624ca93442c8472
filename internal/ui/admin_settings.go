package ui

import (
	"fmt"
	"net/http"
	"strconv"

	"zhenggai"
	"zhenggai/internal/store"
)

// settingsPage is the data of admin_settings.html.
type settingsPage struct {
	Units    []unitOption
	Unit     *store.UnitNode   // the unit whose settings are shown
	Stored   zhenggai.Settings // what the unit has now
	Defaults zhenggai.Settings
	// Evidence files the unit keeps, and its quota, in bytes.
	EvidenceUsed, EvidenceQuota int64
}

// EditSettings shows a unit's warning thresholds: the unit of ?unit=ID,
// else the first unit that has rounds.
func (h *Handler) EditSettings(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	tree, err := h.Store.UnitTree(ctx)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var unit *store.UnitNode
	if q := r.URL.Query().Get("unit"); q != "" {
		id, _ := strconv.ParseInt(q, 10, 64)
		if unit = findUnit(tree, id); unit == nil {
			h.fail(w, r, zhenggai.Errorf(zhenggai.ENOTFOUND, "单位不存在"))
			return
		}
	} else {
		for i := range tree {
			if tree[i].Rounds > 0 {
				unit = &tree[i]
				break
			}
		}
		if unit == nil && len(tree) > 0 {
			unit = &tree[0]
		}
	}
	f := &form{values: map[string]string{}, errs: &zhenggai.ValidationError{}}
	var set zhenggai.Settings
	if unit != nil {
		if set, err = h.Store.Settings(ctx, unit.ID); err != nil {
			h.fail(w, r, err)
			return
		}
		f.values = settingsValues(unit.ID, set)
	}
	h.renderSettings(w, r, http.StatusOK, tree, unit, set, f)
}

func settingsValues(unitID int64, s zhenggai.Settings) map[string]string {
	return map[string]string{"unit_id": fmt.Sprint(unitID), "green_days": fmt.Sprint(s.GreenDays), "yellow_days": fmt.Sprint(s.YellowDays),
		"evidence_quota_mb": fmt.Sprint(s.EvidenceQuotaMB), "opinion_days": fmt.Sprint(s.OpinionDays),
		"publication_reviewer": string(s.PublicationReviewer)}
}

func (h *Handler) renderSettings(w http.ResponseWriter, r *http.Request, status int, tree []store.UnitNode, unit *store.UnitNode, set zhenggai.Settings, f *form) {
	d := &settingsPage{Units: unitOptions(tree, 0), Unit: unit, Stored: set, Defaults: zhenggai.DefaultSettings()}
	if unit != nil {
		var err error
		if d.EvidenceUsed, d.EvidenceQuota, err = h.Store.EvidenceUsage(r.Context(), unit.ID); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	h.render(w, r, status, "admin_settings", &page{Title: "预警设置", Nav: "admin", Data: d, Form: f.values, Errors: f.errMap()})
}

// UpdateSettings saves a unit's warning thresholds; the unit is named by
// the form and must exist.
func (h *Handler) UpdateSettings(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	r.Body = http.MaxBytesReader(w, r.Body, maxAdminForm)
	f := newForm(r, "unit_id", "green_days", "yellow_days", "evidence_quota_mb", "opinion_days", "publication_reviewer")
	tree, err := h.Store.UnitTree(ctx)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	id, _ := strconv.ParseInt(f.get("unit_id"), 10, 64)
	unit := findUnit(tree, id)
	if unit == nil {
		f.errs.Add("unit_id", "请选择一个已有的单位")
	}
	// The report's contact lines and signature have their own page
	// (report_settings.go): kept as they are.
	var set zhenggai.Settings
	if unit != nil {
		if set, err = h.Store.Settings(ctx, unit.ID); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	set.GreenDays, set.YellowDays = f.int("green_days", "绿色预警天数"), f.int("yellow_days", "黄色预警天数")
	set.EvidenceQuotaMB = f.int("evidence_quota_mb", "佐证材料存储上限")
	set.OpinionDays = f.int("opinion_days", "意见建议答复期限")
	set.PublicationReviewer = zhenggai.PublicationReviewer(f.get("publication_reviewer"))
	// Left out (a script that predates it), the deadline stays as it is.
	if f.get("opinion_days") != "" && set.OpinionDays < 1 && f.errs.For("opinion_days") == "" {
		f.errs.Add("opinion_days", fmt.Sprintf("意见建议答复期限须在1至%d个工作日之间", zhenggai.MaxOpinionDays))
	}
	// Left out (a script that predates it), the quota stays as it is.
	if f.get("evidence_quota_mb") != "" && set.EvidenceQuotaMB < 1 && f.errs.For("evidence_quota_mb") == "" {
		f.errs.Add("evidence_quota_mb", fmt.Sprintf("佐证材料存储上限须在1至%d MB（1TB）之间", zhenggai.MaxEvidenceQuotaMB))
	}
	if f.get("green_days") == "" {
		f.errs.Add("green_days", "请填写绿色预警天数")
	}
	if f.get("yellow_days") == "" {
		f.errs.Add("yellow_days", "请填写黄色预警天数")
	}
	f.merge(set.Validate())
	if f.valid() {
		err := h.Store.SaveSettings(ctx, unit.ID, set)
		if err == nil {
			redirect(w, r, fmt.Sprintf("/admin/settings?unit=%d", unit.ID), "已保存“"+zhenggai.Clip(unit.Name, 30)+"”的设置")
			return
		}
		if err := f.merge(err); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	var stored zhenggai.Settings
	if unit != nil {
		if stored, err = h.Store.Settings(ctx, unit.ID); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	h.renderSettings(w, r, http.StatusUnprocessableEntity, tree, unit, stored, f)
}

// findUnit returns the unit of the tree with that ID, or nil.
func findUnit(tree []store.UnitNode, id int64) *store.UnitNode {
	for i := range tree {
		if tree[i].ID == id {
			return &tree[i]
		}
	}
	return nil
}
