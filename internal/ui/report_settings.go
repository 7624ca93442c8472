package ui

import (
	"fmt"
	"net/http"

	"zhenggai"
)

// reportSettingsPage is the data of report_settings.html: the contact
// lines and signature a unit's progress reports end with.
type reportSettingsPage struct {
	Unit   *zhenggai.Unit
	Fields []reportField
}

// reportField is one contact line or the signature on the report
// settings page.
type reportField struct{ Name, Label, Example string }

var reportFields = []reportField{
	{"report_phone", "联系电话", "如 0744—6223478"},
	{"report_mailbox", "邮政信箱", "如 桑植县行政中心818室"},
	{"report_email", "电子邮箱", "如 name@example.com"},
	{"report_signature", "落款单位", "如 中共政协桑植县委员会党组"},
}

// reportSettingFields are the form's field names, from reportFields.
func reportSettingFields() []string {
	names := make([]string, len(reportFields))
	for i, f := range reportFields {
		names[i] = f.Name
	}
	return names
}

// EditReportSettings shows the unit's contact lines and signature; an
// unset signature is proposed as the unit's full name.
func (h *Handler) EditReportSettings(w http.ResponseWriter, r *http.Request) {
	u, set, ok := h.reportSettingsOf(w, r)
	if !ok {
		return
	}
	f := &form{values: map[string]string{"report_phone": set.ReportPhone, "report_mailbox": set.ReportMailbox,
		"report_email": set.ReportEmail, "report_signature": set.ReportSignature}, errs: &zhenggai.ValidationError{}}
	if f.values["report_signature"] == "" {
		f.values["report_signature"] = u.FullName
	}
	h.renderReportSettings(w, r, http.StatusOK, u, f)
}

// UpdateReportSettings saves them, leaving the unit's other settings as
// they are.
func (h *Handler) UpdateReportSettings(w http.ResponseWriter, r *http.Request) {
	u, set, ok := h.reportSettingsOf(w, r)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxAdminForm)
	f := newForm(r, reportSettingFields()...)
	set.ReportPhone, set.ReportMailbox = f.get("report_phone"), f.get("report_mailbox")
	set.ReportEmail, set.ReportSignature = f.get("report_email"), f.get("report_signature")
	f.merge(set.Validate())
	if f.valid() {
		err := h.Store.SaveSettings(r.Context(), u.ID, set)
		if err == nil {
			redirect(w, r, fmt.Sprintf("/units/%d/report-settings", u.ID), "已保存报告的联系方式和落款")
			return
		}
		if err := f.merge(err); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	h.renderReportSettings(w, r, http.StatusUnprocessableEntity, u, f)
}

func (h *Handler) reportSettingsOf(w http.ResponseWriter, r *http.Request) (*zhenggai.Unit, zhenggai.Settings, bool) {
	id, ok := h.pathID(w, r)
	if !ok {
		return nil, zhenggai.Settings{}, false
	}
	u, err := h.Store.Unit(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return nil, zhenggai.Settings{}, false
	}
	set, err := h.Store.Settings(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return nil, zhenggai.Settings{}, false
	}
	return u, set, true
}

func (h *Handler) renderReportSettings(w http.ResponseWriter, r *http.Request, status int, u *zhenggai.Unit, f *form) {
	h.render(w, r, status, "report_settings", &page{Title: "报告的联系方式和落款", Nav: "report-settings",
		Data: &reportSettingsPage{Unit: u, Fields: reportFields}, Form: f.values, Errors: f.errMap()})
}
