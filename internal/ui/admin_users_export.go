package ui

import (
	"net/http"

	"zhenggai/internal/sheet"
	"zhenggai/internal/xlsx"
)

// ExportUsers is the accounts as a workbook, by unit; never a password or
// its hash.
func (h *Handler) ExportUsers(w http.ResponseWriter, r *http.Request) {
	users, err := h.Store.Users(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := &xlsx.List{Sheet: "用户", Title: "用户（截至" + h.today().Chinese() + "）",
		Columns: []sheet.OutColumn{xlsx.Col("单位", 24), xlsx.Col("登录名", 16), xlsx.Col("姓名", 10), xlsx.Col("角色", 10),
			xlsx.Col("主要负责人", 10), xlsx.Col("电子邮箱", 24), xlsx.Col("状态", 8), xlsx.Col("创建时间", 20)}}
	for _, u := range users {
		principal, state := "", "正常"
		if u.Principal {
			principal = "是"
		}
		if u.Disabled {
			state = "已停用"
		}
		out.Rows = append(out.Rows, []sheet.Cell{xlsx.Text(u.Unit), xlsx.Label(u.Name), xlsx.Label(u.DisplayName),
			xlsx.Label(u.Role.Label()), xlsx.Label(principal), xlsx.Label(u.Email), xlsx.Label(state), xlsx.When(u.CreatedAt)})
	}
	h.sendList(w, r, out, myUnit(r), "用户")
}
