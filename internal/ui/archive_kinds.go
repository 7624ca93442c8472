package ui

import (
	"net/http"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
)

// The archive kinds' settings: each kind of file with the documents it
// must hold, whether a file is expected every year (per branch), and from
// which year. The defaults stand until the unit saves a kind; a kind
// withdrawn (停用) is no longer checked.

// archiveKindsPage is the data of archive_kinds.html.
type archiveKindsPage struct {
	Kinds []zhenggai.ArchiveKind
	// Errors of the form of kind Code (its code, "new" for the new one).
	Code   string
	Errors map[string]string
	New    zhenggai.ArchiveKind
}

// ShowArchiveKinds shows the unit's kinds, each in a form of its own, and
// one for a new kind.
func (h *Handler) ShowArchiveKinds(w http.ResponseWriter, r *http.Request) {
	h.renderArchiveKinds(w, r, http.StatusOK, "", nil, zhenggai.ArchiveKind{Yearly: true})
}

func (h *Handler) renderArchiveKinds(w http.ResponseWriter, r *http.Request, status int, code string, errs map[string]string, nk zhenggai.ArchiveKind) {
	kinds, err := h.Store.ArchiveKinds(r.Context(), auth.UserFrom(r.Context()).UnitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := &archiveKindsPage{Kinds: kinds, Code: code, Errors: errs, New: nk}
	h.render(w, r, status, "archive_kinds", &page{Title: "档案类别设置", Nav: "archives", Data: d})
}

// SaveArchiveKind saves one kind from its form (a new one when its code
// is new).
func (h *Handler) SaveArchiveKind(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxArchiveForm)
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "表单过大或不完整"))
		return
	}
	get := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	k := zhenggai.ArchiveKind{UnitID: auth.UserFrom(r.Context()).UnitID, Code: get("code"), Name: get("name"),
		Documents: zhenggai.SplitList(get("documents")), Holders: zhenggai.SplitList(get("holders")),
		Yearly: get("yearly") != "", PerHolder: get("per_holder") != ""}
	k.ID, _ = strconv.ParseInt(get("id"), 10, 64)
	k.Version, _ = strconv.ParseInt(get("version"), 10, 64)
	errs := &zhenggai.ValidationError{}
	if s := get("since"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			errs.Add("since", "起始年度须为四位年份")
		}
		k.Since = n
	}
	if s := get("seq"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			errs.Add("seq", "序号须为整数")
		}
		k.Seq = n
	}
	form := get("form")
	if len(errs.Fields) == 0 {
		err := h.Store.SaveArchiveKind(r.Context(), &k)
		switch {
		case err == nil:
			redirect(w, r, "/archives/kinds", "已保存档案类别“"+k.Name+"”")
			return
		case zhenggai.ErrorCode(err) == zhenggai.ECONFLICT:
			redirectRefused(w, r, "/archives/kinds", "未能保存", zhenggai.Errorf(zhenggai.ECONFLICT, "%s", staleMessage))
			return
		}
		v, ok := err.(*zhenggai.ValidationError)
		if !ok {
			h.fail(w, r, err)
			return
		}
		errs.Fields = append(errs.Fields, v.Fields...)
	}
	nk := zhenggai.ArchiveKind{Yearly: true}
	if form == "new" {
		nk = k
	}
	h.renderArchiveKinds(w, r, http.StatusUnprocessableEntity, form, errorsByField(errs), nk)
}

// WithdrawArchiveKind stops a kind (停用): saved first if it was a
// default, then voided with the reason; its files stay.
func (h *Handler) WithdrawArchiveKind(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	unit := auth.UserFrom(ctx).UnitID
	code, reason := strings.TrimSpace(r.PostFormValue("code")), strings.TrimSpace(r.PostFormValue("reason"))
	kinds, err := h.Store.ArchiveKinds(ctx, unit)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	k, ok := zhenggai.ArchiveKindOf(kinds, code)
	if !ok {
		redirectRefused(w, r, "/archives/kinds", "未能停用", zhenggai.Errorf(zhenggai.ENOTFOUND, "没有这个档案类别"))
		return
	}
	if reason == "" {
		redirectRefused(w, r, "/archives/kinds", "未能停用", zhenggai.Errorf(zhenggai.EINVALID, "请填写停用理由"))
		return
	}
	if k.ID == 0 {
		k.UnitID = unit
		if err := h.Store.SaveArchiveKind(ctx, &k); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	switch err := h.Store.Void(ctx, "archive_kind", k.ID, reason); zhenggai.ErrorCode(err) {
	case "":
		redirect(w, r, "/archives/kinds", "已停用档案类别“"+k.Name+"”：自查不再检查它，已登记的案卷仍保留。")
	case zhenggai.EINVALID, zhenggai.ECONFLICT:
		redirectRefused(w, r, "/archives/kinds", "未能停用", err)
	default:
		h.fail(w, r, err)
	}
}
