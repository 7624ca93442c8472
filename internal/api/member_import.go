package api

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/xlsx"
)

// maxMemberImport bounds a members or activities list.
const maxMemberImport = 4 << 20

// memberImportJSON answers an import: how many rows were (or would be) written.
type memberImportJSON struct {
	What   string `json:"what"`
	Rows   int    `json:"rows"`
	DryRun bool   `json:"dry_run,omitempty"`
}

// ImportMembers is POST /api/v1/members/import?what=members|activities&term=&new_persons=1:
// the body is a members list or an activities list (.xlsx or CSV), all or
// nothing; bad rows are a 422 naming each. ?dry_run=1 checks and writes nothing.
func (h *Handler) ImportMembers(w http.ResponseWriter, r *http.Request) {
	dry, ok := h.dryRun(w, r)
	if !ok {
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxMemberImport))
	if err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			h.tooLarge(w, "", "文件过大（最大4MB）")
			return
		}
		h.badRequest(w, "无法读取文件")
		return
	}
	q := r.URL.Query()
	name := q.Get("name")
	if name == "" {
		name = "委员名单"
	}
	term := zhenggai.Clip(strings.TrimSpace(q.Get("term")), 40)
	ctx := r.Context()
	unitID := auth.UserFrom(ctx).UnitID
	out := memberImportJSON{What: q.Get("what"), DryRun: dry}
	switch out.What {
	case "activities":
		if term == "" {
			h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "请用 term 指明届次"))
			return
		}
		rows, err := xlsx.ParseActivities(ctx, bytes.NewReader(body), name)
		if err == nil {
			err = h.Store.ImportMemberActivities(ctx, unitID, term, rows, dry)
		}
		if err != nil {
			h.fail(w, r, rowsError(err))
			return
		}
		out.Rows = len(rows)
	case "", "members":
		out.What = "members"
		im, err := xlsx.ParseMembers(ctx, bytes.NewReader(body), name, term)
		if err == nil {
			err = h.Store.ImportCPPCCMembers(ctx, unitID, im.Members, im.Phones, im.Where, q.Get("new_persons") == "1", dry)
		}
		if err != nil {
			h.fail(w, r, rowsError(err))
			return
		}
		out.Rows = len(im.Members)
	default:
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "what 须为 members 或 activities"))
		return
	}
	status := http.StatusCreated
	if dry {
		status = http.StatusOK
	}
	writeJSON(w, status, out)
}

func init() {
	apiOps["POST /api/v1/members/import"] = apiOp{summary: "导入委员名单（what=members：序号、姓名、届次、界别、专委会/小组、常委、状态、任职日期、退出日期、所在乡镇、联系电话）" +
		"或履职活动（what=activities：姓名、活动类别、活动名称、日期、备注，须带 term）；xlsx 或 CSV，全部成功或全部不写入，错误逐行列出；new_persons=1 在人员名册中新建没有的委员",
		response: (*memberImportJSON)(nil), created: true, raw: []string{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"},
		query: []apiParam{{"what", "string", "members 或 activities"}, {"term", "string", "届次"},
			{"new_persons", "string", "1：名册中没有的委员在名册中新建"}, {"dry_run", "string", "1：只检查，不写入"}, {"name", "string", "文件名（CSV 的提示用）"}}}
}
