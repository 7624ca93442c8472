package ui

import (
	"net/http"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
)

// EnterSignIn records one person's day by hand (补录): a sign-in the
// clock missed, entered as an import of one row (audited, replacing that
// person's day).
func (h *Handler) EnterSignIn(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "表单过大或不完整"))
		return
	}
	get := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	on, err := zhenggai.ParseDate(get("on"))
	back := "/attendance"
	if err == nil && !on.IsZero() && on.Valid() {
		back += "?month=" + on.String()[:7]
	}
	if err != nil || on.IsZero() || !on.Valid() {
		redirectRefused(w, r, back, "未能补录", zhenggai.Errorf(zhenggai.EINVALID, "日期不是有效日期（例如 2020-10-28）"))
		return
	}
	in, err1 := zhenggai.ParseClockText(get("first_in"))
	out, err2 := zhenggai.ParseClockText(get("last_out"))
	if err1 != nil || err2 != nil {
		redirectRefused(w, r, back, "未能补录", zhenggai.Errorf(zhenggai.EINVALID, "打卡时间格式应为 08:05"))
		return
	}
	res, err := h.Store.SaveSignIn(ctx, auth.UserFrom(ctx).UnitID, &zhenggai.SignIn{Name: get("name"), On: on, FirstIn: in, LastOut: out})
	if err != nil {
		redirectRefused(w, r, back, "未能补录", err)
		return
	}
	redirect(w, r, back, "已补录签到："+res.String())
}
