package ui

import (
	"fmt"
	"net/http"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/xlsx"
)

// ImportMembersFile imports a members list (what=members) or an
// activities list (what=activities) into the term chosen: all or nothing,
// every bad row named.
func (h *Handler) ImportMembersFile(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	unitID := auth.UserFrom(ctx).UnitID
	r.Body = http.MaxBytesReader(w, r.Body, 16<<20)
	file, head, err := r.FormFile("file")
	if err != nil {
		redirectRefused(w, r, "/members", "未能导入", zhenggai.Errorf(zhenggai.EINVALID, "请选择要导入的Excel文件（不超过16MB）"))
		return
	}
	defer file.Close()
	term := zhenggai.Clip(strings.TrimSpace(r.PostFormValue("term")), 40)
	what := r.PostFormValue("what")
	var n int
	switch what {
	case "activities":
		if term == "" {
			err = zhenggai.Errorf(zhenggai.EINVALID, "请选择届次")
			break
		}
		rows, perr := xlsx.ParseActivities(ctx, file, head.Filename)
		if err = perr; err == nil {
			err = h.Store.ImportMemberActivities(ctx, unitID, term, rows, false)
			n = len(rows)
		}
	default:
		im, perr := xlsx.ParseMembers(ctx, file, head.Filename, term)
		if err = perr; err == nil {
			err = h.Store.ImportCPPCCMembers(ctx, unitID, im.Members, im.Phones, im.Where, r.PostFormValue("new_persons") != "", false)
			n = len(im.Members)
			if len(im.Members) > 0 {
				term = im.Members[0].Term
			}
		}
	}
	if err != nil {
		var lines []string
		if v, ok := err.(*zhenggai.ValidationError); ok {
			for _, f := range v.Fields {
				lines = append(lines, f.Message)
			}
		} else if c := zhenggai.ErrorCode(err); c == zhenggai.EINVALID || c == zhenggai.ECONFLICT {
			lines = strings.Split(zhenggai.ErrorMessage(err), "\n")
		}
		if lines != nil {
			if len(lines) > 201 {
				lines = append(lines[:200], fmt.Sprintf("……共%d处", len(lines)))
			}
			h.renderMemberList(w, r, http.StatusUnprocessableEntity, lines)
			return
		}
		h.fail(w, r, err)
		return
	}
	done := fmt.Sprintf("已导入委员%d名", n)
	if what == "activities" {
		done = fmt.Sprintf("已导入履职活动%d条", n)
	}
	redirect(w, r, "/members"+buildQuery("term", term), done)
}
