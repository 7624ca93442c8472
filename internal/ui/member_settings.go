package ui

import (
	"net/http"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
)

// memberSettingsPage is the data of member_settings.html: the scheme as
// text a clerk edits, what each statistic counts, and the flags' settings.
type memberSettingsPage struct {
	Unit   *zhenggai.Unit
	Keys   []kindOption // statistic keys and what they count
	Scheme zhenggai.ScoreScheme
}

var memberSettingFields = []string{"score", "plenary_types", "standing_types", "no_proposal_years", "absences", "leave_max"}

// memberSettingName maps a form field to its named setting.
func memberSettingName(field string) string { return "members." + field }

// EditMemberSettings shows the members settings of the user's unit.
func (h *Handler) EditMemberSettings(w http.ResponseWriter, r *http.Request) {
	unitID := auth.UserFrom(r.Context()).UnitID
	rules, err := h.Store.MemberRules(r.Context(), unitID)
	if err != nil && zhenggai.ErrorCode(err) != zhenggai.EINVALID {
		h.fail(w, r, err)
		return
	}
	values := map[string]string{
		"score":             zhenggai.ScoreSchemeText(rules.Scheme),
		"plenary_types":     strings.Join(rules.PlenaryTypes, "\n"),
		"standing_types":    strings.Join(rules.StandingTypes, "\n"),
		"no_proposal_years": itoaOrEmpty(rules.NoProposalYears),
		"absences":          itoaOrEmpty(rules.Absences),
		"leave_max":         itoaOrEmpty(rules.LeaveMax),
	}
	if rules.LeaveMax == 0 {
		values["leave_max"] = "0"
	}
	h.renderMemberSettings(w, r, http.StatusOK, unitID, rules.Scheme, values, nil)
}

// SaveMemberSettings checks and keeps the members settings; a setting
// typed as its default is kept as such, an empty one returns to it.
func (h *Handler) SaveMemberSettings(w http.ResponseWriter, r *http.Request) {
	unitID := auth.UserFrom(r.Context()).UnitID
	r.Body = http.MaxBytesReader(w, r.Body, maxAdminForm)
	f := newForm(r, memberSettingFields...)
	f.values["score"] = strings.TrimSpace(r.PostFormValue("score")) // its lines as typed
	values := map[string]string{}
	for _, k := range memberSettingFields {
		values[memberSettingName(k)] = f.get(k)
	}
	if values[zhenggai.MemberScoreSetting] == strings.TrimSpace(zhenggai.ScoreSchemeText(zhenggai.DefaultScoreScheme)) {
		values[zhenggai.MemberScoreSetting] = "" // the default stays the default when the code's changes
	}
	err := h.Store.SaveMemberSettings(r.Context(), unitID, values)
	if err == nil {
		redirect(w, r, "/members/settings", "已保存委员履职考核设置")
		return
	}
	if err := f.merge(err); err != nil {
		h.fail(w, r, err)
		return
	}
	h.renderMemberSettings(w, r, http.StatusUnprocessableEntity, unitID, zhenggai.DefaultScoreScheme, f.values, f.errMap())
}

func (h *Handler) renderMemberSettings(w http.ResponseWriter, r *http.Request, status int, unitID int64, sc zhenggai.ScoreScheme, values, errs map[string]string) {
	u, err := h.Store.Unit(r.Context(), unitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := &memberSettingsPage{Unit: u, Scheme: sc}
	for _, k := range zhenggai.ScoreKeys {
		d.Keys = append(d.Keys, kindOption{k, zhenggai.ScoreKeyLabel(k) + "（" + zhenggai.ScoreKeyUnit(k) + "）"})
	}
	h.render(w, r, status, "member_settings", &page{Title: "委员履职考核设置", Nav: "members", Data: d, Form: values, Errors: errs})
}
