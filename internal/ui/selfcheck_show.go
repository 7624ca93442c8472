package ui

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/selfcheck"
	"zhenggai/internal/sheet"
	"zhenggai/internal/xlsx"
)

// selfcheckPage is the data of selfcheck_show.html: a unit's findings for
// a period, by area, the rules with their settings.
type selfcheckPage struct {
	Units    []zhenggai.Unit // the units the user reads, for the choice
	Unit     *zhenggai.Unit
	From, To string
	Period   string
	Areas    []areaFindings
	Count    int
	Rules    []ruleView
	Expense  []settingView
	CanEdit  bool
}

type areaFindings struct {
	Area     string
	Findings []findingView
}

type findingView struct {
	selfcheck.Finding
	Title    string // the rule's
	Severity string // Chinese
	Links    []recordLink
}

type recordLink struct{ Label, Href string }

type ruleView struct {
	selfcheck.Rule
	Settings []settingView
}

type settingView struct {
	Name, Label, Default, Value string
	Multi                       bool // a list, one a line
}

var severityLabel = map[selfcheck.Severity]string{selfcheck.Serious: "严重", selfcheck.Common: "一般", selfcheck.Notice: "提示"}

// RecordHref is where a finding's record of unit is shown to a viewer
// whose own unit is own. A record with a page of its own is found by its id
// whatever its unit (the guard reads the record's); a record shown as a row
// of a register's list is on that unit's list: the viewer's own list
// (/attendance), or the unit's below him (/units/{id}/attendance) — his
// own would not hold the row. unit 0 is the viewer's own.
func RecordHref(rec selfcheck.Record, unit, own int64) string {
	list := func(register string) string {
		if unit != 0 && unit != own {
			return fmt.Sprintf("/units/%d/%s", unit, register)
		}
		return "/" + register
	}
	switch rec.Kind {
	case "meeting":
		return fmt.Sprintf("/meetings/%d", rec.ID)
	case "voucher":
		return fmt.Sprintf("/vouchers/%d", rec.ID)
	case "dues_member":
		return list("dues")
	case "publication":
		return fmt.Sprintf("/publications/%d", rec.ID)
	case "proposal":
		return fmt.Sprintf("/proposals/%d", rec.ID)
	case "cppcc_member":
		return fmt.Sprintf("/members/%d", rec.ID)
	case "suggestion":
		return fmt.Sprintf("/suggestions/%d", rec.ID)
	case "township":
		return fmt.Sprintf("/townships/%d", rec.ID)
	case "travel_person":
		return fmt.Sprintf("/travel/%d", rec.ID)
	case "retired_post":
		return fmt.Sprintf("/retired/%d", rec.ID)
	// Study (issue 16): a member's notes checks, one check.
	case "person":
		return fmt.Sprintf("%s?person=%d", list("study/notes"), rec.ID)
	case "notes_check":
		return fmt.Sprintf("/study/notes/%d", rec.ID)
	case "archive_file":
		return fmt.Sprintf("/archives/%d", rec.ID)
	// Attendance and leave (issue 16): the person's row of the month's
	// grid, the leave's row of the list.
	case "attendance_person":
		return fmt.Sprintf("%s#person-%d", list("attendance"), rec.ID)
	case "leave":
		return fmt.Sprintf("%s#leave-%d", list("leaves"), rec.ID)
	}
	return ""
}

// selfcheckQuery reads unit, from and to: the unit defaults to the user's
// own, and must be one he reads. A nil unit with true: he reads none.
func (h *Handler) selfcheckQuery(w http.ResponseWriter, r *http.Request, q url.Values) (*zhenggai.Unit, zhenggai.Period, bool) {
	ctx := r.Context()
	u := auth.UserFrom(ctx)
	var p zhenggai.Period
	var err error
	if p.Start, err = zhenggai.ParseDate(q.Get("from")); err != nil {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "起始日期：%v", err))
		return nil, p, false
	}
	if p.End, err = zhenggai.ParseDate(q.Get("to")); err != nil {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "截止日期：%v", err))
		return nil, p, false
	}
	if !p.Start.IsZero() && !p.End.IsZero() && p.End.Before(p.Start) {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "截止日期不能早于起始日期"))
		return nil, p, false
	}
	id := u.UnitID
	if s := q.Get("unit"); s != "" {
		if id, err = strconv.ParseInt(s, 10, 64); err != nil || id <= 0 {
			h.fail(w, r, zhenggai.Errorf(zhenggai.ENOTFOUND, "单位不存在"))
			return nil, p, false
		}
	} else if !h.Auth.CanRead(ctx, u, id) {
		// Not given, and his own not his to read (a member): the first
		// unit he reads, or none.
		units, err := h.readableUnits(r)
		if err != nil {
			h.fail(w, r, err)
			return nil, p, false
		}
		if len(units) == 0 {
			return nil, p, true
		}
		id = units[0].ID
	}
	if !h.Auth.CanRead(ctx, u, id) {
		h.Deny(w, r, http.StatusForbidden, "无权查看该单位的自查")
		return nil, p, false
	}
	unit, err := h.Store.Unit(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return nil, p, false
	}
	return unit, p, true
}

// readableUnits are the units the user reads.
func (h *Handler) readableUnits(r *http.Request) ([]zhenggai.Unit, error) {
	all, err := h.Store.Units(r.Context())
	if err != nil {
		return nil, err
	}
	u := auth.UserFrom(r.Context())
	var out []zhenggai.Unit
	for _, x := range all {
		if h.Auth.CanRead(r.Context(), u, x.ID) {
			out = append(out, x)
		}
	}
	return out, nil
}

// groupFindings lists findings by area, in selfcheck.Areas' order, their
// records linked for a viewer whose own unit is own.
func groupFindings(fs []selfcheck.Finding, own int64) []areaFindings {
	var out []areaFindings
	for _, a := range selfcheck.Areas {
		var af areaFindings
		af.Area = a
		for _, f := range fs {
			if f.Area != a {
				continue
			}
			fv := findingView{Finding: f, Severity: severityLabel[f.Severity]}
			if rule, ok := selfcheck.ByID(f.Rule); ok {
				fv.Title = rule.Title
			}
			for _, rec := range f.Records {
				fv.Links = append(fv.Links, recordLink{rec.Label, RecordHref(rec, f.UnitID, own)})
			}
			af.Findings = append(af.Findings, fv)
		}
		if len(af.Findings) > 0 {
			out = append(out, af)
		}
	}
	return out
}

// periodQuery is unit (when not 0), from and to as a query string.
func periodQuery(unit int64, p zhenggai.Period) string {
	q := url.Values{}
	if unit != 0 {
		q.Set("unit", fmt.Sprint(unit))
	}
	if !p.Start.IsZero() {
		q.Set("from", p.Start.String())
	}
	if !p.End.IsZero() {
		q.Set("to", p.End.String())
	}
	return q.Encode()
}

// ShowSelfCheck runs every rule over a unit's registers for a period and
// lists the findings by area, each with its records; the rules and their
// settings below.
func (h *Handler) ShowSelfCheck(w http.ResponseWriter, r *http.Request) {
	unit, p, ok := h.selfcheckQuery(w, r, r.URL.Query())
	if !ok {
		return
	}
	if unit == nil {
		h.render(w, r, http.StatusOK, "error", &page{Title: "自查", Data: "没有可以查看自查情况的单位。"})
		return
	}
	ctx := r.Context()
	fs, err := h.Store.SelfCheck(ctx, unit.ID, p, nil)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	units, err := h.readableUnits(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	stored, err := h.Store.NamedSettings(ctx, unit.ID, "selfcheck.")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := &selfcheckPage{Units: units, Unit: unit, From: r.URL.Query().Get("from"), To: r.URL.Query().Get("to"),
		Period: p.Chinese(), Areas: groupFindings(fs, auth.UserFrom(ctx).UnitID), Count: len(fs),
		CanEdit: h.Auth.Can(ctx, auth.UserFrom(ctx), zhenggai.PermEdit, zhenggai.Target{UnitID: unit.ID})}
	if d.Period == "" {
		d.Period = "全部期间"
	}
	for _, rule := range selfcheck.Rules {
		rv := ruleView{Rule: rule}
		vals := rule.Values(stored)
		for _, s := range rule.Settings {
			rv.Settings = append(rv.Settings, settingView{Name: rule.SettingName(s), Label: s.Label, Default: s.Default,
				Value: vals[s.Name], Multi: strings.Contains(s.Default, "\n")})
		}
		d.Rules = append(d.Rules, rv)
	}
	// Expense is read with the vouchers register's own prefixes.
	if e, b, err := h.Store.VoucherPrefixes(ctx, unit.ID); err == nil {
		d.Expense = []settingView{{Label: "费用类科目", Value: strings.Join(e, "、")}, {Label: "预算支出类科目", Value: strings.Join(b, "、")}}
	}
	h.render(w, r, http.StatusOK, "selfcheck_show", &page{Title: "自查", Nav: "selfcheck", Data: d})
}

// ExportSelfCheck is the findings as a workbook.
func (h *Handler) ExportSelfCheck(w http.ResponseWriter, r *http.Request) {
	unit, p, ok := h.selfcheckQuery(w, r, r.URL.Query())
	if !ok {
		return
	}
	if unit == nil {
		h.Deny(w, r, http.StatusNotFound, "没有可以查看自查情况的单位")
		return
	}
	fs, err := h.Store.SelfCheck(r.Context(), unit.ID, p, nil)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	per := p.Chinese()
	if per == "" {
		per = "全部期间"
	}
	out := &xlsx.List{Sheet: "自查发现的问题", Title: unit.Name + "自查发现的问题（" + per + "）",
		Columns: []sheet.OutColumn{xlsx.Col("方面", 12), xlsx.Col("自查规则", 28), xlsx.Col("严重程度", 10),
			xlsx.Col("发现的问题", 60), xlsx.Col("涉及的记录", 40)}}
	for _, a := range groupFindings(fs, auth.UserFrom(r.Context()).UnitID) {
		for _, f := range a.Findings {
			var ls []string
			for _, l := range f.Links {
				ls = append(ls, l.Label)
			}
			out.Rows = append(out.Rows, []sheet.Cell{xlsx.Label(a.Area), xlsx.Text(f.Title), xlsx.Label(f.Severity),
				xlsx.Text(f.Text), xlsx.Text(strings.Join(ls, "、"))})
		}
	}
	h.sendList(w, r, out, unit.Name, "自查发现的问题")
}

// CreateSelfCheckRound turns the findings chosen into a round of 自查. The
// rules run again on the unit's registers as they are now; a finding is
// named by its key.
func (h *Handler) CreateSelfCheckRound(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxAdminForm)
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "表单无法读取"))
		return
	}
	unit, p, ok := h.selfcheckQuery(w, r, r.PostForm)
	if !ok {
		return
	}
	if unit == nil {
		h.Deny(w, r, http.StatusForbidden, "没有可以自查的单位")
		return
	}
	ctx := r.Context()
	back := "/selfcheck?" + periodQuery(unit.ID, p)
	if !h.Auth.Can(ctx, auth.UserFrom(ctx), zhenggai.PermEdit, zhenggai.Target{UnitID: unit.ID}) {
		h.Deny(w, r, http.StatusForbidden, "只有本单位的管理员可以生成自查整改轮次")
		return
	}
	fs, err := h.Store.SelfCheck(ctx, unit.ID, p, nil)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	chosen := map[string]bool{}
	for _, k := range r.PostForm["key"] {
		chosen[k] = true
	}
	var picked []selfcheck.Finding
	for _, f := range fs {
		if chosen[f.Key] {
			picked = append(picked, f)
		}
	}
	round, err := h.Store.CreateSelfCheckRound(ctx, unit.ID, p, picked)
	if err != nil {
		redirectRefused(w, r, back, "未能生成自查整改轮次", err)
		return
	}
	redirect(w, r, fmt.Sprintf("/rounds/%d", round.ID), fmt.Sprintf("已生成自查整改轮次：%d个问题，请为每个问题制定整改措施", len(picked)))
}

// SaveSelfCheckSettings saves the unit's rule settings; an empty field
// (or the default) returns a setting to its default.
func (h *Handler) SaveSelfCheckSettings(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxAdminForm)
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "表单无法读取"))
		return
	}
	unit, p, ok := h.selfcheckQuery(w, r, r.PostForm)
	if !ok {
		return
	}
	if unit == nil {
		h.Deny(w, r, http.StatusForbidden, "没有可以自查的单位")
		return
	}
	ctx := r.Context()
	if !h.Auth.Can(ctx, auth.UserFrom(ctx), zhenggai.PermEdit, zhenggai.Target{UnitID: unit.ID}) {
		h.Deny(w, r, http.StatusForbidden, "只有本单位的管理员可以修改自查规则的设置")
		return
	}
	values := map[string]string{}
	put := func(name, def string) {
		v, sent := r.PostForm[name]
		if !sent {
			return
		}
		val := strings.TrimSpace(strings.ReplaceAll(v[0], "\r\n", "\n"))
		if val == strings.TrimSpace(def) {
			val = ""
		}
		values[name] = val
	}
	for _, rule := range selfcheck.Rules {
		for _, s := range rule.Settings {
			put(rule.SettingName(s), s.Default)
		}
	}
	back := "/selfcheck?" + periodQuery(unit.ID, p) + "#rules"
	if err := h.Store.SaveNamedSettings(ctx, unit.ID, values); err != nil {
		redirectRefused(w, r, back, "未能保存自查规则的设置", err)
		return
	}
	redirect(w, r, back, "已保存自查规则的设置")
}

// unitFindings is one row of the office's table.
type unitFindings struct {
	Unit   zhenggai.Unit
	Counts []int // per area, in selfcheck.Areas' order
	Total  int
}

// ShowSelfCheckUnits runs every rule across the units the user reads (the
// inspection office: the units under it) and counts the findings per unit
// and area.
func (h *Handler) ShowSelfCheckUnits(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	var p zhenggai.Period
	var err error
	if p.Start, err = zhenggai.ParseDate(q.Get("from")); err == nil {
		p.End, err = zhenggai.ParseDate(q.Get("to"))
	}
	if err != nil {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "日期：%v", err))
		return
	}
	units, err := h.readableUnits(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	found, err := h.Store.SelfCheckUnits(r.Context(), units, p, nil)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var rows []unitFindings
	for i, u := range units {
		fs := found[i]
		row := unitFindings{Unit: u, Counts: make([]int, len(selfcheck.Areas)), Total: len(fs)}
		for _, f := range fs {
			for i, a := range selfcheck.Areas {
				if f.Area == a {
					row.Counts[i]++
				}
			}
		}
		rows = append(rows, row)
	}
	per := p.Chinese()
	if per == "" {
		per = "全部期间"
	}
	h.render(w, r, http.StatusOK, "selfcheck_units", &page{Title: "各单位自查", Nav: "selfcheck", Data: struct {
		Areas    []string
		Rows     []unitFindings
		From, To string
		Period   string
	}{selfcheck.Areas, rows, q.Get("from"), q.Get("to"), per}})
}
